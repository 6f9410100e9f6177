# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_amount, format_date


class PurchaseRequisition(models.Model):
    """Zone quotas and recorded modifications of a lot."""

    _inherit = "purchase.requisition"

    allocation_ids = fields.One2many(
        "interzonal.lot.allocation", "requisition_id", string="Zone Quotas"
    )
    modification_ids = fields.One2many(
        "interzonal.lot.modification", "requisition_id", string="Modifications"
    )

    def _check_quotas_within_ceiling(self):
        # sudo: sums only, to validate the lots being saved: also for a purchase
        # user who may not read quotas (a plain blanket order has none).
        totals = dict(
            self.env["interzonal.lot.allocation"]
            .sudo()
            ._read_group(
                [("requisition_id", "in", self.ids)],
                ["requisition_id"],
                ["amount:sum"],
            )
        )
        bad = self.filtered(
            lambda lot: lot.currency_id.compare_amounts(
                totals.get(lot, 0.0), lot.ceiling_amount
            )
            > 0
        )
        if bad:
            details = []
            for lot in bad:
                details.append(
                    _(
                        "%(lot)s (quotas %(quotas)s, ceiling %(ceiling)s)",
                        lot=lot.display_name,
                        quotas=format_amount(self.env, totals[lot], lot.currency_id),
                        ceiling=format_amount(
                            self.env, lot.ceiling_amount, lot.currency_id
                        ),
                    )
                )
            raise ValidationError(
                _(
                    "The zone quotas of a lot cannot exceed its ceiling: %(lots)s",
                    lots=", ".join(details),
                )
            )

    def _check_modifications_below_eu_threshold(self):
        """Cumulative modifications stay below the EU threshold in force on
        the date of each modification, in the column the agreement names."""
        for lot in self.filtered("framework_agreement_id"):
            agreement = lot.framework_agreement_id
            cumulative = 0.0
            for modification in lot.modification_ids.sorted(lambda m: (m.date, m.id)):
                cumulative += modification.amount
                threshold, currency = agreement._get_eu_threshold(modification.date)
                if threshold is None:
                    raise ValidationError(
                        _(
                            "Modification %(decision)s of lot %(lot)s: no EU "
                            "threshold is known for %(date)s.",
                            decision=modification.decision_reference,
                            lot=lot.display_name,
                            date=format_date(self.env, modification.date),
                        )
                    )
                total = lot.currency_id._convert(
                    cumulative, currency, lot.company_id, modification.date
                )
                if currency.compare_amounts(total, threshold) >= 0:
                    raise ValidationError(
                        _(
                            "Modification %(decision)s of lot %(lot)s brings its "
                            "modifications to %(total)s, not below the EU "
                            "threshold of %(threshold)s in force on %(date)s.",
                            decision=modification.decision_reference,
                            lot=lot.display_name,
                            total=format_amount(self.env, total, currency),
                            threshold=format_amount(self.env, threshold, currency),
                            date=format_date(self.env, modification.date),
                        )
                    )
