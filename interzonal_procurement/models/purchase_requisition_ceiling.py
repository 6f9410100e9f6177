# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_amount

from .purchase_requisition import COMMITTED_STATES


class PurchaseRequisition(models.Model):
    """The ceiling of a lot and what its call-offs commit: the one capacity
    check every path of a call-off ends in."""

    _inherit = "purchase.requisition"

    ceiling_amount = fields.Monetary(
        compute="_compute_ceiling_amount",
        store=True,
        tracking=True,
        help="Initial ceiling plus the recorded modifications.",
    )
    committed_amount = fields.Monetary(
        compute="_compute_committed_amount",
        store=True,
        help="Untaxed total of the confirmed call-offs of the lot.",
    )
    remaining_amount = fields.Monetary(compute="_compute_committed_amount", store=True)
    consumption_percent = fields.Float(
        compute="_compute_committed_amount",
        store=True,
        aggregator="avg",
        help="Committed amount over ceiling; grouped lots show their total "
        "committed over their total ceiling.",
    )
    is_exhausted = fields.Boolean(
        string="Exhausted", compute="_compute_committed_amount", store=True
    )
    is_ceiling_missing = fields.Boolean(
        string="Ceiling Missing", compute="_compute_ceiling_amount", store=True
    )

    @api.depends("initial_ceiling_amount", "modification_ids.amount")
    def _compute_ceiling_amount(self):
        totals = dict(
            self.env["interzonal.lot.modification"]._read_group(
                [("requisition_id", "in", self.ids)],
                ["requisition_id"],
                ["amount:sum"],
            )
        )
        for lot in self:
            lot.ceiling_amount = lot.initial_ceiling_amount + totals.get(lot, 0.0)
            lot.is_ceiling_missing = bool(lot.framework_agreement_id) and (
                lot.currency_id.compare_amounts(lot.ceiling_amount, 0.0) <= 0
            )

    @api.depends(
        "ceiling_amount",
        "purchase_ids.state",
        "purchase_ids.call_off_amount",
    )
    def _compute_committed_amount(self):
        lot_totals = self._get_committed_amounts()[0]
        for lot in self:
            committed = lot_totals.get(lot.id, 0.0)
            has_ceiling = lot._has_ceiling()
            lot.committed_amount = committed
            lot.remaining_amount = lot.ceiling_amount - committed
            lot.consumption_percent = (
                100.0 * committed / lot.ceiling_amount if has_ceiling else 0.0
            )
            lot.is_exhausted = has_ceiling and (
                lot.currency_id.compare_amounts(committed, lot.ceiling_amount) >= 0
            )

    def _has_ceiling(self):
        """Whether the lot has a ceiling above zero, at its currency's rounding."""
        self.ensure_one()
        currency = self.currency_id or self.company_id.currency_id
        return currency.compare_amounts(self.ceiling_amount, 0.0) > 0

    def _read_group_select(self, aggregate_spec, query):
        """The consumption of grouped lots is their total committed over their
        total ceiling, not the average of their percentages: a small lot
        nearly exhausted does not weigh as much as a large one."""
        if aggregate_spec != "consumption_percent:avg":
            return super()._read_group_select(aggregate_spec, query)
        return SQL(
            "100.0 * SUM(%(committed)s) / NULLIF(SUM(%(ceiling)s), 0.0)",
            committed=self._field_to_sql(self._table, "committed_amount", query),
            ceiling=self._field_to_sql(self._table, "ceiling_amount", query),
        )

    @api.constrains("initial_ceiling_amount", "estimated_amount")
    def _check_ceiling_amounts(self):
        bad = self.filtered(
            lambda lot: lot.initial_ceiling_amount < 0 or lot.estimated_amount < 0
        )
        if bad:
            raise ValidationError(
                _(
                    "Ceilings and estimates cannot be negative: %(lots)s",
                    lots=", ".join(bad.mapped("display_name")),
                )
            )
        self._check_quotas_within_ceiling()

    # ------------------------------------------------------------------
    def _get_committed_amounts(self):
        """Committed amounts of the lots in one grouped query.

        A call-off commits the amount frozen at its confirmation, already in
        the lot's currency: exchange rates moving later change nothing.

        :return: (``{lot_id: amount}``, ``{(lot_id, zone_id): amount}``) in
            each lot's currency.
        """
        lot_totals = defaultdict(float)
        zone_totals = defaultdict(float)
        lots = self.filtered("id")
        if not lots:
            return lot_totals, zone_totals
        # sudo: what all call-offs of the lots commit, to check the caller's
        # against the others; only sums are returned.
        groups = (
            self.env["purchase.order"]
            .sudo()
            ._read_group(
                [("requisition_id", "in", lots.ids), ("state", "in", COMMITTED_STATES)],
                ["requisition_id", "zone_id"],
                ["call_off_amount:sum"],
            )
        )
        for lot, zone, amount in groups:
            lot_totals[lot.id] += amount
            zone_totals[lot.id, zone.id] += amount
        return lot_totals, zone_totals

    def _get_committed_by_lot_and_zone(self):
        return self._get_committed_amounts()[1]

    def _lock_for_call_off(self):
        """Lock the lots' rows until the end of the transaction.

        Two buyers confirming call-offs on the same lot wait for each other;
        the second one then checks against the committed amount of the first.
        """
        if self.ids:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM purchase_requisition WHERE id IN %s "
                    "ORDER BY id FOR UPDATE",
                    tuple(self.ids),
                )
            )

    def _check_call_off_capacity(self, orders=None):
        """Refuse what would make the lots commit more than they may.

        The one place that guards a lot's ceiling and its zone quotas, called
        after every change of what the lots ``self`` and the lots of the
        call-offs ``orders`` commit (confirmation, approval, a change of a
        confirmed call-off, a lower ceiling or quota). The lots are locked
        first, so that two buyers cannot together pass a ceiling, and the
        committed amounts are read after the lock, with one grouped query.
        Each call-off of ``orders`` in a committed state is also checked
        against the agreement, the lot and the zone on the day it was placed.

        :param orders: call-offs just confirmed or changed; their frozen
            amounts are already part of what their lots commit.
        :raise UserError: naming the call-off or lot, the zone, the amount
            and what is left.
        """
        orders = (orders or self.env["purchase.order"]).filtered(
            lambda o: o.framework_agreement_id and o.state in COMMITTED_STATES
        )
        lots = (self | orders.requisition_id).filtered("framework_agreement_id")
        if not lots:
            return
        lots._lock_for_call_off()
        lot_totals, zone_totals = lots._get_committed_amounts()
        for order in orders:
            order.requisition_id._check_call_off_rules(order)
        pending = defaultdict(float)
        for order in orders:
            pending[order.requisition_id.id] += order.call_off_amount
            pending[order.requisition_id.id, order.zone_id.id] += order.call_off_amount
        seen = defaultdict(float)
        for order in orders:
            lot = order.requisition_id
            currency = lot.currency_id
            amount = order.call_off_amount
            others = lot_totals[lot.id] - pending[lot.id] + seen[lot.id]
            remaining = lot.ceiling_amount - others
            if currency.compare_amounts(amount, remaining) > 0:
                raise UserError(
                    _(
                        "Call-off %(order)s of %(amount)s for zone %(zone)s would "
                        "pass the ceiling of lot %(lot)s: only %(remaining)s left "
                        "(ceiling %(ceiling)s, committed %(committed)s).",
                        order=order.display_name,
                        amount=format_amount(self.env, amount, currency),
                        zone=order.zone_id.display_name,
                        lot=lot.display_name,
                        remaining=format_amount(self.env, remaining, currency),
                        ceiling=format_amount(self.env, lot.ceiling_amount, currency),
                        committed=format_amount(self.env, others, currency),
                    )
                )
            key = (lot.id, order.zone_id.id)
            allocation = lot.allocation_ids.filtered(
                lambda a, z=order.zone_id: a.zone_id == z
            )
            if allocation:
                zone_others = zone_totals[key] - pending[key] + seen[key]
                zone_remaining = allocation.amount - zone_others
                if currency.compare_amounts(amount, zone_remaining) > 0:
                    raise UserError(
                        _(
                            "Call-off %(order)s of %(amount)s would pass the quota "
                            "of zone %(zone)s in lot %(lot)s: only %(remaining)s "
                            "left (quota %(quota)s, committed %(committed)s).",
                            order=order.display_name,
                            amount=format_amount(self.env, amount, currency),
                            zone=order.zone_id.display_name,
                            lot=lot.display_name,
                            remaining=format_amount(self.env, zone_remaining, currency),
                            quota=format_amount(self.env, allocation.amount, currency),
                            committed=format_amount(self.env, zone_others, currency),
                        )
                    )
            seen[lot.id] += amount
            seen[key] += amount
        for lot in lots:
            currency = lot.currency_id
            committed = lot_totals[lot.id]
            if currency.compare_amounts(committed, lot.ceiling_amount) > 0:
                raise UserError(
                    _(
                        "Lot %(lot)s cannot have a ceiling of %(ceiling)s: its "
                        "call-offs already commit %(committed)s (%(remaining)s "
                        "left).",
                        lot=lot.display_name,
                        ceiling=format_amount(self.env, lot.ceiling_amount, currency),
                        committed=format_amount(self.env, committed, currency),
                        remaining=format_amount(
                            self.env, lot.ceiling_amount - committed, currency
                        ),
                    )
                )
            for allocation in lot.allocation_ids:
                zone_committed = zone_totals[lot.id, allocation.zone_id.id]
                if currency.compare_amounts(zone_committed, allocation.amount) > 0:
                    raise UserError(
                        _(
                            "Zone %(zone)s cannot have a quota of %(quota)s in lot "
                            "%(lot)s: its call-offs already commit %(committed)s "
                            "(%(remaining)s left).",
                            zone=allocation.zone_id.display_name,
                            quota=format_amount(self.env, allocation.amount, currency),
                            lot=lot.display_name,
                            committed=format_amount(self.env, zone_committed, currency),
                            remaining=format_amount(
                                self.env, allocation.amount - zone_committed, currency
                            ),
                        )
                    )
