# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .pmo_earned_value_mixin import EAC_FORMULAS


class ResCompany(models.Model):
    _inherit = "res.company"

    pmo_amber_share = fields.Float(
        string="Amber Threshold (% of Tolerance)",
        default=80.0,
        help="A project turns amber when a figure has used more than this share "
        "of its tolerance.",
    )
    pmo_budget_variance_target = fields.Float(
        string="Budget Variance Target (%)",
        default=5.0,
        help="The portfolio's forecast may differ from its budget at completion "
        "by this share, up or down, and stay on target.",
    )
    pmo_eac_formula = fields.Selection(
        EAC_FORMULAS,
        string="EAC Formula",
        required=True,
        default="bac_cpi",
        help="How the estimate at completion is forecast. Where the formula is "
        "undefined (BAC / CPI with nothing earned yet, or no SPI for the "
        "performance formula), AC + (BAC - EV) is used, and the project says "
        "so.",
    )
    pmo_manager_id = fields.Many2one(
        "res.users",
        string="PMO Manager",
        domain="[('share', '=', False)]",
        help="Receives the activities of new exception reports.",
    )
    pmo_officer_id = fields.Many2one(
        "res.users",
        string="PMO Officer",
        domain="[('share', '=', False)]",
        help="Receives an activity when an indicator value turns red.",
    )

    _sql_constraints = [
        (
            "pmo_amber_share_range",
            "CHECK(pmo_amber_share > 0 AND pmo_amber_share <= 100)",
            "The amber threshold must be a share between 0 and 100 % of the "
            "tolerance.",
        ),
        (
            "pmo_budget_variance_target_positive",
            "CHECK(pmo_budget_variance_target >= 0)",
            "The budget variance target cannot be negative.",
        ),
    ]

    def write(self, vals):
        res = super().write(vals)
        if {"pmo_amber_share", "pmo_eac_formula"} & set(vals):
            # Projects without a company follow the current company's settings.
            # sudo: the figures of every project of the company follow its
            # settings, also those the user changing them may not read.
            projects = (
                self.env["project.project"]
                .sudo()
                .with_context(active_test=False)
                .search([("company_id", "in", [*self.ids, False])])
            )
            projects._pmo_recompute_health(evm="pmo_eac_formula" in vals)
        return res
