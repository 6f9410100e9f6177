# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import format_amount

from .purchase_requisition import COMMITTED_STATES

FORECAST_WINDOW_DAYS = 365


class PurchaseRequisition(models.Model):
    """Consumption steps announced to contract managers, the exhaustion
    forecast and the fines withheld on a lot's call-offs."""

    _inherit = "purchase.requisition"

    consumption_step_notified = fields.Float(
        copy=False,
        readonly=True,
        help="Highest consumption step already announced for this lot.",
    )
    exhaustion_forecast_date = fields.Date(
        compute="_compute_exhaustion_forecast_date",
        help="Date at which the lot should be exhausted at the pace of the last "
        "365 days; empty when it cannot be estimated.",
    )
    late_fine_amount = fields.Monetary(
        string="Fines Withheld",
        compute="_compute_late_fine_amount",
        help="Late-delivery fines withheld on posted bills of the lot's call-offs.",
    )

    @api.depends("committed_amount", "remaining_amount", "date_start")
    def _compute_exhaustion_forecast_date(self):
        today = fields.Date.context_today(self)
        window_start = today - timedelta(days=FORECAST_WINDOW_DAYS)
        lots = self.filtered("id")
        # sudo: sums of the lot's recent call-offs for the forecast; no order
        # is returned.
        groups = (
            self.env["purchase.order"]
            .sudo()
            ._read_group(
                [
                    ("requisition_id", "in", lots.ids),
                    ("state", "in", COMMITTED_STATES),
                    ("date_approve", ">=", fields.Datetime.to_datetime(window_start)),
                ],
                ["requisition_id"],
                ["call_off_amount:sum"],
            )
        )
        burnt = {lot.id: amount for lot, amount in groups}
        for lot in self:
            lot.exhaustion_forecast_date = False
            if (
                not burnt.get(lot.id)
                or lot.currency_id.compare_amounts(lot.remaining_amount, 0.0) <= 0
            ):
                continue
            start = max(
                window_start,
                lot.date_start or lot.framework_agreement_id.date_start or window_start,
            )
            days = max((today - start).days, 1)
            rate = burnt[lot.id] / days
            lot.exhaustion_forecast_date = today + timedelta(
                days=math.ceil(lot.remaining_amount / rate)
            )

    @api.depends("currency_id")
    def _compute_late_fine_amount(self):
        today = fields.Date.context_today(self)
        totals = defaultdict(float)
        lots = self.filtered("id")
        # sudo: sums of the withheld fines per lot; no fine is returned.
        for lot, currency, amount in (
            self.env["interzonal.late.fine"]
            .sudo()
            ._read_group(
                [("requisition_id", "in", lots.ids), ("state", "=", "withheld")],
                ["requisition_id", "currency_id"],
                ["amount:sum"],
            )
        ):
            totals[lot.id] += currency._convert(
                amount, lot.currency_id, lot.company_id, today
            )
        for lot in self:
            lot.late_fine_amount = totals.get(lot.id, 0.0)

    def _get_consumption_steps(self):
        """Consumption steps of the current company, or of the lot's."""
        company = self.company_id if len(self.company_id) == 1 else self.env.company
        return company._get_consumption_steps()

    def _notify_consumption_steps(self):
        """Announce every consumption step newly crossed, once per step."""
        group = self.env.ref("interzonal_procurement.group_contract_manager")
        for lot in self.filtered("framework_agreement_id"):
            crossed = [
                step
                for step in lot._get_consumption_steps()
                if lot.consumption_step_notified < step <= lot.consumption_percent
            ]
            if not crossed:
                continue
            # sudo: the step is announced to the contract managers (message and
            # activity) whoever confirmed the call-off; nothing else is written.
            lot = lot.sudo()
            managers = group.users.filtered(
                lambda u, c=lot.company_id: c in u.company_ids and u.active
            )
            responsible = lot.framework_agreement_id.user_id or lot.user_id
            # each text in its reader's language and formats: the note on the
            # lot in its company's, the activity in its responsible's
            note_lang = lot.company_id.partner_id.lang or self.env.lang
            activity_lang = responsible.lang or note_lang
            for step in crossed:
                summary, note = lot.with_context(
                    lang=note_lang
                )._consumption_step_texts(step)
                lot.message_post(
                    body=self.with_context(lang=note_lang).env._(
                        "%(summary)s. %(note)s", summary=summary, note=note
                    ),
                    partner_ids=managers.partner_id.ids,
                    subtype_xmlid="mail.mt_note",
                )
                summary, note = lot.with_context(
                    lang=activity_lang
                )._consumption_step_texts(step)
                lot.activity_schedule(
                    "interzonal_procurement.mail_activity_type_consumption_step",
                    summary=summary,
                    note=note,
                    user_id=responsible.id or self.env.uid,
                )
            lot.consumption_step_notified = max(crossed)

    def _consumption_step_texts(self, step):
        """Summary and note of a consumption step, in the context's language."""
        self.ensure_one()
        currency = self.currency_id
        summary = self.env._(
            "Lot %(lot)s passed %(step)s %% of its ceiling",
            lot=self.display_name,
            step=int(step) if step == int(step) else step,
        )
        note = self.env._(
            "Committed %(committed)s of %(ceiling)s (%(percent)s %%); "
            "%(remaining)s left.",
            committed=format_amount(self.env, self.committed_amount, currency),
            ceiling=format_amount(self.env, self.ceiling_amount, currency),
            percent=round(self.consumption_percent, 1),
            remaining=format_amount(self.env, self.remaining_amount, currency),
        )
        return summary, note
