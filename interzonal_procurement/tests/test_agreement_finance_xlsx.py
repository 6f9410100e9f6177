# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import zipfile

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .test_contract_money import ContractMoneyCommon

AMOUNTS = ("committed_amount", "received_amount", "invoiced_amount", "paid_amount")


@tagged("post_install", "-at_install")
class TestAgreementFinanceXlsx(ContractMoneyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_language("nl_BE")
        cls.user_finance.lang = "nl_BE"
        cls.lot_2 = cls._create_lot(50000, number="2")
        cls.env["interzonal.lot.allocation"].with_user(
            cls.user_contract_manager
        ).create(
            {
                "requisition_id": cls.lot.id,
                "zone_id": cls.zone_member.id,
                "amount": 10000,
            }
        )
        # Placed the fiscal year before: carried in the cumulative commitment.
        cls._place_call_off(qty=10, when="2025-06-02 09:00:00")
        cls.order_lead = cls._place_call_off(qty=50)
        cls._place_call_off(qty=20, zone=cls.zone_member)
        cls._place_call_off(qty=10, lot=cls.lot_2)
        with freeze_time("2026-03-10 10:00:00"):
            cls._receive(cls.order_lead.picking_ids, {cls.order_lead.order_line: 30})
        cls.bill = cls._bill(cls.order_lead)
        cls._pay(cls.bill, 1500)

    def _render(self, user):
        content, report_type = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render(
                "interzonal_procurement.agreement_finance_xlsx",
                self.agreement.ids,
                data={"date": "2026-05-01"},
            )
        )
        self.assertEqual(report_type, "xlsx")
        return content

    def test_workbook_per_lot(self):
        content = self._render(self.user_finance)
        workbook = load_workbook(io.BytesIO(content))
        self.assertEqual(workbook.sheetnames, ["Perceel 1", "Perceel 2"])
        sheet = workbook["Perceel 1"]
        self.assertEqual(sheet["A1"].value, self.lot.display_name)
        self.assertEqual(
            [cell.value for cell in sheet[4]][:6],
            ["Zone", "Vastgelegd", "Ontvangen", "Gefactureerd", "Betaald", "Resterend"],
        )
        rows = [[cell.value for cell in sheet[row]][:6] for row in range(5, 8)]
        self.assertEqual(
            rows,
            [
                [self.zone_lead.display_name, 5000, 3000, 3000, 1500, None],
                # quota 10,000 minus the 2,000 the zone committed
                [self.zone_member.display_name, 2000, 0, 0, 0, 8000],
                # ceiling 100,000 minus 1,000 of 2025 and 7,000 of 2026
                ["Totaal", 7000, 3000, 3000, 1500, 92000],
            ],
        )
        self.assertEqual(sheet["A9"].value, "Maand")
        self.assertEqual(sheet["A10"].value, "januari 2026")
        # January: only 2025's commitment so far; March: this year's
        self.assertEqual(
            [c.value for c in sheet[10]][1:8], [0, 0, 0, 0, 99000, 1000, 100000]
        )
        self.assertEqual(
            [c.value for c in sheet[12]][1:8],
            [7000, 3000, 3000, 1500, 92000, 8000, 100000],
        )
        self.assertEqual(sheet["A21"].value, "december 2026")
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            charts = [n for n in package.namelist() if n.startswith("xl/charts/")]
            chart = package.read("xl/charts/chart1.xml").decode()
        self.assertEqual(len(charts), 2, "a chart per lot")
        self.assertIn("<c:lineChart>", chart)

        lot_2 = workbook["Perceel 2"]
        self.assertEqual(
            [cell.value for cell in lot_2[5]][:6],
            [self.zone_lead.display_name, 1000, 0, 0, 0, None],
        )

    def test_workbook_equals_the_report(self):
        workbook = load_workbook(io.BytesIO(self._render(self.user_finance)))
        Report = self.env["interzonal.contract.finance.report"].with_user(
            self.user_finance
        )
        for lot, sheet_name in ((self.lot, "Perceel 1"), (self.lot_2, "Perceel 2")):
            groups = Report._read_group(
                [
                    ("requisition_id", "=", lot.id),
                    ("fiscal_year", "=", "2026"),
                    ("zone_id", "!=", False),
                ],
                ["zone_id"],
                [f"{fname}:sum" for fname in AMOUNTS],
                order="zone_id",
            )
            sheet = workbook[sheet_name]
            for row, (zone, *amounts) in enumerate(
                sorted(groups, key=lambda g: g[0].code), start=5
            ):
                values = [cell.value for cell in sheet[row]][:5]
                self.assertEqual(values, [zone.display_name, *amounts])

    def test_only_finance_prints(self):
        report = self.env.ref("interzonal_procurement.agreement_finance_xlsx_report")
        self.assertEqual(
            report.groups_id, self.env.ref("interzonal_procurement.group_finance")
        )
        bindings = (
            self.env["ir.actions.actions"]
            .with_user(self.user_buyer)
            .get_bindings("interzonal.framework.agreement")
        )
        self.assertNotIn(report.id, [a["id"] for a in bindings.get("report", [])])
        with self.assertRaises(AccessError):
            self.agreement.with_user(self.user_buyer).read(["invoiced_amount"])
        agreement = self.agreement.with_user(self.user_finance)
        self.assertRecordValues(
            agreement,
            [
                {
                    "committed_amount": 9000,
                    "received_amount": 3000,
                    "invoiced_amount": 3000,
                    "paid_amount": 1500,
                    "committed_not_invoiced_amount": 6000,
                }
            ],
        )
