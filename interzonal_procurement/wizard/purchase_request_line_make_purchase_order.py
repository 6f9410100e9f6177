# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class PurchaseRequestLineMakePurchaseOrder(models.TransientModel):
    _inherit = "purchase.request.line.make.purchase.order"

    @api.model
    def _prepare_purchase_order(self, picking_type, group_id, company, origin):
        vals = super()._prepare_purchase_order(picking_type, group_id, company, origin)
        zone_id = self.env.context.get("interzonal_zone_id")
        lot = self.env["purchase.requisition"].browse(
            self.env.context.get("interzonal_lot_id")
        )
        if zone_id:
            vals["zone_id"] = zone_id
        if lot:
            vals["requisition_id"] = lot.id
            vals["currency_id"] = lot.currency_id.id
        return vals

    def _post_process_po_line(self, item, po_line, new_pr_line):
        res = super()._post_process_po_line(item, po_line, new_pr_line)
        line = item.line_id
        lot = line.requisition_id
        if lot and lot == po_line.order_id.requisition_id:
            # The lot's own price, converted once when the order is in another
            # currency than the lot (the request shows it in company currency).
            prices = lot.line_ids.filtered(
                lambda rl: rl.product_id == line.product_id
            ).mapped("price_unit")
            if prices:
                # Revised by the lot's price revision in force, as proposed.
                po_line.price_unit = lot.currency_id._convert(
                    min(prices) * (po_line.price_revision_factor or 1.0),
                    po_line.currency_id,
                    po_line.company_id,
                    po_line.order_id.date_order.date(),
                )
            else:
                po_line.price_unit = line.company_id.currency_id._convert(
                    line.contract_price_unit,
                    po_line.currency_id,
                    po_line.company_id,
                    po_line.order_id.date_order.date(),
                )
        return res
