# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_amount


class InterzonalLotModification(models.Model):
    _name = "interzonal.lot.modification"
    _description = "Lot Ceiling Modification"
    _order = "date desc, id desc"
    _check_company_auto = True

    requisition_id = fields.Many2one(
        "purchase.requisition",
        string="Lot",
        required=True,
        ondelete="cascade",
        check_company=True,
        index=True,
    )
    agreement_id = fields.Many2one(
        related="requisition_id.framework_agreement_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="requisition_id.currency_id")
    amount = fields.Monetary(
        required=True, help="Amount added to the lot's ceiling (ex VAT)."
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    decision_reference = fields.Char(required=True)
    reason = fields.Text(required=True)
    company_id = fields.Many2one(
        related="requisition_id.company_id", store=True, index=True, precompute=True
    )

    @api.constrains("amount")
    def _check_amount_positive(self):
        bad = self.filtered(lambda m: m.currency_id.compare_amounts(m.amount, 0.0) <= 0)
        if bad:
            raise ValidationError(
                _(
                    "A modification can only raise the ceiling: %(decisions)s",
                    decisions=", ".join(bad.mapped("decision_reference")),
                )
            )

    @api.constrains("amount", "requisition_id", "date")
    def _check_modification_limit(self):
        lots = self.requisition_id
        totals = dict(
            self._read_group(
                [("requisition_id", "in", lots.ids)],
                ["requisition_id"],
                ["amount:sum"],
            )
        )
        bad = []
        for lot in lots:
            limit_percent = lot.framework_agreement_id.modification_limit_percent
            limit = lot.initial_ceiling_amount * limit_percent / 100.0
            if lot.currency_id.compare_amounts(totals.get(lot, 0.0), limit) > 0:
                bad.append(
                    _(
                        "%(lot)s: modifications %(total)s, limit %(limit)s "
                        "(%(percent)s %% of %(initial)s)",
                        lot=lot.display_name,
                        total=format_amount(self.env, totals[lot], lot.currency_id),
                        limit=format_amount(self.env, limit, lot.currency_id),
                        percent=limit_percent,
                        initial=format_amount(
                            self.env, lot.initial_ceiling_amount, lot.currency_id
                        ),
                    )
                )
        if bad:
            raise ValidationError(
                _(
                    "The cumulative modifications exceed the limit allowed on the "
                    "initial ceiling:\n%(lots)s",
                    lots="\n".join(bad),
                )
            )
        lots._check_modifications_below_eu_threshold()

    @api.model_create_multi
    def create(self, vals_list):
        modifications = super().create(vals_list)
        for modification in modifications:
            modification.requisition_id.message_post(
                body=_(
                    "Ceiling modification of %(amount)s (decision %(decision)s, "
                    "%(date)s): %(reason)s",
                    amount=format_amount(
                        self.env, modification.amount, modification.currency_id
                    ),
                    decision=modification.decision_reference,
                    date=modification.date,
                    reason=modification.reason,
                )
            )
        return modifications

    def write(self, vals):
        lots = self.requisition_id
        res = super().write(vals)
        if {"amount", "requisition_id"}.intersection(vals):
            # A lower or moved modification lowers a ceiling: the commitments
            # of the lot must still fit.
            (lots | self.requisition_id)._check_call_off_capacity()
        for modification in self:
            modification.requisition_id.message_post(
                body=_(
                    "Ceiling modification %(decision)s changed: %(amount)s.",
                    decision=modification.decision_reference,
                    amount=format_amount(
                        self.env, modification.amount, modification.currency_id
                    ),
                )
            )
        return res

    def unlink(self):
        for modification in self:
            modification.requisition_id.message_post(
                body=_(
                    "Ceiling modification %(decision)s of %(amount)s removed.",
                    decision=modification.decision_reference,
                    amount=format_amount(
                        self.env, modification.amount, modification.currency_id
                    ),
                )
            )
        lots = self.requisition_id
        res = super().unlink()
        lots.exists()._check_call_off_capacity()
        return res
