# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from markupsafe import Markup

from odoo import _, api, models
from odoo.tools import format_date


class InterzonalSupplierScorecardAlert(models.AbstractModel):
    """When a new scorecard alerts, and the delivery of the pending alerts:
    a note on each supplier and an activity for its buyer, in the buyer's
    language."""

    _name = "interzonal.supplier.scorecard.alert"
    _description = "Supplier Scorecard Alerts"

    @api.model
    def _is_alert_due(self, vals, previous, replaced):
        """Whether a new scorecard alerts: the supplier falls into alert over
        all its lots, and was alerted neither for the previous period (it
        stays in alert) nor for this one (a recompute)."""
        if (
            not vals["alert_active"]
            or vals["requisition_id"]
            or vals["period_type"] == "month"
        ):
            return False
        if previous and previous["alert_active"]:
            return False
        # a replaced scorecard whose alert is still on its way hands it over
        return not (
            replaced and replaced["alert_active"] and not replaced["alert_pending"]
        )

    @api.model
    def _send_pending(self, batch_size=1000):
        """Deliver a batch of pending alerts and report the progress.

        Triggered by the computation, so that scorecards are stored in a few
        queries and the alerts in their own transaction, a batch at a time.
        """
        # sudo: the cron delivers the alerts the computation flagged: it reads
        # the flagged scorecards only and clears their flag.
        Scorecard = self.env["interzonal.supplier.scorecard"].sudo()
        cards = Scorecard.search(
            [("alert_pending", "=", True)], order="id", limit=batch_size
        )
        remaining = (
            Scorecard.search_count([("alert_pending", "=", True)]) - len(cards)
            if len(cards) == batch_size
            else 0
        )
        activity_type = self.env.ref(
            "interzonal_procurement.mail_activity_type_supplier_alert"
        )
        deadline = activity_type._get_date_deadline()
        partner_model_id = self.env["ir.model"]._get_id("res.partner")
        notes, activities = defaultdict(list), []
        for lang, lang_cards in cards.grouped(
            lambda card: card.user_id.lang or self.env.lang
        ).items():
            for card in lang_cards.with_context(lang=lang):
                body = self.with_context(lang=lang)._alert_message(card)
                notes[card.partner_id.id].append(body)
                activities.append(
                    {
                        "res_model_id": partner_model_id,
                        "res_id": card.partner_id.id,
                        "activity_type_id": activity_type.id,
                        "summary": activity_type.with_context(lang=lang).summary,
                        "note": body,
                        "user_id": card.user_id.id or self.env.user.id,
                        "date_deadline": deadline,
                    }
                )
        cards.partner_id._message_log_batch(
            bodies={
                partner_id: Markup("<br/>").join(bodies)
                for partner_id, bodies in notes.items()
            }
        )
        # sudo: the activities go to the scorecards' buyers, not to the cron's
        # user; only activities are created.
        Activity = (
            self.env["mail.activity"]
            .sudo()
            .with_context(mail_activity_quick_update=True)
        )
        # activities name their record one by one: fetch the names at once
        Activity.env["res.partner"].browse(cards.partner_id.ids).mapped("display_name")
        Activity.create(activities)
        # sudo: clears the flag of the alerts just delivered, and only that.
        cards.sudo().write({"alert_pending": False})
        self.env["ir.cron"]._notify_progress(done=len(cards), remaining=remaining)

    @api.model
    def _alert_message(self, card):
        """The alert of one scorecard, in the language of the context."""
        card.ensure_one()
        company = card.company_id
        reasons = []
        if card.grade in ("C", "D"):
            reasons.append(_("grade %(grade)s", grade=card.grade))
        if card.otd_rate < company.scorecard_otd_target:
            reasons.append(
                _(
                    "on-time delivery %(otd).1f %% under the target of "
                    "%(target).1f %%",
                    otd=card.otd_rate,
                    target=company.scorecard_otd_target,
                )
            )
        separator = ", "
        reason_text = separator.join(reasons)
        return _(
            "Supplier performance alert for %(date_from)s - %(date_to)s: "
            "%(reasons)s (score %(score).1f).",
            date_from=format_date(self.env, card.date_from),
            date_to=format_date(self.env, card.date_to),
            reasons=reason_text,
            score=card.score,
        )
