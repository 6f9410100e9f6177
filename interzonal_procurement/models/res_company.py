# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

SCORECARD_WEIGHT_FIELDS = (
    "scorecard_weight_otd",
    "scorecard_weight_otif",
    "scorecard_weight_fill",
    "scorecard_weight_return",
    "scorecard_weight_invoice",
    "scorecard_weight_service",
)


DEFAULT_CONSUMPTION_STEPS = "70,85,95,100"


def parse_consumption_steps(value):
    """The steps of ``value`` ("70,85,95,100"), sorted; None when a part is
    not a number or not a percentage above 0 and up to 100."""
    try:
        steps = [float(part) for part in (value or "").split(",") if part.strip()]
    except ValueError:
        return None
    if not steps or any(not 0 < step <= 100 for step in steps):
        return None
    return sorted(steps)


class ResCompany(models.Model):
    _inherit = "res.company"

    scorecard_weight_otd = fields.Integer(string="OTD Weight", default=30)
    scorecard_weight_otif = fields.Integer(string="OTIF Weight", default=20)
    scorecard_weight_fill = fields.Integer(string="Fill Rate Weight", default=15)
    scorecard_weight_return = fields.Integer(string="Returns Weight", default=10)
    scorecard_weight_invoice = fields.Integer(
        string="Invoice Accuracy Weight", default=10
    )
    scorecard_weight_service = fields.Integer(string="Service Weight", default=15)
    scorecard_grade_a_min = fields.Float(string="Grade A From", default=90.0)
    scorecard_grade_b_min = fields.Float(string="Grade B From", default=75.0)
    scorecard_grade_c_min = fields.Float(string="Grade C From", default=60.0)
    scorecard_otd_target = fields.Float(string="OTD Target (%)", default=95.0)
    interzonal_consumption_steps = fields.Char(
        string="Ceiling Consumption Steps",
        default=DEFAULT_CONSUMPTION_STEPS,
        help="Shares of a lot's ceiling, in percent and separated by commas, at "
        "which the contract managers are told that call-offs reached them.",
    )
    interzonal_acknowledge_days = fields.Integer(
        string="Acknowledgement Delay (working days)",
        default=2,
        help="Working days of the company's calendar within which a buyer "
        "acknowledges a purchase request.",
    )
    interzonal_low_value_threshold = fields.Monetary(
        string="Low-Value Threshold",
        currency_field="currency_id",
        default=30000.0,
        help="Below this amount (ex VAT) an accepted invoice is enough for the "
        "lines of a purchase request that no lot covers.",
    )
    late_fine_product_id = fields.Many2one(
        "product.product",
        string="Late-Delivery Fine Product",
        domain=[("type", "=", "service")],
        help="Product of the negative bill lines that withhold late-delivery "
        "fines; the product shipped with the addon when empty.",
    )
    late_fine_account_id = fields.Many2one(
        "account.account",
        string="Late-Delivery Fine Account",
        check_company=True,
        help="Account of the bill lines that withhold late-delivery fines; the "
        "product's expense account when empty.",
    )

    @api.constrains("interzonal_consumption_steps")
    def _check_interzonal_consumption_steps(self):
        bad = self.filtered(
            lambda c: parse_consumption_steps(c.interzonal_consumption_steps) is None
        )
        if bad:
            raise ValidationError(
                _(
                    "Consumption steps are percentages above 0 and up to 100, "
                    "separated by commas, for example 70,85,95,100."
                )
            )

    def write(self, vals):
        # The weights are checked before anything is written, so that a
        # refused change leaves the company as it was.
        if vals.keys() & set(SCORECARD_WEIGHT_FIELDS):
            for company in self:
                company._check_scorecard_weight_values(
                    [vals.get(name, company[name]) for name in SCORECARD_WEIGHT_FIELDS]
                )
        return super().write(vals)

    @api.constrains(*SCORECARD_WEIGHT_FIELDS)
    def _check_scorecard_weights(self):
        for company in self:
            company._check_scorecard_weight_values(
                [company[name] for name in SCORECARD_WEIGHT_FIELDS]
            )

    def _check_scorecard_weight_values(self, weights):
        if any(weight < 0 for weight in weights) or sum(weights) != 100:
            raise ValidationError(
                _(
                    "The scorecard weights must be positive and sum to 100; "
                    "they sum to %(total)s.",
                    total=sum(weights),
                )
            )

    @api.constrains(
        "scorecard_grade_a_min", "scorecard_grade_b_min", "scorecard_grade_c_min"
    )
    def _check_scorecard_grades(self):
        for company in self:
            if not (
                100
                >= company.scorecard_grade_a_min
                > company.scorecard_grade_b_min
                > company.scorecard_grade_c_min
                >= 0
            ):
                raise ValidationError(
                    _(
                        "Grade thresholds must decrease from A to C and lie "
                        "between 0 and 100."
                    )
                )

    @api.constrains("interzonal_acknowledge_days", "interzonal_low_value_threshold")
    def _check_purchase_request_settings(self):
        bad = self.filtered(
            lambda c: c.interzonal_acknowledge_days < 0
            or c.currency_id.compare_amounts(c.interzonal_low_value_threshold, 0.0) < 0
        )
        if bad:
            raise ValidationError(
                _(
                    "The acknowledgement delay and the low-value threshold cannot "
                    "be negative: %(companies)s",
                    companies=", ".join(bad.mapped("name")),
                )
            )

    def _get_consumption_steps(self):
        """The consumption steps of the company, sorted."""
        self.ensure_one()
        return parse_consumption_steps(self.interzonal_consumption_steps) or (
            parse_consumption_steps(DEFAULT_CONSUMPTION_STEPS)
        )

    def _get_late_fine_product(self):
        self.ensure_one()
        return self.late_fine_product_id or self.env.ref(
            "interzonal_procurement.product_late_fine"
        )

    def _scorecard_weights(self):
        """Weights of the score, per key of the scorecard's rates."""
        self.ensure_one()
        return {
            "otd": self.scorecard_weight_otd,
            "otif": self.scorecard_weight_otif,
            "fill": self.scorecard_weight_fill,
            "return": self.scorecard_weight_return,
            "invoice": self.scorecard_weight_invoice,
            "service": self.scorecard_weight_service,
        }

    def _load_demo_chart_template(self):
        """Demo data: Belgium's chart of accounts for companies without a
        chart when ``l10n_be`` is installed, Odoo's generic one otherwise
        (the demo bills need journals)."""
        l10n_be = self.env["ir.module.module"].search_count(
            [("name", "=", "l10n_be"), ("state", "=", "installed")]
        )
        template = "be_comp" if l10n_be else "generic_coa"
        for company in self.filtered(lambda c: not c.chart_template):
            self.env["account.chart.template"].try_loading(
                template, company, install_demo=False
            )
