# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class InterzonalQuotationTemplateLine(models.Model):
    _name = "interzonal.quotation.template.line"
    _description = "Purchase Request Template Line"
    _order = "template_id, sequence, id"
    _check_company_auto = True

    template_id = fields.Many2one(
        "interzonal.quotation.template", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product",
        check_company=True,
        domain=[("purchase_ok", "=", True)],
    )
    name = fields.Char(string="Description")
    product_qty = fields.Float(
        string="Quantity", default=1.0, digits="Product Unit of Measure"
    )
    company_id = fields.Many2one(
        related="template_id.company_id", store=True, index=True, precompute=True
    )

    @api.constrains("product_id", "product_qty")
    def _check_product_qty(self):
        bad = self.filtered(lambda line: not line.product_id or line.product_qty <= 0)
        if bad:
            raise ValidationError(
                _(
                    "Every template line needs a product and a positive quantity: "
                    "%(templates)s",
                    templates=", ".join(bad.template_id.mapped("display_name")),
                )
            )
