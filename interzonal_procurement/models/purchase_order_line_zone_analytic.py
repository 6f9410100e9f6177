# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


# The zone's analytic account on call-off lines is kept apart from the
# commitment rules of purchase_order_line.py.
class PurchaseOrderLine(models.Model):
    _inherit = "purchase.order.line"  # pylint: disable=consider-merging-classes-inherited

    @api.depends("order_id.zone_id", "order_id.requisition_id")
    def _compute_analytic_distribution(self):
        """Call-off lines are booked on the analytic account of the zone that
        orders, next to the accounts of other plans Odoo proposes."""
        res = super()._compute_analytic_distribution()
        lines = self.filtered(
            lambda line: not line.display_type
            and line.order_id.requisition_id.framework_agreement_id
            and line.order_id.zone_id.analytic_account_id
        )
        for line in lines:
            line.analytic_distribution = line._with_zone_analytic_account(
                line.analytic_distribution or {},
                line.order_id.zone_id.analytic_account_id,
            )
        return res

    def _with_zone_analytic_account(self, distribution, account):
        """``distribution`` with ``account`` in place of the accounts of its plan.

        Each key of an analytic distribution lists accounts of different
        plans (``"12,34"``): the zone's plan gets the zone's account in each.
        """
        # sudo: reads only the plans of the distribution's accounts, which
        # buyers without analytic accounting may not read, to swap the zone's
        # account; the distribution is the line's own.
        Account = self.env["account.analytic.account"].sudo()
        account = account.sudo()
        plan = account.root_plan_id
        account_ids = {
            int(account_id)
            for key in distribution
            for account_id in key.split(",")
            if account_id.isdigit()
        }
        same_plan = set(
            Account.browse(account_ids)
            .exists()
            .filtered(lambda a: a.root_plan_id == plan)
            .ids
        )
        result = {}
        for key, percent in distribution.items():
            ids = [
                account_id
                for account_id in key.split(",")
                if account_id.isdigit() and int(account_id) not in same_plan
            ]
            new_key = ",".join([*ids, str(account.id)])
            result[new_key] = result.get(new_key, 0.0) + percent
        return result or {str(account.id): 100.0}
