# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

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
        # No budget planned on milestones: no baseline, not green.
        self.assertEqual(project.health, "no_baseline")
        self.start_tour("/odoo", "pmo_portfolio_red_value", login="pmo_member")
        self.env.invalidate_all()
        value = project.indicator_value_ids
        self.env.invalidate_all()
        self.assertEqual(value.rag, "red")
        self.assertEqual(value.submitted_by_id, self.user_member)
        self.assertEqual(project.health, "red")
        self.assertEqual(len(project.alert_ids), 1)


@tagged("post_install", "-at_install")
class TestCommitteeReportsTour(HttpCase, PmoReportCommon):
    def test_pmo_finds_committee_reports(self):
        """The PMO finds the committee report and the dashboard in the Print
        menu of the programmes, in the list and in the form."""
        self.start_tour("/odoo", "pmo_portfolio_committee_reports", login="pmo_manager")


@tagged("post_install", "-at_install")
class TestCommitteeMeetingTour(HttpCase, PmoCommon):
    def test_officer_plans_freezes_decides_prints(self):
        """The PMO officer plans a meeting, freezes it, records a decision and
        prints the pack."""
        projects = self.env["project.project"].create(
            [
                {
                    "name": name,
                    "programme_id": self.programme.id,
                    "user_id": self.user_lead.id,
                    "budget_at_completion": 10_000,
                }
                for name in ("Consular Registry", "e-Visa Platform")
            ]
        )
        partner = self.env["res.partner"].create(
            {"name": "Sophie Lejeune", "email": "sophie@example.com"}
        )
        committee = self.env["pmo.committee"].create(
            {
                "name": "ICT Management Committee",
                "member_ids": [(6, 0, partner.ids)],
                "lang": "en_US",
            }
        )
        printed = []
        Report = type(self.env["ir.actions.report"])
        render = Report._render_qweb_pdf

        def spy(report_self, report_ref, res_ids=None, data=None):
            printed.append((report_ref, list(res_ids or [])))
            return render(report_self, report_ref, res_ids=res_ids, data=data)

        with patch.object(Report, "_render_qweb_pdf", spy):
            self.start_tour(
                "/odoo", "pmo_portfolio_committee_meeting", login="pmo_officer"
            )
        meeting = self.env["pmo.committee.meeting"].search(
            [("committee_id", "=", committee.id)]
        )
        self.assertEqual(len(meeting), 1)
        self.assertEqual(meeting.state, "frozen")
        self.assertEqual(meeting.frozen_by_id, self.user_officer)
        self.assertEqual(meeting.snapshot_ids.project_id, projects)
        self.assertEqual(meeting.decision_ids.description, "Present a recovery plan")
        self.assertEqual(meeting.decision_ids.project_id, projects[0])
        self.assertEqual(meeting.decision_ids.owner_id, self.user_officer)
        self.assertEqual(
            printed, [("pmo_portfolio.report_committee_pack", meeting.ids)]
        )
