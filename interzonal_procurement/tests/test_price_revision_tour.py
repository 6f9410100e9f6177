# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import HttpCase, tagged

from .common import InterzonalAgreementCommon


@tagged("post_install", "-at_install")
class TestPriceRevisionTour(HttpCase, InterzonalAgreementCommon):
    def test_contract_manager_adds_a_revision(self):
        """The contract manager records a price revision on a lot's form."""
        lot = self._create_lot(50000)
        self.user_contract_manager.lang = "en_US"
        self.start_tour(
            f"/odoo/action-purchase_requisition.action_purchase_requisition/{lot.id}",
            "interzonal_procurement_price_revision",
            login="iz_contract_manager",
        )
        revision = lot.price_revision_ids
        self.assertEqual(len(revision), 1)
        self.assertEqual(revision.date, date(2026, 6, 1))
        self.assertEqual(revision.reference, "IZ-REV-TOUR")
        self.assertAlmostEqual(revision.factor, 1.06, places=6)
        self.assertEqual(revision.term_ids.name, "Wages")
        self.assertIn(revision.document_id, self.agreement.document_ids)
