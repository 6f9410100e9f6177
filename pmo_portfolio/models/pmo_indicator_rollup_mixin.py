# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models

INDICATOR_RANK = {"green": 0, "amber": 1, "stale": 2, "red": 3}
# The colour an indicator colour gives the health, and its driver.
INDICATOR_HEALTH = {
    "amber": ("amber", "indicators"),
    "red": ("red", "indicators"),
    "stale": ("grey", "stale"),
}


class PmoIndicatorRollupMixin(models.AbstractModel):
    """The indicator values of a project rolled up: the worst colour of
    the latest value of each indicator, which colours the health too."""

    _name = "pmo.indicator.rollup.mixin"
    _inherit = "pmo.health.mixin"
    _description = "Indicator Roll-up"

    indicator_value_ids = fields.One2many("pmo.indicator.value", "project_id")
    indicator_rag = fields.Selection(
        [("green", "Green"), ("amber", "Amber"), ("red", "Red"), ("stale", "Stale")],
        string="Indicators",
        compute="_compute_indicator_status",
        store=True,
        help="The worst colour of the latest value of each indicator.",
    )
    indicator_red_count = fields.Integer(
        string="Red Indicators", compute="_compute_indicator_status", store=True
    )
    indicator_stale_count = fields.Integer(
        string="Stale Indicators", compute="_compute_indicator_status", store=True
    )

    @api.depends("indicator_value_ids.rag", "indicator_value_ids.period_start")
    def _compute_indicator_status(self):
        """Worst colour among the latest coloured value of each indicator.
        Values are read through the ORM (prefetched for the whole batch) so
        that their own pending recomputations are applied first."""
        for record in self:
            latest = {}
            # sudo: the roll-up counts every value of the project, also those
            # the current user may not read; only colours and counts come out.
            values = record.sudo().indicator_value_ids.sorted(
                lambda v: (v.period_start, v.id), reverse=True
            )
            for value in values:
                if value.rag in INDICATOR_RANK:
                    latest.setdefault(value.indicator_id, value.rag)
            colours = list(latest.values())
            record.indicator_red_count = colours.count("red")
            record.indicator_stale_count = colours.count("stale")
            record.indicator_rag = (
                max(colours, key=INDICATOR_RANK.get) if colours else False
            )

    def _pmo_health_depends(self):
        return super()._pmo_health_depends() + ["indicator_rag"]

    def _pmo_extra_health_candidates(self):
        """The worst latest indicator colour."""
        candidates = super()._pmo_extra_health_candidates()
        if self.indicator_rag in INDICATOR_HEALTH:
            candidates = candidates + [INDICATOR_HEALTH[self.indicator_rag]]
        return candidates

    def _pmo_extra_health_reason(self):
        if self.health_driver == "stale":
            return _(
                "Stale: %(count)s indicator value(s) not submitted by their "
                "deadline.",
                count=self.indicator_stale_count,
            )
        if self.indicator_rag == "red":
            return _(
                "Indicators: %(count)s red indicator value(s).",
                count=self.indicator_red_count,
            )
        return _("Indicators: an indicator value is amber.")
