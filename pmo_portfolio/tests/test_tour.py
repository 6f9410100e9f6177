# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .common import PmoCommon, PmoReportCommon


@tagged("post_install", "-at_install")
class TestRedValueTour(HttpCase, PmoCommon):
    def test_member_submits_red_value(self):
        programme = self.env["pmo.programme"].create({"name": "Network", "code": "NET"})
        project = self.env["project.project"].create(
            {
                "name": "Satellite Link Upgrade",
                "programme_id": programme.id,
                "user_id": self.user_lead.id,
                "member_ids": [(6, 0, self.user_member.ids)],
            }
        )
        self.env["pmo.indicator"].create(
            {
                "name": "Budget consumption",
                "code": "BUDGET",
                "value_type": "percent",
                "direction": "lower_is_better",
                "green_threshold": 80,
                "red_threshold": 95,
                "scope": "programmes",
                "programme_ids": [(6, 0, programme.ids)],
            }
        ).action_generate_values()
        self.assertEqual(project.health, "green")
        self.start_tour("/odoo", "pmo_portfolio_red_value", login="pmo_member")
        self.env.invalidate_all()
        value = project.indicator_value_ids
        self.env.invalidate_all()
        self.assertEqual(value.rag, "red")
        self.assertEqual(value.submitted_by, self.user_member)
        self.assertEqual(project.health, "red")
        self.assertEqual(len(project.alert_ids), 1)


@tagged("post_install", "-at_install")
class TestCommitteeReportsTour(HttpCase, PmoReportCommon):
    def test_pmo_finds_committee_reports(self):
        """The PMO finds the committee report and the dashboard in the Print
        menu of the programmes, in the list and in the form."""
        self.start_tour("/odoo", "pmo_portfolio_committee_reports", login="pmo_manager")
