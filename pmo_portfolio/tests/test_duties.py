# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import PmoCommon


@tagged("post_install", "-at_install")
class TestDuties(PmoCommon):
    """Who may validate, reject, decide and reset is checked in the model,
    as the real role would call it over RPC, whatever the buttons show."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_lead = new_test_user(
            cls.env,
            login="pmo_other_lead",
            groups="base.group_user,pmo_portfolio.group_project_lead",
        )
        milestones = [
            (50.0, date(2026, 4, 30), True),
            (50.0, date(2026, 11, 30), False),
        ]
        with freeze_time(cls.today):
            cls.project = cls._create_project(
                "Consular Registry",
                bac=100_000,
                milestones=milestones,
                cost=50_000,
                member_ids=[(6, 0, cls.user_member.ids)],
            )
            # EV 50,000, AC 80,000: red on cost, an exception report each.
            cls.project_red = cls._create_project(
                "Passport Printing", bac=100_000, milestones=milestones, cost=80_000
            )
            cls.project_other = cls._create_project(
                "Embassy Network",
                bac=100_000,
                milestones=milestones,
                cost=80_000,
                user_id=cls.other_lead.id,
            )
            cls.indicator = cls.env["pmo.indicator"].create(
                {
                    "name": "Budget consumption",
                    "code": "BUDGET",
                    "value_type": "percent",
                    "direction": "lower_is_better",
                    "green_threshold": 80,
                    "red_threshold": 95,
                    "scope": "programmes",
                    "programme_ids": [(6, 0, cls.programme.ids)],
                }
            )
            cls.indicator.action_generate_values()
            (cls.project_red | cls.project_other).action_recompute_health()
        cls.value = cls.env["pmo.indicator.value"].search(
            [("project_id", "=", cls.project.id)]
        )
        Report = cls.env["pmo.exception.report"]
        cls.report = Report.search([("project_id", "=", cls.project_red.id)])
        cls.report_other = Report.search([("project_id", "=", cls.project_other.id)])

    def _flush_tracking(self):
        self.env.flush_all()
        self.env.cr.flush()

    def _snapshot(self, record, fnames):
        record.invalidate_recordset()
        return {fname: record[fname] for fname in fnames}

    @freeze_time("2026-06-15")
    def test_member_cannot_validate_nor_write_pmo_fields(self):
        value = self.value
        self.assertEqual(value.user_id, self.user_lead)
        as_member = value.with_user(self.user_member)
        # The team writes the figure and the comment, and submits.
        as_member.write({"value": 70, "comment": "On track"})
        as_member.action_submit()
        self.assertEqual(value.state, "submitted")
        self.assertEqual(value.submitted_by_id, self.user_member)
        fnames = [
            "state",
            "deadline",
            "is_stale",
            "rag",
            "validated_by_id",
            "submitted_by_id",
            "value",
        ]
        before = self._snapshot(value, fnames)
        for call in (
            as_member.action_validate,
            as_member.action_reject,
            lambda: as_member.write({"deadline": date(2026, 12, 31)}),
            lambda: as_member.write({"is_stale": True}),
            lambda: as_member.write({"state": "validated"}),
            lambda: as_member.write({"state": "to_submit"}),
            lambda: as_member.write({"rag": "green", "value": 75}),
            lambda: as_member.write({"validated_by_id": self.user_member.id}),
        ):
            with self.assertRaises(AccessError):
                call()
            self.assertEqual(self._snapshot(value, fnames), before)
        # The lead of the project is held to the same duties.
        with self.assertRaises(AccessError) as error:
            value.with_user(self.user_lead).action_validate()
        self.assertIn("PMO officer or manager", str(error.exception))
        with self.assertRaises(AccessError):
            value.with_user(self.user_lead).write({"deadline": date(2026, 12, 31)})
        self.assertEqual(self._snapshot(value, fnames), before)

    @freeze_time("2026-06-15")
    def test_officer_validates_someone_elses_value_only(self):
        value = self.value
        self._submit_as(value, self.user_member, 70)
        value.with_user(self.user_officer).action_validate()
        self.assertEqual(value.state, "validated")
        self.assertEqual(value.validated_by_id, self.user_officer)
        self.assertEqual(value.rag, "green")
        # Validated: the period is closed for the team.
        with self.assertRaises(UserError):
            value.with_user(self.user_member).write({"value": 90})
        value.invalidate_recordset()
        self.assertEqual(value.value, 70)
        # The officer submitted the next one: they do not validate it too,
        # nor reject it, even writing the state directly.
        with freeze_time("2026-07-03"):
            self.indicator.action_generate_values()
            july = self.env["pmo.indicator.value"].search(
                [("project_id", "=", self.project.id), ("state", "=", "to_submit")]
            )
            self._submit_as(july, self.user_officer, 60)
            for call in (
                july.with_user(self.user_officer).action_validate,
                july.with_user(self.user_officer).action_reject,
                lambda: july.with_user(self.user_officer).write({"state": "validated"}),
            ):
                with self.assertRaises(AccessError) as error:
                    call()
                self.assertIn("someone else of the PMO", str(error.exception))
                july.invalidate_recordset()
                self.assertEqual(july.state, "submitted")
            july.with_user(self.user_manager).action_reject()
            self.assertEqual(july.state, "rejected")

    @freeze_time("2026-06-15")
    def test_member_edits_value_through_the_form(self):
        with Form(self.value.with_user(self.user_member)) as form:
            form.value = 72
            form.comment = "Invoices of May included"
        self.assertEqual(self.value.value, 72)
        # A member outside the project's team cannot write its value.
        stranger = new_test_user(
            self.env,
            login="pmo_stranger",
            groups="base.group_user,pmo_portfolio.group_project_member",
        )
        with self.assertRaises(AccessError):
            self.value.with_user(stranger).write({"value": 10})
        self.value.invalidate_recordset()
        self.assertEqual(self.value.value, 72)

    def _submit_as(self, value, user, figure):
        value.with_user(user).value = figure
        value.with_user(user).action_submit()

    @freeze_time("2026-06-15")
    def test_lead_cannot_decide_nor_reset_own_report(self):
        report = self.report
        self.assertEqual(len(report), 1)
        self.assertEqual(report.project_id.user_id, self.user_lead)
        as_lead = report.with_user(self.user_lead)
        as_lead.write({"options": "<p>Cut scope</p>"})
        as_lead.action_submit()
        self.assertEqual(report.state, "submitted")
        for call in (
            as_lead.action_decide,
            as_lead.action_reject,
            lambda: as_lead.write({"state": "decided"}),
            lambda: as_lead.write({"decision": "Approved by myself"}),
        ):
            with self.assertRaises(AccessError) as error:
                call()
            self.assertIn("level that set the tolerance", str(error.exception))
            report.invalidate_recordset()
            self.assertEqual(report.state, "submitted")
            self.assertFalse(report.decision)
        self.assertFalse(as_lead.can_decide)
        as_manager = report.with_user(self.user_manager)
        self.assertTrue(as_manager.can_decide)
        as_manager.write({"decision": "Scope cut approved"})
        as_manager.action_decide()
        self.assertEqual(report.state, "decided")
        for call in (
            as_lead.action_reset_draft,
            lambda: as_lead.write({"state": "draft"}),
            # Officers neither: the PMO manager reopens a decision.
            report.with_user(self.user_officer).action_reset_draft,
        ):
            with self.assertRaises(AccessError):
                call()
            report.invalidate_recordset()
            self.assertEqual(report.state, "decided")

    @freeze_time("2026-06-15")
    def test_reset_to_draft_by_pmo_manager_from_decided_or_rejected_tracked(self):
        report = self.report.with_context(tracking_disable=False)
        as_manager = report.with_user(self.user_manager)
        report.with_user(self.user_lead).action_submit()
        with self.assertRaises(UserError):
            as_manager.action_reset_draft()
        self.assertEqual(report.state, "submitted")
        as_manager.action_reject()
        self.assertEqual(report.state, "rejected")
        self._flush_tracking()
        as_manager.action_reset_draft()
        self.assertEqual(report.state, "draft")
        self._flush_tracking()
        tracked = report.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertIn(
            ("Rejected", "Draft"),
            [(t.old_value_char, t.new_value_char) for t in tracked],
        )
        self.assertEqual(
            report.message_ids.filtered("tracking_value_ids")[:1].author_id,
            self.user_manager.partner_id,
        )
        # Deciding a draft directly is refused too.
        with self.assertRaises(UserError):
            as_manager.write({"state": "decided"})

    @freeze_time("2026-06-15")
    def test_programme_manager_decides_and_lead_sees_only_own_reports(self):
        programme_manager = new_test_user(
            self.env,
            login="pmo_programme_manager",
            groups="base.group_user,pmo_portfolio.group_project_lead",
        )
        self.programme.manager_id = programme_manager
        self.report.with_user(self.user_lead).action_submit()
        self.report.with_user(programme_manager).action_decide()
        self.assertEqual(self.report.state, "decided")
        # Another lead's report: not readable, not writable by this lead.
        Report = self.env["pmo.exception.report"].with_user(self.user_lead)
        self.assertEqual(Report.search([]), self.report)
        other = self.report_other.with_user(self.user_lead)
        with self.assertRaises(AccessError):
            other.read(["cause"])
        with self.assertRaises(AccessError):
            other.write({"options": "<p>Mine now</p>"})
        with self.assertRaises(AccessError):
            Report.create({"project_id": self.project_other.id, "cause": "Mine"})
        self.assertEqual(self.report_other.state, "draft")
        self.assertFalse(self.report_other.options)
        # A PMO manager who leads the project does not decide it either.
        self.project_red.user_id = self.user_manager
        with self.assertRaises(AccessError):
            self.report.with_user(self.user_manager).action_reset_draft()

    @freeze_time("2026-06-15")
    def test_rpc_methods_check_the_callers_group(self):
        Value = self.env["pmo.indicator.value"]
        count = Value.search_count([])
        for user in (self.user_member, self.user_lead):
            with self.assertRaises(AccessError):
                self.indicator.with_user(user).action_generate_values()
        self.assertEqual(Value.search_count([]), count)
        with freeze_time("2026-07-03"):
            as_officer = self.indicator.with_user(self.user_officer)
            values = as_officer.action_generate_values()
        self.assertEqual(len(values), 3)
        outsider = new_test_user(
            self.env, login="pmo_outsider", groups="base.group_user"
        )
        project = self.project_red
        with self.assertRaises(AccessError):
            project.with_user(outsider).action_recompute_health()
        private = self._create_project("Vault", privacy_visibility="followers")
        with self.assertRaises(AccessError):
            private.with_user(self.user_member).action_recompute_health()
        self.assertTrue(project.with_user(self.user_member).action_recompute_health())
