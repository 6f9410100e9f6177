# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math
from collections import defaultdict
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, format_amount, format_date

CONSUMPTION_STEPS_PARAM = "interzonal_procurement.consumption_steps"
DEFAULT_CONSUMPTION_STEPS = "70,85,95,100"
COMMITTED_STATES = ("purchase", "done")
FORECAST_WINDOW_DAYS = 365

# Fields of a lot that only contract managers may set or change.
CONTRACT_MANAGER_FIELDS = {
    "framework_agreement_id",
    "lot_number",
    "initial_ceiling_amount",
    "estimated_amount",
    "allocation_ids",
    "modification_ids",
    "operator_ids",
}


class PurchaseRequisition(models.Model):
    _inherit = "purchase.requisition"

    framework_agreement_id = fields.Many2one(
        "interzonal.framework.agreement",
        check_company=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    lot_number = fields.Char(tracking=True)
    initial_ceiling_amount = fields.Monetary(
        tracking=True,
        help="Maximum value of the lot stated in the contract notice (ex VAT).",
    )
    ceiling_amount = fields.Monetary(
        compute="_compute_ceiling_amount",
        store=True,
        tracking=True,
        help="Initial ceiling plus the recorded modifications.",
    )
    estimated_amount = fields.Monetary(tracking=True)
    committed_amount = fields.Monetary(
        compute="_compute_committed_amount",
        store=True,
        help="Untaxed total of the confirmed call-offs of the lot.",
    )
    remaining_amount = fields.Monetary(compute="_compute_committed_amount", store=True)
    consumption_percent = fields.Float(
        compute="_compute_committed_amount", store=True, aggregator="avg"
    )
    is_exhausted = fields.Boolean(
        string="Exhausted", compute="_compute_committed_amount", store=True
    )
    is_ceiling_missing = fields.Boolean(
        string="Ceiling Missing", compute="_compute_ceiling_amount", store=True
    )
    consumption_step_notified = fields.Float(
        copy=False,
        readonly=True,
        help="Highest consumption step already announced for this lot.",
    )
    exhaustion_forecast_date = fields.Date(
        compute="_compute_exhaustion_forecast_date",
        help="Date at which the lot should be exhausted at the pace of the last "
        "365 days; empty when it cannot be estimated.",
    )
    late_fine_amount = fields.Monetary(
        string="Fines Withheld",
        compute="_compute_late_fine_amount",
        help="Late-delivery fines withheld on posted bills of the lot's call-offs.",
    )
    operator_ids = fields.Many2many(
        "res.partner",
        "purchase_requisition_operator_rel",
        "requisition_id",
        "partner_id",
        string="Operators",
        compute="_compute_operator_ids",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        help="Economic operators the lot was awarded to: call-offs go to one of "
        "them only, after a mini-competition when there are several.",
    )
    is_operator_missing = fields.Boolean(
        string="Operator Missing",
        compute="_compute_is_operator_missing",
        store=True,
        help="A lot of a framework agreement that names no operator refuses "
        "call-offs.",
    )
    allocation_ids = fields.One2many(
        "interzonal.lot.allocation", "requisition_id", string="Zone Quotas"
    )
    modification_ids = fields.One2many(
        "interzonal.lot.modification", "requisition_id", string="Modifications"
    )

    @api.depends("vendor_id", "framework_agreement_id")
    def _compute_operator_ids(self):
        # The lot's vendor is its first operator.
        for lot in self:
            if lot.framework_agreement_id and lot.vendor_id and not lot.operator_ids:
                lot.operator_ids = lot.vendor_id

    @api.depends("operator_ids", "framework_agreement_id")
    def _compute_is_operator_missing(self):
        for lot in self:
            lot.is_operator_missing = bool(lot.framework_agreement_id) and not (
                lot.operator_ids
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
            lot.committed_amount = committed
            lot.remaining_amount = lot.ceiling_amount - committed
            lot.consumption_percent = (
                100.0 * committed / lot.ceiling_amount if lot.ceiling_amount else 0.0
            )
            lot.is_exhausted = bool(lot.ceiling_amount) and (
                lot.currency_id.compare_amounts(committed, lot.ceiling_amount) >= 0
            )

    @api.depends("committed_amount", "remaining_amount", "date_start")
    def _compute_exhaustion_forecast_date(self):
        today = fields.Date.context_today(self)
        window_start = today - timedelta(days=FORECAST_WINDOW_DAYS)
        lots = self.filtered("id")
        groups = (
            self.env["purchase.order"]
            .sudo()
            ._read_group(
                [
                    ("requisition_id", "in", lots.ids),
                    ("state", "in", COMMITTED_STATES),
                    ("date_approve", ">=", fields.Datetime.to_datetime(window_start)),
                ],
                ["requisition_id"],
                ["call_off_amount:sum"],
            )
        )
        burnt = {lot.id: amount for lot, amount in groups}
        for lot in self:
            lot.exhaustion_forecast_date = False
            if (
                not burnt.get(lot.id)
                or lot.currency_id.compare_amounts(lot.remaining_amount, 0.0) <= 0
            ):
                continue
            start = max(
                window_start,
                lot.date_start or lot.framework_agreement_id.date_start or window_start,
            )
            days = max((today - start).days, 1)
            rate = burnt[lot.id] / days
            lot.exhaustion_forecast_date = today + timedelta(
                days=math.ceil(lot.remaining_amount / rate)
            )

    @api.depends("currency_id")
    def _compute_late_fine_amount(self):
        today = fields.Date.context_today(self)
        totals = defaultdict(float)
        lots = self.filtered("id")
        for lot, currency, amount in (
            self.env["interzonal.late.fine"]
            .sudo()
            ._read_group(
                [("requisition_id", "in", lots.ids), ("state", "=", "withheld")],
                ["requisition_id", "currency_id"],
                ["amount:sum"],
            )
        ):
            totals[lot.id] += currency._convert(
                amount, lot.currency_id, lot.company_id, today
            )
        for lot in self:
            lot.late_fine_amount = totals.get(lot.id, 0.0)

    @api.depends("purchase_ids")
    def _compute_orders_number(self):
        counts = dict(
            self.env["purchase.order"]
            .sudo()
            ._read_group(
                [("requisition_id", "in", self.ids)], ["requisition_id"], ["__count"]
            )
        )
        for requisition in self:
            requisition.order_count = counts.get(requisition, 0)

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

    def _check_quotas_within_ceiling(self):
        # Sums only, to validate the lots being saved: also for a purchase
        # user who may not read quotas (a plain blanket order has none).
        totals = dict(
            self.env["interzonal.lot.allocation"]
            .sudo()
            ._read_group(
                [("requisition_id", "in", self.ids)],
                ["requisition_id"],
                ["amount:sum"],
            )
        )
        bad = self.filtered(
            lambda lot: lot.currency_id.compare_amounts(
                totals.get(lot, 0.0), lot.ceiling_amount
            )
            > 0
        )
        if bad:
            details = []
            for lot in bad:
                details.append(
                    _(
                        "%(lot)s (quotas %(quotas)s, ceiling %(ceiling)s)",
                        lot=lot.display_name,
                        quotas=format_amount(self.env, totals[lot], lot.currency_id),
                        ceiling=format_amount(
                            self.env, lot.ceiling_amount, lot.currency_id
                        ),
                    )
                )
            raise ValidationError(
                _(
                    "The zone quotas of a lot cannot exceed its ceiling: %(lots)s",
                    lots=", ".join(details),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # Empty: compared with nothing, also when copying a lot.
            self.browse()._check_contract_manager_fields(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_contract_manager_fields(vals)
        if "initial_ceiling_amount" in vals:
            locked = self.filtered(
                lambda lot: lot.state != "draft"
                and lot.currency_id.compare_amounts(
                    lot.initial_ceiling_amount, vals["initial_ceiling_amount"] or 0.0
                )
                != 0
            )
            if locked:
                raise UserError(
                    _(
                        "The ceiling of a confirmed lot only grows through a "
                        "recorded modification: %(lots)s",
                        lots=", ".join(locked.mapped("display_name")),
                    )
                )
        if not {"initial_ceiling_amount", "currency_id"}.intersection(vals):
            return super().write(vals)
        lots = self.filtered("framework_agreement_id")
        res = super().write(vals)
        call_offs = lots.purchase_ids.filtered("is_committed_call_off")
        if "currency_id" in vals:
            # What the call-offs commit is frozen again in the new currency.
            call_offs._freeze_call_off_amount()
        lots._check_call_off_capacity()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_call_offs(self):
        used = self.filtered(
            lambda lot: lot.framework_agreement_id and lot.purchase_ids
        )
        if used:
            raise UserError(
                _(
                    "A lot with call-offs cannot be deleted: %(lots)s",
                    lots=", ".join(used.mapped("display_name")),
                )
            )

    def _check_contract_manager_fields(self, vals):
        if self.env.su or not CONTRACT_MANAGER_FIELDS.intersection(vals):
            return
        if not self.env.user.has_group(
            "interzonal_procurement.group_contract_manager"
        ) and self._is_contract_manager_change(vals):
            raise AccessError(
                _(
                    "Only contract managers may set the framework agreement, "
                    "ceilings, quotas and modifications of a lot."
                )
            )

    def _is_contract_manager_change(self, vals):
        """Whether ``vals`` really set or change what only contract managers may.

        A new lot (empty ``self``) counts as changed for any non-empty value;
        an existing one only for a value that differs from its current one.
        Copying or saving a plain blanket order sends these fields empty or
        unchanged: that is no contract manager's change.
        """
        # Only the current values are read, to compare them: the caller's
        # rights on quotas and modifications are checked by their own ACLs.
        lots = self.sudo() or [self.sudo().browse()]
        for fname in CONTRACT_MANAGER_FIELDS.intersection(vals):
            field, value = self._fields[fname], vals[fname]
            for lot in lots:
                if fname == "operator_ids" and not (
                    vals.get("framework_agreement_id") or lot.framework_agreement_id
                ):
                    # Operators follow the vendor on lots outside any agreement
                    # (plain blanket orders): no contract manager's change.
                    continue
                if field.type == "one2many":
                    current = set(lot[fname].ids)
                    for command in value or ():
                        if command[0] == fields.Command.SET:
                            if set(command[2]) != current:
                                return True
                        elif command[0] != fields.Command.LINK or (
                            command[1] not in current
                        ):
                            return True
                elif field.type == "many2one":
                    if (value or False) != (lot[fname].id or False):
                        return True
                elif field.type == "monetary":
                    currency = lot.currency_id or self.env.company.currency_id
                    if currency.compare_amounts(value or 0.0, lot[fname]) != 0:
                        return True
                elif (value or False) != (lot[fname] or False):
                    return True
        return False

    @api.depends("name", "lot_number", "reference", "vendor_id")
    def _compute_display_name(self):
        lots = self.filtered("framework_agreement_id")
        for lot in lots:
            label = lot.lot_number and _("Lot %(number)s", number=lot.lot_number)
            lot.display_name = " - ".join(
                part
                for part in (lot.name, label, lot.reference or lot.vendor_id.name)
                if part
            )
        return super(PurchaseRequisition, self - lots)._compute_display_name()

    # ------------------------------------------------------------------
    # Business methods
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

    def _check_modifications_below_eu_threshold(self):
        """Cumulative modifications stay below the EU threshold in force on
        the date of each modification, in the column the agreement names."""
        for lot in self.filtered("framework_agreement_id"):
            agreement = lot.framework_agreement_id
            cumulative = 0.0
            for modification in lot.modification_ids.sorted(lambda m: (m.date, m.id)):
                cumulative += modification.amount
                threshold, currency = agreement._get_eu_threshold(modification.date)
                if threshold is None:
                    raise ValidationError(
                        _(
                            "Modification %(decision)s of lot %(lot)s: no EU "
                            "threshold is known for %(date)s.",
                            decision=modification.decision_reference,
                            lot=lot.display_name,
                            date=format_date(self.env, modification.date),
                        )
                    )
                total = lot.currency_id._convert(
                    cumulative, currency, lot.company_id, modification.date
                )
                if currency.compare_amounts(total, threshold) >= 0:
                    raise ValidationError(
                        _(
                            "Modification %(decision)s of lot %(lot)s brings its "
                            "modifications to %(total)s, not below the EU "
                            "threshold of %(threshold)s in force on %(date)s.",
                            decision=modification.decision_reference,
                            lot=lot.display_name,
                            total=format_amount(self.env, total, currency),
                            threshold=format_amount(self.env, threshold, currency),
                            date=format_date(self.env, modification.date),
                        )
                    )

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

    @api.model
    def _get_consumption_steps(self):
        param = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(CONSUMPTION_STEPS_PARAM, DEFAULT_CONSUMPTION_STEPS)
        )
        steps = []
        for part in (param or "").split(","):
            try:
                steps.append(float(part))
            except ValueError:
                continue
        return sorted(step for step in steps if 0 < step <= 100)

    def _notify_consumption_steps(self):
        """Announce every consumption step newly crossed, once per step."""
        steps = self._get_consumption_steps()
        group = self.env.ref("interzonal_procurement.group_contract_manager")
        for lot in self.filtered("framework_agreement_id"):
            crossed = [
                step
                for step in steps
                if lot.consumption_step_notified < step <= lot.consumption_percent
            ]
            if not crossed:
                continue
            lot = lot.sudo()
            managers = group.users.filtered(
                lambda u, c=lot.company_id: c in u.company_ids and u.active
            )
            responsible = lot.framework_agreement_id.user_id or lot.user_id
            for step in crossed:
                summary = _(
                    "Lot %(lot)s passed %(step)s %% of its ceiling",
                    lot=lot.display_name,
                    step=int(step) if step == int(step) else step,
                )
                note = _(
                    "Committed %(committed)s of %(ceiling)s (%(percent)s %%); "
                    "%(remaining)s left.",
                    committed=format_amount(
                        self.env, lot.committed_amount, lot.currency_id
                    ),
                    ceiling=format_amount(
                        self.env, lot.ceiling_amount, lot.currency_id
                    ),
                    percent=round(lot.consumption_percent, 1),
                    remaining=format_amount(
                        self.env, lot.remaining_amount, lot.currency_id
                    ),
                )
                lot.message_post(
                    body=_("%(summary)s. %(note)s", summary=summary, note=note),
                    partner_ids=managers.partner_id.ids,
                    subtype_xmlid="mail.mt_note",
                )
                lot.activity_schedule(
                    "interzonal_procurement.mail_activity_type_consumption_step",
                    summary=summary,
                    note=note,
                    user_id=responsible.id or self.env.uid,
                )
            lot.consumption_step_notified = max(crossed)

    def action_view_call_offs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "interzonal_procurement.purchase_order_call_off_action"
        )
        action["domain"] = [("requisition_id", "=", self.id)]
        action["context"] = {
            "default_requisition_id": self.id,
            "default_partner_id": self.vendor_id.id,
        }
        return action
