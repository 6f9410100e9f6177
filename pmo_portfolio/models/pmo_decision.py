# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

OVERDUE_ACTIVITY = "pmo_portfolio.mail_activity_type_decision_overdue"


class PmoDecision(models.Model):
    _name = "pmo.decision"
    _description = "Management Committee Decision"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_due, id"
    _rec_name = "description"
    _check_company_auto = True

    meeting_id = fields.Many2one(
        "pmo.committee.meeting",
        required=True,
        ondelete="cascade",
        index=True,
        tracking=True,
        check_company=True,
    )
    committee_id = fields.Many2one(related="meeting_id.committee_id", store=True)
    meeting_date = fields.Date(related="meeting_id.date", store=True)
    project_id = fields.Many2one(
        "project.project",
        index="btree_not_null",
        tracking=True,
        check_company=True,
    )
    programme_id = fields.Many2one(
        "pmo.programme",
        compute="_compute_programme_id",
        store=True,
        readonly=False,
        precompute=True,
        index="btree_not_null",
        tracking=True,
        check_company=True,
    )
    description = fields.Text(required=True)
    owner_id = fields.Many2one(
        "res.users",
        required=True,
        tracking=True,
        domain="[('share', '=', False)]",
        default=lambda self: self.env.user,
    )
    date_due = fields.Date(string="Due Date", required=True, tracking=True)
    state = fields.Selection(
        [("open", "Open"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="open",
        required=True,
        tracking=True,
        copy=False,
    )
    outcome = fields.Text(tracking=True)
    date_done = fields.Date(readonly=True, copy=False)
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        precompute=True,
        readonly=True,
    )

    @api.depends("project_id")
    def _compute_programme_id(self):
        for decision in self:
            if decision.project_id:
                decision.programme_id = decision.project_id.programme_id

    @api.depends("state", "date_due")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for decision in self:
            decision.is_overdue = bool(
                decision.state == "open"
                and decision.date_due
                and decision.date_due < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on overdue decisions."))
        domain = [
            ("state", "=", "open"),
            ("date_due", "<", fields.Date.context_today(self)),
        ]
        if (operator == "=") == value:
            return domain
        return ["!", "&", *domain]

    @api.depends("meeting_id.company_id")
    def _compute_company_id(self):
        for decision in self:
            decision.company_id = decision.meeting_id.company_id or self.env.company

    @api.constrains("project_id", "programme_id")
    def _check_project_programme(self):
        wrong = self.filtered(
            lambda d: d.project_id
            and d.programme_id
            and d.project_id.programme_id != d.programme_id
        )
        if wrong:
            raise ValidationError(
                _(
                    "A decision's programme is its project's programme: "
                    "%(decisions)s.",
                    decisions=", ".join(wrong.mapped("display_name")),
                )
            )

    def write(self, vals):
        if vals.get("state") == "done":
            vals = dict(vals, date_done=fields.Date.context_today(self))
        elif vals.get("state") in ("open", "cancelled"):
            vals = dict(vals, date_done=False)
        res = super().write(vals)
        if vals.get("state") == "done":
            self._pmo_close_overdue_activities(
                feedback=_("Decision carried out."),
            )
        elif vals.get("state") == "cancelled":
            # sudo: removes only the overdue reminders of decisions the caller
            # just cancelled, which may be assigned to someone else.
            self.sudo().activity_unlink([OVERDUE_ACTIVITY])
        if "owner_id" in vals:
            # The reminder follows the owner.
            # sudo: moves only the overdue reminder of these decisions to the
            # new owner the caller was allowed to set.
            self.sudo().activity_reschedule(
                [OVERDUE_ACTIVITY], new_user_id=vals["owner_id"]
            )
        return res

    def _pmo_close_overdue_activities(self, feedback):
        # sudo: closes only the overdue reminders of these decisions, which
        # may be assigned to someone else than the caller.
        self.sudo().activity_feedback([OVERDUE_ACTIVITY], feedback=feedback)

    def action_done(self):
        self.write({"state": "done"})
        return True

    def action_cancel(self):
        self.write({"state": "cancelled"})
        return True

    def action_reopen(self):
        self.write({"state": "open"})
        return True

    @api.model
    def _cron_overdue_decisions(self):
        """One activity for the owner of each overdue open decision; a second
        run adds none."""
        overdue = self.search([("is_overdue", "=", True)])
        activity_type = self.env.ref(OVERDUE_ACTIVITY)
        with_activity = {
            res_id
            for [res_id] in self.env["mail.activity"]._read_group(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", overdue.ids),
                    ("activity_type_id", "=", activity_type.id),
                ],
                ["res_id"],
            )
        }
        for decision in overdue.filtered(lambda d: d.id not in with_activity):
            decision.activity_schedule(
                OVERDUE_ACTIVITY,
                date_deadline=decision.date_due,
                user_id=decision.owner_id.id,
                summary=_("Overdue committee decision"),
                note=decision.description,
            )
