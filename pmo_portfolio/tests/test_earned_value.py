# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import PmoCommon


@tagged("post_install", "-at_install")
class TestEarnedValue(PmoCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time(cls.today):
            # BAC 400,000: 50 % reached and 5 % due but not reached by
            # today -> PV 220,000, EV 200,000; AC 250,000 booked.
            cls.project = cls._create_project(
                "Visa platform",
                bac=400_000,
                tolerance_cost_percent=10.0,
                milestones=[
                    (50.0, date(2026, 4, 30), True),
                    (5.0, date(2026, 6, 1), False),
                    (45.0, date(2026, 11, 30), False),
                ],
                cost=250_000,
            )

    @freeze_time("2026-06-15")
    def test_evm_figures_red_cost_and_one_exception_report(self):
        Project = self.env["project.project"]
        Project._cron_pmo_daily()
        Project._cron_pmo_daily()
        project = self.project
        self.assertAlmostEqual(project.planned_value, 220_000, places=2)
        self.assertAlmostEqual(project.earned_value, 200_000, places=2)
        self.assertAlmostEqual(project.actual_cost, 250_000, places=2)
        self.assertAlmostEqual(project.schedule_variance, -20_000, places=2)
        self.assertAlmostEqual(project.cost_variance, -50_000, places=2)
        self.assertAlmostEqual(project.spi, 0.909, places=3)
        self.assertAlmostEqual(project.cpi, 0.8, places=3)
        self.assertAlmostEqual(project.eac, 500_000, places=2)
        self.assertAlmostEqual(project.etc, 250_000, places=2)
        self.assertAlmostEqual(project.vac, -100_000, places=2)
        self.assertAlmostEqual(project.tcpi, 1.333, places=3)
        self.assertTrue(
            project.spi_defined and project.cpi_defined and project.tcpi_defined
        )
        self.assertEqual(project.health, "red")
        self.assertEqual(project.health_driver, "cost")
        self.assertIn("Cost", project.health_reason)
        # amounts read as money in the user's language, not as raw floats
        self.assertIn("500,000.00", project.health_reason)
        self.assertIn("400,000.00", project.health_reason)
        reports = self.env["pmo.exception.report"].search(
            [("project_id", "=", project.id)]
        )
        self.assertEqual(len(reports), 1, "two cron runs, one report")
        self.assertEqual(reports.state, "draft")
        self.assertIn("Cost", reports.cause)
        activities = reports.activity_ids
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.user_manager)
        snapshots = self.env["pmo.project.snapshot"].search(
            [("project_id", "=", project.id)]
        )
        self.assertEqual(len(snapshots), 1, "one snapshot per project per day")
        self.assertEqual(snapshots.health, "red")
        self.assertAlmostEqual(snapshots.eac, 500_000, places=2)

    @freeze_time("2026-06-15")
    def test_exception_report_again_after_recovery(self):
        Project = self.env["project.project"]
        Project._cron_pmo_daily()
        # The tolerance is widened: the project is back within it...
        self.project.tolerance_cost_percent = 50.0
        Project._cron_pmo_daily()
        self.assertNotEqual(self.project.health, "red")
        # ...and breaches again: a new exception is raised.
        self.project.tolerance_cost_percent = 10.0
        Project._cron_pmo_daily()
        reports = self.env["pmo.exception.report"].search(
            [("project_id", "=", self.project.id)]
        )
        self.assertEqual(len(reports), 2)

    @freeze_time("2026-06-15")
    def test_new_project_ratios_undefined_no_error(self):
        project = (
            self.env["project.project"]
            .with_user(self.user_manager)
            .create({"name": "Not started yet", "budget_at_completion": 100_000})
        )
        self.env["project.project"]._cron_pmo_daily()
        self.assertEqual(project.planned_value, 0.0)
        self.assertEqual(project.actual_cost, 0.0)
        self.assertFalse(project.spi_defined)
        self.assertFalse(project.cpi_defined)
        self.assertFalse(project.eac_defined)
        self.assertNotEqual(project.health, "red")
        self.assertFalse(
            self.env["pmo.exception.report"].search([("project_id", "=", project.id)])
        )
        # The form shows the figures without error, as the lead.
        values = project.with_user(self.user_lead).read(
            ["spi", "cpi", "eac", "tcpi", "health", "health_reason"]
        )[0]
        # No milestone plan: no baseline to measure against, never green.
        self.assertEqual(values["health"], "no_baseline")
        self.assertTrue(values["health_reason"])

    @freeze_time("2026-06-15")
    def test_linear_planned_value_without_milestones(self):
        project = self._create_project("Linear", bac=365_000)
        # Nothing measured yet: no milestone plan, no progress reported.
        self.assertEqual(project.planned_value, 0.0)
        self.assertFalse(project.spi_defined)
        self.env["project.update"].create(
            {
                "name": "May",
                "project_id": project.id,
                "status": "on_track",
                "progress": 40,
            }
        )
        project.action_recompute_health()
        # 1 Jan -> 31 Dec 2026, 165 of 364 days elapsed on 15 June.
        self.assertAlmostEqual(project.planned_value, 365_000 * 165 / 364, places=2)
        self.assertAlmostEqual(project.earned_value, 365_000 * 0.4, places=2)

    @freeze_time("2026-06-15")
    def test_time_red_when_schedule_slips_beyond_tolerance(self):
        project = self._create_project(
            "Late",
            bac=100_000,
            milestones=[
                (50.0, date(2026, 4, 30), True),
                (20.0, date(2026, 5, 31), False),
                (30.0, date(2026, 12, 1), False),
            ],
            cost=50_000,
        )
        # SPI 50 / 70 = 0.714: 28.6 % late against 10 %.
        self.assertEqual(project.health, "red")
        self.assertEqual(project.health_driver, "time")
        self.assertIn("SPI", project.health_reason)
