# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
from datetime import datetime

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo.tests import tagged

from .common import InterzonalRequestCommon


@tagged("post_install", "-at_install")
class TestSupplierOpenOrdersXlsx(InterzonalRequestCommon):
    def test_open_orders_workbook(self):
        """Open lines of a supplier with ordered, committed, received, days late."""
        request = self._quoted_request()
        request.with_user(self.user_requester).action_quotation_accept()
        request.action_create_call_offs()
        order = request.line_ids.purchase_lines.order_id.filtered(
            lambda o: o.partner_id == self.other_vendor
        )
        laptop_line = order.order_line.filtered(
            lambda line: line.product_id == self.product
        )
        dock_line = order.order_line - laptop_line
        laptop_line.date_planned = datetime(2026, 3, 10, 12, 0)
        dock_line.date_planned = datetime(2026, 3, 30, 12, 0)
        order.button_confirm()
        # the workbook shows the committed date even when the plan moves, and
        # keeps a locked order
        laptop_line.date_planned = datetime(2026, 3, 18, 12, 0)
        order.button_done()
        move = order.picking_ids.move_ids.filtered(
            lambda m: m.product_id == self.product
        )
        move.quantity = 1
        move.picked = True
        order.picking_ids._action_done()
        with freeze_time("2026-03-20"):
            content, report_type = (
                self.env["ir.actions.report"]
                .with_user(self.user_buyer)
                ._render(
                    "interzonal_procurement.supplier_open_orders_xlsx",
                    self.other_vendor.ids,
                )
            )
        self.assertEqual(report_type, "xlsx")
        workbook = load_workbook(io.BytesIO(content))
        sheet = workbook[self.other_vendor.name]
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        self.assertEqual(len(rows), 2)
        laptop_row, dock_row = rows
        self.assertEqual(laptop_row[0], order.name)
        self.assertIn("IZ Laptop", laptop_row[1])
        self.assertEqual(laptop_row[2], 2)
        self.assertEqual(laptop_row[3].date(), datetime(2026, 3, 10).date())
        self.assertEqual(laptop_row[4], 1)
        self.assertEqual(laptop_row[5], 10)
        self.assertEqual(dock_row[5], 0)
