# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, models

from .purchase_requisition import COMMITTED_STATES

# What each lot reports, in its currency.
MONEY_KEYS = ("committed", "received", "invoiced", "paid")
BILL_TYPES = ("in_invoice", "in_refund")


class InterzonalContractMoneyMixin(models.AbstractModel):
    """Money of the call-offs of lots, as Odoo's accounting records it.

    - committed: the amount each call-off froze when it was placed;
    - received: received quantity x untaxed unit price of the call-off lines;
    - invoiced: untaxed amounts of the posted vendor bills minus the posted
      credit notes, on call-off lines only (late-delivery fines apart);
    - paid: the invoiced part of those bills that Odoo marks paid, in
      proportion of what is left to pay when partly paid.

    Amounts in the order's currency turn into the lot's currency at the rate
    the call-off froze (committed / untaxed total): a fully received and
    invoiced call-off is received and invoiced for what it committed.
    Each call-off line, bill line and credit-note line counts once.
    """

    _name = "interzonal.contract.money.mixin"
    _description = "Contract Money of Lots"

    def _get_money_lots(self):
        """Lots whose figures the record sums; overridden by each model."""
        return self.env["purchase.requisition"]

    @api.model
    def _get_lots_money(self, lots):
        """Figures of ``lots`` in a few grouped queries.

        :return: ``{lot_id: {"committed": x, "received": x, "invoiced": x,
            "paid": x}}`` in each lot's currency, lots of an agreement only.
        """
        money = defaultdict(lambda: dict.fromkeys(MONEY_KEYS, 0.0))
        lots = lots.filtered(lambda lot: lot.id and lot.framework_agreement_id)
        if not lots:
            return money
        # sudo: sums only, for the lots the caller reads already; buyers and
        # contract managers may not read the bills and payments themselves.
        env = self.sudo().env
        for lot_id, amount in lots._get_committed_amounts()[0].items():
            money[lot_id]["committed"] = amount
        order_domain = [
            ("order_id.requisition_id", "in", lots.ids),
            ("order_id.state", "in", COMMITTED_STATES),
        ]
        lines = env["purchase.order.line"].search(
            [*order_domain, ("display_type", "=", False), ("qty_received", "!=", 0)]
        )
        for line in lines:
            if line.product_qty:
                money[line.order_id.requisition_id.id]["received"] += (
                    line.qty_received
                    * line.price_subtotal
                    / line.product_qty
                    * self._get_call_off_rate(line.order_id)
                )
        billed = env["account.move.line"]._read_group(
            [
                *(
                    ("purchase_line_id." + fname, operator, value)
                    for fname, operator, value in order_domain
                ),
                ("parent_state", "=", "posted"),
                ("move_id.move_type", "in", BILL_TYPES),
                ("display_type", "=", "product"),
            ],
            ["move_id", "purchase_line_id"],
            ["price_subtotal:sum"],
        )
        for move, line, subtotal in billed:
            order = line.order_id
            sign = -1.0 if move.move_type == "in_refund" else 1.0
            invoiced = sign * subtotal * self._get_call_off_rate(order)
            figures = money[order.requisition_id.id]
            figures["invoiced"] += invoiced
            figures["paid"] += invoiced * self._get_paid_ratio(move)
        return money

    @api.model
    def _get_call_off_rate(self, order):
        """Lot's currency per unit of the call-off's: the rate it froze."""
        if not order.amount_untaxed:
            return 1.0
        return order.call_off_amount / order.amount_untaxed

    @api.model
    def _get_paid_ratio(self, move):
        """Share of bill ``move`` that Odoo records as paid."""
        if move.payment_state == "not_paid":
            return 0.0
        if not move.amount_total:
            return 1.0
        return min(max(1.0 - move.amount_residual / move.amount_total, 0.0), 1.0)

    def _compute_contract_money(self):
        lots = self._get_money_lots()
        money = self._get_lots_money(lots)
        for record in self:
            totals = record._sum_lots_money(money)
            record.received_amount = totals["received"]
            record.invoiced_amount = totals["invoiced"]
            record.paid_amount = totals["paid"]
            record.committed_not_invoiced_amount = (
                totals["committed"] - totals["invoiced"]
            )
            record.invoiced_percent = (
                100.0 * totals["invoiced"] / totals["committed"]
                if totals["committed"]
                else 0.0
            )

    def _sum_lots_money(self, money):
        """The record's figures from the lots' ``money``; overridden by each
        model to convert them to its currency."""
        self.ensure_one()
        totals = dict.fromkeys(MONEY_KEYS, 0.0)
        for lot in self._get_money_lots():
            for key in MONEY_KEYS:
                totals[key] += money.get(lot.id, {}).get(key, 0.0)
        return totals
