# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import traceback
from datetime import date

from freezegun import freeze_time

from odoo.tests import TransactionCase, new_test_user

from odoo.addons.queue_job.job import Job


class PmoCommon(TransactionCase):
    """Fixtures shared by the addon's tests: one user per role, a programme
    and helpers to build projects with a baseline, milestones and costs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.user_member = new_test_user(
            cls.env,
            login="pmo_member",
            groups="base.group_user,pmo_portfolio.group_project_member",
        )
        cls.user_lead = new_test_user(
            cls.env,
            login="pmo_lead",
            groups="base.group_user,pmo_portfolio.group_project_lead",
        )
        cls.user_officer = new_test_user(
            cls.env,
            login="pmo_officer",
            groups="base.group_user,pmo_portfolio.group_pmo_officer",
        )
        cls.user_manager = new_test_user(
            cls.env,
            login="pmo_manager",
            groups="base.group_user,pmo_portfolio.group_pmo_manager",
        )
        cls.company.pmo_manager_id = cls.user_manager
        cls.company.pmo_amber_share = 80.0
        cls.programme = cls.env["pmo.programme"].create(
            {
                "name": "Digital Consular Services",
                "code": "DCS",
                "manager_id": cls.user_manager.id,
            }
        )
        cls.today = date(2026, 6, 15)

    @classmethod
    def _create_project(cls, name, bac=0.0, milestones=(), cost=0.0, **vals):
        """A project with ``milestones`` as (share %, deadline, reached)
        tuples and ``cost`` booked on its analytic account."""
        project = cls.env["project.project"].create(
            {
                "name": name,
                "user_id": cls.user_lead.id,
                "programme_id": cls.programme.id,
                "budget_at_completion": bac,
                "date_start": date(2026, 1, 1),
                "date": date(2026, 12, 31),
                **vals,
            }
        )
        cls.env["project.milestone"].create(
            [
                {
                    "name": f"{name} M{index}",
                    "project_id": project.id,
                    "planned_value": share,
                    "deadline": deadline,
                    "is_reached": reached,
                }
                for index, (share, deadline, reached) in enumerate(milestones, 1)
            ]
        )
        if cost:
            cls._add_cost(project, cost)
        return project

    @classmethod
    def _add_cost(cls, project, amount):
        cls.env["account.analytic.line"].create(
            {
                "name": f"Cost of {project.name}",
                "account_id": project.account_id.id,
                "amount": -amount,
                "date": date(2026, 3, 1),
            }
        )

    # ------------------------------------------------------------------
    # Queue jobs
    # ------------------------------------------------------------------

    def _run_queue_jobs(self):
        """Run the stored queue jobs as the job runner does: each pending job
        in its own transaction (a savepoint here), marked failed with its
        error when it raises, done otherwise, which releases the jobs that
        wait for it. Returns the jobs run."""
        QueueJob = self.env["queue.job"].sudo()
        ran = QueueJob.browse()
        while True:
            self.env.invalidate_all()
            record = QueueJob.search(
                [("state", "=", "pending"), ("id", "not in", ran.ids)],
                order="priority, id",
                limit=1,
            )
            if not record:
                return ran
            ran |= record
            job = Job.load(self.env, record.uuid)
            try:
                with self.env.cr.savepoint():
                    job.perform()
                    self.env.flush_all()
            except Exception as error:  # pylint: disable=broad-except
                self.env.invalidate_all(flush=False)
                job.set_failed(
                    exc_name=type(error).__name__,
                    exc_message=str(error),
                    exc_info=traceback.format_exc(),
                )
                job.store()
                continue
            job.set_done()
            job.store()
            self.env.flush_all()
            job.enqueue_waiting()


class PmoReportCommon(PmoCommon):
    """A small portfolio for the committee reports: in the DCS programme a
    green, a red (declared on track), a stale and a project without any cost
    yet (undefined CPI and EAC); in the WPM programme an amber project and a
    private project the member does not follow."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.programme_wpm = cls.env["pmo.programme"].create(
            {"name": "Workplace Modernisation", "code": "WPM"}
        )
        milestones = [
            (50.0, date(2026, 4, 30), True),
            (50.0, date(2026, 11, 30), False),
        ]
        with freeze_time(cls.today):
            cls.project_green = cls._create_project(
                "e-Visa Platform", bac=100_000, milestones=milestones, cost=50_000
            )
            # EV 50,000, AC 80,000: CPI 0.625, EAC 160,000.
            cls.project_red = cls._create_project(
                "Consular Registry", bac=100_000, milestones=milestones, cost=80_000
            )
            cls.project_no_cost = cls._create_project(
                "Appointment Booking", bac=200_000, milestones=milestones
            )
            cls.project_stale = cls._create_project(
                "Mobile Embassy Kit", bac=100_000, milestones=milestones, cost=50_000
            )
            # EAC 109,000: 9 % over against a 10 % tolerance, amber.
            cls.project_amber = cls._create_project(
                "Network Refresh",
                bac=100_000,
                milestones=milestones,
                cost=54_500,
                programme_id=cls.programme_wpm.id,
            )
            cls.project_private = cls._create_project(
                "Secure Vault",
                privacy_visibility="followers",
                programme_id=cls.programme_wpm.id,
            )
            cls.env["project.update"].with_user(cls.user_lead).create(
                {
                    "name": "June",
                    "project_id": cls.project_red.id,
                    "status": "on_track",
                }
            )
            cls.project_red.action_recompute_health()
            cls.exception_report = cls.env["pmo.exception.report"].search(
                [("project_id", "=", cls.project_red.id)]
            )
            indicator = cls.env["pmo.indicator"].create(
                {
                    "name": "Steering committee held",
                    "code": "STEERCO",
                    "scope": "programmes",
                    "programme_ids": [(6, 0, cls.programme.ids)],
                }
            )
            cls.stale_value = cls.env["pmo.indicator.value"].create(
                {
                    "indicator_id": indicator.id,
                    "project_id": cls.project_stale.id,
                    "period_start": date(2026, 5, 1),
                    "period_end": date(2026, 5, 31),
                    "deadline": date(2026, 6, 5),
                }
            )
            cls.stale_value._mark_stale()
        cls.programmes = cls.programme | cls.programme_wpm


