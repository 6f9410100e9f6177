# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

MONEY_GROUPS = (
    "interzonal_procurement.group_finance,interzonal_procurement.group_contract_manager"
)


class PurchaseRequisition(models.Model):
    _name = "purchase.requisition"
    _inherit = ["purchase.requisition", "interzonal.contract.money.mixin"]

    received_amount = fields.Monetary(
        compute="_compute_contract_money",
        groups=MONEY_GROUPS,
        help="Received quantities of the call-offs at their untaxed prices.",
    )
    invoiced_amount = fields.Monetary(
        compute="_compute_contract_money",
        groups=MONEY_GROUPS,
        help="Untaxed posted vendor bills minus posted credit notes on the "
        "call-offs' lines.",
    )
    paid_amount = fields.Monetary(
        compute="_compute_contract_money",
        groups=MONEY_GROUPS,
        help="Invoiced part of the bills that are paid, from their payment state.",
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
        return self

    def action_view_contract_finance(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "interzonal_procurement.interzonal_contract_finance_report_action"
        )
        action["domain"] = [("requisition_id", "=", self.id)]
        action["context"] = {"search_default_group_zone": 1}
        return action
