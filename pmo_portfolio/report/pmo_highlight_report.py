# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from ..models.pmo_indicator_rollup_mixin import INDICATOR_RANK
from .pmo_management_committee_report import RAG_BADGES

TREND_PERIODS = 4
INDICATOR_BADGES = dict(RAG_BADGES, stale="text-bg-secondary")


class PmoHighlightReport(models.AbstractModel):
    """PRINCE2 highlight report of a project for a period (by default the
    month up to today), in the project lead's language."""

    _name = "report.pmo_portfolio.report_highlight"
    _description = "Highlight Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        projects = self.env["project.project"].browse(docids)
        projects.check_access("read")
        data = data or {}
        today = fields.Date.context_today(self)
        date_to = fields.Date.to_date(data.get("date_to")) or today
        date_from = fields.Date.to_date(data.get("date_from")) or (
            date_to - relativedelta(months=1) + relativedelta(days=1)
        )
        values = self.env["pmo.indicator.value"].search(
            [
                ("project_id", "in", projects.ids),
                ("period_start", "<=", date_to),
                ("rag", "in", list(INDICATOR_RANK)),
            ],
            order="period_start desc, id desc",
        )
        trends = {}
        for value in values:
            series = trends.setdefault(value.project_id, {}).setdefault(
                value.indicator_id, []
            )
            if len(series) < TREND_PERIODS:
                series.append(value)
        alerts = self.env["pmo.alert"].search(
            [("project_id", "in", projects.ids), ("state", "!=", "closed")],
            order="create_date desc, id desc",
        )
        decisions = self.env["pmo.decision"].search(
            [("project_id", "in", projects.ids), ("state", "=", "open")]
        )
        return {
            "doc_ids": projects.ids,
            "doc_model": "project.project",
            "docs": projects,
            "date_from": date_from,
            "date_to": date_to,
            "rag_badges": INDICATOR_BADGES,
            # Oldest first, as a trend reads.
            "trends": {
                project: [
                    (indicator, series[0], list(reversed(series)))
                    for indicator, series in indicators.items()
                ]
                for project, indicators in trends.items()
            },
            "alerts": alerts.grouped("project_id"),
            "decisions": decisions.grouped("project_id"),
        }
