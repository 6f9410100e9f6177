# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .common import PmoCommon


@tagged("post_install", "-at_install")
class TestSmoke(PmoCommon):
    def test_group_hierarchy(self):
        """PMO roles map onto Odoo's project rights."""
        self.assertTrue(self.user_member.has_group("project.group_project_user"))
        self.assertFalse(self.user_member.has_group("project.group_project_manager"))
        self.assertTrue(self.user_lead.has_group("pmo_portfolio.group_project_member"))
        self.assertTrue(self.user_officer.has_group("pmo_portfolio.group_project_lead"))
        self.assertFalse(self.user_officer.has_group("project.group_project_manager"))
        self.assertTrue(self.user_manager.has_group("pmo_portfolio.group_pmo_officer"))
        self.assertTrue(self.user_manager.has_group("project.group_project_manager"))

    def test_main_menu_visible_per_role(self):
        root = self.env.ref("pmo_portfolio.pmo_portfolio_menu_root")
        for user in (self.user_member, self.user_lead, self.user_manager):
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            self.assertIn(root.id, visible, user.login)
        outsider = self.env["res.users"].create(
            {"name": "Outsider", "login": "pmo_outsider"}
        )
        visible = self.env["ir.ui.menu"].with_user(outsider)._visible_menu_ids()
        self.assertNotIn(root.id, visible)


@tagged("post_install", "-at_install")
class TestSmokeTour(HttpCase, PmoCommon):
    def test_main_menu_tour(self):
        """A project lead opens the PMO app from the home menu."""
        self.start_tour("/odoo", "pmo_portfolio_main_menu", login="pmo_lead")
