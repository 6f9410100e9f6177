# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class InterzonalQuotationTemplate(models.Model):
    _name = "interzonal.quotation.template"
    _description = "Purchase Request Template"
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    zone_ids = fields.Many2many(
        "interzonal.zone",
        string="Zones",
        check_company=True,
        help="Zones where the template applies; empty for every zone.",
    )
    line_ids = fields.One2many(
        "interzonal.quotation.template.line", "template_id", string="Lines", copy=True
    )
