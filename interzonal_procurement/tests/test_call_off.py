# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import InterzonalAgreementCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-20")
class TestCallOff(InterzonalAgreementCommon):
    def _step_activities(self, lot, step):
        activity_type = self.env.ref(
            "interzonal_procurement.mail_activity_type_consumption_step"
        )
        return lot.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
            and f"passed {step} %" in a.summary
        )

    def test_ceiling_300000_with_290000_committed(self):
        lot = self._create_lot(300000)
        self._create_call_off(lot, 290000).with_user(self.user_buyer).button_confirm()
        self.assertEqual(lot.committed_amount, 290000)
        self.assertEqual(len(self._step_activities(lot, 95)), 1)

        too_big = self._create_call_off(lot, 12000)
        with self.assertRaises(UserError) as refusal:
            too_big.with_user(self.user_buyer).button_confirm()
        message = str(refusal.exception)
        self.assertIn("10,000.00", message)
        self.assertIn("12,000.00", message)
        self.assertIn(lot.display_name, message)
        self.assertIn(self.zone_lead.display_name, message)
        self.assertEqual(too_big.state, "draft")
        self.assertEqual(lot.committed_amount, 290000)

        fitting = self._create_call_off(lot, 8000)
        fitting.with_user(self.user_buyer).button_confirm()
        self.assertEqual(fitting.state, "purchase")
        self.assertEqual(lot.committed_amount, 298000)
        self.assertEqual(lot.remaining_amount, 2000)
        self.assertAlmostEqual(lot.consumption_percent, 99.33, places=2)
        self.assertFalse(lot.is_exhausted)
        self.assertEqual(len(self._step_activities(lot, 95)), 1)
        self.assertEqual(lot.consumption_step_notified, 95)

    def test_confirmed_call_off_change_stays_within_ceiling(self):
        lot = self._create_lot(10000)
        order = self._create_call_off(lot, 8000)
        order.with_user(self.user_buyer).button_confirm()
        line = order.order_line
        with self.assertRaisesMessage(
            UserError, r"of 16,000.00\s€ for zone .* only 10,000.00\s€ left"
        ):
            order.with_user(self.user_buyer).write(
                {
                    "order_line": [
                        Command.update(line.id, {"product_qty": 2, "price_unit": 8000})
                    ]
                }
            )
        order.with_user(self.user_buyer).write(
            {"order_line": [Command.update(line.id, {"price_unit": 9000})]}
        )
        self.assertEqual(lot.committed_amount, 9000)

    def test_exhausted_at_100_percent_and_cancel_releases(self):
        lot = self._create_lot(10000)
        order = self._create_call_off(lot, 10000)
        order.with_user(self.user_buyer).button_confirm()
        self.assertTrue(lot.is_exhausted)
        self.assertEqual(len(self._step_activities(lot, 100)), 1)
        self.assertEqual(len(self._step_activities(lot, 70)), 1)
        order.with_user(self.user_buyer).button_cancel()
        self.assertEqual(lot.committed_amount, 0)
        self.assertFalse(lot.is_exhausted)

    def test_consumption_step_in_each_readers_language(self):
        """The activity speaks its responsible's language and formats; the
        note on the lot its company's, whoever confirmed the call-off."""
        self._load_language("fr_BE")
        lot = self._create_lot(10000)
        responsible = lot.framework_agreement_id.user_id or lot.user_id
        self.assertTrue(responsible)
        responsible.lang = "fr_BE"
        self.assertEqual(self.user_buyer.lang, "en_US")
        self._create_call_off(lot, 7500).with_user(self.user_buyer).button_confirm()
        [activity] = lot.activity_ids
        self.assertEqual(activity.user_id, responsible)
        self.assertIn("a dépassé 70 % de son montant maximal", activity.summary)
        self.assertIn("Engagé 7.500,00", activity.note)
        [message] = lot.message_ids.filtered(lambda m: "passed 70 %" in m.body)
        self.assertIn("Committed 7,500.00", message.body)

    def test_configurable_steps(self):
        self.env.company.interzonal_consumption_steps = "50"
        lot = self._create_lot(10000)
        self._create_call_off(lot, 6000).with_user(self.user_buyer).button_confirm()
        self.assertEqual(len(self._step_activities(lot, 50)), 1)
        self.assertEqual(len(lot.activity_ids), 1)

    def test_consumption_steps_in_settings(self):
        """The steps are set in the settings; anything but percentages up to
        100 is refused and the steps stay as they were."""
        Lot = self.env["purchase.requisition"]
        for bad in ("70,abc", "0,50", "70,120", " "):
            with self.assertRaises(ValidationError, msg=bad):
                self.env["res.config.settings"].create(
                    {"interzonal_consumption_steps": bad}
                )
        self.assertEqual(Lot._get_consumption_steps(), [70, 85, 95, 100])
        self.env["res.config.settings"].create(
            {"interzonal_consumption_steps": "50, 90"}
        ).execute()
        self.assertEqual(Lot._get_consumption_steps(), [50, 90])
        lot = self._create_lot(10000)
        self._create_call_off(lot, 6000).with_user(self.user_buyer).button_confirm()
        self.assertEqual(len(self._step_activities(lot, 50)), 1)

    def test_modification_within_ten_percent(self):
        lot = self._create_lot(300000)
        Modification = self.env["interzonal.lot.modification"].with_user(
            self.user_contract_manager
        )
        Modification.create(
            {
                "requisition_id": lot.id,
                "amount": 30000,
                "decision_reference": "IZ-MOD-1",
                "reason": "Extra laptops for a new station",
            }
        )
        self.assertEqual(lot.ceiling_amount, 330000)
        with self.assertRaisesMessage(ValidationError, "exceed the limit"):
            Modification.create(
                {
                    "requisition_id": lot.id,
                    "amount": 1,
                    "decision_reference": "IZ-MOD-2",
                    "reason": "One euro too many",
                }
            )
        lot.invalidate_recordset()
        self.assertEqual(lot.ceiling_amount, 330000)
        self.assertEqual(lot.modification_ids.mapped("amount"), [30000])

    def test_ceiling_only_grows_by_modification(self):
        lot = self._create_lot(300000)
        with self.assertRaisesMessage(UserError, "only grows through a recorded"):
            lot.with_user(self.user_contract_manager).initial_ceiling_amount = 400000
        with self.assertRaisesMessage(AccessError, "Only contract managers"):
            lot.with_user(self.user_buyer).estimated_amount = 1
        with self.assertRaisesMessage(ValidationError, "only raise the ceiling"):
            self.env["interzonal.lot.modification"].create(
                {
                    "requisition_id": lot.id,
                    "amount": -10,
                    "decision_reference": "IZ-MOD-3",
                    "reason": "Lower",
                }
            )

    def test_quota_of_zone(self):
        lot = self._create_lot(100000)
        self.env["interzonal.lot.allocation"].with_user(
            self.user_contract_manager
        ).create(
            {"requisition_id": lot.id, "zone_id": self.zone_member.id, "amount": 20000}
        )
        self._create_call_off(lot, 15000, zone=self.zone_member).button_confirm()
        allocation = lot.allocation_ids
        self.assertEqual(allocation.committed_amount, 15000)
        self.assertEqual(allocation.remaining_amount, 5000)
        order = self._create_call_off(lot, 6000, zone=self.zone_member)
        with self.assertRaisesMessage(UserError, "quota of zone"):
            order.with_user(self.user_buyer).button_confirm()
        self.assertEqual(order.state, "draft")
        with self.assertRaisesMessage(ValidationError, "cannot exceed its ceiling"):
            self.env["interzonal.lot.allocation"].create(
                {
                    "requisition_id": lot.id,
                    "zone_id": self.zone_lead.id,
                    "amount": 80001,
                }
            )

    def _assert_refused(self, order, pattern):
        lot = order.requisition_id
        messages = len(lot.message_ids)
        with self.assertRaisesMessage(UserError, pattern):
            order.with_user(self.user_buyer).button_confirm()
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.date_approve)
        self.assertEqual(lot.committed_amount, 0)
        self.assertEqual(len(lot.message_ids), messages)
        self.assertFalse(lot.activity_ids)

    def test_refusals_each_with_its_own_message(self):
        lot = self._create_lot(100000)
        self._assert_refused(
            self._create_call_off(lot, 1000, zone=self.zone_outsider),
            r"zone \[IZ3\] Zone Outsider has not joined",
        )
        self._assert_refused(
            self._create_call_off(lot, 1000, zone=self.zone_late),
            r"placed on 03/20/2026: zone \[IZ4\] Zone Late joined .* on 06/01/2026",
        )
        rfq = self._create_call_off(lot, 1000, when=datetime(2027, 12, 20, 10, 0))
        with freeze_time("2028-01-15"):
            self._assert_refused(
                rfq, r"placed on 01/15/2028: .* runs from 01/01/2024 to 12/31/2027"
            )
        self._assert_refused(
            self._create_call_off(lot, 1000, vendor=self.other_vendor),
            r"the supplier IZ Other SRL is not an operator of lot",
        )
        # the member zone that joined in time may order
        order = self._create_call_off(lot, 1000, zone=self.zone_member)
        order.with_user(self.user_buyer).button_confirm()
        self.assertEqual(order.state, "purchase")

    def test_lot_without_ceiling_refused(self):
        lot = self._create_lot(0)
        self.assertTrue(lot.is_ceiling_missing)
        self._assert_refused(self._create_call_off(lot, 10), "has no ceiling")

    def test_exhaustion_forecast(self):
        lot = self._create_lot(100000)
        with freeze_time("2026-01-01"):
            self._create_call_off(
                lot, 20000, when=datetime(2026, 1, 1, 9, 0)
            ).button_confirm()
        # 20,000 burnt over the last 365 days: 80,000 left at that pace
        self.assertEqual(
            lot.exhaustion_forecast_date,
            date(2026, 3, 20) + timedelta(days=80000 * 365 // 20000),
        )
        # a lot that started on 2026-01-01 burns 20,000 in 78 days
        lot.with_user(self.user_contract_manager).date_start = date(2026, 1, 1)
        self.assertEqual(
            lot.exhaustion_forecast_date,
            date(2026, 3, 20) + timedelta(days=math.ceil(80000 * 78 / 20000)),
        )
        empty = self._create_lot(1000, number="2")
        self.assertFalse(empty.exhaustion_forecast_date)

    def test_requester_reads_agreement_and_lots(self):
        lot = self._create_lot(50000)
        self._create_call_off(lot, 20000).button_confirm()
        agreement = self.agreement.with_user(self.user_requester)
        lot_fields = {
            name: {}
            for name in (
                "lot_number",
                "display_name",
                "vendor_id",
                "ceiling_amount",
                "committed_amount",
                "remaining_amount",
                "consumption_percent",
                "exhaustion_forecast_date",
                "is_exhausted",
            )
        }
        [values] = agreement.web_read(
            {
                "name": {},
                "committed_amount": {},
                "file_completeness": {},
                "lot_ids": {"fields": lot_fields},
                "participation_ids": {"fields": {"zone_id": {}}},
                "modification_ids": {"fields": {"amount": {}}},
            }
        )
        self.assertEqual(values["committed_amount"], 20000)
        self.assertEqual(values["lot_ids"][0]["remaining_amount"], 30000)
        self.assertTrue(values["lot_ids"][0]["exhaustion_forecast_date"])
        [lot_values] = lot.with_user(self.user_requester).web_read(
            {"order_count": {}, "allocation_ids": {"fields": {"amount": {}}}}
        )
        self.assertEqual(lot_values["order_count"], 1)

    def test_roles(self):
        Agreement = self.env["interzonal.framework.agreement"]
        self.assertTrue(Agreement.with_user(self.user_requester).search([]))
        self.assertTrue(Agreement.with_user(self.user_finance).search([]))
        with self.assertRaises(AccessError):
            Agreement.with_user(self.user_buyer).create(
                {
                    "name": "Not allowed",
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2026, 12, 31),
                }
            )
        with self.assertRaises(AccessError):
            self.agreement.with_user(self.user_buyer).name = "Renamed"
        lot = self._create_lot(1000)
        with self.assertRaises(AccessError):
            self.env["interzonal.lot.allocation"].with_user(self.user_buyer).create(
                {"requisition_id": lot.id, "zone_id": self.zone_lead.id, "amount": 1}
            )
        self.assertEqual(lot.with_user(self.user_finance).ceiling_amount, 1000)
