# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .purchase_requisition import CONSUMPTION_STEPS_PARAM, DEFAULT_CONSUMPTION_STEPS
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
        string="Ceiling Consumption Steps",
        config_parameter=CONSUMPTION_STEPS_PARAM,
        default=DEFAULT_CONSUMPTION_STEPS,
        help="Shares of a lot's ceiling, in percent and separated by commas, at "
        "which the contract managers are told that call-offs reached them.",
    )
    late_fine_product_id = fields.Many2one(
        related="company_id.late_fine_product_id", readonly=False
    )
    late_fine_account_id = fields.Many2one(
        related="company_id.late_fine_account_id", readonly=False
    )

    @api.constrains("interzonal_consumption_steps")
    def _check_consumption_steps(self):
        for settings in self:
            parts = (settings.interzonal_consumption_steps or "").split(",")
            try:
                steps = [float(part) for part in parts if part.strip()]
            except ValueError:
                steps = []
            if not steps or any(not 0 < step <= 100 for step in steps):
                raise ValidationError(
                    _(
                        "Consumption steps are percentages above 0 and up to 100, "
                        "separated by commas, for example 70,85,95,100."
                    )
                )

    @api.constrains(*SCORECARD_WEIGHT_FIELDS)
    def _check_scorecard_weights(self):
        for settings in self:
            weights = [settings[name] for name in SCORECARD_WEIGHT_FIELDS]
            if any(weight < 0 for weight in weights) or sum(weights) != 100:
                raise ValidationError(
                    _(
                        "The scorecard weights must be positive and sum to 100; "
                        "they sum to %(total)s.",
                        total=sum(weights),
                    )
                )

    @api.constrains(
        "scorecard_grade_a_min", "scorecard_grade_b_min", "scorecard_grade_c_min"
    )
    def _check_scorecard_grades(self):
        for settings in self:
            if not (
                100
                >= settings.scorecard_grade_a_min
                > settings.scorecard_grade_b_min
                > settings.scorecard_grade_c_min
                >= 0
            ):
                raise ValidationError(
                    _(
                        "Grade thresholds must decrease from A to C and lie "
                        "between 0 and 100."
                    )
                )
