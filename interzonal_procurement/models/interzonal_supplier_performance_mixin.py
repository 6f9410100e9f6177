# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

# Fewer scored lines than this: the rates are not shown and no grade is given.
MIN_LINES = 5


class InterzonalSupplierPerformanceMixin(models.AbstractModel):
    """A supplier's measured performance over a set of scored lines: line
    count, delivery rates, lead times, returns, bills and ratings.

    A rate without data (too few lines, nothing received, no bill, no rating)
    is not stored; the flags ``data_sufficient``, ``has_receipts``,
    ``bill_count`` and ``evaluation_count`` tell which rates exist.
    """

    _name = "interzonal.supplier.performance.mixin"
    _description = "Supplier Performance Figures"

    line_count = fields.Integer(string="Scored Lines", readonly=True, aggregator="sum")
    data_sufficient = fields.Boolean(
        readonly=True,
        help="At least five order lines in the period. Below that, the rates "
        "are not available and the grade is 'Insufficient data'.",
    )
    otd_rate = fields.Float(
        string="OTD (%)",
        readonly=True,
        aggregator="avg",
        help="Lines whose whole received quantity arrived by the committed "
        "date, out of all lines.",
    )
    otif_rate = fields.Float(
        string="OTIF (%)",
        readonly=True,
        aggregator="avg",
        help="Lines on time and complete (returns deducted), out of all lines.",
    )
    avg_lead_time_days = fields.Float(
        string="Average Lead Time (days)",
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
    fill_rate = fields.Float(
        string="Fill Rate (%)",
        readonly=True,
        aggregator="avg",
        help="Quantity received, returns deducted, out of the quantity ordered.",
    )
    has_receipts = fields.Boolean(readonly=True)
    return_rate = fields.Float(
        string="Return Rate (%)",
        readonly=True,
        aggregator="avg",
        help="Quantity returned to the supplier out of the quantity received.",
    )
    bill_count = fields.Integer(readonly=True)
    invoice_accuracy = fields.Float(
        string="Invoice Accuracy (%)",
        readonly=True,
        aggregator="avg",
        help="Bills matching the order in price and quantity without a credit "
        "note, out of all bills.",
    )
    evaluation_count = fields.Integer(readonly=True)
    service_rating = fields.Float(
        readonly=True,
        aggregator="avg",
        help="Average of the buyers' ratings (1 to 5) of the orders.",
    )

    @api.model
    def _prepare_performance_vals(self, row):
        """Figures of one grouped row of the scored lines, bills and ratings
        (see ``interzonal.supplier.scorecard.stats``)."""
        count = row["line_count"]
        vals = {
            "line_count": count,
            "data_sufficient": count >= MIN_LINES,
            "bill_count": row["bill_count"],
            "evaluation_count": row["evaluation_count"],
            "has_receipts": bool(row["received_qty"]),
        }
        if not vals["data_sufficient"]:
            return vals

        def rate(part, whole):
            return min(max(100.0 * (part or 0.0) / whole, 0.0), 100.0)

        vals.update(
            otd_rate=rate(row["on_time_count"], count),
            otif_rate=rate(row["otif_count"], count),
            fill_rate=rate(row["filled_qty"], row["ordered_qty"]),
        )
        if row["lead_time"]:
            vals["avg_lead_time_days"] = row["lead_time"]
        if row["lead_time_variance"]:
            vals["lead_time_variance_days"] = row["lead_time_variance"]
        if row["received_qty"]:
            vals["return_rate"] = rate(row["returned_qty"], row["received_qty"])
        if row["bill_count"]:
            vals["invoice_accuracy"] = rate(row["accurate_count"], row["bill_count"])
        if row["evaluation_count"]:
            vals["service_rating"] = float(row["rating"])
        return vals
