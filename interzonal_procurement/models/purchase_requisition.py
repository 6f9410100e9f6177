# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math
from collections import defaultdict
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, format_amount

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
    allocation_ids = fields.One2many(
        "interzonal.lot.allocation", "requisition_id", string="Zone Quotas"
    )
    modification_ids = fields.One2many(
        "interzonal.lot.modification", "requisition_id", string="Modifications"
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
        "currency_id",
        "purchase_ids.state",
        "purchase_ids.amount_untaxed",
        "purchase_ids.currency_id",
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
                ["requisition_id", "currency_id"],
                ["amount_untaxed:sum"],
            )
        )
        burnt = defaultdict(float)
        for lot, currency, amount in groups:
            burnt[lot.id] += currency._convert(
                amount, lot.currency_id, lot.company_id, today
            )
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
        return super().write(vals)

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

        :return: (``{lot_id: amount}``, ``{(lot_id, zone_id): amount}``) in
            each lot's currency.
        """
        lot_totals = defaultdict(float)
        zone_totals = defaultdict(float)
        lots = self.filtered("id")
        if not lots:
            return lot_totals, zone_totals
        today = fields.Date.context_today(self)
        groups = (
            self.env["purchase.order"]
            .sudo()
            ._read_group(
                [("requisition_id", "in", lots.ids), ("state", "in", COMMITTED_STATES)],
                ["requisition_id", "zone_id", "currency_id"],
                ["amount_untaxed:sum"],
            )
        )
        for lot, zone, currency, amount in groups:
            amount = currency._convert(amount, lot.currency_id, lot.company_id, today)
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
