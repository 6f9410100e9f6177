# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.tools import format_date

OVERDUE_ACTIVITY = "interzonal_procurement.mail_activity_type_overdue_bill"
UNPAID_STATES = ("not_paid", "partial")


# Finance's follow-up of overdue call-off bills is kept apart from the bill
# rules of account_move.py.
class AccountMove(models.Model):
    _inherit = "account.move"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _cron_schedule_overdue_call_off_bills(self):
        """One activity for finance per posted bill of call-offs past its due
        date and not paid; the activities of bills paid since are removed."""
        activity_type = self.env.ref(OVERDUE_ACTIVITY, raise_if_not_found=False)
        if not activity_type:
            return
        today = fields.Date.context_today(self)
        overdue = self.search(
            [
                ("move_type", "=", "in_invoice"),
                ("state", "=", "posted"),
                ("payment_state", "in", UNPAID_STATES),
                ("invoice_date_due", "<", today),
                (
                    "invoice_line_ids.purchase_line_id.order_id.requisition_id"
                    ".framework_agreement_id",
                    "!=",
                    False,
                ),
            ]
        )
        # Done activities are kept: a bill finance already followed up is
        # not scheduled again.
        activities = (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [
                    ("res_model", "=", self._name),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        )
        scheduled = set(activities.mapped("res_id"))
        overdue_ids = set(overdue.ids)
        activities.filtered(
            lambda act: act.active and act.res_id not in overdue_ids
        ).unlink()
        group = self.env.ref("interzonal_procurement.group_finance")
        for bill in overdue.filtered(lambda b: b.id not in scheduled):
            users = group.users.filtered(
                lambda u, company=bill.company_id: u.active and company in u.company_ids
            )
            user = (bill.invoice_user_id & users) or users.sorted("id")[:1]
            if not user:
                continue
            bill = bill.with_context(lang=user.lang)
            bill.activity_schedule(
                OVERDUE_ACTIVITY,
                date_deadline=today,
                summary=bill._get_overdue_summary(),
                user_id=user.id,
            )

    def _get_overdue_summary(self):
        self.ensure_one()
        orders = self.invoice_line_ids.purchase_line_id.order_id
        return _(
            "Bill %(bill)s of call-off %(orders)s was due on %(date)s",
            bill=self.name,
            orders=", ".join(orders.mapped("name")),
            date=format_date(self.env, self.invoice_date_due),
        )
