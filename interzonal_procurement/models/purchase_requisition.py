# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

COMMITTED_STATES = ("purchase", "done")

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
    """A lot of a framework agreement: its contract fields and who may set
    them. Ceilings and what the call-offs commit are in
    ``purchase_requisition_ceiling.py``, zone quotas and modifications in
    ``purchase_requisition_quota.py``, the rules of a call-off in
    ``purchase_requisition_call_off.py``, consumption steps and forecast in
    ``purchase_requisition_consumption.py``."""

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
    estimated_amount = fields.Monetary(tracking=True)
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

    @api.depends("purchase_ids")
    def _compute_orders_number(self):
        # sudo: counts the lot's orders, also for requesters who read lots but
        # not orders; no order is returned.
        counts = dict(
            self.env["purchase.order"]
            .sudo()
            ._read_group(
                [("requisition_id", "in", self.ids)], ["requisition_id"], ["__count"]
            )
        )
        for requisition in self:
            requisition.order_count = counts.get(requisition, 0)

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
        # sudo: only the current values are read, to compare them: the caller's
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
                if field.type in ("one2many", "many2many"):
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
