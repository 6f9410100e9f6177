# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo import api, models


class AccountPaymentTerm(models.Model):
    _inherit = "account.payment.term"

    def _get_max_delay_days(self):
        """Longest delay in days between a bill's date and a due date of the
        term, over bills dated on the first of each month (end-of-month
        terms are longest then); 0 without a term."""
        if not self or not self.line_ids:
            return 0
        self.ensure_one()
        days = [date(2024, month, 1) for month in range(1, 13)]
        return max(
            (line._get_due_date(day) - day).days
            for line in self.line_ids
            for day in days
        )

    @api.constrains("line_ids")
    def _check_framework_agreement_delay(self):
        """A term made longer still meets the payment rules of the framework
        agreements that propose it."""
        # sudo: the agreements proposing the term, whoever edits it; they are
        # only checked, not returned.
        agreements = (
            self.env["interzonal.framework.agreement"]
            .sudo()
            .with_context(active_test=False)
            .search([("payment_term_id", "in", self.ids)])
        )
        agreements.invalidate_recordset(["payment_days"])
        agreements._check_payment_term()
