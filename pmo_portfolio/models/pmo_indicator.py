# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

PERIOD_MONTHS = {"monthly": 1, "quarterly": 3}


class PmoIndicator(models.Model):
    _name = "pmo.indicator"
    _description = "Indicator"
    _order = "sequence, code"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    description = fields.Text(translate=True)
    unit = fields.Char()
    value_type = fields.Selection(
        [("number", "Number"), ("percent", "Percent"), ("yes_no", "Yes/No")],
        required=True,
        default="number",
    )
    direction = fields.Selection(
        [
            ("higher_is_better", "Higher is better"),
            ("lower_is_better", "Lower is better"),
        ],
        required=True,
        default="higher_is_better",
    )
    green_threshold = fields.Float(
        help="Green at or beyond this value (at or above it when higher is "
        "better, at or below it when lower is better)."
    )
    red_threshold = fields.Float(
        help="Red beyond this value (below it when higher is better, above it "
        "when lower is better); amber in between."
    )
    frequency = fields.Selection(
        [("weekly", "Weekly"), ("monthly", "Monthly"), ("quarterly", "Quarterly")],
        required=True,
        default="monthly",
    )
    due_day = fields.Integer(
        string="Due (days after period end)",
        default=5,
        help="The value is due this many days after the end of its period.",
    )
    reminder_days = fields.Integer(
        default=2, help="A reminder is sent this many days before the deadline."
    )
    scope = fields.Selection(
        [
            ("all", "All projects"),
            ("programmes", "Projects of programmes"),
            ("tags", "Projects with tags"),
        ],
        required=True,
        default="all",
    )
    programme_ids = fields.Many2many("pmo.programme", check_company=True)
    tag_ids = fields.Many2many("project.tags")
    responsible = fields.Selection(
        [
            ("project_manager", "Project manager"),
            ("pmo", "PMO manager"),
            ("user", "Specific user"),
        ],
        required=True,
        default="project_manager",
    )
    user_id = fields.Many2one("res.users", domain="[('share', '=', False)]")
    source = fields.Selection(
        [
            ("manual", "Submitted by people"),
            ("spi", "Project SPI"),
            ("cpi", "Project CPI"),
            ("budget_consumption", "Budget consumption (AC / BAC, %)"),
        ],
        required=True,
        default="manual",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    value_ids = fields.One2many("pmo.indicator.value", "indicator_id")

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The indicator code must be unique per company.",
        ),
    ]

    @api.constrains("direction", "green_threshold", "red_threshold", "value_type")
    def _check_thresholds(self):
        wrong = self.filtered(
            lambda i: (
                i.green_threshold < i.red_threshold
                if i.direction == "higher_is_better"
                else i.green_threshold > i.red_threshold
            )
        )
        if wrong:
            raise ValidationError(
                _(
                    "The thresholds are in the wrong order for the direction "
                    "(higher is better: green >= red; lower is better: green <= "
                    "red): %(indicators)s.",
                    indicators=", ".join(wrong.mapped("display_name")),
                )
            )
        out_of_range = self.filtered(
            lambda i: i.value_type == "percent"
            and not (0 <= i.green_threshold <= 100 and 0 <= i.red_threshold <= 100)
        )
        if out_of_range:
            raise ValidationError(
                _(
                    "The thresholds of a percent indicator must lie between 0 "
                    "and 100: %(indicators)s.",
                    indicators=", ".join(out_of_range.mapped("display_name")),
                )
            )

    @api.constrains("scope", "programme_ids", "tag_ids", "responsible", "user_id")
    def _check_scope_responsible(self):
        for indicator in self:
            if indicator.scope == "programmes" and not indicator.programme_ids:
                raise ValidationError(
                    _(
                        "Indicator %(indicator)s is scoped to programmes: "
                        "choose at least one.",
                        indicator=indicator.display_name,
                    )
                )
            if indicator.scope == "tags" and not indicator.tag_ids:
                raise ValidationError(
                    _(
                        "Indicator %(indicator)s is scoped to tags: choose at "
                        "least one.",
                        indicator=indicator.display_name,
                    )
                )
            if indicator.responsible == "user" and not indicator.user_id:
                raise ValidationError(
                    _(
                        "Indicator %(indicator)s needs the user who submits it.",
                        indicator=indicator.display_name,
                    )
                )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for indicator in self:
            indicator.display_name = (
                f"[{indicator.code}] {indicator.name}"
                if indicator.code
                else indicator.name
            )

    def _rag_for(self, value):
        """Colour of ``value`` against the thresholds."""
        self.ensure_one()
        if self.direction == "higher_is_better":
            if value >= self.green_threshold:
                return "green"
            return "red" if value < self.red_threshold else "amber"
        if value <= self.green_threshold:
            return "green"
        return "red" if value > self.red_threshold else "amber"

    def _period_bounds(self, day):
        """(start, end) of the period of this indicator containing ``day``."""
        self.ensure_one()
        if self.frequency == "weekly":
            start = day - relativedelta(days=day.weekday())
            return start, start + relativedelta(days=6)
        months = PERIOD_MONTHS[self.frequency]
        start = day.replace(month=(day.month - 1) // months * months + 1, day=1)
        return start, start + relativedelta(months=months, days=-1)

    def _projects_in_scope(self, projects):
        self.ensure_one()
        projects = projects.filtered(
            lambda p: p.company_id in (self.company_id, p.company_id.browse())
        )
        if self.scope == "programmes":
            return projects.filtered(lambda p: p.programme_id in self.programme_ids)
        if self.scope == "tags":
            return projects.filtered(lambda p: p.tag_ids & self.tag_ids)
        return projects

    def _responsible_user(self, project):
        self.ensure_one()
        if self.responsible == "user":
            return self.user_id
        if self.responsible == "pmo":
            return (project.company_id or self.company_id).pmo_manager_id
        return project.user_id

    def _prepare_value_vals(self, project, start, end):
        self.ensure_one()
        return {
            "indicator_id": self.id,
            "project_id": project.id,
            "period_start": start,
            "period_end": end,
            "deadline": end + relativedelta(days=self.due_day),
            "user_id": self._responsible_user(project).id,
        }

    def action_generate_values(self):
        """Open the current period's values of these indicators (all active
        ones when called on none): the PMO's request, checked before the
        values are created as superuser."""
        user = self.env.user
        if not (self.env.su or user.has_group("pmo_portfolio.group_pmo_officer")):
            raise AccessError(_("Only the PMO requests indicator values."))
        return self._generate_values()

    def _generate_values(self, projects=None, day=None):
        """Open the current period's values of these indicators (all active
        ones when called on none) for every active project in their scope
        (or of ``projects``), with an activity for the person responsible.
        ``day`` picks the period (default: today). The number of queries does
        not depend on the number of projects."""
        indicators = self or self.search([("active", "=", True)])
        today = fields.Date.to_date(day) or fields.Date.context_today(self)
        # sudo: run by the cron or after action_generate_values() checked the
        # PMO group; the values open for every project in scope, also those
        # the caller may not read.
        Value = self.env["pmo.indicator.value"].sudo()
        Project = self.env["project.project"].sudo()
        domain = [("active", "=", True)]
        if projects is not None:
            domain.append(("id", "in", projects.ids))
        projects = Project.search(domain)
        projects.fetch(["company_id", "programme_id", "tag_ids", "user_id"])
        periods = {ind: ind._period_bounds(today) for ind in indicators}
        existing = {
            (v.indicator_id.id, v.project_id.id, v.period_start)
            for v in Value.search_fetch(
                [
                    ("indicator_id", "in", indicators.ids),
                    ("period_start", "in", list({p[0] for p in periods.values()})),
                ],
                ["indicator_id", "project_id", "period_start"],
            )
        }
        vals_list = []
        for indicator in indicators:
            start, end = periods[indicator]
            for project in indicator._projects_in_scope(projects):
                if (indicator.id, project.id, start) not in existing:
                    vals_list.append(indicator._prepare_value_vals(project, start, end))
        values = Value.with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True, tracking_disable=True
        ).create(vals_list)
        values._schedule_submit_activities()
        return values

    @api.model
    def _cron_indicators(self):
        """Daily: open new periods, fill computed indicators, remind, mark
        stale the values not submitted by their deadline.

        The activities and alerts of the run are not emailed one by one: each
        person finds them among their activities, and gets one message of
        their reminders and stale values."""
        indicators = self.with_context(
            mail_activity_quick_update=True, mail_auto_subscribe_no_notify=True
        )
        indicators._generate_values()
        # sudo: the daily cron, acting on every value whoever it belongs to.
        Value = indicators.env["pmo.indicator.value"].sudo()
        today = fields.Date.context_today(self)
        Value.search(
            [
                ("indicator_id.source", "!=", "manual"),
                ("state", "=", "to_submit"),
                ("period_end", "<", today),
            ]
        )._fill_from_project()
        Value.search(
            [
                ("state", "in", ("to_submit", "rejected")),
                ("reminder_sent", "=", False),
                ("reminder_date", "<=", today),
                ("deadline", ">=", today),
            ]
        )._send_reminders()
        Value.search(
            [
                ("state", "in", ("to_submit", "rejected")),
                ("is_stale", "=", False),
                ("deadline", "<", today),
            ]
        )._mark_stale()
