# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL


class InterzonalSupplierScorecardStats(models.AbstractModel):
    """Figures of a scorecard period per supplier, and per supplier and lot,
    in one grouped query over the scored lines, their bills and the buyers'
    ratings of their orders."""

    _name = "interzonal.supplier.scorecard.stats"
    _description = "Supplier Scorecard Figures"

    @api.model
    def _read_stats(self, company, date_from, date_to, partners, by_lot):
        """{(supplier id, lot id or False): row} for the period.

        A line counts once its committed date, inside the period, has passed.
        ``partners``: a tuple of commercial partner ids, or None for all.
        """
        select_lot, group_by = self._group_sql(by_lot)
        return self._keyed_rows(
            SQL(
                """
                WITH %(lines)s, %(bill_ctes)s, %(rating_ctes)s,
                line_stats AS (
                    SELECT partner_id, %(select_lot)s,
                           COUNT(*) AS line_count,
                           SUM(on_time_count) AS on_time_count,
                           SUM(otif_count) AS otif_count,
                           SUM(qty_filled) AS filled_qty,
                           SUM(qty_ordered) AS ordered_qty,
                           SUM(qty_received) AS received_qty,
                           SUM(qty_returned) AS returned_qty,
                           AVG(lead_time_days) AS lead_time,
                           AVG(lead_time_variance_days) AS lead_time_variance,
                           (ARRAY_AGG(user_id ORDER BY date_approve DESC)
                               FILTER (WHERE user_id IS NOT NULL))[1] AS user_id
                      FROM lines
                     GROUP BY %(group_by)s
                ),
                bill_stats AS (
                    SELECT partner_id, %(select_lot)s,
                           COUNT(DISTINCT bills.bill_id) AS bill_count,
                           COUNT(DISTINCT bills.bill_id) FILTER (WHERE bills.accurate)
                               AS accurate_count
                      FROM bill_groups
                      JOIN bills ON bills.bill_id = bill_groups.bill_id
                     GROUP BY %(group_by)s
                ),
                rating_stats AS (
                    SELECT partner_id, %(select_lot)s,
                           COUNT(*) AS evaluation_count,
                           AVG(average_rating) AS rating
                      FROM rated
                     GROUP BY %(group_by)s
                )
                SELECT line_stats.*,
                       COALESCE(bill_stats.bill_count, 0) AS bill_count,
                       COALESCE(bill_stats.accurate_count, 0) AS accurate_count,
                       COALESCE(rating_stats.evaluation_count, 0) AS evaluation_count,
                       rating_stats.rating
                  FROM line_stats
                  LEFT JOIN bill_stats
                    ON bill_stats.partner_id = line_stats.partner_id
                   AND bill_stats.all_lots = line_stats.all_lots
                   AND bill_stats.requisition_id
                       IS NOT DISTINCT FROM line_stats.requisition_id
                  LEFT JOIN rating_stats
                    ON rating_stats.partner_id = line_stats.partner_id
                   AND rating_stats.all_lots = line_stats.all_lots
                   AND rating_stats.requisition_id
                       IS NOT DISTINCT FROM line_stats.requisition_id
                """,
                lines=self._lines_cte_sql(company, date_from, date_to, partners),
                bill_ctes=self._bill_ctes_sql(),
                rating_ctes=self._rating_ctes_sql(),
                select_lot=select_lot,
                group_by=group_by,
            )
        )

    @api.model
    def _lines_cte_sql(self, company, date_from, date_to, partners):
        """CTE ``lines``: the scored lines of the period."""
        Line = self.env["interzonal.supplier.scorecard.line"]
        return SQL(
            """
            lines AS (
                SELECT * FROM %(view)s
                 WHERE company_id = %(company)s
                   AND date_committed >= %(start)s
                   AND date_committed < %(stop)s
                   AND date_committed <= %(now)s
                   %(partner_filter)s
            )
            """,
            view=SQL.identifier(Line._table),
            company=company.id,
            start=fields.Datetime.to_datetime(date_from),
            stop=fields.Datetime.to_datetime(date_to + relativedelta(days=1)),
            now=fields.Datetime.now(),
            partner_filter=SQL("AND partner_id IN %s", partners) if partners else SQL(),
        )

    @api.model
    def _group_sql(self, by_lot):
        """Grouping per supplier, plus per supplier and lot when asked."""
        if by_lot:
            return (
                SQL("requisition_id, GROUPING(requisition_id) = 1 AS all_lots"),
                SQL("GROUPING SETS ((partner_id), (partner_id, requisition_id))"),
            )
        return SQL("NULL::integer AS requisition_id, TRUE AS all_lots"), SQL(
            "partner_id"
        )

    @api.model
    def _keyed_rows(self, query):
        """Rows of a grouped query by (supplier, lot); lot False = all lots.

        Lines without a lot are part of the all-lots group only.
        """
        self.env.cr.execute(query)
        result = {}
        for row in self.env.cr.dictfetchall():
            if not row["all_lots"] and not row["requisition_id"]:
                continue
            key = (row["partner_id"], row["requisition_id"] or False)
            result[key] = row
        return result

    @api.model
    def _bill_ctes_sql(self):
        """CTEs ``bills`` (posted bills of the scored lines and whether each
        is accurate) and ``bill_groups`` (their supplier and lot).

        A bill is accurate when each of its lines matches the order line's
        price at the rounding of the order's currency, does not bill more
        than ordered at the rounding of the line's unit, and no credit note
        corrects those order lines.
        """
        return SQL(
            """
            bill_lines AS (
                SELECT am.id AS bill_id, am.move_type, aml.purchase_line_id,
                       aml.price_unit, aml.quantity
                  FROM account_move_line aml
                  JOIN account_move am ON am.id = aml.move_id
                  JOIN lines ON lines.id = aml.purchase_line_id
                 WHERE am.state = 'posted'
                   AND am.move_type IN ('in_invoice', 'in_refund')
            ),
            corrected AS (
                SELECT DISTINCT purchase_line_id
                  FROM bill_lines WHERE move_type = 'in_refund'
            ),
            bills AS (
                SELECT bl.bill_id,
                       BOOL_AND(ABS(bl.price_unit - pol.price_unit)
                               < currency.rounding / 2
                           AND bl.quantity <= pol.product_qty + uom.rounding / 2
                           AND corrected.purchase_line_id IS NULL) AS accurate
                  FROM bill_lines bl
                  JOIN purchase_order_line pol ON pol.id = bl.purchase_line_id
                  JOIN res_currency currency ON currency.id = pol.currency_id
                  JOIN uom_uom uom ON uom.id = pol.product_uom
                  LEFT JOIN corrected
                    ON corrected.purchase_line_id = bl.purchase_line_id
                 WHERE bl.move_type = 'in_invoice'
                 GROUP BY bl.bill_id
            ),
            bill_groups AS (
                SELECT DISTINCT bl.bill_id, lines.partner_id, lines.requisition_id
                  FROM bill_lines bl
                  JOIN lines ON lines.id = bl.purchase_line_id
                 WHERE bl.move_type = 'in_invoice'
            )
            """
        )

    @api.model
    def _rating_ctes_sql(self):
        """CTE ``rated``: the buyers' ratings of the scored orders."""
        return SQL(
            """
            orders AS (
                SELECT DISTINCT order_id, partner_id, requisition_id FROM lines
            ),
            rated AS (
                SELECT orders.partner_id, orders.requisition_id, ev.average_rating
                  FROM interzonal_supplier_evaluation ev
                  JOIN orders ON orders.order_id = ev.purchase_order_id
            )
            """
        )

    @api.model
    def _read_history(self, company, period_type, date_from, date_to, partners, by_lot):
        """The stored scorecards a computation of a period builds on, in one
        query: per (supplier, lot), the latest earlier scorecard of the same
        kind, and the scorecards of this very period, which it replaces.

        Returns the previous scorecards' rows keyed by (supplier, lot), and
        the list of the replaced scorecards' rows."""
        self.env.cr.execute(
            SQL(
                """
                WITH cards AS (
                    SELECT id, partner_id, requisition_id, score,
                           data_sufficient, alert_active, alert_pending,
                           date_from, date_to
                      FROM interzonal_supplier_scorecard
                     WHERE company_id = %(company)s
                       AND period_type = %(period_type)s
                       AND date_to <= %(date_to)s
                       %(partner_filter)s
                )
                (SELECT DISTINCT ON (partner_id, requisition_id)
                        FALSE AS replaced, *
                   FROM cards
                  WHERE date_to < %(date_to)s
                  ORDER BY partner_id, requisition_id, date_to DESC, id DESC)
                UNION ALL
                SELECT TRUE AS replaced, *
                  FROM cards
                 WHERE date_from = %(date_from)s
                   AND date_to = %(date_to)s
                   %(lot_filter)s
                """,
                company=company.id,
                period_type=period_type,
                date_from=date_from,
                date_to=date_to,
                partner_filter=SQL("AND partner_id IN %s", partners)
                if partners
                else SQL(),
                lot_filter=SQL() if by_lot else SQL("AND requisition_id IS NULL"),
            )
        )
        previous, replaced = {}, []
        for row in self.env.cr.dictfetchall():
            if row["replaced"]:
                replaced.append(row)
            else:
                previous[row["partner_id"], row["requisition_id"] or False] = row
        return previous, replaced

    @api.model
    def _lines_domain(self, company, date_from, date_to, partners):
        """Domain of the scored lines of a period (see ``_lines_cte_sql``)."""
        domain = [
            ("company_id", "=", company.id),
            ("date_committed", ">=", fields.Datetime.to_datetime(date_from)),
            (
                "date_committed",
                "<",
                fields.Datetime.to_datetime(date_to + relativedelta(days=1)),
            ),
            ("date_committed", "<=", fields.Datetime.now()),
        ]
        if partners:
            domain.append(("partner_id", "in", list(partners)))
        return domain
