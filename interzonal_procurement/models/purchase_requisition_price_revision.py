# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


# Price revisions of a lot are kept apart from the ceiling rules of
# purchase_requisition.py.
class PurchaseRequisition(models.Model):
    _inherit = "purchase.requisition"  # pylint: disable=consider-merging-classes-inherited

    price_revision_ids = fields.One2many(
        "interzonal.price.revision", "requisition_id", string="Price Revisions"
    )

    def _get_price_revisions_on(self, day):
        """The price revision in force on ``day`` for each lot: the latest
        one dated on or before that day.

        :return: {lot id: interzonal.price.revision}
        """
        # sudo: the revision in force only prices the caller's own order
        # lines; plain purchase users confirming a call-off may not read
        # revisions, and nothing else of them is returned.
        revisions = (
            self.env["interzonal.price.revision"]
            .sudo()
            .search(
                [("requisition_id", "in", self.ids), ("date", "<=", day)],
                order="date desc, id desc",
            )
        )
        in_force = {}
        for revision in revisions:
            in_force.setdefault(revision.requisition_id.id, revision)
        return in_force
