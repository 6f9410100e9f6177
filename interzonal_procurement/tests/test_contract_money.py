# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import InterzonalAgreementCommon

MONEY_FIELDS = (
    "committed_amount",
    "received_amount",
    "invoiced_amount",
    "paid_amount",
    "committed_not_invoiced_amount",
)


class ContractMoneyCommon(InterzonalAgreementCommon):
    """A lot of 100,000 and call-offs of 50 laptops at 100."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product.purchase_method = "receive"
        cls.lot = cls._create_lot(100000)
        cls.Report = cls.env["interzonal.contract.finance.report"]

    @classmethod
    def _place_call_off(cls, qty=50, price=100, zone=None, lot=None, when=None):
        with freeze_time(when or "2026-03-02 09:00:00"):
            order = cls._create_call_off(lot or cls.lot, price, zone=zone)
            # In one write: a quantity alone recomputes the lot's price.
            order.order_line.write({"product_qty": qty, "price_unit": price})
            order.button_confirm()
        return order

    @classmethod
    def _bill(cls, order, when="2026-03-20"):
        with freeze_time(when):
            order.action_create_invoice()
        bill = order.invoice_ids.filtered(lambda m: m.state == "draft")
        bill.invoice_date = date.fromisoformat(when)
        bill.action_post()
        return bill

    @classmethod
    def _credit_note(cls, order, qty, when="2026-03-25"):
        line = order.order_line
        credit_note = cls.env["account.move"].create(
            {
                "move_type": "in_refund",
                "partner_id": order.partner_id.id,
                "invoice_date": date.fromisoformat(when),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": line.product_id.id,
                            "quantity": qty,
                            "price_unit": line.price_unit,
                            "purchase_line_id": line.id,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        credit_note.action_post()
        return credit_note

    @classmethod
    def _pay(cls, bill, amount, when="2026-04-10"):
        return (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=bill.ids)
            .create({"amount": amount, "payment_date": date.fromisoformat(when)})
            ._create_payments()
        )

    def _report_totals(self, domain=None):
        groups = self.Report._read_group(
            [("requisition_id", "=", self.lot.id), *(domain or [])],
            [],
            [f"{fname}:sum" for fname in MONEY_FIELDS],
        )
        return dict(zip(MONEY_FIELDS, groups[0], strict=False))


@tagged("post_install", "-at_install")
class TestContractMoney(ContractMoneyCommon):
    def test_received_before_any_bill(self):
        """Receiving 30 of 50 laptops at 100 gives 3,000 received, nothing
        invoiced yet."""
        order = self._place_call_off()
        with freeze_time("2026-03-10 10:00:00"):
            self._receive(order.picking_ids, {order.order_line: 30})
        lot = self.lot.with_user(self.user_finance)
        self.assertRecordValues(
            lot,
            [
                {
                    "committed_amount": 5000,
                    "received_amount": 3000,
                    "invoiced_amount": 0,
                    "paid_amount": 0,
                    "committed_not_invoiced_amount": 5000,
                    "invoiced_percent": 0,
                }
            ],
        )
        self.assertEqual(
            self.agreement.with_user(self.user_finance).received_amount, 3000
        )
        receipt = self.Report.search(
            [
                ("purchase_line_id", "=", order.order_line.id),
                ("event_type", "=", "receipt"),
            ]
        )
        self.assertRecordValues(
            receipt, [{"received_amount": 3000, "date": date(2026, 3, 10)}]
        )

    def test_bill_credit_note_and_payment(self):
        """A bill of 3,000 and a credit note of 1,000: invoiced 2,000, the
        rest of the commitment not invoiced; paying half the bill pays
        1,500."""
        order = self._place_call_off()
        with freeze_time("2026-03-10 10:00:00"):
            self._receive(order.picking_ids, {order.order_line: 30})
        bill = self._bill(order)
        self.assertEqual(bill.amount_untaxed, 3000)
        credit_note = self._credit_note(order, 10)
        lot = self.lot.with_user(self.user_finance)
        self.assertEqual(lot.invoiced_amount, 2000)
        self.assertEqual(lot.committed_not_invoiced_amount, 3000)
        self.assertEqual(
            lot.committed_not_invoiced_amount + lot.invoiced_amount,
            lot.committed_amount,
        )
        self.assertEqual(lot.invoiced_percent, 40)
        self.assertEqual(lot.paid_amount, 0)
        self._pay(bill, 1500)
        self.assertEqual(bill.payment_state, "partial")
        lot.invalidate_recordset()
        self.assertEqual(lot.paid_amount, 1500)
        self.assertEqual(
            self._report_totals(),
            {
                "committed_amount": 5000,
                "received_amount": 3000,
                "invoiced_amount": 2000,
                "paid_amount": 1500,
                "committed_not_invoiced_amount": 3000,
            },
        )
        # The credit note set against the bill and the rest paid: what is
        # paid is what is invoiced, each document counted once.
        (bill.line_ids | credit_note.line_ids).filtered(
            lambda line: line.account_type == "liability_payable"
            and not line.reconciled
        ).reconcile()
        self.assertEqual(bill.amount_residual, 500)
        self._pay(bill, 500)
        lot.invalidate_recordset()
        self.assertEqual(lot.invoiced_amount, 2000)
        self.assertEqual(lot.paid_amount, 2000)
        self.assertEqual(self._report_totals()["paid_amount"], 2000)
        events = self.Report.search([("requisition_id", "=", self.lot.id)])
        self.assertEqual(
            sorted(events.mapped("event_type")),
            ["bill", "ceiling", "commitment", "credit_note", "receipt"],
        )

    def test_draft_and_cancelled_bills_count_nothing(self):
        order = self._place_call_off()
        with freeze_time("2026-03-10 10:00:00"):
            self._receive(order.picking_ids, {order.order_line: 50})
        bill = self._bill(order)
        bill.button_draft()
        lot = self.lot.with_user(self.user_finance)
        self.assertEqual(lot.invoiced_amount, 0)
        bill.button_cancel()
        lot.invalidate_recordset()
        self.assertEqual(lot.invoiced_amount, 0)
        self.assertEqual(self._report_totals()["invoiced_amount"], 0)

    def test_call_off_in_another_currency(self):
        """A call-off in another currency counts in the lot's currency at the
        rate it froze: half of it received is half of what it commits."""
        chf = self.env.ref("base.CHF")
        chf.active = True
        self.env["res.currency.rate"].create(
            {"name": date(2026, 1, 1), "rate": 2.0, "currency_id": chf.id}
        )
        with freeze_time("2026-03-02 09:00:00"):
            order = self._create_call_off(self.lot, 200)
            order.write({"currency_id": chf.id})
            order.order_line.write({"product_qty": 50, "price_unit": 200})
            order.button_confirm()
        self.assertEqual(order.amount_untaxed, 10000)
        self.assertNotAlmostEqual(order.call_off_amount, 10000)
        with freeze_time("2026-03-10 10:00:00"):
            self._receive(order.picking_ids, {order.order_line: 25})
        lot = self.lot.with_user(self.user_finance)
        self.assertAlmostEqual(lot.received_amount, order.call_off_amount / 2)
        self.assertAlmostEqual(
            self._report_totals()["received_amount"], order.call_off_amount / 2
        )

    def test_buyers_read_their_zones_only(self):
        """Finance reads every zone's figures; a buyer only the rows of the
        zones they belong to, and not the lot's money fields."""
        own = self._place_call_off(qty=10)
        other = self._place_call_off(qty=20, zone=self.zone_member)
        report = self.Report.with_user(self.user_finance)
        self.assertEqual(
            set(
                report.search([("event_type", "=", "commitment")]).purchase_order_id.ids
            ),
            {own.id, other.id},
        )
        report = self.Report.with_user(self.user_buyer)
        rows = report.search([("requisition_id", "=", self.lot.id)])
        self.assertEqual(rows.zone_id, self.zone_lead)
        self.assertEqual(rows.purchase_order_id, own)
        with self.assertRaises(AccessError):
            self.lot.with_user(self.user_buyer).read(["invoiced_amount"])
        requester_report = self.Report.with_user(self.user_requester)
        with self.assertRaises(AccessError):
            requester_report.search([])
        manager_rows = self.Report.with_user(self.user_contract_manager).search(
            [("requisition_id", "=", self.lot.id)]
        )
        self.assertEqual(manager_rows.purchase_order_id, own | other)
        self.assertEqual(
            self.lot.with_user(
                self.user_contract_manager
            ).committed_not_invoiced_amount,
            3000,
        )

    @freeze_time("2026-05-15")
    def test_filters(self):
        """This fiscal year, committed not invoiced and unpaid for over 30
        days select the rows they say."""
        billed = self._place_call_off(qty=10)
        open_order = self._place_call_off(qty=20)
        with freeze_time("2026-03-10 10:00:00"):
            self._receive(billed.picking_ids, {billed.order_line: 10})
        bill = self._bill(billed, when="2026-04-01")
        report = self.Report.with_user(self.user_finance)
        rows = report.search([("requisition_id", "=", self.lot.id)])
        self.assertEqual(
            rows.filtered("is_not_fully_invoiced").purchase_order_id,
            open_order,
            rows.read(
                [
                    "event_type",
                    "purchase_order_id",
                    "committed_amount",
                    "invoiced_amount",
                    "is_not_fully_invoiced",
                ]
            ),
        )
        self.assertEqual(
            report.search([("is_not_fully_invoiced", "=", True)]).purchase_order_id,
            open_order,
        )
        overdue = report.search([("is_overdue_unpaid", "=", True)])
        self.assertEqual(overdue.move_id, bill)
        self.assertTrue(overdue.is_overdue_unpaid)
        self._pay(bill, bill.amount_total, when="2026-05-14")
        self.assertFalse(report.search([("is_overdue_unpaid", "=", True)]))
        this_year = report.search([("is_current_fiscal_year", "=", True)])
        self.assertEqual(set(this_year.mapped("fiscal_year")), {"2026"})
        # The lot's ceiling row is dated from the agreement's start, in 2024.
        self.assertNotIn("ceiling", this_year.mapped("event_type"))
        self.assertIn(
            "ceiling",
            report.search([("is_current_fiscal_year", "=", False)]).mapped(
                "event_type"
            ),
        )


