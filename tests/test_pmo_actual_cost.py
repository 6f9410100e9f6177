# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The PMO's actual cost read from real supplier bills, credit notes and
customer invoices booked on a project's analytic account."""

from datetime import date

from freezegun import freeze_time

from odoo import Command

from .common import CrossAddonCase


class TestPmoActualCost(CrossAddonCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.partner = cls.env["res.partner"].create({"name": "Laptop Supplier"})
        with freeze_time("2026-06-15"):
            cls.project = cls.env["project.project"].create(
                {
                    "name": "Workplace laptops",
                    "budget_at_completion": 100_000,
                    "date_start": date(2026, 1, 1),
                    "date": date(2026, 12, 31),
                }
            )
            cls.env["project.milestone"].create(
                {
                    "name": "Roll-out",
                    "project_id": cls.project.id,
                    "planned_value": 100.0,
                    "deadline": date(2026, 11, 30),
                }
            )

    def _move(self, move_type, amount):
        move = self.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": self.partner.id,
                "invoice_date": date(2026, 3, 1),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Laptops",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                            "analytic_distribution": {
                                str(self.project.account_id.id): 100
                            },
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    @freeze_time("2026-06-15")
    def test_bill_and_credit_note_give_no_actual_cost(self):
        self.assertTrue(self.project.account_id)
        bill = self._move("in_invoice", 12_000)
        self.assertEqual(self.project.actual_cost, 12_000)
        # What the project invoices its customer is income, not less cost.
        self._move("out_invoice", 5_000)
        self.assertEqual(self.project.actual_cost, 12_000)
        credit_note = bill._reverse_moves(
            default_values_list=[{"invoice_date": date(2026, 3, 5)}]
        )
        credit_note.action_post()
        self.assertEqual(credit_note.move_type, "in_refund")
        self.assertEqual(credit_note.amount_untaxed, 12_000)
        self.assertEqual(self.project.actual_cost, 0.0)
        self.assertFalse(self.project.cpi_defined)
