# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import InterzonalAgreementCommon


@tagged("post_install", "-at_install")
class TestFrameworkAgreement(InterzonalAgreementCommon):
    def _new_agreement(self, **values):
        vals = {
            "name": "IZ Test",
            "date_start": date(2026, 1, 1),
            "date_end": date(2026, 12, 31),
        }
        vals.update(values)
        return (
            self.env["interzonal.framework.agreement"]
            .with_user(self.user_contract_manager)
            .create(vals)
        )

    def test_state_follows_dates(self):
        with freeze_time("2025-12-15"):
            agreement = self._new_agreement()
            self.assertEqual(agreement.state, "draft")
        with freeze_time("2026-01-01"):
            agreement._cron_update_state()
            self.assertEqual(agreement.state, "running")
        with freeze_time("2027-01-01"):
            agreement._cron_update_state()
            self.assertEqual(agreement.state, "expired")
            agreement.action_close()
            self.assertEqual(agreement.state, "closed")
            agreement.action_reopen()
            self.assertEqual(agreement.state, "expired")
            agreement.action_cancel()
            self.assertEqual(agreement.state, "cancelled")

    def test_longer_than_four_years_needs_justification(self):
        with self.assertRaisesMessage(ValidationError, "longer than four years"):
            self._new_agreement(date_end=date(2031, 1, 1))
        agreement = self._new_agreement(
            date_end=date(2031, 1, 1), duration_justification="Fleet lifetime"
        )
        self.assertTrue(agreement.is_long_duration)
        self.assertEqual(agreement.duration_months, 60)
        four_years = self._new_agreement(date_end=date(2029, 12, 31))
        self.assertFalse(four_years.is_long_duration)

    def test_cpv_code_format(self):
        with self.assertRaisesMessage(ValidationError, "XXXXXXXX-Y"):
            self._new_agreement(cpv_code="3020000-1")
        self.assertEqual(
            self._new_agreement(cpv_code="30200000-1").cpv_code, "30200000-1"
        )

    def test_contract_file_completeness(self):
        required = self.env["interzonal.document.type"].search(
            [("is_required", "=", True)]
        )
        self.assertEqual(self.agreement.file_completeness, 0)
        self.agreement.with_user(self.user_contract_manager).document_ids = [
            Command.create({"document_type_id": doc_type.id, "name": doc_type.name})
            for doc_type in required[:-1]
        ]
        self.assertAlmostEqual(
            self.agreement.file_completeness,
            100.0 * (len(required) - 1) / len(required),
        )
        self.assertEqual(self.agreement.missing_document_names, required[-1].name)

    @freeze_time("2026-03-20")
    def test_rolled_up_amounts(self):
        lot_1 = self._create_lot(100000, number="1")
        lot_2 = self._create_lot(50000, number="2")
        self._create_call_off(lot_1, 30000).button_confirm()
        self._create_call_off(lot_2, 20000).button_confirm()
        self.assertEqual(self.agreement.ceiling_amount, 150000)
        self.assertEqual(self.agreement.committed_amount, 50000)
        self.assertEqual(self.agreement.remaining_amount, 100000)
        lots = self.env["purchase.requisition"].search(
            [
                ("framework_agreement_id", "=", self.agreement.id),
                ("consumption_percent", ">", 35),
            ]
        )
        self.assertEqual(lots, lot_2)

    def test_default_zone_of_buyer(self):
        order = self.env["purchase.order"].with_user(self.user_buyer).new({})
        self.assertEqual(order.zone_id, self.zone_lead)

    def test_multi_company_rules(self):
        other = self.env["res.company"].create({"name": "IZ Other Company"})
        zone = self.env["interzonal.zone"].create(
            {"name": "Other Zone", "code": "OZ1", "company_id": other.id}
        )
        agreement = (
            self._new_agreement(company_id=self.company.id)
            .sudo()
            .copy({"company_id": other.id, "lead_zone_id": zone.id, "user_id": False})
        )
        for user in (self.user_requester, self.user_buyer, self.user_finance):
            self.assertFalse(
                self.env["interzonal.zone"]
                .with_user(user)
                .search([("id", "=", zone.id)])
            )
            self.assertFalse(
                self.env["interzonal.framework.agreement"]
                .with_user(user)
                .search([("id", "=", agreement.id)])
            )
        self.assertTrue(
            self.env["interzonal.framework.agreement"]
            .with_user(self.user_buyer)
            .search([("id", "=", self.agreement.id)])
        )
        rules = self.env["ir.rule"].search(
            [("model_id.model", "like", "interzonal.%"), ("global", "=", True)]
        )
        company_models = {
            name
            for name, model in self.env.registry.items()
            if name.startswith("interzonal.")
            and not model._abstract
            and not model._transient
            and "company_id" in model._fields
        }
        self.assertTrue(company_models)
        self.assertFalse(
            company_models - set(rules.mapped("model_id.model")),
            "every model of the addon has a multi-company rule",
        )
