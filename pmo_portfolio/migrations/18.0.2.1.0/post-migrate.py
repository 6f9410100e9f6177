# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The daily indicator run opens a large portfolio's values as queue jobs
(queue_job, a new dependency, installed by the update). The cron record is
not updated from its data file (noupdate): point it to the queuing method,
unless it was changed by hand."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref("pmo_portfolio.ir_cron_pmo_indicators", False)
    if cron and cron.code.strip() == "model._cron_indicators()":
        cron.code = "model._cron_indicators_jobs()"
