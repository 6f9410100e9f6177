# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .common import InterzonalAgreementCommon


@tagged("post_install", "-at_install")
class TestCallOffTour(HttpCase, InterzonalAgreementCommon):
    def test_buyer_confirms_and_is_refused(self):
        """A buyer confirms a call-off, then sees the refusal of one too big."""
        lot = self._create_lot(25000)
        self._create_call_off(lot, 10000).button_confirm()
        first = self._create_call_off(lot, 10000, ref="TOUR-A")
        second = self._create_call_off(lot, 8000, ref="TOUR-B")
        self.start_tour(
            "/odoo/action-interzonal_procurement.purchase_order_call_off_action",
            "interzonal_procurement_call_off",
            login="iz_buyer",
        )
        self.assertEqual(first.state, "purchase")
        self.assertEqual(second.state, "draft")
        self.assertEqual(lot.committed_amount, 20000)


@tagged("post_install", "-at_install")
class TestSettingsTour(HttpCase):
    def test_admin_sets_consumption_steps(self):
        """The administrator sets the ceiling consumption steps in the
        settings; steps that are not percentages are refused first."""
        self.start_tour(
            "/odoo/action-interzonal_procurement.res_config_settings_action",
            "interzonal_procurement_settings",
            login="admin",
        )
        self.assertEqual(
            self.env["purchase.requisition"]._get_consumption_steps(), [50, 90]
        )
