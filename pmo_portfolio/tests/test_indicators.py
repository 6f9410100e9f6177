# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import PmoCommon


@tagged("post_install", "-at_install")
class TestIndicators(PmoCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.pmo_officer_id = cls.user_officer
        cls.indicator_programme = cls.env["pmo.programme"].create(
            {"name": "Indicator programme", "code": "IND"}
        )
        Project = cls.env["project.project"]
        milestones = [
            (50.0, date(2026, 4, 30), True),
            (50.0, date(2026, 11, 30), False),
        ]
        with freeze_time(cls.today):
            cls.p1, cls.p2, cls.p3 = (
                cls._create_project(
                    name,
                    bac=100_000,
                    milestones=milestones,
                    cost=cost,
                    programme_id=cls.indicator_programme.id,
                )
                for name, cost in (("P1", 50_000), ("P2", 54_500), ("P3", 50_000))
            )
        cls.p1.member_ids = cls.user_member
        cls.budget = cls.env["pmo.indicator"].create(
            {
                "name": "Budget consumption",
                "code": "BUDGET",
                "value_type": "percent",
                "unit": "%",
                "direction": "lower_is_better",
                "green_threshold": 80,
                "red_threshold": 95,
                "frequency": "monthly",
                "due_day": 5,
                "scope": "programmes",
                "programme_ids": [(6, 0, cls.indicator_programme.ids)],
                "responsible": "project_manager",
            }
        )
        cls.Value = cls.env["pmo.indicator.value"]
        del Project

    def _values(self, period_start=date(2026, 6, 1)):
        return {
            v.project_id: v
            for v in self.Value.search(
                [
                    ("indicator_id", "=", self.budget.id),
                    ("period_start", "=", period_start),
                ]
            )
        }

    def _submit(self, value, figure, user=None):
        value = value.with_user(user or self.user_lead)
        value.value = figure
        value.action_submit()

    def _alerts(self, value):
        return self.env["pmo.alert"].search([("indicator_value_id", "=", value.id)])

    @freeze_time("2026-06-15")
    def test_monthly_budget_consumption_cycle(self):
        self.env["pmo.indicator"]._cron_indicators()
        self.env["pmo.indicator"]._cron_indicators()
        values = self._values()
        self.assertEqual(set(values), {self.p1, self.p2, self.p3})
        for value in values.values():
            self.assertEqual(value.state, "to_submit")
            self.assertEqual(value.rag, "pending")
            self.assertEqual(value.deadline, date(2026, 7, 5))
            self.assertEqual(len(value.activity_ids), 1)
            self.assertEqual(value.activity_ids.user_id, self.user_lead)
            self.assertEqual(value.activity_ids.date_deadline, date(2026, 7, 5))
        self._submit(values[self.p1], 70)
        self._submit(values[self.p2], 90)
        self._submit(values[self.p3], 97)
        self.assertEqual(values[self.p1].rag, "green")
        self.assertEqual(values[self.p2].rag, "amber")
        red = values[self.p3]
        self.assertEqual(red.rag, "red")
        self.assertFalse(red.activity_ids.filtered(lambda a: "Submit" in a.summary))
        self.assertEqual(
            set(red.activity_ids.user_id.ids),
            {self.user_lead.id, self.user_officer.id},
            "the automation rule asks the lead and the PMO officer",
        )
        self.assertEqual(len(self._alerts(red)), 1)
        red.with_user(self.user_lead).value = 98
        red.with_user(self.user_lead).value = 96
        alert = self._alerts(red)
        self.assertEqual(len(alert), 1, "one alert, not one per edit")
        self.assertEqual(alert.level, "red")
        self.assertEqual(alert.state, "open")
        self.assertEqual(self.p3.health, "red")
        self.assertEqual(self.p3.health_driver, "indicators")
        self.assertEqual(self.p3.indicator_red_count, 1)
        self.assertEqual(self.p2.health, "amber")
        # A later green value of the indicator closes the alert.
        with freeze_time("2026-07-03"):
            self.env["pmo.indicator"]._cron_indicators()
            july = self._values(date(2026, 7, 1))
            self._submit(july[self.p3], 60)
        self.assertEqual(alert.state, "closed")
        self.assertTrue(alert.date_closed)
        self.assertEqual(self.p3.indicator_red_count, 0)

    @freeze_time("2026-06-15")
    def test_stale_value_turns_project_grey_out_of_ratios(self):
        self.env["pmo.indicator"]._cron_indicators()
        values = self._values()
        self._submit(values[self.p1], 70)
        self._submit(values[self.p2], 70)
        with freeze_time("2026-07-06"):
            self.env["pmo.indicator"]._cron_indicators()
            stale = values[self.p3]
            self.assertEqual(stale.rag, "stale")
            self.assertEqual(stale.state, "to_submit")
            self.assertEqual(self._alerts(stale).level, "stale")
            self.assertEqual(self.p3.health, "grey")
            self.assertEqual(self.p3.health_driver, "stale")
            self.assertEqual(self.p3.indicator_stale_count, 1)
            with self.assertRaises(UserError) as error:
                self._submit(stale, 50)
            self.assertIn("period is closed", str(error.exception))
            stale.invalidate_recordset()
            self.assertEqual(stale.value, 0.0)
            figures = self.env["project.project"]._pmo_portfolio_figures(
                [("programme_id", "=", self.indicator_programme.id)]
            )
        self.assertEqual(figures["project_count"], 3)
        self.assertEqual(figures["stale_count"], 1)
        self.assertEqual(figures["assessed_count"], 2)
        self.assertEqual(figures["red_count"], 0)
        # P1 green and P2 amber on cost are both within tolerance; grey P3
        # is left out.
        self.assertAlmostEqual(figures["within_budget_share"], 1.0)
        self.assertAlmostEqual(figures["within_schedule_share"], 1.0)
        programme = self.indicator_programme
        self.assertEqual(programme.stale_project_count, 1)
        self.assertEqual(programme.red_project_count, 0)
        self.assertAlmostEqual(programme.within_budget_percent, 100.0)
        self.assertAlmostEqual(programme.within_schedule_percent, 100.0)

    @freeze_time("2026-06-15")
    def test_reminder_and_computed_indicator(self):
        cpi = self.env["pmo.indicator"].create(
            {
                "name": "Cost performance index",
                "code": "CPI",
                "source": "cpi",
                "direction": "higher_is_better",
                "green_threshold": 0.95,
                "red_threshold": 0.85,
                "scope": "programmes",
                "programme_ids": [(6, 0, self.indicator_programme.ids)],
            }
        )
        self.budget.reminder_days = 2
        self.env["pmo.indicator"]._cron_indicators()
        values = self._values()
        computed = self.Value.search([("indicator_id", "=", cpi.id)])
        self.assertEqual(len(computed), 3)
        self.assertFalse(computed.activity_ids, "nobody submits a computed value")
        self.assertFalse(values[self.p1].reminder_sent)
        with freeze_time("2026-07-03"):
            self.env["pmo.indicator"]._cron_indicators()
        self.assertTrue(all(v.reminder_sent for v in values.values()))
        self.assertIn("Reminder", values[self.p1].message_ids[0].body)
        # At the period's end the computed values took the projects' CPI.
        p2_value = computed.filtered(lambda v: v.project_id == self.p2)
        self.assertEqual(p2_value.state, "submitted")
        self.assertAlmostEqual(p2_value.value, self.p2.cpi, places=3)
        self.assertEqual(p2_value.rag, "amber")  # 50,000 / 54,500 = 0.917

    @freeze_time("2026-06-15")
    def test_reminders_are_one_message_per_person(self):
        """Each value gets its reminder note; its responsible person gets one
        message listing all of them, not one per value."""
        self.env["pmo.indicator"]._cron_indicators()
        values = self._values()
        lead = values[self.p1].user_id
        self.assertEqual({v.user_id for v in values.values()}, {lead})
        Message = self.env["mail.message"]
        before = Message.search([("partner_ids", "in", lead.partner_id.ids)])
        with freeze_time("2026-07-03"):
            self.env["pmo.indicator"]._cron_indicators()
        new = Message.search([("partner_ids", "in", lead.partner_id.ids)]) - before
        notes = new.filtered(lambda m: m.model == "pmo.indicator.value")
        self.assertEqual(
            sorted(notes.mapped("res_id")), sorted(v.id for v in values.values())
        )
        digest = new - notes
        self.assertEqual(len(digest), 1)
        self.assertEqual(digest.subject, "Indicator values to submit")
        for project in (self.p1, self.p2, self.p3):
            self.assertIn(f"Budget consumption for {project.name}", digest.body)
        # a second run the same day reminds nobody again
        with freeze_time("2026-07-03"):
            self.env["pmo.indicator"]._cron_indicators()
        after = Message.search([("partner_ids", "in", lead.partner_id.ids)])
        self.assertEqual(after, before | new)

    @freeze_time("2026-06-15")
    def test_member_only_sees_values_of_own_projects(self):
        self.env["pmo.indicator"]._cron_indicators()
        values = self._values()
        Value = self.Value.with_user(self.user_member)
        visible = Value.search([("indicator_id", "=", self.budget.id)])
        self.assertEqual(visible, values[self.p1])
        foreign = values[self.p2].with_user(self.user_member)
        with self.assertRaises(AccessError):
            foreign.read(["value"])
        with self.assertRaises(AccessError):
            foreign.write({"value": 50})
        self.assertEqual(values[self.p2].value, 0.0)
        # Their own project's value they submit.
        self._submit(values[self.p1], 75, user=self.user_member)
        self.assertEqual(values[self.p1].submitted_by_id, self.user_member)
        self.assertEqual(values[self.p1].rag, "green")

    @freeze_time("2026-06-15")
    def test_bad_input(self):
        with self.assertRaises(ValidationError) as error:
            self.budget.green_threshold = 99
        self.assertIn("wrong order", str(error.exception))
        self.budget.invalidate_recordset()
        self.assertEqual(self.budget.green_threshold, 80)
        yes_no = self.env["pmo.indicator"].create(
            {
                "name": "Steering committee held",
                "code": "STEERCO",
                "value_type": "yes_no",
                "direction": "higher_is_better",
                "green_threshold": 1,
                "red_threshold": 1,
                "scope": "programmes",
                "programme_ids": [(6, 0, self.indicator_programme.ids)],
            }
        )
        self.env["pmo.indicator"]._cron_indicators()
        values = self._values()
        with self.assertRaises(ValidationError) as error:
            self._submit(values[self.p1], 120)
        self.assertIn("between 0 and 100", str(error.exception))
        values[self.p1].invalidate_recordset()
        self.assertEqual(values[self.p1].value, 0.0)
        self.assertEqual(values[self.p1].state, "to_submit")
        steerco = self.Value.search(
            [("indicator_id", "=", yes_no.id), ("project_id", "=", self.p1.id)]
        )
        with self.assertRaises(ValidationError) as error:
            self._submit(steerco, 0.5)
        self.assertIn("yes/no", str(error.exception))
        steerco.invalidate_recordset()
        self._submit(steerco, 0)
        self.assertEqual(steerco.rag, "red")
        # A member submitting for a project that is not theirs, even where the
        # record is readable (e.g. through a wider rule), is refused.
        with self.assertRaises(UserError) as error:
            values[self.p2].with_user(self.user_member)._check_can_submit()
        self.assertIn("member", str(error.exception))

    @freeze_time("2026-06-15")
    def test_server_actions_and_automations_shipped(self):
        for xmlid, model in (
            ("action_server_project_recompute_health", "project.project"),
            ("action_server_indicator_request_values", "pmo.indicator"),
            ("action_server_alert_escalate", "pmo.alert"),
            ("action_server_alert_close", "pmo.alert"),
        ):
            action = self.env.ref(f"pmo_portfolio.{xmlid}")
            self.assertEqual(action.binding_model_id.model, model, xmlid)
        for xmlid in ("automation_value_turned_red", "automation_project_turned_red"):
            self.assertTrue(self.env.ref(f"pmo_portfolio.{xmlid}").active)
        request = self.env.ref("pmo_portfolio.action_server_indicator_request_values")
        request.with_user(self.user_officer).with_context(
            active_model="pmo.indicator", active_ids=self.budget.ids
        ).run()
        values = self._values()
        self.assertEqual(len(values), 3)
        self._submit(values[self.p3], 97)
        alert = self._alerts(values[self.p3])
        escalate = self.env.ref("pmo_portfolio.action_server_alert_escalate")
        escalate.with_user(self.user_lead).with_context(
            active_model="pmo.alert", active_id=alert.id, active_ids=alert.ids
        ).run()
        self.assertEqual(alert.activity_ids.user_id, self.user_manager)
        close = self.env.ref("pmo_portfolio.action_server_alert_close")
        close.with_user(self.user_lead).with_context(
            active_model="pmo.alert", active_ids=alert.ids
        ).run()
        self.assertEqual(alert.state, "closed")

    def test_generate_values_queries_independent_of_projects(self):
        # The request of up to one chunk of projects runs inline (larger ones
        # as queue jobs, see test_jobs.py): this measures the inline run.
        self.env["ir.config_parameter"].set_param(
            "pmo_portfolio.job_chunk_size", 100_000
        )
        Tag = self.env["project.tags"]
        Indicator = self.env["pmo.indicator"]
        Project = self.env["project.project"]

        def setup(name, count):
            tag = Tag.create({"name": name})
            Project.create(
                [
                    {
                        "name": f"{name} {i}",
                        "user_id": self.user_lead.id,
                        "tag_ids": tag.ids,
                    }
                    for i in range(count)
                ]
            )
            return Indicator.create(
                [
                    {
                        "name": f"{name} indicator {i}",
                        "code": f"{name}-{i}",
                        "scope": "tags",
                        "tag_ids": tag.ids,
                    }
                    for i in range(10)
                ]
            )

        warm = setup("warm", 1)
        small, medium = setup("small", 5), setup("medium", 90)
        large, big = setup("large", 150), setup("big", 200)

        def count(indicators):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            values = indicators.action_generate_values()
            self.env.flush_all()
            return self.env.cr.sql_log_count - before, values

        # The ORM splits multi-row INSERT/UPDATE statements in chunks of 100
        # rows: with larger chunks, any difference left would come from
        # queries made per project.
        with (
            patch("odoo.models.INSERT_BATCH_SIZE", 100_000),
            patch("odoo.models.UPDATE_BATCH_SIZE", 100_000),
        ):
            count(warm)
            small_queries, small_values = count(small)
            medium_queries, medium_values = count(medium)
            large_queries, _large_values = count(large)
            big_queries, big_values = count(big)
        self.assertEqual(len(small_values), 50)
        self.assertEqual(len(medium_values), 900)
        self.assertEqual(len(big_values), 2000)
        self.assertEqual(small_queries, medium_queries)
        # Past 1,000 records the ORM recomputes stored fields in chunks of
        # 1,000 (PREFETCH_MAX): 150 and 200 projects (1,500 and 2,000 values)
        # both take two chunks and must cost the same.
        self.assertEqual(large_queries, big_queries)
