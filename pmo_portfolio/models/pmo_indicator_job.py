# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models

from odoo.addons.queue_job.delay import chain, group
from odoo.addons.queue_job.job import identity_exact

# Context key: open the period's values as queue jobs when the portfolio
# takes more than one chunk of projects.
AS_JOBS = "pmo_indicator_jobs"


class PmoIndicator(models.Model):
    """Opening a period's indicator values for a large portfolio as queue
    jobs, one per chunk of projects. Each chunk creates its values in one
    transaction and skips those that exist: a failed chunk leaves the others
    done and none of its own values, and running it again adds nothing."""

    _name = "pmo.indicator"
    _inherit = ["pmo.indicator", "pmo.job.mixin"]

    def _pmo_job_project_ids(self):
        # sudo: only the ids of the active projects are read, to split the
        # work; _generate_values reads them as superuser too
        Project = self.env["project.project"].sudo()
        return Project.search([("active", "=", True)], order="id").ids

    def _pmo_values_need_jobs(self):
        return len(self._pmo_job_project_ids()) > self._pmo_job_chunk_size()

    def _generate_values(self, projects=None, day=None):
        if projects is not None or not self.env.context.get(AS_JOBS):
            return super()._generate_values(projects=projects, day=day)
        project_ids = self._pmo_job_project_ids()
        if len(project_ids) <= self._pmo_job_chunk_size():
            return super()._generate_values(day=day)
        self._pmo_enqueue_generate_values(project_ids, day)
        return self.env["pmo.indicator.value"]

    def _pmo_enqueue_generate_values(self, project_ids, day=None):
        """One job per chunk of projects, then one telling the caller."""
        day = fields.Date.to_date(day) or fields.Date.context_today(self)
        day = fields.Date.to_string(day)
        # run inline when queue_job is told not to delay (queue_job__no_delay)
        indicators = self.with_context(**{AS_JOBS: False})
        chunks = self._pmo_job_chunks(project_ids)
        delayables = [
            indicators.delayable(
                # env._: no `self` in the comprehension to take the language from
                description=self.env._(
                    "Indicator values of %(day)s: part %(chunk)s of %(count)s",
                    day=day,
                    chunk=index + 1,
                    count=len(chunks),
                ),
                identity_key=identity_exact,
            )._pmo_job_generate_values(chunk, day)
            for index, chunk in enumerate(chunks)
        ]
        done = indicators.delayable(
            description=_("Indicator values of %(day)s: done", day=day),
            identity_key=identity_exact,
        )._pmo_job_generate_done(day, len(project_ids))
        chain(group(*delayables), done).delay()
        return len(chunks)

    def _pmo_job_generate_values(self, project_ids, day):
        """Job: the period's values of one chunk of projects."""
        projects = self.env["project.project"].browse(project_ids)
        values = self._generate_values(projects=projects, day=day)
        return _(
            "%(values)s indicator values opened for %(projects)s projects.",
            values=len(values),
            projects=len(project_ids),
        )

    def _pmo_job_generate_done(self, day, project_count):
        """Job: tell the PMO officer who asked that the values are open."""
        return self._pmo_job_notify(
            _("Indicator Values"),
            _(
                "The indicator values of the period of %(day)s are open for "
                "%(count)s projects.",
                day=day,
                count=project_count,
            ),
        )

    def action_generate_values(self):
        """A portfolio larger than one chunk: open the values as queue jobs
        and show them; otherwise at once, as before."""
        if not self._pmo_values_need_jobs():
            return super().action_generate_values()
        super(
            PmoIndicator, self.with_context(**{AS_JOBS: True})
        ).action_generate_values()
        return self._pmo_job_list_action()

    @api.model
    def _cron_indicators_jobs(self):
        """The daily indicator run, opening the values as queue jobs when the
        portfolio is large (see _cron_indicators)."""
        self.with_context(**{AS_JOBS: True})._cron_indicators()
