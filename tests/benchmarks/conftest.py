# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Print the table of `make bench` once every row is measured."""

import os
import time

from . import bench


def pytest_terminal_summary(terminalreporter):
    if not bench.RESULTS:
        return
    load = os.getloadavg()
    lines = [
        f"`make bench` on {os.cpu_count()} CPU cores, "
        f"scale {bench.SCALE:g}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1 / 5 / 15 min)",
        "",
        *bench.table_lines(),
    ]
    terminalreporter.section("benchmarks")
    for line in lines:
        terminalreporter.write_line(line)
    path = os.environ.get("BENCH_TABLE")
    if path:
        with open(path, "w", encoding="utf-8") as output:
            output.write("\n".join(lines) + "\n")
