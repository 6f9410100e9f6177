from odoo import Command
from odoo.tests import TransactionCase, new_test_user


class InterzonalCommon(TransactionCase):
    """Fixtures shared by the addon's tests: one user per role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.user_requester = new_test_user(
            cls.env,
            login="iz_requester",
            groups="base.group_user,interzonal_procurement.group_requester",
        )
        cls.user_buyer = new_test_user(
            cls.env,
            login="iz_buyer",
            groups="base.group_user,interzonal_procurement.group_buyer",
        )
        cls.user_contract_manager = new_test_user(
            cls.env,
            login="iz_contract_manager",
            groups="base.group_user,interzonal_procurement.group_contract_manager",
        )
        cls.user_finance = new_test_user(
            cls.env,
            login="iz_finance",
            groups="base.group_user,interzonal_procurement.group_finance",
        )

    # ------------------------------------------------------------------
    # Purchase fixtures
    # ------------------------------------------------------------------

    @classmethod
    def _create_supplier(cls, name, **vals):
        return cls.env["res.partner"].create(
            dict({"name": name, "is_company": True, "supplier_rank": 1}, **vals)
        )

    @classmethod
    def _create_goods(cls, name):
        return cls.env["product.product"].create(
            {"name": name, "type": "consu", "is_storable": True}
        )

    @classmethod
    def _create_order(cls, supplier, lines, date_planned, user=None):
        """Draft order; ``lines`` is a list of (product, quantity)."""
        return cls.env["purchase.order"].create(
            {
                "partner_id": supplier.id,
                "user_id": (user or cls.user_buyer).id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_qty": qty,
                            "price_unit": 10.0,
                            "date_planned": date_planned,
                        }
                    )
                    for product, qty in lines
                ],
            }
        )

    @classmethod
    def _receive(cls, picking, quantities):
        """Validate ``picking`` with {purchase line: quantity}; the rest of
        the ordered quantity goes to a backorder."""
        for move in picking.move_ids:
            qty = quantities.get(move.purchase_line_id, 0.0)
            move.quantity = qty
            move.picked = bool(qty)
        picking._action_done()
        return picking.backorder_ids

    @classmethod
    def _return(cls, picking, quantities):
        """Return {purchase line: quantity} of ``picking`` to the supplier."""
        wizard = (
            cls.env["stock.return.picking"]
            .with_context(active_id=picking.id, active_model="stock.picking")
            .create({})
        )
        for return_line in wizard.product_return_moves:
            return_line.quantity = quantities.get(
                return_line.move_id.purchase_line_id, 0.0
            )
        return_picking = wizard._create_return()
        for move in return_picking.move_ids:
            move.quantity = move.product_uom_qty
            move.picked = True
        return_picking._action_done()
        return return_picking
