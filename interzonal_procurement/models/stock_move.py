# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class StockMove(models.Model):
    _inherit = "stock.move"

    def _action_done(self, cancel_backorder=False):
        moves = super()._action_done(cancel_backorder=cancel_backorder)
        requests = moves.purchase_line_id.purchase_request_lines.request_id
        # sudo: the requests of the received lines are closed once received,
        # also when the warehouse user may not write them; only their state moves.
        requests.sudo()._update_done_state()
        self.env["interzonal.late.fine"]._create_from_moves(moves)
        return moves
