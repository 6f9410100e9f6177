# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import PmoCommon


@tagged("post_install", "-at_install")
class TestLanguages(PmoCommon):
    """What the crons write is in the language of whoever receives it, with
    dates and numbers formatted for that language, whoever runs the cron."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Lang = cls.env["res.lang"]
        for code in ("nl_BE", "fr_BE"):
            Lang._activate_lang(code)
        cls.env.ref("base.module_pmo_portfolio")._update_translations(
            ["nl_BE", "fr_BE"], overwrite=True
        )
        cls.user_member.lang = "nl_BE"
        cls.user_lead.lang = "fr_BE"
        cls.user_manager.lang = "fr_BE"
        # The cron's user writes in English.
        cls.cron_user = new_test_user(
            cls.env,
            login="pmo_cron_en",
            lang="en_US",
            groups="base.group_user,pmo_portfolio.group_pmo_manager",
        )
        with freeze_time(cls.today):
            cls.project = cls._create_project(
                "Consular Registry",
                bac=100_000,
                milestones=[
                    (50.0, date(2026, 4, 30), True),
                    (50.0, date(2026, 11, 30), False),
                ],
                cost=50_000,
                member_ids=[(6, 0, cls.user_member.ids)],
            )
        cls.indicator = cls.env["pmo.indicator"].create(
            {
                "name": "Steering committee held",
                "code": "STEERCO",
                "value_type": "yes_no",
                "green_threshold": 1,
                "red_threshold": 1,
                "reminder_days": 2,
                "scope": "programmes",
                "programme_ids": [(6, 0, cls.programme.ids)],
                "responsible": "user",
                "user_id": cls.user_member.id,
            }
        )

    def _run_cron(self):
        self.env["pmo.indicator"].with_user(self.cron_user).with_context(
            lang="en_US"
        )._cron_indicators()

    def _messages_to(self, value, user):
        return value.message_ids.filtered(
            lambda m: user.partner_id in m.partner_ids
        ).sorted("id")

    def test_member_in_dutch_lead_in_french_cron_in_english(self):
        with freeze_time("2026-06-15"):
            self._run_cron()
        value = self.env["pmo.indicator.value"].search(
            [("indicator_id", "=", self.indicator.id)]
        )
        self.assertEqual(value.user_id, self.user_member)
        self.assertEqual(value.deadline, date(2026, 7, 5))
        self.assertEqual(value.activity_ids.summary, "Steering committee held indienen")
        with freeze_time("2026-07-03"):
            self._run_cron()
        reminder = self._messages_to(value, self.user_member)
        self.assertEqual(len(reminder), 1)
        self.assertIn("Herinnering", reminder.body)
        self.assertIn("05-07-2026", reminder.body)
        self.assertNotIn("Reminder", reminder.body)
        with freeze_time("2026-07-06"):
            self._run_cron()
        self.assertEqual(value.rag, "stale")
        notice = self._messages_to(value, self.user_member) - reminder
        self.assertEqual(len(notice), 1)
        self.assertIn("werd niet ingediend tegen 05-07-2026", notice.body)
        self.assertIn("verouderd", notice.body)
        # The stale alert goes to the project's lead, in French.
        alert = value.alert_ids
        self.assertEqual(alert.user_id, self.user_lead)
        self.assertEqual(alert.level, "stale")
        self.assertIn("n'a pas été soumis pour le 05/07/2026", alert.message)

    @freeze_time("2026-06-15")
    def test_red_alert_and_exception_report_in_french(self):
        self.indicator.responsible = "project_manager"
        self._run_cron()
        value = self.env["pmo.indicator.value"].search(
            [("indicator_id", "=", self.indicator.id)]
        )
        self.assertEqual(
            value.activity_ids.summary, "Soumettre Steering committee held"
        )
        value.with_user(self.user_lead).value = 0
        value.with_user(self.user_lead).action_submit()
        self.assertEqual(value.rag, "red")
        self.assertIn(
            "Steering committee held pour Consular Registry est rouge : 0,000",
            value.alert_ids.message,
        )
        # The PMO manager reads the exception report in French, amounts
        # Belgian style, although an English user raised it.
        project = self._create_project(
            "Embassy Network",
            bac=100_000,
            milestones=[(50.0, date(2026, 4, 30), True)],
            cost=80_000,
        )
        project.with_user(self.cron_user).with_context(
            lang="en_US"
        ).action_recompute_health()
        report = project.exception_report_ids
        self.assertEqual(len(report), 1)
        self.assertIn("100.000,00", report.forecast)
        self.assertIn("160.000,00", report.forecast)
        self.assertTrue(report.cause.startswith("Coût"), report.cause)
        self.assertEqual(report.activity_ids.summary, "Rapport d'exception à trancher")
