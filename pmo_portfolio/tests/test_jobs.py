# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import tagged

from .common import PmoCommitteeCommon

VALUE_FIGURES = ("indicator_id", "project_id", "period_start", "period_end")
VALUE_FIGURES += ("deadline", "user_id", "state")
SNAPSHOT_FIGURES = ("project_id", "health", "budget_at_completion", "actual_cost")
SNAPSHOT_FIGURES += ("frozen", "date")


def _rows(records, names):
    return sorted(
        tuple(
            value.id if hasattr(value, "_name") else value
            for value in (record[name] for name in names)
        )
        for record in records
    )


@tagged("post_install", "-at_install")
class TestPmoJobs(PmoCommitteeCommon):
    """Opening a large portfolio's indicator values and freezing a large
    meeting run as queue jobs, three projects per job here."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param("pmo_portfolio.job_chunk_size", 3)
        cls.indicator = cls.env["pmo.indicator"].create(
            {
                "name": "Risks reviewed",
                "code": "JOB-RISK",
                "value_type": "yes_no",
                "green_threshold": 1,
                "red_threshold": 0,
            }
        )
        cls.active_projects = cls.env["project.project"].search(
            [("active", "=", True), ("company_id", "in", [cls.company.id, False])]
        )

    def _jobs(self, model):
        return self.env["queue.job"].search([("model_name", "=", model)], order="id")

    def _values(self):
        return self.env["pmo.indicator.value"].search(
            [("indicator_id", "=", self.indicator.id)]
        )

    # ------------------------------------------------------------------
    # Indicator values
    # ------------------------------------------------------------------

    def test_generate_values_from_the_form_queues_jobs(self):
        """The PMO officer's request on a portfolio larger than a chunk
        creates jobs and no value inline; run twice, they give one value
        per project and indicator, the same records."""
        self.assertGreater(len(self.active_projects), 6)
        with freeze_time(self.today):
            action = self.indicator.with_user(
                self.user_officer
            ).action_generate_values()
        self.assertEqual(action["res_model"], "queue.job")
        self.assertFalse(self._values(), "nothing generated inline")
        jobs = (
            self.env["queue.job"].with_user(self.user_officer).search(action["domain"])
        )
        self.assertEqual(jobs, self._jobs("pmo.indicator"))
        self.assertEqual(set(jobs.mapped("user_id")), {self.user_officer})
        chunks = -(-len(self.active_projects) // 3)
        done = jobs.filtered(lambda j: j.method_name == "_pmo_job_generate_done")
        self.assertEqual(done.state, "wait_dependencies")
        self.assertEqual((jobs - done).mapped("state"), ["pending"] * chunks)
        with freeze_time(self.today):
            self._run_queue_jobs()
        self.assertEqual(set(jobs.mapped("state")), {"done"})
        values = self._values()
        self.assertEqual(values.project_id, self.active_projects)
        self.assertEqual(
            set(values.mapped("period_start")), {self.today.replace(day=1)}
        )
        first = _rows(values, VALUE_FIGURES)
        self.assertIn(str(len(self.active_projects)), done.result)
        with freeze_time(self.today.replace(day=28)):
            jobs.requeue()
            self._run_queue_jobs()
        self.assertEqual(set(jobs.mapped("state")), {"done"})
        self.assertEqual(self._values(), values, "the retry added nothing")
        self.assertEqual(_rows(self._values(), VALUE_FIGURES), first)

    def test_generate_values_failing_chunk(self):
        """A chunk failing after creating its values keeps none of them; the
        other chunks' values stay, the job shows the error; its retry
        completes the period."""
        cron = self.env.ref("pmo_portfolio.ir_cron_pmo_indicators")
        self.assertEqual(cron.code.strip(), "model._cron_indicators_jobs()")
        with freeze_time(self.today):
            self.env["pmo.indicator"]._cron_indicators_jobs()
        Value = type(self.env["pmo.indicator.value"])
        schedule = Value._schedule_submit_activities

        def schedule_then_fail(values):
            schedule(values)
            if self.project_red in values.project_id:
                raise OSError("The activity service is down.")

        with (
            freeze_time(self.today),
            patch.object(Value, "_schedule_submit_activities", schedule_then_fail),
        ):
            self._run_queue_jobs()
        jobs = self._jobs("pmo.indicator")
        failed = jobs.filtered(lambda j: j.state == "failed")
        self.assertEqual(len(failed), 1)
        self.assertEqual(failed.exc_message, "The activity service is down.")
        done = jobs.filtered(lambda j: j.method_name == "_pmo_job_generate_done")
        self.assertEqual(done.state, "wait_dependencies")
        self.assertEqual(
            set((jobs - done - failed).mapped("state")), {"done"}, "others kept"
        )
        failed_ids = set(failed.args[0])
        self.assertIn(self.project_red.id, failed_ids)
        self.assertEqual(
            set(self._values().project_id.ids),
            set(self.active_projects.ids) - failed_ids,
            "the failed chunk left no value",
        )
        with freeze_time(self.today):
            failed.requeue()
            self._run_queue_jobs()
        self.assertEqual(set(jobs.mapped("state")), {"done"})
        self.assertEqual(self._values().project_id, self.active_projects)

    # ------------------------------------------------------------------
    # Committee meetings
    # ------------------------------------------------------------------

    def test_freeze_large_meeting_queues_jobs(self):
        """Freezing a meeting of seven projects freezes it at once and
        queues three jobs; run twice, they take one snapshot per project,
        the same records, and tell the meeting."""
        with freeze_time(self.today):
            action = self.meeting.with_user(self.user_officer).action_freeze()
        self.assertEqual(action["res_model"], "queue.job")
        self.assertEqual(self.meeting.state, "frozen")
        self.assertFalse(self.meeting.snapshot_ids, "nothing taken inline")
        jobs = (
            self.env["queue.job"].with_user(self.user_officer).search(action["domain"])
        )
        self.assertEqual(jobs, self._jobs("pmo.committee.meeting"))
        done = jobs.filtered(lambda j: j.method_name == "_pmo_job_freeze_done")
        self.assertEqual(done.state, "wait_dependencies")
        self.assertEqual((jobs - done).mapped("state"), ["pending"] * 3)
        with freeze_time(self.today):
            self._run_queue_jobs()
        self.assertEqual(set(jobs.mapped("state")), {"done"})
        snapshots = self.meeting.snapshot_ids
        self.assertEqual(snapshots.project_id, self.projects)
        first = _rows(snapshots, SNAPSHOT_FIGURES)
        self.assertIn("7 project snapshots", self.meeting.message_ids[0].body)
        with freeze_time(self.today):
            jobs.requeue()
            self._run_queue_jobs()
        self.meeting.invalidate_recordset()
        self.assertEqual(
            self.meeting.snapshot_ids, snapshots, "the retry added nothing"
        )
        self.assertEqual(_rows(self.meeting.snapshot_ids, SNAPSHOT_FIGURES), first)

    def test_freeze_failing_chunk(self):
        """A freezing chunk failing after taking its snapshots keeps none of
        them; the others' stay and the retry completes the meeting."""
        with freeze_time(self.today):
            self.meeting.with_user(self.user_officer).action_freeze()
        Snapshot = type(self.env["pmo.project.snapshot"])
        create = Snapshot.create

        def create_then_fail(model, vals_list):
            snapshots = create(model, vals_list)
            if self.project_red in snapshots.project_id:
                raise OSError("The snapshot store is unavailable.")
            return snapshots

        with (
            freeze_time(self.today),
            patch.object(Snapshot, "create", create_then_fail),
        ):
            self._run_queue_jobs()
        jobs = self._jobs("pmo.committee.meeting")
        failed = jobs.filtered(lambda j: j.state == "failed")
        self.assertEqual(len(failed), 1)
        self.assertEqual(failed.exc_message, "The snapshot store is unavailable.")
        done = jobs.filtered(lambda j: j.method_name == "_pmo_job_freeze_done")
        self.assertEqual(done.state, "wait_dependencies")
        self.meeting.invalidate_recordset()
        self.assertEqual(
            set(self.meeting.snapshot_ids.project_id.ids),
            set(self.projects.ids) - set(failed.args[0]),
        )
        with freeze_time(self.today):
            failed.requeue()
            self._run_queue_jobs()
        self.assertEqual(set(jobs.mapped("state")), {"done"})
        self.meeting.invalidate_recordset()
        self.assertEqual(self.meeting.snapshot_ids.project_id, self.projects)

    def test_small_meeting_freezes_inline(self):
        """A meeting within one chunk is frozen with its snapshots at once."""
        self.env["ir.config_parameter"].set_param("pmo_portfolio.job_chunk_size", 100)
        with freeze_time(self.today):
            self.assertIs(
                self.meeting.with_user(self.user_officer).action_freeze(), True
            )
        self.assertEqual(self.meeting.snapshot_ids.project_id, self.projects)
        self.assertFalse(self._jobs("pmo.committee.meeting"))
