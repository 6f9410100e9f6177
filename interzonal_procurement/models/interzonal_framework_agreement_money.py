# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .interzonal_contract_money_mixin import MONEY_KEYS
from .purchase_requisition_money import MONEY_GROUPS


class InterzonalFrameworkAgreement(models.Model):
    _name = "interzonal.framework.agreement"
    _inherit = ["interzonal.framework.agreement", "interzonal.contract.money.mixin"]

    received_amount = fields.Monetary(
        compute="_compute_contract_money", groups=MONEY_GROUPS
    )
    invoiced_amount = fields.Monetary(
        compute="_compute_contract_money", groups=MONEY_GROUPS
    )
    paid_amount = fields.Monetary(
        compute="_compute_contract_money", groups=MONEY_GROUPS
    )
    committed_not_invoiced_amount = fields.Monetary(
        string="Committed Not Invoiced",
        compute="_compute_contract_money",
        groups=MONEY_GROUPS,
    )
    invoiced_percent = fields.Float(
        string="Invoiced (%)",
        compute="_compute_contract_money",
        groups=MONEY_GROUPS,
        help="Invoiced amount as a share of the committed amount.",
    )

    def _get_money_lots(self):
        return self.lot_ids

    def _sum_lots_money(self, money):
        # The lots' figures at today's rate, as the ceiling and the committed
        # amount of the agreement.
        self.ensure_one()
        today = fields.Date.context_today(self)
        totals = dict.fromkeys(MONEY_KEYS, 0.0)
        for lot in self.lot_ids:
            for key in MONEY_KEYS:
                totals[key] += lot.currency_id._convert(
                    money.get(lot.id, {}).get(key, 0.0),
                    self.currency_id,
                    self.company_id,
                    today,
                )
        return totals

    def action_print_finance_workbook(self):
        self.ensure_one()
        return self.env.ref(
            "interzonal_procurement.agreement_finance_xlsx_report"
        ).report_action(self)
