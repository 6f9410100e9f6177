# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    late_fine_id = fields.Many2one(
        "interzonal.late.fine",
        string="Late-Delivery Fine",
        index="btree_not_null",
        ondelete="restrict",
        copy=False,
        readonly=True,
    )

    def _copy_data_extend_business_fields(self, values):
        # A credit note, or the bill that replaces a reversed one, carries
        # the fine its line withholds.
        res = super()._copy_data_extend_business_fields(values)
        values["late_fine_id"] = self.late_fine_id.id
        return res
