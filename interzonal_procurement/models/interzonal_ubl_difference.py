# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class InterzonalUblDifference(models.Model):
    _name = "interzonal.ubl.difference"
    _description = "Difference Between a Supplier Invoice and its Call-off"
    _order = "move_id, sequence, id"
    _check_company_auto = True

    move_id = fields.Many2one(
        "account.move", string="Bill", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="move_id.company_id", store=True)
    sequence = fields.Integer()
    kind = fields.Selection(
        [
            ("price", "Unit Price"),
            ("quantity", "Quantity"),
            ("unknown_line", "Line Not on the Order"),
            ("contract", "Contract Reference"),
        ],
        required=True,
    )
    invoice_line_ref = fields.Char(string="Invoice Line")
    purchase_line_id = fields.Many2one(
        "purchase.order.line", string="Order Line", check_company=True
    )
    product_id = fields.Many2one(related="purchase_line_id.product_id")
    invoice_value = fields.Char(string="On the Invoice")
    order_value = fields.Char(string="On the Order")
    name = fields.Char(string="Description", required=True)
