# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class InterzonalAgreementParticipation(models.Model):
    _name = "interzonal.agreement.participation"
    _description = "Zone Participation in a Framework Agreement"
    _order = "agreement_id, date_joined, id"
    _check_company_auto = True

    agreement_id = fields.Many2one(
        "interzonal.framework.agreement",
        required=True,
        ondelete="cascade",
        check_company=True,
        index=True,
    )
    zone_id = fields.Many2one(
        "interzonal.zone", required=True, check_company=True, index=True
    )
    date_joined = fields.Date(
        required=True,
        default=fields.Date.context_today,
        help="Date of the accession decision: the zone may order from this " "date on.",
    )
    decision_reference = fields.Char()
    decision_file = fields.Binary(string="Accession Decision", attachment=True)
    decision_filename = fields.Char()
    company_id = fields.Many2one(
        related="agreement_id.company_id", store=True, index=True, precompute=True
    )

    _sql_constraints = [
        (
            "agreement_zone_uniq",
            "unique(agreement_id, zone_id)",
            "A zone joins a framework agreement only once.",
        ),
    ]
