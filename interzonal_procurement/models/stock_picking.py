# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        result = super()._action_done()
        # sudo: only the orders of the addon's buyers ask for a supplier evaluation:
        # other departments' orders stay as in Odoo. The activity is scheduled
        # for the order's buyer with superuser rights, so that the warehouse
        # user who validated the receipt needs no write access on the order;
        # nothing else is read or written.
        orders = self.move_ids.purchase_line_id.order_id.sudo().filtered(
            lambda order: order.user_id
            and order.user_id.has_group("interzonal_procurement.group_buyer")
        )
        if orders:
            orders._request_supplier_evaluation()
        return result
