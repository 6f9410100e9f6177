# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..models.pmo_indicator_rollup_mixin import INDICATOR_RANK

RAG_BADGES = {
    "green": "text-bg-success",
    "amber": "text-bg-warning",
    "red": "text-bg-danger",
    "grey": "text-bg-secondary",
    "no_baseline": "text-bg-info",
}


class PmoManagementCommitteeReport(models.AbstractModel):
    """What the PMO hands the management committee for one or several
    programmes: the portfolio KPIs, then per programme its projects, their
    earned value, health, open exception reports and stale indicators."""

    _name = "report.pmo_portfolio.report_management_committee"
    _description = "Management Committee Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        programmes = self.env["pmo.programme"].browse(docids)
        programmes.check_access("read")
        Project = self.env["project.project"]
        domain = [("programme_id", "in", programmes.ids)]
        empty = Project._pmo_figures_from_groups([])
        figures = Project._pmo_portfolio_figures(domain, groupby="programme_id")
        # Searched, not read from programme.project_ids: the reader's record
        # rules apply to the rows as they do to the figures.
        projects = Project.search(domain)
        exception_reports = self.env["pmo.exception.report"].search(
            domain + [("state", "in", ("draft", "submitted"))], order="date, id"
        )
        return {
            "doc_ids": programmes.ids,
            "doc_model": "pmo.programme",
            "docs": programmes,
            "report_lang": self.env.context.get("lang") or self.env.user.lang,
            "today": fields.Date.context_today(self),
            "currency": self.env.company.currency_id,
            "rag_badges": RAG_BADGES,
            "portfolio": programmes._pmo_portfolio_kpis(),
            "programme_figures": {p: figures.get(p, empty) for p in programmes},
            "projects": projects.grouped("programme_id"),
            "exception_reports": exception_reports.grouped("project_id"),
            "stale_values": self._get_stale_values(programmes).grouped("project_id"),
        }

    @api.model
    def _get_stale_values(self, programmes):
        """The stale values among the latest coloured value of each indicator
        of each project: those that make ``indicator_stale_count``."""
        values = self.env["pmo.indicator.value"].search(
            [
                ("programme_id", "in", programmes.ids),
                ("rag", "in", list(INDICATOR_RANK)),
            ],
            order="period_start desc, id desc",
        )
        latest = {}
        for value in values:
            latest.setdefault((value.project_id, value.indicator_id), value)
        stale = [value.id for value in latest.values() if value.rag == "stale"]
        return values.browse(stale).sorted(lambda v: (v.project_id.id, v.deadline))
