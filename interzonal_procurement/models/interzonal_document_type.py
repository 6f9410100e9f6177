# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class InterzonalDocumentType(models.Model):
    _name = "interzonal.document.type"
    _description = "Contract File Document Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    is_required = fields.Boolean(
        string="Required",
        default=True,
        help="A framework agreement's contract file is complete when it holds "
        "at least one document of every required type.",
    )
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to use this type in every company.",
    )
    active = fields.Boolean(default=True)
