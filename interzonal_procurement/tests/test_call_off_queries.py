# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged

from .common import InterzonalAgreementCommon

# Queries of a whole call-off confirmation (order, receipt, lot figures, the
# lot's price revision in force), whatever the number of earlier call-offs on
# the lot.
CONFIRM_QUERIES = 89
# Queries of the lot's capacity check itself (lock, one grouped sum, rules),
# whatever the number of earlier call-offs and of order lines.
CHECK_QUERIES = 10
# Queries of a quantity change on a line of a confirmed call-off (the line,
# its contract price and the price revision in force, the order's totals, the
# frozen amount, the check and the lot's figures).
LINE_CHANGE_QUERIES = 76


@tagged("post_install", "-at_install")
class TestCallOffQueries(InterzonalAgreementCommon):
    def setUp(self):
        super().setUp()
        # warm the caches shared by every confirmation and line change
        lot = self._lot_with_call_offs(1, number="warm")
        order = self._new_call_off(lot, 1)
        self.env.invalidate_all()
        order.button_confirm()
        self.env.invalidate_all()
        order.order_line[0].product_qty = 2
        self.env.invalidate_all()
        lot._check_call_off_capacity(order)

    def _lot_with_call_offs(self, count, number):
        lot = self._create_lot(1000000, number=number)
        earlier = self.env["purchase.order"]
        for _index in range(count):
            earlier |= self._create_call_off(lot, 100)
        earlier.with_user(self.user_buyer).button_confirm()
        self.assertEqual(lot.committed_amount, 100 * count)
        return lot

    def _new_call_off(self, lot, lines):
        order = self._create_call_off(lot, 100)
        order.order_line = [
            Command.create(
                {
                    "product_id": self.product.id,
                    "product_qty": 1,
                    "price_unit": 10,
                    "taxes_id": [Command.clear()],
                }
            )
            for _index in range(lines - 1)
        ]
        return order.with_user(self.user_buyer)

    def test_confirm_query_count(self):
        for count in (1, 50):
            lot = self._lot_with_call_offs(count, number=str(count))
            order = self._new_call_off(lot, 1)
            self.env.invalidate_all()
            with self.assertQueryCount(CONFIRM_QUERIES):
                order.button_confirm()
            self.assertEqual(order.state, "purchase")
            self.assertEqual(lot.committed_amount, 100 * count + 100)

    def test_check_query_count(self):
        for count, lines in ((1, 1), (50, 20)):
            lot = self._lot_with_call_offs(count, number=str(count))
            order = self._new_call_off(lot, lines)
            order.button_confirm()
            self.env.invalidate_all()
            with self.assertQueryCount(CHECK_QUERIES):
                lot._check_call_off_capacity(order)

    def test_line_change_query_count(self):
        for count in (1, 50):
            lot = self._lot_with_call_offs(count, number=str(count))
            order = self._new_call_off(lot, 1)
            order.button_confirm()
            line = order.order_line
            self.env.invalidate_all()
            with self.assertQueryCount(LINE_CHANGE_QUERIES):
                line.product_qty = 3
            # three laptops at the lot's price of 1,000
            self.assertEqual(order.call_off_amount, 3000)
            self.assertEqual(lot.committed_amount, 100 * count + 3000)
