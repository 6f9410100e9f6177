# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .pmo_health_mixin import HEALTH_SELECTION, worst_health


class PmoProgramme(models.Model):
    _name = "pmo.programme"
    _description = "Programme"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "code, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(required=True, tracking=True)
    manager_id = fields.Many2one(
        "res.users",
        string="Programme Manager",
        tracking=True,
        domain="[('share', '=', False)]",
        default=lambda self: self.env.user,
    )
    sponsor_id = fields.Many2one("res.partner", string="Senior Responsible Owner")
    project_ids = fields.One2many(
        "project.project", "programme_id", string="Projects", check_company=True
    )
    project_count = fields.Integer(compute="_compute_project_count")
    objective = fields.Html()
    health = fields.Selection(
        HEALTH_SELECTION, compute="_compute_health", store=True, tracking=True
    )
    red_project_count = fields.Integer(
        string="Red Projects", compute="_compute_portfolio_figures"
    )
    stale_project_count = fields.Integer(
        string="Stale Projects", compute="_compute_portfolio_figures"
    )
    no_baseline_project_count = fields.Integer(
        string="Projects Without Baseline", compute="_compute_portfolio_figures"
    )
    within_budget_percent = fields.Float(
        string="Within Budget (%)",
        compute="_compute_portfolio_figures",
        help="Share of the assessed projects within their cost tolerance (green "
        "or amber); stale projects and projects without a baseline are left "
        "out.",
    )
    within_schedule_percent = fields.Float(
        string="Within Schedule (%)",
        compute="_compute_portfolio_figures",
        help="Share of the assessed projects within their time tolerance (green "
        "or amber); stale projects and projects without a baseline are left "
        "out.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The programme code must be unique per company.",
        ),
    ]

    def _compute_project_count(self):
        counts = dict(
            self.env["project.project"]._read_group(
                [("programme_id", "in", self.ids)], ["programme_id"], ["__count"]
            )
        )
        for programme in self:
            programme.project_count = counts.get(programme, 0)

    def _compute_portfolio_figures(self):
        Project = self.env["project.project"]
        figures_by_programme = Project._pmo_portfolio_figures(
            [("programme_id", "in", self.ids)], groupby="programme_id"
        )
        empty = Project._pmo_figures_from_groups([])
        for programme in self:
            figures = figures_by_programme.get(programme, empty)
            programme.red_project_count = figures["red_count"]
            programme.stale_project_count = figures["stale_count"]
            programme.no_baseline_project_count = figures["no_baseline_count"]
            programme.within_budget_percent = (
                figures["within_budget_share"] or 0.0
            ) * 100.0
            programme.within_schedule_percent = (
                figures["within_schedule_share"] or 0.0
            ) * 100.0

    def _pmo_portfolio_kpis(self):
        """The portfolio KPIs of these programmes' projects taken together,
        as the management committee reports show them."""
        return self.env["project.project"]._pmo_portfolio_figures(
            [("programme_id", "in", self.ids)]
        )

    @api.depends("project_ids.health", "project_ids.active")
    def _compute_health(self):
        """The worst health of the programme's projects."""
        for programme in self:
            programme.health = worst_health(programme.project_ids.mapped("health"))

    def action_view_projects(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "pmo_portfolio.project_project_action_pmo"
        )
        action["domain"] = [("programme_id", "=", self.id)]
        action["context"] = {"default_programme_id": self.id}
        return action
