# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import SQL, format_date

from .common import InterzonalRequestCommon


@tagged("post_install", "-at_install")
class TestPurchaseRequest(InterzonalRequestCommon):
    def test_template_priced_from_cheapest_covering_lot(self):
        """3 template products on a zone A request: priced from zone A's lots."""
        request = self._create_request(template=self.template)
        self.assertEqual(request.zone_id, self.zone_a)
        request.action_apply_template()
        self.assertEqual(len(request.line_ids), 3)
        by_product = {line.product_id: line for line in request.line_ids}
        laptop = by_product[self.product]
        # Lot 3 is cheaper (900) but zone A has not joined its agreement.
        self.assertEqual(laptop.requisition_id, self.lot_2)
        self.assertEqual(laptop.contract_price_unit, 950)
        self.assertEqual(laptop.estimated_cost, 1900)
        self.assertEqual(by_product[self.monitor].requisition_id, self.lot_1)
        self.assertEqual(by_product[self.monitor].contract_price_unit, 200)
        self.assertEqual(by_product[self.dock].requisition_id, self.lot_2)
        self.assertFalse(any(request.line_ids.mapped("out_of_contract")))
        self.assertEqual(request.amount_untaxed, 1900 + 600 + 300)
        self.assertAlmostEqual(request.amount_total, 2800 * 1.21)
        self.assertFalse(request.out_of_contract_warning)

    def test_lot_remaining_amount_must_cover_the_line(self):
        """20 laptops (19,000) do not fit in lot 2 (15,000): lot 1 supplies."""
        request = self._create_request()
        request.line_ids = [
            Command.create({"product_id": self.product.id, "product_qty": 20})
        ]
        request.action_suggest_lots()
        self.assertEqual(request.line_ids.requisition_id, self.lot_1)
        self.assertEqual(request.line_ids.contract_price_unit, 1000)

    def test_product_of_foreign_lot_is_out_of_contract(self):
        """A camera only sold in a lot zone A has not joined is out of contract."""
        request = self._create_request()
        request.line_ids = [
            Command.create({"product_id": self.camera.id, "product_qty": 2})
        ]
        request.action_suggest_lots()
        line = request.line_ids
        self.assertTrue(line.out_of_contract)
        self.assertFalse(line.requisition_id)
        self.assertEqual(line.estimated_cost, 900)
        self.assertIn("900.00", request.out_of_contract_warning)
        self.assertIn("30,000.00", request.out_of_contract_warning)
        self.assertIn("below the low-value threshold", request.out_of_contract_warning)
        # The lead zone of the camera agreement gets it under contract.
        other = self._create_request(
            user=self.user_requester_b, zone=self.zone_outsider
        )
        other.line_ids = [
            Command.create({"product_id": self.camera.id, "product_qty": 2})
        ]
        other.action_suggest_lots()
        self.assertEqual(other.line_ids.requisition_id, self.lot_3)

    def test_accept_and_create_call_offs(self):
        """One draft call-off per lot, with vendor, zone, analytics and prices."""
        request = self._quoted_request()
        self.assertEqual(request.quotation_state, "sent")
        self.assertTrue(request.quotation_sent_date)
        self.assertEqual(
            request.quotation_valid_until, date.today() + timedelta(days=30)
        )
        request.with_user(self.user_requester).action_quotation_accept()
        self.assertEqual(request.quotation_state, "accepted")
        self.assertEqual(request.state, "approved")
        request.action_create_call_offs()
        orders = request.line_ids.purchase_lines.order_id
        self.assertEqual(len(orders), 2)
        self.assertEqual(request.state, "in_progress")
        expected = {
            self.lot_1: (self.vendor, {self.monitor: 200}),
            self.lot_2: (self.other_vendor, {self.product: 950, self.dock: 150}),
        }
        for order in orders:
            vendor, prices = expected[order.requisition_id]
            self.assertEqual(order.state, "draft")
            self.assertEqual(order.partner_id, vendor)
            self.assertEqual(order.zone_id, self.zone_a)
            self.assertEqual(
                {line.product_id: line.price_unit for line in order.order_line}, prices
            )
            for po_line in order.order_line:
                self.assertEqual(
                    po_line.analytic_distribution, {str(self.analytic_a.id): 100}
                )
        for line in request.line_ids:
            self.assertEqual(len(line.purchase_lines), 1)
            self.assertEqual(line.purchase_lines.product_id, line.product_id)
            self.assertEqual(
                line.purchase_lines.order_id.requisition_id, line.requisition_id
            )
            self.assertEqual(
                line.purchase_request_allocation_ids.purchase_line_id,
                line.purchase_lines,
            )
            self.assertEqual(line.purchase_lines.product_qty, line.product_qty)
        self.assertEqual(request.qty_ordered, 7)
        # The call-off goes through the agreement's checks.
        orders.filtered(lambda o: o.requisition_id == self.lot_2).button_confirm()
        self.assertEqual(self.lot_2.committed_amount, 2200)

    def test_out_of_contract_lines_go_to_main_supplier_rfq(self):
        request = self._create_request(template=self.template)
        request.action_apply_template()
        request.line_ids = [
            Command.create({"product_id": self.camera.id, "product_qty": 2})
        ]
        request.action_suggest_lots()
        request = request.with_user(self.user_buyer)
        request.write(
            {"quotation_state": "sent", "quotation_valid_until": date.today()}
        )
        request.action_quotation_accept()
        request.action_create_call_offs()
        camera_line = request.line_ids.filtered(
            lambda line: line.product_id == self.camera
        )
        rfq = camera_line.purchase_lines.order_id
        self.assertEqual(rfq.partner_id, self.other_vendor)
        self.assertFalse(rfq.requisition_id)
        self.assertEqual(rfq.zone_id, self.zone_a)
        self.assertEqual(len(request.line_ids.purchase_lines.order_id), 3)

    def test_requester_reads_only_own_zone(self):
        """Record rule: a requester of zone A cannot read zone B's requests."""
        own = self._create_request()
        colleague = self._create_request(user=self.user_buyer, zone=self.zone_lead)
        foreign = self._create_request(
            user=self.user_requester_b, zone=self.zone_outsider
        )
        Request = self.env["purchase.request"].with_user(self.user_requester)
        visible = Request.search([])
        self.assertIn(own, visible)
        self.assertNotIn(colleague, visible)
        self.assertNotIn(foreign, visible)
        with self.assertRaisesMessage(AccessError, "purchase.request"):
            foreign.with_user(self.user_requester).read(["name"])
        with self.assertRaisesMessage(AccessError, "purchase.request"):
            foreign.with_user(self.user_requester).write({"description": "x"})
        self.assertIn(
            foreign, self.env["purchase.request"].with_user(self.user_buyer).search([])
        )
        self.assertEqual(colleague.zone_id, self.zone_lead)

    def test_requester_cannot_create_for_another_zone(self):
        Request = self.env["purchase.request"]
        count = Request.search_count([])
        with self.assertRaisesMessage(UserError, "only ask for your own zone"):
            self._create_request(zone=self.zone_outsider)
        self.assertEqual(Request.search_count([]), count)

    def test_template_line_needs_product_and_quantity(self):
        Line = self.env["interzonal.quotation.template.line"].with_user(self.user_buyer)
        for vals in (
            {"product_qty": 1},
            {"product_id": self.product.id, "product_qty": 0},
            {"product_id": self.product.id, "product_qty": -2},
        ):
            with self.assertRaisesMessage(ValidationError, "product and a positive"):
                Line.create({"template_id": self.template.id, **vals})
        self.assertEqual(len(self.template.line_ids), 3)

    def test_requester_reads_but_cannot_edit_templates(self):
        template = self.template.with_user(self.user_requester)
        self.assertEqual(template.name, "IZ Patrol kit")
        with self.assertRaisesMessage(AccessError, "interzonal.quotation.template"):
            template.write({"name": "Changed"})

    def test_validity_date_in_the_past(self):
        request = self._create_request()
        with self.assertRaisesMessage(ValidationError, "cannot lie in the past"):
            request.quotation_valid_until = date.today() - timedelta(days=1)
        self.assertFalse(request.quotation_valid_until)

    def test_expired_quotation_cannot_be_accepted(self):
        request = self._quoted_request()
        with freeze_time(fields.Date.today() + timedelta(days=31)):
            with self.assertRaisesMessage(UserError, "expired on"):
                request.with_user(self.user_requester).action_quotation_accept()
            self.assertEqual(request.quotation_state, "sent")
            self.assertEqual(request.state, "draft")
            self.env["purchase.request"]._cron_expire_quotations()
            self.assertEqual(request.quotation_state, "expired")

    def test_decline(self):
        request = self._quoted_request()
        request.with_user(self.user_requester).action_quotation_decline()
        self.assertEqual(request.quotation_state, "declined")
        self.assertEqual(request.state, "draft")

    def test_no_call_off_from_unaccepted_request(self):
        request = self._quoted_request()
        with self.assertRaisesMessage(UserError, "has no accepted quotation"):
            request.action_create_call_offs()
        self.assertFalse(request.line_ids.purchase_lines)

    def test_acknowledgement_delay(self):
        """Two working days of the company calendar from creation."""
        request = self._create_request()
        request.flush_recordset()
        # Created on a Friday morning: Friday and Monday are the two days.
        self.env.cr.execute(
            SQL(
                "UPDATE purchase_request SET create_date = %s WHERE id = %s",
                datetime(2026, 3, 13, 9, 0),
                request.id,
            )
        )
        request.invalidate_recordset(["create_date"])
        request._compute_acknowledge_deadline()
        self.assertEqual(request.acknowledge_deadline.date(), date(2026, 3, 16))
        with freeze_time("2026-03-17 09:00:00"):
            self.assertTrue(request.is_acknowledge_overdue)
            self.assertIn(
                request,
                self.env["purchase.request"].search(
                    [("is_acknowledge_overdue", "=", True)]
                ),
            )
            request.with_user(self.user_buyer).action_acknowledge()
            self.assertTrue(request.date_acknowledged)
            self.assertFalse(request.is_acknowledge_overdue)

    def test_late_delivery_activity_and_done(self):
        request = self._quoted_request()
        request.with_user(self.user_requester).action_quotation_accept()
        request.action_create_call_offs()
        order = request.line_ids.purchase_lines.order_id.filtered(
            lambda o: o.requisition_id == self.lot_1
        )
        order.button_confirm()
        order.order_line.date_planned = fields.Datetime.now() - timedelta(days=2)
        monitor = request.line_ids.filtered(
            lambda line: line.product_id == self.monitor
        )
        self.assertEqual(monitor.qty_late, 3)
        self.assertEqual(request.qty_late, 3)
        self.assertIn(
            request,
            self.env["purchase.request"].search([("has_late_delivery", "=", True)]),
        )
        Request = self.env["purchase.request"]
        Request._cron_notify_late_deliveries()
        Request._cron_notify_late_deliveries()
        activities = request.activity_ids.filtered(
            lambda a: "Late delivery" in a.summary
        )
        self.assertEqual(len(activities), 1)
        self.assertIn("IZ Monitor", activities.summary)
        # Receive everything of lot 1, cancel the rest: the request is done.
        picking = order.picking_ids
        picking.move_ids.quantity = 3
        picking.button_validate()
        self.assertEqual(monitor.qty_done, 3)
        self.assertEqual(request.state, "in_progress")
        (request.line_ids - monitor).do_cancel()
        Request._cron_notify_late_deliveries()
        self.assertEqual(request.state, "done")

    def test_late_follow_up_of_locked_order_shows_committed_date(self):
        """A locked (done) call-off whose committed date passed is followed up,
        with the committed date, even after the plan moved later."""
        request = self._quoted_request()
        request.with_user(self.user_requester).action_quotation_accept()
        request.action_create_call_offs()
        order = request.line_ids.purchase_lines.order_id.filtered(
            lambda o: o.requisition_id == self.lot_1
        )
        committed = fields.Datetime.now().replace(microsecond=0) - timedelta(days=5)
        order.order_line.date_planned = committed
        order.button_confirm()
        order.button_done()
        self.assertEqual(order.state, "done")
        later = fields.Datetime.now() + timedelta(days=10)
        order.order_line.date_planned = later
        self.assertEqual(order.order_line.date_committed, committed)
        monitor = request.line_ids.filtered(
            lambda line: line.product_id == self.monitor
        )
        self.assertEqual(monitor.qty_late, 3)
        self.env["purchase.request"]._cron_notify_late_deliveries()
        activity = request.activity_ids.filtered(lambda a: "Late delivery" in a.summary)
        self.assertEqual(len(activity), 1)
        self.assertIn(f"was due on {format_date(self.env, committed)}", activity.note)
        self.assertNotIn(format_date(self.env, later), activity.note)

    def test_lot_offered_from_the_zones_own_accession(self):
        """Zone A joins the camera agreement on 1 June 2026, another zone
        joined in 2024: zone A is offered the lot only from 1 June."""
        self.foreign_agreement.with_user(self.user_contract_manager).write(
            {
                "participation_ids": [
                    Command.create(
                        {"zone_id": self.zone_a.id, "date_joined": date(2026, 6, 1)}
                    ),
                    Command.create(
                        {"zone_id": self.zone_late.id, "date_joined": date(2024, 3, 1)}
                    ),
                ]
            }
        )
        with freeze_time("2026-05-31"):
            request = self._create_request()
            request.line_ids = [
                Command.create({"product_id": self.camera.id, "product_qty": 2})
            ]
            request.action_suggest_lots()
            self.assertTrue(request.line_ids.out_of_contract)
            self.assertFalse(request.line_ids.requisition_id)
        with freeze_time("2026-06-01"):
            request.action_suggest_lots()
            self.assertEqual(request.line_ids.requisition_id, self.lot_3)
            self.assertEqual(request.line_ids.contract_price_unit, 500)

    def test_foreign_currency_contract_price_converted_once(self):
        """Lot 2 prices the dock at 150 EUR: the request shows it in company
        currency at the day's rate, the call-off made days later, when the
        rate moved, still orders it at 150 EUR."""
        company_currency = self.env.company.currency_id
        self.assertNotEqual(company_currency, self.eur)
        Rate = self.env["res.currency.rate"]
        Rate.search([("currency_id", "=", self.eur.id)]).unlink()
        Rate.create({"currency_id": self.eur.id, "name": date(2026, 3, 1), "rate": 0.8})
        with freeze_time("2026-03-20"):
            request = self._quoted_request()
        dock = request.line_ids.filtered(lambda line: line.product_id == self.dock)
        self.assertEqual(dock.requisition_id, self.lot_2)
        self.assertEqual(dock.contract_price_unit, 187.5)
        Rate.create(
            {"currency_id": self.eur.id, "name": date(2026, 3, 25), "rate": 0.5}
        )
        with freeze_time("2026-03-26"):
            request.with_user(self.user_requester).action_quotation_accept()
            request.action_create_call_offs()
        order = dock.purchase_lines.order_id
        self.assertEqual(order.currency_id, self.eur)
        self.assertEqual(
            {line.product_id: line.price_unit for line in order.order_line},
            {self.product: 950, self.dock: 150},
        )
