# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class InterzonalEuThreshold(models.Model):
    _name = "interzonal.eu.threshold"
    _description = "EU Procurement Thresholds"
    _order = "date_from desc"

    name = fields.Char(required=True)
    date_from = fields.Date(required=True)
    date_to = fields.Date(required=True)
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.ref("base.EUR")
    )
    central_amount = fields.Monetary(
        string="Central Authorities",
        required=True,
        help="Supplies and services of central government authorities (ex VAT).",
    )
    sub_central_amount = fields.Monetary(
        string="Sub-Central Authorities",
        required=True,
        help="Supplies and services of sub-central contracting authorities, such "
        "as police zones (ex VAT).",
    )
    works_amount = fields.Monetary(string="Works", required=True)

    @api.constrains("date_from", "date_to", "central_amount", "sub_central_amount")
    def _check_period(self):
        for threshold in self:
            if threshold.date_to < threshold.date_from or any(
                amount <= 0
                for amount in (
                    threshold.central_amount,
                    threshold.sub_central_amount,
                    threshold.works_amount,
                )
            ):
                raise ValidationError(
                    _(
                        "EU thresholds %(name)s: the period must end after it "
                        "starts and every amount must be positive.",
                        name=threshold.name,
                    )
                )
            overlap = self.search_count(
                [
                    ("id", "!=", threshold.id),
                    ("date_from", "<=", threshold.date_to),
                    ("date_to", ">=", threshold.date_from),
                ]
            )
            if overlap:
                raise ValidationError(
                    _(
                        "EU thresholds %(name)s overlap another period.",
                        name=threshold.name,
                    )
                )

    @api.model
    def _get_for_date(self, day):
        """The thresholds in force on ``day``; empty when none is known."""
        return self.search([("date_from", "<=", day), ("date_to", ">=", day)], limit=1)
