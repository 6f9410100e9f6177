# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import float_is_zero

EAC_FORMULAS = [
    ("bac_cpi", "BAC / CPI"),
    ("ac_remaining", "AC + (BAC - EV)"),
    ("ac_remaining_performance", "AC + (BAC - EV) / (CPI x SPI)"),
]
# The figures _pmo_evm_figures() computes from BAC, PV, EV and AC.
EVM_FIELDS = (
    "schedule_variance",
    "cost_variance",
    "spi",
    "spi_defined",
    "cpi",
    "cpi_defined",
    "eac",
    "eac_defined",
    "eac_formula",
    "etc",
    "vac",
    "tcpi",
    "tcpi_defined",
)


class PmoEarnedValueMixin(models.AbstractModel):
    """Earned-value figures of a record with a budget at completion (BAC),
    a planned value (PV), an earned value (EV) and an actual cost (AC). The
    inheriting model has a ``company_id`` and a ``currency_id``; it
    refreshes PV, EV and AC from its own sources."""

    _name = "pmo.earned.value.mixin"
    _inherit = ["pmo.defined.figure.mixin"]
    _description = "Earned Value Figures"

    # The inheriting model's own currency_id (a related field on projects)
    # takes precedence; declared here so that the amounts have a currency.
    currency_id = fields.Many2one("res.currency")
    budget_at_completion = fields.Monetary(
        string="Budget at Completion (BAC)", tracking=True
    )
    planned_value = fields.Monetary(string="Planned Value (PV)", readonly=True)
    earned_value = fields.Monetary(string="Earned Value (EV)", readonly=True)
    actual_cost = fields.Monetary(string="Actual Cost (AC)", readonly=True)
    schedule_variance = fields.Monetary(
        string="Schedule Variance (SV)", compute="_compute_evm", store=True
    )
    cost_variance = fields.Monetary(
        string="Cost Variance (CV)", compute="_compute_evm", store=True
    )
    spi = fields.Float(
        string="SPI",
        digits=(16, 3),
        aggregator="avg",
        compute="_compute_evm",
        store=True,
        help="Schedule performance index EV / PV; undefined when PV is zero.",
    )
    spi_defined = fields.Boolean(
        string="SPI Defined", compute="_compute_evm", store=True
    )
    cpi = fields.Float(
        string="CPI",
        digits=(16, 3),
        aggregator="avg",
        compute="_compute_evm",
        store=True,
        help="Cost performance index EV / AC; undefined when AC is zero.",
    )
    cpi_defined = fields.Boolean(
        string="CPI Defined", compute="_compute_evm", store=True
    )
    eac = fields.Monetary(
        string="Estimate at Completion (EAC)",
        compute="_compute_evm",
        store=True,
        help="With the company's formula (BAC / CPI by default); AC + (BAC - EV) "
        "when that formula is undefined, as when money was spent and nothing "
        "earned yet; undefined while nothing was spent.",
    )
    eac_defined = fields.Boolean(
        string="EAC Defined", compute="_compute_evm", store=True
    )
    eac_formula = fields.Selection(
        EAC_FORMULAS,
        string="EAC Formula",
        compute="_compute_evm",
        store=True,
        help="The formula the estimate at completion was computed with.",
    )
    etc = fields.Monetary(
        string="Estimate to Complete (ETC)", compute="_compute_evm", store=True
    )
    vac = fields.Monetary(
        string="Variance at Completion (VAC)", compute="_compute_evm", store=True
    )
    tcpi = fields.Float(
        string="TCPI",
        digits=(16, 3),
        aggregator="avg",
        compute="_compute_evm",
        store=True,
        help="To-complete performance index (BAC - EV) / (BAC - AC); undefined "
        "when the whole budget is spent.",
    )
    tcpi_defined = fields.Boolean(
        string="TCPI Defined", compute="_compute_evm", store=True
    )

    @api.model
    def _defined_flags(self):
        return {
            **super()._defined_flags(),
            "spi": "spi_defined",
            "cpi": "cpi_defined",
            "tcpi": "tcpi_defined",
        }

    @api.depends(
        "budget_at_completion",
        "planned_value",
        "earned_value",
        "actual_cost",
        "company_id.pmo_eac_formula",
    )
    def _compute_evm(self):
        for record in self:
            record.update(record._pmo_evm_figures())

    def _pmo_currency(self):
        return self.currency_id or self.env.company.currency_id

    def _pmo_evm_figures(self):
        """Earned-value figures; a ratio with a zero denominator is undefined
        (its ``*_defined`` flag is False and its value 0), never an error.
        The EAC follows the company's formula; where that formula is
        undefined (nothing earned for BAC / CPI, no SPI for the performance
        formula) it is AC + (BAC - EV), so that money spent with nothing to
        show for it is never forecast as on budget."""
        self.ensure_one()
        rounding = self._pmo_currency().rounding
        bac, pv = self.budget_at_completion, self.planned_value
        ev, ac = self.earned_value, self.actual_cost
        vals = {
            "schedule_variance": ev - pv,
            "cost_variance": ev - ac,
            "spi": 0.0,
            "spi_defined": False,
            "cpi": 0.0,
            "cpi_defined": False,
            "eac": 0.0,
            "eac_defined": False,
            "eac_formula": False,
            "etc": 0.0,
            "vac": 0.0,
            "tcpi": 0.0,
            "tcpi_defined": False,
        }
        if not float_is_zero(pv, precision_rounding=rounding):
            vals.update(spi=ev / pv, spi_defined=True)
        if not float_is_zero(ac, precision_rounding=rounding):
            cpi = ev / ac
            vals.update(cpi=cpi, cpi_defined=True)
            formula = (self.company_id or self.env.company).pmo_eac_formula
            performance = cpi * vals["spi"] if vals["spi_defined"] else 0.0
            if formula == "bac_cpi" and not float_is_zero(cpi, precision_digits=6):
                eac = bac / cpi
            elif formula == "ac_remaining_performance" and not float_is_zero(
                performance, precision_digits=6
            ):
                eac = ac + (bac - ev) / performance
            else:
                formula, eac = "ac_remaining", ac + (bac - ev)
            vals.update(
                eac=eac,
                eac_defined=True,
                eac_formula=formula,
                etc=eac - ac,
                vac=bac - eac,
            )
        if not float_is_zero(bac - ac, precision_rounding=rounding):
            vals.update(tcpi=(bac - ev) / (bac - ac), tcpi_defined=True)
        return vals
