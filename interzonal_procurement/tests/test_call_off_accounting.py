# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import InterzonalAgreementCommon


@tagged("post_install", "-at_install")
class TestCallOffAnalytic(InterzonalAgreementCommon):
    def test_each_zone_has_its_account_in_the_zones_plan(self):
        plan = self.env.ref("interzonal_procurement.analytic_plan_zones")
        for zone in (self.zone_lead, self.zone_member, self.zone_outsider):
            account = zone.analytic_account_id
            self.assertEqual(account.plan_id, plan)
            self.assertEqual(account.code, zone.code)
            self.assertEqual(account.company_id, zone.company_id)
        self.assertEqual(
            len((self.zone_lead | self.zone_member).analytic_account_id), 2
        )
        # A zone of a contract manager, who has no analytic accounting rights.
        zone = (
            self.env["interzonal.zone"]
            .with_user(self.user_contract_manager)
            .create({"name": "IZ Zone New", "code": "IZ9"})
        )
        self.assertEqual(zone.sudo().analytic_account_id.plan_id, plan)
        # Zones without one get it on upgrade; the others keep theirs.
        accounts = self.zone_lead.analytic_account_id
        self.zone_member.analytic_account_id = False
        self.env["interzonal.zone"]._init_analytic_accounts()
        self.assertTrue(self.zone_member.analytic_account_id)
        self.assertEqual(self.zone_lead.analytic_account_id, accounts)

    def test_call_off_lines_carry_the_ordering_zone(self):
        # Billed on the ordered quantities: the bill is made before receipt.
        self.product.purchase_method = "purchase"
        lot = self._create_lot(100000)
        lead_account = self.zone_lead.analytic_account_id
        member_account = self.zone_member.analytic_account_id
        order = self._create_call_off(lot, 500)
        line = order.order_line
        self.assertEqual(line.analytic_distribution, {str(lead_account.id): 100})
        # Another plan's account stays; the zone's account follows the zone.
        other_plan = self.env["account.analytic.plan"].create({"name": "IZ Other"})
        project = self.env["account.analytic.account"].create(
            {"name": "IZ Project", "plan_id": other_plan.id}
        )
        line.analytic_distribution = {f"{project.id},{lead_account.id}": 100}
        order.zone_id = self.zone_member
        self.assertEqual(
            line.analytic_distribution, {f"{project.id},{member_account.id}": 100}
        )
        order.button_confirm()
        bill = self.env["account.move"].browse(order.action_create_invoice()["res_id"])
        self.assertEqual(
            bill.invoice_line_ids.analytic_distribution,
            {f"{project.id},{member_account.id}": 100},
        )
        # Buyers, who cannot read analytic accounts, order through the form.
        form = Form(self.env["purchase.order"].with_user(self.user_buyer))
        form.requisition_id = lot
        form.zone_id = self.zone_lead
        with form.order_line.edit(0) as form_line:
            form_line.product_qty = 1
        self.assertEqual(
            form.save().order_line.analytic_distribution, {str(lead_account.id): 100}
        )

    def test_plain_orders_keep_odoo_analytics(self):
        order = self._create_order(self.vendor, [(self.product, 1)], "2026-03-20")
        self.assertFalse(order.order_line.analytic_distribution)


