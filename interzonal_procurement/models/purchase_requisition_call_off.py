# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, models
from odoo.exceptions import UserError
from odoo.tools import format_date


class PurchaseRequisition(models.Model):
    """What a lot requires of each call-off placed against it."""

    _inherit = "purchase.requisition"

    def _check_call_off_rules(self, order):
        """Refuse call-off ``order`` of the lot when the agreement, the lot, the
        zone or the supplier do not allow it on the day it was placed."""
        self.ensure_one()
        agreement = self.framework_agreement_id
        order_date = order.call_off_date
        state = agreement._get_state_on(order_date)
        if state in ("closed", "cancelled"):
            raise UserError(
                _(
                    "Call-off %(order)s cannot be placed: framework agreement "
                    "%(agreement)s is %(state)s.",
                    order=order.display_name,
                    agreement=agreement.display_name,
                    state=dict(
                        agreement._fields["state"]._description_selection(self.env)
                    )[state],
                )
            )
        if state != "running":
            raise UserError(
                _(
                    "Call-off %(order)s cannot be placed on %(date)s: framework "
                    "agreement %(agreement)s runs from %(start)s to %(end)s.",
                    order=order.display_name,
                    date=format_date(self.env, order_date),
                    agreement=agreement.display_name,
                    start=format_date(self.env, agreement.date_start),
                    end=format_date(self.env, agreement.date_end),
                )
            )
        if (
            self.state != "confirmed"
            or (self.date_start and order_date < self.date_start)
            or (self.date_end and order_date > self.date_end)
        ):
            raise UserError(
                _(
                    "Call-off %(order)s cannot be placed on %(date)s: lot %(lot)s "
                    "is %(state)s and runs from %(start)s to %(end)s.",
                    order=order.display_name,
                    date=format_date(self.env, order_date),
                    lot=self.display_name,
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        self.state
                    ],
                    start=format_date(
                        self.env, self.date_start or agreement.date_start
                    ),
                    end=format_date(self.env, self.date_end or agreement.date_end),
                )
            )
        zone = order.zone_id
        if not zone:
            raise UserError(
                _(
                    "Call-off %(order)s cannot be placed: choose the zone that "
                    "orders.",
                    order=order.display_name,
                )
            )
        if zone != agreement.lead_zone_id:
            participation = agreement.participation_ids.filtered(
                lambda p: p.zone_id == zone
            )
            if not participation:
                raise UserError(
                    _(
                        "Call-off %(order)s cannot be placed: zone %(zone)s has "
                        "not joined framework agreement %(agreement)s.",
                        order=order.display_name,
                        zone=zone.display_name,
                        agreement=agreement.display_name,
                    )
                )
            if participation.date_joined > order_date:
                raise UserError(
                    _(
                        "Call-off %(order)s cannot be placed on %(date)s: zone "
                        "%(zone)s joined framework agreement %(agreement)s on "
                        "%(joined)s.",
                        order=order.display_name,
                        zone=zone.display_name,
                        agreement=agreement.display_name,
                        joined=format_date(self.env, participation.date_joined),
                        date=format_date(self.env, order_date),
                    )
                )
        if self.currency_id.compare_amounts(self.ceiling_amount, 0.0) <= 0:
            raise UserError(
                _(
                    "Call-off %(order)s cannot be placed: lot %(lot)s has no "
                    "ceiling.",
                    order=order.display_name,
                    lot=self.display_name,
                )
            )
        self._check_call_off_operator(order)

    def _check_call_off_operator(self, order):
        """The supplier is one of the lot's operators; on a lot of several
        operators the call-off records the mini-competition."""
        self.ensure_one()
        if not self.operator_ids:
            raise UserError(
                _(
                    "Call-off %(order)s cannot be placed: lot %(lot)s names no "
                    "operator.",
                    order=order.display_name,
                    lot=self.display_name,
                )
            )
        operators = self.operator_ids.commercial_partner_id
        if order.partner_id.commercial_partner_id not in operators:
            raise UserError(
                _(
                    "Call-off %(order)s cannot be placed: the supplier %(vendor)s "
                    "is not an operator of lot %(lot)s (%(operators)s).",
                    order=order.display_name,
                    vendor=order.partner_id.display_name,
                    lot=self.display_name,
                    operators=", ".join(self.operator_ids.mapped("display_name")),
                )
            )
        if len(operators) < 2:
            return
        consulted = order.consulted_operator_ids.commercial_partner_id
        if (
            not (order.award_justification or "").strip()
            or order.partner_id.commercial_partner_id not in consulted
            or consulted - operators
        ):
            raise UserError(
                _(
                    "Call-off %(order)s cannot be placed: lot %(lot)s has several "
                    "operators; record the operators consulted (the supplier "
                    "among them, operators of the lot only) and the award "
                    "justification.",
                    order=order.display_name,
                    lot=self.display_name,
                )
            )
