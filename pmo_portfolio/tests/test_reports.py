# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

from openpyxl import load_workbook

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PmoReportCommon

PDF_REPORT = "pmo_portfolio.pmo_programme_committee_report"
XLSX_REPORT = "pmo_portfolio.pmo_programme_dashboard_xlsx_report"
XLSX_PROJECT_REPORT = "pmo_portfolio.project_project_dashboard_xlsx_report"


@tagged("post_install", "-at_install")
class TestReports(PmoReportCommon):
    def _render_html(self, programmes, user=None, **context):
        Report = self.env["ir.actions.report"].with_context(**context)
        if user:
            Report = Report.with_user(user)
        return Report._render_qweb_html(PDF_REPORT, programmes.ids)[0].decode()

    def _render_xlsx(self, report, records, user=None):
        Report = self.env["ir.actions.report"]
        if user:
            Report = Report.with_user(user)
        content, report_type = Report._render_xlsx(report, records.ids, {})
        self.assertEqual(report_type, "xlsx")
        return load_workbook(io.BytesIO(content))

    def test_kpis_leave_stale_project_out_and_count_it(self):
        """The stale project is counted apart and left out of every ratio;
        the budget variance covers the projects with a defined EAC."""
        self.assertEqual(self.project_stale.health, "grey")
        figures = self.programme._pmo_portfolio_kpis()
        self.assertEqual(figures["project_count"], 4)
        self.assertEqual(figures["stale_count"], 1)
        self.assertEqual(figures["assessed_count"], 3)
        self.assertEqual(figures["red_count"], 1)
        # Green and no-cost projects within budget, the red one not.
        self.assertAlmostEqual(figures["within_budget_share"], 2 / 3)
        self.assertAlmostEqual(figures["within_schedule_share"], 1.0)
        # Green EAC 100,000 and red EAC 160,000 against 200,000 of budget.
        self.assertEqual(figures["forecast_count"], 2)
        self.assertAlmostEqual(figures["budget_at_completion"], 200_000)
        self.assertAlmostEqual(figures["estimate_at_completion"], 260_000)
        self.assertAlmostEqual(figures["budget_variance"], 60_000)
        self.assertAlmostEqual(figures["budget_variance_share"], 0.30)
        self.assertAlmostEqual(figures["budget_variance_target"], 0.05)
        self.assertFalse(figures["budget_variance_within_target"])
        # The programme's own figures come from the same computation.
        self.assertEqual(self.programme.stale_project_count, 1)
        self.assertEqual(self.programme.red_project_count, 1)
        self.assertAlmostEqual(self.programme.within_budget_percent, 200 / 3)
        by_programme = self.env["project.project"]._pmo_portfolio_figures(
            [("programme_id", "in", self.programmes.ids)], groupby="programme_id"
        )
        self.assertEqual(by_programme[self.programme], figures)
        # The private project has no baseline: counted apart, not assessed.
        self.assertEqual(by_programme[self.programme_wpm]["assessed_count"], 1)
        self.assertEqual(by_programme[self.programme_wpm]["no_baseline_count"], 1)

    def test_budget_variance_target_from_company(self):
        """The +/- target is the company's, and decides 'within target'."""
        figures = self.programme_wpm._pmo_portfolio_kpis()
        # Amber project only: EAC 109,000 against 100,000, 9 % over.
        self.assertAlmostEqual(figures["budget_variance_share"], 0.09)
        self.assertFalse(figures["budget_variance_within_target"])
        self.company.pmo_budget_variance_target = 10.0
        figures = self.programme_wpm._pmo_portfolio_kpis()
        self.assertTrue(figures["budget_variance_within_target"])

    def test_undefined_ratios_written_as_na(self):
        """A project without any cost has no CPI nor EAC: "n/a" in both
        reports, never 0 nor an error."""
        self.assertFalse(self.project_no_cost.cpi_defined)
        self.assertFalse(self.project_no_cost.eac_defined)
        workbook = self._render_xlsx(XLSX_PROJECT_REPORT, self.project_no_cost)
        sheet = workbook["Projects"]
        headers = [cell.value for cell in sheet[1]]
        row = [cell.value for cell in sheet[2]]
        values = dict(zip(headers, row, strict=True))
        self.assertEqual(values["Project"], "Appointment Booking")
        self.assertEqual(values["SPI"], 1.0)
        self.assertEqual(values["CPI"], "n/a")
        self.assertEqual(values["EAC"], "n/a")
        self.assertEqual(values["VAC"], "n/a")
        self.assertEqual(values["AC"], 0)
        html = self._render_html(self.programme)
        self.assertIn("n/a", html)

    def test_xlsx_dashboard(self):
        """Portfolio sheet with the KPIs and the RAG chart, Projects sheet
        with one row per project, both RAGs and money as numbers."""
        workbook = self._render_xlsx(XLSX_REPORT, self.programmes)
        self.assertEqual(workbook.sheetnames, ["Portfolio", "Projects", "Decisions"])
        portfolio = workbook["Portfolio"]
        kpis = {
            row[0]: row[1:]
            for row in portfolio.iter_rows(min_row=5, max_col=3, values_only=True)
            if row[0]
        }
        self.assertEqual(kpis["Projects"][0], 6)
        self.assertEqual(kpis["Stale projects (left out)"][0], 1)
        self.assertEqual(kpis["Red projects"][0], 1)
        # Green, no-cost and amber of the 4 assessed (stale and no-baseline
        # projects left out).
        self.assertAlmostEqual(kpis["Within budget"][0], 0.75)
        self.assertEqual(kpis["Projects without baseline (left out)"][0], 1)
        self.assertAlmostEqual(kpis["Budget variance (%)"][0], 0.23)
        self.assertAlmostEqual(kpis["Budget variance (%)"][1], 0.05)
        self.assertEqual(kpis["Budget variance within target"][0], "No")
        self.assertEqual(kpis["Mobile Embassy Kit"], (None, None))
        self.assertEqual(len(portfolio._charts), 1)
        self.assertIn("RAG per programme", kpis)
        rag = {
            row[0]: row[1:5]
            for row in portfolio.iter_rows(min_row=5, max_col=5, values_only=True)
            if row[0] in ("Programme", *self.programmes.mapped("name"))
        }
        self.assertEqual(rag["Programme"], ("Green", "Amber", "Red", "Grey"))
        self.assertEqual(rag["Digital Consular Services"], (2, 0, 1, 1))
        self.assertEqual(rag["Workplace Modernisation"], (0, 1, 0, 0))
        projects = workbook["Projects"]
        headers = [cell.value for cell in projects[1]]
        self.assertEqual(
            headers[:7],
            [
                "Programme",
                "Project",
                "Project Lead",
                "Computed RAG",
                "Declared RAG",
                "Disagreement",
                "Stale",
            ],
        )
        rows = {
            row[1]: dict(zip(headers, row, strict=True))
            for row in projects.iter_rows(min_row=2, values_only=True)
        }
        self.assertEqual(len(rows), 6)
        red = rows["Consular Registry"]
        self.assertEqual(red["Computed RAG"], "Red")
        self.assertEqual(red["Declared RAG"], "Green")
        self.assertEqual(red["Disagreement"], "Yes")
        self.assertEqual(red["BAC"], 100_000)
        self.assertEqual(red["AC"], 80_000)
        self.assertAlmostEqual(red["CPI"], 0.625)
        self.assertEqual(red["EAC"], 160_000)
        self.assertEqual(red["VAC"], -60_000)
        self.assertEqual(rows["Mobile Embassy Kit"]["Stale"], "Yes")
        self.assertIn("#,##0.00", projects.cell(2, 8).number_format)

    def test_pdf_committee_report_in_french(self):
        """The committee report is in the printing user's language, with the
        KPIs, both RAGs, the disagreement, formatted amounts, the health
        reasons, the open exception report and the stale indicator."""
        self.env["res.lang"]._activate_lang("fr_BE")
        self.env.ref("base.module_pmo_portfolio")._update_translations(
            ["fr_BE"], overwrite=True
        )
        self.user_manager.lang = "fr_BE"
        html = self._render_html(self.programmes, user=self.user_manager)
        self.assertIn("Rapport au comité de direction", html)
        self.assertNotIn("Management Committee Report", html)
        self.assertIn("Rapports d'exception ouverts", html)
        self.assertIn("désaccord", html)
        self.assertIn("Indicateur périmé", html)
        self.assertIn("Steering committee held", html)
        self.assertIn("n.d.", html)
        # BAC 100,000 and the portfolio's 69,000 over budget, Belgian style.
        self.assertIn("100.000,00", html)
        self.assertIn("69.000,00", html)
        self.assertIn("23,0", html)
        self.assertIn(self.project_red.health_reason.split(":")[0], html)
        self.assertIn("projet(s) périmé(s) exclu(s)", html)
        self.assertEqual(self.exception_report.state, "draft")
        self.assertIn(self.exception_report.forecast.split(";")[0], html)
        # The context language wins over the user's.
        html = self._render_html(self.programme, user=self.user_manager, lang="en_US")
        self.assertIn("Management Committee Report", html)
        self.assertIn("Open exception reports", html)
        self.assertIn("disagreement", html)

    def test_access_per_role(self):
        """PMO and leads find both reports in the print menu, members do not;
        nobody prints what they cannot read."""
        for user, visible in (
            (self.user_manager, True),
            (self.user_officer, True),
            (self.user_lead, True),
            (self.user_member, False),
        ):
            bindings = (
                self.env["ir.actions.actions"]
                .with_user(user)
                .get_bindings("pmo.programme")
                .get("report", [])
            )
            names = {binding["name"] for binding in bindings}
            self.assertEqual(
                {"Management Committee Report", "Portfolio Dashboard (xlsx)"} <= names,
                visible,
                user.login,
            )
        # The member does not follow the private project: no row for it,
        # and printing it directly fails.
        html = self._render_html(self.programme_wpm, user=self.user_member)
        self.assertIn("Network Refresh", html)
        self.assertNotIn("Secure Vault", html)
        workbook = self._render_xlsx(XLSX_REPORT, self.programme_wpm, self.user_member)
        names = [
            row[1]
            for row in workbook["Projects"].iter_rows(min_row=2, values_only=True)
        ]
        self.assertEqual(names, ["Network Refresh"])
        with self.assertRaises(AccessError):
            self._render_xlsx(
                XLSX_PROJECT_REPORT, self.project_private, self.user_member
            )
        # The PMO manager sees the whole portfolio.
        html = self._render_html(self.programme_wpm, user=self.user_manager)
        self.assertIn("Secure Vault", html)
