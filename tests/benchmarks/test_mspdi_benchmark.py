# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Import of a 2,000-task MS Project plan: run by `make bench`, not by
`make test`. The target is under 30 s on the project's 2-core machines."""

import base64
import contextlib
import time

from odoo.addons.pmo_portfolio.tests.mspdi_plan import build_plan, write_plan

from ..common import CrossAddonCase

# 100 phases of 18 work tasks and a milestone: 2,000 tasks.
PHASES = (18,) * 100
TARGET_SECONDS = 30.0


class TestMspdiBenchmark(CrossAddonCase):
    def test_import_plan_of_2000_tasks(self):
        started = time.perf_counter()
        plan = build_plan(phases=PHASES)
        data = write_plan(plan)
        write_seconds = time.perf_counter() - started
        self.assertEqual(len(plan), 2000)
        project = self.env["project.project"].create({"name": "Benchmark Plan"})
        wizard = self.env["pmo.mspdi.import"].create(
            {"project_id": project.id, "mspdi_file": base64.b64encode(data)}
        )
        self.env.flush_all()
        self.env.invalidate_all()
        with contextlib.contextmanager(self._patchExecute)([], flush=False) as queries:
            started = time.perf_counter()
            wizard.action_import()
            self.env.flush_all()
            seconds = time.perf_counter() - started
        started = time.perf_counter()
        again = wizard._get_changes()
        reimport_seconds = time.perf_counter() - started
        tasks = self.env["project.task"].search_count([("project_id", "=", project.id)])
        milestones = self.env["project.milestone"].search_count(
            [("project_id", "=", project.id)]
        )
        print(
            f"\nMS Project import benchmark: {len(plan)} tasks "
            f"(file of {len(data) // 1024} KiB written by MPXJ in "
            f"{write_seconds:.1f} s)\n"
            f"  import into an empty project: {seconds:6.2f} s, {len(queries)} queries "
            f"(target {TARGET_SECONDS:.0f} s)\n"
            f"  preview of a reimport:        {reimport_seconds:6.2f} s\n"
            f"  {tasks} tasks, {milestones} milestones, "
            f"BAC {project.budget_at_completion:,.2f}"
        )
        self.assertEqual(tasks, 1900)
        self.assertEqual(milestones, 100)
        self.assertEqual(again["unchanged"], 2000)
        self.assertFalse(again["task_create"] or again["task_update"])
