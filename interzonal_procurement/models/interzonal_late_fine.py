# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, format_amount, format_date

from .interzonal_framework_agreement import LATE_FINE_CAP, LATE_FINE_CAP_CRITERION

REMISSION_DAYS = 90

# Fields that set the amount of a fine: frozen once the fine is on a posted bill.
AMOUNT_FIELDS = {"days_late", "quantity", "late_value", "rate", "cap"}


class InterzonalLateFine(models.Model):
    _name = "interzonal.late.fine"
    _description = "Late-Delivery Fine"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_received desc, id desc"
    _check_company_auto = True

    purchase_line_id = fields.Many2one(
        "purchase.order.line",
        string="Order Line",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    purchase_order_id = fields.Many2one(
        related="purchase_line_id.order_id", store=True, index=True, string="Order"
    )
    stock_move_id = fields.Many2one(
        "stock.move",
        string="Receipt Move",
        required=True,
        readonly=True,
        ondelete="restrict",
        check_company=True,
    )
    picking_id = fields.Many2one(related="stock_move_id.picking_id", string="Receipt")
    partner_id = fields.Many2one(
        "res.partner", string="Supplier", required=True, readonly=True, index=True
    )
    product_id = fields.Many2one(related="purchase_line_id.product_id")
    product_uom_id = fields.Many2one(
        related="purchase_line_id.product_uom", string="Unit"
    )
    requisition_id = fields.Many2one(
        related="purchase_order_id.requisition_id", store=True, index=True, string="Lot"
    )
    framework_agreement_id = fields.Many2one(
        related="purchase_order_id.framework_agreement_id", store=True, index=True
    )
    date_committed = fields.Datetime(string="Committed Date", readonly=True)
    date_received = fields.Datetime(string="Receipt Date", readonly=True)
    days_late = fields.Integer(tracking=True)
    quantity = fields.Float(
        string="Late Quantity", digits="Product Unit of Measure", tracking=True
    )
    late_value = fields.Monetary(
        tracking=True, help="Untaxed value of what was delivered late."
    )
    rate = fields.Float(
        string="Rate (% per day)",
        digits=(16, 3),
        tracking=True,
        help="Fine per calendar day of delay, from the framework agreement.",
    )
    cap = fields.Float(
        string="Cap (%)",
        tracking=True,
        help="The fine never exceeds this share of the late value.",
    )
    amount = fields.Monetary(compute="_compute_amount", store=True, tracking=True)
    is_capped = fields.Boolean(string="Capped", compute="_compute_amount", store=True)
    currency_id = fields.Many2one("res.currency", required=True, readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    move_line_ids = fields.One2many(
        "account.move.line", "late_fine_id", string="Bill Lines", readonly=True
    )
    bill_id = fields.Many2one(
        "account.move",
        compute="_compute_bill_id",
        store=True,
        index=True,
    )
    state = fields.Selection(
        [
            ("to_withhold", "To Withhold"),
            ("withheld", "Withheld"),
            ("remitted", "Remitted"),
        ],
        compute="_compute_state",
        store=True,
        index=True,
        tracking=True,
    )
    remission_state = fields.Selection(
        [
            ("none", "Not Requested"),
            ("requested", "Requested"),
            ("granted", "Granted"),
            ("refused", "Refused"),
        ],
        default="none",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    remission_request_date = fields.Date(readonly=True, copy=False, tracking=True)
    remission_deadline = fields.Date(
        compute="_compute_remission_deadline",
        help="The supplier may ask for remission until this date: 90 days after "
        "the bill that withholds the fine, or after the receipt while the fine "
        "is not withheld yet.",
    )
    remission_note = fields.Text(tracking=True)
    remission_bill_id = fields.Many2one(
        "account.move",
        readonly=True,
        copy=False,
        check_company=True,
        help="Draft bill that pays back a remitted fine already withheld.",
    )

    _sql_constraints = [
        (
            "stock_move_uniq",
            "unique(stock_move_id)",
            "A receipt move bears at most one late-delivery fine.",
        ),
    ]

    @api.depends("days_late", "late_value", "rate", "cap", "currency_id")
    def _compute_amount(self):
        for fine in self:
            fine_amount = fine.late_value * fine.rate / 100.0 * fine.days_late
            cap_amount = fine.late_value * fine.cap / 100.0
            currency = fine.currency_id
            fine.is_capped = bool(currency) and (
                currency.compare_amounts(fine_amount, cap_amount) > 0
            )
            amount = min(fine_amount, cap_amount)
            fine.amount = currency.round(amount) if currency else amount

    @api.depends("move_line_ids.parent_state", "move_line_ids.move_id.move_type")
    def _compute_bill_id(self):
        for fine in self:
            fine.bill_id = fine._get_withholding_lines()[-1:].move_id

    @api.depends(
        "remission_state",
        "move_line_ids.parent_state",
        "move_line_ids.move_id.move_type",
    )
    def _compute_state(self):
        for fine in self:
            if fine.remission_state == "granted":
                fine.state = "remitted"
            elif "posted" in fine._get_withholding_lines().mapped("parent_state"):
                fine.state = "withheld"
            else:
                fine.state = "to_withhold"

    def _get_withholding_lines(self):
        """Bill lines that withhold the fine.

        Each posted credit note that carries the fine gives one posted bill
        back: the fine is then withheld again on the replacement bill, never
        lost and never paid back twice.
        """
        self.ensure_one()
        lines = self.move_line_ids.filtered(
            lambda line: line.parent_state != "cancel"
        ).sorted("id")
        refunded = len(
            lines.filtered(
                lambda line: line.move_id.move_type == "in_refund"
                and line.parent_state == "posted"
            )
        )
        bills = lines.filtered(lambda line: line.move_id.move_type == "in_invoice")
        posted = bills.filtered(lambda line: line.parent_state == "posted")
        return bills - posted[:refunded]

    @api.depends("state", "bill_id.invoice_date", "bill_id.date", "date_received")
    def _compute_remission_deadline(self):
        for fine in self:
            if fine.bill_id.state == "posted":
                start = fine.bill_id.invoice_date or fine.bill_id.date
            else:
                start = fields.Date.context_today(fine, fine.date_received)
            fine.remission_deadline = start and start + timedelta(days=REMISSION_DAYS)

    @api.depends("purchase_order_id.name", "product_id")
    def _compute_display_name(self):
        for fine in self:
            fine.display_name = _(
                "%(order)s: %(product)s",
                order=fine.purchase_order_id.name or "",
                product=fine.product_id.display_name or "",
            )

    @api.constrains("days_late", "quantity", "late_value", "rate", "cap")
    def _check_figures(self):
        bad = self.filtered(
            lambda fine: fine.days_late < 0
            or fine.quantity < 0
            or fine.late_value < 0
            or fine.rate < 0
            or not any(
                float_compare(fine.cap, cap, precision_digits=2) == 0
                for cap in (LATE_FINE_CAP, LATE_FINE_CAP_CRITERION)
            )
        )
        if bad:
            raise ValidationError(
                _(
                    "Days late, quantity, value and rate of a late-delivery fine "
                    "cannot be negative, and its cap is the statutory %(cap)s %% "
                    "or %(cap_criterion)s %%: %(fines)s",
                    cap=LATE_FINE_CAP,
                    cap_criterion=LATE_FINE_CAP_CRITERION,
                    fines=", ".join(bad.mapped("display_name")),
                )
            )

    def write(self, vals):
        if AMOUNT_FIELDS.intersection(vals):
            locked = self.filtered(lambda fine: fine.state != "to_withhold")
            if locked:
                raise UserError(
                    _(
                        "The amount of a fine that is withheld or remitted cannot "
                        "change: %(fines)s",
                        fines=", ".join(locked.mapped("display_name")),
                    )
                )
        res = super().write(vals)
        if AMOUNT_FIELDS.intersection(vals):
            # The draft bill that will withhold the fine follows it.
            for fine in self:
                # sudo: the caller may change the fine (checked above); the draft bill
                # lines that withhold it follow, whoever may write bills.
                lines = fine.sudo().move_line_ids.filtered(
                    lambda line: line.parent_state == "draft"
                )
                if lines:
                    line_vals = fine._prepare_bill_line_vals()
                    lines.write(
                        {
                            "name": line_vals["name"],
                            "price_unit": line_vals["price_unit"],
                        }
                    )
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_withheld(self):
        if self.move_line_ids:
            raise UserError(
                _(
                    "A fine that is on a bill cannot be deleted: %(fines)s",
                    fines=", ".join(
                        self.filtered("move_line_ids").mapped("display_name")
                    ),
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_request_remission(self):
        """Record the supplier's request for remission, within 90 days."""
        self.check_access("write")
        today = fields.Date.context_today(self)
        for fine in self:
            if fine.remission_state != "none":
                raise UserError(
                    _(
                        "The supplier already asked for remission of %(fine)s.",
                        fine=fine.display_name,
                    )
                )
            if today > fine.remission_deadline:
                raise UserError(
                    _(
                        "Remission of %(fine)s is refused: the supplier had to ask "
                        "for it within %(days)s days, by %(deadline)s.",
                        fine=fine.display_name,
                        days=REMISSION_DAYS,
                        deadline=format_date(self.env, fine.remission_deadline),
                    )
                )
        self.write({"remission_state": "requested", "remission_request_date": today})

    def action_grant_remission(self):
        self._check_remission_requested()
        # A fine still on a draft bill simply leaves it; one already withheld
        # is paid back on a new draft bill of the supplier.
        self.move_line_ids.filtered(lambda line: line.parent_state == "draft").unlink()
        self.filtered(lambda fine: fine.state == "withheld")._create_remission_bills()
        self.write({"remission_state": "granted"})

    def _create_remission_bills(self):
        """One draft bill per supplier paying back the remitted fines."""
        bills = self.env["account.move"]
        for fine in self:
            # sudo: the remission was granted by the caller's action; the bill that
            # pays it back is created in the fine's company, nothing else.
            bill = (
                self.env["account.move"]
                .sudo()
                .with_company(fine.company_id)
                .create(fine._prepare_remission_bill_vals())
            )
            # sudo: links the fine to its remission bill, and only that.
            fine.sudo().remission_bill_id = bill
            bills |= bill
        return bills

    def _prepare_remission_bill_vals(self):
        self.ensure_one()
        line_vals = self._prepare_bill_line_vals()
        line_vals.update(
            {
                "name": _(
                    "Remission of late-delivery fine %(fine)s",
                    fine=self.display_name,
                ),
                "price_unit": self.amount,
                "late_fine_id": False,
            }
        )
        return {
            "move_type": "in_invoice",
            "partner_id": self.partner_id.id,
            "currency_id": self.currency_id.id,
            "company_id": self.company_id.id,
            "invoice_origin": self.purchase_order_id.name,
            "invoice_line_ids": [fields.Command.create(line_vals)],
        }

    def action_refuse_remission(self):
        self._check_remission_requested()
        self.write({"remission_state": "refused"})

    def _check_remission_requested(self):
        self.check_access("write")
        not_requested = self.filtered(lambda fine: fine.remission_state != "requested")
        if not_requested:
            raise UserError(
                _(
                    "Record the supplier's request for remission first: %(fines)s",
                    fines=", ".join(not_requested.mapped("display_name")),
                )
            )

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.model
    def _create_from_moves(self, moves):
        """Create the fines of the receipt moves just done, late against the
        committed date of their order line, in one ``create``."""
        # sudo: the caller validated the receipt; the agreement's fine rates
        # are read with superuser rights, so that a warehouse user outside the
        # addon's groups can receive a call-off. Nothing else is read.
        vals_list = [
            vals
            for move in moves.sudo()
            if (vals := self.sudo()._prepare_late_fine_vals(move))
        ]
        # sudo: the fines of the late moves only, computed above from the receipt.
        return self.sudo().create(vals_list)

    @api.model
    def _prepare_late_fine_vals(self, move):
        """Values of the fine of one done receipt move; empty when not late."""
        line = move.purchase_line_id
        agreement = line.order_id.framework_agreement_id
        if (
            move.state != "done"
            or not line.date_committed
            or not agreement
            or move.location_id.usage != "supplier"
            or move.origin_returned_move_id
        ):
            return {}
        committed = fields.Date.context_today(move, line.date_committed)
        received = fields.Date.context_today(move, move.date)
        days_late = (received - committed).days
        if days_late <= 0:
            return {}
        quantity = move.product_uom._compute_quantity(move.quantity, line.product_uom)
        rounding = line.product_uom.rounding
        if float_compare(quantity, 0.0, precision_rounding=rounding) <= 0:
            return {}
        unit_value = (
            line.price_subtotal / line.product_qty
            if float_compare(line.product_qty, 0.0, precision_rounding=rounding) > 0
            else line.price_unit_discounted
        )
        return {
            "purchase_line_id": line.id,
            "stock_move_id": move.id,
            "partner_id": line.order_id.partner_id.commercial_partner_id.id,
            "date_committed": line.date_committed,
            "date_received": move.date,
            "days_late": days_late,
            "quantity": quantity,
            "late_value": line.currency_id.round(quantity * unit_value),
            "rate": agreement.late_fine_rate,
            "cap": agreement.late_fine_cap,
            "currency_id": line.currency_id.id,
            "company_id": line.company_id.id,
        }

    def _prepare_bill_line_vals(self, sequence=1000):
        """Values of the negative bill line that withholds the fine."""
        self.ensure_one()
        company = self.company_id
        vals = {
            "product_id": company._get_late_fine_product().id,
            "name": _(
                "Late-delivery fine %(order)s: %(quantity)s %(unit)s of %(product)s "
                "received %(days)s days late (%(rate)s %% per day on %(value)s)",
                order=self.purchase_order_id.name,
                quantity=self.quantity,
                unit=self.product_uom_id.name,
                product=self.product_id.display_name,
                days=self.days_late,
                rate=self.rate,
                value=format_amount(self.env, self.late_value, self.currency_id),
            ),
            "quantity": 1.0,
            "price_unit": -self.amount,
            "tax_ids": [fields.Command.clear()],
            "late_fine_id": self.id,
            "sequence": sequence,
        }
        if company.late_fine_account_id:
            vals["account_id"] = company.late_fine_account_id.id
        return vals

    def _get_fines_to_bill(self):
        """Fines due and not yet on a draft or posted bill."""
        return self.filtered(
            lambda fine: fine.state == "to_withhold"
            and fine.remission_state != "granted"
            and not fine.bill_id
            and fine.currency_id.compare_amounts(fine.amount, 0.0) > 0
        )
