# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .purchase_order import DEFER_CAPACITY_CHECK


# Revising contract prices when a call-off is placed is kept apart from the
# commitment rules of purchase_order.py.
class PurchaseOrder(models.Model):
    _inherit = "purchase.order"  # pylint: disable=consider-merging-classes-inherited

    def _freeze_call_off_amount(self, placed=False):
        """A call-off placed today gets the contract prices of the price
        revision in force today, before its committed amount is frozen."""
        if placed:
            self._apply_price_revisions(fields.Date.context_today(self))
        return super()._freeze_call_off_amount(placed=placed)

    def _apply_price_revisions(self, day):
        in_force = self.requisition_id._get_price_revisions_on(day)
        lines = self.order_line.filtered(lambda line: not line.display_type)
        for line in lines:
            vals = line._get_price_revision_vals(in_force)
            if vals:
                # The order's own freeze and capacity check follow.
                line.with_context(**{DEFER_CAPACITY_CHECK: True}).write(vals)
