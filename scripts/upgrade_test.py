# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Upgrade from release 18.0.1.0.0 to the working tree.

Run by ``make upgrade-test`` and by ``tests/test_upgrade.py``:

1. extracts the addons of the tag ``18.0.1.0.0`` (``git archive``; the
   tagged commit itself when a clone has no tags) and installs both of
   them, without demo data, in a scratch database;
2. stores some data with that code: the former system parameters, a
   second company, a framework agreement with a lot and a confirmed
   call-off, a PMO indicator value submitted and validated;
3. updates both addons (``-u``) with the working tree's code, which runs the
   ``migrations/`` scripts;
4. reads the migrated values back and compares them with the expected ones.

Prints one line per check and, last, ``UPGRADE-TEST-JSON:`` and the values
read; exits non-zero when a check fails. The database is dropped at the end
(``--keep`` keeps it).
"""

import argparse
import configparser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ("interzonal_procurement", "pmo_portfolio")
TAG = "18.0.1.0.0"
# The last commit before the version bump, for clones without the tag.
TAG_COMMIT = "1d754ef"
LOG_ERROR = re.compile(r"^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ", re.MULTILINE)
MARK = "UPGRADE-TEST-JSON:"

# Data stored with the 18.0.1.0.0 code (run in ``odoo-bin shell``).
OLD_DATA = """
from datetime import date

from odoo import Command

