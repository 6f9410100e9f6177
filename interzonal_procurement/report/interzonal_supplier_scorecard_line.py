# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL
from odoo.tools.sql import drop_view_if_exists


class InterzonalSupplierScorecardLine(models.Model):
    """The order lines a supplier scorecard is computed from, one row each.

    A confirmed line of goods with a committed date; several receipts and
    backorders of a line stay one row. Quantities come from the stock moves'
    ``product_qty``, in the product's unit of measure. The scorecards read
    this view for their period; buyers analyse it in a pivot and a list.
    """

    _name = "interzonal.supplier.scorecard.line"
    _description = "Supplier Scorecard Line"
    _auto = False
    _order = "date_committed desc, id desc"
    _rec_name = "order_line_id"

    order_line_id = fields.Many2one("purchase.order.line", readonly=True)
    order_id = fields.Many2one("purchase.order", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Supplier", readonly=True)
    requisition_id = fields.Many2one(
        "purchase.requisition", string="Lot", readonly=True
    )
    user_id = fields.Many2one("res.users", string="Buyer", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    date_approve = fields.Datetime(string="Confirmation Date", readonly=True)
    date_committed = fields.Datetime(string="Committed Date", readonly=True)
    date_last_receipt = fields.Datetime(string="Last Receipt", readonly=True)
    qty_ordered = fields.Float(string="Ordered", readonly=True)
    qty_received = fields.Float(string="Received", readonly=True)
    qty_returned = fields.Float(string="Returned", readonly=True)
    qty_filled = fields.Float(
        string="Filled",
        readonly=True,
        help="Quantity received, returns deducted, up to the quantity ordered.",
    )
    on_time = fields.Boolean(
        readonly=True,
        help="The whole received quantity arrived by the committed date.",
    )
    in_full = fields.Boolean(
        readonly=True,
        help="The quantity received, returns deducted, covers the order.",
    )
    on_time_count = fields.Integer(string="On Time Lines", readonly=True)
    otif_count = fields.Integer(string="On Time in Full Lines", readonly=True)
    lead_time_days = fields.Float(
        string="Lead Time (days)",
        readonly=True,
        aggregator="avg",
        help="Days from the order's confirmation to the last receipt of the line.",
    )
    lead_time_variance_days = fields.Float(
        string="Lead Time Variance (days)",
        readonly=True,
        aggregator="avg",
        help="Days between the last receipt and the committed date: positive "
        "when late.",
    )

    def init(self):
        drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )

    def _query(self):
        """One row per scored line, with its receipts and returns.

        A line is received in full when the quantity received, returns
        deducted, is not under the ordered quantity at the rounding of the
        product's unit; it is on time when something was received, the last
        receipt was not after the committed day and no receipt is pending.
        """
        return SQL(
            """
            SELECT line.*,
                   line.on_time::integer AS on_time_count,
                   (line.on_time AND line.in_full)::integer AS otif_count,
                   LEAST(GREATEST(line.qty_received - line.qty_returned, 0),
                         line.qty_ordered) AS qty_filled,
                   EXTRACT(EPOCH FROM line.date_last_receipt - line.date_approve)
                       / 86400.0 AS lead_time_days,
                   EXTRACT(EPOCH FROM line.date_last_receipt - line.date_committed)
                       / 86400.0 AS lead_time_variance_days
              FROM (
                SELECT pol.id,
                       pol.id AS order_line_id,
                       pol.order_id,
                       po.company_id,
                       rp.commercial_partner_id AS partner_id,
                       po.requisition_id,
                       po.user_id,
                       pol.product_id,
                       po.date_approve,
                       pol.date_committed,
                       pol.product_uom_qty AS qty_ordered,
                       COALESCE(moves.received, 0) AS qty_received,
                       LEAST(COALESCE(moves.returned, 0),
                             COALESCE(moves.received, 0)) AS qty_returned,
                       moves.last_receipt AS date_last_receipt,
                       COALESCE(moves.received, 0) > 0
                           AND moves.last_receipt::date <= pol.date_committed::date
                           AND NOT COALESCE(moves.pending, FALSE) AS on_time,
                       COALESCE(moves.received, 0) - COALESCE(moves.returned, 0)
                           >= pol.product_uom_qty - uom.rounding / 2 AS in_full
                  FROM purchase_order_line pol
                  JOIN purchase_order po ON po.id = pol.order_id
                  JOIN res_partner rp ON rp.id = po.partner_id
                  JOIN product_product pp ON pp.id = pol.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                  JOIN uom_uom uom ON uom.id = pt.uom_id
                  LEFT JOIN (
                    SELECT sm.purchase_line_id AS line_id,
                           SUM(sm.product_qty) FILTER (WHERE sm.state = 'done'
                               AND src.usage = 'supplier') AS received,
                           SUM(sm.product_qty) FILTER (WHERE sm.state = 'done'
                               AND dst.usage = 'supplier') AS returned,
                           MAX(sm.date) FILTER (WHERE sm.state = 'done'
                               AND src.usage = 'supplier') AS last_receipt,
                           BOOL_OR(sm.state NOT IN ('done', 'cancel')
                               AND src.usage = 'supplier') AS pending
                      FROM stock_move sm
                      JOIN stock_location src ON src.id = sm.location_id
                      JOIN stock_location dst ON dst.id = sm.location_dest_id
                     WHERE sm.purchase_line_id IS NOT NULL
                     GROUP BY sm.purchase_line_id
                  ) moves ON moves.line_id = pol.id
                 WHERE po.state IN ('purchase', 'done')
                   AND pol.display_type IS NULL
                   AND pt.type = 'consu'
                   AND pol.product_uom_qty > 0
                   AND pol.date_committed IS NOT NULL
              ) line
            """
        )
