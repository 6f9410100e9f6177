# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import InterzonalRequestCommon


@tagged("post_install", "-at_install")
class TestPurchaseRequestReport(InterzonalRequestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in ("nl_BE", "fr_BE"):
            cls.env["res.lang"]._activate_lang(lang)
        cls.env["ir.module.module"]._load_module_terms(
            ["interzonal_procurement"], ["nl_BE", "fr_BE"], overwrite=True
        )
        cls.request = cls._create_request(template=cls.template)
        cls.request.action_apply_template()
        cls.request.quotation_valid_until = "2099-03-24"

    def _render(self):
        html, _report_format = self.env["ir.actions.report"]._render_qweb_html(
            "interzonal_procurement.purchase_request_quotation_report",
            self.request.ids,
        )
        return html.decode()

    def test_quotation_in_dutch(self):
        self.user_requester.partner_id.lang = "nl_BE"
        html = self._render()
        self.assertIn("Offerte", html)
        self.assertIn("Totaal zonder btw", html)
        self.assertIn("Totaal met btw", html)
        self.assertIn("Geldig tot", html)
        self.assertIn("24-03-2099", html)
        # 2 x 950 + 3 x 200 + 2 x 150 = 2,800; 21 % VAT = 588.
        self.assertIn("2.800,00", html)
        self.assertIn("588,00", html)
        self.assertIn("3.388,00", html)
        self.assertIn("IZ-2024-001", html)
        self.assertIn(self.lot_2.name, html)
        self.assertNotIn("Total hors TVA", html)

    def test_quotation_in_french(self):
        self.user_requester.partner_id.lang = "fr_BE"
        html = self._render()
        self.assertIn("Total hors TVA", html)
        self.assertIn("Total TVA comprise", html)
        self.assertIn("Valable jusqu", html)
        self.assertIn("24/03/2099", html)
        self.assertIn("2.800,00", html)
        self.assertIn("3.388,00", html)
        self.assertNotIn("Totaal zonder btw", html)
