# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math

from odoo import _, api, fields, models
from odoo.tools import float_compare, float_is_zero, format_amount

HEALTH_SELECTION = [
    ("green", "Green"),
    ("amber", "Amber"),
    ("red", "Red"),
    ("grey", "Grey"),
    ("no_baseline", "No baseline"),
]
# Worst last: without a baseline nothing is measured, worse than green but
# better than amber; unknown (grey) is worse than amber, better than red.
HEALTH_RANK = {"green": 0, "no_baseline": 1, "amber": 2, "grey": 3, "red": 4}
# The healths within tolerance, for the within-budget/schedule ratios.
WITHIN_TOLERANCE = ("green", "amber")
DECLARED_STATUS = {"on_track": "green", "at_risk": "amber", "off_track": "red"}
# Shares of a tolerance are compared to this many decimals.
SHARE_DIGITS = 6


def worst_health(healths, default="green"):
    """The worst of ``healths`` (see HEALTH_RANK), ``default`` if none."""
    return max(healths, key=HEALTH_RANK.get) if healths else default


class PmoHealthMixin(models.AbstractModel):
    """PRINCE2 health of a record with earned-value figures: each of time
    and cost is green, amber (more than the company's amber share of its
    tolerance used) or red (beyond it); the record's health is the worst,
    with the driver that decided it. The inheriting model has a
    ``has_baseline`` field and a ``last_update_status`` (the status its lead
    declared); it recomputes the health through one entry point."""

    _name = "pmo.health.mixin"
    _inherit = "pmo.earned.value.mixin"
    _description = "PRINCE2 Health"

    tolerance_time_percent = fields.Float(
        string="Time Tolerance (%)", default=10.0, tracking=True
    )
    tolerance_cost_percent = fields.Float(
        string="Cost Tolerance (%)", default=10.0, tracking=True
    )
    health = fields.Selection(
        HEALTH_SELECTION,
        compute="_compute_health",
        store=True,
        tracking=True,
        index=True,
        default="green",
    )
    health_driver = fields.Selection(
        [
            ("none", "Within tolerance"),
            ("time", "Time"),
            ("cost", "Cost"),
            ("indicators", "Indicators"),
            ("stale", "Stale indicators"),
            ("baseline", "No baseline"),
        ],
        compute="_compute_health",
        store=True,
        default="none",
    )
    health_time = fields.Selection(
        HEALTH_SELECTION,
        string="Schedule Health",
        compute="_compute_health",
        store=True,
    )
    health_cost = fields.Selection(
        HEALTH_SELECTION, string="Budget Health", compute="_compute_health", store=True
    )
    health_reason = fields.Char(compute="_compute_health_reason")
    health_color = fields.Integer(compute="_compute_health_color")
    declared_status = fields.Selection(
        HEALTH_SELECTION,
        compute="_compute_declared_status",
        store=True,
        help="The status the project lead declared in the last project update.",
    )
    health_mismatch = fields.Boolean(
        compute="_compute_health_mismatch",
        store=True,
        help="The computed health differs from the status the lead declared.",
    )

    def _pmo_health_depends(self):
        return [
            "spi",
            "spi_defined",
            "eac",
            "eac_defined",
            "actual_cost",
            "budget_at_completion",
            "tolerance_time_percent",
            "tolerance_cost_percent",
            "company_id.pmo_amber_share",
            "has_baseline",
        ]

    @api.depends(lambda self: self._pmo_health_depends())
    def _compute_health(self):
        """The health reads the earned-value figures and the baseline from
        their sources, not from their stored computed fields: automation
        rules evaluate the health while those fields are being recomputed,
        when their stored values are still the old ones."""
        for record in self:
            figures = record._pmo_evm_figures()
            baseline = record._pmo_has_baseline()
            record.health, record.health_driver = record._pmo_assess_health(
                figures, baseline
            )
            if baseline:
                time_use = record._pmo_time_use(figures)
                cost_use = record._pmo_cost_use(figures)
                record.health_time = record._pmo_figure_health(time_use)
                record.health_cost = record._pmo_figure_health(cost_use)
            else:
                record.health_time = record.health_cost = "no_baseline"

    def _pmo_has_baseline(self):
        """Whether the figures measure against a baseline: a budget at
        completion by default."""
        self.ensure_one()
        return bool(self.budget_at_completion)

    def _pmo_time_use(self, figures=None):
        """Share of the time tolerance used (1.0 = all of it), None if unknown.
        ``figures``: those of ``_pmo_evm_figures()``, else the stored ones."""
        figures = self if figures is None else figures
        if not figures["spi_defined"]:
            return None
        slip = max(0.0, (1.0 - figures["spi"]) * 100.0)
        if float_is_zero(slip, precision_digits=SHARE_DIGITS):
            return 0.0
        tolerance = self.tolerance_time_percent
        return slip / tolerance if tolerance > 0 else float("inf")

    def _pmo_cost_forecast(self, figures=None):
        """EAC, or at least what was already spent when EAC is undefined."""
        figures = self if figures is None else figures
        return figures["eac"] if figures["eac_defined"] else self.actual_cost

    def _pmo_cost_use(self, figures=None):
        """Share of the cost tolerance used (1.0 = all of it), None if unknown."""
        bac = self.budget_at_completion
        if self._pmo_currency().is_zero(bac):
            return None
        forecast = self._pmo_cost_forecast(figures)
        overrun = max(0.0, (forecast - bac) / bac * 100.0)
        if float_is_zero(overrun, precision_digits=SHARE_DIGITS):
            return 0.0
        tolerance = self.tolerance_cost_percent
        return overrun / tolerance if tolerance > 0 else float("inf")

    def _pmo_figure_health(self, use):
        """Colour of a figure that used ``use`` of its tolerance (None:
        unknown, green; infinite: no tolerance at all, red)."""
        if use is None:
            return "green"
        if math.isinf(use):
            return "red"
        amber_share = (self.company_id or self.env.company).pmo_amber_share / 100.0
        if float_compare(use, amber_share, precision_digits=SHARE_DIGITS) <= 0:
            return "green"
        if float_compare(use, 1.0, precision_digits=SHARE_DIGITS) > 0:
            return "red"
        return "amber"

    def _pmo_assess_health(self, figures=None, baseline=None):
        """Return (health, driver): the worst of the figures' colours. Without
        a baseline the time and cost figures measure nothing: only the
        other candidates can colour the record, else it has "no baseline"."""
        self.ensure_one()
        if baseline is None:
            baseline = self.has_baseline
        candidates = [("green", "none")]
        if baseline:
            candidates += [
                (self._pmo_figure_health(self._pmo_time_use(figures)), "time"),
                (self._pmo_figure_health(self._pmo_cost_use(figures)), "cost"),
            ]
        candidates += self._pmo_extra_health_candidates()
        # Worst colour first; on a tie cost decides, then time, then indicators.
        order = {"none": -1, "stale": 0, "indicators": 1, "time": 2, "cost": 3}
        worst = max(candidates, key=lambda c: (HEALTH_RANK[c[0]], order.get(c[1], 9)))
        if worst[0] == "green" and not baseline:
            return "no_baseline", "baseline"
        if worst[0] == "green":
            return "green", "none"
        return worst

    def _pmo_extra_health_candidates(self):
        """More (colour, driver) pairs than time and cost: none here."""
        return []

    @api.depends_context("lang")
    @api.depends(
        "health_driver",
        "spi",
        "eac",
        "budget_at_completion",
        "tolerance_time_percent",
        "tolerance_cost_percent",
    )
    def _compute_health_reason(self):
        for record in self:
            record.health_reason = record._pmo_health_reason()

    def _pmo_health_reason(self):
        self.ensure_one()
        driver = self.health_driver
        if driver == "time":
            return _(
                "Time: SPI %(spi).3f, %(slip).1f %% behind plan against a "
                "%(tolerance).1f %% tolerance.",
                spi=self.spi,
                slip=(1.0 - self.spi) * 100.0,
                tolerance=self.tolerance_time_percent,
            )
        if driver == "cost":
            forecast = self._pmo_cost_forecast()
            bac = self.budget_at_completion
            currency = self._pmo_currency()
            return _(
                "Cost: forecast %(forecast)s is %(overrun).1f %% above the "
                "budget at completion %(bac)s against a %(tolerance).1f %% "
                "tolerance.",
                forecast=format_amount(self.env, forecast, currency),
                overrun=(forecast - bac) / bac * 100.0 if bac else 0.0,
                bac=format_amount(self.env, bac, currency),
                tolerance=self.tolerance_cost_percent,
            )
        if driver == "baseline":
            return _(
                "No baseline: set a budget at completion and plan its share on "
                "the milestones."
            )
        if driver == "none":
            return _("Within tolerance.")
        return self._pmo_extra_health_reason()

    def _pmo_extra_health_reason(self):
        """The reason of a health driven by another candidate."""
        return ""

    @api.depends("health")
    def _compute_health_color(self):
        colors = {"green": 10, "amber": 2, "red": 1, "grey": 0, "no_baseline": 4}
        for record in self:
            record.health_color = colors.get(record.health, 0)

    @api.depends("last_update_status")
    def _compute_declared_status(self):
        for record in self:
            record.declared_status = DECLARED_STATUS.get(record.last_update_status)

    @api.depends("health", "declared_status")
    def _compute_health_mismatch(self):
        for record in self:
            record.health_mismatch = bool(
                record.declared_status
                and record.health not in ("grey", "no_baseline")
                and record.declared_status != record.health
            )
