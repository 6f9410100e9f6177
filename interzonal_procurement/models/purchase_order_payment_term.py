# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


# The payment term of call-offs is kept apart from the commitment rules of
# purchase_order.py.
class PurchaseOrder(models.Model):
    _inherit = "purchase.order"  # pylint: disable=consider-merging-classes-inherited

    @api.model_create_multi
    def create(self, vals_list):
        """Call-offs created without a payment term get their agreement's."""
        lot_ids = {
            vals["requisition_id"]
            for vals in vals_list
            if vals.get("requisition_id") and "payment_term_id" not in vals
        }
        if lot_ids:
            terms = self._get_agreement_payment_terms(lot_ids)
            for vals in vals_list:
                term = terms.get(vals.get("requisition_id"))
                if term and "payment_term_id" not in vals:
                    vals["payment_term_id"] = term.id
        return super().create(vals_list)

    @api.model
    def _get_agreement_payment_terms(self, lot_ids):
        """{lot id: payment term of its framework agreement}"""
        # sudo: reads only the payment term the agreement proposes, for the
        # order being created; buyers read agreements, plain purchase users
        # creating an order against a lot may not.
        lots = self.env["purchase.requisition"].sudo().browse(lot_ids).exists()
        return {
            lot.id: lot.framework_agreement_id.payment_term_id
            for lot in lots
            if lot.framework_agreement_id.payment_term_id
        }

    def _set_agreement_payment_term(self):
        for order in self:
            term = order._get_agreement_payment_terms(order.requisition_id.ids).get(
                order.requisition_id.id
            )
            if term:
                order.payment_term_id = term

    @api.onchange("partner_id", "company_id")
    def onchange_partner_id(self):
        res = super().onchange_partner_id()
        self._set_agreement_payment_term()
        return res

    @api.onchange("requisition_id")
    def _onchange_requisition_id(self):
        res = super()._onchange_requisition_id()
        self._set_agreement_payment_term()
        return res
