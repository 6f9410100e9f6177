# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, models

from .pmo_health_mixin import WITHIN_TOLERANCE

# How _pmo_portfolio_figures() groups the records, and what it sums.
PORTFOLIO_GROUPBY = [
    "health",
    "health_time",
    "health_cost",
    "has_baseline",
    "eac_defined",
]
PORTFOLIO_AGGREGATES = [
    "__count",
    "budget_at_completion:sum",
    "eac:sum",
]


class PmoPortfolioKpiMixin(models.AbstractModel):
    """Portfolio KPIs over records that store the figures of
    ``PORTFOLIO_GROUPBY`` and ``PORTFOLIO_AGGREGATES``: the live projects
    and their snapshots compute them with the same grouped query."""

    _name = "pmo.portfolio.kpi.mixin"
    _description = "Portfolio KPIs"

    @api.model
    def _pmo_portfolio_figures(self, domain=None, groupby=None):
        """Portfolio KPIs with one grouped query: share of projects within
        budget and within schedule (green or amber: within tolerance), red
        count, budget variance against the company's target, and the stale
        count. Stale (grey) projects and projects without a baseline are
        left out of the ratios and counted apart.

        Without ``groupby`` return the figures of all records matching
        ``domain``; with a field name, a dict {group value: figures}."""
        keys = [groupby] if groupby else []
        rows = self._read_group(
            domain or [], keys + PORTFOLIO_GROUPBY, PORTFOLIO_AGGREGATES
        )
        if not groupby:
            return self._pmo_figures_from_groups(rows)
        groups = defaultdict(list)
        for key, *rest in rows:
            groups[key].append(rest)
        return {
            key: self._pmo_figures_from_groups(rows) for key, rows in groups.items()
        }

    @api.model
    def _pmo_figures_from_groups(self, groups):
        """``groups``: rows grouped by ``PORTFOLIO_GROUPBY`` with the
        ``PORTFOLIO_AGGREGATES``. The budget variance compares the estimate at
        completion with the budget of the assessed projects that have a
        baseline and a defined EAC; ``forecast_count`` says how many."""
        total = stale = no_baseline = red = forecast_count = 0
        within_budget = within_schedule = 0
        bac = eac = 0.0
        for row in groups:
            health, health_time, health_cost, has_baseline, eac_defined = row[:5]
            count, bac_sum, eac_sum = row[5:]
            total += count
            if health == "grey":
                stale += count
                continue
            red += count if health == "red" else 0
            if not has_baseline:
                no_baseline += count
                continue
            within_budget += count if health_cost in WITHIN_TOLERANCE else 0
            within_schedule += count if health_time in WITHIN_TOLERANCE else 0
            if eac_defined:
                forecast_count += count
                bac += bac_sum
                eac += eac_sum
        assessed = total - stale - no_baseline
        target = self.env.company.pmo_budget_variance_target / 100.0
        variance = (eac - bac) / bac if bac else None
        return {
            "project_count": total,
            "assessed_count": assessed,
            "stale_count": stale,
            "no_baseline_count": no_baseline,
            "red_count": red,
            "within_budget_share": within_budget / assessed if assessed else None,
            "within_schedule_share": within_schedule / assessed if assessed else None,
            "forecast_count": forecast_count,
            "budget_at_completion": bac,
            "estimate_at_completion": eac,
            "budget_variance": eac - bac,
            "budget_variance_share": variance,
            "budget_variance_target": target,
            "budget_variance_within_target": (
                self._pmo_within_variance_target(eac, bac, target)
                if variance is not None
                else None
            ),
        }

    @api.model
    def _pmo_within_variance_target(self, eac, bac, target):
        """Whether the forecast ``eac`` stays within ``target`` (a share) of
        the budget ``bac``, up or down, to the company currency's rounding."""
        currency = self.env.company.currency_id
        return currency.compare_amounts(abs(eac - bac), abs(bac) * target) <= 0
