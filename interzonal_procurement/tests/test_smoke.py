# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .common import InterzonalCommon


@tagged("post_install", "-at_install")
class TestSmoke(InterzonalCommon):
    def test_group_hierarchy(self):
        """Each role carries the rights of the role below it."""
        self.assertTrue(
            self.user_contract_manager.has_group("interzonal_procurement.group_buyer")
        )
        self.assertTrue(
            self.user_contract_manager.has_group(
                "interzonal_procurement.group_requester"
            )
        )
        self.assertTrue(self.user_buyer.has_group("purchase.group_purchase_user"))
        self.assertFalse(
            self.user_buyer.has_group("interzonal_procurement.group_contract_manager")
        )
        self.assertFalse(
            self.user_requester.has_group("interzonal_procurement.group_buyer")
        )
        self.assertFalse(
            self.user_finance.has_group("interzonal_procurement.group_buyer")
        )

    def test_main_menu_visible_per_role(self):
        """The app menu is visible to every role and hidden from others."""
        root = self.env.ref("interzonal_procurement.interzonal_procurement_menu_root")
        for user in (self.user_requester, self.user_buyer, self.user_finance):
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            self.assertIn(root.id, visible, user.login)
        outsider = self.env["res.users"].create(
            {"name": "Outsider", "login": "iz_outsider"}
        )
        visible = self.env["ir.ui.menu"].with_user(outsider)._visible_menu_ids()
        self.assertNotIn(root.id, visible)


@tagged("post_install", "-at_install")
class TestSmokeTour(HttpCase, InterzonalCommon):
    def test_main_menu_tour(self):
        """A buyer opens the app from the home menu."""
        self.start_tour("/odoo", "interzonal_procurement_main_menu", login="iz_buyer")
