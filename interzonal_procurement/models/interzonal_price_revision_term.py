# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .interzonal_price_revision import DEFER_COEFFICIENT_CHECK, FACTOR_DIGITS


class InterzonalPriceRevisionTerm(models.Model):
    _name = "interzonal.price.revision.term"
    _description = "Indexed Term of a Price Revision"
    _order = "revision_id, sequence, id"
    _check_company_auto = True

    revision_id = fields.Many2one(
        "interzonal.price.revision",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(
        string="Index",
        required=True,
        help="Index of the revision formula, e.g. the wage index or Agoria's "
        "materials index.",
    )
    coefficient = fields.Float(
        digits=FACTOR_DIGITS, help="Share of the price that follows this index (b)."
    )
    base_index = fields.Float(
        digits=(16, 4), help="Value of the index at the base date of the contract (I0)."
    )
    current_index = fields.Float(
        digits=(16, 4), help="Value of the index at the revision date (I)."
    )
    company_id = fields.Many2one(
        related="revision_id.company_id", store=True, index=True, precompute=True
    )

    @api.constrains("base_index", "current_index")
    def _check_indices(self):
        bad = self.filtered(lambda t: t.base_index <= 0 or t.current_index <= 0)
        if bad:
            raise ValidationError(
                _(
                    "The base and current values of an index must be positive: "
                    "%(indices)s",
                    indices=", ".join(bad.mapped("name")),
                )
            )

    @api.constrains("coefficient", "revision_id")
    def _check_revision_coefficients(self):
        if not self.env.context.get(DEFER_COEFFICIENT_CHECK):
            self.revision_id._check_coefficients()

    @api.model_create_multi
    def create(self, vals_list):
        terms = super().create(vals_list)
        if not self.env.context.get(DEFER_COEFFICIENT_CHECK):
            terms.revision_id._check_not_used()
            terms.revision_id._sync_contract_file_documents()
        return terms

    def write(self, vals):
        if not self.env.context.get(DEFER_COEFFICIENT_CHECK):
            self.revision_id._check_not_used()
        revisions = self.revision_id
        res = super().write(vals)
        if not self.env.context.get(DEFER_COEFFICIENT_CHECK):
            (revisions | self.revision_id)._check_coefficients()
            (revisions | self.revision_id)._sync_contract_file_documents()
        return res

    def unlink(self):
        revisions = self.revision_id
        if not self.env.context.get(DEFER_COEFFICIENT_CHECK):
            revisions._check_not_used()
        res = super().unlink()
        if not self.env.context.get(DEFER_COEFFICIENT_CHECK):
            revisions.exists()._check_coefficients()
            revisions.exists()._sync_contract_file_documents()
        return res
