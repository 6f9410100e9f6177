# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""MS Project XML (MSPDI) files into a project: what importing a plan
creates and updates (the preview), and the import itself. Reading the
file is ``pmo.mspdi.reader``'s, writing a project ``pmo.mspdi.writer``'s."""

from collections import defaultdict
from datetime import datetime

from odoo import api, models
from odoo.tools import float_compare, float_round


class PmoMspdi(models.AbstractModel):
    _name = "pmo.mspdi"
    _inherit = ["pmo.mspdi.reader", "pmo.mspdi.writer"]
    _description = "MS Project XML (MSPDI) Import and Export"

    @api.model
    def _plan_budget(self, plan):
        """Budget at completion of the plan and the baseline cost of each of
        its work tasks (summary tasks roll their sub-tasks up)."""
        work = [t for t in plan["tasks"] if not t["summary"]]
        total = sum(t["baseline_cost"] for t in work)
        project_task = plan["project_task"]
        if project_task and project_task["has_baseline_cost"]:
            return project_task["baseline_cost"], work, total
        return total, work, total

    @api.model
    def _milestone_shares(self, plan):
        """Planned value (% of the budget) of each milestone: the baseline
        cost of the work finishing, in the baseline, after the previous
        milestone and by this one. Work after the last milestone goes to
        the last one."""
        _bac, work, total = self._plan_budget(plan)
        milestones = sorted(
            (t for t in plan["tasks"] if t["milestone"]),
            key=lambda m: (m["baseline_finish"] or m["finish"] or datetime.max),
        )
        if not milestones:
            return {}
        costs = defaultdict(float)
        for task in work:
            if task["milestone"]:
                costs[task["uid"]] += task["baseline_cost"]
                continue
            finish = task["baseline_finish"] or task["finish"]
            target = milestones[-1]
            for milestone in milestones:
                date = milestone["baseline_finish"] or milestone["finish"]
                if finish and date and finish.date() <= date.date():
                    target = milestone
                    break
            costs[target["uid"]] += task["baseline_cost"]
        shares, cumulated, previous = {}, 0.0, 0.0
        for milestone in milestones:
            cumulated += costs[milestone["uid"]]
            rounded = float_round(100.0 * cumulated / total, 2) if total else 0.0
            shares[milestone["uid"]] = float_round(rounded - previous, 2)
            previous = rounded
        return shares

    @api.model
    def _plan_changes(self, project, plan):
        """What importing ``plan`` into ``project`` creates and updates.

        Returns a dict: ``project`` (values to write), ``task_create`` and
        ``milestone_create`` (lists of (plan item, values)), ``task_update``
        and ``milestone_update`` (lists of (record, values)) and the number of
        unchanged records. Tasks are matched on their MS Project UID.
        """
        Task = self.env["project.task"].with_context(active_test=False)
        Milestone = self.env["project.milestone"]
        tasks = Task.search(
            [("project_id", "=", project.id), ("mspdi_uid", "!=", False)]
        )
        task_by_uid = {task.mspdi_uid: task for task in tasks}
        milestones = Milestone.search(
            [("project_id", "=", project.id), ("mspdi_uid", "!=", False)]
        )
        milestone_by_uid = {ms.mspdi_uid: ms for ms in milestones}
        shares = self._milestone_shares(plan)
        changes = {
            "project": {},
            "task_create": [],
            "task_update": [],
            "milestone_create": [],
            "milestone_update": [],
            "unchanged": 0,
        }
        for sequence, item in enumerate(plan["tasks"], 1):
            if item["milestone"]:
                vals = self._prepare_milestone_vals(item, shares.get(item["uid"], 0.0))
                record = milestone_by_uid.get(item["uid"])
                key = "milestone"
            else:
                vals = self._prepare_task_vals(item, sequence)
                record = task_by_uid.get(item["uid"])
                key = "task"
            if not record:
                changes[f"{key}_create"].append((item, vals))
                continue
            diff = self._diff(record, vals)
            if (
                key == "task"
                and (record.parent_id.mspdi_uid or None) != item["parent_uid"]
            ):
                diff["parent_id"] = item["parent_uid"]
            if diff:
                changes[f"{key}_update"].append((record, diff))
            else:
                changes["unchanged"] += 1
        changes["project"] = self._diff(project, self._prepare_project_vals(plan))
        return changes

    @api.model
    def _prepare_task_vals(self, item, sequence):
        return {
            "name": item["name"],
            "sequence": sequence,
            "pmo_date_start": item["start"] or False,
            "date_deadline": item["finish"] or False,
            "allocated_hours": item["work"] or 0.0,
            "pmo_baseline_start": item["baseline_start"] or False,
            "pmo_baseline_finish": item["baseline_finish"] or False,
            "pmo_baseline_cost": item["baseline_cost"],
        }

    @api.model
    def _prepare_milestone_vals(self, item, share):
        finish = item["finish"] or item["baseline_finish"]
        baseline = item["baseline_finish"] or item["finish"]
        return {
            "name": item["name"],
            "deadline": finish.date() if finish else False,
            "pmo_baseline_date": baseline.date() if baseline else False,
            "planned_value": share,
        }

    @api.model
    def _prepare_project_vals(self, plan):
        bac, _work, _total = self._plan_budget(plan)
        starts = [t["baseline_start"] or t["start"] for t in plan["tasks"]]
        finishes = [t["baseline_finish"] or t["finish"] for t in plan["tasks"]]
        starts, finishes = list(filter(None, starts)), list(filter(None, finishes))
        vals = {"budget_at_completion": bac}
        if starts and finishes:
            vals["date_start"] = min(starts).date()
            vals["date"] = max(finishes).date()
        return vals

    @api.model
    def _diff(self, record, vals):
        diff = {}
        for name, value in vals.items():
            field = record._fields[name]
            current = record[name]
            if field.type in ("float", "monetary"):
                if float_compare(current or 0.0, value or 0.0, precision_digits=2):
                    diff[name] = value
            elif (current or False) != (value or False):
                diff[name] = value
        return diff

    @api.model
    def _apply_changes(self, project, changes):
        """Write ``changes`` (from _plan_changes) into ``project``."""
        Task = self.env["project.task"].with_context(
            tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
        )
        if changes["project"]:
            project.write(changes["project"])
        by_uid = {
            task.mspdi_uid: task
            for task in Task.with_context(active_test=False).search(
                [("project_id", "=", project.id), ("mspdi_uid", "!=", False)]
            )
        }
        # The first stage of the project, found once rather than per task.
        stage = False
        if changes["task_create"]:
            stage = Task.stage_find(project.id, [("fold", "=", False)])
        # Create level by level so that every parent exists before its children.
        pending = sorted(changes["task_create"], key=lambda pair: pair[0]["level"])
        for level in sorted({item["level"] for item, _vals in pending}):
            batch = [(item, vals) for item, vals in pending if item["level"] == level]
            created = Task.create(
                [
                    dict(
                        vals,
                        project_id=project.id,
                        stage_id=stage,
                        mspdi_uid=item["uid"],
                        parent_id=by_uid[item["parent_uid"]].id
                        if item["parent_uid"] in by_uid
                        else False,
                    )
                    for item, vals in batch
                ]
            )
            uids = [item["uid"] for item, _vals in batch]
            by_uid.update(zip(uids, created, strict=True))
        for task, diff in changes["task_update"]:
            if "parent_id" in diff:
                parent = by_uid.get(diff["parent_id"])
                diff = dict(diff, parent_id=parent.id if parent else False)
            task.with_context(tracking_disable=True).write(diff)
        # Lower planned values first, so that no step passes 100 %.
        updates = sorted(
            changes["milestone_update"],
            key=lambda pair: pair[1].get("planned_value", pair[0].planned_value)
            - pair[0].planned_value,
        )
        for milestone, diff in updates:
            milestone.write(diff)
        if changes["milestone_create"]:
            self.env["project.milestone"].create(
                [
                    dict(vals, project_id=project.id, mspdi_uid=item["uid"])
                    for item, vals in changes["milestone_create"]
                ]
            )
