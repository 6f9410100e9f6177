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
