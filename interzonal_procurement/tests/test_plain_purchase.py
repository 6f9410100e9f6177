# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .common import InterzonalAgreementCommon
from .test_late_fine import COMMITTED, LateFineCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-20")
class TestPlainPurchase(InterzonalAgreementCommon):
    """Users outside the addon's groups and records outside framework
    agreements: Odoo's purchase flows work as without the addon."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plain_buyer = new_test_user(
            cls.env,
            login="iz_plain_buyer",
            groups="base.group_user,purchase.group_purchase_user",
        )
        cls.plain_manager = new_test_user(
            cls.env,
            login="iz_plain_manager",
            groups="base.group_user,purchase.group_purchase_manager",
        )
        cls.plain_accountant = new_test_user(
            cls.env,
            login="iz_plain_accountant",
            groups="base.group_user,purchase.group_purchase_user,account.group_account_invoice",
        )
        cls.plain_requester = new_test_user(
            cls.env,
            login="iz_plain_requester",
            groups="base.group_user,purchase_request.group_purchase_request_user",
        )
        cls.supplier = cls._create_supplier("IZ Plain Supplier")
        cls.service = cls.env["product.product"].create(
            {
                "name": "IZ Plain Service",
                "type": "service",
                "purchase_method": "purchase",
                "supplier_taxes_id": [Command.clear()],
            }
        )

    def _zone_in_view(self, model, user):
        arch = self.env[model].with_user(user).get_views([(False, "form")])
        return 'name="zone_id"' in arch["views"]["form"]["arch"]

    def test_plain_purchase_user_orders_and_bills(self):
        """A purchase user without the addon's groups creates, confirms and
        bills an order through the form: no zone, no access error."""
        self.assertFalse(
            self.plain_buyer.has_group("interzonal_procurement.group_requester")
        )
        self.assertFalse(self._zone_in_view("purchase.order", self.plain_buyer))
        self.assertTrue(self._zone_in_view("purchase.order", self.user_buyer))

        form = Form(self.env["purchase.order"].with_user(self.plain_buyer))
        form.partner_id = self.supplier
        with form.order_line.new() as line:
            line.product_id = self.service
            line.product_qty = 3
            line.price_unit = 50.0
        order = form.save()
        self.assertFalse(order.zone_id)
        self.assertFalse(order.framework_agreement_id)

        order.button_confirm()
        self.assertEqual(order.state, "purchase")
        self.assertFalse(order.zone_id)

        action = order.action_create_invoice()
        bill = self.env["account.move"].browse(action["res_id"])
        self.assertEqual(bill.move_type, "in_invoice")
        self.assertEqual(bill.amount_untaxed, 150.0)
        self.assertEqual(bill.invoice_line_ids.purchase_line_id, order.order_line)
        bill.invoice_date = "2026-03-20"
        bill.with_user(self.plain_accountant).action_post()
        self.assertEqual(bill.state, "posted")
        self.assertEqual(order.invoice_status, "invoiced")
        self.assertEqual(order.order_line.qty_invoiced, 3)

    def test_plain_purchase_user_opens_call_off(self):
        """A call-off carries a zone and an agreement the plain user may not
        read: the order still opens and lists, names shown."""
        lot = self._create_lot(10000)
        call_off = self._create_call_off(lot, 1000)
        order = call_off.with_user(self.plain_buyer)
        values = order.web_read(
            {
                "zone_id": {"fields": {"display_name": {}}},
                "framework_agreement_id": {"fields": {"display_name": {}}},
                "requisition_id": {"fields": {"display_name": {}}},
            }
        )[0]
        self.assertEqual(values["zone_id"]["display_name"], self.zone_lead.display_name)
        self.assertEqual(values["framework_agreement_id"]["id"], self.agreement.id)
        self.assertIn(
            call_off, self.env["purchase.order"].with_user(self.plain_buyer).search([])
        )

    def test_plain_requester_creates_request(self):
        """An OCA request user outside the addon's groups: no zone proposed,
        none required by the form."""
        self.assertFalse(self._zone_in_view("purchase.request", self.plain_requester))
        form = Form(self.env["purchase.request"].with_user(self.plain_requester))
        with form.line_ids.new() as line:
            line.product_id = self.product
            line.product_qty = 2
        request = form.save()
        self.assertFalse(request.zone_id)
        request.button_to_approve()
        self.assertEqual(request.state, "to_approve")

    def test_member_of_zone_gets_it_proposed(self):
        """The default zone still applies to the addon's own users."""
        form = Form(self.env["purchase.order"].with_user(self.user_buyer))
        self.assertEqual(form.zone_id, self.zone_lead)
        self.assertFalse(
            self.env["interzonal.zone"]._get_user_zone(self.plain_buyer),
            "no zone is proposed to a user outside the addon's groups",
        )

    def _plain_blanket_order(self, user):
        form = Form(self.env["purchase.requisition"].with_user(user))
        form.requisition_type = "blanket_order"
        form.vendor_id = self.supplier
        with form.line_ids.new() as line:
            line.product_id = self.service
            line.product_qty = 10
            line.price_unit = 20.0
        blanket = form.save()
        blanket.action_confirm()
        return blanket

    def test_plain_manager_duplicates_blanket_order(self):
        """Copying or saving a plain blanket order, zero ceiling included,
        is no contract manager's change."""
        blanket = self._plain_blanket_order(self.plain_manager)
        self.assertEqual(blanket.state, "confirmed")
        copy = blanket.copy()
        self.assertEqual(copy.vendor_id, self.supplier)
        self.assertEqual(copy.line_ids.product_id, self.service)
        self.assertFalse(copy.framework_agreement_id)
        blanket.write(
            {
                "initial_ceiling_amount": 0.0,
                "estimated_amount": 0.0,
                "framework_agreement_id": False,
                "lot_number": False,
            }
        )
        self.assertEqual(blanket.initial_ceiling_amount, 0.0)
        with Form(copy) as form:
            form.reference = "Renewed"
        self.assertEqual(copy.reference, "Renewed")

    def test_guard_refuses_real_contract_manager_change(self):
        """Whoever is not a contract manager still cannot set an agreement,
        a ceiling, an estimate or a lot number, nor copy a lot."""
        message = "Only contract managers may set the framework agreement"
        blanket = self._plain_blanket_order(self.plain_manager).with_user(
            self.plain_manager
        )
        blanket.state = "draft"
        for user in (self.plain_manager, self.user_buyer):
            for vals in (
                {"framework_agreement_id": self.agreement.id},
                {"initial_ceiling_amount": 5000.0},
                {"estimated_amount": 1.0},
                {"lot_number": "7"},
            ):
                with self.subTest(user=user.login, vals=vals):
                    with self.assertRaisesMessage(AccessError, message):
                        blanket.with_user(user).write(vals)
        self.assertFalse(blanket.framework_agreement_id)
        self.assertEqual(blanket.initial_ceiling_amount, 0.0)
        self.assertEqual(blanket.estimated_amount, 0.0)
        self.assertFalse(blanket.lot_number)

        Requisition = self.env["purchase.requisition"].with_user(self.plain_manager)
        with self.assertRaisesMessage(AccessError, message):
            Requisition.create(
                {
                    "vendor_id": self.supplier.id,
                    "requisition_type": "blanket_order",
                    "initial_ceiling_amount": 1000.0,
                }
            )
        lot = self._create_lot(10000)
        with self.assertRaisesMessage(AccessError, message):
            lot.with_user(self.user_buyer).copy()
        self.assertEqual(
            self.env["purchase.requisition"].search_count(
                [("framework_agreement_id", "=", self.agreement.id)]
            ),
            1,
        )
        # the contract manager may
        blanket.with_user(self.user_contract_manager).write(
            {"initial_ceiling_amount": 5000.0}
        )
        self.assertEqual(blanket.ceiling_amount, 5000.0)


