# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import models
from . import report
from . import wizard


def post_init_hook(env):
    """Orders confirmed before the module was installed: their planned date
    is the best record of the agreed date left, keep it as committed date."""
    env["purchase.order"].search(
        [("state", "in", ("purchase", "done"))]
    ).order_line._freeze_date_committed()
    env["purchase.order"]._init_call_off_amounts()
