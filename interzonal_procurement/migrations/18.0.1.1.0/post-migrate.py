# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Freeze what the call-offs confirmed so far commit, then recompute the
    lots' committed amounts from those frozen amounts."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["purchase.order"]._init_call_off_amounts()
    lots = env["purchase.requisition"].search([("framework_agreement_id", "!=", False)])
    env.add_to_compute(env["purchase.requisition"]._fields["committed_amount"], lots)
    lots.flush_recordset()
