# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_repr, format_date

# Context key: the coefficients of a revision are checked once its own
# create or write is done, not after each of its terms.
DEFER_COEFFICIENT_CHECK = "interzonal_defer_coefficient_check"
# What a revision used by a confirmed call-off may no longer change.
LOCKED_FIELDS = {"requisition_id", "date", "fixed_coefficient", "term_ids"}
FACTOR_DIGITS = (12, 6)


class InterzonalPriceRevision(models.Model):
    _name = "interzonal.price.revision"
    _description = "Contract Price Revision"
    _inherit = ["mail.thread"]
    _order = "requisition_id, date desc, id desc"
    _check_company_auto = True

    requisition_id = fields.Many2one(
        "purchase.requisition",
        string="Lot",
        required=True,
        ondelete="cascade",
        check_company=True,
        index=True,
        tracking=True,
        domain="[('framework_agreement_id', '!=', False)]",
    )
    agreement_id = fields.Many2one(
        related="requisition_id.framework_agreement_id", store=True, index=True
    )
    date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        tracking=True,
        help="Call-offs confirmed on or after this day get their contract "
        "prices revised by the factor; earlier ones keep theirs.",
    )
    reference = fields.Char(
        tracking=True, help="Reference of the revision in the contract file."
    )
    fixed_coefficient = fields.Float(
        digits=FACTOR_DIGITS,
        tracking=True,
        help="Share of the price that is not revised (a in p = P x (a + b x I/I0 "
        "+ ...)).",
    )
    term_ids = fields.One2many(
        "interzonal.price.revision.term",
        "revision_id",
        string="Indexed Terms",
        copy=True,
    )
    coefficient_total = fields.Float(
        compute="_compute_coefficient_total",
        digits=FACTOR_DIGITS,
        help="Fixed coefficient plus the coefficients of the terms: exactly 1.",
    )
    factor = fields.Float(
        compute="_compute_factor",
        store=True,
        digits=FACTOR_DIGITS,
        tracking=True,
        help="p/P = a + sum(b x I/I0): the factor applied to the lot's contract "
        "unit prices.",
    )
    file = fields.Binary(attachment=True, help="The revision's calculation or letter.")
    filename = fields.Char()
    document_id = fields.Many2one(
        "interzonal.agreement.document",
        string="Contract File Document",
        readonly=True,
        copy=False,
        ondelete="set null",
    )
    company_id = fields.Many2one(
        related="requisition_id.company_id", store=True, index=True, precompute=True
    )

    @api.depends("fixed_coefficient", "term_ids.coefficient")
    def _compute_coefficient_total(self):
        for revision in self:
            revision.coefficient_total = revision.fixed_coefficient + sum(
                revision.term_ids.mapped("coefficient")
            )

    @api.depends(
        "fixed_coefficient",
        "term_ids.coefficient",
        "term_ids.base_index",
        "term_ids.current_index",
    )
    def _compute_factor(self):
        for revision in self:
            factor = revision.fixed_coefficient
            for term in revision.term_ids:
                if term.base_index:
                    factor += term.coefficient * term.current_index / term.base_index
            revision.factor = factor

    @api.depends("requisition_id", "date", "reference")
    def _compute_display_name(self):
        for revision in self:
            revision.display_name = _(
                "%(lot)s: price revision of %(date)s",
                lot=revision.requisition_id.display_name,
                date=format_date(self.env, revision.date),
            )

    @api.constrains("fixed_coefficient", "term_ids")
    def _check_coefficients(self):
        negative = self.filtered(
            lambda r: r.fixed_coefficient < 0
            or any(term.coefficient <= 0 for term in r.term_ids)
        )
        if negative:
            raise ValidationError(
                _(
                    "The fixed coefficient cannot be negative and each indexed "
                    "term needs a positive coefficient: %(revisions)s",
                    revisions=", ".join(negative.mapped("display_name")),
                )
            )
        bad = self.filtered(
            lambda r: float_compare(
                r.coefficient_total, 1.0, precision_digits=FACTOR_DIGITS[1]
            )
            != 0
        )
        if bad:
            sums = [
                self.env._(
                    "%(revision)s (sum %(total)s)",
                    revision=revision.display_name,
                    total=round(revision.coefficient_total, FACTOR_DIGITS[1]),
                )
                for revision in bad
            ]
            raise ValidationError(
                _(
                    "The coefficients of a price revision sum to exactly 1: "
                    "%(revisions)s",
                    revisions=", ".join(sums),
                )
            )

    @api.constrains("requisition_id", "date")
    def _check_lot_and_date(self):
        outside = self.filtered(lambda r: not r.requisition_id.framework_agreement_id)
        if outside:
            raise ValidationError(
                _(
                    "Prices are revised on lots of a framework agreement only: "
                    "%(lots)s",
                    lots=", ".join(outside.requisition_id.mapped("display_name")),
                )
            )
        groups = self._read_group(
            [("requisition_id", "in", self.requisition_id.ids)],
            ["requisition_id", "date:day"],
            ["__count"],
            having=[("__count", ">", 1)],
        )
        if groups:
            days = [
                self.env._(
                    "%(lot)s on %(date)s",
                    lot=lot.display_name,
                    date=format_date(self.env, day),
                )
                for lot, day, _count in groups
            ]
            raise ValidationError(
                _(
                    "A lot has at most one price revision per day: %(lots)s",
                    lots=", ".join(days),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        revisions = super(
            InterzonalPriceRevision,
            self.with_context(**{DEFER_COEFFICIENT_CHECK: True}),
        ).create(vals_list)
        revisions = revisions.with_env(self.env)
        revisions._check_coefficients()
        revisions._sync_contract_file_documents()
        return revisions

    def write(self, vals):
        if LOCKED_FIELDS.intersection(vals):
            self._check_not_used()
        res = super(
            InterzonalPriceRevision,
            self.with_context(**{DEFER_COEFFICIENT_CHECK: True}),
        ).write(vals)
        if {"term_ids", "fixed_coefficient"}.intersection(vals):
            self._check_coefficients()
        if {*LOCKED_FIELDS, "reference", "file", "filename"}.intersection(vals):
            self._sync_contract_file_documents()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        self._check_not_used()

    def unlink(self):
        documents = self.document_id
        res = super().unlink()
        documents.unlink()
        return res

    def _get_using_call_offs(self):
        """Confirmed call-offs whose lines were priced with these revisions."""
        # sudo: only tells whether confirmed orders used the revisions, to
        # refuse changing them; the orders are not returned to the caller.
        return (
            self.env["purchase.order.line"]
            .sudo()
            .search(
                [
                    ("price_revision_id", "in", self.ids),
                    ("order_id.state", "in", ("purchase", "done")),
                ]
            )
            .order_id
        )

    def _check_not_used(self):
        orders = self._get_using_call_offs()
        if orders:
            raise UserError(
                _(
                    "Confirmed call-offs were priced with this price revision: "
                    "record a new revision instead of changing or deleting it "
                    "(%(orders)s).",
                    orders=", ".join(orders.mapped("display_name")),
                )
            )

    def _sync_contract_file_documents(self):
        """List each revision in its framework agreement's contract file."""
        doc_type = self.env.ref(
            "interzonal_procurement.document_type_price_revisions",
            raise_if_not_found=False,
        )
        if not doc_type:
            return
        for revision in self:
            factor = float_repr(revision.factor, FACTOR_DIGITS[1])
            if revision.reference:
                name = _(
                    "Price revision of lot %(lot)s on %(date)s: factor %(factor)s "
                    "(%(reference)s)",
                    lot=revision.requisition_id.display_name,
                    date=format_date(self.env, revision.date),
                    factor=factor,
                    reference=revision.reference,
                )
            else:
                name = _(
                    "Price revision of lot %(lot)s on %(date)s: factor %(factor)s",
                    lot=revision.requisition_id.display_name,
                    date=format_date(self.env, revision.date),
                    factor=factor,
                )
            vals = {
                "agreement_id": revision.agreement_id.id,
                "document_type_id": doc_type.id,
                "name": name,
                "date": revision.date,
                "file": revision.file,
                "filename": revision.filename,
            }
            if revision.document_id:
                revision.document_id.write(vals)
            else:
                revision.document_id = self.env["interzonal.agreement.document"].create(
                    vals
                )

    def _get_factor(self):
        """The factor to apply: 1 without a revision in force."""
        return self.factor if self else 1.0
