from odoo import Command
from odoo.tests import tagged

from .common import InterzonalAgreementCommon

# Queries of a whole call-off confirmation (order, receipt, lot figures),
# whatever the number of earlier call-offs on the lot.
CONFIRM_QUERIES = 87
# Queries of the checks themselves (lock, grouped sums, participations and
# quotas), whatever the number of earlier call-offs and of order lines.
CHECK_QUERIES = 11


@tagged("post_install", "-at_install")
class TestCallOffQueries(InterzonalAgreementCommon):
    def setUp(self):
        super().setUp()
        # warm the caches shared by every confirmation
        lot = self._lot_with_call_offs(1, number="warm")
        order = self._new_call_off(lot, 1)
        self.env.invalidate_all()
        order._check_call_off_confirmation()
        order.button_confirm()

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
            self.env.invalidate_all()
            with self.assertQueryCount(CHECK_QUERIES):
                order._check_call_off_confirmation()
