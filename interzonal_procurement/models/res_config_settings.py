# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .res_company import SCORECARD_WEIGHT_FIELDS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    scorecard_weight_otd = fields.Integer(
        related="company_id.scorecard_weight_otd", readonly=False
    )
    scorecard_weight_otif = fields.Integer(
        related="company_id.scorecard_weight_otif", readonly=False
    )
    scorecard_weight_fill = fields.Integer(
        related="company_id.scorecard_weight_fill", readonly=False
    )
    scorecard_weight_return = fields.Integer(
        related="company_id.scorecard_weight_return", readonly=False
    )
    scorecard_weight_invoice = fields.Integer(
        related="company_id.scorecard_weight_invoice", readonly=False
    )
    scorecard_weight_service = fields.Integer(
        related="company_id.scorecard_weight_service", readonly=False
    )
    scorecard_grade_a_min = fields.Float(
        related="company_id.scorecard_grade_a_min", readonly=False
    )
    scorecard_grade_b_min = fields.Float(
        related="company_id.scorecard_grade_b_min", readonly=False
    )
    scorecard_grade_c_min = fields.Float(
        related="company_id.scorecard_grade_c_min", readonly=False
    )
    scorecard_otd_target = fields.Float(
        related="company_id.scorecard_otd_target", readonly=False
    )
    interzonal_consumption_steps = fields.Char(
        related="company_id.interzonal_consumption_steps", readonly=False
    )
    interzonal_acknowledge_days = fields.Integer(
        related="company_id.interzonal_acknowledge_days", readonly=False
    )
    interzonal_low_value_threshold = fields.Monetary(
        related="company_id.interzonal_low_value_threshold", readonly=False
    )
    late_fine_product_id = fields.Many2one(
        related="company_id.late_fine_product_id", readonly=False
    )
    late_fine_account_id = fields.Many2one(
        related="company_id.late_fine_account_id", readonly=False
    )

    @api.model_create_multi
    def create(self, vals_list):
        # The scorecard weights go to the company in one write, where they
        # are checked together: one weight at a time never sums to 100.
        vals_list = [dict(vals) for vals in vals_list]
        weights = [
            {name: vals.pop(name) for name in SCORECARD_WEIGHT_FIELDS if name in vals}
            for vals in vals_list
        ]
        settings = super().create(vals_list)
        for record, values in zip(settings, weights, strict=True):
            if values:
                record.company_id.write(values)
        return settings
