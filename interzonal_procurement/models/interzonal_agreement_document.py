# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class InterzonalAgreementDocument(models.Model):
    _name = "interzonal.agreement.document"
    _description = "Framework Agreement Contract File Document"
    _order = "agreement_id, document_type_id, date desc, id"
    _check_company_auto = True

    agreement_id = fields.Many2one(
        "interzonal.framework.agreement",
        required=True,
        ondelete="cascade",
        check_company=True,
        index=True,
    )
    document_type_id = fields.Many2one(
        "interzonal.document.type", required=True, ondelete="restrict"
    )
    name = fields.Char(required=True)
    date = fields.Date(default=fields.Date.context_today)
    file = fields.Binary(attachment=True)
    filename = fields.Char()
    company_id = fields.Many2one(
        related="agreement_id.company_id", store=True, index=True, precompute=True
    )
