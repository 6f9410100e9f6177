# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

MEETING_STATES = [
    ("planned", "Planned"),
    ("frozen", "Frozen"),
    ("held", "Held"),
    ("closed", "Closed"),
]
# Allowed moves: target state -> the states it can be reached from.
STATE_FROM = {
    "frozen": {"planned"},
    "planned": {"frozen"},
    "held": {"frozen"},
    "closed": {"held"},
}
# What the frozen pack depends on: fixed once the meeting is frozen.
SCOPE_FIELDS = {"committee_id", "programme_ids", "company_id"}
PACK_REPORT = "pmo_portfolio.pmo_committee_meeting_pack_report"
WORKBOOK_REPORT = "pmo_portfolio.pmo_committee_meeting_dashboard_xlsx_report"


class PmoCommitteeMeeting(models.Model):
    _name = "pmo.committee.meeting"
    _description = "Management Committee Meeting"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    committee_id = fields.Many2one(
        "pmo.committee", required=True, tracking=True, check_company=True, index=True
    )
    date = fields.Date(required=True, tracking=True, index=True)
    attendee_ids = fields.Many2many(
        "res.partner",
        "pmo_committee_meeting_attendee_rel",
        "meeting_id",
        "partner_id",
        string="Attendees",
        compute="_compute_from_committee",
        store=True,
        readonly=False,
        precompute=True,
    )
    lang = fields.Selection(
        "_lang_get",
        string="Language",
        compute="_compute_from_committee",
        store=True,
        readonly=False,
        precompute=True,
        help="The language of the pack.",
    )
    state = fields.Selection(
        MEETING_STATES, default="planned", required=True, tracking=True, copy=False
    )
    programme_ids = fields.Many2many(
        "pmo.programme",
        string="Programmes",
        compute="_compute_from_committee",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        help="The scope of the pack; empty: every project of a programme.",
    )
    snapshot_ids = fields.One2many("pmo.project.snapshot", "meeting_id", readonly=True)
    snapshot_count = fields.Integer(compute="_compute_snapshot_count")
    decision_ids = fields.One2many("pmo.decision", "meeting_id")
    carried_decision_ids = fields.Many2many(
        "pmo.decision",
        compute="_compute_carried_decision_ids",
        string="Open Decisions of Earlier Meetings",
    )
    minutes = fields.Html()
    frozen_date = fields.Datetime(readonly=True, copy=False, tracking=True)
    frozen_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
    )

    @api.depends("committee_id.name", "date")
    def _compute_name(self):
        for meeting in self:
            meeting.name = _(
                "%(committee)s of %(date)s",
                committee=meeting.committee_id.name or "",
                date=fields.Date.to_string(meeting.date) or "",
            )

    @api.depends("committee_id")
    def _compute_from_committee(self):
        for meeting in self:
            committee = meeting.committee_id
            meeting.attendee_ids = committee.chair_id | committee.member_ids
            meeting.lang = committee.lang or meeting.lang or self.env.lang
            meeting.programme_ids = committee.programme_ids

    @api.depends("committee_id.company_id")
    def _compute_company_id(self):
        for meeting in self:
            meeting.company_id = meeting.committee_id.company_id or self.env.company

    def _compute_snapshot_count(self):
        counts = dict(
            self.env["pmo.project.snapshot"]._read_group(
                [("meeting_id", "in", self.ids)], ["meeting_id"], ["__count"]
            )
        )
        for meeting in self:
            meeting.snapshot_count = counts.get(meeting, 0)

    @api.depends("committee_id", "date")
    def _compute_carried_decision_ids(self):
        Decision = self.env["pmo.decision"]
        for meeting in self:
            if not meeting.committee_id or not meeting.date:
                meeting.carried_decision_ids = Decision
                continue
            meeting.carried_decision_ids = Decision.search(
                [
                    ("committee_id", "=", meeting.committee_id.id),
                    ("meeting_date", "<", meeting.date),
                    ("state", "=", "open"),
                    ("meeting_id", "!=", meeting._origin.id or False),
                ],
                order="meeting_date, date_due, id",
            )

    @api.model
    def _lang_get(self):
        return self.env["res.lang"].get_installed()

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("state", "planned") != "planned" for vals in vals_list):
            raise UserError(
                _("A meeting starts planned; freeze it to take its figures.")
            )
        return super().create(vals_list)

    def write(self, vals):
        # The caller's rights first: the checks below read as superuser.
        self.check_access("write")
        if "state" in vals:
            self._check_state_change(vals["state"])
        locked = self.filtered(lambda m: m.state != "planned")
        if locked and SCOPE_FIELDS & set(vals):
            raise UserError(
                _(
                    "The scope of a frozen meeting is fixed; unfreeze it first: "
                    "%(meetings)s.",
                    meetings=", ".join(locked.mapped("name")),
                )
            )
        to_freeze = self.filtered(lambda m: m.state == "planned")
        to_unfreeze = self.filtered(lambda m: m.state == "frozen")
        if vals.get("state") == "frozen":
            to_freeze._pmo_scope_projects()
            vals = dict(
                vals, frozen_date=fields.Datetime.now(), frozen_by_id=self.env.uid
            )
        elif vals.get("state") == "planned":
            vals = dict(vals, frozen_date=False, frozen_by_id=False)
        res = super().write(vals)
        if vals.get("state") == "frozen":
            to_freeze._freeze_snapshots()
        elif vals.get("state") == "planned":
            to_unfreeze._unfreeze_snapshots()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_frozen(self):
        frozen = self.filtered(lambda m: m.state != "planned")
        if frozen:
            raise UserError(
                _(
                    "Only planned meetings can be deleted: %(meetings)s.",
                    meetings=", ".join(frozen.mapped("name")),
                )
            )

    def _check_state_change(self, state):
        """The life of a meeting: planned, frozen (PMO officers), held, closed;
        only a PMO manager takes a frozen meeting back to planned."""
        if state not in STATE_FROM:
            raise UserError(_("Unknown meeting state %(state)s.", state=state))
        wrong = self.filtered(lambda m: m.state not in STATE_FROM[state])
        if wrong and state == "frozen":
            raise UserError(
                _(
                    "These meetings are already frozen: %(meetings)s. A PMO "
                    "manager must unfreeze them first.",
                    meetings=", ".join(wrong.mapped("name")),
                )
            )
        if wrong:
            labels = dict(MEETING_STATES)
            raise UserError(
                _(
                    "%(meetings)s cannot move to %(state)s from where they are.",
                    meetings=", ".join(wrong.mapped("name")),
                    state=labels[state],
                )
            )
        if self.env.su:
            return
        if state == "frozen" and not self.env.user.has_group(
            "pmo_portfolio.group_pmo_officer"
        ):
            raise AccessError(_("Only PMO officers can freeze a committee meeting."))
        if state == "planned" and not self.env.user.has_group(
            "pmo_portfolio.group_pmo_manager"
        ):
            raise AccessError(_("Only PMO managers can unfreeze a committee meeting."))

    def _pmo_scope_domain(self):
        self.ensure_one()
        domain = [
            ("active", "=", True),
            ("company_id", "in", [self.company_id.id, False]),
        ]
        if self.programme_ids:
            return domain + [("programme_id", "in", self.programme_ids.ids)]
        return domain + [("programme_id", "!=", False)]

    def _pmo_scope_projects(self):
        """{meeting: its projects in scope}; a meeting without any is refused."""
        # sudo: the meeting's scope is every project of its programmes, also
        # those its secretary may not read; only the PMO freezes meetings.
        Project = self.env["project.project"].sudo()
        scopes = {}
        for meeting in self:
            scopes[meeting] = Project.search(meeting._pmo_scope_domain())
            if not scopes[meeting]:
                raise UserError(
                    _(
                        "No project in the scope of %(meeting)s: nothing to freeze.",
                        meeting=meeting.name,
                    )
                )
        return scopes

    def _freeze_snapshots(self):
        """One frozen snapshot per project in scope, with the figures of the
        moment, refreshed first."""
        # sudo: frozen snapshots are made only here (create refuses them
        # otherwise), from the projects' own figures.
        Snapshot = self.env["pmo.project.snapshot"].sudo()
        today = fields.Date.context_today(self)
        vals_list = []
        for meeting, projects in self._pmo_scope_projects().items():
            projects._pmo_refresh_evm()
            projects._pmo_recompute_health()
            for project in projects:
                vals = Snapshot._prepare_snapshot_vals(project)
                vals.update(
                    meeting_id=meeting.id,
                    frozen=True,
                    date=today,
                    company_id=meeting.company_id.id,
                )
                vals_list.append(vals)
        return Snapshot.create(vals_list)

    def _unfreeze_snapshots(self):
        # sudo: frozen snapshots are removed only by unfreezing their
        # meeting, a PMO manager's action checked by the caller.
        self.snapshot_ids.sudo().unlink()
        for meeting in self:
            meeting.message_post(
                body=_(
                    "Unfrozen by %(user)s: its snapshots were removed; freezing "
                    "it again takes new ones.",
                    user=self.env.user.name,
                )
            )

    def action_freeze(self):
        """Freeze the pack: one snapshot per project in scope (PMO officers)."""
        self.write({"state": "frozen"})
        return True

    def action_unfreeze(self):
        """Back to planned, dropping the snapshots (PMO managers)."""
        self.write({"state": "planned"})
        return True

    def action_held(self):
        self.write({"state": "held"})
        return True

    def action_close(self):
        self.write({"state": "closed"})
        return True

    def action_view_snapshots(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "pmo_portfolio.pmo_project_snapshot_action"
        )
        action["domain"] = [("meeting_id", "=", self.id)]
        action["view_mode"] = "list,pivot,graph"
        action["views"] = [(False, "list"), (False, "pivot"), (False, "graph")]
        return action

    def _pmo_pack_decisions(self):
        """The follow-up table: earlier meetings' open decisions first, then
        this meeting's own."""
        self.ensure_one()
        return self.carried_decision_ids | self.decision_ids.sorted(
            lambda d: (d.date_due or fields.Date.today(), d.id)
        )

    def _pmo_pack_attachments(self):
        """The pack (PDF, in the meeting's language) and the workbook, as
        attachments of the meeting."""
        self.ensure_one()
        Report = self.env["ir.actions.report"].with_context(lang=self.lang)
        pdf, __ = Report._render_qweb_pdf(PACK_REPORT, self.ids)
        xlsx, __ = Report._render_xlsx(WORKBOOK_REPORT, self.ids, {})
        return self.env["ir.attachment"].create(
            [
                {
                    "name": _("Committee pack %(meeting)s.pdf", meeting=self.name),
                    "raw": pdf,
                    "mimetype": "application/pdf",
                    "res_model": self._name,
                    "res_id": self.id,
                },
                {
                    "name": _("Portfolio workbook %(meeting)s.xlsx", meeting=self.name),
                    "datas": base64.b64encode(xlsx),
                    "mimetype": "application/vnd.openxmlformats-officedocument"
                    ".spreadsheetml.sheet",
                    "res_model": self._name,
                    "res_id": self.id,
                },
            ]
        )

    def action_send_pack(self):
        """Mail every attendee the pack and the workbook, with the template in
        the attendee's language; each mail is logged on the meeting."""
        self.ensure_one()
        self.check_access("write")
        if self.state == "planned":
            raise UserError(
                _("Freeze %(meeting)s before sending its pack.", meeting=self.name)
            )
        if not self.attendee_ids:
            raise UserError(
                _("%(meeting)s has no attendee to send the pack to.", meeting=self.name)
            )
        no_email = self.attendee_ids.filtered(lambda p: not p.email)
        if no_email:
            raise UserError(
                _(
                    "These attendees have no email address: %(partners)s.",
                    partners=", ".join(no_email.mapped("display_name")),
                )
            )
        attachments = self._pmo_pack_attachments()
        template = self.env.ref("pmo_portfolio.mail_template_committee_pack")
        messages = self.env["mail.message"]
        for partner in self.attendee_ids:
            rendered = template.with_context(
                pmo_attendee_lang=partner.lang or self.lang
            )._generate_template(self.ids, ("subject", "body_html"))[self.id]
            messages |= self.message_post(
                body=rendered["body_html"],
                subject=rendered["subject"],
                partner_ids=partner.ids,
                attachment_ids=attachments.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
                email_layout_xmlid="mail.mail_notification_light",
            )
        return messages
