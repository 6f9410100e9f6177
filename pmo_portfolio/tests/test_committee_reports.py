# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io
from datetime import date

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PmoCommitteeCommon

PACK = "pmo_portfolio.pmo_committee_meeting_pack_report"
WORKBOOK = "pmo_portfolio.pmo_committee_meeting_dashboard_xlsx_report"
HIGHLIGHT = "pmo_portfolio.project_project_highlight_report"


@tagged("post_install", "-at_install")
class TestCommitteeReports(PmoCommitteeCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Meeting = cls.env["pmo.committee.meeting"]
        cls.earlier = Meeting.create(
            {"committee_id": cls.committee.id, "date": date(2026, 5, 20)}
        )
        Decision = cls.env["pmo.decision"]
        cls.carried = Decision.create(
            {
                "meeting_id": cls.earlier.id,
                "project_id": cls.project_stale.id,
                "description": "Earlier: collect the missing indicators",
                "owner_id": cls.user_lead.id,
                "date_due": date(2026, 6, 1),
            }
        )
        cls.closed_earlier = Decision.create(
            {
                "meeting_id": cls.earlier.id,
                "programme_id": cls.programme_wpm.id,
                "description": "Earlier: already carried out",
                "owner_id": cls.user_lead.id,
                "date_due": date(2026, 6, 1),
                "state": "done",
            }
        )
        with freeze_time(cls.today):
            cls.meeting.with_user(cls.user_officer).action_freeze()
        cls.own = Decision.create(
            {
                "meeting_id": cls.meeting.id,
                "project_id": cls.project_red.id,
                "description": "Now: present a recovery plan",
                "owner_id": cls.user_lead.id,
                "date_due": date(2026, 7, 15),
            }
        )
        # After the freeze the red project costs more: the pack does not move.
        with freeze_time(cls.today):
            cls._add_cost(cls.project_red, 40_000)
            cls.project_red.action_recompute_health()

    def _html(self, meeting, report=PACK, user=None):
        Report = self.env["ir.actions.report"]
        if user:
            Report = Report.with_user(user)
        return Report._render_qweb_html(report, meeting.ids)[0].decode()

    def test_carried_decisions(self):
        """Open decisions of earlier meetings carry into the next pack."""
        self.assertEqual(self.meeting.carried_decision_ids, self.carried)
        self.assertEqual(self.meeting._pmo_pack_decisions(), self.carried | self.own)

    def test_pack_in_french(self):
        """French headings and dd/mm/yyyy dates, a page per programme, a page
        per red project, the decisions with the earlier ones first, and the
        frozen figures."""
        self.assertEqual(self.meeting.lang, "fr_BE")
        html = self._html(self.meeting, user=self.user_officer)
        self.assertIn("Dossier du comité de direction", html)
        self.assertIn("Synthèse du portefeuille", html)
        self.assertIn("Suivi des décisions", html)
        self.assertNotIn("Decisions follow-up", html)
        self.assertIn("20/06/2026", html)
        self.assertIn("01/06/2026", html)
        self.assertEqual(html.count('class="o_pmo_pack_programme"'), 2)
        self.assertEqual(html.count('class="o_pmo_pack_red_project"'), 1)
        follow_up = html[html.index("o_pmo_pack_follow_up") :]
        self.assertLess(
            follow_up.index("Earlier: collect the missing indicators"),
            follow_up.index("Now: present a recovery plan"),
        )
        self.assertNotIn("Earlier: already carried out", follow_up)
        # Frozen EAC 160,000 of the red project, not today's 240,000.
        self.assertIn("160.000,00", html)
        self.assertNotIn("240.000,00", html)
        self.assertIn("Consular Registry", html)

    def test_pack_in_dutch(self):
        """The same pack in Dutch for a Dutch meeting, dd-mm-yyyy dates."""
        self.meeting.lang = "nl_BE"
        html = self._html(self.meeting)
        self.assertIn("Dossier voor het directiecomité", html)
        self.assertIn("Opvolging van de beslissingen", html)
        self.assertNotIn("Suivi des décisions", html)
        self.assertIn("20-06-2026", html)
        self.assertNotIn("20/06/2026", html)
        self.assertEqual(html.count('class="o_pmo_pack_programme"'), 2)
        self.assertIn("o_pmo_pack_decisions", html)

    def test_pack_summary_counts(self):
        """Counts per health and the ratios with stale and no-baseline
        projects apart, from the snapshots."""
        figures = self.env["pmo.project.snapshot"]._pmo_portfolio_figures(
            [("meeting_id", "=", self.meeting.id)]
        )
        self.assertEqual(figures["project_count"], 7)
        # The private project has no budget: no baseline, counted apart.
        self.assertEqual(figures["no_baseline_count"], 1)
        self.assertEqual(figures["stale_count"], 1)
        self.assertEqual(figures["assessed_count"], 5)
        self.assertEqual(figures["red_count"], 1)
        # Green, no-cost, archive and amber (within tolerance) within budget;
        # red not.
        self.assertAlmostEqual(figures["within_budget_share"], 4 / 5)
        self.meeting.lang = "en_US"
        html = self._html(self.meeting)
        self.assertIn("Portfolio summary", html)
        self.assertRegex(html, r'o_pmo_pack_count_red">\s*<span>1</span>')
        self.assertRegex(html, r'o_pmo_pack_count_grey">\s*<span>1</span>')
        self.assertIn("without a baseline", html)
        self.assertIn("Secure Vault", html)

    def test_workbook_from_meeting(self):
        """The workbook printed from a meeting: its figures are the
        snapshots', with a decisions sheet."""
        content, report_type = self.env["ir.actions.report"]._render_xlsx(
            WORKBOOK, self.meeting.ids, {}
        )
        self.assertEqual(report_type, "xlsx")
        workbook = load_workbook(io.BytesIO(content))
        self.assertEqual(workbook.sheetnames, ["Portfolio", "Projects", "Decisions"])
        figures = self.env["pmo.project.snapshot"]._pmo_portfolio_figures(
            [("meeting_id", "=", self.meeting.id)]
        )
        kpis = {
            row[0]: row[1]
            for row in workbook["Portfolio"].iter_rows(
                min_row=5, max_col=2, values_only=True
            )
            if row[0]
        }
        self.assertEqual(kpis["Projects"], figures["project_count"])
        self.assertEqual(kpis["Red projects"], figures["red_count"])
        self.assertAlmostEqual(kpis["Within budget"], figures["within_budget_share"])
        self.assertAlmostEqual(
            kpis["Estimate at completion"], figures["estimate_at_completion"]
        )
        sheet = workbook["Projects"]
        headers = [cell.value for cell in sheet[1]]
        rows = {
            row[1]: dict(zip(headers, row, strict=True))
            for row in sheet.iter_rows(min_row=2, values_only=True)
        }
        self.assertEqual(len(rows), 7)
        for snapshot in self.meeting.snapshot_ids:
            row = rows[snapshot.name]
            self.assertAlmostEqual(row["AC"], snapshot.actual_cost)
            self.assertAlmostEqual(row["BAC"], snapshot.budget_at_completion)
            if snapshot.eac_defined:
                self.assertAlmostEqual(row["EAC"], snapshot.eac)
            else:
                self.assertEqual(row["EAC"], "n/a")
        self.assertEqual(rows["Consular Registry"]["AC"], 80_000)
        self.assertEqual(rows["Consular Registry"]["EAC"], 160_000)
        decisions = [
            row for row in workbook["Decisions"].iter_rows(min_row=2, values_only=True)
        ]
        self.assertEqual(
            [row[4] for row in decisions],
            [self.carried.description, self.own.description],
        )

    def test_programme_workbook_has_decisions_sheet(self):
        content, __ = self.env["ir.actions.report"]._render_xlsx(
            "pmo_portfolio.pmo_programme_dashboard_xlsx_report",
            self.programme_wpm.ids,
            {},
        )
        sheet = load_workbook(io.BytesIO(content))["Decisions"]
        descriptions = [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)]
        self.assertEqual(descriptions, ["Earlier: already carried out"])

    def test_send_pack_one_mail_per_attendee(self):
        """One mail per attendee with the pack and the workbook, in the
        attendee's language, logged on the meeting."""
        meeting = self.meeting.with_user(self.user_officer)
        messages = meeting.action_send_pack()
        self.assertEqual(len(messages), 2)
        # One email notification per attendee, whether the mail queue has
        # already sent (and deleted) the outgoing mail or not.
        notifications = self.env["mail.notification"].search(
            [
                ("mail_message_id", "in", messages.ids),
                ("notification_type", "=", "email"),
            ]
        )
        self.assertEqual(
            sorted(notifications.res_partner_id.ids),
            sorted((self.attendee_fr | self.attendee_nl).ids),
        )
        by_partner = {message.partner_ids: message for message in messages}
        self.assertEqual(set(by_partner), {self.attendee_fr, self.attendee_nl})
        for partner, subject, body in (
            (self.attendee_fr, "Dossier du comité", "Veuillez trouver"),
            (self.attendee_nl, "Comitédossier", "In bijlage vindt u"),
        ):
            mail = by_partner[partner]
            self.assertIn(subject, mail.subject)
            self.assertIn(body, str(mail.body))
            self.assertEqual(len(mail.attachment_ids), 2)
            names = sorted(mail.attachment_ids.mapped("name"))
            self.assertTrue(names[0].endswith(".pdf"), names)
            self.assertTrue(names[1].endswith(".xlsx"), names)
        self.assertTrue(messages <= self.meeting.message_ids)
        workbook = messages[0].attachment_ids.filtered(
            lambda a: a.name.endswith(".xlsx")
        )
        sheets = load_workbook(io.BytesIO(base64.b64decode(workbook.datas)))
        # In the meeting's language, as the pack.
        self.assertIn("Décisions", sheets.sheetnames)
        pack = messages[0].attachment_ids.filtered(lambda a: a.name.endswith(".pdf"))
        self.assertTrue(pack.raw)

    def test_send_pack_refused_before_freeze_or_without_email(self):
        with self.assertRaisesRegex(UserError, "Freeze"):
            self.earlier.with_user(self.user_officer).action_send_pack()
        self.attendee_nl.email = False
        with self.assertRaisesRegex(UserError, "no email address"):
            self.meeting.with_user(self.user_officer).action_send_pack()
        self.assertFalse(
            self.env["mail.mail"].search(
                [("model", "=", self.meeting._name), ("res_id", "=", self.meeting.id)]
            )
        )

    def test_highlight_report_in_lead_language(self):
        """The highlight report of a project is in its lead's language, with
        status, tolerances, EVM, indicators, decisions and the comment."""
        self.user_lead.lang = "nl_BE"
        with freeze_time(self.today):
            html = self._html(self.project_red, HIGHLIGHT, user=self.user_officer)
        self.assertIn("Hoofdpuntenrapport", html)
        self.assertIn("Tolerantie tijd", html)
        self.assertIn("Now: present a recovery plan", html)
        self.assertIn("15-07-2026", html)
        self.user_lead.lang = "fr_BE"
        with freeze_time(self.today):
            html = self._html(self.project_stale, HIGHLIGHT)
        self.assertIn("Rapport de faits marquants", html)
        self.assertIn("Steering committee held", html)
        self.assertIn("o_pmo_trend", html)
        self.assertIn("Earlier: collect the missing indicators", html)
