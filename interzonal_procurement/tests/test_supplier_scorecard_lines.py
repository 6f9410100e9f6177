# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.api import call_kw
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .test_supplier_scorecard_reports import PERIOD, ScorecardReportCommon


@tagged("post_install", "-at_install")
class TestSupplierScorecardLines(ScorecardReportCommon):
    def test_view_totals_match_scorecard(self):
        """The scored-lines view holds the scorecard's lines: its totals give
        the scorecard's line count, OTD, OTIF and fill rate."""
        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT COUNT(*), SUM(on_time_count), SUM(otif_count),
                   SUM(qty_filled), SUM(qty_ordered), SUM(qty_received)
              FROM interzonal_supplier_scorecard_line
             WHERE partner_id = %s AND date_committed >= %s
               AND date_committed < '2026-04-01'
            """,
            [self.supplier_fr.id, PERIOD[0]],
        )
        count, on_time, otif, filled, ordered, received = self.env.cr.fetchone()
        self.assertEqual(count, self.card.line_count)
        self.assertEqual(count, 6)
        self.assertEqual(on_time, 5, "the backordered line was late")
        self.assertAlmostEqual(100.0 * on_time / count, self.card.otd_rate)
        self.assertAlmostEqual(100.0 * otif / count, self.card.otif_rate)
        self.assertAlmostEqual(100.0 * filled / ordered, self.card.fill_rate)
        self.assertEqual(received, 24)

        # the buyers' pivot: the same totals through the ORM, per lot
        Line = self.env["interzonal.supplier.scorecard.line"].with_user(self.user_buyer)
        with freeze_time("2026-04-05 08:00:00"):
            domain = self.card._lines_domain()
        groups = Line._read_group(
            domain,
            ["requisition_id"],
            ["__count", "on_time_count:sum", "qty_ordered:sum"],
        )
        self.assertEqual(groups, [(self.lot, 6, 5, 24.0)])
        lot_card = self.cards.filtered(lambda c: c.requisition_id == self.lot)
        self.assertEqual(lot_card.line_count, 6)
        late = Line.search(domain + [("on_time", "=", False)])
        self.assertEqual(late.order_line_id, self.late_line)

    def test_view_access(self):
        """Buyers and finance read the scored lines of their companies;
        requesters do not, nor anyone the lines of another company."""
        Line = self.env["interzonal.supplier.scorecard.line"]
        for user in (self.user_buyer, self.user_finance):
            self.assertEqual(
                Line.with_user(user).search_count(
                    [("partner_id", "=", self.supplier_fr.id)]
                ),
                6,
            )
        with self.assertRaises(AccessError):
            Line.with_user(self.user_requester).search([])
        other = self.env["res.company"].create({"name": "Zone Ouest"})
        self.user_buyer.write({"company_ids": [(4, other.id)], "company_id": other.id})
        self.assertFalse(
            Line.with_user(self.user_buyer)
            .with_company(other)
            .with_context(allowed_company_ids=[other.id])
            .search([("partner_id", "=", self.supplier_fr.id)])
        )

    def test_recompute_action_checks_group(self):
        """A requester cannot recompute scorecards over RPC and nothing
        changes; a buyer's recompute replaces them with the same figures."""
        cards = self.cards.filtered(lambda c: c.partner_id == self.supplier_fr)
        self.assertEqual(len(cards), 2, "all lots and the lot")
        with self.assertRaises(AccessError) as caught:
            call_kw(
                self.env["interzonal.supplier.scorecard"].with_user(
                    self.user_requester
                ),
                "action_recompute",
                [cards.ids],
                {},
            )
        self.assertIn("buyers and finance officers", str(caught.exception))
        self.assertEqual(cards.exists(), cards)
        self.env["interzonal.supplier.scorecard"]._cron_send_alerts()
        with freeze_time("2026-04-06 08:00:00"):
            action = call_kw(
                self.env["interzonal.supplier.scorecard"].with_user(self.user_buyer),
                "action_recompute",
                [cards.ids],
                {},
            )
        self.assertFalse(cards.exists(), "the scorecards of the period are replaced")
        new = self.env["interzonal.supplier.scorecard"].search(action["domain"])
        self.assertEqual(new.partner_id, self.supplier_fr)
        self.assertEqual(len(new), 2, "all lots and the lot, as computed")
        overall = new.filtered(lambda c: not c.requisition_id)
        self.assertEqual(overall.line_count, 6)
        self.assertAlmostEqual(overall.otd_rate, 5 / 6 * 100)
        self.assertFalse(
            overall.alert_pending, "the delivered alert is not given twice"
        )
