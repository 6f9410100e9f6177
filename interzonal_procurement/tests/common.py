# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import traceback
from contextlib import contextmanager
from datetime import date, datetime

from odoo import Command
from odoo.tests import Form, TransactionCase, new_test_user

from odoo.addons.queue_job.job import Job


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

    @classmethod
    def _load_language(cls, code):
        """Activate the language ``code`` with this addon's terms."""
        cls.env["res.lang"]._activate_lang(code)
        cls.env.ref("base.module_interzonal_procurement")._update_translations(
            [code], overwrite=True
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

    @contextmanager
    def assertRaisesMessage(self, exception, pattern):
        """``assertRaises`` (rolled back to a savepoint) checking the message."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)

    # ------------------------------------------------------------------
    # Queue jobs
    # ------------------------------------------------------------------

    def _run_queue_jobs(self):
        """Run the stored queue jobs as the job runner does: each pending job
        in its own transaction (a savepoint here), marked failed with its
        error when it raises, done otherwise, which releases the jobs that
        wait for it. Returns the jobs run."""
        QueueJob = self.env["queue.job"].sudo()
        ran = QueueJob.browse()
        while True:
            self.env.invalidate_all()
            record = QueueJob.search(
                [("state", "=", "pending"), ("id", "not in", ran.ids)],
                order="priority, id",
                limit=1,
            )
            if not record:
                return ran
            ran |= record
            job = Job.load(self.env, record.uuid)
            try:
                with self.env.cr.savepoint():
                    job.perform()
                    self.env.flush_all()
            except Exception as error:  # pylint: disable=broad-except
                self.env.invalidate_all(flush=False)
                job.set_failed(
                    exc_name=type(error).__name__,
                    exc_message=str(error),
                    exc_info=traceback.format_exc(),
                )
                job.store()
                continue
            job.set_done()
            job.store()
            self.env.flush_all()
            job.enqueue_waiting()


class InterzonalAgreementCommon(InterzonalCommon):
    """A running framework agreement in EUR, three zones and two vendors."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.eur = cls.env.ref("base.EUR")
        cls.eur.active = True
        cls.vendor = cls.env["res.partner"].create({"name": "IZ Hardware NV"})
        cls.other_vendor = cls.env["res.partner"].create({"name": "IZ Other SRL"})
        cls.product = cls.env["product.product"].create(
            {
                "name": "IZ Laptop",
                "type": "consu",
                "purchase_ok": True,
                "supplier_taxes_id": [Command.clear()],
            }
        )
        Zone = cls.env["interzonal.zone"]
        cls.zone_lead = Zone.create(
            {"name": "Zone Lead", "code": "IZ1", "user_ids": [cls.user_buyer.id]}
        )
        cls.zone_member = Zone.create({"name": "Zone Member", "code": "IZ2"})
        cls.zone_outsider = Zone.create({"name": "Zone Outsider", "code": "IZ3"})
        cls.zone_late = Zone.create({"name": "Zone Late", "code": "IZ4"})
        cls.agreement = (
            cls.env["interzonal.framework.agreement"]
            .with_user(cls.user_contract_manager)
            .create(
                {
                    "name": "IZ ICT hardware",
                    "reference": "IZ-2024-001",
                    "date_start": date(2024, 1, 1),
                    "date_end": date(2027, 12, 31),
                    "lead_zone_id": cls.zone_lead.id,
                    "currency_id": cls.eur.id,
                    "cpv_code": "30200000-1",
                    "user_id": cls.user_contract_manager.id,
                    "participation_ids": [
                        Command.create(
                            {
                                "zone_id": cls.zone_member.id,
                                "date_joined": date(2024, 3, 1),
                                "decision_reference": "IZ-ACC-1",
                            }
                        ),
                        Command.create(
                            {
                                "zone_id": cls.zone_late.id,
                                "date_joined": date(2026, 6, 1),
                                "decision_reference": "IZ-ACC-2",
                            }
                        ),
                    ],
                }
            )
        )

    @classmethod
    def _create_lot(cls, ceiling, vendor=None, number="1"):
        lot = (
            cls.env["purchase.requisition"]
            .with_user(cls.user_contract_manager)
            .create(
                {
                    "framework_agreement_id": cls.agreement.id,
                    "lot_number": number,
                    "requisition_type": "blanket_order",
                    "vendor_id": (vendor or cls.vendor).id,
                    "currency_id": cls.eur.id,
                    "initial_ceiling_amount": ceiling,
                    "estimated_amount": ceiling,
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "product_qty": 100,
                                "price_unit": 1000,
                            }
                        )
                    ],
                }
            )
        )
        lot.action_confirm()
        return lot.with_user(cls.env.user)

    @classmethod
    def _create_call_off(cls, lot, amount, zone=None, when=None, vendor=None, ref=""):
        order = (
            cls.env["purchase.order"]
            .with_user(cls.user_buyer)
            .create(
                {
                    "partner_id": (vendor or lot.vendor_id).id,
                    "partner_ref": ref,
                    "requisition_id": lot.id,
                    "zone_id": (zone or cls.zone_lead).id,
                    "currency_id": lot.currency_id.id,
                    "date_order": when or datetime(2026, 3, 16, 10, 0),
                    "order_line": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "product_qty": 1,
                                "price_unit": amount,
                                "taxes_id": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        return order.with_user(cls.env.user)


class InterzonalRequestCommon(InterzonalAgreementCommon):
    """Requests of zone A (``zone_member``) against three lots.

    - lot 1 (``vendor``): laptop 1,000, monitor 200, ceiling 300,000;
    - lot 2 (``other_vendor``): laptop 950, dock 150, ceiling 15,000;
    - lot 3, in an agreement that zone A has not joined: laptop 900, camera 500.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tax = cls.env["account.tax"].create(
            {
                "name": "IZ VAT 21% purchase",
                "amount": 21.0,
                "amount_type": "percent",
                "type_tax_use": "purchase",
            }
        )
        cls.product.supplier_taxes_id = [Command.set(cls.tax.ids)]
        Product = cls.env["product.product"]
        product_vals = {
            "type": "consu",
            "purchase_ok": True,
            "supplier_taxes_id": [Command.set(cls.tax.ids)],
        }
        cls.monitor = Product.create({**product_vals, "name": "IZ Monitor"})
        cls.dock = Product.create({**product_vals, "name": "IZ Dock"})
        cls.camera = Product.create(
            {
                **product_vals,
                "name": "IZ Camera",
                "seller_ids": [
                    Command.create({"partner_id": cls.other_vendor.id, "price": 450})
                ],
            }
        )
        plan = cls.env["account.analytic.plan"].create({"name": "IZ Zones"})
        cls.analytic_a = cls.env["account.analytic.account"].create(
            {"name": "IZ Zone A", "plan_id": plan.id}
        )
        cls.zone_a = cls.zone_member
        cls.zone_a.write(
            {
                "analytic_account_id": cls.analytic_a.id,
                "user_ids": [Command.link(cls.user_requester.id)],
            }
        )
        cls.user_requester.partner_id.email = "requester@example.com"
        cls.user_requester_b = new_test_user(
            cls.env,
            login="iz_requester_b",
            groups="base.group_user,interzonal_procurement.group_requester",
        )
        cls.zone_outsider.user_ids = [Command.link(cls.user_requester_b.id)]
        cls.lot_1 = cls._create_priced_lot(
            cls.agreement,
            cls.vendor,
            {cls.product: 1000, cls.monitor: 200},
            300000,
            "1",
        )
        cls.lot_2 = cls._create_priced_lot(
            cls.agreement,
            cls.other_vendor,
            {cls.product: 950, cls.dock: 150},
            15000,
            "2",
        )
        cls.foreign_agreement = (
            cls.env["interzonal.framework.agreement"]
            .with_user(cls.user_contract_manager)
            .create(
                {
                    "name": "IZ Cameras",
                    "reference": "IZ-2024-009",
                    "date_start": date(2024, 1, 1),
                    "date_end": date(2027, 12, 31),
                    "lead_zone_id": cls.zone_outsider.id,
                    "currency_id": cls.eur.id,
                    "user_id": cls.user_contract_manager.id,
                }
            )
        )
        cls.lot_3 = cls._create_priced_lot(
            cls.foreign_agreement,
            cls.vendor,
            {cls.product: 900, cls.camera: 500},
            100000,
            "1",
        )
        cls.template = (
            cls.env["interzonal.quotation.template"]
            .with_user(cls.user_buyer)
            .create(
                {
                    "name": "IZ Patrol kit",
                    "line_ids": [
                        Command.create(
                            {"product_id": cls.product.id, "product_qty": 2}
                        ),
                        Command.create(
                            {"product_id": cls.monitor.id, "product_qty": 3}
                        ),
                        Command.create({"product_id": cls.dock.id, "product_qty": 2}),
                    ],
                }
            )
        )

    @classmethod
    def _create_priced_lot(cls, agreement, vendor, prices, ceiling, number):
        lot = (
            cls.env["purchase.requisition"]
            .with_user(cls.user_contract_manager)
            .create(
                {
                    "framework_agreement_id": agreement.id,
                    "lot_number": number,
                    "requisition_type": "blanket_order",
                    "vendor_id": vendor.id,
                    "currency_id": cls.eur.id,
                    "initial_ceiling_amount": ceiling,
                    "estimated_amount": ceiling,
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_qty": 100,
                                "price_unit": price,
                            }
                        )
                        for product, price in prices.items()
                    ],
                }
            )
        )
        lot.action_confirm()
        return lot.with_user(cls.env.user)

    @classmethod
    def _create_request(cls, user=None, zone=None, template=None):
        user = user or cls.user_requester
        vals = {"zone_id": (zone or cls.zone_a).id}
        if template:
            vals["quotation_template_id"] = template.id
        return cls.env["purchase.request"].with_user(user).create(vals)

    def _quoted_request(self):
        """A zone A request built from the template and sent to the requester."""
        request = self._create_request(template=self.template)
        request.action_apply_template()
        request = request.with_user(self.user_buyer)
        request.action_acknowledge()
        action = request.action_quotation_send()
        composer = Form(
            self.env["mail.compose.message"]
            .with_user(self.user_buyer)
            .with_context(**action["context"])
        ).save()
        composer._action_send_mail()
        return request
