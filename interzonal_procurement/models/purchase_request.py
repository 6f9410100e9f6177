# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, format_amount, format_date

QUOTATION_VALIDITY_DAYS = 30


class PurchaseRequest(models.Model):
    _name = "purchase.request"
    _inherit = ["purchase.request", "interzonal.zone.mixin"]

    zone_id = fields.Many2one(help="Police zone that asks and pays.")
    project_id = fields.Many2one(
        "project.project",
        string="ICT Project",
        check_company=True,
        help="ICT project the request serves.",
    )
    quotation_template_id = fields.Many2one(
        "interzonal.quotation.template",
        string="Template",
        check_company=True,
        domain="['|', ('zone_ids', '=', False), ('zone_ids', 'in', zone_id)]",
    )
    date_acknowledged = fields.Datetime(
        string="Acknowledged On", copy=False, readonly=True, tracking=True
    )
    acknowledge_deadline = fields.Datetime(
        compute="_compute_acknowledge_deadline",
        store=True,
        help="Creation date plus the acknowledgement delay in working days of "
        "the company's calendar.",
    )
    is_acknowledge_overdue = fields.Boolean(
        string="Acknowledgement Overdue",
        compute="_compute_is_acknowledge_overdue",
        search="_search_is_acknowledge_overdue",
    )
    quotation_sent_date = fields.Datetime(copy=False, readonly=True, tracking=True)
    quotation_valid_until = fields.Date(copy=False, tracking=True)
    quotation_state = fields.Selection(
        [
            ("none", "Not Sent"),
            ("sent", "Sent"),
            ("accepted", "Accepted"),
            ("declined", "Declined"),
            ("expired", "Expired"),
        ],
        default="none",
        required=True,
        copy=False,
        tracking=True,
        index=True,
    )
    amount_untaxed = fields.Monetary(
        string="Untaxed Amount", compute="_compute_amounts"
    )
    amount_tax = fields.Monetary(string="Taxes", compute="_compute_amounts")
    amount_total = fields.Monetary(string="Total", compute="_compute_amounts")
    out_of_contract_amount = fields.Monetary(compute="_compute_amounts")
    out_of_contract_warning = fields.Char(compute="_compute_amounts")
    qty_ordered = fields.Float(
        string="Ordered", compute="_compute_follow_up", digits="Product Unit of Measure"
    )
    qty_received = fields.Float(
        string="Received",
        compute="_compute_follow_up",
        digits="Product Unit of Measure",
    )
    qty_late = fields.Float(
        string="Late", compute="_compute_follow_up", digits="Product Unit of Measure"
    )
    has_late_delivery = fields.Boolean(
        compute="_compute_follow_up", search="_search_has_late_delivery"
    )

    @api.depends(
        "create_date",
        "company_id.resource_calendar_id",
        "company_id.interzonal_acknowledge_days",
    )
    def _compute_acknowledge_deadline(self):
        for request in self:
            days = request._get_acknowledge_sla_days()
            start = request.create_date or fields.Datetime.now()
            calendar = request.company_id.resource_calendar_id
            deadline = calendar.plan_days(days, start) if calendar else False
            request.acknowledge_deadline = deadline or start + timedelta(days=days)

    def _get_acknowledge_sla_days(self):
        """Working days to acknowledge the requests of the request's company
        (the current company for an empty recordset)."""
        company = self.company_id[:1] or self.env.company
        return company.interzonal_acknowledge_days

    def _get_low_value_threshold(self):
        """Low-value threshold of the request's company, in its currency."""
        company = self.company_id[:1] or self.env.company
        return company.interzonal_low_value_threshold

    @api.depends("date_acknowledged", "acknowledge_deadline")
    def _compute_is_acknowledge_overdue(self):
        now = fields.Datetime.now()
        for request in self:
            request.is_acknowledge_overdue = bool(
                not request.date_acknowledged
                and request.acknowledge_deadline
                and request.acknowledge_deadline < now
            )

    def _search_is_acknowledge_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on the acknowledgement delay."))
        domain = [
            ("date_acknowledged", "=", False),
            ("acknowledge_deadline", "<", fields.Datetime.now()),
            ("state", "not in", ("rejected", "done")),
        ]
        return domain if (operator == "=") == value else ["!", "&", "&", *domain]

    @api.depends(
        "line_ids.price_subtotal",
        "line_ids.price_tax",
        "line_ids.out_of_contract",
        "line_ids.estimated_cost",
        "line_ids.cancelled",
    )
    def _compute_amounts(self):
        for request in self:
            threshold = request._get_low_value_threshold()
            lines = request.line_ids.filtered(lambda line: not line.cancelled)
            request.amount_untaxed = sum(lines.mapped("price_subtotal"))
            request.amount_tax = sum(lines.mapped("price_tax"))
            request.amount_total = request.amount_untaxed + request.amount_tax
            outside = sum(lines.filtered("out_of_contract").mapped("estimated_cost"))
            request.out_of_contract_amount = outside
            warning = False
            if lines.filtered("out_of_contract"):
                currency = request.currency_id
                below = currency.compare_amounts(outside, threshold) < 0
                params = {
                    "amount": format_amount(self.env, outside, currency),
                    "threshold": format_amount(self.env, threshold, currency),
                }
                warning = (
                    _(
                        "Lines out of contract for %(amount)s: below the "
                        "low-value threshold of %(threshold)s, an accepted "
                        "invoice is enough.",
                        **params,
                    )
                    if below
                    else _(
                        "Lines out of contract for %(amount)s: at or above the "
                        "low-value threshold of %(threshold)s, a procurement "
                        "procedure is required.",
                        **params,
                    )
                )
            request.out_of_contract_warning = warning

    def _compute_follow_up(self):
        for request in self:
            lines = request.line_ids.filtered(lambda line: not line.cancelled)
            request.qty_ordered = sum(lines.mapped("purchased_qty"))
            request.qty_received = sum(lines.mapped("qty_done"))
            request.qty_late = sum(lines.mapped("qty_late"))
            request.has_late_delivery = bool(request.qty_late)

    def _search_has_late_delivery(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("Unsupported search on late deliveries."))
        late_lines = self.env["purchase.order.line"]._search_late_lines()
        request_ids = late_lines.purchase_request_lines.request_id.ids
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", request_ids)]

    @api.constrains("quotation_valid_until")
    def _check_quotation_valid_until(self):
        today = fields.Date.context_today(self)
        bad = self.filtered(
            lambda r: r.quotation_valid_until and r.quotation_valid_until < today
        )
        if bad:
            raise ValidationError(
                _(
                    "The validity date of a quotation cannot lie in the past: "
                    "%(requests)s",
                    requests=", ".join(bad.mapped("name")),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.user.has_group("interzonal_procurement.group_buyer"):
            zones = self.env["interzonal.zone"].browse(
                {vals["zone_id"] for vals in vals_list if vals.get("zone_id")}
            )
            foreign = zones.filtered(lambda z: self.env.user not in z.user_ids)
            if foreign:
                raise UserError(
                    _(
                        "You can only ask for your own zone, not for %(zones)s.",
                        zones=", ".join(foreign.mapped("display_name")),
                    )
                )
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("zone_id") and not self.env.user.has_group(
            "interzonal_procurement.group_buyer"
        ):
            zone = self.env["interzonal.zone"].browse(vals["zone_id"])
            if self.env.user not in zone.user_ids:
                raise UserError(
                    _(
                        "You can only ask for your own zone, not for %(zones)s.",
                        zones=zone.display_name,
                    )
                )
        return super().write(vals)

    def action_acknowledge(self):
        self.filtered(lambda r: not r.date_acknowledged).write(
            {"date_acknowledged": fields.Datetime.now()}
        )

    def action_apply_template(self):
        self.ensure_one()
        template = self.quotation_template_id
        if not template:
            raise UserError(_("Choose a template first."))
        if not self.is_editable:
            raise UserError(
                _(
                    "Request %(request)s can no longer be changed.",
                    request=self.name,
                )
            )
        self.write(
            {
                "line_ids": [
                    fields.Command.create(self._prepare_template_line_vals(line))
                    for line in template.line_ids
                ]
            }
        )
        self.line_ids._suggest_lot()

    def _prepare_template_line_vals(self, template_line):
        product = template_line.product_id
        return {
            "product_id": product.id,
            "name": template_line.name or product.display_name,
            "product_qty": template_line.product_qty,
            "product_uom_id": product.uom_po_id.id or product.uom_id.id,
        }

    def action_suggest_lots(self):
        self.line_ids.filtered(lambda line: not line.purchase_lines)._suggest_lot()

    def action_quotation_send(self):
        self.ensure_one()
        self._check_quotation_sendable()
        if not self.quotation_valid_until:
            self.quotation_valid_until = fields.Date.context_today(self) + timedelta(
                days=QUOTATION_VALIDITY_DAYS
            )
        template = self.env.ref(
            "interzonal_procurement.mail_template_purchase_request_quotation"
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": "purchase.request",
                "default_res_ids": self.ids,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
                "default_email_layout_xmlid": "mail.mail_notification_light",
                "mark_quotation_sent": True,
            },
        }

    def _check_quotation_sendable(self):
        for request in self:
            if not request.line_ids.filtered(lambda line: not line.cancelled):
                raise UserError(
                    _(
                        "Request %(request)s has no lines to quote.",
                        request=request.name,
                    )
                )
            if request.quotation_state == "accepted":
                raise UserError(
                    _(
                        "The quotation of request %(request)s is already accepted.",
                        request=request.name,
                    )
                )

    def _message_post_mark_quotation_sent(self):
        self.write(
            {
                "quotation_state": "sent",
                "quotation_sent_date": fields.Datetime.now(),
            }
        )

    def message_post(self, **kwargs):
        if self.env.context.get("mark_quotation_sent"):
            self.filtered(
                lambda r: r.quotation_state in ("none", "declined", "expired")
            ).with_context(
                mark_quotation_sent=False
            )._message_post_mark_quotation_sent()
        return super(
            PurchaseRequest, self.with_context(mark_quotation_sent=False)
        ).message_post(**kwargs)

    def _check_quotation_answerable(self):
        today = fields.Date.context_today(self)
        for request in self:
            if request.quotation_state != "sent":
                raise UserError(
                    _(
                        "Request %(request)s has no quotation waiting for an answer.",
                        request=request.name,
                    )
                )
            if request.quotation_valid_until and request.quotation_valid_until < today:
                raise UserError(
                    _(
                        "The quotation of request %(request)s expired on %(date)s: "
                        "ask the buyer for a new one.",
                        request=request.name,
                        date=format_date(self.env, request.quotation_valid_until),
                    )
                )

    def action_quotation_accept(self):
        self._check_quotation_answerable()
        self.write({"quotation_state": "accepted"})
        self.filtered(lambda r: r.state in ("draft", "to_approve")).button_approved()

    def action_quotation_decline(self):
        self._check_quotation_answerable()
        self.write({"quotation_state": "declined"})

    def action_create_call_offs(self):
        """One draft call-off per lot, one draft RFQ per supplier for the rest."""
        for request in self:
            if request.quotation_state != "accepted" or request.state not in (
                "approved",
                "in_progress",
            ):
                raise UserError(
                    _(
                        "Request %(request)s has no accepted quotation: no "
                        "call-off can be created.",
                        request=request.name,
                    )
                )
        lines = self.line_ids.filtered(
            lambda line: not line.cancelled and not line.purchase_lines
        )
        if not lines:
            raise UserError(_("Every line of these requests is already ordered."))
        lines._set_zone_analytic_distribution()
        orders = self.env["purchase.order"]
        Wizard = self.env["purchase.request.line.make.purchase.order"]
        for (lot, zone), lot_lines in (
            lines.filtered("requisition_id")
            .grouped(lambda line: (line.requisition_id, line.request_id.zone_id))
            .items()
        ):
            orders |= lot_lines._make_purchase_order(Wizard, lot.vendor_id, zone, lot)
        no_vendor = self.env["purchase.request.line"]
        for (vendor, zone), rfq_lines in (
            lines.filtered(lambda line: not line.requisition_id)
            .grouped(lambda line: (line.supplier_id, line.request_id.zone_id))
            .items()
        ):
            if not vendor:
                no_vendor |= rfq_lines
                continue
            orders |= rfq_lines._make_purchase_order(Wizard, vendor, zone)
        for request in no_vendor.request_id:
            request.message_post(
                body=_(
                    "No supplier known for %(products)s: the buyer orders them "
                    "by hand.",
                    products=", ".join(
                        (no_vendor & request.line_ids).product_id.mapped("display_name")
                    ),
                )
            )
        action = self.env["ir.actions.act_window"]._for_xml_id("purchase.purchase_rfq")
        action["domain"] = [("id", "in", orders.ids)]
        return action

    def _update_done_state(self):
        """Close the requests whose lines are all received or cancelled."""
        digits = self.env["decimal.precision"].precision_get("Product Unit of Measure")
        for request in self.filtered(lambda r: r.state in ("approved", "in_progress")):
            lines = request.line_ids
            if lines and all(
                line.cancelled
                or float_compare(
                    line.qty_done,
                    line.product_qty,
                    # a line without unit is rounded as its quantity field
                    precision_rounding=line.product_uom_id.rounding or None,
                    precision_digits=None if line.product_uom_id else digits,
                )
                >= 0
                for line in lines
            ):
                request.button_done()

    @api.model
    def _cron_expire_quotations(self):
        self.search(
            [
                ("quotation_state", "=", "sent"),
                ("quotation_valid_until", "<", fields.Date.context_today(self)),
            ]
        ).write({"quotation_state": "expired"})

    @api.model
    def _cron_notify_late_deliveries(self):
        """One activity for the buyer per request line whose committed date passed."""
        late_po_lines = self.env["purchase.order.line"]._search_late_lines()
        request_lines = late_po_lines.purchase_request_lines.filtered(
            lambda line: not line.late_activity_scheduled and not line.cancelled
        )
        for line in request_lines:
            po_lines = line.purchase_lines & late_po_lines
            order = po_lines.order_id[:1]
            line.request_id.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=_(
                    "Late delivery: %(product)s on %(order)s",
                    product=line.product_id.display_name,
                    order=order.name,
                ),
                note=_(
                    "%(product)s was due on %(date)s and is not received; follow "
                    "up with %(vendor)s.",
                    product=line.product_id.display_name,
                    date=format_date(
                        self.env,
                        min(
                            po_lines.mapped(
                                lambda pol: pol.date_committed or pol.date_planned
                            )
                        ),
                    ),
                    vendor=order.partner_id.display_name,
                ),
                user_id=(
                    line.request_id.assigned_to or order.user_id or self.env.user
                ).id,
            )
        request_lines.write({"late_activity_scheduled": True})
        self.search([("state", "in", ("approved", "in_progress"))])._update_done_state()
