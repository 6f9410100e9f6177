# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, models


class ReportSupplierScorecard(models.AbstractModel):
    """The PDF scorecard: its monthly trend and its late lines."""

    _name = "report.interzonal_procurement.report_supplier_scorecard"
    _description = "Supplier Scorecard Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["interzonal.supplier.scorecard"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": docs._name,
            "docs": docs,
            "get_history": self._get_history,
            "get_late_lines": self._get_late_lines,
        }

    @api.model
    def _get_history(self, card):
        """Monthly scorecards of the 12 months up to ``card``."""
        card.ensure_one()
        return card.search(
            [
                ("partner_id", "=", card.partner_id.id),
                ("requisition_id", "=", False),
                ("period_type", "=", "month"),
                ("company_id", "=", card.company_id.id),
                ("date_to", "<=", card.date_to),
                ("date_to", ">", card.date_to - relativedelta(months=12)),
            ],
            order="date_from asc",
        )

    @api.model
    def _get_late_lines(self, card):
        """Scored lines of ``card`` that were not on time."""
        card.ensure_one()
        # sudo: the lines are shown to whoever may read the scorecard
        lines = (
            self.env["interzonal.supplier.scorecard.line"]
            .sudo()
            .search(
                card._lines_domain() + [("on_time", "=", False)],
                order="date_committed",
            )
        )
        return lines.order_line_id
