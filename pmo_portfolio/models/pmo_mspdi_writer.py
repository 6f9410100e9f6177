# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A project written as an MS Project XML (MSPDI) file: its tasks with
their hierarchy, its milestones, the baseline and the actual costs."""

import re
from collections import defaultdict
from datetime import datetime, time, timedelta

from lxml import etree

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .pmo_mspdi_reader import MSPDI_COST_FACTOR, MSPDI_NS

WORK_HOURS_PER_DAY = 8
DAY_START = time(8, 0)
DAY_END = time(17, 0)


class PmoMspdiWriter(models.AbstractModel):
    _name = "pmo.mspdi.writer"
    _description = "MS Project XML (MSPDI) Writer"

    @api.model
    def _export_project(self, project):
        """The MSPDI XML (bytes) of ``project``: its tasks with their
        hierarchy, its milestones, the baseline and the actual costs."""
        project.ensure_one()
        tasks = (
            self.env["project.task"]
            .with_context(active_test=False)
            .search([("project_id", "=", project.id)], order="sequence, id")
        )
        milestones = self.env["project.milestone"].search(
            [("project_id", "=", project.id)], order="deadline, id"
        )
        costs = self._task_actual_costs(tasks)
        uids = self._export_uids(tasks, milestones)
        default_start = datetime.combine(
            project.date_start or fields.Date.context_today(self), DAY_START
        )
        children = defaultdict(list)
        for task in tasks:
            parent = task.parent_id if task.parent_id in tasks else None
            children[parent].append(task)

        rows = []  # (record, level, outline number)

        def walk(parent, level, prefix):
            for index, task in enumerate(children[parent], 1):
                number = f"{prefix}{index}"
                rows.append((task, level, number))
                walk(task, level + 1, f"{number}.")

        walk(None, 1, "")
        top = len(children[None])
        rows += [
            (milestone, 1, str(top + index))
            for index, milestone in enumerate(milestones, 1)
        ]
        spans = self._export_spans(rows, default_start)

        root = etree.Element(f"{{{MSPDI_NS}}}Project", nsmap={None: MSPDI_NS})
        sub = self._sub
        filename = self._export_filename(project)
        project_start = min((s for s, _f in spans.values()), default=default_start)
        project_finish = max((f for _s, f in spans.values()), default=default_start)
        sub(root, "SaveVersion", "14")
        sub(root, "Name", filename)
        sub(root, "Title", project.name)
        sub(root, "ScheduleFromStart", "1")
        sub(root, "StartDate", self._fmt_date(project_start))
        sub(root, "FinishDate", self._fmt_date(project_finish))
        sub(root, "CurrencyDigits", "2")
        currency = project.currency_id or project.company_id.currency_id
        sub(root, "CurrencyCode", currency.name)
        sub(root, "CalendarUID", "1")
        sub(root, "DefaultStartTime", DAY_START.strftime("%H:%M:%S"))
        sub(root, "DefaultFinishTime", DAY_END.strftime("%H:%M:%S"))
        sub(root, "MinutesPerDay", str(WORK_HOURS_PER_DAY * 60))
        sub(root, "MinutesPerWeek", str(WORK_HOURS_PER_DAY * 60 * 5))
        sub(root, "DaysPerMonth", "20")
        self._export_calendar(root)
        tasks_node = sub(root, "Tasks")
        summary = sub(tasks_node, "Task")
        for tag, value in (
            ("UID", "0"),
            ("ID", "0"),
            ("Name", project.name),
            ("Type", "1"),
            ("IsNull", "0"),
            ("OutlineNumber", "0"),
            ("OutlineLevel", "0"),
            ("Start", self._fmt_date(project_start)),
            ("Finish", self._fmt_date(project_finish)),
            ("Milestone", "0"),
            ("Summary", "1"),
            ("ActualCost", self._fmt_cost(project.actual_cost)),
        ):
            sub(summary, tag, value)
        self._export_baseline(
            summary,
            datetime.combine(project.date_start, DAY_START)
            if project.date_start
            else None,
            datetime.combine(project.date, DAY_END) if project.date else None,
            project.budget_at_completion,
        )
        for position, (record, level, number) in enumerate(rows, 1):
            is_milestone = record._name == "project.milestone"
            start, finish = spans[record]
            node = sub(tasks_node, "Task")
            sub(node, "UID", uids[record])
            sub(node, "ID", str(position))
            sub(node, "Name", record.name)
            sub(node, "Active", "1")
            sub(node, "Manual", "0")
            sub(node, "Type", "0")
            sub(node, "IsNull", "0")
            sub(node, "WBS", number)
            sub(node, "OutlineNumber", number)
            sub(node, "OutlineLevel", str(level))
            sub(node, "Start", self._fmt_date(start))
            sub(node, "Finish", self._fmt_date(finish))
            sub(node, "Duration", self._fmt_hours(self._working_hours(start, finish)))
            sub(node, "DurationFormat", "7")
            if not is_milestone and record.allocated_hours:
                sub(node, "Work", self._fmt_hours(record.allocated_hours))
            sub(node, "Milestone", "1" if is_milestone else "0")
            is_summary = not is_milestone and bool(children[record])
            sub(node, "Summary", "1" if is_summary else "0")
            done = record.is_reached if is_milestone else record.state == "1_done"
            sub(node, "PercentComplete", "100" if done else "0")
            if is_milestone:
                baseline = record.pmo_baseline_date or record.deadline
                self._export_baseline(
                    node,
                    datetime.combine(baseline, DAY_START) if baseline else None,
                    datetime.combine(baseline, DAY_START) if baseline else None,
                    None,
                )
                continue
            sub(node, "ActualCost", self._fmt_cost(costs.get(record.id, 0.0)))
            self._export_baseline(
                node,
                record.pmo_baseline_start,
                record.pmo_baseline_finish,
                None if is_summary else record.pmo_baseline_cost,
            )
        return etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", pretty_print=True
        )

    @api.model
    def _export_filename(self, project):
        name = re.sub(r"[^\w.-]+", "_", project.name or "project").strip("_")
        return f"{name or 'project'}.xml"

    @api.model
    def _export_uids(self, tasks, milestones):
        """Keep the UIDs of imported records; number the others after them."""
        records = list(tasks) + list(milestones)
        known = {r: r.mspdi_uid for r in records if r.mspdi_uid}
        numbers = [int(uid) for uid in known.values() if uid.lstrip("-").isdigit()]
        taken = set(known.values())
        next_uid = max(numbers, default=0) + 1
        uids = {}
        for record in records:
            uid = known.get(record)
            if not uid or uid in uids.values():
                while str(next_uid) in taken:
                    next_uid += 1
                uid = str(next_uid)
                taken.add(uid)
            uids[record] = uid
        return uids

    @api.model
    def _export_spans(self, rows, default_start):
        """(start, finish) of each exported record; summary tasks span their
        sub-tasks, milestones sit on their deadline."""
        spans = {}
        for record, _level, _number in reversed(rows):
            if record._name == "project.milestone":
                day = record.deadline or default_start.date()
                moment = datetime.combine(day, DAY_START)
                spans[record] = (moment, moment)
                continue
            start = record.pmo_date_start
            finish = record.date_deadline
            child_spans = [spans[c] for c in record.child_ids if c in spans]
            if child_spans:
                start = start or min(s for s, _f in child_spans)
                finish = finish or max(f for _s, f in child_spans)
            start = start or (
                datetime.combine(finish.date(), DAY_START) if finish else default_start
            )
            finish = max(finish or start, start)
            spans[record] = (start, finish)
        return spans

    @api.model
    def _task_actual_costs(self, tasks):
        """Costs booked on the tasks (timesheets), as positive amounts."""
        if "task_id" not in self.env["account.analytic.line"]._fields:
            return {}
        # sudo: sums the costs booked on the tasks of a project the caller
        # exports (and may read); no cost line is returned.
        groups = (
            self.env["account.analytic.line"]
            .sudo()
            ._read_group(
                [("task_id", "in", tasks.ids), ("amount", "<", 0)],
                ["task_id"],
                ["amount:sum"],
            )
        )
        return {task.id: -amount for task, amount in groups}

    @api.model
    def _export_calendar(self, root):
        sub = self._sub
        calendar = sub(sub(root, "Calendars"), "Calendar")
        sub(calendar, "UID", "1")
        sub(calendar, "Name", "Standard")
        sub(calendar, "IsBaseCalendar", "1")
        sub(calendar, "BaseCalendarUID", "-1")
        week = sub(calendar, "WeekDays")
        for day_type in range(1, 8):
            day = sub(week, "WeekDay")
            sub(day, "DayType", str(day_type))
            working = day_type not in (1, 7)
            sub(day, "DayWorking", "1" if working else "0")
            if working:
                times = sub(day, "WorkingTimes")
                for start, end in (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")):
                    slot = sub(times, "WorkingTime")
                    sub(slot, "FromTime", start)
                    sub(slot, "ToTime", end)

    @api.model
    def _export_baseline(self, node, start, finish, cost):
        if not (start or finish or cost):
            return
        baseline = self._sub(node, "Baseline")
        self._sub(baseline, "Number", "0")
        if start:
            self._sub(baseline, "Start", self._fmt_date(start))
        if finish:
            self._sub(baseline, "Finish", self._fmt_date(finish))
        if cost is not None:
            self._sub(baseline, "Cost", self._fmt_cost(cost))

    @staticmethod
    def _sub(parent, tag, text=None):
        node = etree.SubElement(parent, f"{{{MSPDI_NS}}}{tag}")
        if text is not None:
            node.text = text
        return node

    @staticmethod
    def _fmt_date(moment):
        return moment.replace(microsecond=0).isoformat()

    @staticmethod
    def _fmt_cost(amount):
        return str(round((amount or 0.0) * MSPDI_COST_FACTOR))

    @staticmethod
    def _fmt_hours(hours):
        minutes = round((hours or 0.0) * 60)
        return f"PT{minutes // 60}H{minutes % 60}M0S"

    @staticmethod
    def _working_hours(start, finish):
        """Working hours between two moments on a Monday-Friday 8-hour week."""
        if finish <= start:
            return 0.0
        days = 0
        day = start.date()
        while day <= finish.date():
            if day.weekday() < 5:
                days += 1
            day += timedelta(days=1)
        return float(max(days, 1) * WORK_HOURS_PER_DAY)

    @api.model
    def _action_export(self, projects):
        """Download the MSPDI file of one project."""
        project = projects[:1]
        if not project:
            raise UserError(_("Choose the project to export."))
        data = self._export_project(project)
        attachment = self.env["ir.attachment"].create(
            {
                "name": self._export_filename(project),
                "raw": data,
                "mimetype": "application/xml",
                "res_model": "project.project",
                "res_id": project.id,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
