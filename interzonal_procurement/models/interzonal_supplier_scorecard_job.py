# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.queue_job.delay import chain, group
from odoo.addons.queue_job.job import identity_exact

# Suppliers per job, unless the system parameter says otherwise.
CHUNK_PARAM = "interzonal_procurement.scorecard_job_chunk_size"
DEFAULT_CHUNK = 100
# Context key: compute the periods as queue jobs instead of inline.
AS_JOBS = "interzonal_scorecard_jobs"


class InterzonalSupplierScorecard(models.Model):
    """Recomputing many suppliers' scorecards as queue jobs, one per chunk of
    suppliers: each chunk replaces its suppliers' scorecards of the period in
    one transaction, so a failed chunk leaves the others done and none of its
    own rows, and running a chunk again gives the same scorecards."""

    _inherit = "interzonal.supplier.scorecard"

    @api.model
    def _job_chunk_size(self):
        # sudo: reads one technical setting, nothing of the caller's data
        param = self.env["ir.config_parameter"].sudo().get_param(CHUNK_PARAM)
        return max(int(param or DEFAULT_CHUNK), 1)

    @api.model
    def _job_period_partner_ids(self, date_from, date_to, period_type, by_lot):
        """Suppliers of the current company with scored lines in the period,
        and those with a scorecard of that period to replace."""
        company = self.env.company
        Stats = self.env["interzonal.supplier.scorecard.stats"]
        domain = Stats._lines_domain(company, date_from, date_to, None)
        # sudo: only the ids of the suppliers are read, to split the work; the
        # jobs run as the caller, whose right to compute was checked first
        Line = self.env["interzonal.supplier.scorecard.line"].sudo()
        partners = {p.id for [p] in Line._read_group(domain, ["partner_id"])}
        _previous, replaced = Stats._read_history(
            company, period_type, date_from, date_to, None, by_lot
        )
        return sorted(partners | {row["partner_id"] for row in replaced})

    def _job_needs_queue(self):
        """Whether recomputing these scorecards takes more than one chunk."""
        size = self._job_chunk_size()
        periods = self.grouped(
            lambda c: (c.company_id, c.period_type, c.date_from, c.date_to)
        )
        return any(len(cards.partner_id) > size for cards in periods.values())

    @api.model
    @api.returns("self", downgrade=lambda self, value, *args, **kwargs: value.ids)
    def compute_for_period(
        self, date_from, date_to, partner_ids=None, by_lot=False, period_type="custom"
    ):
        if not self.env.context.get(AS_JOBS):
            return super().compute_for_period(
                date_from,
                date_to,
                partner_ids=partner_ids,
                by_lot=by_lot,
                period_type=period_type,
            )
        self._enqueue_compute_for_period(
            date_from, date_to, partner_ids, by_lot, period_type
        )
        return self.browse()

    @api.model
    def _enqueue_compute_for_period(
        self, date_from, date_to, partner_ids=None, by_lot=False, period_type="custom"
    ):
        """Queue the computation of a period, one job per chunk of suppliers,
        then one telling the caller it is done. Returns the chunks' count."""
        self._check_compute_access()
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        if not date_from or not date_to or date_from > date_to:
            raise UserError(_("The period must start before it ends."))
        if partner_ids:
            Partner = self.env["res.partner"]
            partner_ids = sorted(
                set(Partner.browse(partner_ids).commercial_partner_id.ids)
            )
        else:
            partner_ids = self._job_period_partner_ids(
                date_from, date_to, period_type, by_lot
            )
        if not partner_ids:
            return 0
        size = self._job_chunk_size()
        chunks = [
            partner_ids[index : index + size]
            for index in range(0, len(partner_ids), size)
        ]
        # run inline when queue_job is told not to delay (queue_job__no_delay)
        Scorecard = self.with_context(**{AS_JOBS: False})
        period = _(
            "%(date_from)s - %(date_to)s",
            date_from=fields.Date.to_string(date_from),
            date_to=fields.Date.to_string(date_to),
        )
        delayables = [
            Scorecard.delayable(
                # env._: no `self` in the comprehension to take the language from
                description=self.env._(
                    "Supplier scorecards %(period)s: part %(chunk)s of %(count)s",
                    period=period,
                    chunk=index + 1,
                    count=len(chunks),
                ),
                identity_key=identity_exact,
            )._job_compute_chunk(
                fields.Date.to_string(date_from),
                fields.Date.to_string(date_to),
                chunk,
                by_lot,
                period_type,
            )
            for index, chunk in enumerate(chunks)
        ]
        done = Scorecard.delayable(
            description=_("Supplier scorecards %(period)s: done", period=period),
            identity_key=identity_exact,
        )._job_notify_done(period, len(partner_ids))
        chain(group(*delayables), done).delay()
        return len(chunks)

    @api.model
    def _job_compute_chunk(self, date_from, date_to, partner_ids, by_lot, period_type):
        """Job: the scorecards of a period for one chunk of suppliers."""
        cards = self.compute_for_period(
            date_from,
            date_to,
            partner_ids=partner_ids,
            by_lot=by_lot,
            period_type=period_type,
        )
        return _(
            "%(cards)s scorecards for %(suppliers)s suppliers.",
            cards=len(cards),
            suppliers=len(partner_ids),
        )

    @api.model
    def _job_notify_done(self, period, supplier_count):
        """Job: tell the user who started the computation that it is done."""
        message = _(
            "The scorecards of %(period)s are computed for %(count)s suppliers.",
            period=period,
            count=supplier_count,
        )
        self.env.user._bus_send(
            "simple_notification",
            {
                "type": "success",
                "title": _("Supplier Scorecards"),
                "message": message,
                "sticky": True,
            },
        )
        return message

    def _job_list_action(self):
        """The queue jobs of the current user on scorecards."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "queue_job.action_queue_job"
        )
        action.update(
            domain=[("user_id", "=", self.env.uid), ("model_name", "=", self._name)],
            context={},
            target="current",
        )
        return action

    # ------------------------------------------------------------------
    # Screens and crons
    # ------------------------------------------------------------------

    def action_recompute(self):
        """More suppliers than one chunk: recompute as queue jobs and show
        them; otherwise at once, as before."""
        self._check_compute_access()
        if not self._job_needs_queue():
            return super().action_recompute()
        super(
            InterzonalSupplierScorecard, self.with_context(**{AS_JOBS: True})
        ).action_recompute()
        return self._job_list_action()

    @api.model
    def _cron_compute_scorecards_jobs(self):
        """The monthly computation as queue jobs (see _cron_compute_scorecards)."""
        self.with_context(**{AS_JOBS: True})._cron_compute_scorecards()
