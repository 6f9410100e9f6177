# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import PmoCommon


@tagged("post_install", "-at_install")
class TestFigures(PmoCommon):
    """Figures that must not read greener than the facts."""

    def _set_eac_formula(self, formula):
        settings = self.env["res.config.settings"].create({"pmo_eac_formula": formula})
        settings.execute()
        self.assertEqual(self.company.pmo_eac_formula, formula)

    @freeze_time("2026-06-15")
    def test_spending_with_nothing_earned_forecasts_the_overrun(self):
        project = self._create_project(
            "Nothing earned",
            bac=80_000,
            milestones=[
                (40.0, date(2026, 9, 30), False),
                (60.0, date(2026, 12, 15), False),
            ],
            cost=60_000,
        )
        self.assertEqual(self.company.pmo_eac_formula, "bac_cpi")
        self.assertEqual(project.earned_value, 0.0)
        self.assertEqual(project.actual_cost, 60_000)
        self.assertFalse(project.spi_defined, "nothing planned by today")
        self.assertTrue(project.eac_defined)
        self.assertAlmostEqual(project.eac, 140_000, places=2)
        self.assertEqual(project.eac_formula, "ac_remaining", "BAC / CPI fell back")
        self.assertAlmostEqual(project.vac, -60_000, places=2)
        self.assertEqual(project.health_cost, "red")
        self.assertEqual(project.health, "red")
        self.assertEqual(project.health_driver, "cost")
        self.assertIn("140,000.00", project.health_reason)
        # Every formula of the setting falls back to AC + (BAC - EV) here.
        self._set_eac_formula("ac_remaining_performance")
        self.assertAlmostEqual(project.eac, 140_000, places=2)
        self.assertEqual(project.eac_formula, "ac_remaining")

    @freeze_time("2026-06-15")
    def test_eac_formula_setting_switches_the_figure(self):
        # BAC 200,000; PV 110,000; EV 100,000; AC 120,000.
        project = self._create_project(
            "Example",
            bac=200_000,
            milestones=[
                (50.0, date(2026, 4, 30), True),
                (5.0, date(2026, 6, 1), False),
                (45.0, date(2026, 11, 30), False),
            ],
            cost=120_000,
        )
        self.assertAlmostEqual(project.cpi, 0.833, places=3)
        self.assertAlmostEqual(project.spi, 0.909, places=3)
        self.assertAlmostEqual(project.eac, 240_000, places=2)
        self.assertEqual(project.eac_formula, "bac_cpi")
        self.assertAlmostEqual(project.vac, -40_000, places=2)
        self.assertAlmostEqual(project.tcpi, 1.25, places=3)
        self._set_eac_formula("ac_remaining")
        self.assertAlmostEqual(project.eac, 220_000, places=2)
        self.assertEqual(project.eac_formula, "ac_remaining")
        self.assertAlmostEqual(project.etc, 100_000, places=2)
        self._set_eac_formula("ac_remaining_performance")
        # 120,000 + 100,000 / (0.8333 x 0.9091) = 252,000
        self.assertAlmostEqual(project.eac, 252_000, places=2)
        self.assertEqual(project.eac_formula, "ac_remaining_performance")
        self.assertEqual(project.health_cost, "red")
        self._set_eac_formula("bac_cpi")
        self.assertAlmostEqual(project.eac, 240_000, places=2)

    @freeze_time("2026-06-15")
    def test_computed_indicator_without_cost_has_no_figure_and_no_alert(self):
        milestones = [
            (50.0, date(2026, 4, 30), True),
            (50.0, date(2026, 11, 30), False),
        ]
        no_cost = self._create_project(
            "No cost yet", bac=100_000, milestones=milestones
        )
        spending = self._create_project(
            "Spending", bac=100_000, milestones=milestones, cost=80_000
        )
        self.assertFalse(no_cost.cpi_defined)
        cpi = self.env["pmo.indicator"].create(
            {
                "name": "Cost performance index",
                "code": "CPI",
                "source": "cpi",
                "direction": "higher_is_better",
                "green_threshold": 0.95,
                "red_threshold": 0.85,
            }
        )
        Indicator = self.env["pmo.indicator"]
        Indicator._cron_indicators()
        with freeze_time("2026-07-01"):
            Indicator._cron_indicators()
        Value = self.env["pmo.indicator.value"]
        value = Value.search(
            [
                ("indicator_id", "=", cpi.id),
                ("project_id", "=", no_cost.id),
                ("period_start", "=", date(2026, 6, 1)),
            ]
        )
        self.assertEqual(value.state, "submitted")
        self.assertTrue(value.value_undefined)
        self.assertEqual(value.rag, "undefined")
        self.assertFalse(value.alert_ids)
        self.assertFalse(no_cost.indicator_rag)
        self.assertNotEqual(no_cost.health, "red")
        self.assertFalse(no_cost.exception_report_ids)
        # The project that spends has a figure, red, and its alert.
        red = Value.search(
            [
                ("indicator_id", "=", cpi.id),
                ("project_id", "=", spending.id),
                ("period_start", "=", date(2026, 6, 1)),
            ]
        )
        self.assertFalse(red.value_undefined)
        self.assertAlmostEqual(red.value, 0.625, places=3)
        self.assertEqual(red.rag, "red")
        self.assertEqual(red.alert_ids.level, "red")

    @freeze_time("2026-06-15")
    def test_refund_on_the_analytic_account_reduces_actual_cost(self):
        project = self._create_project(
            "Refunded",
            bac=100_000,
            milestones=[(100.0, date(2026, 11, 30), False)],
            cost=12_000,
        )
        self.assertEqual(project.actual_cost, 12_000)
        self.env["account.analytic.line"].create(
            {
                "name": "Credit note of the supplier",
                "account_id": project.account_id.id,
                "amount": 12_000,
                "date": date(2026, 3, 5),
            }
        )
        self.assertEqual(project.actual_cost, 0.0)
        self.assertFalse(project.cpi_defined)
        self.assertFalse(project.eac_defined)

    @freeze_time("2026-06-15")
    def test_no_baseline_counted_apart_amber_within(self):
        milestones = [
            (50.0, date(2026, 4, 30), True),
            (50.0, date(2026, 11, 30), False),
        ]
        programme = self.env["pmo.programme"].create(
            {"name": "Baseline check", "code": "BASE"}
        )
        projects = [
            self._create_project(
                name,
                bac=100_000,
                milestones=milestones,
                cost=cost,
                programme_id=programme.id,
            )
            for name, cost in (
                ("Green 1", 50_000),
                ("Green 2", 50_000),
                # EAC 109,000: 9 % over against a 10 % tolerance.
                ("Amber 1", 54_500),
                ("Amber 2", 54_500),
            )
        ]
        no_baseline = self._create_project(
            "No baseline", bac=100_000, cost=90_000, programme_id=programme.id
        )
        self.assertEqual(
            [p.health for p in projects], ["green", "green", "amber", "amber"]
        )
        self.assertFalse(no_baseline.has_baseline)
        self.assertEqual(no_baseline.health, "no_baseline")
        self.assertEqual(no_baseline.health_driver, "baseline")
        self.assertEqual(no_baseline.health_cost, "no_baseline")
        self.assertIn("No baseline", no_baseline.health_reason)
        colours = {p.health_color for p in projects} | {no_baseline.health_color}
        self.assertEqual(len(colours), 3, "green, amber and its own colour")
        self.assertNotIn(no_baseline.health_color, (0, 1, 2, 10))
        self.assertFalse(no_baseline.exception_report_ids)
        figures = programme._pmo_portfolio_kpis()
        self.assertEqual(figures["project_count"], 5)
        self.assertEqual(figures["assessed_count"], 4)
        self.assertEqual(figures["no_baseline_count"], 1)
        self.assertEqual(figures["stale_count"], 0)
        self.assertAlmostEqual(figures["within_budget_share"], 1.0)
        self.assertAlmostEqual(figures["within_schedule_share"], 1.0)
        self.assertEqual(programme.no_baseline_project_count, 1)
        self.assertAlmostEqual(programme.within_budget_percent, 100.0)
        # Planning the budget on a milestone gives it a baseline.
        self.env["project.milestone"].create(
            {
                "name": "Go live",
                "project_id": no_baseline.id,
                "planned_value": 100.0,
                "deadline": date(2026, 11, 30),
            }
        )
        self.assertTrue(no_baseline.has_baseline)
        self.assertNotEqual(no_baseline.health, "no_baseline")

    @freeze_time("2026-06-15")
    def test_red_amber_red_same_day_two_exception_reports(self):
        project = self._create_project(
            "Back and forth",
            bac=100_000,
            milestones=[
                (50.0, date(2026, 4, 30), True),
                (50.0, date(2026, 11, 30), False),
            ],
            cost=80_000,
        )
        self.assertEqual(project.health, "red")
        Report = self.env["pmo.exception.report"]
        self.assertEqual(Report.search_count([("project_id", "=", project.id)]), 1)
        # 60 % over: amber against a 70 % tolerance (more than 80 % used)...
        project.tolerance_cost_percent = 70.0
        self.assertEqual(project.health, "amber")
        # ...and red again the same day.
        project.tolerance_cost_percent = 10.0
        self.assertEqual(project.health, "red")
        reports = Report.search([("project_id", "=", project.id)])
        self.assertEqual(len(reports), 2)
        self.assertEqual(set(reports.mapped("date")), {date(2026, 6, 15)})
        # The daily pass does not add a third one while it stays red.
        self.env["project.project"]._cron_pmo_daily()
        self.assertEqual(Report.search_count([("project_id", "=", project.id)]), 2)

    @freeze_time("2026-06-15")
    def test_group_average_leaves_undefined_ratios_out(self):
        """A grouped SPI or CPI averages the projects that have one: an
        undefined ratio, stored as 0, neither pulls it down nor reads 0."""
        defined = self._create_project(
            "Example",
            bac=200_000,
            milestones=[
                (50.0, date(2026, 4, 30), True),
                (50.0, date(2026, 11, 30), False),
            ],
            cost=120_000,
        )
        undefined = self._create_project(
            "Nothing planned yet",
            bac=50_000,
            milestones=[(100.0, date(2026, 12, 15), False)],
        )
        projects = defined | undefined
        self.assertFalse(undefined.spi_defined or undefined.cpi_defined)
        self.assertEqual(undefined.spi, 0.0)
        Snapshot = self.env["pmo.project.snapshot"]
        snapshots = Snapshot._take_snapshots(projects)
        for Model, records in (
            (self.env["project.project"], projects),
            (Snapshot, snapshots),
        ):
            [(spi, cpi)] = Model._read_group(
                [("id", "in", records.ids)], [], ["spi:avg", "cpi:avg"]
            )
            self.assertAlmostEqual(spi, defined.spi, places=3, msg=Model._name)
            self.assertAlmostEqual(cpi, defined.cpi, places=3, msg=Model._name)
            [(spi, cpi)] = Model._read_group(
                [("id", "in", records.filtered(lambda r: not r.spi_defined).ids)],
                [],
                ["spi:avg", "cpi:avg"],
            )
            # the ORM reads a NULL aggregate as False, which 0.0 is not
            self.assertIs(spi, False, f"{Model._name}: no figure, not 0")
            self.assertIs(cpi, False, f"{Model._name}: no figure, not 0")
        [(tcpi,)] = self.env["project.project"]._read_group(
            [("id", "in", projects.ids)], [], ["tcpi:avg"]
        )
        with_tcpi = projects.filtered("tcpi_defined")
        self.assertAlmostEqual(
            tcpi, sum(with_tcpi.mapped("tcpi")) / len(with_tcpi), places=3
        )
