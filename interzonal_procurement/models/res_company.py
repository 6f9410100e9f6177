# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

SCORECARD_WEIGHT_FIELDS = (
    "scorecard_weight_otd",
    "scorecard_weight_otif",
    "scorecard_weight_fill",
    "scorecard_weight_return",
    "scorecard_weight_invoice",
    "scorecard_weight_service",
)


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
