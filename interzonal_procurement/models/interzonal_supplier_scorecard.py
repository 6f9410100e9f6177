# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

GRADES = [
    ("A", "A"),
    ("B", "B"),
    ("C", "C"),
    ("D", "D"),
    ("insufficient", "Insufficient data"),
]
# Who computes scorecards: their readers.
COMPUTING_GROUPS = (
    "interzonal_procurement.group_buyer",
    "interzonal_procurement.group_finance",
)


class InterzonalSupplierScorecard(models.Model):
    """A supplier's graded performance over a period, over all its lots or
    for one lot: the figures of the scored lines, a score weighted by the
    company's settings, a grade, the trend from the previous period and an
    alert when the supplier falls under the company's targets."""

    _name = "interzonal.supplier.scorecard"
    _inherit = ["interzonal.supplier.performance.mixin"]
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
        help="Buyer of the supplier's latest order in the period: the one alerted.",
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
    # Actions
    # ------------------------------------------------------------------

    def action_recompute(self):
        """Compute the periods of these scorecards again for their suppliers
        and show the new scorecards."""
        self._check_compute_access()
        cards = self.browse()
        periods = self.grouped(
            lambda c: (c.company_id, c.period_type, c.date_from, c.date_to)
        )
        for (company, period_type, date_from, date_to), group in periods.items():
            cards |= self.with_company(company).compute_for_period(
                date_from,
                date_to,
                partner_ids=group.partner_id.ids,
                by_lot=bool(group.requisition_id),
                period_type=period_type,
            )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "interzonal_procurement.interzonal_supplier_scorecard_action"
        )
        action.update(domain=[("id", "in", cards.ids)], context={})
        return action

    def action_view_lines(self):
        """The scored lines of this scorecard."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "interzonal_procurement.interzonal_supplier_scorecard_line_action"
        )
        action.update(domain=self._lines_domain(), context={})
        return action

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------

    @api.model
    def _check_compute_access(self):
        if self.env.su or any(self.env.user.has_group(g) for g in COMPUTING_GROUPS):
            return
        raise AccessError(
            _("Only buyers and finance officers compute supplier scorecards.")
        )

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
        self._check_compute_access()
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
        Stats = self.env["interzonal.supplier.scorecard.stats"]
        stats = Stats._read_stats(company, date_from, date_to, partners, by_lot)
        previous, replaced = Stats._read_history(
            company, period_type, date_from, date_to, partners, by_lot
        )
        replaced_by_key = {
            (row["partner_id"], row["requisition_id"] or False): row for row in replaced
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
            vals["alert_pending"] = self.env[
                "interzonal.supplier.scorecard.alert"
            ]._is_alert_due(vals, previous.get(key), replaced_by_key.get(key))
            vals_list.append(vals)
        # sudo: the replaced scorecards go with the caller's right to compute
        self.sudo().browse([row["id"] for row in replaced]).unlink()
        # sudo: scorecards are written as superuser, their readers compute
        # them; the caller's group was checked by _check_compute_access.
        Scorecard = self.sudo()
        scorecards = Scorecard.create(vals_list) if vals_list else Scorecard
        if any(vals["alert_pending"] for vals in vals_list):
            # sudo: only wakes the alert cron up, which the caller may not read;
            # its id is looked up (cached), not read.
            cron_id = self.env["ir.model.data"]._xmlid_to_res_id(
                "interzonal_procurement.ir_cron_send_scorecard_alerts",
                raise_if_not_found=True,
            )
            self.env["ir.cron"].sudo().browse(cron_id)._trigger()
        # sudo: back to the caller's own rights.
        return scorecards.sudo(self.env.su)

    # ------------------------------------------------------------------
    # Crons and screens
    # ------------------------------------------------------------------

    @api.model
    def _cron_send_alerts(self, batch_size=1000):
        """Deliver the pending alerts (see ``interzonal.supplier.scorecard.alert``)."""
        self.env["interzonal.supplier.scorecard.alert"]._send_pending(batch_size)

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

    def _lines_domain(self):
        """Domain of the scored lines of this scorecard."""
        self.ensure_one()
        domain = self.env["interzonal.supplier.scorecard.stats"]._lines_domain(
            self.company_id, self.date_from, self.date_to, (self.partner_id.id,)
        )
        if self.requisition_id:
            domain.append(("requisition_id", "=", self.requisition_id.id))
        return domain
