# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import fields, models
from odoo.tools import float_compare, float_round

from .interzonal_price_revision import FACTOR_DIGITS
from .purchase_requisition import COMMITTED_STATES


# Revised contract prices are kept apart from the commitment rules of
# purchase_order_line.py.
class PurchaseOrderLine(models.Model):
    _inherit = "purchase.order.line"  # pylint: disable=consider-merging-classes-inherited

    contract_price_unit = fields.Float(
        string="Base Price",
        digits="Product Price",
        readonly=True,
        copy=False,
        help="Unit price of the lot's contract, before price revision.",
    )
    price_revision_id = fields.Many2one(
        "interzonal.price.revision",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Price revision of the lot in force on the day the call-off was "
        "confirmed (today for a quotation).",
    )
    price_revision_factor = fields.Float(
        string="Revision Factor",
        digits=FACTOR_DIGITS,
        readonly=True,
        copy=False,
        help="Factor p/P applied to the base price; 1 without a revision in " "force.",
    )

    def _compute_price_unit_and_date_planned_and_name(self):
        res = super()._compute_price_unit_and_date_planned_and_name()
        today = fields.Date.context_today(self)
        lines = self.filtered(
            lambda line: line.order_id.requisition_id.framework_agreement_id
            and line.product_id in line.order_id.requisition_id.line_ids.product_id
        )
        by_day = defaultdict(lambda: self.browse())
        for line in lines:
            order = line.order_id
            placed = order.state in COMMITTED_STATES and order.call_off_date
            by_day[placed or today] |= line
        for day, day_lines in by_day.items():
            day_lines._set_revised_contract_price(day)
        return res

    def _get_contract_price_unit(self):
        """The lot's unit price of the line's product, in the line's unit."""
        self.ensure_one()
        for lot_line in self.order_id.requisition_id.line_ids:
            if lot_line.product_id == self.product_id:
                return lot_line.product_uom_id._compute_price(
                    lot_line.price_unit, self.product_uom
                )
        return 0.0

    def _get_revised_price(self, base, revision):
        digits = self.env["decimal.precision"].precision_get("Product Price")
        return float_round(base * revision._get_factor(), precision_digits=digits)

    def _set_revised_contract_price(self, day):
        """Propose the lot's price revised by the revision in force on ``day``."""
        in_force = self.order_id.requisition_id._get_price_revisions_on(day)
        Revision = self.env["interzonal.price.revision"]
        for line in self:
            base = line._get_contract_price_unit()
            revision = in_force.get(line.order_id.requisition_id.id, Revision)
            line.price_unit = line._get_revised_price(base, revision)
            line.contract_price_unit = base
            line.price_revision_id = revision
            line.price_revision_factor = revision._get_factor()

    def _get_price_revision_vals(self, in_force):
        """What revising the contract price of a line placed now writes, or
        ``None`` for a price the buyer typed instead of the proposed one."""
        self.ensure_one()
        lot = self.order_id.requisition_id
        if not lot.framework_agreement_id or not self.contract_price_unit:
            return None
        digits = self.env["decimal.precision"].precision_get("Product Price")
        proposed = float_round(
            self.contract_price_unit * (self.price_revision_factor or 1.0),
            precision_digits=digits,
        )
        if float_compare(self.price_unit, proposed, precision_digits=digits):
            return None
        revision = in_force.get(lot.id, self.env["interzonal.price.revision"])
        return {
            "price_unit": self._get_revised_price(self.contract_price_unit, revision),
            "price_revision_id": revision.id,
            "price_revision_factor": revision._get_factor(),
        }
