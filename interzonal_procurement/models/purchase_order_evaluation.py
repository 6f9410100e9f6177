# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.tools import float_compare


class PurchaseOrder(models.Model):
    """The buyer's evaluation of the supplier once an order is received."""

    _inherit = "purchase.order"

    def _request_supplier_evaluation(self):
        """Ask the buyer to rate the supplier once an order is fully received."""
        activity_type = self.env.ref(
            "interzonal_procurement.mail_activity_type_supplier_evaluation",
            raise_if_not_found=False,
        )
        if not activity_type:
            return
        # sudo: only whether the orders were evaluated, so that none is asked
        # twice; no evaluation is returned.
        evaluated = set(
            self.env["interzonal.supplier.evaluation"]
            .sudo()
            .search([("purchase_order_id", "in", self.ids)])
            .purchase_order_id.ids
        )
        for order in self:
            goods = order.order_line.filtered(
                lambda line: not line.display_type and line.product_id.type == "consu"
            )
            if (
                order.id in evaluated
                or not goods
                or order.activity_ids.filtered(
                    lambda act, atype=activity_type: act.activity_type_id == atype
                )
                or any(
                    float_compare(
                        line.qty_received,
                        line.product_qty,
                        precision_rounding=line.product_uom.rounding,
                    )
                    < 0
                    for line in goods
                )
            ):
                continue
            order.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=order.user_id.id or self.env.user.id,
            )
