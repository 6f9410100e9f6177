# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""MS Project XML (MSPDI) files read into a plan: the tasks with their
hierarchy, dates, work and Baseline 0, checked before anything changes."""

import re
from datetime import datetime

from lxml import etree

from odoo import _, api, models
from odoo.exceptions import UserError

MSPDI_NS = "http://schemas.microsoft.com/project"
# MSPDI writes money in hundredths of the currency unit.
MSPDI_COST_FACTOR = 100.0
DURATION_RE = re.compile(
    r"^-?PT(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?$"
)


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


class PmoMspdiReader(models.AbstractModel):
    _name = "pmo.mspdi.reader"
    _description = "MS Project XML (MSPDI) Reader"

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
