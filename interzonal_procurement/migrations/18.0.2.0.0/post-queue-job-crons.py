# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """The monthly scorecard cron now queues its work as jobs; its record is
    not updated from the data file (noupdate), so point it there."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref("interzonal_procurement.ir_cron_compute_scorecards", False)
    if cron and cron.code.strip() == "model._cron_compute_scorecards()":
        cron.code = "model._cron_compute_scorecards_jobs()"
