# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import PmoCommitteeCommon


@tagged("post_install", "-at_install")
class TestCommitteeFreeze(PmoCommitteeCommon):
    def _freeze(self, meeting=None, user=None):
        meeting = meeting or self.meeting
        with freeze_time(self.today):
            meeting.with_user(user or self.user_officer).action_freeze()
        return meeting.snapshot_ids

    def test_defaults_from_committee(self):
        """A meeting takes its attendees, language and scope from its
        committee."""
        self.assertEqual(self.meeting.attendee_ids, self.attendee_fr | self.attendee_nl)
        self.assertEqual(self.meeting.lang, "fr_BE")
        self.assertFalse(self.meeting.programme_ids)
        self.assertEqual(self.meeting.state, "planned")

    def test_freeze_seven_projects_snapshots_do_not_move(self):
        """One frozen snapshot per project in scope with the listed figures;
        a later cost leaves it unchanged; freezing again is refused."""
        self.assertEqual(len(self.projects), 7)
        snapshots = self._freeze()
        self.assertEqual(self.meeting.state, "frozen")
        self.assertEqual(len(snapshots), 7)
        self.assertEqual(snapshots.project_id, self.projects)
        self.assertTrue(all(snapshots.mapped("frozen")))
        self.assertEqual(self.meeting.frozen_by_id, self.user_officer)
        red = snapshots.filtered(lambda s: s.project_id == self.project_red)
        self.assertEqual(red.health, "red")
        self.assertEqual(red.declared_status, "green")
        self.assertTrue(red.health_mismatch)
        self.assertAlmostEqual(red.cpi, 0.625)
        self.assertTrue(red.cpi_defined)
        self.assertAlmostEqual(red.eac, 160_000)
        self.assertAlmostEqual(red.vac, -60_000)
        self.assertAlmostEqual(red.budget_at_completion, 100_000)
        self.assertAlmostEqual(red.actual_cost, 80_000)
        self.assertEqual(red.open_exception_count, 1)
        self.assertEqual(red.health_reason, self.project_red.health_reason)
        self.assertEqual(red.user_id, self.user_lead)
        stale = snapshots.filtered(lambda s: s.project_id == self.project_stale)
        self.assertEqual(stale.health, "grey")
        self.assertEqual(stale.indicator_stale_count, 1)
        no_cost = snapshots.filtered(lambda s: s.project_id == self.project_no_cost)
        self.assertFalse(no_cost.cpi_defined)
        self.assertFalse(no_cost.eac_defined)
        # The project costs more afterwards: the project moves, not the snapshot.
        with freeze_time(self.today):
            self._add_cost(self.project_red, 40_000)
            self.project_red.action_recompute_health()
            self.env["project.project"]._cron_pmo_daily()
        self.assertAlmostEqual(self.project_red.actual_cost, 120_000)
        self.assertAlmostEqual(self.project_red.eac, 240_000)
        self.env.invalidate_all()
        self.assertAlmostEqual(red.actual_cost, 80_000)
        self.assertAlmostEqual(red.eac, 160_000)
        self.assertEqual(len(self.meeting.snapshot_ids), 7)
        # Freezing twice is refused, by the button or by writing the state.
        with self.assertRaisesRegex(UserError, "already frozen"):
            self.meeting.with_user(self.user_officer).action_freeze()
        with self.assertRaisesRegex(UserError, "already frozen"):
            self.meeting.with_user(self.user_manager).write({"state": "frozen"})
        self.assertEqual(len(self.meeting.snapshot_ids), 7)

    def test_frozen_snapshots_read_only_for_everyone(self):
        """A member cannot write a snapshot; neither can the PMO manager nor
        the administrator, nor delete it, nor make frozen ones by hand."""
        snapshot = self._freeze()[:1]
        with self.assertRaises(AccessError):
            snapshot.with_user(self.user_member).write({"actual_cost": 1.0})
        admin = self.env.ref("base.user_admin")
        for user in (self.user_manager, admin):
            with self.assertRaisesRegex(UserError, "frozen"):
                snapshot.with_user(user).write({"actual_cost": 1.0})
            with self.assertRaisesRegex(UserError, "frozen"):
                snapshot.with_user(user).unlink()
            with self.assertRaisesRegex(UserError, "freezing a committee meeting"):
                self.env["pmo.project.snapshot"].with_user(user).create(
                    {
                        "project_id": self.project_red.id,
                        "meeting_id": self.meeting.id,
                        "frozen": True,
                    }
                )
        self.assertNotEqual(snapshot.actual_cost, 1.0)
        self.assertEqual(len(self.meeting.snapshot_ids), 7)

    def test_members_read_what_concerns_their_projects(self):
        """Once frozen, a member of a project reads the meeting and the
        snapshot of that project, not the others; officers read them all."""
        self.project_red.member_ids = [(4, self.user_member.id)]
        Meeting = self.env["pmo.committee.meeting"]
        self.assertFalse(Meeting.with_user(self.user_member).search([]))
        self._freeze()
        self.assertEqual(Meeting.with_user(self.user_member).search([]), self.meeting)
        snapshots = self.env["pmo.project.snapshot"].with_user(self.user_member)
        self.assertEqual(
            snapshots.search([("meeting_id", "=", self.meeting.id)]).project_id,
            self.project_red,
        )
        officer_snapshots = self.env["pmo.project.snapshot"].with_user(
            self.user_officer
        )
        self.assertEqual(
            officer_snapshots.search_count([("meeting_id", "=", self.meeting.id)]), 7
        )
        # An attendee's user reads the whole pack.
        self.meeting.attendee_ids = [(4, self.user_lead.partner_id.id)]
        self.assertEqual(
            self.env["pmo.project.snapshot"]
            .with_user(self.user_lead)
            .search_count([("meeting_id", "=", self.meeting.id)]),
            7,
        )

    def test_only_pmo_officers_freeze(self):
        """Members and leads read meetings but cannot freeze them."""
        for user in (self.user_member, self.user_lead):
            with self.assertRaises(AccessError):
                self.meeting.with_user(user).action_freeze()
        self.assertEqual(self.meeting.state, "planned")
        self.assertFalse(self.meeting.snapshot_ids)
        # Nor can a meeting be created frozen, without its snapshots.
        with self.assertRaisesRegex(UserError, "starts planned"):
            self.env["pmo.committee.meeting"].with_user(self.user_manager).create(
                {
                    "committee_id": self.committee.id,
                    "date": date(2026, 8, 1),
                    "state": "frozen",
                }
            )

    def test_unfreeze_is_a_tracked_manager_action(self):
        """An officer cannot unfreeze; a manager can, the snapshots go and the
        chatter says who did it."""
        self._freeze()
        with self.assertRaises(AccessError):
            self.meeting.with_user(self.user_officer).action_unfreeze()
        self.assertEqual(self.meeting.state, "frozen")
        meeting = self.meeting.with_context(tracking_disable=False)
        meeting.with_user(self.user_manager).action_unfreeze()
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.assertEqual(self.meeting.state, "planned")
        self.assertFalse(self.meeting.snapshot_ids)
        self.assertFalse(self.meeting.frozen_date)
        messages = self.meeting.message_ids
        tracked = messages.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertEqual(tracked[:1].old_value_char, "Frozen")
        self.assertEqual(tracked[:1].new_value_char, "Planned")
        self.assertIn(self.user_manager.name, messages[0].body + messages[1].body)
        # Frozen again: new snapshots.
        self.assertEqual(len(self._freeze()), 7)

    def test_scope_and_states(self):
        """Programmes restrict the scope, which is fixed once frozen; the
        state only moves along planned, frozen, held, closed."""
        meeting = self.env["pmo.committee.meeting"].create(
            {
                "committee_id": self.committee.id,
                "date": date(2026, 7, 20),
                "programme_ids": [(6, 0, self.programme_wpm.ids)],
            }
        )
        snapshots = self._freeze(meeting)
        self.assertEqual(
            snapshots.project_id,
            self.project_amber | self.project_private | self.project_archive,
        )
        with self.assertRaisesRegex(UserError, "scope of a frozen meeting"):
            meeting.write({"programme_ids": [(6, 0, self.programme.ids)]})
        with self.assertRaisesRegex(UserError, "cannot move to"):
            meeting.write({"state": "closed"})
        with self.assertRaisesRegex(UserError, "Only planned meetings"):
            meeting.unlink()
        meeting.with_user(self.user_officer).action_held()
        meeting.with_user(self.user_officer).action_close()
        self.assertEqual(meeting.state, "closed")
        empty = self.env["pmo.programme"].create({"name": "Empty", "code": "EMP"})
        other = meeting.copy({"programme_ids": [(6, 0, empty.ids)]})
        with self.assertRaisesRegex(UserError, "No project in the scope"):
            other.with_user(self.user_officer).action_freeze()
        self.assertEqual(other.state, "planned")

    def test_meeting_form(self):
        """The officer plans a meeting through the form."""
        with Form(self.env["pmo.committee.meeting"].with_user(self.user_officer)) as f:
            f.committee_id = self.committee
            f.date = date(2026, 9, 1)
        meeting = f.record
        self.assertEqual(meeting.attendee_ids, self.attendee_fr | self.attendee_nl)
        self.assertIn("ICT Management Committee", meeting.name)


