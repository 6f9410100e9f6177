# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class PurchaseOrder(models.Model):
    """Late-delivery fines of an order, withheld on its bill."""

    _inherit = "purchase.order"

    late_fine_ids = fields.One2many(
        "interzonal.late.fine", "purchase_order_id", string="Late-Delivery Fines"
    )
    late_fine_count = fields.Integer(compute="_compute_late_fine_amount")
    late_fine_amount = fields.Monetary(
        string="Late-Delivery Fines Amount", compute="_compute_late_fine_amount"
    )

    @api.depends("late_fine_ids.amount", "late_fine_ids.state")
    def _compute_late_fine_amount(self):
        # sudo: count and sum of the order's fines, for readers of the order;
        # no fine is returned.
        groups = {
            order: (count, amount)
            for order, count, amount in self.env["interzonal.late.fine"]
            .sudo()
            ._read_group(
                [("purchase_order_id", "in", self.ids), ("state", "!=", "remitted")],
                ["purchase_order_id"],
                ["__count", "amount:sum"],
            )
        }
        for order in self:
            order.late_fine_count, order.late_fine_amount = groups.get(
                order._origin, (0, 0.0)
            )

    def _prepare_invoice(self):
        """Withhold the order's due late-delivery fines on its bill."""
        invoice_vals = super()._prepare_invoice()
        # sudo: the fines due on the order are withheld on the bill the caller
        # creates; only their bill line values are read.
        fines = (
            self.sudo()
            .with_context(lang=self.partner_id.lang or self.env.lang)
            .late_fine_ids._get_fines_to_bill()
        )
        invoice_vals["invoice_line_ids"] += [
            fields.Command.create(fine._prepare_bill_line_vals(sequence=1000 + index))
            for index, fine in enumerate(fines)
        ]
        return invoice_vals

    def action_view_late_fines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "interzonal_procurement.interzonal_late_fine_action"
        )
        action["domain"] = [("purchase_order_id", "=", self.id)]
        action["context"] = {}
        return action
