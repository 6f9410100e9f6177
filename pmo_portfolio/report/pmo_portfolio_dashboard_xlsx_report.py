# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import _, fields, models

# Worst colour last, as in the PMO kanban.
RAG_COLOURS = {
    "green": "#70AD47",
    "amber": "#FFC000",
    "red": "#C00000",
    "grey": "#A5A5A5",
    "no_baseline": "#5B9BD5",
}


class PmoPortfolioDashboardXlsx(models.AbstractModel):
    """The portfolio dashboard the PMO hands the management committee: the
    portfolio KPIs, one row per project and the RAG per programme."""

    _name = "report.pmo_portfolio.portfolio_dashboard_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Portfolio Dashboard Workbook"

    def _get_objs_for_report(self, docids, data):
        records = super()._get_objs_for_report(docids, data)
        records.check_access("read")
        return records

    def _get_projects(self, records):
        """The projects the dashboard covers: those of the printed programmes,
        or the printed projects; the reader's record rules apply."""
        if records._name == "pmo.programme":
            domain = [("programme_id", "in", records.ids)]
        else:
            domain = [("id", "in", records.ids)]
        return self.env["project.project"].search(
            domain, order="programme_id, name, id"
        )

    def generate_xlsx_report(self, workbook, data, records):
        projects = self._get_projects(records)
        styles = self._get_styles(workbook)
        styles["money"] = {
            currency: workbook.add_format(
                {"num_format": self._report_xlsx_currency_format(currency)}
            )
            for currency in (projects.currency_id | self.env.company.currency_id)
        }
        figures = projects._pmo_portfolio_figures([("id", "in", projects.ids)])
        self._write_portfolio_sheet(workbook, styles, projects, figures)
        self._write_projects_sheet(workbook, styles, projects)
        self._write_decisions_sheet(
            workbook, styles, self._get_decisions(records, projects)
        )

    def _get_styles(self, workbook):
        styles = {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "bold": workbook.add_format({"bold": True}),
            "header": workbook.add_format(
                {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True}
            ),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd", "align": "left"}),
            "percent": workbook.add_format({"num_format": "0.0%"}),
            "ratio": workbook.add_format({"num_format": "0.000"}),
            "undefined": workbook.add_format(
                {"align": "right", "font_color": "#7F7F7F"}
            ),
            "target": workbook.add_format({"num_format": '"+/- "0.0%'}),
            "note": workbook.add_format({"italic": True, "font_color": "#7F7F7F"}),
        }
        for colour, code in RAG_COLOURS.items():
            styles[colour] = workbook.add_format(
                {"bg_color": code, "font_color": "#FFFFFF", "bold": True}
            )
        return styles

    def _write_optional(self, sheet, row, col, value, style, styles):
        """Write a figure, or "n/a" when it is undefined (None)."""
        if value is None:
            sheet.write_string(row, col, _("n/a"), styles["undefined"])
        else:
            sheet.write_number(row, col, value, style)

    def _write_portfolio_sheet(self, workbook, styles, projects, figures):
        sheet = workbook.add_worksheet(_("Portfolio"))
        currency = self.env.company.currency_id
        money = styles["money"][currency]
        sheet.set_column(0, 0, 42)
        sheet.set_column(1, 2, 18)
        sheet.write(0, 0, _("Portfolio dashboard"), styles["title"])
        sheet.write(1, 0, _("Date"))
        sheet.write_datetime(
            1,
            1,
            fields.Datetime.to_datetime(fields.Date.context_today(self)),
            styles["date"],
        )
        sheet.write_row(
            3, 0, [_("Indicator"), _("Value"), _("Target")], styles["header"]
        )
        target = figures["budget_variance_target"]
        yes_no = {True: _("Yes"), False: _("No"), None: _("n/a")}
        rows = [
            (_("Projects"), figures["project_count"], None),
            (_("Assessed projects"), figures["assessed_count"], None),
            (_("Stale projects (left out)"), figures["stale_count"], None),
            (
                _("Projects without baseline (left out)"),
                figures["no_baseline_count"],
                None,
            ),
            (_("Within budget"), figures["within_budget_share"], styles["percent"]),
            (
                _("Within schedule"),
                figures["within_schedule_share"],
                styles["percent"],
            ),
            (_("Red projects"), figures["red_count"], None),
            (_("Projects in the budget variance"), figures["forecast_count"], None),
            (_("Budget at completion"), figures["budget_at_completion"], money),
            (_("Estimate at completion"), figures["estimate_at_completion"], money),
            (_("Budget variance"), figures["budget_variance"], money),
            (
                _("Budget variance (%)"),
                figures["budget_variance_share"],
                styles["percent"],
            ),
        ]
        row = 4
        for label, value, style in rows:
            sheet.write(row, 0, label)
            self._write_optional(sheet, row, 1, value, style, styles)
            row += 1
        # The variance row carries its target, up or down.
        sheet.write_number(row - 1, 2, target, styles["target"])
        sheet.write(row, 0, _("Budget variance within target"))
        sheet.write(row, 1, yes_no[figures["budget_variance_within_target"]])
        row += 2
        sheet.write(
            row,
            0,
            _(
                "%(count)s stale project(s) left out of the ratios: their "
                "indicators were not submitted by their deadline; %(no_baseline)s "
                "project(s) without a baseline left out too. The budget "
                "variance covers the assessed projects with a baseline and a "
                "defined estimate at completion.",
                count=figures["stale_count"],
                no_baseline=figures["no_baseline_count"],
            ),
            styles["note"],
        )
        for project in projects.filtered(lambda p: p.health == "grey"):
            row += 1
            sheet.write(row, 0, project.name, styles["note"])
        self._write_rag_per_programme(workbook, sheet, styles, projects, row + 2)
        return sheet

    def _write_rag_per_programme(self, workbook, sheet, styles, projects, row):
        """A table and a stacked chart of the projects per programme and RAG."""
        counts = defaultdict(dict)
        # Projects or their snapshots: both have a programme and a health.
        for programme, health, count in projects._read_group(
            [("id", "in", projects.ids)], ["programme_id", "health"], ["__count"]
        ):
            counts[programme][health] = count
        labels = dict(projects._fields["health"]._description_selection(self.env))
        sheet.write(row, 0, _("RAG per programme"), styles["bold"])
        header = row + 1
        sheet.write_row(
            header,
            0,
            [_("Programme")] + [labels[colour] for colour in RAG_COLOURS],
            styles["header"],
        )
        programmes = sorted(counts, key=lambda p: (not p, p.code or "", p.name or ""))
        for row, programme in enumerate(programmes, start=header + 1):
            name = programme.display_name if programme else _("No programme")
            sheet.write(row, 0, name)
            for col, colour in enumerate(RAG_COLOURS, start=1):
                sheet.write_number(row, col, counts[programme].get(colour, 0))
        if not programmes:
            return
        first, last = header + 1, header + len(programmes)
        chart = workbook.add_chart({"type": "column", "subtype": "stacked"})
        name = sheet.get_name()
        for col, colour in enumerate(RAG_COLOURS, start=1):
            chart.add_series(
                {
                    "name": [name, header, col],
                    "categories": [name, first, 0, last, 0],
                    "values": [name, first, col, last, col],
                    "fill": {"color": RAG_COLOURS[colour]},
                }
            )
        chart.set_title({"name": _("RAG per programme")})
        chart.set_y_axis({"name": _("Projects"), "major_unit": 1})
        sheet.insert_chart(3, 4, chart, {"x_scale": 1.3, "y_scale": 1.3})

    def _write_projects_sheet(self, workbook, styles, projects):
        sheet = workbook.add_worksheet(_("Projects"))
        headers = [
            _("Programme"),
            _("Project"),
            _("Project Lead"),
            _("Computed RAG"),
            _("Declared RAG"),
            _("Disagreement"),
            _("Stale"),
            _("BAC"),
            _("PV"),
            _("EV"),
            _("AC"),
            _("SPI"),
            _("CPI"),
            _("EAC"),
            _("VAC"),
            _("Health reason"),
        ]
        sheet.write_row(0, 0, headers, styles["header"])
        sheet.freeze_panes(1, 2)
        sheet.set_column(0, 2, 28)
        sheet.set_column(3, 6, 13)
        sheet.set_column(7, 14, 15)
        sheet.set_column(15, 15, 70)
        labels = dict(projects._fields["health"]._description_selection(self.env))
        for row, project in enumerate(projects, start=1):
            money = styles["money"][project.currency_id or self.env.company.currency_id]
            sheet.write(row, 0, project.programme_id.display_name or "")
            sheet.write(row, 1, project.name)
            sheet.write(row, 2, project.user_id.name or "")
            sheet.write(
                row, 3, labels.get(project.health, ""), styles.get(project.health)
            )
            declared = project.declared_status
            sheet.write(row, 4, labels.get(declared, ""), styles.get(declared))
            sheet.write(row, 5, _("Yes") if project.health_mismatch else "")
            sheet.write(row, 6, _("Yes") if project.health == "grey" else "")
            for col, fname in enumerate(
                (
                    "budget_at_completion",
                    "planned_value",
                    "earned_value",
                    "actual_cost",
                ),
                start=7,
            ):
                sheet.write_number(row, col, project[fname], money)
            for col, value, defined, style in (
                (11, project.spi, project.spi_defined, styles["ratio"]),
                (12, project.cpi, project.cpi_defined, styles["ratio"]),
                (13, project.eac, project.eac_defined, money),
                (14, project.vac, project.eac_defined, money),
            ):
                self._write_optional(
                    sheet, row, col, value if defined else None, style, styles
                )
            sheet.write(row, 15, project.health_reason or "")
        if projects:
            sheet.autofilter(0, 0, len(projects), len(headers) - 1)
        return sheet

    def _get_decisions(self, records, projects):
        """The committee decisions on these projects or their programmes,
        open ones first."""
        decisions = self.env["pmo.decision"].search(
            [
                "|",
                ("project_id", "in", projects.ids),
                "&",
                ("project_id", "=", False),
                ("programme_id", "in", projects.programme_id.ids),
            ],
            order="date_due, id",
        )
        return decisions.sorted(lambda d: d.state != "open")

    def _write_decisions_sheet(self, workbook, styles, decisions):
        sheet = workbook.add_worksheet(_("Decisions"))
        headers = [
            _("Meeting"),
            _("Meeting Date"),
            _("Programme"),
            _("Project"),
            _("Decision"),
            _("Owner"),
            _("Due Date"),
            _("Status"),
            _("Overdue"),
            _("Outcome"),
        ]
        sheet.write_row(0, 0, headers, styles["header"])
        sheet.freeze_panes(1, 0)
        sheet.set_column(0, 0, 30)
        sheet.set_column(1, 3, 18)
        sheet.set_column(4, 4, 60)
        sheet.set_column(5, 8, 14)
        sheet.set_column(9, 9, 50)
        states = dict(decisions._fields["state"]._description_selection(self.env))
        for row, decision in enumerate(decisions, start=1):
            sheet.write(row, 0, decision.meeting_id.name or "")
            sheet.write_datetime(
                row,
                1,
                fields.Datetime.to_datetime(decision.meeting_date),
                styles["date"],
            )
            sheet.write(row, 2, decision.programme_id.display_name or "")
            sheet.write(row, 3, decision.project_id.name or "")
            sheet.write(row, 4, decision.description or "")
            sheet.write(row, 5, decision.owner_id.name or "")
            sheet.write_datetime(
                row, 6, fields.Datetime.to_datetime(decision.date_due), styles["date"]
            )
            sheet.write(row, 7, states.get(decision.state, ""))
            sheet.write(row, 8, _("Yes") if decision.is_overdue else "")
            sheet.write(row, 9, decision.outcome or "")
        if decisions:
            sheet.autofilter(0, 0, len(decisions), len(headers) - 1)
        return sheet
