# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The screens the demo users open from our menus speak their language."""

from .common import DemoHttpCase


class TestDemoLanguages(DemoHttpCase):
    def test_buyer_reads_dutch(self):
        """Purchase requests list and form, OCA fields included."""
        self.start_tour(
            "/odoo/action-interzonal_procurement.purchase_request_action",
            "interzonal_demo_buyer_in_dutch",
            login="buyer",
        )

    def test_pmo_reads_french(self):
        """PMO kanban and indicator values."""
        self.start_tour(
            "/odoo/action-pmo_portfolio.project_project_action_pmo",
            "pmo_portfolio_demo_kanban_in_french",
            login="pmo",
        )
        self.start_tour(
            "/odoo/action-pmo_portfolio.pmo_indicator_value_action",
            "pmo_portfolio_demo_values_in_french",
            login="pmo",
        )
