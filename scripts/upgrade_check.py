# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Upgrades and uninstalls lose no business data.

Run by ``make upgrade-check`` (``scripts/dev.sh upgrade-check``) on a
database with both addons and their demo data:

1. dumps the business data (every table of the addons' models and of their
   many2many relations, and the purchase, account, stock and project rows;
   ``write_date``/``write_uid`` left out, as an update legitimately rewrites
   them), runs ``-u`` of both addons twice and compares the dumps after each
   update with the first one;
2. uninstalls each addon in turn: Odoo's purchase orders, bills and projects
   that are not the addon's own demo records stay, all of them can still be
   read; the addon then installs again and they are still readable.

Prints the differing tables and exits non-zero on any difference or error.
"""

import argparse
import configparser
import io
import json
import re
import subprocess
import sys
import time

import psycopg2

CORE_TABLES = (
    "purchase_order",
    "purchase_order_line",
    "purchase_requisition",
    "purchase_requisition_line",
    "purchase_request",
    "purchase_request_line",
    "account_move",
    "account_move_line",
    "account_analytic_line",
    "stock_picking",
    "stock_move",
    "project_project",
    "project_task",
    "project_milestone",
    "project_update",
    "mail_activity",
    "mail_message",
)
# Columns an update rewrites without changing the data.
SKIPPED_COLUMNS = {"write_date", "write_uid"}
# What "Odoo's records" means in the uninstall check: (label, model, domain).
RECORDS = (
    ("purchase orders", "purchase.order", []),
    ("bills", "account.move", [("move_type", "in", ("in_invoice", "in_refund"))]),
    ("projects", "project.project", []),
)
LOG_ERROR = re.compile(r"^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) ", re.MULTILINE)
MARK = "UPGRADE-CHECK-JSON:"
# Uninstalling deletes the addon's own records; Odoo tries each in a savepoint
# and keeps the ones other records still refer to (a demo product on a bill),
# logging the refused DELETE as an error of the SQL layer.
KEPT_RECORD = re.compile(
    r"^[0-9-]+ [0-9:,]+ [0-9]+ ERROR \S+ odoo\.sql_db: bad query: "
    r"b'DELETE FROM \"(\w+)\" WHERE id IN \([0-9, ]+\)'\n"
    r"ERROR: +update or delete on table .* violates foreign key constraint .*$",
    re.MULTILINE,
)


def log(message):
    print(message, flush=True)


class Check:
    def __init__(self, args):
        self.args = args
        self.problems = []
        self.timings = []

    # ------------------------------------------------------------------
    # Odoo
    # ------------------------------------------------------------------
    def odoo(self, *options, stdin=None, command=(), tolerated=None):
        cmd = [
            sys.executable,
            self.args.odoo_bin,
            *command,
            "-c",
            self.args.config,
            "-d",
            self.args.database,
            "--no-http",
            "--log-level=warn",
            *options,
        ]
        began = time.monotonic()
        result = subprocess.run(
            cmd, input=stdin, capture_output=True, text=True, check=False
        )
        self.timings.append((" ".join(command + options), time.monotonic() - began))
        output = result.stdout + result.stderr
        if tolerated:
            kept = tolerated.findall(output)
            if kept:
                log(f"  Odoo kept {len(kept)} records still in use: {kept}")
            output = tolerated.sub("", output)
        if result.returncode or LOG_ERROR.search(output):
            log(output[-4000:])
            raise SystemExit(f"odoo {' '.join(options)} failed")
        return result.stdout

    def shell(self, code, tolerated=None):
        out = self.odoo(stdin=code, command=("shell",), tolerated=tolerated)
        lines = [line for line in out.splitlines() if line.startswith(MARK)]
        if not lines:
            log(out[-4000:])
            raise SystemExit("the shell script printed no result")
        return json.loads(lines[-1][len(MARK) :])

    def read_records(self):
        """Read every record of RECORDS through the ORM, archived ones too:
        {label: sorted ids}."""
        code = f"""
import json
result = {{}}
for label, model, domain in {RECORDS!r}:
    records = env[model].with_context(active_test=False).search(list(domain))
    records.read()
    records.invalidate_recordset()
    records.mapped("display_name")
    result[label] = sorted(records.ids)
