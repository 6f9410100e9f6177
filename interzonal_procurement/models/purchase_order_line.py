# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import float_compare


class PurchaseOrderLine(models.Model):
    _inherit = "purchase.order.line"

    @api.model
    def _search_late_lines(self, domain=None):
        """Confirmed order lines whose committed date passed without full receipt."""
        lines = self.search(
            [
                ("state", "=", "purchase"),
                ("date_planned", "<", fields.Datetime.now()),
                ("purchase_request_lines", "!=", False),
                *(domain or []),
            ]
        )
        return lines.filtered(
            lambda line: float_compare(
                line.qty_received,
                line.product_qty,
                precision_rounding=line.product_uom.rounding or 0.01,
            )
            < 0
        )
