# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged
from odoo.tools import SQL

from .common import InterzonalAgreementCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-20")
class TestCallOffCapacity(InterzonalAgreementCommon):
    """Every path that changes what a lot commits meets the one capacity
    check of the lot: refused with the figures, nothing written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lot = cls._create_lot(10000)
        cls.monitor = cls.env["product.product"].create(
            {
                "name": "IZ Monitor",
                "type": "consu",
                "purchase_ok": True,
                "supplier_taxes_id": [Command.clear()],
            }
        )

    def _confirmed(self, lot, amount, zone=None):
        order = self._create_call_off(lot, amount, zone=zone)
        order.with_user(self.user_buyer).button_confirm()
        self.assertEqual(order.state, "purchase")
        return order

    def _snapshot(self, *orders):
        lots = self.env["purchase.requisition"].union(
            *(order.requisition_id for order in orders)
        )
        self.env.invalidate_all()
        return [
            [
                (
                    order.state,
                    order.requisition_id.id,
                    order.zone_id.id,
                    order.call_off_amount,
                    order.call_off_date,
                    order.order_line.mapped(
                        lambda line: (line.product_qty, line.price_unit)
                    ),
                )
                for order in orders
            ],
            lots.mapped(lambda lot: (lot.committed_amount, lot.remaining_amount)),
        ]

    def _assert_refused(self, orders, pattern, action):
        before = self._snapshot(*orders)
        with self.assertRaisesMessage(UserError, pattern):
            action()
        self.assertEqual(self._snapshot(*orders), before)

    def test_confirmation_refused_with_figures(self):
        self._confirmed(self.lot, 9000)
        order = self._create_call_off(self.lot, 1500)
        self._assert_refused(
            order,
            r"Call-off .* of 1,500.00\s€ for zone \[IZ1\] Zone Lead would pass the "
            r"ceiling of lot BO\d+ - Lot 1 - IZ Hardware NV: only 1,000.00\s€ left "
            r"\(ceiling 10,000.00\s€, committed 9,000.00\s€\)",
            order.with_user(self.user_buyer).button_confirm,
        )

    def test_second_approval_checked_again(self):
        """Buyer confirms 6,000 above the approval amount: waiting; 5,000 are
        committed meanwhile; the manager's approval is refused."""
        self.company.write(
            {"po_double_validation": "two_step", "po_double_validation_amount": 100}
        )
        waiting = self._create_call_off(self.lot, 6000)
        waiting.with_user(self.user_buyer).button_confirm()
        self.assertEqual(waiting.state, "to approve")
        self.assertFalse(waiting.call_off_amount)
        self._create_call_off(self.lot, 5000).with_user(
            self.user_contract_manager
        ).button_confirm()
        self._assert_refused(
            waiting,
            r"of 6,000.00\s€ for zone \[IZ1\] Zone Lead .* only 5,000.00\s€ left",
            waiting.with_user(self.user_contract_manager).button_approve,
        )
        self.assertEqual(waiting.state, "to approve")

    def test_rpc_create_in_committed_state(self):
        self._confirmed(self.lot, 9000)
        Order = self.env["purchase.order"].with_user(self.user_buyer)
        count = Order.search_count([])
        vals = {
            "partner_id": self.vendor.id,
            "requisition_id": self.lot.id,
            "zone_id": self.zone_lead.id,
            "currency_id": self.eur.id,
            "state": "purchase",
            "order_line": [
                Command.create(
                    {
                        "product_id": self.product.id,
                        "product_qty": 2,
                        "price_unit": 700,
                        "taxes_id": [Command.clear()],
                    }
                )
            ],
        }
        with self.assertRaisesMessage(
            UserError, r"of 1,400.00\s€ .* only 1,000.00\s€ left"
        ):
            Order.create(vals)
        self.assertEqual(Order.search_count([]), count)
        self.assertEqual(self.lot.committed_amount, 9000)
        vals["order_line"][0][2]["price_unit"] = 500
        order = Order.create(vals)
        self.assertEqual(order.call_off_amount, 1000)
        self.assertEqual(self.lot.committed_amount, 10000)

    def test_rpc_write_of_state(self):
        self._confirmed(self.lot, 9000)
        order = self._create_call_off(self.lot, 1200)
        self._assert_refused(
            order,
            r"of 1,200.00\s€ .* only 1,000.00\s€ left",
            lambda: order.with_user(self.user_buyer).write({"state": "purchase"}),
        )
        with self.assertRaisesMessage(UserError, "cannot be written"):
            order.with_user(self.user_buyer).write({"call_off_amount": 0})

    def test_line_changes_of_confirmed_call_off(self):
        order = self._confirmed(self.lot, 8000)
        line = order.order_line
        # the form
        self._assert_refused(
            order,
            r"of 16,000.00\s€ for zone \[IZ1\] Zone Lead .* only 10,000.00\s€ left "
            r"\(ceiling 10,000.00\s€, committed 0.00\s€\)",
            lambda: self._form_set_line(order, 2, 8000),
        )
        # RPC on the line
        self._assert_refused(
            order,
            r"of 10,400.00\s€ .* only 10,000.00\s€ left",
            lambda: line.with_user(self.user_buyer).write({"price_unit": 10400}),
        )
        # a new line over RPC
        self._assert_refused(
            order,
            r"of 10,001.00\s€ .* only 10,000.00\s€ left",
            lambda: self.env["purchase.order.line"]
            .with_user(self.user_buyer)
            .create(
                {
                    "order_id": order.id,
                    "product_id": self.monitor.id,
                    "product_qty": 1,
                    "price_unit": 2001,
                    "taxes_id": [Command.clear()],
                }
            ),
        )
        # the product catalog: 11 laptops at the lot's price of 1,000
        self._assert_refused(
            order,
            r"of 11,000.00\s€ .* only 10,000.00\s€ left",
            lambda: order.with_user(self.user_buyer)._update_order_line_info(
                self.product.id, 11
            ),
        )
        # within the ceiling, the commitment follows the change
        line.with_user(self.user_buyer).price_unit = 9500
        self.assertEqual(order.call_off_amount, 9500)
        self.assertEqual(self.lot.remaining_amount, 500)

    def _form_set_line(self, order, qty, price):
        with Form(order.with_user(self.user_buyer)) as form:
            with form.order_line.edit(0) as line:
                line.product_qty = qty
                line.price_unit = price

    def test_switch_to_exhausted_lot(self):
        order = self._confirmed(self.lot, 4000)
        exhausted = self._create_lot(5000, number="2")
        self._confirmed(exhausted, 3000)
        self._assert_refused(
            order,
            r"of 4,000.00\s€ .* ceiling of lot .*Lot 2.* only 2,000.00\s€ left",
            lambda: order.with_user(self.user_buyer).write(
                {"requisition_id": exhausted.id}
            ),
        )
        self.assertEqual(self.lot.committed_amount, 4000)
        self.assertEqual(exhausted.committed_amount, 3000)

    def test_switch_zone_to_full_quota(self):
        self.env["interzonal.lot.allocation"].with_user(
            self.user_contract_manager
        ).create(
            {
                "requisition_id": self.lot.id,
                "zone_id": self.zone_member.id,
                "amount": 3000,
            }
        )
        self._confirmed(self.lot, 2500, zone=self.zone_member)
        order = self._confirmed(self.lot, 1000)
        self._assert_refused(
            order,
            r"of 1,000.00\s€ would pass the quota of zone \[IZ2\] Zone Member .* only "
            r"500.00\s€ left \(quota 3,000.00\s€, committed 2,500.00\s€\)",
            lambda: order.with_user(self.user_buyer).write(
                {"zone_id": self.zone_member.id}
            ),
        )

    def test_currency_change_refrozen(self):
        usd = self.env.ref("base.USD")
        usd.active = True
        order = self._confirmed(self.lot, 9000)
        # a dollar worth two euros: 9,000 USD would commit 18,000 EUR
        self._set_usd_per_eur(0.5, date(2026, 3, 1))
        self._assert_refused(
            order,
            r"of 18,000.00\s€ .* only 10,000.00\s€ left",
            lambda: order.with_user(self.user_buyer).write({"currency_id": usd.id}),
        )
        # 1.25 USD per EUR: 9,000 USD are 7,200 EUR, frozen at once
        self._set_usd_per_eur(1.25, date(2026, 3, 1))
        order.with_user(self.user_buyer).currency_id = usd
        self.assertEqual(order.call_off_amount, 7200)
        self.assertEqual(self.lot.committed_amount, 7200)

    def _set_usd_per_eur(self, usd_per_eur, day):
        company_currency = self.company.currency_id
        usd = self.env.ref("base.USD")
        if company_currency == self.eur:
            currency, rate = usd, usd_per_eur
        else:
            currency, rate = self.eur, 1 / usd_per_eur
        self.env["res.currency.rate"].search(
            [("currency_id", "in", (usd | self.eur).ids), ("name", ">=", day)]
        ).unlink()
        self.env["res.currency.rate"].create(
            {
                "currency_id": currency.id,
                "name": day,
                "rate": rate,
                "company_id": self.company.id,
            }
        )

    def test_usd_call_off_keeps_its_commitment(self):
        """10,000 USD confirmed at 1.25 USD/EUR commit 8,000 EUR; the dollar
        falls to 1.00: still 8,000 EUR, and a later EUR call-off of 2,001
        passes the 2,000 left."""
        usd = self.env.ref("base.USD")
        usd.active = True
        self._set_usd_per_eur(1.25, date(2026, 3, 1))
        order = self._create_call_off(self.lot, 10000)
        order.currency_id = usd
        order.with_user(self.user_buyer).button_confirm()
        self.assertEqual(order.call_off_amount, 8000)
        self.assertEqual(order.call_off_date, date(2026, 3, 20))
        with freeze_time("2026-04-02"):
            self._set_usd_per_eur(1.0, date(2026, 4, 1))
            self.env.invalidate_all()
            self.assertEqual(self.lot.committed_amount, 8000)
            too_big = self._create_call_off(self.lot, 2001)
            self._assert_refused(
                too_big,
                r"of 2,001.00\s€ .* only 2,000.00\s€ left",
                too_big.with_user(self.user_buyer).button_confirm,
            )
            fitting = self._create_call_off(self.lot, 2000)
            fitting.with_user(self.user_buyer).button_confirm()
            self.assertEqual(self.lot.committed_amount, 10000)
            self.assertEqual(order.call_off_amount, 8000)

    def test_rfq_confirmed_after_the_agreement_ended(self):
        rfq = self._create_call_off(self.lot, 1000, when=datetime(2027, 12, 20, 10))
        with freeze_time("2028-01-03"):
            self._assert_refused(
                rfq,
                r"cannot be placed on 01/03/2028: framework agreement .* runs from "
                r"01/01/2024 to 12/31/2027",
                rfq.with_user(self.user_buyer).button_confirm,
            )
        self.assertEqual(rfq.state, "draft")

    def test_rfq_after_accession_confirmed_before_it(self):
        """Zone Late joins on 1 June 2026: an RFQ dated in July but confirmed
        on 20 March is refused; confirmed on 1 June it is placed."""
        rfq = self._create_call_off(
            self.lot, 1000, zone=self.zone_late, when=datetime(2026, 7, 1, 10)
        )
        self._assert_refused(
            rfq,
            r"placed on 03/20/2026: zone \[IZ4\] Zone Late joined .* on 06/01/2026",
            rfq.with_user(self.user_buyer).button_confirm,
        )
        with freeze_time("2026-06-01 08:00"):
            rfq.with_user(self.user_buyer).button_confirm()
        self.assertEqual(rfq.call_off_date, date(2026, 6, 1))

    def test_call_off_date_in_user_time_zone(self):
        """Confirmed at 23:30 UTC on 31 May by a Brussels user: placed on
        1 June, the day Zone Late may order from."""
        self.user_buyer.tz = "Europe/Brussels"
        rfq = self._create_call_off(self.lot, 1000, zone=self.zone_late)
        with freeze_time("2026-05-31 23:30"):
            rfq.with_user(self.user_buyer).button_confirm()
        self.assertEqual(rfq.call_off_date, date(2026, 6, 1))

    def test_merge_never_mixes_lots_or_zones(self):
        other_lot = self._create_lot(5000, number="2")
        first = self._create_call_off(self.lot, 100)
        second = self._create_call_off(other_lot, 200)
        third = self._create_call_off(self.lot, 300, zone=self.zone_member)
        with self.assertRaisesMessage(UserError, "must be same"):
            (first | second | third).with_user(self.user_buyer).action_merge()
        self.assertEqual((first | second | third).mapped("state"), ["draft"] * 3)
        fourth = self._create_call_off(self.lot, 400)
        (first | second | fourth).with_user(self.user_buyer).action_merge()
        self.assertEqual(fourth.state, "cancel")
        self.assertEqual(sum(first.order_line.mapped("product_qty")), 2)
        self.assertEqual(second.state, "draft")
        self.assertEqual(second.amount_untaxed, 200)
        self.assertEqual(third.state, "draft")

    def test_cancel_draft_confirm_again_new_dates(self):
        with freeze_time("2026-03-02"):
            order = self._create_call_off(self.lot, 1000)
            order.order_line.date_planned = datetime(2026, 3, 10, 10)
            order.with_user(self.user_buyer).button_confirm()
        self.assertEqual(order.order_line.date_committed, datetime(2026, 3, 10, 10))
        self.assertEqual(order.call_off_date, date(2026, 3, 2))
        order.with_user(self.user_buyer).button_cancel()
        self.assertEqual(self.lot.committed_amount, 0)
        order.with_user(self.user_buyer).button_draft()
        order.order_line.date_planned = datetime(2026, 4, 15, 10)
        order.with_user(self.user_buyer).button_confirm()
        self.assertEqual(order.order_line.date_committed, datetime(2026, 4, 15, 10))
        self.assertEqual(order.call_off_date, date(2026, 3, 20))
        self.assertEqual(self.lot.committed_amount, 1000)

    def test_plain_orders_untouched(self):
        """A plain order is confirmed, changed and merged as in Odoo."""
        order = self._create_order(
            self.vendor, [(self.product, 5)], datetime(2026, 4, 1)
        )
        order.with_user(self.user_buyer).button_confirm()
        self.assertEqual(order.state, "purchase")
        self.assertFalse(order.call_off_amount)
        order.order_line.with_user(self.user_buyer).write(
            {"product_qty": 500000, "price_unit": 10}
        )
        self.assertEqual(order.amount_untaxed, 5000000)

    def test_refusal_in_the_buyers_language(self):
        self._load_language("nl_BE")
        self._confirmed(self.lot, 9000)
        order = self._create_call_off(self.lot, 1500)
        self._assert_refused(
            order,
            r"Bestelbon .* van 1.500,00\s€ voor zone \[IZ1\] Zone Lead zou het "
            r"maximumbedrag van perceel .* overschrijden: nog slechts "
            r"1.000,00\s€ beschikbaar",
            order.with_user(self.user_buyer).with_context(lang="nl_BE").button_confirm,
        )

    def test_existing_call_offs_frozen_on_upgrade(self):
        """Call-offs confirmed before the frozen amounts existed get them
        from their approval day."""
        order = self._confirmed(self.lot, 3000)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE purchase_order SET call_off_amount = NULL, "
                "call_off_date = NULL WHERE id = %s",
                order.id,
            )
        )
        self.env.invalidate_all()
        self.assertFalse(order.call_off_date)
        self.env["purchase.order"]._init_call_off_amounts()
        self.assertEqual(order.call_off_amount, 3000)
        self.assertEqual(order.call_off_date, date(2026, 3, 20))