@tagged("post_install", "-at_install")
class TestCallOffPaymentTerm(InterzonalAgreementCommon):
    def test_call_offs_get_the_agreement_term(self):
        term_30 = self.env.ref("account.account_payment_term_30days")
        vendor_term = self.env.ref("account.account_payment_term_end_following_month")
        self.assertEqual(self.agreement.payment_term_id, term_30)
        self.assertEqual(self.agreement.payment_days, 30)
        self.vendor.property_supplier_payment_term_id = vendor_term
        lot = self._create_lot(100000)
        self.assertEqual(self._create_call_off(lot, 100).payment_term_id, term_30)
        form = Form(self.env["purchase.order"].with_user(self.user_buyer))
        form.requisition_id = lot
        self.assertEqual(form.partner_id, self.vendor)
        self.assertEqual(form.payment_term_id, term_30)
        # The vendor chosen first proposes its own term; the lot then
        # replaces it with the agreement's (the lot's vendor is read-only).
        form = Form(self.env["purchase.order"].with_user(self.user_buyer))
        form.partner_id = self.vendor
        self.assertEqual(form.payment_term_id, vendor_term)
        form.requisition_id = lot
        self.assertEqual(form.payment_term_id, term_30)
        self.assertEqual(form.save().payment_term_id, term_30)
        # Plain orders keep the vendor's term.
        plain = Form(self.env["purchase.order"].with_user(self.user_buyer))
        plain.partner_id = self.vendor
        self.assertEqual(plain.payment_term_id, vendor_term)

    def _days_term(self, days):
        return self.env["account.payment.term"].create(
            {
                "name": f"IZ {days} days",
                "line_ids": [
                    Command.create(
                        {"value": "percent", "value_amount": 100, "nb_days": days}
                    )
                ],
            }
        )

    def test_sixty_days_only_with_a_justification(self):
        term_30 = self.env.ref("account.account_payment_term_30days")
        term_45 = self.env.ref("account.account_payment_term_45days")
        agreement = self.agreement.with_user(self.user_contract_manager)
        with self.assertRaisesMessage(ValidationError, "longer than 30 days"):
            agreement.payment_term_id = term_45
        self.assertEqual(self.agreement.payment_term_id, term_30)
        agreement.write(
            {
                "payment_term_id": term_45.id,
                "payment_term_justification": "Specifications, art. 12",
            }
        )
        self.assertEqual(agreement.payment_days, 45)
        with self.assertRaisesMessage(ValidationError, "longer than 30 days"):
            agreement.payment_term_justification = " "
        term_60 = self._days_term(60)
        agreement.payment_term_id = term_60
        self.assertEqual(agreement.payment_days, 60)
        # The end of the following month is 61 days from a bill of the
        # first of July: more than the 60 days allowed.
        end_following_month = self.env.ref(
            "account.account_payment_term_end_following_month"
        )
        self.assertEqual(end_following_month._get_max_delay_days(), 61)
        with self.assertRaisesMessage(ValidationError, "at most 60 days"):
            agreement.payment_term_id = end_following_month
        with self.assertRaisesMessage(ValidationError, "at most 60 days"):
            agreement.payment_term_id = self._days_term(90)
        self.assertEqual(agreement.payment_term_id, term_60)
        # The agreement's term itself made longer later is refused too.
        with self.assertRaisesMessage(ValidationError, "at most 60 days"):
            term_60.write(
                {"line_ids": [Command.update(term_60.line_ids.id, {"nb_days": 75})]}
            )
        self.assertEqual(term_60.line_ids.nb_days, 60)


@tagged("post_install", "-at_install")
class TestOverdueCallOffBills(InterzonalAgreementCommon):
    def _posted_bill(self, order, bill_date):
        bill = self.env["account.move"].browse(order.action_create_invoice()["res_id"])
        bill.invoice_date = bill_date
        bill.action_post()
        return bill

    def test_cron_schedules_one_activity_per_overdue_bill(self):
        self.product.purchase_method = "purchase"
        lot = self._create_lot(100000)
        activity_type = self.env.ref(
            "interzonal_procurement.mail_activity_type_overdue_bill"
        )
        with freeze_time("2026-03-16"):
            order = self._create_call_off(lot, 500)
            order.button_confirm()
            bill = self._posted_bill(order, date(2026, 3, 16))
            plain = self._create_order(self.vendor, [(self.product, 1)], "2026-03-16")
            plain.button_confirm()
            plain_bill = self._posted_bill(plain, date(2026, 3, 16))
        self.assertEqual(bill.invoice_date_due, date(2026, 4, 15))
        Move = self.env["account.move"]
        with freeze_time("2026-04-15"):
            Move._cron_schedule_overdue_call_off_bills()
        self.assertFalse(bill.activity_ids)
        with freeze_time("2026-04-16"):
            Move._cron_schedule_overdue_call_off_bills()
            Move._cron_schedule_overdue_call_off_bills()
        activity = bill.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.activity_type_id, activity_type)
        self.assertEqual(activity.user_id, self.user_finance)
        self.assertIn(order.name, activity.summary)
        self.assertFalse(plain_bill.activity_ids)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "interzonal_procurement.account_move_overdue_call_off_action"
        )
        self.assertEqual(
            Move.with_user(self.user_finance).search(safe_eval(action["domain"])), bill
        )
        # Once paid, the bill leaves the list.
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=bill.ids
        ).create({"payment_date": date(2026, 4, 17)})._create_payments()
        self.assertIn(bill.payment_state, ("paid", "in_payment"))
        with freeze_time("2026-04-17"):
            Move._cron_schedule_overdue_call_off_bills()
        self.assertFalse(bill.activity_ids)
