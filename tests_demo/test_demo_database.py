# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What a newcomer finds in the demo database of `make run`."""

from lxml import etree

from odoo.tools.safe_eval import safe_eval

from .common import LOGINS_LANG, DemoCase

LOTS = {
    "interzonal_procurement.lot_laptops_demo": 40,
    "interzonal_procurement.lot_monitors_demo": 83,
    "interzonal_procurement.lot_network_demo": 96,
}


class TestDemoDatabase(DemoCase):
    def test_police_zone_is_belgian(self):
        company = self.police_zone
        self.assertEqual(company.country_id.code, "BE")
        self.assertEqual(company.currency_id.name, "EUR")
        self.assertEqual(company.city, "Antwerpen")
        self.assertEqual(company.partner_id.lang, "nl_BE")
        self.assertTrue(company.vat.startswith("BE0"))
        self.assertEqual(company.chart_template, "be_comp")
        accounts = (
            self.env["account.account"]
            .with_company(company)
            .search([("company_ids", "in", company.id)])
        )
        # Belgium's minimum standard chart: 440000 is the suppliers' account
        self.assertIn("440000", accounts.mapped("code"))
        self.assertTrue(
            self.env["account.journal"].search_count(
                [("company_id", "=", company.id), ("type", "=", "purchase")]
            )
        )
        taxes = self.env["account.tax"].search([("company_id", "=", company.id)])
        self.assertIn(21.0, taxes.mapped("amount"), "Belgian VAT rates")

    def test_federal_department_is_belgian(self):
        company = self.department
        self.assertEqual(company.country_id.code, "BE")
        self.assertEqual(company.currency_id.name, "EUR")
        self.assertEqual(company.city, "Bruxelles")

    def test_users_languages_and_companies(self):
        for login, lang in LOGINS_LANG.items():
            user = self.users[login]
            self.assertEqual(user.lang, lang, login)
        for login in ("requester", "buyer", "contract_manager", "finance"):
            self.assertEqual(self.users[login].company_id, self.police_zone, login)
        for login in ("pmo", "project_lead", "member"):
            self.assertEqual(self.users[login].company_id, self.department, login)

    def test_demo_records_in_the_police_zone(self):
        agreement = self.env.ref("interzonal_procurement.agreement_ict_demo")
        self.assertEqual(agreement.company_id, self.police_zone)
        orders = agreement.lot_ids.purchase_ids
        self.assertTrue(orders)
        self.assertEqual(orders.company_id, self.police_zone)
        self.assertEqual(orders.currency_id.name, "EUR")
        request = self.env.ref("interzonal_procurement.purchase_request_patrol_demo")
        self.assertEqual(request.company_id, self.police_zone)

    def test_lots_consumption(self):
        for xmlid, percent in LOTS.items():
            lot = self.env.ref(xmlid)
            self.assertEqual(round(lot.consumption_percent), percent, xmlid)

    def test_scorecards_from_day_one(self):
        """At least one rolling scorecard per lot vendor, from a year of
        receipts."""
        Scorecard = self.env["interzonal.supplier.scorecard"]
        for xmlid in LOTS:
            lot = self.env.ref(xmlid)
            scorecards = Scorecard.search(
                [
                    ("company_id", "=", self.police_zone.id),
                    ("partner_id", "=", lot.vendor_id.id),
                    ("period_type", "=", "rolling"),
                ]
            )
            self.assertTrue(scorecards, lot.vendor_id.name)
            self.assertTrue(any(s.requisition_id == lot for s in scorecards))
        receipts = self.env["stock.picking"].search(
            [
                ("company_id", "=", self.police_zone.id),
                ("picking_type_code", "=", "incoming"),
                ("state", "=", "done"),
            ]
        )
        months = {picking.date_done.strftime("%Y-%m") for picking in receipts}
        self.assertGreaterEqual(len(months), 6, "receipts spread over the year")

    def test_late_delivery_fine(self):
        order = self.env.ref("interzonal_procurement.call_off_monitors_late_demo")
        self.assertTrue(order.late_fine_ids)
        self.assertEqual(order.late_fine_ids.days_late, 14)

    def test_pmo_kanban_default_view(self):
        """The PMO kanban opens on the PMO's projects, not on Odoo's demo
        projects, which stay in the database."""
        pmo = self.users["pmo"]
        action = self.env.ref("pmo_portfolio.project_project_action_pmo")
        context = safe_eval(action.context or "{}")
        filters = [
            key.removeprefix("search_default_")
            for key, value in context.items()
            if key.startswith("search_default_") and value
        ]
        self.assertTrue(filters, "the PMO kanban opens with a default filter")
        Project = self.env["project.project"].with_user(pmo)
        arch = Project.get_view(action.search_view_id.id, "search")["arch"]
        domain = list(safe_eval(action.domain or "[]"))
        for name in filters:
            node = etree.fromstring(arch).xpath(f"//filter[@name='{name}']")[0]
            domain += safe_eval(node.get("domain"))
        projects = Project.search(domain)
        self.assertGreaterEqual(len(projects), 5)
        modules = {xmlid.split(".")[0] for xmlid in projects.get_external_id().values()}
        self.assertEqual(modules, {"pmo_portfolio"})
        odoo_demo = self.env.ref("project.project_project_1")
        self.assertTrue(odoo_demo.exists(), "Odoo's demo projects are kept")
        self.assertIn(odoo_demo, Project.search([]))
        self.assertNotIn(odoo_demo, projects)
        self.assertEqual(projects.company_id, self.department)
        self.assertEqual(projects.currency_id.name, "EUR")

    def test_pmo_story(self):
        """A red project, a stale one and an open exception report."""
        projects = self.env["project.project"].search(
            [("company_id", "=", self.department.id)]
        )
        self.assertIn("red", projects.mapped("health"))
        self.assertTrue(
            any(p.indicator_stale_count for p in projects), "a stale indicator"
        )
        self.assertIn("grey", projects.mapped("health"), "a stale project")
        reports = self.env["pmo.exception.report"].search(
            [("project_id", "in", projects.ids)]
        )
        self.assertTrue(reports.filtered(lambda r: r.state != "decided"))
