# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

OPEN_ORDER_STATES = ("draft", "sent", "to approve", "purchase")

# Groups whose members work with zones; users outside them never get one
# proposed and use Odoo's purchase screens as without the addon.
ZONE_GROUPS = (
    "interzonal_procurement.group_requester",
    "interzonal_procurement.group_finance",
)


class InterzonalZone(models.Model):
    _name = "interzonal.zone"
    _description = "Police Zone"
    _order = "code, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    partner_id = fields.Many2one("res.partner", check_company=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_ids = fields.Many2many(
        "res.users",
        "interzonal_zone_user_rel",
        "zone_id",
        "user_id",
        string="Members",
        help="Members of the zone: their zone is proposed on their requests "
        "and orders.",
    )
    analytic_account_id = fields.Many2one(
        "account.analytic.account",
        check_company=True,
        help="Analytic account that receives the costs of this zone.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The zone code must be unique per company.",
        ),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        self._check_code_free(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        # The caller's rights first: the checks below read as superuser.
        self.check_access("write")
        if "code" in vals or "company_id" in vals:
            self._check_code_free([vals])
        if "active" in vals and not vals["active"]:
            self._check_no_open_call_offs()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_call_offs(self):
        # sudo: counts the orders of the zones being deleted, to refuse it; no
        # order is returned.
        used = (
            self.env["purchase.order"]
            .sudo()
            ._read_group([("zone_id", "in", self.ids)], ["zone_id"], ["__count"])
        )
        if used:
            raise UserError(
                _(
                    "A zone that placed orders cannot be deleted, archive it "
                    "instead: %(zones)s",
                    zones=", ".join(zone.display_name for zone, _count in used),
                )
            )

    def _check_code_free(self, vals_list):
        """Name the duplicate code rather than fail on the database constraint."""
        for vals in vals_list:
            code = vals.get("code")
            if not code and not vals.get("company_id"):
                continue
            for zone in self or [self.browse()]:
                company_id = vals.get("company_id") or (
                    zone.company_id.id or self.env.company.id
                )
                taken = self.with_context(active_test=False).search_count(
                    [
                        ("code", "=", code or zone.code),
                        ("company_id", "=", company_id),
                        ("id", "not in", self.ids),
                    ]
                )
                if taken:
                    raise ValidationError(
                        _(
                            "Zone code %(code)s is already used in this company.",
                            code=code or zone.code,
                        )
                    )

    def _check_no_open_call_offs(self):
        # sudo: counts the open call-offs of the zones being archived, to
        # refuse it; no order is returned.
        groups = (
            self.env["purchase.order"]
            .sudo()
            ._read_group(
                [
                    ("zone_id", "in", self.ids),
                    ("framework_agreement_id", "!=", False),
                    ("state", "in", OPEN_ORDER_STATES),
                ],
                ["zone_id"],
                ["__count"],
            )
        )
        if groups:
            # Each zone's text apart, in the user's language: a call inside
            # the message's arguments would not reach the translation files.
            zones = [
                self.env._(
                    "%(zone)s (%(count)s call-offs)",
                    zone=zone.display_name,
                    count=count,
                )
                for zone, count in groups
            ]
            raise UserError(
                _(
                    "A zone with open call-offs cannot be archived: %(zones)s",
                    zones=", ".join(zones),
                )
            )

    def _compute_display_name(self):
        for zone in self:
            zone.display_name = (
                f"[{zone.code}] {zone.name}" if zone.code else zone.name or ""
            )

    @api.model
    def _get_user_zone(self, user=None, company=None):
        """The zone proposed on the requests and orders of ``user`` in
        ``company`` (the current one by default).

        Empty for a user outside the addon's groups (a purchase user of
        another department, an automated flow running as a plain user): no
        zone is proposed and the zones, which they may not read, are not
        searched.
        """
        user = user or self.env.user
        company = company or self.env.company
        if not any(user.has_group(group) for group in ZONE_GROUPS):
            return self.browse()
        return self.search(
            [("user_ids", "in", user.id), ("company_id", "=", company.id)],
            limit=1,
        )