class PmoCommitteeCommon(PmoReportCommon):
    """The report portfolio plus a seventh project, two attendees (one
    French-speaking, one Dutch-speaking) and a committee with a planned
    meeting over the whole portfolio."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in ("fr_BE", "nl_BE"):
            cls.env["res.lang"]._activate_lang(code)
        cls.env["ir.module.module"]._load_module_terms(
            ["pmo_portfolio"], ["fr_BE", "nl_BE"], overwrite=True
        )
        milestones = [
            (50.0, date(2026, 4, 30), True),
            (50.0, date(2026, 11, 30), False),
        ]
        with freeze_time(cls.today):
            cls.project_archive = cls._create_project(
                "Digital Archive",
                bac=50_000,
                milestones=milestones,
                cost=20_000,
                programme_id=cls.programme_wpm.id,
            )
        cls.attendee_fr = cls.env["res.partner"].create(
            {"name": "Sophie Lejeune", "email": "sophie@example.com", "lang": "fr_BE"}
        )
        cls.attendee_nl = cls.env["res.partner"].create(
            {"name": "Marc Verhoeven", "email": "marc@example.com", "lang": "nl_BE"}
        )
        cls.committee = cls.env["pmo.committee"].create(
            {
                "name": "ICT Management Committee",
                "chair_id": cls.attendee_nl.id,
                "member_ids": [(6, 0, cls.attendee_fr.ids)],
                "lang": "fr_BE",
            }
        )
        cls.meeting = cls.env["pmo.committee.meeting"].create(
            {"committee_id": cls.committee.id, "date": date(2026, 6, 20)}
        )
        cls.projects = cls.env["project.project"].search(
            [("programme_id", "in", cls.programmes.ids)]
        )
