# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL, float_compare

from .purchase_order import DEFER_CAPACITY_CHECK

# Fields of a line whose change changes what a confirmed call-off commits.
LINE_AMOUNT_FIELDS = {
    "product_id",
    "product_qty",
    "product_uom",
    "price_unit",
    "discount",
    "display_type",
    "order_id",
    "product_packaging_qty",
}


class PurchaseOrderLine(models.Model):
    _inherit = "purchase.order.line"

    date_committed = fields.Datetime(
        string="Committed Date",
        readonly=True,
        copy=False,
        index=True,
        help="Delivery date agreed when the order was confirmed. Later changes "
        "of the expected arrival do not move it: supplier scorecards measure "
        "on-time delivery against this date.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        # Lines added to an order that is already confirmed are committed at once.
        lines.filtered(
            lambda line: line.order_id.state in ("purchase", "done")
        )._freeze_date_committed()
        lines.order_id._check_call_off_lines_changed()
        return lines

    def write(self, vals):
        if self.env.context.get(DEFER_CAPACITY_CHECK) or not (
            LINE_AMOUNT_FIELDS.intersection(vals)
        ):
            return super().write(vals)
        orders = self.order_id
        res = super().write(vals)
        (orders | self.order_id)._check_call_off_lines_changed()
        return res

    def unlink(self):
        orders = self.order_id
        res = super().unlink()
        orders.exists()._check_call_off_lines_changed()
        return res

    def _freeze_date_committed(self):
        """Copy the planned date into the committed date where still empty."""
        if not self:
            return
        self.flush_model(["date_planned", "date_committed", "display_type"])
        self.env.cr.execute(
            SQL(
                """
                UPDATE purchase_order_line
                   SET date_committed = date_planned
                 WHERE id IN %(ids)s
                   AND date_committed IS NULL
                   AND display_type IS NULL
                """,
                ids=tuple(self.ids),
            )
        )
        self.invalidate_recordset(["date_committed"])

    @api.model
    def _search_late_lines(self, domain=None):
        """Confirmed order lines whose committed date passed without full receipt."""
        lines = self.search(
            [
                ("state", "in", ("purchase", "done")),
                ("date_committed", "<", fields.Datetime.now()),
                ("purchase_request_lines", "!=", False),
                *(domain or []),
            ]
        )
        return lines.filtered(
            lambda line: float_compare(
                line.qty_received,
                line.product_qty,
                precision_rounding=line.product_uom.rounding,
            )
            < 0
        )
