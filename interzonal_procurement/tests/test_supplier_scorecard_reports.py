# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
from datetime import date, datetime

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import InterzonalCommon

PERIOD = (date(2026, 3, 1), date(2026, 3, 31))


class ScorecardReportCommon(InterzonalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_language("fr_BE")
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


@tagged("post_install", "-at_install")
class TestSupplierScorecardCronAndAccess(ScorecardReportCommon):
    def test_cron_rolling_per_lot_and_month(self):
        """The monthly cron keeps a rolling 12-month scorecard per supplier,
        all lots and per lot, and one for the past calendar month."""
        with freeze_time("2026-04-02 03:00:00"):
            self.env["interzonal.supplier.scorecard"]._cron_compute_scorecards()
        cards = self.env["interzonal.supplier.scorecard"].search(
            [("partner_id", "=", self.supplier_fr.id)]
        )
        rolling = cards.filtered(lambda c: c.period_type == "rolling")
        self.assertEqual(rolling.requisition_id, self.lot)
        self.assertEqual(len(rolling), 2, "all lots and the lot")
        self.assertEqual(set(rolling.mapped("date_from")), {date(2025, 4, 1)})
        self.assertEqual(set(rolling.mapped("date_to")), {date(2026, 3, 31)})
        month = cards.filtered(lambda c: c.period_type == "month")
        self.assertEqual(len(month), 1, "the recompute replaced the March card")
        self.assertEqual(month.date_from, date(2026, 3, 1))

    def test_roles_access(self):
        """Buyers record evaluations and read scorecards; finance and
        contract managers read scorecards; nobody edits a scorecard."""
        for user in (self.user_buyer, self.user_finance, self.user_contract_manager):
            self.assertEqual(
                self.card.with_user(user).read(["grade"])[0]["grade"], self.card.grade
            )
        with self.assertRaises(AccessError):
            self.card.with_user(self.user_buyer).write({"score": 100})
        with self.assertRaises(AccessError):
            self.env["interzonal.supplier.scorecard"].with_user(
                self.user_requester
            ).compute_for_period(*PERIOD)
        with self.assertRaises(AccessError):
            self.env["interzonal.supplier.evaluation"].with_user(
                self.user_requester
            ).search([])
        order = self.late_line.order_id
        evaluation = (
            self.env["interzonal.supplier.evaluation"]
            .with_user(self.user_buyer)
            .create(
                {
                    "purchase_order_id": order.id,
                    "service_rating": "4",
                    "quality_rating": "5",
                    "communication_rating": "3",
                }
            )
        )
        self.assertEqual(evaluation.partner_id, self.supplier_fr)
        self.assertAlmostEqual(evaluation.average_rating, 4.0)
        self.assertFalse(order.activity_ids, "the evaluation activity is done")
        with freeze_time("2026-04-05 08:00:00"):
            card = self.env["interzonal.supplier.scorecard"].compute_for_period(
                *PERIOD, partner_ids=self.supplier_fr.ids
            )
        self.assertEqual(card.evaluation_count, 1)
        self.assertAlmostEqual(card.service_rating, 4.0)

    def test_pending_alert_delivered_once_in_buyer_language(self):
        """The computation triggers the alert cron; an alert still on its way
        when the period is recomputed is delivered once, in the buyer's
        language."""
        Scorecard = self.env["interzonal.supplier.scorecard"]
        cron = self.env.ref("interzonal_procurement.ir_cron_send_scorecard_alerts")
        self.assertTrue(self.card.alert_pending, "OTD 83.3 % under the 95 % target")
        self.assertTrue(
            self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]),
            "the computation asks for an early run of the alert cron",
        )
        self.user_buyer.lang = "fr_BE"
        with freeze_time("2026-04-06 08:00:00"):
            again = Scorecard.compute_for_period(
                *PERIOD, partner_ids=self.supplier_fr.ids
            )
        self.assertFalse(self.card.exists())
        self.assertTrue(again.alert_pending, "the recompute hands the alert over")
        self.assertEqual(again.user_id, self.user_buyer)

        Scorecard._cron_send_alerts()
        Scorecard._cron_send_alerts()
        alert_type = self.env.ref(
            "interzonal_procurement.mail_activity_type_supplier_alert"
        )
        activity = self.supplier_fr.activity_ids.filtered(
            lambda act: act.activity_type_id == alert_type
        )
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.user_buyer)
        self.assertIn(
            "Alerte de performance fournisseur pour 01/03/2026", activity.note
        )
        notes = self.supplier_fr.message_ids.filtered(
            lambda msg: "Alerte de performance" in (msg.body or "")
        )
        self.assertEqual(len(notes), 1)
        self.assertFalse(again.alert_pending)