Param = env["ir.config_parameter"].sudo()
Param.set_param("interzonal_procurement.consumption_steps", "50,90")
Param.set_param("interzonal_procurement.acknowledge_sla_days", "3")
Param.set_param("interzonal_procurement.low_value_threshold", "25000")
env["res.company"].create({"name": "Upgrade Zone West"})
eur = env.ref("base.EUR")
eur.active = True
vendor = env["res.partner"].create({"name": "Upgrade Hardware NV"})
product = env["product.product"].create(
    {"name": "Upgrade Laptop", "type": "consu", "supplier_taxes_id": [Command.clear()]}
)
zone = env["interzonal.zone"].create({"name": "Upgrade Zone", "code": "UPG"})
agreement = env["interzonal.framework.agreement"].create(
    {
        "name": "Upgrade ICT",
        "reference": "UPG-1",
        "date_start": date(2024, 1, 1),
        "date_end": date(2027, 12, 31),
        "lead_zone_id": zone.id,
        "currency_id": eur.id,
    }
)
lot = env["purchase.requisition"].create(
    {
        "framework_agreement_id": agreement.id,
        "lot_number": "1",
        "requisition_type": "blanket_order",
        "vendor_id": vendor.id,
        "currency_id": eur.id,
        "initial_ceiling_amount": 10000,
        "line_ids": [
            Command.create(
                {"product_id": product.id, "product_qty": 10, "price_unit": 1000}
            )
        ],
    }
)
lot.action_confirm()
order = env["purchase.order"].create(
    {
        "partner_id": vendor.id,
        "requisition_id": lot.id,
        "zone_id": zone.id,
        "currency_id": eur.id,
        "order_line": [
            Command.create(
                {
                    "product_id": product.id,
                    "product_qty": 4,
                    "price_unit": 1000,
                    "taxes_id": [Command.clear()],
                }
            )
        ],
    }
)
order.button_confirm()
user = env["res.users"].create({"name": "Upgrade Member", "login": "upgrade_member"})
project = env["project.project"].create({"name": "Upgrade Project"})
indicator = env["pmo.indicator"].create({"name": "Upgrade KPI", "code": "UPGKPI"})
env["pmo.indicator.value"].create(
    {
        "indicator_id": indicator.id,
        "project_id": project.id,
        "period_start": date(2026, 5, 1),
        "period_end": date(2026, 5, 31),
        "deadline": date(2026, 6, 5),
        "value": 42.0,
        "submitted_by": user.id,
        "validated_by": env.user.id,
    }
)
env.cr.commit()
"""

# Expected after the upgrade, per check: what the query returns.
EXPECTED = {
    "versions": [["interzonal_procurement", "18.0.2.1.0"]],
    "queue_job": ["installed"],
    "crons": [
        ["model._cron_compute_scorecards_jobs()"],
        ["model._cron_indicators_jobs()"],
    ],
    "company_settings": [["50,90", 3, 25000.0]] * 2,
    "parameters_left": 0,
    "parameter_xmlids_left": 0,
    "lot": ["UPG-1", 10000.0, 4000.0, 40.0],
    "call_off": ["purchase", "UPG", 4000.0],
    "indicator_value": [42.0, "upgrade_member", "__system__"],
}


def log(message):
    print(message, flush=True)


class UpgradeTest:
    def __init__(self, args):
        self.args = args
        self.config = configparser.ConfigParser()
        self.config.read(args.config)
        self.options = self.config["options"]
        self.work = Path(tempfile.mkdtemp(prefix="interzonal_upgrade_"))

    # -- set-up ----------------------------------------------------------
    def source_revision(self):
        for rev in (TAG, TAG_COMMIT):
            found = subprocess.run(
                [
                    "git",
                    "-C",
                    str(ROOT),
                    "rev-parse",
                    "--verify",
                    "-q",
                    f"{rev}^{{commit}}",
                ],
                capture_output=True,
                text=True,
            )
            if found.returncode == 0:
                return rev
        raise SystemExit(
            f"Neither the tag {TAG} nor the commit {TAG_COMMIT} is in this clone: "
            "fetch it (git fetch --tags, or a deeper clone)."
        )

    def extract_old_addons(self, rev):
        old = self.work / "addons"
        old.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", rev, *ADDONS],
            check=True,
            capture_output=True,
        )
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
        return old

    def write_config(self, name, addons_dir):
        paths = [
            str(addons_dir) if Path(path).resolve() == ROOT else path
            for path in self.options["addons_path"].split(",")
        ]
        config = configparser.ConfigParser()
        config["options"] = dict(self.options)
        config["options"]["addons_path"] = ",".join(paths)
        config["options"]["data_dir"] = str(self.work / "data")
        path = self.work / f"{name}.conf"
        with path.open("w") as handle:
            config.write(handle)
        return path

    def odoo(self, conf, *args, stdin=None):
        # a subcommand (shell) comes before the options
        command = [args[0]] if args[0] == "shell" else []
        args = args[len(command) :]
        cmd = [
            sys.executable,
            self.args.odoo_bin,
            *command,
            "-c",
            str(conf),
            "-d",
            self.args.database,
            "--no-http",
            "--log-level=warn",
            *args,
        ]
        started = time.monotonic()
        run = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
        out = run.stdout + run.stderr
        if run.returncode or LOG_ERROR.search(out):
            log(out[-6000:])
            raise SystemExit(f"odoo-bin {' '.join(command or args[:2])} failed")
        label = " ".join(command or args[:2])
        log(f"   odoo-bin {label}: {time.monotonic() - started:.0f} s")

    def connect(self):
        kwargs = {"dbname": self.args.database}
        for key, option in (
            ("host", "db_host"),
            ("port", "db_port"),
            ("user", "db_user"),
        ):
            value = self.options.get(option)
            if value and value != "False":
                kwargs[key] = value
        return psycopg2.connect(**kwargs)

    def dropdb(self):
        subprocess.run(
            ["dropdb", "--if-exists", self.args.database],
            env=self.pg_env(),
            capture_output=True,
        )

    def pg_env(self):
        env = dict(os.environ)
        for var, option in (
            ("PGHOST", "db_host"),
            ("PGPORT", "db_port"),
            ("PGUSER", "db_user"),
        ):
            value = self.options.get(option)
            if value and value != "False":
                env[var] = value
        return env

    # -- checks ----------------------------------------------------------
    def read_values(self):
        with self.connect() as conn, conn.cursor() as cr:

            def rows(query, *params):
                cr.execute(query, params)
                return [list(row) for row in cr.fetchall()]

            cr.execute(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_name = 'pmo_indicator_value'"
            )
            columns = {row[0] for row in cr.fetchall()}
            # pmo_portfolio names its Many2one fields with an _id suffix from
            # 18.0.2.0.0 on: read whichever column this version has.
            submitted, validated = (
                ("submitted_by_id", "validated_by_id")
                if "submitted_by_id" in columns
                else ("submitted_by", "validated_by")
            )
            [lot] = rows(
                "SELECT a.reference, l.ceiling_amount, l.committed_amount, "
                "l.consumption_percent FROM purchase_requisition l "
                "JOIN interzonal_framework_agreement a "
                "ON a.id = l.framework_agreement_id"
            )
            [call_off] = rows(
                "SELECT o.state, z.code, o.call_off_amount FROM purchase_order o "
                "JOIN interzonal_zone z ON z.id = o.zone_id"
            )
            [value] = rows(
                f"SELECT v.value, s.login, w.login FROM pmo_indicator_value v "
                f"JOIN res_users s ON s.id = v.{submitted} "
                f"JOIN res_users w ON w.id = v.{validated}"
            )
            return {
                "versions": rows(
                    "SELECT name, latest_version FROM ir_module_module "
                    "WHERE name = 'interzonal_procurement'"
                ),
                "queue_job": [
                    state
                    for [state] in rows(
                        "SELECT state FROM ir_module_module WHERE name = 'queue_job'"
                    )
                ],
                "crons": rows(
                    "SELECT a.code FROM ir_cron c "
                    "JOIN ir_act_server a ON a.id = c.ir_actions_server_id "
                    "JOIN ir_model_data d ON d.model = 'ir.cron' AND d.res_id = c.id "
                    "WHERE (d.module, d.name) IN (%s, %s) ORDER BY d.module",
                    ("interzonal_procurement", "ir_cron_compute_scorecards"),
                    ("pmo_portfolio", "ir_cron_pmo_indicators"),
                ),
                "pmo_version": rows(
                    "SELECT latest_version FROM ir_module_module "
                    "WHERE name = 'pmo_portfolio' AND state = 'installed'"
                ),
                "company_settings": rows(
                    "SELECT interzonal_consumption_steps, interzonal_acknowledge_days, "
                    "interzonal_low_value_threshold::float FROM res_company ORDER BY id"
                ),
                "parameters_left": rows(
                    "SELECT count(*) FROM ir_config_parameter WHERE key IN %s",
                    (
                        "interzonal_procurement.consumption_steps",
                        "interzonal_procurement.acknowledge_sla_days",
                        "interzonal_procurement.low_value_threshold",
                    ),
                )[0][0],
                "parameter_xmlids_left": rows(
                    "SELECT count(*) FROM ir_model_data WHERE module = "
                    "'interzonal_procurement' AND model = 'ir.config_parameter'"
                )[0][0],
                "lot": [lot[0], float(lot[1]), float(lot[2]), float(lot[3])],
                "call_off": [call_off[0], call_off[1], float(call_off[2])],
                "indicator_value": [float(value[0]), value[1], value[2]],
            }

    def run(self):
        started = time.monotonic()
        rev = self.source_revision()
        self.dropdb()
        try:
            log(f"== {ADDONS} at {rev} in a scratch database {self.args.database}")
            old_conf = self.write_config("old", self.extract_old_addons(rev))
            self.odoo(
                old_conf,
                "-i",
                ",".join(ADDONS),
                "--without-demo=all",
                "--stop-after-init",
            )
            log("== data stored with the old code")
            self.odoo(old_conf, "shell", stdin=OLD_DATA)
            log("== update with the working tree")
            new_conf = self.write_config("new", ROOT)
            self.odoo(new_conf, "-u", ",".join(ADDONS), "--stop-after-init")
            values = self.read_values()
        finally:
            if not self.args.keep:
                self.dropdb()
            shutil.rmtree(self.work, ignore_errors=True)
        failed = 0
        for key, expected in EXPECTED.items():
            ok = values[key] == expected
            failed += not ok
            log(
                f"   {'ok  ' if ok else 'FAIL'} {key}: {values[key]!r}"
                + ("" if ok else f" (expected {expected!r})")
            )
        log(f"== {time.monotonic() - started:.0f} s, {failed} check(s) failed")
        log(MARK + json.dumps(values))
        return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True, help="odoo.conf of the working tree")
    parser.add_argument("--odoo-bin", required=True)
    parser.add_argument("--database", default="interzonal_upgrade_test")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    sys.exit(UpgradeTest(parser.parse_args()).run())


if __name__ == "__main__":
    main()
