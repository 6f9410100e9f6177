# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, models

from odoo.addons.queue_job.delay import chain, group
from odoo.addons.queue_job.job import identity_exact

# Context key: freeze the meetings whose scope takes more than one chunk of
# projects as queue jobs.
AS_JOBS = "pmo_freeze_jobs"
# Context key: the ids of the projects one freezing job takes.
ONLY = "pmo_freeze_project_ids"


class PmoCommitteeMeeting(models.Model):
    """Freezing a large meeting as queue jobs, one per chunk of projects.
    The meeting is frozen at once; each chunk takes the snapshots of its
    projects that the meeting lacks, in one transaction: a failed chunk
    leaves the others' snapshots and none of its own, and running it again
    adds nothing."""

    _name = "pmo.committee.meeting"
    _inherit = ["pmo.committee.meeting", "pmo.job.mixin"]

    def _pmo_scope_projects(self):
        scopes = super()._pmo_scope_projects()
        only = self.env.context.get(ONLY)
        if only is None:
            return scopes
        only = set(only)
        return {
            meeting: projects.filtered(lambda p: p.id in only)
            - meeting.snapshot_ids.project_id
            for meeting, projects in scopes.items()
        }

    def _freeze_snapshots(self):
        if not self.env.context.get(AS_JOBS):
            return super()._freeze_snapshots()
        size = self._pmo_job_chunk_size()
        scopes = self._pmo_scope_projects()
        large = self.filtered(lambda m: len(scopes[m]) > size)
        inline = (self - large).with_context(**{AS_JOBS: False})
        snapshots = super(PmoCommitteeMeeting, inline)._freeze_snapshots()
        for meeting in large:
            meeting._pmo_enqueue_freeze(scopes[meeting].ids)
        return snapshots

    def _pmo_enqueue_freeze(self, project_ids):
        """One job per chunk of the meeting's projects, then one telling the
        caller and the meeting's followers."""
        self.ensure_one()
        # run inline when queue_job is told not to delay (queue_job__no_delay)
        meeting = self.with_context(**{AS_JOBS: False})
        chunks = self._pmo_job_chunks(sorted(project_ids))
        delayables = [
            meeting.delayable(
                # env._: no `self` in the comprehension to take the language from
                description=self.env._(
                    "Freezing %(meeting)s: part %(chunk)s of %(count)s",
                    meeting=self.name,
                    chunk=index + 1,
                    count=len(chunks),
                ),
                identity_key=identity_exact,
            )._pmo_job_freeze(chunk)
            for index, chunk in enumerate(chunks)
        ]
        done = meeting.delayable(
            description=_("Freezing %(meeting)s: done", meeting=self.name),
            identity_key=identity_exact,
        )._pmo_job_freeze_done()
        self.message_post(
            body=_(
                "Frozen by %(user)s: the snapshots of its %(count)s projects "
                "are being taken by %(jobs)s background jobs.",
                user=self.env.user.name,
                count=len(project_ids),
                jobs=len(chunks),
            )
        )
        chain(group(*delayables), done).delay()
        return len(chunks)

    def _pmo_job_freeze(self, project_ids):
        """Job: the frozen snapshots of one chunk of the meeting's projects."""
        self.ensure_one()
        if self.state != "frozen":
            return _(
                "%(meeting)s is no longer frozen: nothing to do.", meeting=self.name
            )
        snapshots = self.with_context(**{ONLY: project_ids})._freeze_snapshots()
        return _("%(count)s snapshots taken.", count=len(snapshots))

    def _pmo_job_freeze_done(self):
        """Job: tell the user who froze the meeting, and its chatter."""
        self.ensure_one()
        if self.state != "frozen":
            return _(
                "%(meeting)s is no longer frozen: nothing to do.", meeting=self.name
            )
        message = _(
            "%(meeting)s is frozen: %(count)s project snapshots.",
            meeting=self.name,
            count=self.snapshot_count,
        )
        self.message_post(body=message)
        return self._pmo_job_notify(_("Committee Meeting"), message)

    def action_freeze(self):
        """Meetings larger than one chunk are frozen at once and their
        snapshots taken by queue jobs, which are shown; others as before."""
        super(PmoCommitteeMeeting, self.with_context(**{AS_JOBS: True})).action_freeze()
        if any(not meeting.snapshot_ids for meeting in self):
            return self._pmo_job_list_action()
        return True
