# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class InterzonalZoneMixin(models.AbstractModel):
    """The police zone of a record (purchase orders and requests), proposed
    from the members of the zones.

    Users outside the addon's groups get no zone proposed and never read
    zones: their records stay as Odoo makes them. The inheriting model has a
    ``company_id`` and ``mail.thread``.
    """

    _name = "interzonal.zone.mixin"
    _description = "Police Zone Mixin"

    zone_id = fields.Many2one(
        "interzonal.zone",
        default=lambda self: self._default_zone_id(),
        check_company=True,
        index=True,
        tracking=True,
    )

    def _default_zone_id(self, company=None):
        return self.env["interzonal.zone"]._get_user_zone(company=company)

    @api.onchange("company_id")
    def _onchange_company_id_zone(self):
        """A zone of another company gives way to the user's zone there."""
        # sudo: only compares the company of the zone already on the record,
        # which users outside the addon's groups may not read; the zone put
        # in its place is searched with the caller's rights.
        zone = self.zone_id.sudo()
        if not zone or zone.company_id == self.company_id:
            return
        self.zone_id = self._default_zone_id(company=self.company_id)
