from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import float_is_zero, format_amount, formatLang

HEALTH_SELECTION = [
    ("green", "Green"),
    ("amber", "Amber"),
    ("red", "Red"),
    ("grey", "Grey"),
    ("no_baseline", "No baseline"),
]
# Worst last: without a baseline nothing is measured, worse than green but
# better than amber; unknown (grey) is worse than amber, better than red.
HEALTH_RANK = {"green": 0, "no_baseline": 1, "amber": 2, "grey": 3, "red": 4}
# The healths within tolerance, for the within-budget/schedule ratios.
WITHIN_TOLERANCE = ("green", "amber")
EAC_FORMULAS = [
    ("bac_cpi", "BAC / CPI"),
    ("ac_remaining", "AC + (BAC - EV)"),
    ("ac_remaining_performance", "AC + (BAC - EV) / (CPI x SPI)"),
]
DECLARED_STATUS = {"on_track": "green", "at_risk": "amber", "off_track": "red"}
INDICATOR_RANK = {"green": 0, "amber": 1, "stale": 2, "red": 3}
# How _pmo_portfolio_figures() groups the projects, and what it sums.
PORTFOLIO_GROUPBY = [
    "health",
    "health_time",
    "health_cost",
    "has_baseline",
    "eac_defined",
]
PORTFOLIO_AGGREGATES = [
    "__count",
    "budget_at_completion:sum",
    "eac:sum",
]
INDICATOR_HEALTH = {
    "amber": ("amber", "indicators"),
    "red": ("red", "indicators"),
    "stale": ("grey", "stale"),
}


