# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_amount


class InterzonalLotAllocation(models.Model):
    _name = "interzonal.lot.allocation"
    _description = "Zone Quota in a Lot"
    _order = "requisition_id, zone_id"
    _check_company_auto = True

    requisition_id = fields.Many2one(
        "purchase.requisition",
        string="Lot",
        required=True,
        ondelete="cascade",
        check_company=True,
        index=True,
    )
    zone_id = fields.Many2one("interzonal.zone", required=True, check_company=True)
    currency_id = fields.Many2one(related="requisition_id.currency_id")
    amount = fields.Monetary(string="Quota", required=True)
    committed_amount = fields.Monetary(compute="_compute_committed_amount")
    remaining_amount = fields.Monetary(compute="_compute_committed_amount")
    company_id = fields.Many2one(
        related="requisition_id.company_id", store=True, index=True, precompute=True
    )

    _sql_constraints = [
        (
            "lot_zone_uniq",
            "unique(requisition_id, zone_id)",
            "A zone has at most one quota per lot.",
        ),
    ]

    @api.depends("amount", "requisition_id", "zone_id")
    def _compute_committed_amount(self):
        committed = self.requisition_id._get_committed_by_lot_and_zone()
        for allocation in self:
            allocation.committed_amount = committed.get(
                (allocation.requisition_id.id, allocation.zone_id.id), 0.0
            )
            allocation.remaining_amount = (
                allocation.amount - allocation.committed_amount
            )

    @api.constrains("amount", "requisition_id")
    def _check_quotas_within_ceiling(self):
        bad = self.filtered(lambda a: a.amount < 0)
        if bad:
            raise ValidationError(
                _(
                    "A quota cannot be negative: %(zones)s",
                    zones=", ".join(bad.zone_id.mapped("display_name")),
                )
            )
        self.requisition_id._check_quotas_within_ceiling()

    @api.model_create_multi
    def create(self, vals_list):
        allocations = super().create(vals_list)
        for allocation in allocations:
            allocation.requisition_id.message_post(
                body=_(
                    "Quota of %(amount)s set for zone %(zone)s.",
                    amount=format_amount(
                        self.env, allocation.amount, allocation.currency_id
                    ),
                    zone=allocation.zone_id.display_name,
                )
            )
        return allocations

    def write(self, vals):
        old = {a.id: a.amount for a in self}
        lots = self.requisition_id
        res = super().write(vals)
        if {"amount", "zone_id", "requisition_id"}.intersection(vals):
            # A lower quota must still hold what its zone committed.
            (lots | self.requisition_id)._check_call_off_capacity()
        if "amount" in vals or "zone_id" in vals:
            for allocation in self:
                allocation.requisition_id.message_post(
                    body=_(
                        "Quota of zone %(zone)s changed from %(old)s to %(new)s.",
                        zone=allocation.zone_id.display_name,
                        old=format_amount(
                            self.env, old[allocation.id], allocation.currency_id
                        ),
                        new=format_amount(
                            self.env, allocation.amount, allocation.currency_id
                        ),
                    )
                )
        return res

    def unlink(self):
        for allocation in self:
            allocation.requisition_id.message_post(
                body=_(
                    "Quota of %(amount)s of zone %(zone)s removed.",
                    amount=format_amount(
                        self.env, allocation.amount, allocation.currency_id
                    ),
                    zone=allocation.zone_id.display_name,
                )
            )
        return super().unlink()
