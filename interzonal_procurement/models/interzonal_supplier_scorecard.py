import json
from collections import defaultdict

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, format_date

# Fewer scored lines than this: the rates are not shown and no grade is given.
MIN_LINES = 5
# Quantity tolerance when comparing received and ordered quantities.
QTY_EPSILON = 0.00001
# A score change smaller than this is reported as stable.
TREND_DEADBAND = 2.0
GRADES = [
    ("A", "A"),
    ("B", "B"),
    ("C", "C"),
    ("D", "D"),
    ("insufficient", "Insufficient data"),
]


class InterzonalSupplierScorecard(models.Model):
    _name = "interzonal.supplier.scorecard"
    _description = "Supplier Scorecard"
    _order = "date_to desc, score desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["partner_id.name", "requisition_id.name"]

    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        default=lambda self: self.env.company,
        index=True,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Supplier", required=True, readonly=True, index=True
    )
    requisition_id = fields.Many2one(
        "purchase.requisition",
        string="Lot",
        readonly=True,
        index=True,
        check_company=True,
        help="Empty: all the supplier's orders, whatever the lot.",
    )
    period_type = fields.Selection(
        [
            ("rolling", "Rolling 12 months"),
            ("month", "Calendar month"),
            ("custom", "Custom period"),
        ],
        required=True,
        readonly=True,
        default="custom",
    )
    date_from = fields.Date(required=True, readonly=True)
    date_to = fields.Date(required=True, readonly=True)
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
    score = fields.Float(readonly=True, aggregator="avg")
    grade = fields.Selection(
        GRADES,
        readonly=True,
        required=True,
        default="insufficient",
    )
    previous_score = fields.Float(readonly=True)
    previous_score_available = fields.Boolean(readonly=True)
    trend = fields.Selection(
        [
            ("new", "New"),
            ("up", "Improving"),
            ("stable", "Stable"),
            ("down", "Declining"),
        ],
        readonly=True,
        default="new",
    )
    alert_active = fields.Boolean(
        readonly=True,
        help="The grade is C or D, or the OTD is under the company's target.",
    )
    alert_pending = fields.Boolean(
        readonly=True,
        index="btree_not_null",
        help="The supplier fell into alert with this scorecard: the buyer's "
        "activity and the note on the supplier are on their way.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Buyer",
        readonly=True,
        help="Buyer of the supplier's latest order in the period: the one " "alerted.",
    )

    _sql_constraints = [
        (
            "rates_range",
            "CHECK((otd_rate IS NULL OR otd_rate BETWEEN 0 AND 100) "
            "AND (otif_rate IS NULL OR otif_rate BETWEEN 0 AND 100) "
            "AND (fill_rate IS NULL OR fill_rate BETWEEN 0 AND 100) "
            "AND (return_rate IS NULL OR return_rate BETWEEN 0 AND 100) "
            "AND (invoice_accuracy IS NULL OR invoice_accuracy BETWEEN 0 AND 100) "
            "AND (score IS NULL OR score BETWEEN 0 AND 100))",
            "Every rate of a scorecard lies between 0 and 100 %.",
        ),
    ]

    @api.depends("partner_id", "requisition_id", "date_from", "date_to")
    def _compute_display_name(self):
        for card in self:
            card.display_name = _(
                "%(supplier)s, %(lot)s, %(date_from)s - %(date_to)s",
                supplier=card.partner_id.name or "",
                lot=card.requisition_id.name or _("all lots"),
                date_from=card.date_from or "",
                date_to=card.date_to or "",
            )

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------

    @api.model
    @api.returns("self", downgrade=lambda self, value, *args, **kwargs: value.ids)
    def compute_for_period(
        self, date_from, date_to, partner_ids=None, by_lot=False, period_type="custom"
    ):
        """(Re)compute the scorecards of the current company for a period.

        All the suppliers (or ``partner_ids``) at once, in a fixed number of
        grouped queries. ``by_lot`` adds one scorecard per supplier and lot.
        Scorecards of the same period and kind are replaced. A supplier that
        falls into alert is flagged, and the alert cron is triggered to note
        it on the supplier and give its buyer an activity.
        """
        # scorecards are written as superuser: only their readers compute them
        self.browse().check_access("read")
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        if not date_from or not date_to or date_from > date_to:
            raise UserError(_("The period must start before it ends."))
        company = self.env.company
        weights = company._scorecard_weights()
        if sum(weights.values()) != 100:
            raise UserError(
                _(
                    "The scorecard weights of %(company)s do not sum to 100.",
                    company=company.name,
                )
            )
        partners = (
            tuple(self.env["res.partner"].browse(partner_ids).commercial_partner_id.ids)
            if partner_ids
            else None
        )
        self.env.flush_all()
        scoped = self._scoped_lines_sql(company, date_from, date_to, partners)
        stats = self._query_stats(scoped, by_lot)
        previous = self._query_previous(company, period_type, date_to, partners)
        replaced = self._query_replaced(
            company, period_type, date_from, date_to, partners, by_lot
        )
        replaced_by_key = {
            (row["partner_id"], row["requisition_id"] or False): row
            for row in replaced.values()
        }
        vals_list = []
        for key, row in stats.items():
            vals = self._prepare_scorecard_vals(company, row, previous.get(key))
            vals.update(
                company_id=company.id,
                partner_id=key[0],
                requisition_id=key[1],
                period_type=period_type,
                date_from=date_from,
                date_to=date_to,
                user_id=row["user_id"] or False,
            )
            vals["alert_pending"] = self._is_alert_due(
                vals, previous.get(key), replaced_by_key.get(key)
            )
            vals_list.append(vals)
        self.browse(list(replaced)).sudo().unlink()
        scorecards = self._insert_scorecards(vals_list)
        if any(vals["alert_pending"] for vals in vals_list):
            self.env.ref(
                "interzonal_procurement.ir_cron_send_scorecard_alerts"
            ).sudo()._trigger()
        return scorecards

    @api.model
    def _insert_scorecards(self, vals_list):
        """Store the scorecards of a computation in a single INSERT.

        Scorecards are read-only snapshots without logic on creation; the ORM
        would insert them a hundred rows per query, and write 0.0 for a rate
        without data, which must stay NULL ("not available") so that averages
        leave it out.
        """
        if not vals_list:
            return self.browse()
        names = list(vals_list[0])
        fields_ = [self._fields[name] for name in names]
        rows = [
            {
                field.name: (
                    None
                    if vals[field.name] is False and field.type != "boolean"
                    else vals[field.name]
                )
                for field in fields_
            }
            for vals in vals_list
        ]
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO interzonal_supplier_scorecard (
                    %(columns)s, create_uid, write_uid, create_date, write_date)
                SELECT %(columns)s, %(uid)s, %(uid)s, %(now)s, %(now)s
                  FROM jsonb_to_recordset(%(rows)s::jsonb) AS row(%(definitions)s)
                RETURNING id
                """,
                columns=SQL(", ").join(SQL.identifier(name) for name in names),
                definitions=SQL(", ").join(
                    SQL("%s %s", SQL.identifier(field.name), SQL(field.column_type[1]))
                    for field in fields_
                ),
                rows=json.dumps(rows, default=str),
                uid=self.env.uid,
                now=self.env.cr.now(),
            )
        )
        return self.browse([row[0] for row in self.env.cr.fetchall()])

    @api.model
    def _scoped_lines_sql(self, company, date_from, date_to, partners):
        """CTEs ``scoped`` (the lines scored) and ``lines`` (their results).

        A line is scored once its committed date, inside the period, has
        passed; several receipts and backorders of a line stay one line.
        Quantities come from stock moves' ``product_qty``, in the product's
        unit of measure.
        """
        partner_filter = (
            SQL("AND rp.commercial_partner_id IN %s", partners) if partners else SQL()
        )
        return SQL(
            """
            scoped AS (
                SELECT pol.id AS line_id,
                       pol.order_id,
                       rp.commercial_partner_id AS partner_id,
                       po.requisition_id,
                       po.user_id,
                       po.date_approve,
                       pol.date_committed,
                       pol.product_uom_qty AS ordered
                  FROM purchase_order_line pol
                  JOIN purchase_order po ON po.id = pol.order_id
                  JOIN res_partner rp ON rp.id = po.partner_id
                  JOIN product_product pp ON pp.id = pol.product_id
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                 WHERE po.company_id = %(company)s
                   AND po.state IN ('purchase', 'done')
                   AND pol.display_type IS NULL
                   AND pt.type = 'consu'
                   AND pol.product_uom_qty > 0
                   AND pol.date_committed >= %(start)s
                   AND pol.date_committed < %(stop)s
                   AND pol.date_committed <= %(now)s
                   %(partner_filter)s
            ),
            moves AS (
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
                  JOIN scoped ON scoped.line_id = sm.purchase_line_id
                  JOIN stock_location src ON src.id = sm.location_id
                  JOIN stock_location dst ON dst.id = sm.location_dest_id
                 GROUP BY sm.purchase_line_id
            ),
            lines AS (
                SELECT scoped.*,
                       COALESCE(moves.received, 0) AS received,
                       LEAST(COALESCE(moves.returned, 0),
                             COALESCE(moves.received, 0)) AS returned,
                       moves.last_receipt,
                       COALESCE(moves.received, 0) > 0
                           AND moves.last_receipt::date <= scoped.date_committed::date
                           AND NOT COALESCE(moves.pending, FALSE) AS on_time,
                       COALESCE(moves.received, 0) - COALESCE(moves.returned, 0)
                           >= scoped.ordered - %(epsilon)s AS in_full
                  FROM scoped
                  LEFT JOIN moves ON moves.line_id = scoped.line_id
            )
            """,
            company=company.id,
            start=fields.Datetime.to_datetime(date_from),
            stop=fields.Datetime.to_datetime(date_to + relativedelta(days=1)),
            now=fields.Datetime.now(),
            partner_filter=partner_filter,
            epsilon=QTY_EPSILON,
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
    def _query_stats(self, scoped, by_lot):
        """Line, bill and rating figures per (supplier, lot) in one query."""
        select_lot, group_by = self._group_sql(by_lot)
        return self._keyed_rows(
            SQL(
                """
                WITH %(scoped)s, %(bill_ctes)s, %(rating_ctes)s,
                line_stats AS (
                    SELECT partner_id, %(select_lot)s,
                           COUNT(*) AS line_count,
                           COUNT(*) FILTER (WHERE on_time) AS on_time_count,
                           COUNT(*) FILTER (WHERE on_time AND in_full) AS otif_count,
                           SUM(LEAST(GREATEST(received - returned, 0), ordered))
                               AS filled_qty,
                           SUM(ordered) AS ordered_qty,
                           SUM(received) AS received_qty,
                           SUM(returned) AS returned_qty,
                           AVG(EXTRACT(EPOCH FROM last_receipt - date_approve)
                               / 86400.0) AS lead_time,
                           AVG(EXTRACT(EPOCH FROM last_receipt - date_committed)
                               / 86400.0) AS lead_time_variance,
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
                scoped=scoped,
                bill_ctes=self._bill_ctes_sql(),
                rating_ctes=self._rating_ctes_sql(),
                select_lot=select_lot,
                group_by=group_by,
            )
        )

    @api.model
    def _bill_ctes_sql(self):
        """CTEs ``bills`` (posted bills of the scored lines and whether each
        is accurate) and ``bill_groups`` (their supplier and lot).

        A bill is accurate when each of its lines matches the order line's
        price and quantity and no credit note corrects those order lines.
        """
        return SQL(
            """
            bill_lines AS (
                SELECT am.id AS bill_id, am.move_type, aml.purchase_line_id,
                       aml.price_unit, aml.quantity
                  FROM account_move_line aml
                  JOIN account_move am ON am.id = aml.move_id
                  JOIN scoped ON scoped.line_id = aml.purchase_line_id
                 WHERE am.state = 'posted'
                   AND am.move_type IN ('in_invoice', 'in_refund')
            ),
            corrected AS (
                SELECT DISTINCT purchase_line_id
                  FROM bill_lines WHERE move_type = 'in_refund'
            ),
            bills AS (
                SELECT bl.bill_id,
                       BOOL_AND(ABS(bl.price_unit - pol.price_unit) < 0.005
                           AND bl.quantity <= pol.product_qty + %(epsilon)s
                           AND corrected.purchase_line_id IS NULL) AS accurate
                  FROM bill_lines bl
                  JOIN purchase_order_line pol ON pol.id = bl.purchase_line_id
                  LEFT JOIN corrected
                    ON corrected.purchase_line_id = bl.purchase_line_id
                 WHERE bl.move_type = 'in_invoice'
                 GROUP BY bl.bill_id
            ),
            bill_groups AS (
                SELECT DISTINCT bl.bill_id, scoped.partner_id, scoped.requisition_id
                  FROM bill_lines bl
                  JOIN scoped ON scoped.line_id = bl.purchase_line_id
                 WHERE bl.move_type = 'in_invoice'
            )
            """,
            epsilon=QTY_EPSILON,
        )

    @api.model
    def _rating_ctes_sql(self):
        """CTE ``rated``: the buyers' ratings of the scored orders."""
        return SQL(
            """
            orders AS (
                SELECT DISTINCT order_id, partner_id, requisition_id FROM scoped
            ),
            rated AS (
                SELECT orders.partner_id, orders.requisition_id, ev.average_rating
                  FROM interzonal_supplier_evaluation ev
                  JOIN orders ON orders.order_id = ev.purchase_order_id
            )
            """
        )

    @api.model
    def _query_previous(self, company, period_type, date_to, partners):
        """Latest earlier scorecard of the same kind per (supplier, lot)."""
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT ON (partner_id, requisition_id)
                       partner_id, requisition_id, score, data_sufficient,
                       alert_active
                  FROM interzonal_supplier_scorecard
                 WHERE company_id = %(company)s
                   AND period_type = %(period_type)s
                   AND date_to < %(date_to)s
                   %(partner_filter)s
                 ORDER BY partner_id, requisition_id, date_to DESC, id DESC
                """,
                company=company.id,
                period_type=period_type,
                date_to=date_to,
                partner_filter=SQL("AND partner_id IN %s", partners)
                if partners
                else SQL(),
            )
        )
        return {
            (row["partner_id"], row["requisition_id"] or False): row
            for row in self.env.cr.dictfetchall()
        }

    @api.model
    def _query_replaced(
        self, company, period_type, date_from, date_to, partners, by_lot
    ):
        """Scorecards of the same period and kind, replaced by the new ones,
        by id."""
        self.env.cr.execute(
            SQL(
                """
                SELECT id, partner_id, requisition_id, alert_active, alert_pending
                  FROM interzonal_supplier_scorecard
                 WHERE company_id = %(company)s
                   AND period_type = %(period_type)s
                   AND date_from = %(date_from)s
                   AND date_to = %(date_to)s
                   %(partner_filter)s
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
        return {row["id"]: row for row in self.env.cr.dictfetchall()}

    @api.model
    def _prepare_scorecard_vals(self, company, row, previous):
        """Rates, score and grade of one scorecard from its grouped row.

        A rate without data (too few lines, no bill, no rating) is stored as
        NULL and left out of the score, whose weights are spread over the
        rates that exist.
        """
        count = row["line_count"]
        sufficient = count >= MIN_LINES
        vals = {
            "line_count": count,
            "data_sufficient": sufficient,
            "bill_count": row["bill_count"],
            "evaluation_count": row["evaluation_count"],
            "has_receipts": bool(row["received_qty"]),
            "otd_rate": False,
            "otif_rate": False,
            "fill_rate": False,
            "return_rate": False,
            "invoice_accuracy": False,
            "service_rating": False,
            "avg_lead_time_days": False,
            "lead_time_variance_days": False,
            "score": False,
            "grade": "insufficient",
            "alert_active": False,
            "previous_score": False,
            "previous_score_available": False,
            "trend": False,
        }
        if previous and previous["data_sufficient"]:
            vals["previous_score"] = previous["score"]
            vals["previous_score_available"] = True
        if not sufficient:
            return vals

        def rate(part, whole):
            return min(max(100.0 * (part or 0.0) / whole, 0.0), 100.0)

        rates = {
            "otd": rate(row["on_time_count"], count),
            "otif": rate(row["otif_count"], count),
            "fill": rate(row["filled_qty"], row["ordered_qty"]),
        }
        vals.update(
            otd_rate=rates["otd"],
            otif_rate=rates["otif"],
            fill_rate=rates["fill"],
            avg_lead_time_days=row["lead_time"] or False,
            lead_time_variance_days=row["lead_time_variance"] or False,
        )
        if row["received_qty"]:
            vals["return_rate"] = rate(row["returned_qty"], row["received_qty"])
            rates["return"] = 100.0 - vals["return_rate"]
        if row["bill_count"]:
            vals["invoice_accuracy"] = rate(row["accurate_count"], row["bill_count"])
            rates["invoice"] = vals["invoice_accuracy"]
        if row["evaluation_count"]:
            vals["service_rating"] = float(row["rating"])
            rates["service"] = rate(vals["service_rating"] - 1.0, 4.0)
        weights = company._scorecard_weights()
        total_weight = sum(weights[key] for key in rates)
        score = (
            sum(weights[key] * value for key, value in rates.items()) / total_weight
            if total_weight
            else rates["otif"]
        )
        score = round(min(max(score, 0.0), 100.0), 2)
        if score >= company.scorecard_grade_a_min:
            grade = "A"
        elif score >= company.scorecard_grade_b_min:
            grade = "B"
        elif score >= company.scorecard_grade_c_min:
            grade = "C"
        else:
            grade = "D"
        vals.update(
            score=score,
            grade=grade,
            alert_active=grade in ("C", "D")
            or rates["otd"] < company.scorecard_otd_target,
        )
        previous_score = vals["previous_score"]
        if not vals["previous_score_available"]:
            vals["trend"] = "new"
        elif score - previous_score >= TREND_DEADBAND:
            vals["trend"] = "up"
        elif previous_score - score >= TREND_DEADBAND:
            vals["trend"] = "down"
        else:
            vals["trend"] = "stable"
        return vals

    @api.model
    def _is_alert_due(self, vals, previous, replaced):
        """Whether a new scorecard alerts: the supplier falls into alert over
        all its lots, and was alerted neither for the previous period (it
        stays in alert) nor for this one (a recompute)."""
        if (
            not vals["alert_active"]
            or vals["requisition_id"]
            or vals["period_type"] == "month"
        ):
            return False
        if previous and previous["alert_active"]:
            return False
        # a replaced scorecard whose alert is still on its way hands it over
        return not (
            replaced and replaced["alert_active"] and not replaced["alert_pending"]
        )

    @api.model
    def _cron_send_alerts(self, batch_size=1000):
        """Deliver the pending alerts: a note on each supplier and an
        activity for its buyer, in the buyer's language.

        Triggered by the computation, so that scorecards are stored in a few
        queries and the alerts in their own transaction, a batch at a time.
        """
        Scorecard = self.sudo()
        cards = Scorecard.search(
            [("alert_pending", "=", True)], order="id", limit=batch_size
        )
        remaining = (
            Scorecard.search_count([("alert_pending", "=", True)]) - len(cards)
            if len(cards) == batch_size
            else 0
        )
        activity_type = self.env.ref(
            "interzonal_procurement.mail_activity_type_supplier_alert"
        )
        deadline = activity_type._get_date_deadline()
        partner_model_id = self.env["ir.model"]._get_id("res.partner")
        notes, activities = defaultdict(list), []
        for lang, lang_cards in cards.grouped(
            lambda card: card.user_id.lang or self.env.lang
        ).items():
            for card in lang_cards.with_context(lang=lang):
                body = card._alert_message()
                notes[card.partner_id.id].append(body)
                activities.append(
                    {
                        "res_model_id": partner_model_id,
                        "res_id": card.partner_id.id,
                        "activity_type_id": activity_type.id,
                        "summary": activity_type.with_context(lang=lang).summary,
                        "note": body,
                        "user_id": card.user_id.id or self.env.user.id,
                        "date_deadline": deadline,
                    }
                )
        cards.partner_id._message_log_batch(
            bodies={
                partner_id: Markup("<br/>").join(bodies)
                for partner_id, bodies in notes.items()
            }
        )
        Activity = (
            self.env["mail.activity"]
            .sudo()
            .with_context(mail_activity_quick_update=True)
        )
        # activities name their record one by one: fetch the names at once
        Activity.env["res.partner"].browse(cards.partner_id.ids).mapped("display_name")
        Activity.create(activities)
        cards.sudo().write({"alert_pending": False})
        self.env["ir.cron"]._notify_progress(done=len(cards), remaining=remaining)

    def _alert_message(self):
        self.ensure_one()
        company = self.company_id
        reasons = []
        if self.grade in ("C", "D"):
            reasons.append(_("grade %(grade)s", grade=self.grade))
        if self.otd_rate < company.scorecard_otd_target:
            reasons.append(
                _(
                    "on-time delivery %(otd).1f %% under the target of "
                    "%(target).1f %%",
                    otd=self.otd_rate,
                    target=company.scorecard_otd_target,
                )
            )
        separator = ", "
        reason_text = separator.join(reasons)
        return _(
            "Supplier performance alert for %(date_from)s - %(date_to)s: "
            "%(reasons)s (score %(score).1f).",
            date_from=format_date(self.env, self.date_from),
            date_to=format_date(self.env, self.date_to),
            reasons=reason_text,
            score=self.score,
        )

    # ------------------------------------------------------------------
    # Cron, screens and reports
    # ------------------------------------------------------------------

    @api.model
    def _cron_compute_scorecards(self):
        """Rolling 12 months per supplier and lot, and last calendar month."""
        today = fields.Date.context_today(self)
        month_end = today.replace(day=1) - relativedelta(days=1)
        month_start = month_end.replace(day=1)
        rolling_start = month_start - relativedelta(months=11)
        for company in self.env["res.company"].search([("active", "=", True)]):
            scorecards = self.with_company(company)
            scorecards.compute_for_period(
                rolling_start, month_end, by_lot=True, period_type="rolling"
            )
            scorecards.compute_for_period(month_start, month_end, period_type="month")

    @api.model
    def _latest_overall_by_partner(self, partner_ids):
        """Current all-lots scorecard per supplier, for the supplier form."""
        cards = self.search(
            [
                ("partner_id", "in", partner_ids),
                ("requisition_id", "=", False),
                ("period_type", "in", ("rolling", "custom")),
                ("company_id", "=", self.env.company.id),
            ],
            order="date_to desc, id desc",
        )
        latest = {}
        for card in cards:
            latest.setdefault(card.partner_id.id, card)
        return latest

    def _get_history(self):
        """Monthly scorecards of the 12 months up to this scorecard."""
        self.ensure_one()
        return self.search(
            [
                ("partner_id", "=", self.partner_id.id),
                ("requisition_id", "=", False),
                ("period_type", "=", "month"),
                ("company_id", "=", self.company_id.id),
                ("date_to", "<=", self.date_to),
                ("date_to", ">", self.date_to - relativedelta(months=12)),
            ],
            order="date_from asc",
        )

    def _get_late_lines(self):
        """Scored lines of this scorecard that were not on time."""
        self.ensure_one()
        scoped = self._scoped_lines_sql(
            self.company_id, self.date_from, self.date_to, (self.partner_id.id,)
        )
        lot_filter = (
            SQL("AND requisition_id = %s", self.requisition_id.id)
            if self.requisition_id
            else SQL()
        )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "WITH %s SELECT line_id FROM lines WHERE NOT on_time %s "
                "ORDER BY date_committed",
                scoped,
                lot_filter,
            )
        )
        # the lines are shown to whoever may read the scorecard
        return (
            self.env["purchase.order.line"]
            .sudo()
            .browse([row[0] for row in self.env.cr.fetchall()])
        )
