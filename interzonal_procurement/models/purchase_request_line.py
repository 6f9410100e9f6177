# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class PurchaseRequestLine(models.Model):
    _inherit = "purchase.request.line"

    requisition_id = fields.Many2one(
        "purchase.requisition",
        string="Lot",
        check_company=True,
        index=True,
        domain=[("framework_agreement_id", "!=", False), ("state", "=", "confirmed")],
        help="Lot of a framework agreement that will supply the line.",
    )
    framework_agreement_id = fields.Many2one(
        related="requisition_id.framework_agreement_id"
    )
    contract_price_unit = fields.Monetary(
        string="Contract Price",
        help="Unit price of the product in the lot (ex VAT).",
    )
    out_of_contract = fields.Boolean(
        help="No running lot open to the zone covers this line.",
    )
    lead_time_days = fields.Integer(
        string="Lead Time (days)",
        compute="_compute_lead_time_days",
        help="Delivery delay the lot's vendor gives for the product.",
    )
    price_subtotal = fields.Monetary(compute="_compute_price", string="Subtotal")
    price_tax = fields.Monetary(compute="_compute_price", string="Tax")
    qty_late = fields.Float(
        string="Late Quantity",
        compute="_compute_qty_late",
        digits="Product Unit of Measure",
        help="Quantity ordered whose committed date passed without receipt.",
    )
    late_activity_scheduled = fields.Boolean(copy=False, readonly=True)

    @api.depends("product_id", "requisition_id.vendor_id", "supplier_id")
    def _compute_lead_time_days(self):
        for line in self:
            vendor = line.requisition_id.vendor_id or line.supplier_id
            sellers = line.product_id.seller_ids.filtered(
                lambda s, v=vendor: s.partner_id == v
            )
            line.lead_time_days = sellers[:1].delay

    @api.depends(
        "product_id",
        "product_qty",
        "contract_price_unit",
        "estimated_cost",
        "cancelled",
    )
    def _compute_price(self):
        for line in self:
            if line.requisition_id:
                subtotal = line.contract_price_unit * line.product_qty
            else:
                subtotal = line.estimated_cost
            taxes = line.product_id.supplier_taxes_id.filtered(
                lambda t, c=line.company_id: t.company_id == c
            )
            tax = 0.0
            if taxes and subtotal:
                tax_res = taxes.compute_all(subtotal, currency=line.currency_id)
                tax = tax_res["total_included"] - tax_res["total_excluded"]
            line.price_subtotal = subtotal
            line.price_tax = tax

    def _compute_qty_late(self):
        late = self.env["purchase.order.line"]._search_late_lines(
            [("purchase_request_lines", "in", self.ids)]
        )
        for line in self:
            qty = 0.0
            for po_line in line.purchase_lines & late:
                qty += po_line.product_uom._compute_quantity(
                    po_line.product_qty - po_line.qty_received,
                    line.product_uom_id or po_line.product_uom,
                )
            line.qty_late = qty

    @api.model_create_multi
    def create(self, vals_list):
        products = self.env["product.product"].browse(
            {vals["product_id"] for vals in vals_list if vals.get("product_id")}
        )
        by_id = {product.id: product for product in products}
        for vals in vals_list:
            product = by_id.get(vals.get("product_id"))
            if product and not vals.get("product_uom_id"):
                vals["product_uom_id"] = product.uom_po_id.id or product.uom_id.id
            if product and not vals.get("name"):
                vals["name"] = product.display_name
        return super().create(vals_list)

    def _get_candidate_lots(self, zone):
        """Running lots of running agreements open to ``zone`` for the products."""
        today = fields.Date.context_today(self)
        return self.env["purchase.requisition"].search(
            [
                ("framework_agreement_id.state", "=", "running"),
                ("state", "=", "confirmed"),
                ("company_id", "=", zone.company_id.id),
                ("line_ids.product_id", "in", self.product_id.ids),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", today),
                "|",
                ("framework_agreement_id.lead_zone_id", "=", zone.id),
                # the zone's own accession, not any zone's, dates its access
                (
                    "framework_agreement_id.participation_ids",
                    "any",
                    [("zone_id", "=", zone.id), ("date_joined", "<=", today)],
                ),
            ]
        )

    def _suggest_lot(self):
        """Pick a lot per line.

        Among the running lots of running agreements that the zone leads or
        joined, whose lines carry the product and whose remaining amount covers
        the line, take the lowest contract price, then the soonest end date
        (the lot's, else the agreement's), then the oldest lot. Lines without
        such a lot are marked out of contract and priced from the product's
        main supplier, else its cost.
        """
        today = fields.Date.context_today(self)
        for request, lines in self.grouped("request_id").items():
            lots = lines._get_candidate_lots(request.zone_id)
            for line in lines:
                best = None
                for lot in lots:
                    lot_lines = lot.line_ids.filtered(
                        lambda rl, p=line.product_id: rl.product_id == p
                    )
                    if not lot_lines:
                        continue
                    price = min(lot_lines.mapped("price_unit"))
                    value = price * line.product_qty
                    if lot.currency_id.compare_amounts(value, lot.remaining_amount) > 0:
                        continue
                    company_price = lot.currency_id._convert(
                        price, line.currency_id, line.company_id, today
                    )
                    end = lot.date_end or lot.framework_agreement_id.date_end
                    key = (company_price, end, lot.id)
                    if best is None or key < best[0]:
                        best = (key, lot, company_price)
                if best:
                    _key, lot, price = best
                    line.write(line._prepare_lot_vals(lot, price))
                else:
                    line.write(line._prepare_out_of_contract_vals())

    def _prepare_lot_vals(self, lot, price):
        self.ensure_one()
        return {
            "requisition_id": lot.id,
            "contract_price_unit": price,
            "out_of_contract": False,
            "estimated_cost": price * self.product_qty,
        }

    def _prepare_out_of_contract_vals(self):
        self.ensure_one()
        seller = self.product_id._select_seller(
            quantity=self.product_qty, uom_id=self.product_uom_id
        )
        price = seller.price if seller else self.product_id.standard_price
        return {
            "requisition_id": False,
            "contract_price_unit": 0.0,
            "out_of_contract": True,
            "estimated_cost": price * self.product_qty,
        }

    def _set_zone_analytic_distribution(self):
        for line in self.filtered(lambda line: not line.analytic_distribution):
            account = line.request_id.zone_id.analytic_account_id
            if account:
                line.analytic_distribution = {str(account.id): 100}

    def _make_purchase_order(self, wizard_model, vendor, zone, lot=None):
        """Run the request's own order wizard for these lines."""
        wizard = wizard_model.with_context(
            active_model="purchase.request.line",
            active_ids=self.ids,
            interzonal_zone_id=zone.id,
            interzonal_lot_id=lot.id if lot else False,
        ).create({"supplier_id": vendor.id})
        wizard.make_purchase_order()
        return self.purchase_lines.order_id
