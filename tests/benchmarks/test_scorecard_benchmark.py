# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Supplier scorecards at scale: run by `make bench`, not by `make test`."""

import contextlib
import time
from datetime import timedelta

from odoo import fields

from ..common import CrossAddonCase
from . import fixtures

SUPPLIERS = 500
LINES = 100_000


class TestScorecardBenchmark(CrossAddonCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        started = time.perf_counter()
        cls.suppliers = fixtures.create_suppliers(cls.env, SUPPLIERS)
        products = fixtures.create_products(cls.env, 50)
        fixtures.insert_orders(cls.env, cls.suppliers, products, LINES)
        cls.fixture_seconds = time.perf_counter() - started

    def _measure(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        with contextlib.contextmanager(self._patchExecute)([], flush=False) as queries:
            started = time.perf_counter()
            result = func()
            self.env.flush_all()
            elapsed = time.perf_counter() - started
        return result, elapsed, len(queries)

    def test_recompute_all_scorecards(self):
        today = fields.Date.context_today(self.env.user)
        date_from, date_to = today - timedelta(days=365), today - timedelta(days=1)
        Scorecard = self.env["interzonal.supplier.scorecard"]

        cards, seconds, queries = self._measure(
            lambda: Scorecard.compute_for_period(date_from, date_to)
        )
        _alerts, alert_seconds, alert_queries = self._measure(
            lambda: Scorecard._cron_send_alerts()
        )
        alert_count = self.env["mail.activity"].search_count(
            [("res_model", "=", "res.partner"), ("res_id", "in", self.suppliers.ids)]
        )
        _by_lot, lot_seconds, lot_queries = self._measure(
            lambda: Scorecard.compute_for_period(
                date_from, date_to, by_lot=True, period_type="rolling"
            )
        )
        _rates, odoo_seconds, odoo_queries = self._measure(
            lambda: self.suppliers._compute_on_time_rate()
        )
        lines = sum(cards.mapped("line_count"))
        otd = sum(c.otd_rate * c.line_count for c in cards) / lines
        otif = sum(c.otif_rate * c.line_count for c in cards) / lines
        print(
            f"\nSupplier scorecard benchmark: {len(cards)} suppliers, {lines} "
            f"order lines (fixtures built in {self.fixture_seconds:.1f} s)\n"
            f"  compute_for_period, all suppliers:        {seconds:6.2f} s, "
            f"{queries} queries\n"
            f"  compute_for_period, per supplier and lot: {lot_seconds:6.2f} s, "
            f"{lot_queries} queries\n"
            f"  alert cron, {alert_count:3d} suppliers in alert:        "
            f"{alert_seconds:6.2f} s, {alert_queries} queries\n"
            f"  Odoo on_time_rate, same suppliers:        {odoo_seconds:6.2f} s, "
            f"{odoo_queries} queries\n"
            f"  weighted OTD {otd:.1f} %, OTIF {otif:.1f} %"
        )
        self.assertEqual(len(cards), SUPPLIERS)
        self.assertEqual(lines, LINES)
        self.assertAlmostEqual(otd, fixtures.EXPECTED_OTD, delta=0.5)
        self.assertAlmostEqual(otif, fixtures.EXPECTED_OTIF, delta=0.5)
        # every supplier in alert is alerted once
        self.assertTrue(alert_count)
        self.assertEqual(alert_count, len(cards.filtered("alert_active")))
        self.assertLessEqual(queries, 20)
        self.assertLessEqual(lot_queries, 20)
        self.assertLess(seconds, 10.0)
        self.assertLess(seconds, odoo_seconds)
