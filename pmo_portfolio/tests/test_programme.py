# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import PmoCommon


@tagged("post_install", "-at_install")
class TestProgramme(PmoCommon):
    @freeze_time("2026-06-15")
    def test_programme_health_is_worst_of_projects(self):
        milestones = [
            (50.0, date(2026, 4, 30), True),
            (50.0, date(2026, 11, 30), False),
        ]
        green = self._create_project(
            "Green", bac=100_000, milestones=milestones, cost=50_000
        )
        # EV 50,000, AC 54,500: EAC 109,000, 9 % over against 10 % (> 80 %).
        amber = self._create_project(
            "Amber", bac=100_000, milestones=milestones, cost=54_500
        )
        self.assertEqual(green.health, "green")
        self.assertEqual(amber.health, "amber")
        self.assertEqual(amber.health_driver, "cost")
        self.assertEqual(self.programme.health, "amber")
        # The amber threshold is configurable: at 95 % the project is green.
        self.company.pmo_amber_share = 95.0
        self.assertEqual(amber.health, "green")
        self.assertEqual(self.programme.health, "green")

    @freeze_time("2026-06-15")
    def test_health_mismatch_with_declared_status(self):
        project = self._create_project(
            "Declared",
            bac=100_000,
            milestones=[(50.0, date(2026, 4, 30), True)],
            cost=80_000,
        )
        self.assertEqual(project.health, "red")
        self.env["project.update"].with_user(self.user_lead).create(
            {"name": "June", "project_id": project.id, "status": "on_track"}
        )
        self.assertEqual(project.declared_status, "green")
        self.assertTrue(project.health_mismatch)
        mismatched = self.env["project.project"].search(
            [("health_mismatch", "=", True)]
        )
        self.assertIn(project, mismatched)
