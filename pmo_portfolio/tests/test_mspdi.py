# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PmoCommon
from .mspdi_plan import PHASES, build_plan, read_plan, write_plan


def activate_german_belgium(env, modules):
    """German (Belgium) for the zones of the German-speaking Community: Odoo
    ships no de_BE language, so create it; its terms come from de.po."""
    Lang = env["res.lang"].with_context(active_test=False)
    lang = Lang.search([("code", "=", "de_BE")])
    if not lang:
        lang = Lang.create(
            {
                "name": "Deutsch (Belgien)",
                "code": "de_BE",
                "iso_code": "de_BE",
                "url_code": "de_BE",
                "date_format": "%d.%m.%Y",
                "decimal_point": ",",
                "thousands_sep": ".",
            }
        )
    lang.active = True
    env["ir.module.module"]._load_module_terms(modules, ["de_BE"], overwrite=True)


@tagged("post_install", "-at_install")
class TestMspdi(PmoCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = build_plan()
        cls.plan_file = write_plan(cls.plan)
        cls.project = cls._create_project("Passport Renewal")
        cls.work = [r for r in cls.plan if not r["summary"] and not r["milestone"]]
        cls.total = sum(r["baseline_cost"] for r in cls.work)

    def _wizard(self, data, project=None, user=None):
        return (
            self.env["pmo.mspdi.import"]
            .with_user(user or self.user_manager)
            .create(
                {
                    "project_id": (project or self.project).id,
                    "mspdi_file": base64.b64encode(data),
                    "mspdi_filename": "plan.xml",
                }
            )
        )

    def _import(self, data, project=None):
        wizard = self._wizard(data, project)
        wizard.action_import()
        return wizard

    def _tasks(self, project=None):
        return self.env["project.task"].search(
            [("project_id", "=", (project or self.project).id)], order="sequence, id"
        )

    def _milestones(self, project=None):
        return self.env["project.milestone"].search(
            [("project_id", "=", (project or self.project).id)], order="deadline, id"
        )

    def _state(self, project=None):
        """Everything an import may change, to compare before and after."""
        project = project or self.project
        fields_task = ["name", "parent_id", "pmo_date_start", "date_deadline"]
        fields_task += ["pmo_baseline_start", "pmo_baseline_finish"]
        fields_task += ["pmo_baseline_cost", "mspdi_uid", "sequence"]
        fields_milestone = ["name", "deadline", "planned_value", "mspdi_uid"]
        fields_milestone += ["pmo_baseline_date"]
        return (
            self._tasks(project).read(fields_task),
            self._milestones(project).read(fields_milestone),
            project.read(["budget_at_completion", "date_start", "date"]),
        )

    def test_import_plan_of_40_tasks(self):
        """6 summary tasks with 28 work tasks and 6 milestones: the summaries
        and work tasks become tasks, the milestones milestones with their
        dates; the baseline gives the BAC and the planned values."""
        wizard = self._wizard(self.plan_file)
        self.assertFalse(wizard.preview_error)
        self.assertIn("Tasks to create: 34", wizard.preview)
        self.assertIn("Milestones to create: 6", wizard.preview)
        self.assertIn("Budget at completion", wizard.preview)
        wizard.action_import()

        tasks = self._tasks()
        self.assertEqual(len(tasks), 34)
        summaries = tasks.filtered(lambda t: not t.parent_id)
        self.assertEqual(summaries.mapped("name"), [f"Phase {n}" for n in range(1, 7)])
        self.assertEqual([len(s.child_ids) for s in summaries], list(PHASES))
        by_name = {task.name: task for task in tasks}
        for row in self.work:
            task = by_name[row["name"]]
            self.assertEqual(task.pmo_date_start, row["start"])
            self.assertEqual(task.date_deadline, row["finish"])
            self.assertEqual(task.pmo_baseline_finish, row["baseline_finish"])
            self.assertAlmostEqual(task.pmo_baseline_cost, row["baseline_cost"])
        self.assertEqual(by_name["Task 1"].parent_id, by_name["Phase 1"])
        self.assertEqual(by_name["Task 28"].parent_id, by_name["Phase 6"])
        # The summary spans its sub-tasks.
        self.assertEqual(
            by_name["Phase 2"].pmo_date_start, by_name["Task 6"].pmo_date_start
        )
        self.assertEqual(
            by_name["Phase 2"].date_deadline, by_name["Task 10"].date_deadline
        )

        self.assertAlmostEqual(self.project.budget_at_completion, 406_000.0)
        self.assertEqual(self.project.date_start, date(2026, 1, 5))
        self.assertEqual(self.project.date, self.work[-1]["baseline_finish"].date())

        milestones = self._milestones()
        rows = [r for r in self.plan if r["milestone"]]
        self.assertEqual(milestones.mapped("name"), [r["name"] for r in rows])
        self.assertEqual(
            milestones.mapped("deadline"), [r["finish"].date() for r in rows]
        )
        self.assertEqual(
            milestones.mapped("pmo_baseline_date"),
            [r["baseline_finish"].date() for r in rows],
        )
        # The last milestone slipped: deadline from the schedule, planned
        # value from the baseline.
        self.assertGreater(milestones[-1].deadline, milestones[-1].pmo_baseline_date)
        phase_costs, first = [], 0
        for size in PHASES:
            phase_costs.append(
                sum(r["baseline_cost"] for r in self.work[first : first + size])
            )
            first += size
        self.assertEqual(phase_costs[0], 15_000.0)
        for milestone, cost in zip(milestones, phase_costs, strict=True):
            self.assertAlmostEqual(
                milestone.planned_value, 100.0 * cost / self.total, delta=0.011
            )
        self.assertAlmostEqual(sum(milestones.mapped("planned_value")), 100.0, places=6)
        self.assertTrue(self.project.has_baseline)

    def test_reimport_changes_nothing(self):
        self._import(self.plan_file)
        before = self._state()
        wizard = self._wizard(self.plan_file)
        self.assertIn("Nothing to change", wizard.preview)
        changes = wizard._get_changes()
        for key in ("project", "task_create", "task_update"):
            self.assertFalse(changes[key], key)
        for key in ("milestone_create", "milestone_update"):
            self.assertFalse(changes[key], key)
        self.assertEqual(changes["unchanged"], 40)
        wizard.action_import()
        self.assertEqual(self._state(), before)

    def test_reimport_updates_without_duplicates(self):
        self._import(self.plan_file)
        task_ids = set(self._tasks().ids)
        milestone_ids = set(self._milestones().ids)
        plan = build_plan(cost_step=2000.0)
        plan[1]["name"] = "Task 1 (renamed)"
        wizard = self._wizard(write_plan(plan))
        self.assertIn("Tasks to update: 28", wizard.preview)
        self.assertNotIn("Tasks to create", wizard.preview)
        wizard.action_import()
        self.assertEqual(set(self._tasks().ids), task_ids)
        self.assertEqual(set(self._milestones().ids), milestone_ids)
        self.assertIn("Task 1 (renamed)", self._tasks().mapped("name"))
        self.assertAlmostEqual(self.project.budget_at_completion, 812_000.0)
        self.assertAlmostEqual(sum(self._milestones().mapped("planned_value")), 100.0)

    def test_malformed_files_change_nothing(self):
        self._import(self.plan_file)
        before = self._state()
        valid = self.plan_file.decode()
        cases = {
            b"this is no XML": "not a readable XML file",
            b"<Project><Tasks/></Project>": "not an MS Project XML",
            b'<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM '
            b'"file:///etc/passwd">]><Project xmlns="http://schemas.microsoft.com/'
            b'project"><Name>&x;</Name></Project>': "document type",
            b'<Project xmlns="http://schemas.microsoft.com/project"><Tasks/>'
            b"</Project>": "has no task",
            valid.replace(
                "<Start>2026-01-05T08:00:00</Start>", "<Start>5 January</Start>", 1
            ).encode(): "invalid Start: 5 January",
            valid.replace("<UID>3</UID>", "<UID>2</UID>", 1).encode(): "appears twice",
            valid.replace(
                "<UID>3</UID>", "<UID></UID>", 1
            ).encode(): "no valid unique ID",
        }
        for data, message in cases.items():
            with self.subTest(message=message):
                wizard = self._wizard(data)
                self.assertTrue(wizard.preview_error)
                self.assertIn(message, wizard.preview)
                with self.assertRaises(UserError) as caught:
                    wizard.action_import()
                self.assertIn(message, str(caught.exception))
                self.assertEqual(self._state(), before)
        with self.assertRaisesRegex(UserError, "Choose an MS Project XML file"):
            self.env["pmo.mspdi.import"].with_user(self.user_manager).create(
                {"project_id": self.project.id}
            ).action_import()

    def test_only_pmo_managers_import(self):
        with self.assertRaises(AccessError):
            self._wizard(self.plan_file, user=self.user_lead)
        self.assertFalse(self._tasks())

    def test_export_reads_back_with_mpxj(self):
        self._import(self.plan_file)
        self._add_cost(self.project, 12_345.0)
        self.assertAlmostEqual(self.project.actual_cost, 12_345.0)
        data = (
            self.env["pmo.mspdi"]
            .with_user(self.user_manager)
            ._export_project(self.project)
        )
        summary, rows = read_plan(data)
        self.assertEqual(len(rows), 40)
        # Tasks in their outline order, then the milestones.
        self.assertEqual(
            [r["name"] for r in rows],
            [r["name"] for r in self.plan if not r["milestone"]]
            + [r["name"] for r in self.plan if r["milestone"]],
        )
        self.assertEqual(sum(r["milestone"] for r in rows), 6)
        self.assertEqual(sum(r["summary"] for r in rows), 6)
        expected = {r["name"]: r for r in self.plan}
        for row in rows:
            plan_row = expected[row["name"]]
            if plan_row["summary"]:
                continue
            self.assertEqual(row["start"].date(), plan_row["start"].date(), row["name"])
            self.assertEqual(
                row["finish"].date(), plan_row["finish"].date(), row["name"]
            )
            self.assertEqual(
                row["baseline_finish"].date(), plan_row["baseline_finish"].date()
            )
            self.assertAlmostEqual(row["baseline_cost"], plan_row["baseline_cost"])
        self.assertAlmostEqual(summary["baseline_cost"], 406_000.0)
        self.assertAlmostEqual(summary["actual_cost"], 12_345.0)
        self.assertAlmostEqual(sum(r["baseline_cost"] for r in rows), 406_000.0)

        # The exported file imports into another project as the same plan.
        other = self._create_project("Passport Renewal (copy)")
        self._import(data, project=other)
        self.assertEqual(len(self._tasks(other)), 34)
        self.assertAlmostEqual(other.budget_at_completion, 406_000.0)
        self.assertEqual(
            self._milestones(other).mapped("planned_value"),
            self._milestones().mapped("planned_value"),
        )
        self.assertEqual(
            self._milestones(other).mapped("deadline"),
            self._milestones().mapped("deadline"),
        )

    def test_export_action_downloads_the_file(self):
        self._import(self.plan_file)
        action = (
            self.env.ref("pmo_portfolio.project_project_action_export_mspdi")
            .with_user(self.user_manager)
            .with_context(active_model="project.project", active_ids=self.project.ids)
            .run()
        )
        self.assertEqual(action["type"], "ir.actions.act_url")
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        self.assertEqual(attachment.name, "Passport_Renewal.xml")
        _summary, rows = read_plan(attachment.raw)
        self.assertEqual(len(rows), 40)

    def test_refusal_in_german(self):
        activate_german_belgium(self.env, ["pmo_portfolio"])
        self.user_manager.lang = "de_BE"
        wizard = self._wizard(b"this is no XML").with_context(lang="de_BE")
        with self.assertRaises(UserError) as caught:
            wizard.action_import()
        self.assertIn("keine lesbare XML-Datei", str(caught.exception))
        fields = (
            self.env["project.project"]
            .with_user(self.user_manager)
            .with_context(lang="de_BE")
            .fields_get(["budget_at_completion"])
        )
        self.assertEqual(
            fields["budget_at_completion"]["string"], "Budget bei Fertigstellung (BAC)"
        )
        self.assertFalse(self._tasks())
