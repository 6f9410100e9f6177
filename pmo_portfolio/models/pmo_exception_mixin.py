# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models
from odoo.tools import format_amount, formatLang


class PmoExceptionMixin(models.AbstractModel):
    """Exception reports of a project that turned red. The automation rule
    "Project health turned red" raises them whenever the health is
    recomputed to red; "Project health left red" rearms the next one."""

    _name = "pmo.exception.mixin"
    _description = "Exception Raising"

    pmo_exception_raised = fields.Boolean(
        copy=False,
        help="Technical: an exception report was raised since the project "
        "last turned red.",
    )
    exception_report_ids = fields.One2many("pmo.exception.report", "project_id")
    exception_report_count = fields.Integer(compute="_compute_exception_report_count")

    def _compute_exception_report_count(self):
        counts = dict(
            self.env["pmo.exception.report"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        for project in self:
            project.exception_report_count = counts.get(project, 0)

    def action_view_exception_reports(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "pmo_portfolio.pmo_exception_report_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action

    def _pmo_raise_exception_reports(self):
        """One draft exception report and one activity for the PMO manager
        per project that turned red; none more while it stays red. The
        report and the activity are written in the language of the person
        they are escalated to."""
        red = self.filtered(lambda p: p.health == "red" and not p.pmo_exception_raised)
        self._pmo_reset_exception_raised()
        if not red:
            return self.env["pmo.exception.report"]
        # sudo: raised by the health turning red, whoever's write caused it;
        # the values come from the projects, not from the caller.
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
        # sudo: a technical flag of the projects just escalated; nothing the
        # caller chose is written.
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
        # sudo: clears the technical flag of projects no longer red; nothing
        # the caller chose is written.
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
