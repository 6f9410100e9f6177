from odoo import api, fields, models
from odoo.tools import SQL, float_compare


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
        return lines

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
                ("state", "=", "purchase"),
                ("date_committed", "<", fields.Datetime.now()),
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
