"""MS Project XML (MSPDI) files: read a plan, turn it into tasks and
milestones of a project, and write a project back as MSPDI."""

import re
from collections import defaultdict
from datetime import datetime, time, timedelta

from lxml import etree

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_round

MSPDI_NS = "http://schemas.microsoft.com/project"
# MSPDI writes money in hundredths of the currency unit.
MSPDI_COST_FACTOR = 100.0
DURATION_RE = re.compile(
    r"^-?PT(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?$"
)
WORK_HOURS_PER_DAY = 8
DAY_START = time(8, 0)
DAY_END = time(17, 0)
# Fields of a task that an import sets, compared to decide what changes.
TASK_FIELDS = (
    "name",
    "sequence",
    "pmo_date_start",
    "date_deadline",
    "allocated_hours",
    "pmo_baseline_start",
    "pmo_baseline_finish",
    "pmo_baseline_cost",
)
MILESTONE_FIELDS = ("name", "deadline", "pmo_baseline_date", "planned_value")


def _safe_parser():
    """A parser that resolves no entity, loads no DTD and reads no network."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


class PmoMspdi(models.AbstractModel):
    _name = "pmo.mspdi"
    _description = "MS Project XML (MSPDI) Import and Export"

    # ------------------------------------------------------------------
    # Reading
    # ------------------------------------------------------------------

    @api.model
    def _parse_plan(self, data):
        """Read MSPDI ``data`` (bytes) into a plan.

        Returns ``{"title", "currency", "tasks": [...]}``, each task a dict
        with uid, name, level, parent_uid, summary, milestone, start, finish,
        work, baseline_start, baseline_finish, baseline_cost and actual_cost.
        Raises a UserError that says what is wrong, before anything changes.
        """
        if not data:
            raise UserError(_("Choose an MS Project XML file to import."))
        try:
            tree = etree.fromstring(data, parser=_safe_parser()).getroottree()
        except (etree.XMLSyntaxError, ValueError) as error:
            raise UserError(
                _(
                    "The file is not a readable XML file: %(error)s",
                    error=str(error),
                )
            ) from error
        if tree.docinfo.doctype:
            raise UserError(
                _(
                    "The file declares a document type (DOCTYPE). MS Project XML "
                    "files have none; such files are refused."
                )
            )
        root = tree.getroot()
        if root.tag != f"{{{MSPDI_NS}}}Project":
            raise UserError(
                _(
                    "The file is not an MS Project XML (MSPDI) file: its root "
                    "element is %(root)s instead of Project in the MS Project "
                    "namespace.",
                    root=etree.QName(root).localname,
                )
            )
        task_nodes = root.findall(f"{{{MSPDI_NS}}}Tasks/{{{MSPDI_NS}}}Task")
        tasks, seen, project_task = [], set(), None
        parents = {}  # outline level -> uid of the last task at that level
        for position, node in enumerate(task_nodes, 1):
            task = self._parse_task(node, position)
            if task is None:
                continue
            if task["level"] == 0:
                project_task = task
                continue
            if task["uid"] in seen:
                raise UserError(
                    _(
                        "Task UID %(uid)s appears twice in the MS Project file.",
                        uid=task["uid"],
                    )
                )
            seen.add(task["uid"])
            task["parent_uid"] = parents.get(task["level"] - 1)
            parents[task["level"]] = task["uid"]
            for level in [lv for lv in parents if lv > task["level"]]:
                del parents[level]
            tasks.append(task)
        if not tasks:
            raise UserError(_("The MS Project file has no task to import."))
        self._fill_summary_dates(tasks)
        return {
            "title": self._text(root, "Title") or self._text(root, "Name"),
            "currency": self._text(root, "CurrencyCode"),
            "project_task": project_task,
            "tasks": tasks,
        }

    @api.model
    def _text(self, node, tag):
        child = node.find(f"{{{MSPDI_NS}}}{tag}")
        if child is None or child.text is None:
            return None
        return child.text.strip() or None

    @api.model
    def _parse_task(self, node, position):
        name = self._text(node, "Name")
        label = name or _("number %(position)s", position=position)
        if self._text(node, "IsNull") == "1":
            return None
        uid = self._text(node, "UID")
        if uid is None or not uid.lstrip("-").isdigit():
            raise UserError(
                _(
                    "Task %(task)s of the MS Project file has no valid unique ID "
                    "(UID).",
                    task=label,
                )
            )
        level = self._number(node, "OutlineLevel", label, int)
        if level is None:
            level = 0 if uid == "0" else 1
        if level and not name:
            raise UserError(
                _("Task UID %(uid)s of the MS Project file has no name.", uid=uid)
            )
        baseline = None
        for candidate in node.findall(f"{{{MSPDI_NS}}}Baseline"):
            if (self._text(candidate, "Number") or "0") == "0":
                baseline = candidate
                break
        cost = self._number(baseline, "Cost", label) if baseline is not None else None
        actual = self._number(node, "ActualCost", label)
        return {
            "uid": uid,
            "name": name,
            "level": level,
            "parent_uid": None,
            "summary": self._text(node, "Summary") == "1",
            "milestone": self._text(node, "Milestone") == "1",
            "start": self._date(node, "Start", label),
            "finish": self._date(node, "Finish", label),
            "work": self._duration_hours(node, "Work", label),
            "percent": self._number(node, "PercentComplete", label) or 0.0,
            "baseline_start": self._date(baseline, "Start", label)
            if baseline is not None
            else None,
            "baseline_finish": self._date(baseline, "Finish", label)
            if baseline is not None
            else None,
            "baseline_cost": (cost or 0.0) / MSPDI_COST_FACTOR,
            "has_baseline_cost": cost is not None,
            "actual_cost": (actual or 0.0) / MSPDI_COST_FACTOR,
        }

    def _invalid(self, label, tag, value):
        return UserError(
            _(
                "Task %(task)s of the MS Project file has an invalid %(field)s: "
                "%(value)s.",
                task=label,
                field=tag,
                value=value,
            )
        )

    @api.model
    def _number(self, node, tag, label, kind=float):
        value = self._text(node, tag)
        if value is None:
            return None
        try:
            return kind(value)
        except ValueError as error:
            raise self._invalid(label, tag, value) from error

    @api.model
    def _date(self, node, tag, label):
        value = self._text(node, tag)
        if value is None:
            return None
        try:
            return datetime.fromisoformat(value).replace(tzinfo=None, microsecond=0)
        except ValueError as error:
            raise self._invalid(label, tag, value) from error

    @api.model
    def _duration_hours(self, node, tag, label):
        value = self._text(node, tag)
        if value is None:
            return None
        match = DURATION_RE.match(value)
        if not match:
            raise self._invalid(label, tag, value)
        hours, minutes, seconds = (float(match[g] or 0) for g in "hms")
        return hours + minutes / 60.0 + seconds / 3600.0

    @api.model
    def _fill_summary_dates(self, tasks):
        """Summary tasks without dates span their sub-tasks."""
        by_uid = {task["uid"]: task for task in tasks}
        keys = (
            ("start", min),
            ("finish", max),
            ("baseline_start", min),
            ("baseline_finish", max),
        )
        missing = {
            task["uid"]: {key for key, _pick in keys if task[key] is None}
            for task in tasks
        }
        for task in sorted(tasks, key=lambda t: -t["level"]):
            parent = by_uid.get(task["parent_uid"])
            if not parent:
                continue
            for key, pick in keys:
                if task[key] and key in missing[parent["uid"]]:
                    parent[key] = pick(filter(None, (parent[key], task[key])))

    # ------------------------------------------------------------------
    # What an import changes
    # ------------------------------------------------------------------

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

    # ------------------------------------------------------------------
    # Writing
    # ------------------------------------------------------------------

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
