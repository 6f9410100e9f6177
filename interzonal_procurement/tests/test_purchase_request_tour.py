# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .common import InterzonalRequestCommon

ACTION_URL = "/odoo/action-interzonal_procurement.purchase_request_action"


@tagged("post_install", "-at_install")
class TestPurchaseRequestTour(HttpCase, InterzonalRequestCommon):
    def test_request_to_call_offs(self):
        """Requester asks, buyer quotes, requester accepts, buyer orders."""
        Request = self.env["purchase.request"]
        self.start_tour(
            ACTION_URL, "interzonal_procurement_request_create", login="iz_requester"
        )
        request = Request.search([("requested_by", "=", self.user_requester.id)])
        self.assertEqual(len(request), 1)
        self.assertEqual(request.zone_id, self.zone_a)
        self.assertEqual(len(request.line_ids), 3)
        url = f"{ACTION_URL}/{request.id}"
        self.start_tour(url, "interzonal_procurement_request_quote", login="iz_buyer")
        self.assertEqual(request.quotation_state, "sent")
        self.assertTrue(request.date_acknowledged)
        self.start_tour(
            url, "interzonal_procurement_request_accept", login="iz_requester"
        )
        self.assertEqual(request.quotation_state, "accepted")
        self.assertEqual(request.state, "approved")
        self.start_tour(
            url, "interzonal_procurement_request_call_offs", login="iz_buyer"
        )
        orders = request.line_ids.purchase_lines.order_id
        self.assertEqual(orders.requisition_id, self.lot_1 | self.lot_2)
        self.assertEqual(set(orders.mapped("state")), {"draft"})
