# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import InterzonalAgreementCommon

COUNTED_MODELS = (
    "interzonal.framework.agreement",
    "interzonal.zone",
    "interzonal.agreement.participation",
    "interzonal.lot.modification",
    "interzonal.lot.allocation",
    "interzonal.eu.threshold",
    "purchase.requisition",
    "purchase.order",
    "purchase.order.line",
)


@tagged("post_install", "-at_install")
@freeze_time("2026-03-20")
class TestBadInputs(InterzonalAgreementCommon):
    """A catalogue of bad inputs: each one is refused with its exception type
    and a message naming the record, and leaves the database as it was."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lot = cls._create_lot(10000)
        cls.modification = (
            cls.env["interzonal.lot.modification"]
            .with_user(cls.user_contract_manager)
            .create(
                {
                    "requisition_id": cls.lot.id,
                    "amount": 1000,
                    "date": date(2026, 3, 1),
                    "decision_reference": "IZ-MOD-CAT",
                    "reason": "Extra",
                }
            )
        )
        cls.quota = (
            cls.env["interzonal.lot.allocation"]
            .with_user(cls.user_contract_manager)
            .create(
                {
                    "requisition_id": cls.lot.id,
                    "zone_id": cls.zone_member.id,
                    "amount": 5000,
                }
            )
        )
        cls.placed = cls._create_call_off(cls.lot, 4000, zone=cls.zone_member)
        cls.placed.with_user(cls.user_buyer).button_confirm()
        cls.draft = cls._create_call_off(cls.lot, 100)

    def _database(self):
        """What the catalogue may not change: counts and the watched records."""
        self.env.invalidate_all()
        counts = {
            model: self.env[model].with_context(active_test=False).search_count([])
            for model in COUNTED_MODELS
        }
        watched = {
            "agreement": self.agreement.read(
                [
                    "date_start",
                    "date_end",
                    "cpv_code",
                    "late_fine_rate",
                    "late_fine_cap",
                    "modification_limit_percent",
                    "duration_justification",
                ]
            ),
            "lot": self.lot.read(
                [
                    "initial_ceiling_amount",
                    "estimated_amount",
                    "ceiling_amount",
                    "committed_amount",
                    "currency_id",
                    "operator_ids",
                    "state",
                ]
            ),
            "modification": self.modification.read(["amount", "date"]),
            "quota": self.quota.read(["amount", "zone_id"]),
            "zones": (self.zone_lead | self.zone_member).read(["code", "active"]),
            "orders": (self.placed | self.draft).read(
                [
                    "state",
                    "partner_id",
                    "zone_id",
                    "requisition_id",
                    "call_off_amount",
                    "call_off_date",
                    "amount_untaxed",
                ]
            ),
        }
        return counts, watched

    def _cases(self):
        Agreement = self.env["interzonal.framework.agreement"].with_user(
            self.user_contract_manager
        )
        agreement = self.agreement.with_user(self.user_contract_manager)
        lot = self.lot.with_user(self.user_contract_manager)
        Modification = self.env["interzonal.lot.modification"].with_user(
            self.user_contract_manager
        )
        Allocation = self.env["interzonal.lot.allocation"].with_user(
            self.user_contract_manager
        )
        Zone = self.env["interzonal.zone"].with_user(self.user_contract_manager)
        Threshold = self.env["interzonal.eu.threshold"].with_user(
            self.user_contract_manager
        )
        placed = self.placed.with_user(self.user_buyer)
        draft = self.draft.with_user(self.user_buyer)

        def new_agreement(**vals):
            return lambda: Agreement.create(
                {
                    "name": "IZ Bad",
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2026, 12, 31),
                    **vals,
                }
            )

        def modification(amount, day=date(2026, 3, 1)):
            return lambda: Modification.create(
                {
                    "requisition_id": lot.id,
                    "amount": amount,
                    "date": day,
                    "decision_reference": "IZ-MOD-BAD",
                    "reason": "Bad",
                }
            )

        return [
            (
                "reversed dates",
                ValidationError,
                r"end date comes before the start date for: IZ Bad",
                new_agreement(date_end=date(2025, 12, 31)),
            ),
            (
                "CPV too short",
                ValidationError,
                r"XXXXXXXX-Y .*: 3020000-1",
                new_agreement(cpv_code="3020000-1"),
            ),
            (
                "CPV without check digit",
                ValidationError,
                r"XXXXXXXX-Y .*: 30200000",
                lambda: agreement.write({"cpv_code": "30200000"}),
            ),
            (
                "CPV with letters",
                ValidationError,
                r"XXXXXXXX-Y .*: 3020000A-1",
                lambda: agreement.write({"cpv_code": "3020000A-1"}),
            ),
            (
                "five years without justification",
                ValidationError,
                r"longer than four years needs a justification: IZ Bad",
                new_agreement(date_end=date(2031, 1, 1)),
            ),
            (
                "negative fine rate",
                ValidationError,
                r"between 0 and 100: IZ ICT hardware",
                lambda: agreement.write({"late_fine_rate": -0.07}),
            ),
            (
                "fine cap of 8 %",
                ValidationError,
                r"statutory 7.5 %.*: IZ ICT hardware",
                lambda: agreement.write({"late_fine_cap": 8}),
            ),
            (
                "modification limit of 12 % for supplies",
                ValidationError,
                r"at most 10.0 %.*: IZ ICT hardware",
                lambda: agreement.write({"modification_limit_percent": 12}),
            ),
            (
                "negative ceiling",
                ValidationError,
                r"cannot be negative: .*IZ-NEG",
                lambda: self.env["purchase.requisition"]
                .with_user(self.user_contract_manager)
                .create(
                    {
                        "reference": "IZ-NEG",
                        "framework_agreement_id": agreement.id,
                        "initial_ceiling_amount": -1,
                    }
                ),
            ),
            (
                "negative estimate",
                ValidationError,
                r"cannot be negative: " + self.lot.display_name,
                lambda: lot.write({"estimated_amount": -5}),
            ),
            (
                "ceiling of a confirmed lot changed",
                UserError,
                r"only grows through a recorded modification: " + self.lot.display_name,
                lambda: lot.write({"initial_ceiling_amount": 20000}),
            ),
            (
                "negative modification",
                ValidationError,
                r"only raise the ceiling: IZ-MOD-BAD",
                modification(-10),
            ),
            (
                "zero modification",
                ValidationError,
                r"only raise the ceiling: IZ-MOD-BAD",
                modification(0),
            ),
            (
                "modifications above 10 %",
                ValidationError,
                r"exceed the limit .*\n" + self.lot.display_name,
                modification(1),
            ),
            (
                "modification without a known EU threshold",
                ValidationError,
                r"IZ-MOD-CAT of lot .* no EU threshold is known for 01/01/2031",
                lambda: self.modification.with_user(self.user_contract_manager).write(
                    {"date": date(2031, 1, 1)}
                ),
            ),
            (
                "modification deleted under the commitments",
                UserError,
                r"Lot " + self.lot.display_name + r" cannot have a ceiling",
                self._delete_modification_under_commitments,
            ),
            (
                "negative quota",
                ValidationError,
                r"A quota cannot be negative: \[IZ1\] Zone Lead",
                lambda: Allocation.create(
                    {
                        "requisition_id": lot.id,
                        "zone_id": self.zone_lead.id,
                        "amount": -1,
                    }
                ),
            ),
            (
                "quotas above the ceiling",
                ValidationError,
                r"cannot exceed its ceiling: " + self.lot.display_name,
                lambda: Allocation.create(
                    {
                        "requisition_id": lot.id,
                        "zone_id": self.zone_lead.id,
                        "amount": 6001,
                    }
                ),
            ),
            (
                "quota lowered under the commitments",
                UserError,
                r"Zone \[IZ2\] Zone Member cannot have a quota of 3,000.00\s€",
                lambda: self.quota.with_user(self.user_contract_manager).write(
                    {"amount": 3000}
                ),
            ),
            (
                "duplicate zone code",
                ValidationError,
                r"Zone code IZ1 is already used",
                lambda: Zone.create({"name": "Copy", "code": "IZ1"}),
            ),
            (
                "zone renamed to a used code",
                ValidationError,
                r"Zone code IZ2 is already used",
                lambda: self.zone_lead.with_user(self.user_contract_manager).write(
                    {"code": "IZ2"}
                ),
            ),
            (
                "archiving a zone with open call-offs",
                UserError,
                r"open call-offs cannot be archived: "
                r"\[IZ2\] Zone Member \(1 call-offs\)",
                lambda: self.zone_member.with_user(self.user_contract_manager).write(
                    {"active": False}
                ),
            ),
            (
                "deleting a zone that ordered",
                UserError,
                r"cannot be deleted, archive it instead: \[IZ1\] Zone Lead",
                lambda: self.zone_lead.with_user(self.user_contract_manager).unlink(),
            ),
            (
                "deleting a lot with call-offs",
                UserError,
                r"lot with call-offs cannot be deleted: " + self.lot.display_name,
                lambda: self.lot.sudo().write({"state": "cancel"})
                and self.lot.sudo().unlink(),
            ),
            (
                "deleting an agreement with lots",
                UserError,
                r"with lots cannot be deleted, close or cancel it instead: IZ ICT",
                lambda: agreement.unlink(),
            ),
            (
                "call-off over the ceiling",
                UserError,
                r"of 7,100.00\s€ for zone \[IZ1\] Zone Lead would pass the "
                r"ceiling of lot .* only 7,000.00\s€ left",
                lambda: draft.write(
                    {
                        "order_line": [
                            Command.update(draft.order_line.id, {"price_unit": 7100})
                        ]
                    }
                )
                and draft.button_confirm(),
            ),
            (
                "call-off of a zone that has not joined",
                UserError,
                r"zone \[IZ3\] Zone Outsider has not joined",
                lambda: draft.write({"zone_id": self.zone_outsider.id})
                and draft.button_confirm(),
            ),
            (
                "call-off to a supplier that is not an operator",
                UserError,
                r"IZ Other SRL is not an operator of lot",
                lambda: placed.write({"partner_id": self.other_vendor.id}),
            ),
            (
                "confirmed call-off raised over the quota",
                UserError,
                r"quota of zone \[IZ2\] Zone Member .* only 5,000.00\s€ left",
                lambda: placed.order_line.write({"price_unit": 5001}),
            ),
            (
                "frozen amount written over RPC",
                UserError,
                r"cannot be written",
                lambda: placed.write({"call_off_amount": 1}),
            ),
            (
                "wrong type over RPC: text as a date",
                ValueError,
                r"not a date",
                lambda: agreement.write({"date_end": "not a date"}),
            ),
            (
                "wrong type over RPC: text as an amount",
                ValueError,
                r"could not convert string to float",
                lambda: lot.write({"estimated_amount": "a lot"}),
            ),
            (
                "overlapping EU thresholds",
                ValidationError,
                r"EU thresholds 2027 bis overlap another period",
                lambda: Threshold.create(
                    {
                        "name": "2027 bis",
                        "date_from": date(2027, 1, 1),
                        "date_to": date(2028, 12, 31),
                        "central_amount": 1,
                        "sub_central_amount": 1,
                        "works_amount": 1,
                    }
                ),
            ),
            (
                "buyer sets a lot's operators",
                AccessError,
                r"Only contract managers",
                lambda: self.lot.with_user(self.user_buyer).write(
                    {"operator_ids": [Command.link(self.other_vendor.id)]}
                ),
            ),
        ]

    def _delete_modification_under_commitments(self):
        """11,000 ceiling, 10,500 committed: the 1,000 modification is needed."""
        self._create_call_off(self.lot, 6500).button_confirm()
        self.modification.with_user(self.user_contract_manager).unlink()

    def test_catalogue(self):
        cases = self._cases()
        self.assertGreaterEqual(len(cases), 25)
        before = self._database()
        for label, exception, pattern, action in cases:
            with self.subTest(label):
                with (
                    mute_logger("odoo.sql_db"),
                    self.assertRaisesMessage(exception, pattern),
                ):
                    action()
                self.assertEqual(self._database(), before, label)
