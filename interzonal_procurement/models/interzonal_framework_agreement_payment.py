# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# Law of 17 June 2016 and RD 14 January 2013: 30 days for verification and
# payment, at most 60 when the tender documents justify it.
PAYMENT_DAYS = 30
PAYMENT_DAYS_JUSTIFIED = 60


# The payment term of call-offs is kept apart from the agreement rules of
# interzonal_framework_agreement.py.
class InterzonalFrameworkAgreement(models.Model):
    _inherit = "interzonal.framework.agreement"  # pylint: disable=consider-merging-classes-inherited

    def _default_payment_term_id(self):
        return self.env.ref(
            "account.account_payment_term_30days", raise_if_not_found=False
        )

    payment_term_id = fields.Many2one(
        "account.payment.term",
        default=lambda self: self._default_payment_term_id(),
        check_company=True,
        tracking=True,
        help="Proposed on the call-offs of the agreement: 30 days, at most 60 "
        "when the tender documents justify it.",
    )
    payment_days = fields.Integer(
        string="Payment Delay (days)",
        compute="_compute_payment_days",
        help="Longest delay between a bill's date and its due date under the "
        "payment term.",
    )
    payment_term_justification = fields.Text(
        tracking=True,
        help="Why the tender documents allow more than 30 days (60 at most).",
    )

    @api.depends(
        "payment_term_id.line_ids.nb_days", "payment_term_id.line_ids.delay_type"
    )
    def _compute_payment_days(self):
        for agreement in self:
            agreement.payment_days = agreement.payment_term_id._get_max_delay_days()

    @api.constrains("payment_term_id", "payment_term_justification")
    def _check_payment_term(self):
        too_long = self.filtered(lambda a: a.payment_days > PAYMENT_DAYS_JUSTIFIED)
        if too_long:
            raise ValidationError(
                _(
                    "The payment term of a framework agreement is at most "
                    "%(days)s days: %(agreements)s",
                    days=PAYMENT_DAYS_JUSTIFIED,
                    agreements=", ".join(too_long.mapped("display_name")),
                )
            )
        unjustified = self.filtered(
            lambda a: a.payment_days > PAYMENT_DAYS
            and not (a.payment_term_justification or "").strip()
        )
        if unjustified:
            raise ValidationError(
                _(
                    "A payment term longer than %(days)s days needs the "
                    "justification given in the tender documents: %(agreements)s",
                    days=PAYMENT_DAYS,
                    agreements=", ".join(unjustified.mapped("display_name")),
                )
            )