@tagged("post_install", "-at_install")
class TestCommitteeDecisions(PmoCommitteeCommon):
    def _decision(self, meeting=None, **vals):
        return self.env["pmo.decision"].create(
            {
                "meeting_id": (meeting or self.meeting).id,
                "project_id": self.project_red.id,
                "description": "Present a recovery plan",
                "owner_id": self.user_lead.id,
                "date_due": date(2026, 6, 14),
                **vals,
            }
        )

    def test_overdue_decision_one_activity_closed_when_done(self):
        """Due yesterday: one activity for its owner after two cron runs;
        marking it done closes the activity."""
        decision = self._decision()
        on_time = self._decision(date_due=date(2026, 6, 30))
        Decision = self.env["pmo.decision"]
        with freeze_time(self.today):
            self.assertTrue(decision.is_overdue)
            self.assertFalse(on_time.is_overdue)
            self.assertEqual(Decision.search([("is_overdue", "=", True)]), decision)
            Decision._cron_overdue_decisions()
            Decision._cron_overdue_decisions()
        activity_type = self.env.ref(
            "pmo_portfolio.mail_activity_type_decision_overdue"
        )
        self.assertEqual(len(decision.activity_ids), 1)
        self.assertEqual(decision.activity_ids.user_id, self.user_lead)
        self.assertEqual(decision.activity_ids.activity_type_id, activity_type)
        self.assertFalse(on_time.activity_ids)
        with freeze_time(self.today):
            self.project_red.invalidate_recordset()
            self.assertEqual(self.project_red.overdue_decision_count, 1)
            self.assertEqual(self.project_red.open_decision_count, 2)
            decision.with_user(self.user_lead).action_done()
            self.project_red.invalidate_recordset()
            self.assertEqual(self.project_red.overdue_decision_count, 0)
        self.assertEqual(decision.state, "done")
        self.assertEqual(decision.date_done, self.today)
        self.assertFalse(decision.activity_ids)
        self.assertFalse(
            self.env["mail.activity"].search(
                [("res_model", "=", "pmo.decision"), ("res_id", "=", decision.id)]
            )
        )
        with freeze_time(self.today):
            Decision._cron_overdue_decisions()
        self.assertFalse(decision.activity_ids)

    def test_overdue_on_project_form_and_kanban(self):
        """The project form and the PMO kanban card show overdue decisions."""
        self._decision()
        Project = self.env["project.project"]
        for view in (
            "pmo_portfolio.project_project_view_kanban_pmo",
            "project.edit_project",
        ):
            arch = Project.get_view(self.env.ref(view).id)["arch"]
            self.assertIn("overdue_decision_count", arch, view)
        with freeze_time(self.today):
            data = self.project_red.with_user(self.user_lead).web_read(
                {"overdue_decision_count": {}}
            )
        self.assertEqual(data[0]["overdue_decision_count"], 1)

    def test_cancel_removes_activity_and_owner_change_moves_it(self):
        decision = self._decision()
        with freeze_time(self.today):
            decision._cron_overdue_decisions()
        decision.owner_id = self.user_officer
        self.assertEqual(decision.activity_ids.user_id, self.user_officer)
        decision.action_cancel()
        self.assertFalse(decision.activity_ids)

    def test_decisions_per_role(self):
        """Officers record decisions; members read those of their projects;
        leads mark their own done; another company's decisions stay hidden."""
        decision = self._decision()
        other = self._decision(project_id=self.project_private.id)
        member = self.user_member
        self.project_red.member_ids = [(4, member.id)]
        Decision = self.env["pmo.decision"]
        self.assertEqual(Decision.with_user(member).search([]), decision)
        self.assertEqual(
            self.env["pmo.committee.meeting"].with_user(member).search([]),
            self.env["pmo.committee.meeting"],
        )
        with self.assertRaises(AccessError):
            Decision.with_user(member).create(
                {
                    "meeting_id": self.meeting.id,
                    "description": "x",
                    "date_due": self.today,
                }
            )
        with self.assertRaises(AccessError):
            decision.with_user(member).action_done()
        decision.with_user(self.user_lead).action_done()
        self.assertEqual(decision.state, "done")
        self.assertIn(other, Decision.with_user(self.user_lead).search([]))
        created = Decision.with_user(self.user_officer).create(
            {
                "meeting_id": self.meeting.id,
                "programme_id": self.programme.id,
                "description": "Review the programme plan",
                "date_due": self.today,
            }
        )
        self.assertEqual(created.owner_id, self.user_officer)
        self.assertEqual(created.company_id, self.company)
        company_b = self.env["res.company"].create({"name": "Other FPS"})
        committee_b = self.env["pmo.committee"].create(
            {"name": "Other committee", "company_id": company_b.id}
        )
        meeting_b = self.env["pmo.committee.meeting"].create(
            {"committee_id": committee_b.id, "date": self.today}
        )
        self.assertEqual(meeting_b.company_id, company_b)
        self.assertNotIn(
            meeting_b,
            self.env["pmo.committee.meeting"].with_user(self.user_manager).search([]),
        )

    def test_decision_programme_follows_project(self):
        decision = self._decision()
        self.assertEqual(decision.programme_id, self.programme)
        with self.assertRaisesRegex(ValidationError, "programme is its project"):
            decision.programme_id = self.programme_wpm
