# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, format_amount, format_date


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    def _default_zone_id(self):
        return self.env["interzonal.zone"]._get_user_zone()

    zone_id = fields.Many2one(
        "interzonal.zone",
        default=lambda self: self._default_zone_id(),
        check_company=True,
        index=True,
        tracking=True,
        help="Police zone that orders and pays.",
    )
    framework_agreement_id = fields.Many2one(
        related="requisition_id.framework_agreement_id", store=True, index=True
    )
    lot_remaining_amount = fields.Monetary(
        related="requisition_id.remaining_amount",
        string="Lot Remaining",
        currency_field="lot_currency_id",
    )
    lot_currency_id = fields.Many2one(
        related="requisition_id.currency_id", string="Lot Currency"
    )
    late_fine_ids = fields.One2many(
        "interzonal.late.fine", "purchase_order_id", string="Late-Delivery Fines"
    )
    late_fine_count = fields.Integer(compute="_compute_late_fine_amount")
    late_fine_amount = fields.Monetary(
        string="Late-Delivery Fines Amount", compute="_compute_late_fine_amount"
    )

    @api.depends("late_fine_ids.amount", "late_fine_ids.state")
    def _compute_late_fine_amount(self):
        groups = {
            order: (count, amount)
            for order, count, amount in self.env["interzonal.late.fine"]
            .sudo()
            ._read_group(
                [("purchase_order_id", "in", self.ids), ("state", "!=", "remitted")],
                ["purchase_order_id"],
                ["__count", "amount:sum"],
            )
        }
        for order in self:
            order.late_fine_count, order.late_fine_amount = groups.get(
                order._origin, (0, 0.0)
            )

    def write(self, vals):
        res = super().write(vals)
        if "order_line" in vals:
            self.filtered(
                lambda o: o.state in ("purchase", "done") and o.framework_agreement_id
            )._check_call_off_change()
        return res

    def button_confirm(self):
        call_offs = self.filtered(
            lambda o: o.state in ("draft", "sent") and o.framework_agreement_id
        )
        call_offs._check_call_off_confirmation()
        res = super().button_confirm()
        call_offs.requisition_id._notify_consumption_steps()
        return res

    def button_approve(self, force=False):
        # Orders waiting for a second approval are checked again when approved.
        call_offs = self.filtered(
            lambda o: o.state == "to approve" and o.framework_agreement_id
        )
        call_offs._check_call_off_confirmation()
        res = super().button_approve(force=force)
        call_offs.requisition_id._notify_consumption_steps()
        self.filtered(
            lambda order: order.state in ("purchase", "done")
        ).order_line._freeze_date_committed()
        return res

    def _check_call_off_confirmation(self):
        """Refuse the confirmation of call-offs that break the agreement.

        The lots are locked first so that two buyers cannot together pass a
        ceiling; the figures are read after the lock, with grouped queries.
        """
        if not self:
            return
        lots = self.requisition_id
        lots._lock_for_call_off()
        lot_totals, zone_totals = lots._get_committed_amounts()
        pending = defaultdict(float)
        for order in self:
            lot = order.requisition_id
            agreement = lot.framework_agreement_id
            order_date = fields.Date.context_today(order, order.date_order)
            amount = order.currency_id._convert(
                order.amount_untaxed, lot.currency_id, order.company_id, order_date
            )
            order._check_call_off_agreement(agreement, order_date)
            order._check_call_off_zone(agreement, order_date)
            if lot.vendor_id and (
                order.partner_id.commercial_partner_id
                != lot.vendor_id.commercial_partner_id
            ):
                raise UserError(
                    _(
                        "Call-off %(order)s cannot be confirmed: the vendor "
                        "%(vendor)s is not the vendor of lot %(lot)s "
                        "(%(lot_vendor)s).",
                        order=order.display_name,
                        vendor=order.partner_id.display_name,
                        lot=lot.display_name,
                        lot_vendor=lot.vendor_id.display_name,
                    )
                )
            currency = lot.currency_id
            if currency.compare_amounts(lot.ceiling_amount, 0.0) <= 0:
                raise UserError(
                    _(
                        "Call-off %(order)s cannot be confirmed: lot %(lot)s has "
                        "no ceiling.",
                        order=order.display_name,
                        lot=lot.display_name,
                    )
                )
            committed = lot_totals.get(lot.id, 0.0) + pending[lot.id]
            remaining = lot.ceiling_amount - committed
            if currency.compare_amounts(amount, remaining) > 0:
                raise UserError(
                    _(
                        "Call-off %(order)s of %(amount)s for zone %(zone)s cannot "
                        "be confirmed: lot %(lot)s has only %(remaining)s left "
                        "(ceiling %(ceiling)s, committed %(committed)s).",
                        order=order.display_name,
                        amount=format_amount(self.env, amount, currency),
                        zone=order.zone_id.display_name,
                        lot=lot.display_name,
                        remaining=format_amount(self.env, remaining, currency),
                        ceiling=format_amount(self.env, lot.ceiling_amount, currency),
                        committed=format_amount(self.env, committed, currency),
                    )
                )
            allocation = lot.allocation_ids.filtered(
                lambda a, z=order.zone_id: a.zone_id == z
            )
            if allocation:
                key = (lot.id, order.zone_id.id)
                zone_remaining = allocation.amount - zone_totals.get(key, 0.0)
                zone_remaining -= pending[key]
                if currency.compare_amounts(amount, zone_remaining) > 0:
                    raise UserError(
                        _(
                            "Call-off %(order)s of %(amount)s cannot be confirmed: "
                            "the quota of zone %(zone)s in lot %(lot)s has only "
                            "%(remaining)s left (quota %(quota)s).",
                            order=order.display_name,
                            amount=format_amount(self.env, amount, currency),
                            zone=order.zone_id.display_name,
                            lot=lot.display_name,
                            remaining=format_amount(self.env, zone_remaining, currency),
                            quota=format_amount(self.env, allocation.amount, currency),
                        )
                    )
                pending[key] += amount
            pending[lot.id] += amount

    def _check_call_off_change(self):
        """Refuse a change of confirmed call-offs that passes a ceiling or quota."""
        if not self:
            return
        lots = self.requisition_id
        lots._lock_for_call_off()
        lot_totals, zone_totals = lots._get_committed_amounts()
        for order in self:
            lot = order.requisition_id
            currency = lot.currency_id
            committed = lot_totals.get(lot.id, 0.0)
            if currency.compare_amounts(committed, lot.ceiling_amount) > 0:
                raise UserError(
                    _(
                        "Call-off %(order)s cannot be changed: lot %(lot)s would be "
                        "committed for %(committed)s, above its ceiling %(ceiling)s.",
                        order=order.display_name,
                        lot=lot.display_name,
                        committed=format_amount(self.env, committed, currency),
                        ceiling=format_amount(self.env, lot.ceiling_amount, currency),
                    )
                )
            allocation = lot.allocation_ids.filtered(
                lambda a, z=order.zone_id: a.zone_id == z
            )
            zone_committed = zone_totals.get((lot.id, order.zone_id.id), 0.0)
            if allocation and (
                currency.compare_amounts(zone_committed, allocation.amount) > 0
            ):
                raise UserError(
                    _(
                        "Call-off %(order)s cannot be changed: zone %(zone)s would "
                        "be committed for %(committed)s in lot %(lot)s, above its "
                        "quota %(quota)s.",
                        order=order.display_name,
                        zone=order.zone_id.display_name,
                        lot=lot.display_name,
                        committed=format_amount(self.env, zone_committed, currency),
                        quota=format_amount(self.env, allocation.amount, currency),
                    )
                )

    def _check_call_off_agreement(self, agreement, order_date):
        self.ensure_one()
        state = agreement._get_state_on(order_date)
        if state in ("closed", "cancelled"):
            raise UserError(
                _(
                    "Call-off %(order)s cannot be confirmed: framework agreement "
                    "%(agreement)s is %(state)s.",
                    order=self.display_name,
                    agreement=agreement.display_name,
                    state=dict(
                        agreement._fields["state"]._description_selection(self.env)
                    )[state],
                )
            )
        if state != "running":
            raise UserError(
                _(
                    "Call-off %(order)s cannot be confirmed: its date %(date)s lies "
                    "outside framework agreement %(agreement)s, which runs from "
                    "%(start)s to %(end)s.",
                    order=self.display_name,
                    date=format_date(self.env, order_date),
                    agreement=agreement.display_name,
                    start=format_date(self.env, agreement.date_start),
                    end=format_date(self.env, agreement.date_end),
                )
            )

    def _check_call_off_zone(self, agreement, order_date):
        self.ensure_one()
        zone = self.zone_id
        if not zone:
            raise UserError(
                _(
                    "Call-off %(order)s cannot be confirmed: choose the zone that "
                    "orders.",
                    order=self.display_name,
                )
            )
        if zone == agreement.lead_zone_id:
            return
        participation = agreement.participation_ids.filtered(
            lambda p: p.zone_id == zone
        )
        if not participation:
            raise UserError(
                _(
                    "Call-off %(order)s cannot be confirmed: zone %(zone)s has not "
                    "joined framework agreement %(agreement)s.",
                    order=self.display_name,
                    zone=zone.display_name,
                    agreement=agreement.display_name,
                )
            )
        if participation.date_joined > order_date:
            raise UserError(
                _(
                    "Call-off %(order)s cannot be confirmed: zone %(zone)s joined "
                    "framework agreement %(agreement)s on %(joined)s, after the "
                    "order date %(date)s.",
                    order=self.display_name,
                    zone=zone.display_name,
                    agreement=agreement.display_name,
                    joined=format_date(self.env, participation.date_joined),
                    date=format_date(self.env, order_date),
                )
            )

    @api.onchange("requisition_id")
    def _onchange_requisition_id_zone(self):
        if self.requisition_id and not self.zone_id:
            self.zone_id = self._default_zone_id()

    def _prepare_invoice(self):
        """Withhold the order's due late-delivery fines on its bill."""
        invoice_vals = super()._prepare_invoice()
        fines = (
            self.sudo()
            .with_context(lang=self.partner_id.lang or self.env.lang)
            .late_fine_ids._get_fines_to_bill()
        )
        invoice_vals["invoice_line_ids"] += [
            fields.Command.create(fine._prepare_bill_line_vals(sequence=1000 + index))
            for index, fine in enumerate(fines)
        ]
        return invoice_vals

    def action_view_late_fines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "interzonal_procurement.interzonal_late_fine_action"
        )
        action["domain"] = [("purchase_order_id", "=", self.id)]
        action["context"] = {}
        return action

    def _request_supplier_evaluation(self):
        """Ask the buyer to rate the supplier once an order is fully received."""
        activity_type = self.env.ref(
            "interzonal_procurement.mail_activity_type_supplier_evaluation",
            raise_if_not_found=False,
        )
        if not activity_type:
            return
        evaluated = set(
            self.env["interzonal.supplier.evaluation"]
            .sudo()
            .search([("purchase_order_id", "in", self.ids)])
            .purchase_order_id.ids
        )
        for order in self:
            goods = order.order_line.filtered(
                lambda line: not line.display_type and line.product_id.type == "consu"
            )
            if (
                order.id in evaluated
                or not goods
                or order.activity_ids.filtered(
                    lambda act, atype=activity_type: act.activity_type_id == atype
                )
                or any(
                    float_compare(
                        line.qty_received,
                        line.product_qty,
                        precision_rounding=line.product_uom.rounding,
                    )
                    < 0
                    for line in goods
                )
            ):
                continue
            order.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=order.user_id.id or self.env.user.id,
            )
