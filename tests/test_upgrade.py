# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Upgrade of a database of release 18.0.1.0.0 to the working tree (see
``scripts/upgrade_test.py``, also run alone by ``make upgrade-test``)."""

import json
import subprocess
import sys
from pathlib import Path

import odoo
from odoo.tools import config

from .common import CrossAddonCase

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "upgrade_test.py"
MARK = "UPGRADE-TEST-JSON:"


class TestUpgrade(CrossAddonCase):
    def test_upgrade_from_18_0_1_0_0(self):
        """A database of 18.0.1.0.0 with both addons updates to the working
        tree: every company takes the former system parameters, which go;
        lots, call-offs and PMO indicator values keep their figures; queue_job,
        a later dependency, is installed and the crons queue their jobs."""
        odoo_bin = Path(odoo.__file__).resolve().parent.parent / "odoo-bin"
        run = subprocess.run(
            [
                sys.executable,
                str(SCRIPT),
                "--config",
                config.rcfile,
                "--odoo-bin",
                str(odoo_bin),
                "--database",
                f"{self.env.cr.dbname}_upgrade",
            ],
            capture_output=True,
            text=True,
            timeout=1200,
        )
        output = run.stdout + run.stderr
        [line] = [line for line in output.splitlines() if line.startswith(MARK)] or [
            self.fail(output[-4000:])
        ]
        values = json.loads(line[len(MARK) :])
        self.assertEqual(values["versions"], [["interzonal_procurement", "18.0.2.1.0"]])
        self.assertEqual(values["queue_job"], ["installed"], "new dependency")
        self.assertEqual(
            values["crons"],
            [
                ["model._cron_compute_scorecards_jobs()"],
                ["model._cron_indicators_jobs()"],
            ],
            "the crons queue their work as jobs",
        )
        self.assertEqual(len(values["pmo_version"]), 1, "pmo_portfolio installed")
        self.assertEqual(
            values["company_settings"],
            [["50,90", 3, 25000.0], ["50,90", 3, 25000.0]],
            "every company takes the values of the former parameters",
        )
        self.assertEqual(values["parameters_left"], 0)
        self.assertEqual(values["parameter_xmlids_left"], 0)
        self.assertEqual(values["lot"], ["UPG-1", 10000.0, 4000.0, 40.0])
        self.assertEqual(values["call_off"], ["purchase", "UPG", 4000.0])
        self.assertEqual(
            values["indicator_value"], [42.0, "upgrade_member", "__system__"]
        )
        self.assertEqual(run.returncode, 0, output[-4000:])
