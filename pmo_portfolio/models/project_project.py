# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from .pmo_earned_value_mixin import EVM_FIELDS

# The stored fields _pmo_recompute_health() recomputes, in this order.
HEALTH_FIELDS = (
    "indicator_rag",
    "indicator_red_count",
    "indicator_stale_count",
    "health",
    "health_driver",
    "health_time",
    "health_cost",
    "health_mismatch",
)


class ProjectProject(models.Model):
    """A project of the PMO: its baseline and tolerances, its earned value
    (``pmo.earned.value.mixin``), health (``pmo.health.mixin``), indicator
    roll-up (``pmo.indicator.rollup.mixin``), exception reports
    (``pmo.exception.mixin``) and portfolio KPIs
    (``pmo.portfolio.kpi.mixin``). This file keeps what only a project has:
    where PV, EV and AC come from, its team and its PMO records."""

    _name = "project.project"
    _inherit = [
        "project.project",
        "pmo.indicator.rollup.mixin",
        "pmo.exception.mixin",
        "pmo.portfolio.kpi.mixin",
    ]

    programme_id = fields.Many2one(
        "pmo.programme", tracking=True, index="btree_not_null", check_company=True
    )
    methodology = fields.Selection(
        [
            ("prince2", "PRINCE2"),
            ("pmbok", "PMBOK"),
            ("agile", "Agile"),
            ("other", "Other"),
        ],
        default="prince2",
    )
    sponsor_id = fields.Many2one("res.partner", string="Project Sponsor")
    # Baseline and tolerances; BAC, the time and cost tolerances and the
    # earned-value figures come from the mixins. PV, EV and AC are refreshed
    # in batch by _pmo_refresh_evm() (cron, recompute action, baseline,
    # milestone and cost changes).
    tolerance_scope = fields.Text(string="Scope Tolerance")
    tolerance_quality = fields.Text(string="Quality Tolerance")
    tolerance_risk = fields.Text(string="Risk Tolerance")
    tolerance_benefit = fields.Text(string="Benefit Tolerance")
    has_baseline = fields.Boolean(compute="_compute_has_baseline", store=True)
    member_ids = fields.Many2many(
        "res.users",
        "pmo_project_member_rel",
        "project_id",
        "user_id",
        string="Project Team",
        domain="[('share', '=', False)]",
        help="The members who submit the project's indicator values.",
    )
    alert_ids = fields.One2many("pmo.alert", "project_id")
    open_alert_count = fields.Integer(compute="_compute_open_alert_count")
    days_since_update = fields.Integer(
        string="Days Since Last Update", compute="_compute_days_since_update"
    )
    snapshot_ids = fields.One2many("pmo.project.snapshot", "project_id")
    # Management committee decisions
    decision_ids = fields.One2many("pmo.decision", "project_id")
    overdue_decision_count = fields.Integer(
        string="Overdue Decisions", compute="_compute_decision_counts"
    )
    open_decision_count = fields.Integer(
        string="Open Decisions", compute="_compute_decision_counts"
    )

    @api.depends("budget_at_completion", "milestone_ids.planned_value")
    def _compute_has_baseline(self):
        for project in self:
            project.has_baseline = project._pmo_has_baseline()

    def _compute_open_alert_count(self):
        counts = dict(
            self.env["pmo.alert"]._read_group(
                [("project_id", "in", self.ids), ("state", "!=", "closed")],
                ["project_id"],
                ["__count"],
            )
        )
        for project in self:
            project.open_alert_count = counts.get(project, 0)

    @api.depends("last_update_id.date")
    def _compute_days_since_update(self):
        today = fields.Date.context_today(self)
        for project in self:
            update_date = project.last_update_id.date
            project.days_since_update = (today - update_date).days if update_date else 0

    def _compute_decision_counts(self):
        today = fields.Date.context_today(self)
        counts = defaultdict(lambda: [0, 0])
        for project, date_due, count in self.env["pmo.decision"]._read_group(
            [("project_id", "in", self.ids), ("state", "=", "open")],
            ["project_id", "date_due:day"],
            ["__count"],
        ):
            counts[project][0] += count
            counts[project][1] += count if date_due and date_due < today else 0
        for project in self:
            project.open_decision_count, project.overdue_decision_count = counts[
                project
            ]

    def _pmo_has_baseline(self):
        """A baseline is a budget at completion planned on milestones."""
        self.ensure_one()
        # sudo: reads only the planned shares of the project's milestones,
        # to tell whether a baseline exists; nothing is returned of them.
        return bool(
            self.budget_at_completion
            and any(m.planned_value > 0 for m in self.sudo().milestone_ids)
        )

    @api.model_create_multi
    def create(self, vals_list):
        projects = super().create(vals_list)
        projects._pmo_refresh_evm()
        return projects

    def write(self, vals):
        res = super().write(vals)
        if {"budget_at_completion", "date_start", "date", "account_id"} & set(vals):
            self._pmo_refresh_evm()
        return res

    def action_recompute_health(self):
        """Refresh the earned-value figures and health of these projects:
        for the project team and the PMO, on projects they may read, checked
        before anything is recomputed as superuser. A project turning red
        raises its exception report through the automation rule."""
        if not self.env.su:
            if not self.env.user.has_group("pmo_portfolio.group_project_member"):
                raise AccessError(
                    _("Only the project team and the PMO recompute a project's health.")
                )
            self.check_access("read")
        self._pmo_refresh_evm()
        self._pmo_recompute_health()
        return True

    def _pmo_recompute_health(self, evm=False):
        """The one entry point that recomputes the indicator colours and the
        health of these projects and of their programmes, in batch, through
        the ORM's recomputation: the automation rules on the health run
        (exception reports). ``evm``: the earned-value figures first, as
        when the company's EAC formula changed."""
        # sudo: recomputes stored figures from their sources, whoever
        # triggers it; the callers check their own rights before.
        projects = self.sudo()
        names = (EVM_FIELDS if evm else ()) + HEALTH_FIELDS
        for fname in names:
            self.env.add_to_compute(projects._fields[fname], projects)
        programmes = projects.programme_id
        self.env.add_to_compute(programmes._fields["health"], programmes)
        projects.flush_recordset()
        programmes.flush_recordset()

    def action_view_alerts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "pmo_portfolio.pmo_alert_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    def action_view_decisions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "pmo_portfolio.pmo_decision_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    def _pmo_refresh_evm(self):
        """Compute PV, EV and AC of the projects with a fixed number of
        grouped queries, whatever the number of projects."""
        if not self:
            return
        today = fields.Date.context_today(self)
        # sudo: sums the planned shares of the projects' milestones and the
        # costs on their analytic accounts into the projects' own figures;
        # no milestone or cost line is returned to the caller.
        Milestone = self.env["project.milestone"].sudo()
        domain = [("project_id", "in", self.ids), ("planned_value", ">", 0)]
        planned_share = dict(
            Milestone._read_group(domain, ["project_id"], ["planned_value:sum"])
        )
        due_share = dict(
            Milestone._read_group(
                domain + [("deadline", "<=", today)],
                ["project_id"],
                ["planned_value:sum"],
            )
        )
        reached_share = dict(
            Milestone._read_group(
                domain + [("is_reached", "=", True)],
                ["project_id"],
                ["planned_value:sum"],
            )
        )
        # Actual cost is net: refunds and credit notes of suppliers (positive
        # lines) reduce it; customer invoices are income, not cost.
        # sudo: see above, the sums only.
        costs = dict(
            self.env["account.analytic.line"]
            .sudo()
            ._read_group(
                [
                    ("account_id", "in", self.account_id.ids),
                    ("category", "!=", "invoice"),
                ],
                ["account_id"],
                ["amount:sum"],
            )
        )
        # sudo: PV, EV and AC are read-only figures the users cannot write.
        for project in self.sudo():
            bac = project.budget_at_completion
            if project in planned_share:
                pv = bac * due_share.get(project, 0.0) / 100.0
                ev = bac * reached_share.get(project, 0.0) / 100.0
            elif project.last_update_id:
                pv = bac * project._pmo_linear_progress(today)
                ev = bac * (project.last_update_id.progress or 0) / 100.0
            else:
                # No milestone plan and no progress reported: nothing measured.
                pv = ev = 0.0
            net = -costs.get(project.account_id, 0.0) if project.account_id else 0.0
            # More refunded than spent cannot make a negative cost.
            ac = max(net, 0.0)
            vals = {"planned_value": pv, "earned_value": ev, "actual_cost": ac}
            if any(project[f] != v for f, v in vals.items()):
                project.write(vals)

    def _pmo_linear_progress(self, today):
        """Share of the project's duration elapsed at ``today`` (0..1)."""
        start, end = self.date_start, self.date
        if not start or not end or end <= start:
            return 0.0
        elapsed = (min(max(today, start), end) - start).days
        return elapsed / (end - start).days

    @api.model
    def _cron_pmo_daily(self):
        """Daily pass: refresh figures and health (a project turning red
        raises its exception report) and take today's snapshot of every
        active project."""
        projects = self.search([("active", "=", True)])
        projects._pmo_refresh_evm()
        projects._pmo_recompute_health()
        self.env["pmo.project.snapshot"]._take_snapshots(projects)
