# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
from datetime import date

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import InterzonalAgreementCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-20")
class TestLotCeiling(InterzonalAgreementCommon):
    """The ceiling only moves lawfully, and lots name their operators."""

    def _modification(self, lot, amount, day=None, reference="IZ-MOD"):
        return (
            self.env["interzonal.lot.modification"]
            .with_user(self.user_contract_manager)
            .create(
                {
                    "requisition_id": lot.id,
                    "amount": amount,
                    "date": day or date(2026, 3, 1),
                    "decision_reference": reference,
                    "reason": "Extra stations",
                }
            )
        )

    def _confirmed(self, lot, amount, **kwargs):
        order = self._create_call_off(lot, amount, **kwargs)
        order.with_user(self.user_buyer).button_confirm()
        self.assertEqual(order.state, "purchase")
        return order

    def test_deleting_a_modification_the_commitments_depend_on(self):
        """300,000 + 30,000 = 330,000; 320,000 committed: deleting the
        modification or lowering it under 20,000 is refused."""
        lot = self._create_lot(300000)
        modification = self._modification(lot, 30000)
        self._confirmed(lot, 320000)
        modification = modification.with_user(self.user_contract_manager)
        with self.assertRaisesMessage(
            UserError,
            r"Lot .* cannot have a ceiling of 300,000.00\s€: its call-offs already "
            r"commit 320,000.00\s€ \(-.?20,000.00\s€ left\)",
        ):
            modification.unlink()
        self.assertTrue(modification.exists())
        with self.assertRaisesMessage(UserError, r"ceiling of 319,999.00\s€"):
            modification.amount = 19999
        lot.invalidate_recordset()
        self.assertEqual(lot.ceiling_amount, 330000)
        self.assertEqual(modification.amount, 30000)
        modification.amount = 20000
        self.assertEqual(lot.ceiling_amount, 320000)
        self.assertEqual(lot.remaining_amount, 0)

    def test_modification_above_eu_threshold_below_ten_percent(self):
        """A lot of 2,500,000 may grow by 250,000 (10 %), but a sub-central
        authority stays below 216,000 in 2026 and 221,000 in 2025."""
        lot = self._create_lot(2500000)
        self.assertEqual(self.agreement.authority_type, "sub_central")
        with self.assertRaisesMessage(
            ValidationError,
            r"Modification IZ-MOD-1 of lot .* brings its modifications to "
            r"216,000.00\s€, not below the EU threshold of 216,000.00\s€ in force on "
            r"03/01/2026",
        ):
            self._modification(lot, 216000, reference="IZ-MOD-1")
        self.assertFalse(lot.modification_ids)
        # the 2024-2025 table allowed it
        self._modification(lot, 216000, day=date(2025, 6, 1), reference="IZ-MOD-2")
        self.assertEqual(lot.ceiling_amount, 2716000)
        # the cumulative amount counts: 1 more euro in 2026 passes 216,000
        with self.assertRaisesMessage(ValidationError, r"216,001.00\s€"):
            self._modification(lot, 1, reference="IZ-MOD-3")
        # a central authority has a lower threshold: 140,000
        self.agreement.with_user(self.user_contract_manager).authority_type = "central"
        other = self._create_lot(2500000, number="2")
        with self.assertRaisesMessage(ValidationError, r"threshold of 140,000.00\s€"):
            self._modification(other, 140000, reference="IZ-MOD-4")
        self._modification(other, 139999, reference="IZ-MOD-5")
        self.assertEqual(other.ceiling_amount, 2639999)

    def test_modification_outside_the_threshold_table(self):
        lot = self._create_lot(300000)
        with self.assertRaisesMessage(
            ValidationError,
            r"IZ-MOD-9 of lot .* no EU threshold is known for 01/10/2030",
        ):
            self._modification(lot, 100, day=date(2030, 1, 10), reference="IZ-MOD-9")
        self.assertFalse(lot.modification_ids)

    def test_modification_limit_by_contract_type(self):
        agreement = self.agreement.with_user(self.user_contract_manager)
        with self.assertRaisesMessage(ValidationError, r"at most 10.0 %.* IZ ICT"):
            agreement.modification_limit_percent = 12
        agreement.write({"contract_type": "works", "modification_limit_percent": 15})
        self.assertEqual(agreement.modification_limit_percent, 15)
        with self.assertRaisesMessage(ValidationError, r"15.0 % for works"):
            agreement.modification_limit_percent = 16
        with self.assertRaisesMessage(ValidationError, r"at most 10.0 %"):
            agreement.contract_type = "services"
        agreement.invalidate_recordset()
        self.assertEqual(agreement.contract_type, "works")

    def test_lowering_a_quota(self):
        lot = self._create_lot(100000)
        allocation = (
            self.env["interzonal.lot.allocation"]
            .with_user(self.user_contract_manager)
            .create(
                {
                    "requisition_id": lot.id,
                    "zone_id": self.zone_member.id,
                    "amount": 20000,
                }
            )
        )
        self._confirmed(lot, 15000, zone=self.zone_member)
        with self.assertRaisesMessage(
            UserError,
            r"Zone \[IZ2\] Zone Member cannot have a quota of 14,000.00\s€ in lot .*: "
            r"its call-offs already commit 15,000.00\s€ \(-.?1,000.00\s€ left\)",
        ):
            allocation.amount = 14000
        allocation.invalidate_recordset()
        self.assertEqual(allocation.amount, 20000)
        allocation.amount = 15000
        self.assertEqual(allocation.remaining_amount, 0)

    def test_changing_a_confirmed_lots_currency(self):
        """9,000 EUR committed on a 10,000 lot: in USD at 1.25 the call-off
        commits 11,250 USD, above the ceiling of 10,000."""
        usd = self.env.ref("base.USD")
        usd.active = True
        rates = self.env["res.currency.rate"]
        rates.search([("currency_id", "in", (usd | self.eur).ids)]).unlink()
        if self.company.currency_id == self.eur:
            rates.create(
                {"currency_id": usd.id, "name": date(2026, 1, 1), "rate": 1.25}
            )
        else:
            rates.create(
                {"currency_id": self.eur.id, "name": date(2026, 1, 1), "rate": 0.8}
            )
        lot = self._create_lot(10000)
        order = self._confirmed(lot, 9000)
        with self.assertRaisesMessage(
            UserError,
            r"ceiling of \$\s10,000.00: its call-offs already commit \$\s11,250.00",
        ):
            lot.with_user(self.user_contract_manager).currency_id = usd
        lot.invalidate_recordset()
        order.invalidate_recordset()
        self.assertEqual(lot.currency_id, self.eur)
        self.assertEqual(order.call_off_amount, 9000)

    def test_call_off_to_another_supplier_refused(self):
        lot = self._create_lot(100000)
        self.assertEqual(lot.operator_ids, self.vendor)
        order = self._create_call_off(lot, 1000, vendor=self.other_vendor)
        with self.assertRaisesMessage(
            UserError,
            r"the supplier IZ Other SRL is not an operator of lot "
            r".* \(IZ Hardware NV\)",
        ):
            order.with_user(self.user_buyer).button_confirm()
        self.assertEqual(order.state, "draft")
        placed = self._confirmed(lot, 1000)
        with self.assertRaisesMessage(UserError, "not an operator"):
            placed.with_user(self.user_buyer).partner_id = self.other_vendor
        placed.invalidate_recordset()
        self.assertEqual(placed.partner_id, self.vendor)

    def test_lot_without_operator_flagged_and_refuses(self):
        lot = self._create_lot(100000)
        lot.with_user(self.user_contract_manager).operator_ids = [Command.clear()]
        self.assertTrue(lot.is_operator_missing)
        order = self._create_call_off(lot, 1000)
        with self.assertRaisesMessage(UserError, r"lot .* names no operator"):
            order.with_user(self.user_buyer).button_confirm()
        self.assertEqual(order.state, "draft")
        self.assertEqual(lot.committed_amount, 0)
        plain = self.env["purchase.requisition"].create(
            {"requisition_type": "blanket_order", "vendor_id": self.vendor.id}
        )
        self.assertFalse(plain.is_operator_missing)
        self.assertFalse(plain.operator_ids)

    def test_multi_operator_lot_records_the_mini_competition(self):
        lot = self._create_lot(100000)
        lot.with_user(self.user_contract_manager).operator_ids = [
            Command.link(self.other_vendor.id)
        ]
        self.assertFalse(lot.is_operator_missing)
        order = self._create_call_off(lot, 1000, vendor=self.other_vendor)
        with self.assertRaisesMessage(UserError, r"record the operators consulted"):
            order.with_user(self.user_buyer).button_confirm()
        order.with_user(self.user_buyer).write(
            {
                "consulted_operator_ids": [Command.set(self.vendor.ids)],
                "award_justification": "Lowest price",
            }
        )
        with self.assertRaisesMessage(UserError, r"record the operators consulted"):
            order.with_user(self.user_buyer).button_confirm()
        order.with_user(self.user_buyer).consulted_operator_ids = [
            Command.set((self.vendor | self.other_vendor).ids)
        ]
        order.with_user(self.user_buyer).button_confirm()
        self.assertEqual(order.state, "purchase")
        with self.assertRaisesMessage(UserError, r"record the operators consulted"):
            order.with_user(self.user_buyer).award_justification = " "
        content, _report_type = (
            self.env["ir.actions.report"]
            .with_user(self.user_finance)
            ._render(
                "interzonal_procurement.framework_agreement_xlsx", self.agreement.ids
            )
        )
        workbook = load_workbook(io.BytesIO(content))
        self.assertEqual(workbook["Lots"]["K2"].value, "IZ Hardware NV, IZ Other SRL")
        [row] = list(workbook["Call-offs"].iter_rows(min_row=2, values_only=True))
        self.assertEqual(row[1], order.name)
        self.assertEqual(row[3], "IZ Other SRL")
        self.assertEqual(row[5], 1000)
        self.assertEqual(row[6], "IZ Hardware NV, IZ Other SRL")
        self.assertEqual(row[7], "Lowest price")
