# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""`make bench`, procurement rows: call-off confirmation, lot figures,
supplier scorecards, the finance report and the open orders workbook."""

import math
from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user

from odoo.addons.interzonal_procurement.models.purchase_requisition import (
    COMMITTED_STATES,
)
from odoo.addons.interzonal_procurement.models.purchase_requisition_consumption import (
    FORECAST_WINDOW_DAYS,
)

from ..common import CrossAddonCase
from . import bench, fixtures, web_client, xlsx_reference
from .bench import Row, measure, record, scaled, time_ratio

LINES_PER_ORDER = 5
SMALL_LOT_CALL_OFFS = 10
BIG_LOT_CALL_OFFS = scaled(10_000, 20)
FIGURE_LOTS = 50
FIGURE_CALL_OFFS = scaled(10_000, FIGURE_LOTS)
SUPPLIERS = scaled(500, 5)
SCORECARD_LINES = scaled(100_000, 500)
OPEN_LINES = (scaled(10_000, 50), scaled(100_000, 500))
FINANCE_MODEL = "interzonal.contract.finance.report"
XLSX_REPORT = "interzonal_procurement.supplier_open_orders_xlsx"


class TestBenchProcurement(CrossAddonCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, queue_job__no_delay=True))
        seed = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.buyer = new_test_user(
            seed,
            login="bench_buyer",
            groups="base.group_user,interzonal_procurement.group_buyer",
        )
        cls.product = fixtures.create_products(seed, 1)
        cls.vendor = seed["res.partner"].create(
            {"name": "Bench framework vendor", "is_company": True, "supplier_rank": 1}
        )
        cls._seed_call_offs(seed)
        cls._seed_scorecards(seed)
        cls._seed_open_orders(seed)
        fixtures.analyze(seed, "purchase.order", "purchase.order.line")
        seed.invalidate_all()

    @classmethod
    def _seed_call_offs(cls, env):
        # lots far from their ceilings: no consumption step is crossed
        ceiling = 10_000_000
        cls.agreement, cls.zone, lots = fixtures.create_agreement(
            env, "BENCH-FA", cls.vendor, cls.product, 3 + FIGURE_LOTS, ceiling
        )
        cls.zone.user_ids = [(4, cls.buyer.id)]
        cls.warm_lot, cls.small_lot, cls.big_lot = lots[:3]
        cls.figure_lots = lots[3:]
        template = fixtures.create_order(
            env, cls.vendor, cls.product, LINES_PER_ORDER, cls.small_lot, cls.zone
        )
        template.button_confirm()
        fixtures.copy_orders(env, template, SMALL_LOT_CALL_OFFS - 1, "CO/S/")
        big_lot = {"requisition_id": fixtures.pick([cls.big_lot.id], BIG_LOT_CALL_OFFS)}
        fixtures.copy_orders(env, template, BIG_LOT_CALL_OFFS, "CO/B/", big_lot)
        spread = {"requisition_id": fixtures.cycle(cls.figure_lots.ids)}
        fixtures.copy_orders(env, template, FIGURE_CALL_OFFS, "CO/F/", spread)
        fixtures.refresh_lots(env, lots)
        cls.call_off_lines = env["purchase.order.line"].search_count(
            [("order_id.requisition_id", "in", lots.ids)]
        )
        # warm the caches every confirmation uses, as a running server has them
        for lot in (cls.warm_lot, None):
            order = fixtures.create_order(
                env, cls.vendor, cls.product, LINES_PER_ORDER, lot, cls.zone
            )
            order.with_user(cls.buyer).button_confirm()

    @classmethod
    def _seed_scorecards(cls, env):
        cls.suppliers = fixtures.create_suppliers(env, SUPPLIERS)
        products = fixtures.create_products(env, 50)
        fixtures.insert_orders(env, cls.suppliers, products, SCORECARD_LINES)

    @classmethod
    def _seed_open_orders(cls, env):
        """Two suppliers with OPEN_LINES open order lines each, planned on
        days spread over the last year (committed dates unset)."""
        cls.open_vendors = env["res.partner"]
        for count in OPEN_LINES:
            vendor = env["res.partner"].create(
                {"name": f"Bench open orders {count}", "is_company": True}
            )
            template = fixtures.create_order(env, vendor, cls.product, LINES_PER_ORDER)
            template.button_confirm()
            planned = {
                "date_planned": fixtures.SQL(
                    "%s - mod(n, 360) * interval '1 day'", fields.Datetime.now()
                )
            }
            fixtures.copy_orders(
                env, template, count // LINES_PER_ORDER - 1, f"OO/{count}/", {}, planned
            )
            cls.open_vendors |= vendor

    # ------------------------------------------------------------------
    # Rows
    # ------------------------------------------------------------------

    def _confirm(self, lot):
        order = fixtures.create_order(
            self.env, self.vendor, self.product, LINES_PER_ORDER, lot, self.zone
        )
        return order.with_user(self.buyer)

    def test_1_confirm_call_off(self):
        rows = []
        # a first confirmation of each kind fills the caches a running
        # server has
        measure(self, self._confirm(self.warm_lot).button_confirm, memory=False)
        measure(self, self._confirm(None).button_confirm, memory=False)
        for lot, earlier in (
            (self.small_lot, SMALL_LOT_CALL_OFFS),
            (self.big_lot, BIG_LOT_CALL_OFFS),
        ):
            call_off, plain = self._confirm(lot), self._confirm(None)
            ours = measure(self, call_off.button_confirm)
            reference = measure(self, plain.button_confirm)
            rows.append(
                Row(
                    "Confirm a call-off (5 lines)",
                    f"{earlier:,} earlier call-offs on its lot",
                    ours,
                    reference,
                    "plain Odoo PO, same lines",
                    ratio=f"+{ours.queries - reference.queries} queries",
                    aim="<= +5 queries, same at both sizes",
                )
            )
        extra = {row.ours.queries - row.reference.queries for row in rows}
        for row in rows:
            row.passed = len(extra) == 1 and max(extra) <= 5
            record(row)

    def _lot_figures(self, lots):
        """committed, remaining, percent and forecast of ``lots``, computed
        as the addon does."""
        Lot = self.env["purchase.requisition"]
        for fname in ("committed_amount", "remaining_amount", "consumption_percent"):
            self.env.add_to_compute(Lot._fields[fname], lots)
        return {
            lot.id: (
                lot.committed_amount,
                lot.remaining_amount,
                lot.consumption_percent,
                lot.exhaustion_forecast_date,
            )
            for lot in lots
        }

    def _naive_lot_figures(self, lots):
        """The same figures by a loop over each lot's call-offs."""
        today = fields.Date.context_today(self.env.user)
        window_start = fields.Datetime.to_datetime(
            today - timedelta(days=FORECAST_WINDOW_DAYS)
        )
        figures = {}
        for lot in lots:
            committed = burnt = 0.0
            for order in lot.purchase_ids:
                if order.state in COMMITTED_STATES:
                    committed += order.call_off_amount
                    if order.date_approve and order.date_approve >= window_start:
                        burnt += order.call_off_amount
            remaining = lot.ceiling_amount - committed
            percent = 100.0 * committed / lot.ceiling_amount
            start = max(
                window_start.date(),
                lot.date_start or lot.framework_agreement_id.date_start,
            )
            rate = burnt / max((today - start).days, 1)
            forecast = (
                today + timedelta(days=math.ceil(remaining / rate)) if rate else False
            )
            figures[lot.id] = (committed, remaining, percent, forecast)
        return figures

    def test_2_lot_figures(self):
        lots = self.figure_lots
        ours = measure(self, lambda: self._lot_figures(lots))
        reference = measure(self, lambda: self._naive_lot_figures(lots))
        same = ours.result == reference.result
        faster = reference.seconds / ours.seconds if ours.seconds else 0
        record(
            Row(
                "Lot figures (committed, remaining, %, forecast)",
                f"{FIGURE_CALL_OFFS:,} call-offs over {len(lots)} lots",
                ours,
                reference,
                "naive loop over each call-off",
                ratio=f"{time_ratio(ours, reference)} ({faster:.0f}x faster)",
                aim=">= 50x faster",
                passed=faster >= 50,
                note="" if same else "the naive loop's figures differ from the addon's",
            )
        )

    def test_3_scorecards(self):
        today = fields.Date.context_today(self.env.user)
        date_from, date_to = today - timedelta(days=365), today - timedelta(days=1)
        Scorecard = self.env["interzonal.supplier.scorecard"]
        reference = measure(self, self.suppliers._compute_on_time_rate)
        size = f"{SUPPLIERS:,} suppliers, {SCORECARD_LINES:,} lines"
        # the first computation of a process also fills the registry's caches
        # (defaults of the scorecard and trigger models, the alert cron's id);
        # the next ones, a server's steady state, run without those lookups
        first = measure(self, lambda: Scorecard.compute_for_period(date_from, date_to))
        all_cards = measure(
            self, lambda: Scorecard.compute_for_period(date_from, date_to)
        )
        by_lot = measure(
            self,
            lambda: Scorecard.compute_for_period(
                date_from, date_to, by_lot=True, period_type="rolling"
            ),
        )
        # the alert cron works on the scorecards computed just before
        cards = Scorecard.compute_for_period(date_from, date_to)
        alerts = measure(self, Scorecard._cron_send_alerts)
        note = self._scorecard_check(cards)
        for name, ours, aim, passed in (
            (
                "Supplier scorecards, all suppliers, first of a process",
                first,
                "< 10 s, <= 20 queries",
                first.seconds < 10 and first.queries <= 20,
            ),
            (
                "Supplier scorecards, all suppliers",
                all_cards,
                "< 10 s, <= 10 queries",
                all_cards.seconds < 10 and all_cards.queries <= 10,
            ),
            (
                "Supplier scorecards per supplier and lot",
                by_lot,
                "< 10 s, <= 20 queries",
                by_lot.seconds < 10 and by_lot.queries <= 20,
            ),
            (
                "Scorecard alert cron",
                alerts,
                "figures only",
                None,
            ),
        ):
            record(
                Row(
                    name,
                    size,
                    ours,
                    reference,
                    "Odoo's on_time_rate, same suppliers",
                    ratio=time_ratio(ours, reference),
                    aim=aim,
                    passed=passed,
                    note=note if name.endswith("all suppliers") else "",
                )
            )

    def _scorecard_check(self, cards):
        """The scorecards computed what the fixtures hold."""
        lines = sum(cards.mapped("line_count"))
        if len(cards) != SUPPLIERS or lines != SCORECARD_LINES:
            return (
                f"{len(cards)} scorecards of {lines} lines: not the fixtures' figures"
            )
        otd = sum(c.otd_rate * c.line_count for c in cards) / lines
        otif = sum(c.otif_rate * c.line_count for c in cards) / lines
        if (
            abs(otd - fixtures.EXPECTED_OTD) > 0.5
            or abs(otif - fixtures.EXPECTED_OTIF) > 0.5
        ):
            return f"weighted OTD {otd:.1f} %, OTIF {otif:.1f} %: not the fixtures'"
        return ""

    def test_4_finance_report(self):
        size = f"{self.call_off_lines:,} call-off lines"
        if FINANCE_MODEL not in self.env:
            for page in ("first page", "pivot"):
                record(
                    Row(
                        f"Finance report, {page}",
                        size,
                        aim="1 query per page, < 1 s",
                        note=f"not available: no model {FINANCE_MODEL} in this "
                        "database",
                    )
                )
            return
        env = self.env(user=self.env.ref("base.user_admin"))
        pages = (
            (
                "first page",
                web_client.list_first_page,
                ("purchase.order.line", "list of purchase order lines"),
            ),
            (
                "pivot",
                web_client.pivot,
                ("purchase.report", "Odoo's purchase analysis"),
            ),
        )
        for page, load, (ref_model, ref_name) in pages:
            ours = measure(self, lambda load=load: load(env, FINANCE_MODEL))
            reference = measure(self, lambda load=load, m=ref_model: load(env, m))
            table = env[FINANCE_MODEL]._table
            calls = ours.result["calls"]
            on_report = bench.touching(ours.statements, table)
            record(
                Row(
                    f"Finance report, {page}",
                    size,
                    ours,
                    reference,
                    ref_name,
                    ratio=time_ratio(ours, reference),
                    aim="1 query per page, < 1 s",
                    passed=on_report <= calls and ours.seconds < 1,
                    note=f"{calls} call(s) of the web client, {on_report} "
                    f"queries on {table}",
                )
            )

    def test_5_open_orders_xlsx(self):
        Report = self.env["ir.actions.report"].with_user(self.buyer)
        sizes = []
        for count, vendor in zip(OPEN_LINES, self.open_vendors, strict=True):
            ours = measure(self, lambda v=vendor: Report._render(XLSX_REPORT, v.ids))
            reference = measure(
                self, lambda v=vendor: xlsx_reference.open_orders(self.env, v)
            )
            sizes.append((count, ours, reference))
        (_small, small_ours, small_ref), (_big, big_ours, big_ref) = sizes
        # what grows from the small to the big workbook, beyond what the
        # plain writer needs for the same file
        growth = (big_ours.peak_mib - small_ours.peak_mib) - (
            big_ref.peak_mib - small_ref.peak_mib
        )
        for count, ours, reference in sizes:
            ratio = ours.seconds / reference.seconds
            memory = ours.peak_mib / reference.peak_mib if reference.peak_mib else 0
            record(
                Row(
                    "Open orders workbook (xlsx)",
                    f"{count:,} order lines",
                    ours,
                    reference,
                    "plain xlsxwriter, constant_memory",
                    ratio=f"{ratio:.2f} (memory {memory:.2f})",
                    aim="<= 1.5x time, memory flat",
                    passed=big_ours.seconds <= 1.5 * big_ref.seconds
                    and growth <= 0.5 * max(small_ours.peak_mib, 1.0),
                    note=f"memory growth beyond the plain writer's: {growth:.1f} MiB"
                    if count == OPEN_LINES[-1]
                    else "",
                )
            )
