import io
from datetime import date, datetime

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo.tests import HttpCase, tagged

from .common import InterzonalCommon

PERIOD = (date(2026, 3, 1), date(2026, 3, 31))


class ScorecardReportCommon(InterzonalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_BE")
        cls.env.ref("base.module_interzonal_procurement")._update_translations(
            ["fr_BE"], overwrite=True
        )
        cls.products = [cls._create_goods(f"Gilet {i}") for i in range(6)]
        cls.supplier_fr = cls._create_supplier("Gilets Wallons", lang="fr_BE")
        cls.lot = cls.env["purchase.requisition"].create(
            {"vendor_id": cls.supplier_fr.id}
        )
        cls.lot.name = "Lot 2 Gilets"  # numbered by a sequence at creation
        with freeze_time("2026-03-01 09:00:00"):
            order = cls._create_order(
                cls.supplier_fr,
                [(product, 4) for product in cls.products],
                datetime(2026, 3, 10, 12, 0),
            )
            order.write({"requisition_id": cls.lot.id, "name": "PO-GILETS-1"})
            order.button_confirm()
        lines = order.order_line
        with freeze_time("2026-03-09 10:00:00"):
            backorder = cls._receive(order.picking_ids, {line: 4 for line in lines[:5]})
        with freeze_time("2026-03-15 10:00:00"):
            cls._receive(backorder, {lines[5]: 4})
        cls.late_line = lines[5]
        with freeze_time("2026-04-05 08:00:00"):
            Scorecard = cls.env["interzonal.supplier.scorecard"]
            cls.cards = Scorecard.compute_for_period(*PERIOD, by_lot=True)
            Scorecard.compute_for_period(*PERIOD, period_type="month")
        cls.card = cls.cards.filtered(
            lambda c: c.partner_id == cls.supplier_fr and not c.requisition_id
        )


@tagged("post_install", "-at_install")
class TestSupplierScorecardReports(ScorecardReportCommon):
    def test_pdf_in_french_for_french_supplier(self):
        """The PDF scorecard of a French-speaking supplier is in French and
        lists the KPIs, the monthly trend and the late lines."""
        self.assertEqual(self.card.line_count, 6)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.user_buyer)
            ._render_qweb_html(
                "interzonal_procurement.action_report_supplier_scorecard",
                self.card.ids,
            )[0]
            .decode()
        )
        self.assertIn("Fiche d'évaluation du fournisseur", html)
        self.assertNotIn("Supplier Scorecard", html)
        self.assertIn("Lignes en retard", html)
        self.assertIn("Livraison à temps (OTD)", html)
        self.assertIn(self.late_line.order_id.name, html)
        self.assertIn("83,3", html, "OTD 5/6 with the Belgian decimal comma")

    def test_xlsx_ranking_sheet_per_lot(self):
        """The ranking workbook has a sheet for all lots and one per lot,
        each with a chart."""
        content, report_type = self.env["ir.actions.report"]._render_xlsx(
            "interzonal_procurement.action_report_supplier_ranking_xlsx",
            self.cards.ids,
            {},
        )
        self.assertEqual(report_type, "xlsx")
        workbook = load_workbook(io.BytesIO(content))
        self.assertEqual(workbook.sheetnames, ["All lots", "Lot 2 Gilets"])
        sheet = workbook["Lot 2 Gilets"]
        self.assertEqual(sheet.cell(4, 2).value, "Gilets Wallons")
        self.assertEqual(sheet.cell(4, 3).value, self.card.grade)
        self.assertEqual(len(sheet._charts), 1)


@tagged("post_install", "-at_install")
class TestSupplierScorecardTour(HttpCase, ScorecardReportCommon):
    def test_buyer_opens_scorecard_and_rates_supplier(self):
        """A buyer opens the supplier's scorecard from its form, then rates
        the received order."""
        self.start_tour(
            f"/odoo/action-base.action_partner_form/{self.supplier_fr.id}",
            "interzonal_procurement_supplier_scorecard",
            login="iz_buyer",
        )
        evaluation = self.env["interzonal.supplier.evaluation"].search(
            [("partner_id", "=", self.supplier_fr.id)]
        )
        self.assertEqual(evaluation.service_rating, "4")
        self.assertEqual(evaluation.user_id, self.user_buyer)
