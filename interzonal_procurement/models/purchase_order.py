# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .purchase_requisition import COMMITTED_STATES

# Context keys: the capacity check waits for the end of the order's own
# create/write; the frozen fields are only written by the order itself.
DEFER_CAPACITY_CHECK = "interzonal_defer_capacity_check"
FREEZING = "interzonal_freezing_call_off"
# Fields whose change on a confirmed call-off changes what it commits...
AMOUNT_FIELDS = {"requisition_id", "currency_id", "company_id", "order_line"}
# ... or the rules it must meet.
ORDER_RULE_FIELDS = {
    "zone_id",
    "partner_id",
    "consulted_operator_ids",
    "award_justification",
}
CALL_OFF_FIELDS = AMOUNT_FIELDS | ORDER_RULE_FIELDS | {"state"}
FROZEN_FIELDS = {"call_off_amount", "call_off_date"}


class PurchaseOrder(models.Model):
    """Call-offs: orders of a lot of a framework agreement.

    What a call-off commits is frozen in its lot's currency when it is placed
    and each time it changes; ``_commit_call_offs`` is the one path every
    change goes through (confirmation and approval, a state written
    directly, creation in a committed state as by a copy, line changes from
    the form, the catalog or a merge), ending in the lot's capacity check.
    Late-delivery fines and supplier evaluations are in
    ``purchase_order_late_fine.py`` and ``purchase_order_evaluation.py``.
    """

    _name = "purchase.order"
    _inherit = ["purchase.order", "interzonal.zone.mixin"]

    zone_id = fields.Many2one(help="Police zone that orders and pays.")
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
    is_committed_call_off = fields.Boolean(
        compute="_compute_is_committed_call_off",
        help="A confirmed order of a lot of a framework agreement.",
    )
    call_off_amount = fields.Monetary(
        string="Committed Amount",
        currency_field="lot_currency_id",
        readonly=True,
        copy=False,
        tracking=True,
        help="Untaxed amount the call-off commits in its lot's currency, at the "
        "rate of the day it was confirmed or last changed.",
    )
    call_off_date = fields.Date(
        string="Placed On",
        readonly=True,
        copy=False,
        tracking=True,
        help="Day the call-off was confirmed: the agreement, the lot and the "
        "zone's accession must allow it on that day.",
    )
    lot_operator_count = fields.Integer(compute="_compute_lot_operator_count")
    consulted_operator_ids = fields.Many2many(
        "res.partner",
        "purchase_order_consulted_operator_rel",
        "order_id",
        "partner_id",
        string="Operators Consulted",
        copy=False,
        help="Operators of the lot consulted in writing for this call-off "
        "(mini-competition).",
    )
    award_justification = fields.Text(
        copy=False,
        tracking=True,
        help="Why the call-off goes to this operator: the award decision of "
        "the mini-competition.",
    )

    @api.depends("state", "framework_agreement_id")
    def _compute_is_committed_call_off(self):
        for order in self:
            order.is_committed_call_off = bool(order.framework_agreement_id) and (
                order.state in COMMITTED_STATES
            )

    @api.depends("requisition_id.operator_ids")
    def _compute_lot_operator_count(self):
        for order in self:
            order.lot_operator_count = len(order.requisition_id.operator_ids)

    @api.model_create_multi
    def create(self, vals_list):
        self._check_call_off_frozen_fields(vals_list)
        orders = super(
            PurchaseOrder, self.with_context(**{DEFER_CAPACITY_CHECK: True})
        ).create(vals_list)
        orders = orders.with_env(self.env)
        if not self.env.context.get(DEFER_CAPACITY_CHECK):
            orders._commit_call_offs(placed=orders.filtered("is_committed_call_off"))
        return orders

    def write(self, vals):
        self._check_call_off_frozen_fields([vals])
        if self.env.context.get(DEFER_CAPACITY_CHECK) or not (
            CALL_OFF_FIELDS.intersection(vals)
        ):
            return super().write(vals)
        before = {
            order.id: (order.is_committed_call_off, order.requisition_id)
            for order in self
        }
        res = super(
            PurchaseOrder, self.with_context(**{DEFER_CAPACITY_CHECK: True})
        ).write(vals)
        committed = self.filtered("is_committed_call_off")
        placed = committed.filtered(
            lambda o: not before[o.id][0] or before[o.id][1] != o.requisition_id
        )
        changed = committed - placed
        self._commit_call_offs(
            placed=placed,
            changed=changed if AMOUNT_FIELDS.intersection(vals) else None,
            checked=changed if ORDER_RULE_FIELDS.intersection(vals) else None,
        )
        return res

    def _commit_call_offs(self, placed=None, changed=None, checked=None):
        """Freeze what call-offs commit and check their lots' capacity.

        The one owner of the ceiling and quota rules of call-offs: order
        creation and writes, line changes and the lot's own changes all end
        here, then in ``purchase.requisition._check_call_off_capacity``.

        :param placed: call-offs placed now (confirmed, approved, created
            confirmed or moved to another lot): frozen with today's date.
        :param changed: confirmed call-offs whose amount changed: frozen
            again at today's rate, on their placing date.
        :param checked: confirmed call-offs whose supplier, zone or
            mini-competition changed: checked again, their amount unchanged.
        """
        empty = self.browse()
        placed, changed = placed or empty, changed or empty
        placed._freeze_call_off_amount(placed=True)
        changed._freeze_call_off_amount()
        self.env["purchase.requisition"]._check_call_off_capacity(
            placed | changed | (checked or empty)
        )

    @api.model
    def _check_call_off_frozen_fields(self, vals_list):
        if self.env.context.get(FREEZING) or not any(
            FROZEN_FIELDS.intersection(vals) for vals in vals_list
        ):
            return
        raise UserError(
            _(
                "The committed amount and the placing date of a call-off are set "
                "when it is confirmed or changed; they cannot be written."
            )
        )

    def _freeze_call_off_amount(self, placed=False):
        """Freeze what the call-offs commit, in their lot's currency.

        :param placed: the call-offs are placed now (confirmed, approved or
            moved to another lot): their placing date becomes today, in the
            user's time zone. Otherwise they changed: their amount is frozen
            again at the rate of today.
        """
        today = fields.Date.context_today(self)
        for order in self:
            lot = order.requisition_id
            call_off_date = today if placed else order.call_off_date or today
            vals = {
                "call_off_amount": order.currency_id._convert(
                    order.amount_untaxed, lot.currency_id, order.company_id, today
                ),
                "call_off_date": call_off_date,
            }
            order.with_context(**{FREEZING: True}).write(vals)

    def _check_call_off_lines_changed(self):
        """Freeze again and check the confirmed call-offs whose lines changed."""
        if self.env.context.get(DEFER_CAPACITY_CHECK):
            return
        self._commit_call_offs(changed=self.filtered("is_committed_call_off"))

    @api.model
    def _init_call_off_amounts(self):
        """Freeze the call-offs confirmed before these amounts existed, at
        the rate of the day they were approved."""
        # sudo: run at installation and by the migration over every company's
        # call-offs; only their frozen amount and date are set.
        orders = self.sudo().search(
            [
                ("requisition_id.framework_agreement_id", "!=", False),
                ("state", "in", COMMITTED_STATES),
                ("call_off_date", "=", False),
            ]
        )
        for order in orders:
            placed = fields.Date.context_today(
                order, order.date_approve or order.date_order
            )
            order.with_context(**{FREEZING: True}).write(
                {
                    "call_off_date": placed,
                    "call_off_amount": order.currency_id._convert(
                        order.amount_untaxed,
                        order.requisition_id.currency_id,
                        order.company_id,
                        placed,
                    ),
                }
            )

    def button_confirm(self):
        call_offs = self.filtered(
            lambda o: o.state in ("draft", "sent") and o.framework_agreement_id
        )
        res = super().button_confirm()
        call_offs.requisition_id._notify_consumption_steps()
        return res

    def button_approve(self, force=False):
        call_offs = self.filtered(
            lambda o: o.state == "to approve" and o.framework_agreement_id
        )
        res = super().button_approve(force=force)
        call_offs.requisition_id._notify_consumption_steps()
        self.filtered(
            lambda order: order.state in ("purchase", "done")
        ).order_line._freeze_date_committed()
        return res

    def button_draft(self):
        # An order confirmed again commits to the date agreed then.
        self.order_line.write({"date_committed": False})
        return super().button_draft()

    def _prepare_grouped_data(self, rfq):
        """Call-offs of different lots or zones are never merged."""
        key = super()._prepare_grouped_data(rfq)
        if rfq.framework_agreement_id:
            key += (rfq.requisition_id.id, rfq.zone_id.id)
        return key

    @api.onchange("requisition_id")
    def _onchange_requisition_id_zone(self):
        if self.requisition_id and not self.zone_id:
            self.zone_id = self._default_zone_id()
