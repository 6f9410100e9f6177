# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

# A score change smaller than this is reported as stable.
TREND_DEADBAND = 2.0


class InterzonalSupplierScorecard(models.Model):
    """Grading of a scorecard: its score from the company's weights, its
    grade from the company's thresholds, its alert and its trend."""

    _inherit = "interzonal.supplier.scorecard"

    @api.model
    def _prepare_scorecard_vals(self, company, row, previous):
        """Figures, score, grade and trend of one scorecard from its grouped
        row.

        A rate without data is not stored and is left out of the score,
        whose weights are spread over the rates that exist.
        """
        vals = self._prepare_performance_vals(row)
        vals.update(grade="insufficient", alert_active=False, trend=False)
        if previous and previous["data_sufficient"]:
            vals["previous_score"] = previous["score"]
            vals["previous_score_available"] = True
        if not vals["data_sufficient"]:
            return vals
        rates = {
            "otd": vals["otd_rate"],
            "otif": vals["otif_rate"],
            "fill": vals["fill_rate"],
        }
        if "return_rate" in vals:
            rates["return"] = 100.0 - vals["return_rate"]
        if "invoice_accuracy" in vals:
            rates["invoice"] = vals["invoice_accuracy"]
        if "service_rating" in vals:
            rates["service"] = min(
                max(100.0 * (vals["service_rating"] - 1.0) / 4.0, 0.0), 100.0
            )
        weights = company._scorecard_weights()
        total_weight = sum(weights[key] for key in rates)
        score = (
            sum(weights[key] * value for key, value in rates.items()) / total_weight
            if total_weight
            else rates["otif"]
        )
        score = round(min(max(score, 0.0), 100.0), 2)
        if score >= company.scorecard_grade_a_min:
            grade = "A"
        elif score >= company.scorecard_grade_b_min:
            grade = "B"
        elif score >= company.scorecard_grade_c_min:
            grade = "C"
        else:
            grade = "D"
        vals.update(
            score=score,
            grade=grade,
            alert_active=grade in ("C", "D")
            or rates["otd"] < company.scorecard_otd_target,
        )
        previous_score = vals.get("previous_score", 0.0)
        if not vals.get("previous_score_available"):
            vals["trend"] = "new"
        elif score - previous_score >= TREND_DEADBAND:
            vals["trend"] = "up"
        elif previous_score - score >= TREND_DEADBAND:
            vals["trend"] = "down"
        else:
            vals["trend"] = "stable"
        return vals
