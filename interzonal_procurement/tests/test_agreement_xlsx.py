# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import zipfile
from datetime import date

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo.tests import tagged

from .common import InterzonalAgreementCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-03-20")
class TestAgreementXlsx(InterzonalAgreementCommon):
    def test_workbook_figures(self):
        lot_1 = self._create_lot(300000, number="1")
        lot_2 = self._create_lot(50000, number="2")
        self.env["interzonal.lot.allocation"].with_user(
            self.user_contract_manager
        ).create(
            {
                "requisition_id": lot_1.id,
                "zone_id": self.zone_member.id,
                "amount": 40000,
            }
        )
        self._create_call_off(lot_1, 120000).button_confirm()
        self._create_call_off(lot_1, 30000, zone=self.zone_member).button_confirm()
        self._create_call_off(lot_2, 45000).button_confirm()
        self._create_call_off(lot_2, 1000).button_cancel()

        content, report_type = (
            self.env["ir.actions.report"]
            .with_user(self.user_finance)
            ._render(
                "interzonal_procurement.framework_agreement_xlsx", self.agreement.ids
            )
        )
        self.assertEqual(report_type, "xlsx")
        workbook = load_workbook(io.BytesIO(content))
        self.assertEqual(
            workbook.sheetnames, ["Lots", "IZ1", "IZ2", "IZ4", "Call-offs"]
        )

        lots = workbook["Lots"]
        rows = list(lots.iter_rows(min_row=2, max_row=3, values_only=True))
        self.assertEqual(rows[0][1], lot_1.display_name)
        self.assertEqual(rows[0][4:8], (300000, 150000, 150000, 50.0))
        self.assertEqual(rows[1][1], lot_2.display_name)
        self.assertEqual(rows[1][4:8], (50000, 45000, 5000, 90.0))
        # 150,000 over the last 365 days: 150,000 left lasts 365 more days
        self.assertEqual(rows[0][8].date(), date(2027, 3, 20))
        rules = [
            rule.type
            for formatting in lots.conditional_formatting
            for rule in formatting.rules
        ]
        self.assertEqual(sorted(rules), ["cellIs", "cellIs", "cellIs", "dataBar"])
        # openpyxl does not load charts: look for the bar chart in the package
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            chart = package.read("xl/charts/chart1.xml").decode()
        self.assertIn("<c:barChart>", chart)

        member = workbook["IZ2"]
        self.assertEqual(member["A1"].value, self.zone_member.display_name)
        self.assertEqual(
            [cell.value for cell in member[4]],
            [lot_1.display_name, "EUR", 40000, 30000, 10000],
        )
        self.assertEqual(
            [cell.value for cell in member[5]],
            [lot_2.display_name, "EUR", None, 0, None],
        )
        lead = workbook["IZ1"]
        self.assertEqual(lead["D4"].value, 120000)
        self.assertEqual(lead["D5"].value, 45000)
