# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""`make bench`, PMO rows: the PMO kanban's first page, the daily indicator
cron and the freezing of a committee meeting, on a portfolio of 10 projects
(the reference) and on one of 1,000, each with 20 indicators; then the
import of a 2,000-task MS Project plan."""

import base64

from ..common import CrossAddonCase
from . import web_client
from .bench import Row, measure, record, scaled
from .fixtures_pmo import INDICATORS, create_portfolio

SMALL_PROJECTS = 10
LARGE_PROJECTS = scaled(1_000, 2 * SMALL_PROJECTS)
KANBAN_ACTION = "pmo_portfolio.project_project_action_pmo"
# 100 phases of 18 work tasks and a milestone: 2,000 tasks
MSPDI_PHASES = scaled(100, 2)
# the figures of the 10-project portfolio, the reference of the large one
SMALL = {}


class PortfolioBench(CrossAddonCase):
    project_count = SMALL_PROJECTS

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, queue_job__no_delay=True))
        seed = cls.env(context=dict(cls.env.context, tracking_disable=True))
        prefix = f"bench{cls.project_count}"
        cls.portfolio = create_portfolio(seed, cls.project_count, prefix)

    def _kanban(self):
        env = self.env(user=self.portfolio["officer"])
        return measure(
            self,
            lambda: web_client.kanban_first_page(env, "project.project", KANBAN_ACTION),
        )

    def _cron(self):
        # one run only on a large portfolio: the cron's time grows with the
        # projects (see the README), a second run for its memory would take
        # as long again
        return measure(
            self,
            self.env["pmo.indicator"]._cron_indicators,
            memory=self.project_count <= 100,
        )

    def _freeze(self):
        meeting = self.portfolio["meeting"].with_user(self.portfolio["officer"])
        return measure(self, meeting.action_freeze)


class TestBenchPortfolioSmall(PortfolioBench):
    def test_1_kanban(self):
        SMALL["kanban"] = self._kanban()

    def test_2_cron(self):
        SMALL["cron"] = self._cron()

    def test_3_freeze(self):
        SMALL["freeze"] = self._freeze()


class TestBenchPortfolioLarge(PortfolioBench):
    project_count = LARGE_PROJECTS

    def _row(self, name, key, ours, seconds, note=""):
        reference = SMALL.get(key)
        size = f"{self.project_count:,} projects x {len(INDICATORS)} indicators"
        aim = f"queries as with {SMALL_PROJECTS} projects, < {seconds:g} s"
        if reference is None:
            record(Row(name, size, ours, aim=aim, note="no reference figures " + note))
            return
        record(
            Row(
                name,
                size,
                ours,
                reference,
                f"same, {SMALL_PROJECTS} projects",
                ratio=f"{ours.seconds / reference.seconds:.2f} "
                f"({ours.queries - reference.queries:+d} queries)",
                aim=aim,
                passed=ours.queries == reference.queries and ours.seconds < seconds,
                note=note,
            )
        )

    def test_1_kanban(self):
        ours = self._kanban()
        note = f"{ours.result['calls']} calls of the web client"
        self._row("PMO kanban, first page", "kanban", ours, 0.3, note)

    def test_2_cron(self):
        self._row("Daily indicator cron", "cron", self._cron(), 30)

    def test_3_freeze(self):
        self._row("Freeze a committee meeting", "freeze", self._freeze(), 5)


class TestBenchMspdi(CrossAddonCase):
    def test_import_plan(self):
        name = "MS Project import (MSPDI)"
        try:
            from odoo.addons.pmo_portfolio.tests.mspdi_plan import (
                build_plan,
                write_plan,
            )

            plan = build_plan(phases=(18,) * MSPDI_PHASES)
            data = write_plan(plan)
        except Exception as error:
            record(
                Row(name, "-", aim="< 30 s", note=f"not available: {error}"),
            )
            return
        project = self.env["project.project"].create({"name": "Benchmark Plan"})
        wizard = self.env["pmo.mspdi.import"].create(
            {"project_id": project.id, "mspdi_file": base64.b64encode(data)}
        )
        ours = measure(self, wizard.action_import)
        record(
            Row(
                name,
                f"{len(plan):,} tasks",
                ours,
                aim="< 30 s",
                passed=ours.seconds < 30,
            )
        )
