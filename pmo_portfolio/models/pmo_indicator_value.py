# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date, formatLang

RAG_SELECTION = [
    ("green", "Green"),
    ("amber", "Amber"),
    ("red", "Red"),
    ("stale", "Stale"),
    ("pending", "Pending"),
    ("undefined", "n/a"),
]
SUBMITTED_STATES = ("submitted", "validated")
# What the people who submit a value may write on it themselves; everything
# else (deadline, state, stale flag, validation) is the PMO's or the crons'.
MEMBER_WRITABLE_FIELDS = {"value", "comment"}
OFFICER_GROUP = "pmo_portfolio.group_pmo_officer"
# Context key of the crons' superuser writes of many values one by one: the
# alerts and project colours follow once for all of them (never honoured
# outside superuser mode, which no client can enter).
DEFER_SYNC = "pmo_defer_value_sync"


class PmoIndicatorValue(models.Model):
    _name = "pmo.indicator.value"
    _description = "Indicator Value"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "period_start desc, project_id, indicator_id"
    _check_company_auto = True

    indicator_id = fields.Many2one(
        "pmo.indicator", required=True, ondelete="cascade", index=True
    )
    project_id = fields.Many2one(
        "project.project",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    programme_id = fields.Many2one(related="project_id.programme_id", store=True)
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        precompute=True,
        readonly=True,
    )
    value_type = fields.Selection(related="indicator_id.value_type")
    unit = fields.Char(related="indicator_id.unit")
    period_start = fields.Date(required=True, index=True)
    period_end = fields.Date(required=True)
    deadline = fields.Date(required=True, tracking=True)
    reminder_date = fields.Date(compute="_compute_reminder_date", store=True)
    value = fields.Float(tracking=True, aggregator="avg", digits=(16, 3))
    value_undefined = fields.Boolean(
        string="No Figure",
        readonly=True,
        copy=False,
        help="The project's figure this value is computed from is undefined "
        "(an SPI without planned value, a CPI without any cost, a consumption "
        "without budget): no figure, no colour, no alert.",
    )
    rag = fields.Selection(
        RAG_SELECTION,
        string="RAG",
        compute="_compute_rag",
        store=True,
        index=True,
        tracking=True,
    )
    state = fields.Selection(
        [
            ("to_submit", "To submit"),
            ("submitted", "Submitted"),
            ("validated", "Validated"),
            ("rejected", "Rejected"),
        ],
        default="to_submit",
        required=True,
        tracking=True,
    )
    is_stale = fields.Boolean(readonly=True, copy=False)
    reminder_sent = fields.Boolean(readonly=True, copy=False)
    user_id = fields.Many2one("res.users", string="Responsible", index=True)
    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    submitted_on = fields.Datetime(readonly=True, copy=False)
    validated_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    comment = fields.Text()
    project_user_id = fields.Many2one(
        related="project_id.user_id", string="Project Lead"
    )
    pmo_officer_id = fields.Many2one(
        "res.users", string="PMO Officer", compute="_compute_pmo_officer_id"
    )
    alert_ids = fields.One2many("pmo.alert", "indicator_value_id")

    _sql_constraints = [
        (
            "indicator_project_period_uniq",
            "unique(indicator_id, project_id, period_start)",
            "An indicator has one value per project and period.",
        ),
    ]

    @api.depends("project_id.company_id")
    def _compute_company_id(self):
        for value in self:
            value.company_id = value.project_id.company_id or self.env.company

    @api.depends("deadline", "indicator_id.reminder_days")
    def _compute_reminder_date(self):
        for value in self:
            value.reminder_date = value.deadline and value.deadline - relativedelta(
                days=value.indicator_id.reminder_days
            )

    @api.depends(
        "value",
        "value_undefined",
        "state",
        "is_stale",
        "indicator_id.direction",
        "indicator_id.green_threshold",
        "indicator_id.red_threshold",
    )
    def _compute_rag(self):
        for value in self:
            if value.state in SUBMITTED_STATES and value.value_undefined:
                value.rag = "undefined"
            elif value.state in SUBMITTED_STATES:
                value.rag = value.indicator_id._rag_for(value.value)
            elif value.is_stale:
                value.rag = "stale"
            else:
                value.rag = "pending"

    @api.depends("company_id")
    def _compute_pmo_officer_id(self):
        for value in self:
            company = value.company_id
            value.pmo_officer_id = company.pmo_officer_id or company.pmo_manager_id

    @api.depends("indicator_id", "project_id", "period_start")
    def _compute_display_name(self):
        for value in self:
            value.display_name = _(
                "%(indicator)s - %(project)s - %(period)s",
                indicator=value.indicator_id.name or "",
                project=value.project_id.name or "",
                period=value.period_start or "",
            )

    @api.constrains("value", "indicator_id")
    def _check_value(self):
        for value in self:
            kind = value.indicator_id.value_type
            if kind == "percent" and not 0 <= value.value <= 100:
                raise ValidationError(
                    _(
                        "%(indicator)s is a percentage: %(value)s is not between "
                        "0 and 100.",
                        indicator=value.indicator_id.display_name,
                        value=value.value,
                    )
                )
            if kind == "yes_no" and value.value not in (0.0, 1.0):
                raise ValidationError(
                    _(
                        "%(indicator)s is a yes/no indicator: enter 1 for yes or "
                        "0 for no, not %(value)s.",
                        indicator=value.indicator_id.display_name,
                        value=value.value,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        values = super().create(vals_list)
        values._sync_alerts()
        return values

    def write(self, vals):
        if not self.env.su:
            self._check_write_rights(vals)
            if "value" in vals or vals.get("state") == "submitted":
                self._check_period_open()
        res = super().write(vals)
        deferred = self.env.su and self.env.context.get(DEFER_SYNC)
        if {"value", "value_undefined", "state", "is_stale"} & set(vals) and not (
            deferred
        ):
            self._sync_alerts()
            self._refresh_project_status()
        return res

    def _refresh_project_status(self):
        """Refresh the projects' indicator colours and health once the
        values' colours are final: the automation rules run while these are
        computed, which may read the projects' health too early."""
        self.flush_recordset(["rag"])
        self.project_id._pmo_recompute_health()

    def _check_period_open(self):
        """A closed period (validated, or past its deadline) takes no value."""
        today = fields.Date.context_today(self)
        closed = self.filtered(
            lambda v: v.state == "validated" or (v.deadline and v.deadline < today)
        )
        if closed:
            raise UserError(
                _(
                    "The period is closed for %(values)s: its deadline has "
                    "passed or its value was validated.",
                    values=", ".join(closed.mapped("display_name")),
                )
            )

    def _check_write_rights(self, vals):
        """Segregation of duties, whatever the client: the people who submit
        a value write only its figure and comment, on values they answer
        for; only the PMO validates or rejects, and never what it submitted
        itself."""
        user = self.env.user
        if vals.get("state") in ("validated", "rejected"):
            self._check_can_validate()
        if user.has_group(OFFICER_GROUP):
            return
        mail_fields = set(self.env["mail.thread"]._fields) | set(
            self.env["mail.activity.mixin"]._fields
        )
        forbidden = set(vals) - MEMBER_WRITABLE_FIELDS - mail_fields
        if forbidden:
            labels = [self._fields[name].string for name in sorted(forbidden)]
            raise AccessError(
                _(
                    "Only the PMO may change %(fields)s of indicator values.",
                    fields=", ".join(labels),
                )
            )
        foreign = self.filtered(lambda v: not v._is_answered_by(user))
        if foreign:
            raise AccessError(
                _(
                    "You can only change the values of projects you work on: "
                    "%(values)s.",
                    values=", ".join(foreign.mapped("display_name")),
                )
            )

    def _check_can_validate(self):
        user = self.env.user
        if not (self.env.su or user.has_group(OFFICER_GROUP)):
            raise AccessError(
                _(
                    "Only a PMO officer or manager validates or rejects "
                    "indicator values."
                )
            )
        own = self.filtered(lambda v: v.submitted_by_id == user)
        if own:
            raise AccessError(
                _(
                    "You submitted %(values)s: someone else of the PMO validates "
                    "or rejects it.",
                    values=", ".join(own.mapped("display_name")),
                )
            )

    def _is_answered_by(self, user):
        """The value's responsible, the project's lead and team answer for it."""
        self.ensure_one()
        project = self.project_id
        return user in (self.user_id | project.user_id | project.member_ids)

    def _check_can_submit(self):
        user = self.env.user
        if self.env.su or user.has_group(OFFICER_GROUP):
            return
        foreign = self.filtered(lambda v: not v._is_answered_by(user))
        if foreign:
            raise AccessError(
                _(
                    "You can only submit values of projects you are a member "
                    "of: %(projects)s.",
                    projects=", ".join(foreign.project_id.mapped("display_name")),
                )
            )

    def action_submit(self):
        self._check_can_submit()
        self._check_period_open()
        # Close the request first: submitting red schedules new activities.
        self.activity_feedback(["mail.mail_activity_data_todo"])
        # The submitter may not write the state and submission fields
        # themselves: the checks above are the ones that count.
        # sudo: the submitter may not write the state and submission fields
        # themselves; _check_can_submit() and _check_period_open() decided.
        self.sudo().write(
            {
                "state": "submitted",
                "submitted_by_id": self.env.user.id,
                "submitted_on": fields.Datetime.now(),
            }
        )
        return True

    def action_validate(self):
        self._check_can_validate()
        not_submitted = self.filtered(lambda v: v.state != "submitted")
        if not_submitted:
            raise UserError(
                _(
                    "Only submitted values can be validated: %(values)s.",
                    values=", ".join(not_submitted.mapped("display_name")),
                )
            )
        self.write({"state": "validated", "validated_by_id": self.env.user.id})
        return True

    def action_reject(self):
        self._check_can_validate()
        not_submitted = self.filtered(lambda v: v.state != "submitted")
        if not_submitted:
            raise UserError(
                _(
                    "Only submitted values can be rejected: %(values)s.",
                    values=", ".join(not_submitted.mapped("display_name")),
                )
            )
        self.write({"state": "rejected"})
        return True

    def _schedule_submit_activities(self):
        """One activity per value to submit, for its responsible person, due
        on the deadline; created in one batch."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        model = self.env["ir.model"]._get_id(self._name)
        values = self.filtered(
            lambda v: v.user_id and v.indicator_id.source == "manual"
        )
        vals_list = []
        for value in values:
            env = value.user_id._pmo_recipient_env()
            summary = env._(
                "Submit %(indicator)s", indicator=value.with_env(env).indicator_id.name
            )
            vals_list.append(
                {
                    "res_model_id": model,
                    "res_id": value.id,
                    "activity_type_id": todo.id,
                    "user_id": value.user_id.id,
                    "date_deadline": value.deadline,
                    "automated": True,
                    "summary": summary,
                }
            )
        # sudo: the activities go to each value's responsible person, whom
        # the caller (the PMO or the cron) may not be allowed to assign.
        self.env["mail.activity"].sudo().with_context(
            mail_activity_quick_update=True
        ).create(vals_list)

    def _fill_from_project(self):
        """Computed indicators take the project's figure at period end; an
        undefined figure is stored as such, never as 0. Each value gets its
        own figure first, while still to submit (its colour stays pending);
        then all are submitted in one write, so that their colours, the
        automation rules, the alerts and the projects' colours follow once
        for all the values."""
        # sudo: computed values are written by the cron from the project's
        # own figure, never from the caller's input.
        values = self.sudo()
        for value in values.with_context(**{DEFER_SYNC: True}):
            figure = value._project_figure()
            value.write({"value": figure or 0.0, "value_undefined": figure is None})
        values.write({"state": "submitted", "submitted_on": fields.Datetime.now()})

    def _project_figure(self):
        """The project's figure for this computed value, None if undefined."""
        self.ensure_one()
        project = self.project_id
        source = self.indicator_id.source
        if source == "spi":
            return project.spi if project.spi_defined else None
        if source == "cpi":
            return project.cpi if project.cpi_defined else None
        bac = project.budget_at_completion
        return project.actual_cost / bac * 100.0 if bac else None

    def _send_reminders(self):
        """Remind each responsible person, in their language: a note on each
        value and one message listing them all."""
        self._post_to_responsible(
            lambda env, values: env._(
                "Reminder: %(indicator)s for %(project)s is due on %(deadline)s.",
                **values,
            ),
            lambda env: env._("Indicator values to submit"),
        )
        self.write({"reminder_sent": True})

    def _mark_stale(self):
        """Mark the values stale and tell each responsible person, in their
        language: a note on each value and one message listing them all."""
        # sudo: the stale flag is set by the cron on values past their
        # deadline; nobody writes it by hand.
        self.sudo().write({"is_stale": True})
        self._post_to_responsible(
            lambda env, values: env._(
                "%(indicator)s for %(project)s was not submitted by "
                "%(deadline)s: it is now stale and shows grey in the portfolio.",
                **values,
            ),
            lambda env: env._("Indicator values now stale"),
        )

    def _post_to_responsible(self, message, subject):
        """Post ``message(env, placeholders)`` on each value with a
        responsible person, as a note naming that person, in their language;
        then notify each person once of all their values (inbox or email, as
        they chose), with ``subject(env)``. A few queries per person, not per
        value: the daily cron reminds thousands of values at once."""
        for user, values in self.filtered("user_id").grouped("user_id").items():
            env = user._pmo_recipient_env()
            bodies = {
                value.id: message(env, value._message_values(env)) for value in values
            }
            # sudo: the cron's notes on the values, its own texts, addressed
            # to the value's responsible person (_message_log_batch writes
            # as superuser anyway).
            values.sudo()._message_log_batch(
                bodies=bodies, partner_ids=user.partner_id.ids
            )
            digest = Markup("<ul>%s</ul>") % Markup().join(
                Markup("<li>%s</li>") % body for body in bodies.values()
            )
            # sudo: one message to the responsible person listing the notes
            # just posted; its recipients are the values' own.
            self.env["mail.thread"].sudo().message_notify(
                partner_ids=user.partner_id.ids,
                subject=subject(env),
                body=digest,
                subtype_xmlid="mail.mt_comment",
                force_send=False,
            )

    def _message_values(self, env):
        """The placeholders of the messages about this value, formatted in
        the language of ``env``."""
        self.ensure_one()
        value = self.with_env(env)
        return {
            "indicator": value.indicator_id.name,
            "project": value.project_id.name,
            "deadline": format_date(env, value.deadline),
            "value": formatLang(env, value.value, digits=3),
            "unit": value.unit or "",
        }

    def _sync_alerts(self):
        """Red opens one alert per value (not one per edit), stale opens a
        stale alert, and a green value closes the open alerts of earlier
        periods of the same indicator and project."""
        # sudo: alerts follow the values' colours whoever submitted them;
        # their texts and recipients come from the values, not the caller.
        Alert = self.env["pmo.alert"].sudo()
        open_alerts = Alert.search(
            [
                ("project_id", "in", self.project_id.ids),
                ("indicator_id", "in", self.indicator_id.ids),
                ("state", "!=", "closed"),
            ]
        )
        by_value = {alert.indicator_value_id: alert for alert in open_alerts}
        by_indicator = defaultdict(list)
        for alert in open_alerts:
            by_indicator[alert.indicator_id.id, alert.project_id.id].append(alert.id)
        to_create = []
        to_close = set()
        for value in self:
            if value.rag in ("red", "stale") and value not in by_value:
                to_create.append(value._prepare_alert_vals())
            elif value.rag == "green":
                # This value, or a later one, of the indicator is green.
                to_close.update(
                    alert.id
                    for alert in Alert.browse(
                        by_indicator[value.indicator_id.id, value.project_id.id]
                    )
                    if alert.indicator_value_id.period_start <= value.period_start
                )
        Alert.browse(to_close)._close()
        return Alert.create(to_create)

    def _prepare_alert_vals(self):
        self.ensure_one()
        # Written for the project lead who receives the alert.
        env = self.project_id.user_id._pmo_recipient_env()
        placeholders = self._message_values(env)
        if self.rag == "stale":
            message = env._(
                "%(indicator)s for %(project)s was not submitted by %(deadline)s.",
                **placeholders,
            )
        else:
            message = env._(
                "%(indicator)s for %(project)s is red: %(value)s %(unit)s.",
                **placeholders,
            )
        return {
            "project_id": self.project_id.id,
            "indicator_value_id": self.id,
            "level": "stale" if self.rag == "stale" else "red",
            "message": message,
            "user_id": self.project_id.user_id.id,
        }
