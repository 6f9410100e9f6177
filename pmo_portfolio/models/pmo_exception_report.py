from odoo import _, api, fields, models
from odoo.exceptions import UserError


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
        [("draft", "Draft"), ("submitted", "Submitted"), ("decided", "Decided")],
        default="draft",
        required=True,
        tracking=True,
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

    def action_decide(self):
        not_submitted = self.filtered(lambda r: r.state != "submitted")
        if not_submitted:
            raise UserError(
                _(
                    "Only submitted exception reports can be decided: %(reports)s.",
                    reports=", ".join(not_submitted.mapped("name")),
                )
            )
        self.state = "decided"
        self.activity_feedback(["mail.mail_activity_data_todo"])

    def action_reset_draft(self):
        self.state = "draft"
