# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .interzonal_supplier_scorecard import GRADES


class ResPartner(models.Model):
    _inherit = "res.partner"

    scorecard_id = fields.Many2one(
        "interzonal.supplier.scorecard",
        string="Current Scorecard",
        compute="_compute_scorecard_id",
    )
    scorecard_grade = fields.Selection(
        GRADES,
        compute="_compute_scorecard_id",
    )
    scorecard_score = fields.Float(compute="_compute_scorecard_id")

    def _compute_scorecard_id(self):
        Scorecard = self.env["interzonal.supplier.scorecard"]
        latest = (
            self._scorecard_latest_overall(self.commercial_partner_id.ids)
            if Scorecard.has_access("read")
            else {}
        )
        for partner in self:
            card = latest.get(partner.commercial_partner_id.id, Scorecard)
            partner.scorecard_id = card
            partner.scorecard_grade = card.grade
            partner.scorecard_score = card.score

    @api.model
    def _scorecard_latest_overall(self, partner_ids):
        """Current all-lots scorecard per supplier, for the supplier form."""
        cards = self.env["interzonal.supplier.scorecard"].search(
            [
                ("partner_id", "in", partner_ids),
                ("requisition_id", "=", False),
                ("period_type", "in", ("rolling", "custom")),
                ("company_id", "=", self.env.company.id),
            ],
            order="date_to desc, id desc",
        )
        latest = {}
        for card in cards:
            latest.setdefault(card.partner_id.id, card)
        return latest

    def action_view_scorecards(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "interzonal_procurement.interzonal_supplier_scorecard_action"
        )
        action["domain"] = [
            ("partner_id", "=", self.commercial_partner_id.id),
        ]
        action["context"] = {"search_default_filter_all_lots": 1}
        if self.scorecard_id:
            action.update(
                res_id=self.scorecard_id.id,
                view_mode="form",
                views=[(False, "form")],
            )
        return action
