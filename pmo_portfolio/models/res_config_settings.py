# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    pmo_amber_share = fields.Float(related="company_id.pmo_amber_share", readonly=False)
    pmo_budget_variance_target = fields.Float(
        related="company_id.pmo_budget_variance_target", readonly=False
    )
    pmo_eac_formula = fields.Selection(
        related="company_id.pmo_eac_formula", readonly=False
    )
    pmo_manager_id = fields.Many2one(
        related="company_id.pmo_manager_id", readonly=False
    )
    pmo_officer_id = fields.Many2one(
        related="company_id.pmo_officer_id", readonly=False
    )
