# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class PmoProjectDashboardXlsx(models.AbstractModel):
    """The portfolio dashboard printed from a selection of projects: its own
    report name, so that each print menu finds its report."""

    _name = "report.pmo_portfolio.project_dashboard_xlsx"
    _inherit = "report.pmo_portfolio.portfolio_dashboard_xlsx"
    _description = "Project Dashboard Workbook"
