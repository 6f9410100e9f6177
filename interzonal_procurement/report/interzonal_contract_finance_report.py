# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import SQL
from odoo.tools.sql import drop_view_if_exists

# Days after the bill date beyond which an unpaid bill is overdue (DOMAIN:
# 30 days for verification plus payment).
UNPAID_DAYS = 30


class InterzonalContractFinanceReport(models.Model):
    """Contract money of framework agreements, one row per event.

    - ``ceiling``: a lot of an agreement, dated from its start, with its ceiling;
    - ``commitment``: a line of a placed call-off, on its placing day, with its
      share of what the call-off froze;
    - ``receipt``: the received quantity of a call-off line, on its last receipt;
    - ``bill`` / ``credit_note``: a posted vendor bill or credit note line of a
      call-off line, on the bill date, with its paid part.

    Amounts are in the lot's currency, at the rate the call-off froze, as the
    lots' own figures (``interzonal.contract.money.mixin``): summing the rows
    of a lot gives the lot's figures, each event counted once.
    """

    _name = "interzonal.contract.finance.report"
    _description = "Contract Money Analysis"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "requisition_id"
    # Searching the view flushes what it reads.
    _depends = {
        "purchase.order.line": [
            "order_id",
            "product_id",
            "price_subtotal",
            "product_qty",
            "qty_received",
            "display_type",
        ],
        "purchase.order": [
            "company_id",
            "framework_agreement_id",
            "requisition_id",
            "zone_id",
            "partner_id",
            "call_off_date",
            "call_off_amount",
            "amount_untaxed",
            "state",
        ],
        "purchase.requisition": [
            "company_id",
            "framework_agreement_id",
            "vendor_id",
            "currency_id",
            "date_start",
            "ceiling_amount",
        ],
        "interzonal.framework.agreement": ["date_start"],
        "stock.move": ["purchase_line_id", "state", "date"],
        "account.move.line": [
            "move_id",
            "purchase_line_id",
            "price_subtotal",
            "parent_state",
            "display_type",
        ],
        "account.move": [
            "move_type",
            "payment_state",
            "amount_total",
            "amount_residual",
            "invoice_date",
            "invoice_date_due",
            "date",
        ],
        "res.company": ["fiscalyear_last_month", "fiscalyear_last_day"],
    }

    event_type = fields.Selection(
        [
            ("ceiling", "Ceiling"),
            ("commitment", "Commitment"),
            ("receipt", "Receipt"),
            ("bill", "Vendor Bill"),
            ("credit_note", "Credit Note"),
        ],
        string="Event",
        readonly=True,
    )
    company_id = fields.Many2one("res.company", readonly=True)
    agreement_id = fields.Many2one(
        "interzonal.framework.agreement", string="Framework Agreement", readonly=True
    )
    requisition_id = fields.Many2one(
        "purchase.requisition", string="Lot", readonly=True
    )
    zone_id = fields.Many2one("interzonal.zone", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Supplier", readonly=True)
    purchase_order_id = fields.Many2one(
        "purchase.order", string="Call-off", readonly=True
    )
    purchase_line_id = fields.Many2one(
        "purchase.order.line", string="Call-off Line", readonly=True
    )
    product_id = fields.Many2one("product.product", readonly=True)
    move_id = fields.Many2one("account.move", string="Bill", readonly=True)
    date = fields.Date(readonly=True)
    date_due = fields.Date(string="Due Date", readonly=True)
    fiscal_year = fields.Char(
        readonly=True, help="Year in which the company's fiscal year ends."
    )
    currency_id = fields.Many2one("res.currency", readonly=True)
    ceiling_amount = fields.Monetary(string="Ceiling", readonly=True)
    committed_amount = fields.Monetary(string="Committed", readonly=True)
    received_amount = fields.Monetary(string="Received", readonly=True)
    invoiced_amount = fields.Monetary(string="Invoiced", readonly=True)
    paid_amount = fields.Monetary(string="Paid", readonly=True)
    committed_not_invoiced_amount = fields.Monetary(
        string="Committed Not Invoiced", readonly=True
    )
    remaining_amount = fields.Monetary(string="Remaining", readonly=True)
    unpaid_amount = fields.Monetary(string="Unpaid", readonly=True)
    is_not_fully_invoiced = fields.Boolean(
        string="Committed Not Invoiced Line",
        readonly=True,
        help="The call-off line commits more than its bills invoice.",
    )
    is_current_fiscal_year = fields.Boolean(
        string="This Fiscal Year",
        compute="_compute_is_current_fiscal_year",
        search="_search_is_current_fiscal_year",
    )
    is_overdue_unpaid = fields.Boolean(
        string="Unpaid for Over 30 Days",
        compute="_compute_is_overdue_unpaid",
        search="_search_is_overdue_unpaid",
    )

    def _compute_is_current_fiscal_year(self):
        today = fields.Date.context_today(self)
        for row in self:
            dates = row.company_id.compute_fiscalyear_dates(today)
            row.is_current_fiscal_year = bool(row.date) and (
                dates["date_from"] <= row.date <= dates["date_to"]
            )

    def _search_is_current_fiscal_year(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        today = fields.Date.context_today(self)
        domains = []
        for company in self.env.companies:
            dates = company.compute_fiscalyear_dates(today)
            domains.append(
                [
                    ("company_id", "=", company.id),
                    ("date", ">=", dates["date_from"]),
                    ("date", "<=", dates["date_to"]),
                ]
            )
        domain = expression.OR(domains) if domains else expression.FALSE_DOMAIN
        if (operator == "=") != value:
            domain = ["!", *domain]
        return domain

    def _compute_is_overdue_unpaid(self):
        limit = fields.Date.context_today(self) - timedelta(days=UNPAID_DAYS)
        for row in self:
            row.is_overdue_unpaid = (
                row.event_type == "bill"
                and bool(row.date)
                and row.date < limit
                and row.currency_id.compare_amounts(row.unpaid_amount, 0.0) > 0
            )

    def _search_is_overdue_unpaid(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        limit = fields.Date.context_today(self) - timedelta(days=UNPAID_DAYS)
        domain = [
            ("event_type", "=", "bill"),
            ("date", "<", limit),
            ("unpaid_amount", ">", 0.005),
        ]
        if (operator == "=") != value:
            domain = ["!", *expression.normalize_domain(domain)]
        return domain

    def init(self):
        drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(),
            )
        )

    @api.model
    def _query(self):
        return SQL(
            """
WITH call_off_line AS (
    SELECT pol.id AS line_id, po.id AS order_id, po.company_id,
           po.framework_agreement_id AS agreement_id, po.requisition_id,
           po.zone_id, po.partner_id, pol.product_id, po.call_off_date,
           lot.currency_id, pol.price_subtotal, pol.product_qty,
           pol.qty_received,
           CASE WHEN po.amount_untaxed <> 0
                THEN po.call_off_amount / po.amount_untaxed ELSE 1 END AS rate
      FROM purchase_order_line pol
      JOIN purchase_order po ON po.id = pol.order_id
      JOIN purchase_requisition lot ON lot.id = po.requisition_id
     WHERE po.framework_agreement_id IS NOT NULL
       AND po.state IN ('purchase', 'done')
       AND pol.display_type IS NULL
), event AS (
    SELECT lot.id * 8 + 4 AS id, 'ceiling' AS event_type, lot.company_id,
           lot.framework_agreement_id AS agreement_id,
           lot.id AS requisition_id, NULL::integer AS zone_id,
           lot.vendor_id AS partner_id, NULL::integer AS purchase_order_id,
           NULL::integer AS purchase_line_id, NULL::integer AS product_id,
           NULL::integer AS move_id,
           COALESCE(lot.date_start, agreement.date_start) AS date,
           NULL::date AS date_due, lot.currency_id,
           COALESCE(lot.ceiling_amount, 0) AS ceiling_amount,
           0 AS committed_amount, 0 AS received_amount,
           0 AS invoiced_amount, 0 AS paid_amount
      FROM purchase_requisition lot
      JOIN interzonal_framework_agreement agreement
        ON agreement.id = lot.framework_agreement_id
    UNION ALL
    SELECT line_id * 8 + 1, 'commitment', company_id, agreement_id,
           requisition_id, zone_id, partner_id, order_id, line_id, product_id,
           NULL, call_off_date, NULL, currency_id,
           0, price_subtotal * rate, 0, 0, 0
      FROM call_off_line
    UNION ALL
    SELECT l.line_id * 8 + 2, 'receipt', l.company_id, l.agreement_id,
           l.requisition_id, l.zone_id, l.partner_id, l.order_id, l.line_id,
           l.product_id, NULL,
           COALESCE(
               (SELECT max(sm.date)::date FROM stock_move sm
                 WHERE sm.purchase_line_id = l.line_id AND sm.state = 'done'),
               l.call_off_date
           ),
           NULL, l.currency_id,
           0, 0, l.qty_received * l.price_subtotal / l.product_qty * l.rate, 0, 0
      FROM call_off_line l
     WHERE l.qty_received <> 0 AND l.product_qty <> 0
    UNION ALL
    SELECT aml.id * 8 + 3,
           CASE WHEN am.move_type = 'in_refund' THEN 'credit_note' ELSE 'bill' END,
           l.company_id, l.agreement_id, l.requisition_id, l.zone_id,
           l.partner_id, l.order_id, l.line_id, l.product_id, am.id,
           COALESCE(am.invoice_date, am.date), am.invoice_date_due,
           l.currency_id, 0, 0, 0, bill.invoiced, bill.invoiced * bill.paid_ratio
      FROM account_move_line aml
      JOIN account_move am ON am.id = aml.move_id
      JOIN call_off_line l ON l.line_id = aml.purchase_line_id
     CROSS JOIN LATERAL (
        SELECT CASE WHEN am.move_type = 'in_refund' THEN -1 ELSE 1 END
                   * aml.price_subtotal * l.rate AS invoiced,
               CASE WHEN am.payment_state = 'not_paid' THEN 0
                    WHEN COALESCE(am.amount_total, 0) = 0 THEN 1
                    ELSE LEAST(GREATEST(
                        1 - am.amount_residual / am.amount_total, 0), 1)
               END AS paid_ratio
     ) bill
     WHERE aml.parent_state = 'posted'
       AND am.move_type IN ('in_invoice', 'in_refund')
       AND aml.display_type = 'product'
)
SELECT event.*,
       (EXTRACT(YEAR FROM event.date)::integer
        + CASE WHEN to_char(event.date, 'MMDD') > lpad(
                   company.fiscalyear_last_month, 2, '0')
                   || lpad(company.fiscalyear_last_day::text, 2, '0')
               THEN 1 ELSE 0 END)::varchar AS fiscal_year,
       event.committed_amount - event.invoiced_amount
           AS committed_not_invoiced_amount,
       event.ceiling_amount - event.committed_amount AS remaining_amount,
       event.invoiced_amount - event.paid_amount AS unpaid_amount,
       event.purchase_line_id IS NOT NULL AND SUM(
           event.committed_amount - event.invoiced_amount
       ) OVER (PARTITION BY event.purchase_line_id) > currency.rounding / 2
           AS is_not_fully_invoiced
  FROM event
  JOIN res_company company ON company.id = event.company_id
  JOIN res_currency currency ON currency.id = event.currency_id
            """
        )
