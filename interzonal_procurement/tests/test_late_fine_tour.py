# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .test_late_fine import LateFineCommon


@tagged("post_install", "-at_install")
class TestLateFineTour(HttpCase, LateFineCommon):
    def test_finance_sees_fine_on_bill(self):
        """Finance opens the fines, the fine of 448 EUR and the bill withholding it."""
        order = self._laptop_order()
        order.partner_ref = "TOUR-FINE"
        fine = self._receive_late_part(order)
        bill = self._bill(order)
        self.start_tour(
            "/odoo/action-interzonal_procurement.interzonal_late_fine_action",
            "interzonal_procurement_late_fine",
            login="iz_finance",
        )
        self.assertEqual(fine.state, "withheld")
        self.assertEqual(fine.bill_id, bill)
