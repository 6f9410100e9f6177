# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

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

    def _compute_display_name(self):
        for zone in self:
            zone.display_name = (
                f"[{zone.code}] {zone.name}" if zone.code else zone.name or ""
            )

    @api.model
    def _get_user_zone(self, user=None):
        """The zone proposed on the requests and orders of ``user``.

        Empty for a user outside the addon's groups (a purchase user of
        another department, an automated flow running as a plain user): no
        zone is proposed and the zones, which they may not read, are not
        searched.
        """
        user = user or self.env.user
        if not any(user.has_group(group) for group in ZONE_GROUPS):
            return self.browse()
        return self.search(
            [("user_ids", "in", user.id), ("company_id", "=", self.env.company.id)],
            limit=1,
        )