@tagged("post_install", "-at_install")
class TestContractFinanceReportQueries(ContractMoneyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.service = cls.env["product.product"].create(
            {"name": "IZ Support", "type": "service", "purchase_ok": True}
        )

    def _place_many(self, count):
        Order = self.env["purchase.order"].with_user(self.user_buyer)
        zones = (self.zone_lead, self.zone_member)
        with freeze_time("2026-03-02 09:00:00"):
            orders = Order.create(
                [
                    {
                        "partner_id": self.vendor.id,
                        "requisition_id": self.lot.id,
                        "zone_id": zones[index % 2].id,
                        "currency_id": self.eur.id,
                        "date_order": datetime(2026, 3, 2, 9, 0),
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": self.service.id,
                                    "product_qty": 1,
                                    "price_unit": 10,
                                    "taxes_id": [Command.clear()],
                                }
                            )
                        ],
                    }
                    for index in range(count)
                ]
            )
            orders.button_confirm()
        return orders

    def _read_first_page(self):
        report = self.Report.with_user(self.user_finance)
        models = report.get_views([(False, "list")])["models"]
        fnames = models[report._name].get("fields", models[report._name])
        spec = {
            fname: {"fields": {"display_name": {}}}
            if report._fields[fname].type == "many2one"
            else {}
            for fname in fnames
        }
        self.env.invalidate_all()
        # A page shorter than the rows in both cases: counting them costs the
        # same query each time.
        result = report.web_search_read([], spec, limit=10)
        report.read_group(
            [],
            ["committed_amount:sum", "invoiced_amount:sum"],
            ["requisition_id", "zone_id"],
            lazy=False,
        )
        return result

    def test_first_page_costs_the_same_with_many_call_offs(self):
        self._place_many(10)
        self._read_first_page()
        self.env.flush_all()
        before = self.cr.sql_log_count
        page = self._read_first_page()
        queries = self.cr.sql_log_count - before
        self.assertEqual((page["length"], len(page["records"])), (11, 10))
        self._place_many(990)
        self._read_first_page()
        self.env.flush_all()
        with self.assertQueryCount(queries):
            self.assertEqual(len(self._read_first_page()["records"]), 10)
        self.assertEqual(self._report_totals()["committed_amount"], 10000)
        self.assertEqual(self.lot.committed_amount, 10000)
