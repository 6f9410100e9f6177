# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models

RATINGS = [
    ("1", "1 - Poor"),
    ("2", "2 - Below expectations"),
    ("3", "3 - As expected"),
    ("4", "4 - Good"),
    ("5", "5 - Excellent"),
]


class InterzonalSupplierEvaluation(models.Model):
    _name = "interzonal.supplier.evaluation"
    _description = "Supplier Evaluation"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    purchase_order_id = fields.Many2one(
        "purchase.order",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
        domain="[('state', 'in', ('purchase', 'done'))]",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Supplier",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        default=lambda self: self.env.company,
    )
    service_rating = fields.Selection(RATINGS, required=True, tracking=True)
    quality_rating = fields.Selection(RATINGS, required=True, tracking=True)
    communication_rating = fields.Selection(RATINGS, required=True, tracking=True)
    average_rating = fields.Float(
        compute="_compute_average_rating", store=True, aggregator="avg"
    )
    comment = fields.Text()
    user_id = fields.Many2one(
        "res.users",
        string="Buyer",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
    )

    _sql_constraints = [
        (
            "purchase_order_uniq",
            "unique(purchase_order_id)",
            "A purchase order is evaluated only once.",
        ),
    ]

    @api.depends("purchase_order_id")
    def _compute_partner_id(self):
        for evaluation in self:
            evaluation.partner_id = (
                evaluation.purchase_order_id.partner_id.commercial_partner_id
            )

    @api.depends("purchase_order_id")
    def _compute_company_id(self):
        for evaluation in self:
            if evaluation.purchase_order_id:
                evaluation.company_id = evaluation.purchase_order_id.company_id

    @api.depends("service_rating", "quality_rating", "communication_rating")
    def _compute_average_rating(self):
        for evaluation in self:
            ratings = [
                int(rating)
                for rating in (
                    evaluation.service_rating,
                    evaluation.quality_rating,
                    evaluation.communication_rating,
                )
                if rating
            ]
            evaluation.average_rating = sum(ratings) / len(ratings) if ratings else 0

    @api.depends("purchase_order_id", "partner_id")
    def _compute_display_name(self):
        for evaluation in self:
            evaluation.display_name = _(
                "%(order)s - %(supplier)s",
                order=evaluation.purchase_order_id.name or "",
                supplier=evaluation.partner_id.name or "",
            )

    @api.model_create_multi
    def create(self, vals_list):
        evaluations = super().create(vals_list)
        evaluations.purchase_order_id.activity_feedback(
            ["interzonal_procurement.mail_activity_type_supplier_evaluation"]
        )
        return evaluations
