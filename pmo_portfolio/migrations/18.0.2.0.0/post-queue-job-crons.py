# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """The daily indicator cron now opens a large portfolio's values as queue
    jobs; its record is not updated from the data file (noupdate), so point
    it there."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref("pmo_portfolio.ir_cron_pmo_indicators", False)
    if cron and cron.code.strip() == "model._cron_indicators()":
        cron.code = "model._cron_indicators_jobs()"
