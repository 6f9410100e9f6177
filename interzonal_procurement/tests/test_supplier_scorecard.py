# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import contextlib
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.api import call_kw
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .. import post_init_hook
from .common import InterzonalCommon

PERIOD = (date(2026, 3, 1), date(2026, 3, 31))
COMMITTED = datetime(2026, 3, 10, 12, 0)


@tagged("post_install", "-at_install")
class TestSupplierScorecard(InterzonalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Scorecard = cls.env["interzonal.supplier.scorecard"]
        cls.products = [cls._create_goods(f"Radio part {i}") for i in range(20)]
        cls.supplier = cls._create_supplier("Blue Light Radios")

    def _confirmed_order(self, supplier, lines, date_planned=COMMITTED):
        with freeze_time("2026-03-01 09:00:00"):
            order = self._create_order(supplier, lines, date_planned)
            order.button_confirm()
        return order

    def _alerts(self, partner):
        alert_type = self.env.ref(
            "interzonal_procurement.mail_activity_type_supplier_alert"
        )
        return partner.activity_ids.filtered(
            lambda act: act.activity_type_id == alert_type
        )

    def test_twenty_lines_otif_otd_and_alert_once(self):
        """17 on time and complete, 2 late, 1 partly on time with a late
        backorder: OTD and OTIF 85 %, 20 lines, the 95 % alert once."""
        order = self._confirmed_order(
            self.supplier, [(product, 10) for product in self.products]
        )
        lines = order.order_line
        self.assertEqual(lines.mapped("date_committed"), [COMMITTED] * 20)
        picking = order.picking_ids
        first = {line: 10 for line in lines[:17]}
        first[lines[19]] = 4
        with freeze_time("2026-03-08 10:00:00"):
            backorder = self._receive(picking, first)
        self.assertEqual(len(backorder), 1, "the missing quantity is backordered")
        with freeze_time("2026-03-20 10:00:00"):
            self._receive(backorder, {lines[17]: 10, lines[18]: 10, lines[19]: 6})
        with freeze_time("2026-03-25 10:00:00"):
            # a late line also gets a return: it changes no OTD/OTIF result
            self._return(backorder, {lines[17]: 2})
        self.assertEqual(lines[17].qty_received, 8)

        with freeze_time("2026-04-05 08:00:00"):
            card = self.Scorecard.with_user(self.user_buyer).compute_for_period(
                *PERIOD, partner_ids=self.supplier.ids
            )
        self.assertEqual(len(card), 1)
        self.assertEqual(card.line_count, 20, "the backorder adds no line")
        self.assertAlmostEqual(card.otd_rate, 85.0)
        self.assertAlmostEqual(card.otif_rate, 85.0)
        self.assertTrue(card.data_sufficient)
        self.assertAlmostEqual(card.return_rate, 2 / 200 * 100)
        self.assertAlmostEqual(card.fill_rate, 198 / 200 * 100)
        for rate in ("otd_rate", "otif_rate", "fill_rate", "return_rate", "score"):
            self.assertTrue(0 <= card[rate] <= 100, rate)
        self.assertTrue(card.alert_active)
        self.assertTrue(card.alert_pending)
        self.assertFalse(self._alerts(self.supplier), "delivered by the cron")
        self.Scorecard._cron_send_alerts()
        self.assertFalse(card.alert_pending)
        alerts = self._alerts(self.supplier)
        self.assertEqual(len(alerts), 1)
        self.assertEqual(alerts.user_id, self.user_buyer)
        notes = self.supplier.message_ids.filtered(
            lambda msg: "performance alert" in (msg.body or "")
        )
        self.assertEqual(len(notes), 1)

        # a recompute of the same period does not alert again
        with freeze_time("2026-04-06 08:00:00"):
            again = self.Scorecard.compute_for_period(
                *PERIOD, partner_ids=self.supplier.ids
            )
        self.assertFalse(card.exists(), "the scorecard of the period is replaced")
        self.assertAlmostEqual(again.otd_rate, 85.0)
        self.assertFalse(again.alert_pending)
        self.Scorecard._cron_send_alerts()
        self.assertEqual(len(self._alerts(self.supplier)), 1)
        self.assertEqual(self.supplier.scorecard_id, again)

        # the buyer was asked to rate the fully received order
        evaluation_type = self.env.ref(
            "interzonal_procurement.mail_activity_type_supplier_evaluation"
        )
        self.assertEqual(order.activity_ids.activity_type_id, evaluation_type)

    def test_moving_planned_date_keeps_otd(self):
        """A confirmed line's planned date moved later does not make a late
        delivery on time."""
        order = self._confirmed_order(
            self.supplier, [(product, 5) for product in self.products[:5]]
        )
        line = order.order_line[0]
        with freeze_time("2026-03-05 09:00:00"):
            line.date_planned = datetime(2026, 3, 25, 12, 0)
        self.assertEqual(line.date_committed, COMMITTED)
        with freeze_time("2026-03-20 10:00:00"):
            self._receive(order.picking_ids, {line: 5 for line in order.order_line})
        with freeze_time("2026-04-05 08:00:00"):
            card = self.Scorecard.compute_for_period(
                *PERIOD, partner_ids=self.supplier.ids
            )
        self.assertEqual(card.line_count, 5)
        self.assertAlmostEqual(card.otd_rate, 0.0, msg="all five lines are late")
        self.assertEqual(line.date_committed, COMMITTED)

    def test_three_lines_insufficient(self):
        """Three lines: grade insufficient, rates not available."""
        order = self._confirmed_order(
            self.supplier, [(product, 5) for product in self.products[:3]]
        )
        with freeze_time("2026-03-08 10:00:00"):
            self._receive(order.picking_ids, {line: 5 for line in order.order_line})
        with freeze_time("2026-04-05 08:00:00"):
            # as called over RPC: dates as strings, ids back
            card_ids = call_kw(
                self.Scorecard.with_user(self.user_buyer),
                "compute_for_period",
                ["2026-03-01", "2026-03-31"],
                {"partner_ids": self.supplier.ids},
            )
        self.assertIsInstance(card_ids, list)
        card = self.Scorecard.browse(card_ids)
        self.assertEqual(card.line_count, 3)
        self.assertEqual(card.grade, "insufficient")
        self.assertFalse(card.data_sufficient)
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT otd_rate, otif_rate, fill_rate, score FROM "
            "interzonal_supplier_scorecard WHERE id = %s",
            [card.id],
        )
        self.assertEqual(
            self.env.cr.fetchone(), (None, None, None, None), "not 0 nor 100 %"
        )
        self.assertFalse(self._alerts(self.supplier))

    def test_weights_must_sum_to_100(self):
        """Weights summing to 99 are refused and nothing changes."""
        with self.assertRaises(ValidationError) as caught:
            self.env["res.config.settings"].create(
                {
                    "scorecard_weight_otd": 29,
                    "scorecard_weight_otif": 20,
                    "scorecard_weight_fill": 15,
                    "scorecard_weight_return": 10,
                    "scorecard_weight_invoice": 10,
                    "scorecard_weight_service": 15,
                }
            )
        self.assertIn("sum to 100; they sum to 99", str(caught.exception))
        self.env.invalidate_all()
        self.assertEqual(self.company.scorecard_weight_otd, 30)
        settings = self.env["res.config.settings"].create(
            {"scorecard_weight_otd": 25, "scorecard_weight_service": 20}
        )
        settings.execute()
        self.assertEqual(self.company.scorecard_weight_service, 20)

    def test_query_count_independent_of_supplier_count(self):
        """compute_for_period runs the same number of queries for 5 and for
        50 suppliers."""
        suppliers = self.env["res.partner"].create(
            [
                {"name": f"Supplier {i}", "is_company": True, "supplier_rank": 1}
                for i in range(50)
            ]
        )
        with freeze_time("2026-03-01 09:00:00"):
            orders = self.env["purchase.order"].create(
                [
                    {
                        "partner_id": supplier.id,
                        "user_id": self.user_buyer.id,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": product.id,
                                    "product_qty": 2,
                                    "price_unit": 5.0,
                                    "date_planned": COMMITTED,
                                }
                            )
                            for product in self.products[:5]
                        ],
                    }
                    for supplier in suppliers
                ]
            )
            orders.button_confirm()
        pickings = orders.picking_ids
        for move in pickings.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        with freeze_time("2026-03-08 10:00:00"):
            pickings._action_done()
        self.env.flush_all()
        self.env.invalidate_all()
        Scorecard = self.Scorecard.with_user(self.user_buyer)
        with freeze_time("2026-04-05 08:00:00"):
            # warm up the caches (ACL, rules, registry) once
            Scorecard.compute_for_period(*PERIOD, partner_ids=suppliers[:1].ids)
            counts, sizes = [], []
            for partners in (suppliers[:5], suppliers):
                self.env.flush_all()
                self.env.invalidate_all()
                with (
                    self.assertQueryCount(__system__=10),
                    contextlib.contextmanager(self._patchExecute)([]) as queries,
                ):
                    cards = Scorecard.compute_for_period(
                        *PERIOD, partner_ids=partners.ids
                    )
                counts.append(len(queries))
                sizes.append(len(cards))
        self.assertEqual(counts[0], counts[1], "same query count for 5 and 50")
        self.assertEqual(sizes, [5, 50])
        self.assertEqual(set(cards.mapped("grade")), {"A"})
        self.assertEqual(set(cards.mapped("otd_rate")), {100.0})

    def test_install_freezes_existing_confirmed_orders(self):
        """Orders confirmed before the install get their planned date as
        committed date; later edits no longer move it."""
        order = self._confirmed_order(
            self.supplier, [(product, 1) for product in self.products[:2]]
        )
        draft = self._create_order(self.supplier, [(self.products[0], 1)], COMMITTED)
        self.env.cr.execute(
            "UPDATE purchase_order_line SET date_committed = NULL WHERE order_id = %s",
            [order.id],
        )
        order.order_line.invalidate_recordset(["date_committed"])
        post_init_hook(self.env)
        self.assertEqual(order.order_line.mapped("date_committed"), [COMMITTED] * 2)
        self.assertFalse(draft.order_line.date_committed)
