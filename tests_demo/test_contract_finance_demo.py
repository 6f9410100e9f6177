# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The contract money analysis of the demo database adds up to the lots'."""

from .common import DemoCase

FIGURES = (
    "committed_amount",
    "received_amount",
    "invoiced_amount",
    "paid_amount",
    "committed_not_invoiced_amount",
)


class TestContractFinanceDemo(DemoCase):
    def test_pivot_totals_per_lot_equal_the_lots(self):
        finance = self.users["finance"]
        agreement = self.env.ref("interzonal_procurement.agreement_ict_demo")
        report = self.env["interzonal.contract.finance.report"].with_user(finance)
        groups = {
            group["requisition_id"][0]: group
            for group in report.read_group(
                [("agreement_id", "=", agreement.id)],
                [
                    f"{fname}:sum"
                    for fname in (*FIGURES, "ceiling_amount", "remaining_amount")
                ],
                ["requisition_id"],
                lazy=False,
            )
        }
        lots = agreement.lot_ids.with_user(finance)
        self.assertEqual(set(groups), set(lots.ids))
        self.assertTrue(any(lot.received_amount for lot in lots))
        for lot in lots:
            for fname in FIGURES:
                self.assertAlmostEqual(
                    groups[lot.id][fname], lot[fname], 2, f"{lot.display_name} {fname}"
                )
            self.assertAlmostEqual(
                groups[lot.id]["ceiling_amount"], lot.ceiling_amount, 2
            )
            self.assertAlmostEqual(
                groups[lot.id]["remaining_amount"], lot.remaining_amount, 2
            )
