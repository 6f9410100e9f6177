# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
from datetime import date, datetime

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import InterzonalAgreementCommon

COMMITTED = datetime(2026, 3, 10, 10, 0)


class LateFineCommon(InterzonalAgreementCommon):
    """One lot of the agreement and a call-off for 100 laptops at 800 EUR."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Fine = cls.env["interzonal.late.fine"]
        cls.agreement.late_fine_rate = 0.1
        cls.lot = cls._create_lot(300000)

    @classmethod
    def _laptop_order(cls):
        with freeze_time("2026-03-01 09:00:00"):
            order = (
                cls.env["purchase.order"]
                .with_user(cls.user_buyer)
                .create(
                    {
                        "partner_id": cls.vendor.id,
                        "requisition_id": cls.lot.id,
                        "zone_id": cls.zone_lead.id,
                        "currency_id": cls.eur.id,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": cls.product.id,
                                    "product_qty": 100,
                                    "price_unit": 800,
                                    "date_planned": COMMITTED,
                                    "taxes_id": [Command.clear()],
                                }
                            )
                        ],
                    }
                )
            )
            order.button_confirm()
        return order.with_user(cls.env.user)

    @classmethod
    def _receive_late_part(cls, order, user=None):
        """60 laptops on the committed day, 40 fourteen days later."""
        picking = order.picking_ids
        if user:
            picking = picking.with_user(user)
        line = order.order_line
        with freeze_time("2026-03-10 15:00:00"):
            backorder = cls._receive(picking, {line: 60})
        with freeze_time("2026-03-24 11:00:00"):
            cls._receive(backorder, {line: 40})
        return order.late_fine_ids

    @classmethod
    def _bill(cls, order, when="2026-03-31"):
        with freeze_time(when):
            order.action_create_invoice()
            bill = order.invoice_ids
            bill.invoice_date = date.fromisoformat(when)
            bill.action_post()
        return bill


@tagged("post_install", "-at_install")
class TestLateFine(LateFineCommon):
    def test_partial_late_delivery_fine(self):
        """DOMAIN §3: 40 of 100 laptops 14 days late at 0.1 %/day: 448 EUR."""
        order = self._laptop_order()
        fine = self._receive_late_part(order, user=self.user_buyer)
        self.assertEqual(len(fine), 1, "only the late receipt bears a fine")
        self.assertRecordValues(
            fine,
            [
                {
                    "purchase_order_id": order.id,
                    "purchase_line_id": order.order_line.id,
                    "partner_id": self.vendor.id,
                    "requisition_id": self.lot.id,
                    "framework_agreement_id": self.agreement.id,
                    "date_committed": COMMITTED,
                    "days_late": 14,
                    "quantity": 40,
                    "late_value": 32000,
                    "rate": 0.1,
                    "cap": 7.5,
                    "amount": 448,
                    "is_capped": False,
                    "currency_id": self.eur.id,
                    "company_id": self.company.id,
                    "state": "to_withhold",
                }
            ],
        )
        self.assertEqual(fine.stock_move_id.purchase_line_id, order.order_line)
        self.assertEqual(order.late_fine_count, 1)
        self.assertEqual(order.late_fine_amount, 448)

    def test_on_time_delivery_no_fine(self):
        order = self._laptop_order()
        with freeze_time("2026-03-10 23:00:00"):
            self._receive(order.picking_ids, {order.order_line: 100})
        self.assertFalse(order.late_fine_ids)
        self.assertEqual(order.late_fine_count, 0)

    def test_order_without_agreement_no_fine(self):
        """Without a framework agreement there is no contract rate: no fine."""
        with freeze_time("2026-03-01 09:00:00"):
            order = self._create_order(self.vendor, [(self.product, 5)], COMMITTED)
            order.button_confirm()
        with freeze_time("2026-03-30 10:00:00"):
            self._receive(order.picking_ids, {order.order_line: 5})
        self.assertFalse(order.late_fine_ids)

    def test_return_bears_no_fine(self):
        order = self._laptop_order()
        self._receive_late_part(order)
        with freeze_time("2026-03-28 10:00:00"):
            self._return(order.picking_ids[-1:], {order.order_line: 5})
        self.assertEqual(len(order.late_fine_ids), 1)

    def test_cap_statutory_and_award_criterion(self):
        """120 days at 0.1 % is 12 %: capped at 7.5 %, or 10 % when delivery
        time was an award criterion."""
        order = self._laptop_order()
        with freeze_time("2026-07-08 10:00:00"):
            self._receive(order.picking_ids, {order.order_line: 100})
        fine = order.late_fine_ids
        self.assertRecordValues(
            fine,
            [
                {
                    "days_late": 120,
                    "late_value": 80000,
                    "amount": 6000,
                    "is_capped": True,
                }
            ],
        )
        self.agreement.is_delivery_time_criterion = True
        self.assertEqual(self.agreement.late_fine_cap, 10.0)
        order = self._laptop_order()
        with freeze_time("2026-07-08 10:00:00"):
            self._receive(order.picking_ids, {order.order_line: 100})
        self.assertRecordValues(
            order.late_fine_ids,
            [{"cap": 10.0, "amount": 8000, "is_capped": True}],
        )

    def test_default_rate_and_cap(self):
        agreement = self.env["interzonal.framework.agreement"].create(
            {
                "name": "IZ Default fines",
                "date_start": date(2026, 1, 1),
                "date_end": date(2026, 12, 31),
            }
        )
        self.assertEqual(agreement.late_fine_rate, 0.07)
        self.assertEqual(agreement.late_fine_cap, 7.5)

    def test_bill_withholds_fine(self):
        order = self._laptop_order()
        fine = self._receive_late_part(order)
        bill = self._bill(order)
        fine_line = bill.invoice_line_ids.filtered("late_fine_id")
        self.assertRecordValues(
            fine_line,
            [
                {
                    "late_fine_id": fine.id,
                    "product_id": self.env.ref(
                        "interzonal_procurement.product_late_fine"
                    ).id,
                    "quantity": 1,
                    "price_unit": -448,
                    "price_subtotal": -448,
                    "tax_ids": [],
                }
            ],
        )
        self.assertIn("14", fine_line.name)
        self.assertEqual(bill.amount_total, 80000 - 448)
        self.assertEqual(bill.late_fine_count, 1)
        self.assertRecordValues(fine, [{"state": "withheld", "bill_id": bill.id}])
        self.assertEqual(self.lot.late_fine_amount, 448)
        self.assertEqual(self.agreement.late_fine_amount, 448)
        action = bill.action_view_late_fines()
        self.assertEqual(self.Fine.search(action["domain"]), fine)

    def test_fine_on_next_bill_only_once(self):
        """A fine goes on one bill: a second bill of the order leaves it out,
        a cancelled bill gives it back."""
        order = self._laptop_order()
        fine = self._receive_late_part(order)
        with freeze_time("2026-03-31"):
            order.action_create_invoice()
        bill = order.invoice_ids
        self.assertEqual(fine.bill_id, bill)
        self.assertEqual(fine.state, "to_withhold", "the bill is still a draft")
        self.assertEqual(self.lot.late_fine_amount, 0)
        bill.button_cancel()
        self.assertFalse(fine.bill_id)
        self.assertEqual(
            order._prepare_invoice()["invoice_line_ids"][0][2]["late_fine_id"],
            fine.id,
        )

    def test_configured_account(self):
        account = self.env["account.account"].create(
            {"name": "IZ Fines", "code": "IZFINE", "account_type": "income_other"}
        )
        self.company.late_fine_account_id = account
        order = self._laptop_order()
        self._receive_late_part(order)
        bill = self._bill(order)
        self.assertEqual(
            bill.invoice_line_ids.filtered("late_fine_id").account_id, account
        )

    def test_remission_within_90_days(self):
        order = self._laptop_order()
        fine = self._receive_late_part(order)
        self._bill(order)
        self.assertEqual(fine.remission_deadline, date(2026, 6, 29))
        fine = fine.with_user(self.user_finance)
        with freeze_time("2026-06-29"):
            fine.action_request_remission()
        self.assertRecordValues(
            fine,
            [
                {
                    "remission_state": "requested",
                    "remission_request_date": date(2026, 6, 29),
                }
            ],
        )
        fine.action_grant_remission()
        self.assertRecordValues(
            fine, [{"remission_state": "granted", "state": "remitted"}]
        )
        refund = fine.remission_bill_id
        self.assertRecordValues(
            refund,
            [
                {
                    "move_type": "in_invoice",
                    "state": "draft",
                    "partner_id": self.vendor.id,
                    "amount_total": 448,
                }
            ],
        )
        self.assertFalse(refund.invoice_line_ids.late_fine_id)
        self.assertEqual(self.lot.late_fine_amount, 0)
        self.assertEqual(self.agreement.late_fine_amount, 0)

    def test_remission_refused(self):
        order = self._laptop_order()
        fine = self._receive_late_part(order)
        fine = fine.with_user(self.user_finance)
        with freeze_time("2026-04-01"):
            fine.action_request_remission()
        fine.action_refuse_remission()
        self.assertRecordValues(
            fine, [{"remission_state": "refused", "state": "to_withhold"}]
        )
        bill = self._bill(order)
        self.assertEqual(fine.bill_id, bill)

    def test_remission_before_bill_leaves_draft_bill(self):
        order = self._laptop_order()
        fine = self._receive_late_part(order)
        with freeze_time("2026-03-31"):
            order.action_create_invoice()
            fine.action_request_remission()
        fine.action_grant_remission()
        self.assertFalse(order.invoice_ids.invoice_line_ids.filtered("late_fine_id"))
        self.assertEqual(fine.state, "remitted")
        self.assertFalse(fine.remission_bill_id, "nothing was withheld yet")

    def test_remission_after_90_days_refused(self):
        order = self._laptop_order()
        fine = self._receive_late_part(order)
        self._bill(order)
        fine = fine.with_user(self.user_finance)
        with (
            freeze_time("2026-06-30"),
            self.assertRaisesMessage(UserError, "within 90 days"),
        ):
            fine.action_request_remission()
        fine.invalidate_recordset()
        self.assertRecordValues(
            fine,
            [
                {
                    "remission_state": "none",
                    "remission_request_date": False,
                    "state": "withheld",
                }
            ],
        )
        with self.assertRaisesMessage(UserError, "request for remission first"):
            fine.action_grant_remission()
        fine.invalidate_recordset()
        self.assertEqual(fine.state, "withheld")

    def test_bad_inputs_refused(self):
        order = self._laptop_order()
        fine = self._receive_late_part(order).with_user(self.user_finance)
        for vals in (
            {"rate": -0.1},
            {"cap": 120},
            {"cap": -1},
            {"cap": 8},
            {"days_late": -3},
        ):
            with self.assertRaisesMessage(
                ValidationError, r"cap is the statutory 7.5 % or 10.0 %"
            ):
                fine.write(vals)
            fine.invalidate_recordset()
            self.assertRecordValues(
                fine, [{"rate": 0.1, "cap": 7.5, "days_late": 14, "amount": 448}]
            )
        agreement = self.agreement.with_user(self.user_contract_manager)
        for vals, pattern in (
            ({"late_fine_rate": -0.07}, "between 0 and 100"),
            ({"late_fine_cap": 101}, "statutory 7.5 %, or 10.0 %"),
            ({"late_fine_cap": 8}, "statutory 7.5 %, or 10.0 %"),
            ({"late_fine_cap": 10}, "statutory 7.5 %, or 10.0 %"),
        ):
            with self.assertRaisesMessage(ValidationError, pattern):
                agreement.write(vals)
            agreement.invalidate_recordset()
            self.assertEqual(agreement.late_fine_rate, 0.1)
            self.assertEqual(agreement.late_fine_cap, 7.5)
        # finance corrects a fine before it is withheld
        fine.write({"days_late": 10})
        self.assertEqual(fine.amount, 320)
        self._bill(order)
        with self.assertRaisesMessage(UserError, "withheld or remitted cannot change"):
            fine.write({"rate": 0.05})
        fine.invalidate_recordset()
        self.assertRecordValues(fine, [{"rate": 0.1, "amount": 320}])
        with self.assertRaisesMessage(UserError, "on a bill cannot be deleted"):
            fine.sudo().unlink()
        self.assertTrue(fine.exists())

    def test_access_per_role(self):
        order = self._laptop_order()
        fine = self._receive_late_part(order)
        # buyer and contract manager read the fines of their orders
        for user in (self.user_buyer, self.user_contract_manager):
            self.assertEqual(order.with_user(user).late_fine_amount, 448)
            self.assertEqual(fine.with_user(user).amount, 448)
            with self.assertRaises(AccessError):
                fine.with_user(user).write({"remission_note": "x"})
            with self.assertRaises(AccessError):
                fine.with_user(user).action_request_remission()
        # finance reads and decides on remissions, but does not make fines up
        self.assertEqual(fine.with_user(self.user_finance).amount, 448)
        fine.with_user(self.user_finance).remission_note = "Supplier letter of 2 April"
        with self.assertRaises(AccessError):
            self.Fine.with_user(self.user_finance).create(
                {
                    "purchase_line_id": order.order_line.id,
                    "stock_move_id": fine.stock_move_id.id,
                    "partner_id": self.vendor.id,
                    "currency_id": self.eur.id,
                }
            )
        # requesters see no fines
        with self.assertRaises(AccessError):
            fine.with_user(self.user_requester).read(["amount"])

    def test_agreement_workbook_fines_withheld(self):
        order = self._laptop_order()
        self._receive_late_part(order)
        self._bill(order)
        content, _report_type = (
            self.env["ir.actions.report"]
            .with_user(self.user_finance)
            ._render(
                "interzonal_procurement.framework_agreement_xlsx", self.agreement.ids
            )
        )
        lots = load_workbook(io.BytesIO(content))["Lots"]
        self.assertEqual(lots["J1"].value, "Fines Withheld")
        self.assertEqual(lots["J2"].value, 448)

    def _reverse(self, bill, when, modify=False):
        with freeze_time(when):
            reversal = (
                self.env["account.move.reversal"]
                .with_context(active_model="account.move", active_ids=bill.ids)
                .create(
                    {
                        "date": date.fromisoformat(when),
                        "journal_id": bill.journal_id.id,
                        "reason": "Wrong quantity billed",
                    }
                )
            )
            if modify:
                reversal.modify_moves()
            else:
                reversal.refund_moves()
        return reversal

    def test_fine_withheld_again_after_credit_note(self):
        """A bill withholding 448 is reversed by a credit note: the fine is
        due again and the replacement bill withholds it, once."""
        order = self._laptop_order()
        fine = self._receive_late_part(order)
        bill = self._bill(order)
        self.assertEqual(bill.amount_total, 79552)
        reversal = self._reverse(bill, "2026-04-02")
        credit_note = reversal.new_move_ids
        credit_note.action_post()
        self.assertEqual(credit_note.move_type, "in_refund")
        self.assertEqual(credit_note.amount_total, 79552)
        self.assertEqual(credit_note.invoice_line_ids.late_fine_id, fine)
        self.assertRecordValues(fine, [{"state": "to_withhold", "bill_id": False}])
        self.assertEqual(self.lot.late_fine_amount, 0)
        with freeze_time("2026-04-03"):
            order.action_create_invoice()
        replacement = order.invoice_ids - bill - credit_note
        self.assertEqual(len(replacement), 1)
        replacement.invoice_date = date(2026, 4, 3)
        replacement.action_post()
        self.assertEqual(replacement.amount_total, 79552)
        self.assertEqual(
            replacement.invoice_line_ids.filtered("late_fine_id").price_subtotal, -448
        )
        self.assertRecordValues(
            fine, [{"state": "withheld", "bill_id": replacement.id}]
        )
        self.lot.invalidate_recordset(["late_fine_amount"])
        self.assertEqual(self.lot.late_fine_amount, 448)
        # a further bill of the order leaves it out
        self.assertFalse(
            fine._get_fines_to_bill(), "the fine is on the replacement bill"
        )

    def test_fine_follows_a_bill_modified_by_credit_note(self):
        """Reverse and create a new draft: the draft carries the fine."""
        order = self._laptop_order()
        fine = self._receive_late_part(order)
        bill = self._bill(order)
        reversal = self._reverse(bill, "2026-04-02", modify=True)
        new_bill = reversal.new_move_ids.filtered(
            lambda move: move.move_type == "in_invoice"
        )
        self.assertEqual(new_bill.state, "draft")
        self.assertRecordValues(
            fine, [{"state": "to_withhold", "bill_id": new_bill.id}]
        )
        new_bill.invoice_date = date(2026, 4, 2)
        new_bill.action_post()
        self.assertEqual(new_bill.amount_total, 79552)
        self.assertRecordValues(fine, [{"state": "withheld", "bill_id": new_bill.id}])
        self.assertEqual(self.lot.late_fine_amount, 448)

    def test_fine_edited_on_draft_bill(self):
        order = self._laptop_order()
        fine = self._receive_late_part(order)
        with freeze_time("2026-03-31"):
            order.action_create_invoice()
        bill = order.invoice_ids
        self.assertEqual(bill.amount_total, 79552)
        fine.with_user(self.user_finance).days_late = 10
        line = bill.invoice_line_ids.filtered("late_fine_id")
        self.assertEqual(line.price_unit, -320)
        self.assertIn("10 days late", line.name)
        self.assertEqual(bill.amount_total, 79680)

    def test_cap_follows_the_award_criterion(self):
        agreement = self.agreement.with_user(self.user_contract_manager)
        agreement.is_delivery_time_criterion = True
        self.assertEqual(agreement.late_fine_cap, 10)
        with self.assertRaisesMessage(ValidationError, r"statutory 7.5 %.*IZ ICT"):
            agreement.late_fine_cap = 7.5
        agreement.invalidate_recordset()
        self.assertEqual(agreement.late_fine_cap, 10)
        agreement.is_delivery_time_criterion = False
        self.assertEqual(agreement.late_fine_cap, 7.5)
