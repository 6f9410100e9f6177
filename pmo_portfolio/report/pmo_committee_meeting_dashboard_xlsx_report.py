# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class PmoCommitteeMeetingDashboardXlsx(models.AbstractModel):
    """The portfolio workbook printed from a committee meeting: its rows and
    figures are the meeting's frozen snapshots, its decisions sheet the
    meeting's follow-up."""

    _name = "report.pmo_portfolio.committee_meeting_dashboard_xlsx"
    _inherit = "report.pmo_portfolio.portfolio_dashboard_xlsx"
    _description = "Committee Meeting Workbook"

    def _get_projects(self, records):
        return self.env["pmo.project.snapshot"].search(
            [("meeting_id", "in", records.ids)], order="programme_id, name, id"
        )

    def _get_decisions(self, records, projects):
        decisions = self.env["pmo.decision"]
        for meeting in records:
            decisions |= meeting._pmo_pack_decisions()
        return decisions
