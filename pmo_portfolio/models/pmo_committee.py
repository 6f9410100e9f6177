# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class PmoCommittee(models.Model):
    _name = "pmo.committee"
    _description = "Management Committee"
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    chair_id = fields.Many2one("res.partner")
    member_ids = fields.Many2many(
        "res.partner",
        "pmo_committee_member_rel",
        "committee_id",
        "partner_id",
        string="Members",
    )
    lang = fields.Selection(
        "_lang_get",
        string="Default Language",
        default=lambda self: self.env.lang,
        help="The language of the packs of its meetings, unless a meeting "
        "says otherwise.",
    )
    frequency = fields.Selection(
        [
            ("monthly", "Monthly"),
            ("quarterly", "Quarterly"),
            ("half_yearly", "Half-yearly"),
            ("ad_hoc", "Ad hoc"),
        ],
        default="monthly",
        required=True,
    )
    programme_ids = fields.Many2many(
        "pmo.programme",
        string="Programmes",
        check_company=True,
        help="The programmes it follows by default; empty: the whole portfolio.",
    )
    meeting_ids = fields.One2many("pmo.committee.meeting", "committee_id")
    meeting_count = fields.Integer(compute="_compute_meeting_count")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    @api.model
    def _lang_get(self):
        return self.env["res.lang"].get_installed()

    def _compute_meeting_count(self):
        counts = dict(
            self.env["pmo.committee.meeting"]._read_group(
                [("committee_id", "in", self.ids)], ["committee_id"], ["__count"]
            )
        )
        for committee in self:
            committee.meeting_count = counts.get(committee, 0)

    def action_view_meetings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "pmo_portfolio.pmo_committee_meeting_action"
        )
        action["domain"] = [("committee_id", "=", self.id)]
        action["context"] = {"default_committee_id": self.id}
        return action