class ProjectProject(models.Model):
    _inherit = "project.project"

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
    # Baseline and tolerances
    budget_at_completion = fields.Monetary(
        string="Budget at Completion (BAC)", tracking=True
    )
    tolerance_time_percent = fields.Float(
        string="Time Tolerance (%)", default=10.0, tracking=True
    )
    tolerance_cost_percent = fields.Float(
        string="Cost Tolerance (%)", default=10.0, tracking=True
    )
    tolerance_scope = fields.Text(string="Scope Tolerance")
    tolerance_quality = fields.Text(string="Quality Tolerance")
    tolerance_risk = fields.Text(string="Risk Tolerance")
    tolerance_benefit = fields.Text(string="Benefit Tolerance")
    # Earned value: the base figures are refreshed in batch by
    # _pmo_refresh_evm() (cron, recompute action, baseline and milestone changes)
    planned_value = fields.Monetary(string="Planned Value (PV)", readonly=True)
    earned_value = fields.Monetary(string="Earned Value (EV)", readonly=True)
    actual_cost = fields.Monetary(string="Actual Cost (AC)", readonly=True)
    schedule_variance = fields.Monetary(
        string="Schedule Variance (SV)", compute="_compute_evm", store=True
    )
    cost_variance = fields.Monetary(
        string="Cost Variance (CV)", compute="_compute_evm", store=True
    )
    spi = fields.Float(
        string="SPI",
        digits=(16, 3),
        compute="_compute_evm",
        store=True,
        help="Schedule performance index EV / PV; undefined when PV is zero.",
    )
    spi_defined = fields.Boolean(
        string="SPI Defined", compute="_compute_evm", store=True
    )
    cpi = fields.Float(
        string="CPI",
        digits=(16, 3),
        compute="_compute_evm",
        store=True,
        help="Cost performance index EV / AC; undefined when AC is zero.",
    )
    cpi_defined = fields.Boolean(
        string="CPI Defined", compute="_compute_evm", store=True
    )
    eac = fields.Monetary(
        string="Estimate at Completion (EAC)",
        compute="_compute_evm",
        store=True,
        help="With the company's formula (BAC / CPI by default); AC + (BAC - EV) "
        "when that formula is undefined, as when money was spent and nothing "
        "earned yet; undefined while nothing was spent.",
    )
    eac_defined = fields.Boolean(
        string="EAC Defined", compute="_compute_evm", store=True
    )
    eac_formula = fields.Selection(
        EAC_FORMULAS,
        string="EAC Formula",
        compute="_compute_evm",
        store=True,
        help="The formula the estimate at completion was computed with.",
    )
    etc = fields.Monetary(
        string="Estimate to Complete (ETC)", compute="_compute_evm", store=True
    )
    vac = fields.Monetary(
        string="Variance at Completion (VAC)", compute="_compute_evm", store=True
    )
    tcpi = fields.Float(
        string="TCPI",
        digits=(16, 3),
        compute="_compute_evm",
        store=True,
        help="To-complete performance index (BAC - EV) / (BAC - AC); undefined "
        "when the whole budget is spent.",
    )
    tcpi_defined = fields.Boolean(
        string="TCPI Defined", compute="_compute_evm", store=True
    )
    # Health
    health = fields.Selection(
        HEALTH_SELECTION,
        compute="_compute_health",
        store=True,
        tracking=True,
        index=True,
        default="green",
    )
    health_driver = fields.Selection(
        [
            ("none", "Within tolerance"),
            ("time", "Time"),
            ("cost", "Cost"),
            ("indicators", "Indicators"),
            ("stale", "Stale indicators"),
            ("baseline", "No baseline"),
        ],
        compute="_compute_health",
        store=True,
        default="none",
    )
    health_time = fields.Selection(
        HEALTH_SELECTION,
        string="Schedule Health",
        compute="_compute_health",
        store=True,
    )
    health_cost = fields.Selection(
        HEALTH_SELECTION, string="Budget Health", compute="_compute_health", store=True
    )
    health_reason = fields.Char(compute="_compute_health_reason")
    health_color = fields.Integer(compute="_compute_health_color")
    declared_status = fields.Selection(
        HEALTH_SELECTION,
        compute="_compute_declared_status",
        store=True,
        help="The status the project lead declared in the last project update.",
    )
    health_mismatch = fields.Boolean(
        compute="_compute_health_mismatch",
        store=True,
        help="The computed health differs from the status the lead declared.",
    )
    has_baseline = fields.Boolean(compute="_compute_has_baseline", store=True)
    pmo_exception_raised = fields.Boolean(
        copy=False,
        help="Technical: an exception report was raised since the project "
        "last turned red.",
    )
    member_ids = fields.Many2many(
        "res.users",
        "pmo_project_member_rel",
        "project_id",
        "user_id",
        string="Project Team",
        domain="[('share', '=', False)]",
        help="The members who submit the project's indicator values.",
    )
    indicator_value_ids = fields.One2many("pmo.indicator.value", "project_id")
    indicator_rag = fields.Selection(
        [("green", "Green"), ("amber", "Amber"), ("red", "Red"), ("stale", "Stale")],
        string="Indicators",
        compute="_compute_indicator_status",
        store=True,
        help="The worst colour of the latest value of each indicator.",
    )
    indicator_red_count = fields.Integer(
        string="Red Indicators", compute="_compute_indicator_status", store=True
    )
    indicator_stale_count = fields.Integer(
        string="Stale Indicators", compute="_compute_indicator_status", store=True
    )
    alert_ids = fields.One2many("pmo.alert", "project_id")
    open_alert_count = fields.Integer(compute="_compute_open_alert_count")
    days_since_update = fields.Integer(
        string="Days Since Last Update", compute="_compute_days_since_update"
    )
    exception_report_ids = fields.One2many("pmo.exception.report", "project_id")
    exception_report_count = fields.Integer(compute="_compute_exception_report_count")
    snapshot_ids = fields.One2many("pmo.project.snapshot", "project_id")

    @api.depends(
        "budget_at_completion",
        "planned_value",
        "earned_value",
        "actual_cost",
        "company_id.pmo_eac_formula",
    )
    def _compute_evm(self):
        for project in self:
            project.update(project._pmo_evm_figures())

    def _pmo_evm_figures(self):
        """Earned-value figures; a ratio with a zero denominator is undefined
        (its ``*_defined`` flag is False and its value 0), never an error.
        The EAC follows the company's formula; where that formula is
        undefined (nothing earned for BAC / CPI, no SPI for the performance
        formula) it is AC + (BAC - EV), so that money spent with nothing to
        show for it is never forecast as on budget."""
        self.ensure_one()
        rounding = (self.currency_id or self.env.company.currency_id).rounding
        bac, pv = self.budget_at_completion, self.planned_value
        ev, ac = self.earned_value, self.actual_cost
        vals = {
            "schedule_variance": ev - pv,
            "cost_variance": ev - ac,
            "spi": 0.0,
            "spi_defined": False,
            "cpi": 0.0,
            "cpi_defined": False,
            "eac": 0.0,
            "eac_defined": False,
            "eac_formula": False,
            "etc": 0.0,
            "vac": 0.0,
            "tcpi": 0.0,
            "tcpi_defined": False,
        }
        if not float_is_zero(pv, precision_rounding=rounding):
            vals.update(spi=ev / pv, spi_defined=True)
        if not float_is_zero(ac, precision_rounding=rounding):
            cpi = ev / ac
            vals.update(cpi=cpi, cpi_defined=True)
            formula = (self.company_id or self.env.company).pmo_eac_formula
            performance = cpi * vals["spi"] if vals["spi_defined"] else 0.0
            if formula == "bac_cpi" and not float_is_zero(cpi, precision_digits=6):
                eac = bac / cpi
            elif formula == "ac_remaining_performance" and not float_is_zero(
                performance, precision_digits=6
            ):
                eac = ac + (bac - ev) / performance
            else:
                formula, eac = "ac_remaining", ac + (bac - ev)
            vals.update(
                eac=eac,
                eac_defined=True,
                eac_formula=formula,
                etc=eac - ac,
                vac=bac - eac,
            )
        if not float_is_zero(bac - ac, precision_rounding=rounding):
            vals.update(tcpi=(bac - ev) / (bac - ac), tcpi_defined=True)
        return vals

    def _pmo_health_depends(self):
        return [
            "spi",
            "spi_defined",
            "eac",
            "eac_defined",
            "actual_cost",
            "budget_at_completion",
            "tolerance_time_percent",
            "tolerance_cost_percent",
            "company_id.pmo_amber_share",
            "indicator_rag",
            "has_baseline",
        ]

    @api.depends(lambda self: self._pmo_health_depends())
    def _compute_health(self):
        """The health reads the earned-value figures and the baseline from
        their sources, not from their stored computed fields: automation
        rules evaluate the health while those fields are being recomputed,
        when their stored values are still the old ones."""
        for project in self:
            figures = project._pmo_evm_figures()
            baseline = project._pmo_has_baseline()
            project.health, project.health_driver = project._pmo_assess_health(
                figures, baseline
            )
            if baseline:
                time_use = project._pmo_time_use(figures)
                cost_use = project._pmo_cost_use(figures)
                project.health_time = project._pmo_figure_health(time_use)
                project.health_cost = project._pmo_figure_health(cost_use)
            else:
                project.health_time = project.health_cost = "no_baseline"

    def _pmo_time_use(self, figures=None):
        """Share of the time tolerance used (1.0 = all of it), None if unknown.
        ``figures``: those of ``_pmo_evm_figures()``, else the stored ones."""
        figures = self if figures is None else figures
        if not figures["spi_defined"]:
            return None
        slip = max(0.0, (1.0 - figures["spi"]) * 100.0)
        if float_is_zero(slip, precision_digits=6):
            return 0.0
        tolerance = self.tolerance_time_percent
        return slip / tolerance if tolerance > 0 else float("inf")

    def _pmo_cost_forecast(self, figures=None):
        """EAC, or at least what was already spent when EAC is undefined."""
        figures = self if figures is None else figures
        return figures["eac"] if figures["eac_defined"] else self.actual_cost

    def _pmo_cost_use(self, figures=None):
        """Share of the cost tolerance used (1.0 = all of it), None if unknown."""
        rounding = (self.currency_id or self.env.company.currency_id).rounding
        bac = self.budget_at_completion
        if float_is_zero(bac, precision_rounding=rounding):
            return None
        forecast = self._pmo_cost_forecast(figures)
        overrun = max(0.0, (forecast - bac) / bac * 100.0)
        if float_is_zero(overrun, precision_digits=6):
            return 0.0
        tolerance = self.tolerance_cost_percent
        return overrun / tolerance if tolerance > 0 else float("inf")

    def _pmo_figure_health(self, use):
        amber_share = (self.company_id or self.env.company).pmo_amber_share / 100.0
        if use is None or use <= amber_share + 1e-9:
            return "green"
        return "red" if use > 1.0 + 1e-9 else "amber"

    def _pmo_assess_health(self, figures=None, baseline=None):
        """Return (health, driver): the worst of the figures' colours. Without
        a baseline the time and cost figures measure nothing: only the
        indicators can colour the project, else it has "no baseline"."""
        self.ensure_one()
        if baseline is None:
            baseline = self.has_baseline
        candidates = [("green", "none")]
        if baseline:
            candidates += [
                (self._pmo_figure_health(self._pmo_time_use(figures)), "time"),
                (self._pmo_figure_health(self._pmo_cost_use(figures)), "cost"),
            ]
        candidates += self._pmo_extra_health_candidates()
        # Worst colour first; on a tie cost decides, then time, then indicators.
        order = {"none": -1, "stale": 0, "indicators": 1, "time": 2, "cost": 3}
        worst = max(candidates, key=lambda c: (HEALTH_RANK[c[0]], order.get(c[1], 9)))
        if worst[0] == "green" and not baseline:
            return "no_baseline", "baseline"
        if worst[0] == "green":
            return "green", "none"
        return worst

    def _pmo_extra_health_candidates(self):
        """More (colour, driver) pairs: the worst latest indicator colour."""
        return (
            [INDICATOR_HEALTH[self.indicator_rag]]
            if (self.indicator_rag in INDICATOR_HEALTH)
            else []
        )

    @api.depends_context("lang")
    @api.depends(
        "health_driver",
        "spi",
        "eac",
        "budget_at_completion",
        "tolerance_time_percent",
        "tolerance_cost_percent",
    )
    def _compute_health_reason(self):
        for project in self:
            project.health_reason = project._pmo_health_reason()

    def _pmo_health_reason(self):
        self.ensure_one()
        driver = self.health_driver
        if driver == "time":
            return _(
                "Time: SPI %(spi).3f, %(slip).1f %% behind plan against a "
                "%(tolerance).1f %% tolerance.",
                spi=self.spi,
                slip=(1.0 - self.spi) * 100.0,
                tolerance=self.tolerance_time_percent,
            )
        if driver == "cost":
            forecast = self._pmo_cost_forecast()
            bac = self.budget_at_completion
            currency = self.currency_id or self.env.company.currency_id
            return _(
                "Cost: forecast %(forecast)s is %(overrun).1f %% above the "
                "budget at completion %(bac)s against a %(tolerance).1f %% "
                "tolerance.",
                forecast=format_amount(self.env, forecast, currency),
                overrun=(forecast - bac) / bac * 100.0 if bac else 0.0,
                bac=format_amount(self.env, bac, currency),
                tolerance=self.tolerance_cost_percent,
            )
        if driver == "baseline":
            return _(
                "No baseline: set a budget at completion and plan its share on "
                "the milestones."
            )
        if driver == "none":
            return _("Within tolerance.")
        return self._pmo_extra_health_reason()

    def _pmo_extra_health_reason(self):
        if self.health_driver == "stale":
            return _(
                "Stale: %(count)s indicator value(s) not submitted by their "
                "deadline.",
                count=self.indicator_stale_count,
            )
        if self.indicator_rag == "red":
            return _(
                "Indicators: %(count)s red indicator value(s).",
                count=self.indicator_red_count,
            )
        return _("Indicators: an indicator value is amber.")

    @api.depends("indicator_value_ids.rag", "indicator_value_ids.period_start")
    def _compute_indicator_status(self):
        """Worst colour among the latest coloured value of each indicator.
        Values are read through the ORM (prefetched for the whole batch) so
        that their own pending recomputations are applied first."""
        for project in self:
            latest = {}
            values = project.sudo().indicator_value_ids.sorted(
                lambda v: (v.period_start, v.id), reverse=True
            )
            for value in values:
                if value.rag in INDICATOR_RANK:
                    latest.setdefault(value.indicator_id, value.rag)
            colours = list(latest.values())
            project.indicator_red_count = colours.count("red")
            project.indicator_stale_count = colours.count("stale")
            project.indicator_rag = (
                max(colours, key=INDICATOR_RANK.get) if colours else False
            )

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

    def _compute_exception_report_count(self):
        counts = dict(
            self.env["pmo.exception.report"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        for project in self:
            project.exception_report_count = counts.get(project, 0)

    @api.depends("health")
    def _compute_health_color(self):
        colors = {"green": 10, "amber": 2, "red": 1, "grey": 0, "no_baseline": 4}
        for project in self:
            project.health_color = colors.get(project.health, 0)

    @api.depends("last_update_status")
    def _compute_declared_status(self):
        for project in self:
            project.declared_status = DECLARED_STATUS.get(project.last_update_status)

    @api.depends("health", "declared_status")
    def _compute_health_mismatch(self):
        for project in self:
            project.health_mismatch = bool(
                project.declared_status
                and project.health not in ("grey", "no_baseline")
                and project.declared_status != project.health
            )

    @api.depends("budget_at_completion", "milestone_ids.planned_value")
    def _compute_has_baseline(self):
        for project in self:
            project.has_baseline = project._pmo_has_baseline()

    def _pmo_has_baseline(self):
        """A baseline is a budget at completion planned on milestones."""
        self.ensure_one()
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
        before anything is recomputed as superuser."""
        if not self.env.su:
            if not self.env.user.has_group("pmo_portfolio.group_project_member"):
                raise AccessError(
                    _("Only the project team and the PMO recompute a project's health.")
                )
            self.check_access("read")
        self._pmo_refresh_evm()
        self._pmo_recompute_health()
        self._pmo_raise_exception_reports()
        return True

    def _pmo_recompute_health(self):
        """Recompute indicator colours and health of the projects in batch."""
        projects = self.sudo()
        for fname in (
            "indicator_rag",
            "indicator_red_count",
            "indicator_stale_count",
            "health",
            "health_driver",
            "health_time",
            "health_cost",
            "health_mismatch",
        ):
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

    @api.model
    def _pmo_portfolio_figures(self, domain=None, groupby=None):
        """Portfolio KPIs with one grouped query: share of projects within
        budget and within schedule (green or amber: within tolerance), red
        count, budget variance against the company's target, and the stale
        count. Stale (grey) projects and projects without a baseline are
        left out of the ratios and counted apart.

        Without ``groupby`` return the figures of all projects matching
        ``domain``; with a field name, a dict {group value: figures}."""
        keys = [groupby] if groupby else []
        rows = self._read_group(
            domain or [], keys + PORTFOLIO_GROUPBY, PORTFOLIO_AGGREGATES
        )
        if not groupby:
            return self._pmo_figures_from_groups(rows)
        groups = defaultdict(list)
        for key, *rest in rows:
            groups[key].append(rest)
        return {
            key: self._pmo_figures_from_groups(rows) for key, rows in groups.items()
        }

    @api.model
    def _pmo_figures_from_groups(self, groups):
        """``groups``: rows grouped by ``PORTFOLIO_GROUPBY`` with the
        ``PORTFOLIO_AGGREGATES``. The budget variance compares the estimate at
        completion with the budget of the assessed projects that have a
        baseline and a defined EAC; ``forecast_count`` says how many."""
        total = stale = no_baseline = red = forecast_count = 0
        within_budget = within_schedule = 0
        bac = eac = 0.0
        for row in groups:
            health, health_time, health_cost, has_baseline, eac_defined = row[:5]
            count, bac_sum, eac_sum = row[5:]
            total += count
            if health == "grey":
                stale += count
                continue
            red += count if health == "red" else 0
            if not has_baseline:
                no_baseline += count
                continue
            within_budget += count if health_cost in WITHIN_TOLERANCE else 0
            within_schedule += count if health_time in WITHIN_TOLERANCE else 0
            if eac_defined:
                forecast_count += count
                bac += bac_sum
                eac += eac_sum
        assessed = total - stale - no_baseline
        target = self.env.company.pmo_budget_variance_target / 100.0
        variance = (eac - bac) / bac if bac else None
        return {
            "project_count": total,
            "assessed_count": assessed,
            "stale_count": stale,
            "no_baseline_count": no_baseline,
            "red_count": red,
            "within_budget_share": within_budget / assessed if assessed else None,
            "within_schedule_share": within_schedule / assessed if assessed else None,
            "forecast_count": forecast_count,
            "budget_at_completion": bac,
            "estimate_at_completion": eac,
            "budget_variance": eac - bac,
            "budget_variance_share": variance,
            "budget_variance_target": target,
            "budget_variance_within_target": (
                abs(variance) <= target + 1e-9 if variance is not None else None
            ),
        }

    def action_view_exception_reports(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "pmo_portfolio.pmo_exception_report_action"
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

    def _pmo_raise_exception_reports(self):
        """One draft exception report and one activity for the PMO manager
        per project that turned red; none more while it stays red. The
        report and the activity are written in the language of the person
        they are escalated to."""
        red = self.filtered(lambda p: p.health == "red" and not p.pmo_exception_raised)
        self._pmo_reset_exception_raised()
        if not red:
            return self.env["pmo.exception.report"]
        reports = (
            self.env["pmo.exception.report"]
            .sudo()
            .create(
                [
                    project.with_env(
                        project._pmo_escalation_user()._pmo_recipient_env()
                    )._prepare_exception_report_vals()
                    for project in red
                ]
            )
        )
        red.sudo().pmo_exception_raised = True
        for report in reports:
            manager = report.project_id._pmo_escalation_user()
            if manager:
                env = manager._pmo_recipient_env()
                report.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=manager.id,
                    summary=env._("Exception report to decide"),
                    note=report.cause,
                )
        return reports

    def _pmo_reset_exception_raised(self):
        """The projects no longer red raise a new report when they turn red
        again, be it the same day."""
        back = self.filtered(lambda p: p.health != "red" and p.pmo_exception_raised)
        back.sudo().pmo_exception_raised = False

    def _prepare_exception_report_vals(self):
        """The report's texts, in the language of ``self.env``."""
        self.ensure_one()
        currency = self.currency_id or self.env.company.currency_id
        return {
            "project_id": self.id,
            "date": fields.Date.context_today(self),
            "cause": self._pmo_health_reason(),
            "forecast": _(
                "EAC %(eac)s against a BAC of %(bac)s; SPI %(spi)s.",
                eac=format_amount(self.env, self.eac, currency)
                if self.eac_defined
                else _("undefined"),
                bac=format_amount(self.env, self.budget_at_completion, currency),
                spi=formatLang(self.env, self.spi, digits=3)
                if self.spi_defined
                else _("undefined"),
            ),
        }

    def _pmo_escalation_user(self):
        """The PMO manager who receives escalations for this project."""
        self.ensure_one()
        company = self.company_id or self.env.company
        return company.pmo_manager_id or self.programme_id.manager_id

    @api.model
    def _cron_pmo_daily(self):
        """Daily pass: refresh figures and health, raise exception reports and
        take today's snapshot of every active project."""
        projects = self.search([("active", "=", True)])
        projects._pmo_refresh_evm()
        projects._pmo_recompute_health()
        projects._pmo_raise_exception_reports()
        self.env["pmo.project.snapshot"]._take_snapshots(projects)

    # Management committee decisions
    decision_ids = fields.One2many("pmo.decision", "project_id")
    overdue_decision_count = fields.Integer(
        string="Overdue Decisions", compute="_compute_decision_counts"
    )
    open_decision_count = fields.Integer(
        string="Open Decisions", compute="_compute_decision_counts"
    )

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

    def action_view_decisions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "pmo_portfolio.pmo_decision_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action
