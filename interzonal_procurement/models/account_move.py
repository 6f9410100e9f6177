# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    late_fine_count = fields.Integer(compute="_compute_late_fine_count")

    @api.depends("line_ids.late_fine_id")
    def _compute_late_fine_count(self):
        for move in self:
            move.late_fine_count = len(move.line_ids.late_fine_id)

    def action_view_late_fines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "interzonal_procurement.interzonal_late_fine_action"
        )
        action["domain"] = [("id", "in", self.line_ids.late_fine_id.ids)]
        action["context"] = {}
        return action