@tagged("post_install", "-at_install")
class TestPlainStockUser(LateFineCommon):
    def test_plain_stock_user_receives_late_call_off(self):
        """A warehouse user outside the addon's groups validates the late
        receipt of a call-off: the fine is recorded, no access error."""
        stock_user = new_test_user(
            self.env,
            login="iz_plain_stock",
            groups="base.group_user,stock.group_stock_user",
        )
        order = self._laptop_order()
        fines = self._receive_late_part(order, user=stock_user)
        self.assertEqual(len(fines), 1)
        self.assertEqual(fines.days_late, 14)
        self.assertEqual(fines.quantity, 40)
        self.assertEqual(order.order_line.qty_received, 100)
        evaluation = self.env.ref(
            "interzonal_procurement.mail_activity_type_supplier_evaluation"
        )
        self.assertEqual(order.activity_ids.activity_type_id, evaluation)
        self.assertEqual(order.activity_ids.user_id, self.user_buyer)

        # an order of a purchase user outside the addon's groups: as in Odoo
        plain_buyer = new_test_user(
            self.env,
            login="iz_plain_buyer_2",
            groups="base.group_user,purchase.group_purchase_user",
        )
        plain = self._create_order(
            self.vendor,
            [(self._create_goods("IZ Plain Goods"), 2)],
            COMMITTED,
            plain_buyer,
        )
        plain.button_confirm()
        self._receive(plain.picking_ids.with_user(stock_user), {plain.order_line: 2})
        self.assertEqual(plain.order_line.qty_received, 2)
        self.assertFalse(plain.activity_ids)
        self.assertFalse(plain.late_fine_ids)
