# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

    def _pmo_projects(self):
        # sudo: finds the projects whose actual cost these lines change, to
        # refresh their figures; the projects are not returned to the user.
        return (
            self.env["project.project"]
            .sudo()
            .search([("account_id", "in", self.account_id.ids)])
        )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._pmo_projects()._pmo_refresh_evm()
        return lines

    def write(self, vals):
        projects = self._pmo_projects()
        res = super().write(vals)
        if {"amount", "account_id"} & set(vals):
            (projects | self._pmo_projects())._pmo_refresh_evm()
        return res

    def unlink(self):
        projects = self._pmo_projects()
        res = super().unlink()
        projects._pmo_refresh_evm()
        return res
