# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        result = super()._action_done()
        orders = self.move_ids.purchase_line_id.order_id
        if orders:
            orders._request_supplier_evaluation()
        return result