print({MARK!r} + json.dumps(result))
"""
        return self.shell(code)

    # ------------------------------------------------------------------
    # Database
    # ------------------------------------------------------------------
    def connect(self):
        conf = configparser.ConfigParser()
        conf.read(self.args.config)
        options = conf["options"]
        params = {"dbname": self.args.database}
        for key, name in (
            ("host", "db_host"),
            ("port", "db_port"),
            ("user", "db_user"),
            ("password", "db_password"),
        ):
            value = options.get(name, "False")
            if value and value != "False":
                params[key] = value
        return psycopg2.connect(**params)

    def tables(self, cr):
        cr.execute(
            "SELECT m.model FROM ir_model m JOIN ir_model_data d "
            "ON d.model = 'ir.model' AND d.res_id = m.id WHERE d.module = ANY(%s)",
            [self.args.addons],
        )
        names = {model.replace(".", "_") for (model,) in cr.fetchall()}
        cr.execute(
            "SELECT r.name FROM ir_model_relation r JOIN ir_module_module m "
            "ON m.id = r.module WHERE m.name = ANY(%s)",
            [self.args.addons],
        )
        names |= {name for (name,) in cr.fetchall()}
        names |= set(CORE_TABLES)
        cr.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' "
            "AND table_name = ANY(%s)",
            [sorted(names)],
        )
        return sorted(name for (name,) in cr.fetchall())

    def dump(self):
        """{table: rows as text}, without the columns an update rewrites."""
        dumps = {}
        with self.connect() as conn, conn.cursor() as cr:
            for table in self.tables(cr):
                cr.execute(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_schema = 'public' AND table_name = %s "
                    "ORDER BY ordinal_position",
                    [table],
                )
                columns = [c for (c,) in cr.fetchall() if c not in SKIPPED_COLUMNS]
                quoted = ", ".join(f'"{c}"' for c in columns)
                order = '"id"' if "id" in columns else quoted
                buffer = io.StringIO()
                cr.copy_expert(
                    f'COPY (SELECT {quoted} FROM "{table}" ORDER BY {order}) TO STDOUT',
                    buffer,
                )
                dumps[table] = (columns, buffer.getvalue().splitlines())
        return dumps

    def compare(self, before, after, step):
        differing = []
        for table in sorted(set(before) | set(after)):
            if before.get(table) == after.get(table):
                continue
            old_cols, old_rows = before.get(table, ([], []))
            new_cols, new_rows = after.get(table, ([], []))
            differing.append(table)
            log(f"  {table} differs after {step}:")
            if old_cols != new_cols:
                log(f"    columns {sorted(set(old_cols) ^ set(new_cols))}")
            gone = sorted(set(old_rows) - set(new_rows))
            new = sorted(set(new_rows) - set(old_rows))
            log(f"    {len(gone)} rows before only, {len(new)} rows after only")
            for row in gone[:3]:
                log(f"    - {row[:300]}")
            for row in new[:3]:
                log(f"    + {row[:300]}")
        if differing:
            self.problems.append(f"{step} changed {', '.join(differing)}")
        return differing

    def counts(self, addon):
        """{label: (all rows, rows that are the addon's own data)}."""
        result = {}
        with self.connect() as conn, conn.cursor() as cr:
            for label, model, domain in RECORDS:
                table = model.replace(".", "_")
                where = "TRUE"
                params = [model, addon]
                if domain:
                    where = "t.move_type = ANY(%s)"
                    params.append(list(domain[0][2]))
                cr.execute(
                    f"SELECT COUNT(*), COUNT(d.id) FROM {table} t "
                    "LEFT JOIN ir_model_data d ON d.model = %s AND d.res_id = t.id "
                    f"AND d.module = %s WHERE {where}",
                    params,
                )
                result[label] = cr.fetchone()
        return result

    def module_state(self, addon):
        with self.connect() as conn, conn.cursor() as cr:
            cr.execute("SELECT state FROM ir_module_module WHERE name = %s", [addon])
            return cr.fetchone()[0]

    # ------------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------------
    def check_updates(self):
        addons = ",".join(self.args.addons)
        log("dumping the business data")
        first = self.dump()
        log(f"  {len(first)} tables, {sum(len(r) for _c, r in first.values())} rows")
        for step in ("first -u", "second -u"):
            log(f"{step} {addons}")
            self.odoo("-u", addons, "--stop-after-init")
            self.compare(first, self.dump(), step)

    def check_uninstall(self, addon):
        log(f"uninstalling {addon}")
        before = self.counts(addon)
        self.shell(
            f"env['ir.module.module'].search([('name', '=', {addon!r})])"
            ".button_immediate_uninstall()\n"
            f"print({MARK!r} + '{{}}')\n",
            tolerated=KEPT_RECORD,
        )
        if self.module_state(addon) != "uninstalled":
            self.problems.append(f"{addon} is still {self.module_state(addon)}")
        after = self.counts(addon)
        for label, (total, own) in before.items():
            left = after[label][0]
            log(
                f"  {label}: {total} before ({own} of {addon}'s demo data), "
                f"{left} after"
            )
            if left < total - own:
                self.problems.append(
                    f"uninstalling {addon} removed {total - own - left} {label}"
                )
        read = self.read_records()
        log(f"  read after uninstall: { {k: len(v) for k, v in read.items()} }")
        for label, (left, _own) in after.items():
            if len(read[label]) != left:
                self.problems.append(f"{label}: {len(read[label])} read, {left} stored")
        log(f"reinstalling {addon}")
        self.odoo("-i", addon, "--stop-after-init")
        if self.module_state(addon) != "installed":
            self.problems.append(f"{addon} is {self.module_state(addon)}")
        # A database with demo data gets the addon's demo records again.
        reread = self.read_records()
        log(f"  read after reinstall: { {k: len(v) for k, v in reread.items()} }")
        for label, ids in read.items():
            lost = sorted(set(ids) - set(reread[label]))
            if lost:
                self.problems.append(f"{addon} reinstalled: {label} {lost} lost")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--odoo-bin", required=True)
    parser.add_argument(
        "--addons", default="interzonal_procurement,pmo_portfolio", type=str
    )
    parser.add_argument("--skip-uninstall", action="store_true")
    args = parser.parse_args()
    args.addons = args.addons.split(",")
    check = Check(args)
    check.check_updates()
    if not args.skip_uninstall:
        for addon in reversed(args.addons):
            check.check_uninstall(addon)
    for step, seconds in check.timings:
        log(f"  {seconds:6.0f} s  odoo {step}")
    if check.problems:
        for problem in check.problems:
            log(f"PROBLEM: {problem}")
        log(f"upgrade check: {len(check.problems)} problems")
        return 1
    log("upgrade check: no business data changed or lost")
    return 0


if __name__ == "__main__":
    sys.exit(main())
