# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Measurements of `make bench` and the one table it prints.

Each figure is taken twice on the same data, rolled back in between: once
for the time and the SQL queries, once under ``tracemalloc`` for the peak of
Python memory (tracing slows Python down, so it never runs while timing).
The rows are printed together at the end of the run (``conftest.py``).
"""

import contextlib
import os
import time
import tracemalloc
from collections import deque
from copy import deepcopy
from dataclasses import dataclass, field

# BENCH_SCALE=0.05 builds a twentieth of the data (development runs); the
# aims stay those of the full size.
SCALE = float(os.environ.get("BENCH_SCALE") or 1.0)
RESULTS = []


def scaled(count, minimum=1):
    """``count`` at the scale of the run, at least ``minimum``."""
    return max(minimum, round(count * SCALE))


@dataclass
class Measure:
    seconds: float
    queries: int
    peak_mib: float = 0.0
    statements: list = field(default_factory=list, repr=False)
    result: object = field(default=None, repr=False)


@dataclass
class Row:
    """One line of the table: our figures beside the reference's."""

    name: str
    size: str
    ours: Measure = None
    reference: Measure = None
    reference_name: str = ""
    ratio: str = ""
    aim: str = ""
    passed: bool = None  # None: not measured (see note)
    note: str = ""

    @property
    def verdict(self):
        if self.passed is None:
            return "n/a"
        return "PASS" if self.passed else "MISS"


def record(row):
    RESULTS.append(row)
    _dump_statements(row)
    return row


def _dump_statements(row):
    """Write the SQL of the row and of its reference, one file each, in
    BENCH_SQL_DIR (by default bench-sql/ beside the table), to see where the
    queries go."""
    table = os.environ.get("BENCH_TABLE")
    folder = os.environ.get("BENCH_SQL_DIR") or (
        table and os.path.join(os.path.dirname(table), "bench-sql")
    )
    if not folder:
        return
    os.makedirs(folder, exist_ok=True)
    for kind, figures in (("ours", row.ours), ("reference", row.reference)):
        if figures is None:
            continue
        name = f"{len(RESULTS):02d}-{kind}.sql"
        with open(os.path.join(folder, name), "w", encoding="utf-8") as output:
            output.write(f"-- {row.name} ({row.size})\n")
            for statement in figures.statements:
                output.write(f"{statement};\n")


def time_ratio(ours, reference):
    if not reference.seconds:
        return "-"
    return f"{ours.seconds / reference.seconds:.2f}"


def measure(case, func, memory=True, rollback=True):
    """Run ``func()`` (with the flush of what it wrote) on a cold cache:
    seconds and SQL statements, then peak memory in a second run.

    Both runs are rolled back unless ``rollback`` is False (then there is
    no second run and no memory figure)."""
    env = case.env
    env.flush_all()
    env.invalidate_all()
    with _savepoint(env, rollback):
        statements = []
        with contextlib.contextmanager(case._patchExecute)(statements, flush=False):
            started = time.perf_counter()
            result = func()
            env.flush_all()
            seconds = time.perf_counter() - started
    figures = Measure(seconds, len(statements), 0.0, statements, result)
    if memory and rollback:
        env.invalidate_all()
        with _savepoint(env, True):
            tracemalloc.start()
            try:
                base = tracemalloc.get_traced_memory()[0]
                func()
                env.flush_all()
                peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
        figures.peak_mib = (peak - base) / 2**20
    env.invalidate_all()
    return figures


class _savepoint:
    """Roll back the database, the caches and the transaction's callbacks
    to where they were (``rollback``), else only release the savepoint."""

    def __init__(self, env, rollback):
        self.env = env
        self.rollback = rollback

    def __enter__(self):
        cr = self.env.cr
        self.callbacks = [
            (cb, deque(cb._funcs), deepcopy(cb.data))
            for cb in (cr.precommit, cr.postcommit, cr.prerollback, cr.postrollback)
        ]
        self.savepoint = cr.savepoint(flush=False)
        return self

    def __exit__(self, exc_type, exc, tb):
        rollback = self.rollback or exc_type is not None
        if rollback:
            self.env.invalidate_all(flush=False)
            self.env.transaction.clear()
        self.savepoint.close(rollback=rollback)
        if rollback:
            for callback, funcs, data in self.callbacks:
                callback._funcs = funcs
                callback.data = data
        return False


def touching(statements, table):
    """How many of ``statements`` read or write ``table``."""
    needle = f'"{table}"'
    return sum(
        1 for sql in statements if needle in str(sql) or f" {table} " in str(sql)
    )


def _seconds(value):
    if value is None:
        return "-"
    if value < 1:
        return f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


def _figures(measure_):
    if measure_ is None:
        return "-", "-", "-"
    return (
        _seconds(measure_.seconds),
        str(measure_.queries),
        f"{measure_.peak_mib:.1f}" if measure_.peak_mib else "-",
    )


HEADERS = [
    "row",
    "size",
    "time",
    "queries",
    "peak MiB",
    "reference",
    "ref time",
    "ref queries",
    "ref peak MiB",
    "ratio",
    "aim",
    "result",
]


def table_lines(rows=None):
    """The rows as a Markdown table, with the notes under it."""
    rows = RESULTS if rows is None else rows
    body = []
    for row in rows:
        ours = _figures(row.ours)
        ref = _figures(row.reference)
        body.append(
            [
                row.name,
                row.size,
                *ours,
                row.reference_name or "-",
                *ref,
                row.ratio or "-",
                row.aim,
                row.verdict,
            ]
        )
    widths = [
        max(len(str(line[i])) for line in [HEADERS, *body]) for i in range(len(HEADERS))
    ]

    def fmt(line):
        pairs = zip(line, widths, strict=True)
        cells = (str(cell).ljust(width) for cell, width in pairs)
        return "| " + " | ".join(cells) + " |"

    lines = [fmt(HEADERS), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += [fmt(line) for line in body]
    notes = [f"- {row.name} ({row.size}): {row.note}" for row in rows if row.note]
    if notes:
        lines += ["", *notes]
    return lines
