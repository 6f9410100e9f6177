# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

MANAGER_GROUP = "pmo_portfolio.group_pmo_manager"
# state -> the states it may be reached from
TRANSITIONS = {
    "submitted": ("draft",),
    "decided": ("submitted",),
    "rejected": ("submitted",),
    "draft": ("decided", "rejected"),
}


class PmoExceptionReport(models.Model):
    _name = "pmo.exception.report"
    _description = "Exception Report"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    project_id = fields.Many2one(
        "project.project",
        required=True,
        ondelete="cascade",
        index=True,
        tracking=True,
        check_company=True,
    )
    programme_id = fields.Many2one(related="project_id.programme_id", store=True)
    user_id = fields.Many2one(related="project_id.user_id", string="Project Manager")
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        precompute=True,
        readonly=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    cause = fields.Text(help="Which tolerance is forecast to be exceeded, and why.")
    forecast = fields.Text(help="The forecast of the affected figures.")
    options = fields.Html(help="The options to recover, with their impact.")
    recommendation = fields.Html()
    decision = fields.Text(tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("decided", "Decided"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )
    can_decide = fields.Boolean(
        compute="_compute_can_decide",
        help="Technical: the current user set the tolerance this report is "
        "escalated to, and may decide it.",
    )

    @api.depends("project_id", "date")
    def _compute_name(self):
        for report in self:
            report.name = _(
                "Exception %(project)s %(date)s",
                project=report.project_id.name or "",
                date=report.date or "",
            )

    @api.depends("project_id.company_id")
    def _compute_company_id(self):
        for report in self:
            report.company_id = report.project_id.company_id or self.env.company

    @api.depends_context("uid")
    @api.depends("project_id.user_id", "programme_id.manager_id")
    def _compute_can_decide(self):
        for report in self:
            report.can_decide = report._is_decider(self.env.user)

    def _is_decider(self, user):
        """The level that set the tolerance decides: a PMO manager or the
        programme's manager, never the project's own lead."""
        self.ensure_one()
        if user == self.project_id.user_id:
            return False
        return user.has_group(MANAGER_GROUP) or user == self.programme_id.manager_id

    def write(self, vals):
        if not self.env.su:
            self._check_write_rights(vals)
        return super().write(vals)

    def _check_write_rights(self, vals):
        """Who moves a report along, checked whatever the client: anyone
        who may edit it submits it; the level that set the tolerance
        decides or rejects it and writes the decision; a PMO manager alone
        reopens a decided or rejected report."""
        state = vals.get("state")
        user = self.env.user
        if state in ("decided", "rejected") or "decision" in vals:
            refused = self.filtered(lambda r: not r._is_decider(user))
            if refused:
                raise AccessError(
                    _(
                        "Only the level that set the tolerance (a PMO manager or "
                        "the programme's manager, never the project's lead) "
                        "decides on %(reports)s.",
                        reports=", ".join(refused.mapped("name")),
                    )
                )
        if state == "draft" and (
            not user.has_group(MANAGER_GROUP) or user in self.project_id.user_id
        ):
            raise AccessError(
                _(
                    "Only a PMO manager who does not lead the project puts an "
                    "exception report back to draft."
                )
            )
        if state in TRANSITIONS:
            wrong = self.filtered(lambda r: r.state not in TRANSITIONS[state])
            if wrong:
                labels = dict(self._fields["state"]._description_selection(self.env))
                raise UserError(
                    _(
                        "An exception report cannot become %(state)s from its "
                        "current state: %(reports)s.",
                        state=labels[state],
                        reports=", ".join(wrong.mapped("name")),
                    )
                )

    def action_submit(self):
        not_draft = self.filtered(lambda r: r.state != "draft")
        if not_draft:
            raise UserError(
                _(
                    "Only draft exception reports can be submitted: %(reports)s.",
                    reports=", ".join(not_draft.mapped("name")),
                )
            )
        self.state = "submitted"
        return True

    def action_decide(self):
        self._check_decision_step("decided")
        self.state = "decided"
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_reject(self):
        self._check_decision_step("rejected")
        self.state = "rejected"
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def _check_decision_step(self, state):
        not_submitted = self.filtered(lambda r: r.state != "submitted")
        if not_submitted:
            raise UserError(
                _(
                    "Only submitted exception reports can be decided or "
                    "rejected: %(reports)s.",
                    reports=", ".join(not_submitted.mapped("name")),
                )
            )
        self._check_write_rights({"state": state})

    def action_reset_draft(self):
        self.state = "draft"
        return True
