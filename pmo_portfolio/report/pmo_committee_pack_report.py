# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

from .pmo_management_committee_report import RAG_BADGES


class PmoCommitteePackReport(models.AbstractModel):
    """The pack of a committee meeting: every figure comes from the meeting's
    frozen snapshots, so that the pack reads the same after the meeting."""

    _name = "report.pmo_portfolio.report_committee_pack"
    _description = "Committee Pack"

    @api.model
    def _get_report_values(self, docids, data=None):
        meetings = self.env["pmo.committee.meeting"].browse(docids)
        meetings.check_access("read")
        return {
            "doc_ids": meetings.ids,
            "doc_model": "pmo.committee.meeting",
            "docs": meetings,
            "rag_badges": RAG_BADGES,
            "packs": {meeting: self._get_pack(meeting) for meeting in meetings},
        }

    @api.model
    def _get_pack(self, meeting):
        Snapshot = self.env["pmo.project.snapshot"]
        domain = [("meeting_id", "=", meeting.id)]
        # Searched: the reader's record rules apply to rows and figures alike.
        snapshots = Snapshot.search(domain, order="programme_id, name, id")
        decisions = meeting._pmo_pack_decisions()
        by_programme = Snapshot._pmo_portfolio_figures(domain, groupby="programme_id")
        empty = Snapshot._pmo_portfolio_figures([("id", "=", 0)])
        health_counts = dict(Snapshot._read_group(domain, ["health"], ["__count"]))
        programmes = snapshots.programme_id.sorted(lambda p: (p.code, p.name))
        return {
            "snapshots": snapshots,
            "portfolio": Snapshot._pmo_portfolio_figures(domain),
            "health_counts": [
                (label, key, health_counts.get(key, 0))
                for key, label in Snapshot._fields["health"]._description_selection(
                    self.env
                )
            ],
            "programmes": programmes,
            "programme_figures": {p: by_programme.get(p, empty) for p in programmes},
            "programme_snapshots": snapshots.grouped("programme_id"),
            "red": snapshots.filtered(lambda s: s.health == "red"),
            "stale": snapshots.filtered(lambda s: s.health == "grey"),
            "no_baseline": snapshots.filtered(lambda s: not s.has_baseline),
            "decisions": decisions,
            "carried": meeting.carried_decision_ids,
            "project_decisions": decisions.grouped("project_id"),
            "currency": meeting.company_id.currency_id,
        }
