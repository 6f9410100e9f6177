# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Known plans written and read with MPXJ, an independent implementation
of the MS Project formats (Java, through JPype)."""

import os
import tempfile
from datetime import datetime, timedelta

import jpype
import mpxj  # noqa: F401  (puts the MPXJ jars on the JVM class path)

# Six phases: each a summary task, its work tasks and a closing milestone.
# 6 + 28 + 6 = 40 tasks.
PHASES = (5, 5, 5, 5, 4, 4)
PLAN_START = datetime(2026, 1, 5, 8, 0)  # a Monday
# The last milestone slips one week in the schedule against its baseline.
LAST_MILESTONE_SLIP = timedelta(days=7)


def build_plan(phases=PHASES, start=PLAN_START, cost_step=1000.0):
    """Rows of a plan: one work task a week, Monday 8:00 to Friday 17:00;
    task n costs n x ``cost_step`` in the baseline."""
    rows, week, number = [], 0, 0
    for phase, size in enumerate(phases, 1):
        rows.append(
            {"name": f"Phase {phase}", "level": 1, "summary": True, "milestone": False}
        )
        for _index in range(size):
            number += 1
            begin = start + timedelta(weeks=week)
            end = begin + timedelta(days=4, hours=9)
            week += 1
            rows.append(
                {
                    "name": f"Task {number}",
                    "level": 2,
                    "summary": False,
                    "milestone": False,
                    "start": begin,
                    "finish": end,
                    "baseline_start": begin,
                    "baseline_finish": end,
                    "baseline_cost": number * cost_step,
                }
            )
        moment = rows[-1]["finish"]
        scheduled = moment + (
            LAST_MILESTONE_SLIP if phase == len(phases) else timedelta()
        )
        rows.append(
            {
                "name": f"Milestone {phase}",
                "level": 2,
                "summary": False,
                "milestone": True,
                "start": scheduled,
                "finish": scheduled,
                "baseline_start": moment,
                "baseline_finish": moment,
                "baseline_cost": 0.0,
            }
        )
    return rows


# Odoo's server caps the address space of its process (limit_memory_hard):
# keep what the JVM reserves small, or it cannot start under that cap.
JVM_OPTIONS = (
    "-Xms32m",
    "-Xmx256m",
    "-Xss1m",
    "-XX:+UseSerialGC",
    "-XX:ReservedCodeCacheSize=48m",
    "-XX:MaxMetaspaceSize=128m",
    "-XX:CompressedClassSpaceSize=64m",
)


def _start_jvm():
    if not jpype.isJVMStarted():
        jpype.startJVM(*JVM_OPTIONS, convertStrings=True, interrupt=False)


def _java_date(moment):
    from java.time import LocalDateTime  # pylint: disable=import-error

    return LocalDateTime.of(
        moment.year, moment.month, moment.day, moment.hour, moment.minute
    )


def _python_date(value):
    return datetime.fromisoformat(str(value)) if value is not None else None


def write_plan(rows):
    """The MSPDI file (bytes) of ``rows``, written by MPXJ."""
    _start_jvm()
    from java.lang import Double  # pylint: disable=import-error
    from org.mpxj import Duration, ProjectFile, TimeUnit  # pylint: disable=import-error
    from org.mpxj.mspdi import MSPDIWriter  # pylint: disable=import-error

    project = ProjectFile()
    project.addDefaultBaseCalendar()
    project.getProjectProperties().setStartDate(_java_date(rows[1]["start"]))
    parents = {}
    for row in rows:
        parent = parents.get(row["level"] - 1)
        task = parent.addTask() if parent else project.addTask()
        task.setName(row["name"])
        parents[row["level"]] = task
        if row["summary"]:
            continue
        task.setMilestone(row["milestone"])
        task.setStart(_java_date(row["start"]))
        task.setFinish(_java_date(row["finish"]))
        days = 0 if row["milestone"] else 5
        task.setDuration(Duration.getInstance(days, TimeUnit.DAYS))
        task.setBaselineStart(_java_date(row["baseline_start"]))
        task.setBaselineFinish(_java_date(row["baseline_finish"]))
        if row["baseline_cost"]:
            task.setBaselineCost(Double(row["baseline_cost"]))
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "plan.xml")
        MSPDIWriter().write(project, path)
        with open(path, "rb") as handle:
            return handle.read()


def read_plan(data):
    """Read MSPDI ``data`` with MPXJ: (project summary row, task rows)."""
    _start_jvm()
    from org.mpxj.reader import UniversalProjectReader  # pylint: disable=import-error

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "export.xml")
        with open(path, "wb") as handle:
            handle.write(data)
        project = UniversalProjectReader().read(path)
    summary, rows = None, []
    for task in project.getTasks():
        cost = task.getBaselineCost()
        actual = task.getActualCost()
        row = {
            "uid": int(task.getUniqueID()),
            "name": str(task.getName()),
            "level": int(task.getOutlineLevel()),
            "summary": bool(task.getSummary()),
            "milestone": bool(task.getMilestone()),
            "start": _python_date(task.getStart()),
            "finish": _python_date(task.getFinish()),
            "baseline_start": _python_date(task.getBaselineStart()),
            "baseline_finish": _python_date(task.getBaselineFinish()),
            "baseline_cost": float(cost.doubleValue()) if cost is not None else 0.0,
            "actual_cost": float(actual.doubleValue()) if actual is not None else 0.0,
        }
        if row["uid"] == 0:
            summary = row
        else:
            rows.append(row)
    return summary, rows
