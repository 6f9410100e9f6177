# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

ZONE_PLAN = "interzonal_procurement.analytic_plan_zones"


# The zones' analytic accounts are kept apart from the zone rules of
# interzonal_zone.py.
class InterzonalZone(models.Model):
    _inherit = "interzonal.zone"  # pylint: disable=consider-merging-classes-inherited

    @api.model_create_multi
    def create(self, vals_list):
        zones = super().create(vals_list)
        zones._ensure_analytic_accounts()
        return zones

    @api.model
    def _init_analytic_accounts(self):
        """Give an analytic account to the zones that have none (install and
        upgrade)."""
        self.with_context(active_test=False).search(
            [("analytic_account_id", "=", False)]
        )._ensure_analytic_accounts()

    def _ensure_analytic_accounts(self):
        """Each zone gets its account in the zones' analytic plan."""
        plan = self.env.ref(ZONE_PLAN, raise_if_not_found=False)
        zones = self.filtered(lambda zone: not zone.analytic_account_id)
        if not plan or not zones:
            return
        # sudo: contract managers create zones without analytic accounting
        # rights; each zone only gets its own account in the zones' plan.
        accounts = (
            self.env["account.analytic.account"]
            .sudo()
            .create(
                [
                    {
                        "name": zone.name,
                        "code": zone.code,
                        "plan_id": plan.id,
                        "company_id": zone.company_id.id,
                    }
                    for zone in zones
                ]
            )
        )
        for zone, account in zip(zones, accounts, strict=True):
            # sudo: the account just created for the zone, set on the zone.
            zone.sudo().analytic_account_id = account
