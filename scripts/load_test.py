# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Concurrent call-off confirmations on a real multi-process Odoo server.

Run by ``make load`` (``scripts/dev.sh load``) on a database that has both
addons installed without demo data.

1. Seeds through the ORM (``odoo-bin shell``), once per server mode and
   named after it so that the runs stay apart: a framework agreement with
   three lots (ceilings and zone quotas), four zones, twenty buyers of those
   zones (real users with a password, in English, Dutch and French) and many
   draft call-offs.
2. For each server mode (by default ``--workers=4``, then ``--workers=0``,
   one threaded process, as the reference): starts Odoo bound to 127.0.0.1
   on its own port, logs the buyers in, lets them confirm their call-offs
   concurrently over ``/jsonrpc`` (``execute_kw`` with their password) for a
   bounded time and number of requests, and stops the server.
3. Checks in the database that no lot passed its ceiling nor any zone its
   quota, that the stored committed amounts equal the sum of the confirmed
   call-offs, that exactly the call-offs the clients saw confirmed are
   confirmed (with their receipts), that every refusal is the ceiling or
   quota message in the buyer's language, and that nothing else went wrong.

It prints confirmations per second and the p50/p95 latency of each mode side
by side, and exits non-zero when any check fails.
"""

import argparse
import configparser
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import polib
import psycopg2

ROOT = Path(__file__).resolve().parent.parent
ADDON = "interzonal_procurement"
HOST = "127.0.0.1"
LANGS = ("en_US", "nl_BE", "fr_BE")
# the file of the lots' ceiling and quota refusals
REFUSAL_SOURCE = "models/purchase_requisition_ceiling.py"
PO_FILES = {"en_US": None, "nl_BE": "nl.po", "fr_BE": "fr.po"}
ZONES = 4
# (ceiling, {zone index: quota}); call-offs cost 100 to 999. The zones run
# out of quota in lot A, lot B reaches its ceiling after about ten call-offs,
# lot C keeps accepting call-offs except those of zone 4 (small quota).
LOTS = {
    "A": (12000.0, {0: 2000.0, 1: 3000.0, 2: 3000.0, 3: 3000.0}),
    "B": (5000.0, {}),
    "C": (10000000.0, {3: 2000.0}),
}


def log(message):
    print(message, flush=True)


# ----------------------------------------------------------------------
# JSON-RPC
# ----------------------------------------------------------------------
class RpcError(Exception):
    def __init__(self, error):
        data = error.get("data") or {}
        self.name = data.get("name") or error.get("message") or "?"
        self.message = data.get("message") or error.get("message") or ""
        super().__init__(f"{self.name}: {self.message}")


class Client:
    """One buyer's JSON-RPC connection to the server.

    ``session`` protocol: logs in once through ``/web/session/authenticate``
    and calls ``/web/dataset/call_kw`` with the session cookie, as the web
    client does. ``jsonrpc`` protocol: ``execute_kw`` on ``/jsonrpc`` with
    the password on every call, as external scripts do.
    """

    def __init__(self, port, db, protocol, login, password, lang, timeout=300):
        self.base = f"http://{HOST}:{port}"
        self.db = db
        self.protocol = protocol
        self.login = login
        self.password = password
        self.context = {"lang": lang}
        self.timeout = timeout
        self.cookie = None
        self.uid = None

    def post(self, path, params):
        payload = json.dumps(
            {"jsonrpc": "2.0", "method": "call", "params": params, "id": 1}
        ).encode()
        headers = {"Content-Type": "application/json"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        request = urllib.request.Request(self.base + path, payload, headers)
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            cookie = response.headers.get("Set-Cookie")
            if cookie and cookie.startswith("session_id="):
                self.cookie = cookie.split(";", 1)[0]
            body = json.load(response)
        if body.get("error"):
            raise RpcError(body["error"])
        return body.get("result")

    def authenticate(self):
        if self.protocol == "session":
            info = self.post(
                "/web/session/authenticate",
                {"db": self.db, "login": self.login, "password": self.password},
            )
            self.uid = info["uid"]
        else:
            self.uid = self.post(
                "/jsonrpc",
                {
                    "service": "common",
                    "method": "authenticate",
                    "args": [self.db, self.login, self.password, {}],
                },
            )
        if not self.uid:
            raise SystemExit(f"login {self.login} refused")

    def execute(self, model, method, args):
        kwargs = {"context": self.context}
        if self.protocol == "session":
            return self.post(
                f"/web/dataset/call_kw/{model}/{method}",
                {"model": model, "method": method, "args": args, "kwargs": kwargs},
            )
        return self.post(
            "/jsonrpc",
            {
                "service": "object",
                "method": "execute_kw",
                "args": [self.db, self.uid, self.password, model, method, args, kwargs],
            },
        )


# ----------------------------------------------------------------------
# Server
# ----------------------------------------------------------------------
class Server:
    def __init__(self, args, workers, logfile):
        self.args = args
        self.workers = workers
        self.logfile = logfile
        self.process = None

    def start(self):
        cmd = [
            sys.executable,
            self.args.odoo_bin,
            "-c",
            self.args.config,
            "-d",
            self.args.database,
            f"--db-filter=^{re.escape(self.args.database)}$",
            f"--workers={self.workers}",
            "--max-cron-threads=0",
            f"--http-interface={HOST}",
            f"--http-port={self.args.port}",
            f"--gevent-port={self.args.gevent_port}",
            "--limit-time-real=120",
            "--limit-time-cpu=60",
            "--limit-request=65536",
            "--no-database-list",
            "--log-level=info",
            f"--logfile={self.logfile}",
        ]
        self.process = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        url = f"http://{HOST}:{self.args.port}/web/health"
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"Odoo stopped at start, see {self.logfile}")
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(1)
        raise SystemExit(f"Odoo does not answer on {url}, see {self.logfile}")

    def stop(self):
        if not self.process or self.process.poll() is not None:
            return
        # The server runs in its own session: stop it with its workers.
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


# ----------------------------------------------------------------------
# Seed data, written through the ORM by `odoo-bin shell` before the server
# starts (one transaction, no request overhead)
# ----------------------------------------------------------------------
SEED_CODE = r"""
import json
import random
from datetime import date, timedelta

from odoo import Command
from odoo.tools import SQL

params = json.loads(PARAMS)
env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True))
today = date.today()
rng = random.Random(14)
group_user = env.ref("base.group_user")
group_buyer = env.ref("interzonal_procurement.group_buyer")
# One password hash for every buyer: hashing costs about half a second each.
hashed = env["res.users"]._crypt_context().hash(params["password"])
result = {}
for label in params["labels"]:
    vendor = env["res.partner"].create(
        {"name": f"Load {label} Vendor", "is_company": True}
    )
    product = env["product.product"].create(
        {"name": f"Load {label} Laptop", "type": "consu", "purchase_ok": True}
    )
    zones = env["interzonal.zone"].create(
        [
            {"name": f"Load {label} Zone {index + 1}", "code": f"L{label}{index + 1}"}
            for index in range(params["zones"])
        ]
    )
    agreement = env["interzonal.framework.agreement"].create(
        {
            "name": f"Load {label} Agreement",
            "reference": f"LOAD-{label}",
            "date_start": today - timedelta(days=365),
            "date_end": today + timedelta(days=700),
            "lead_zone_id": zones[0].id,
            "participation_ids": [
                Command.create(
                    {
                        "zone_id": zone.id,
                        "date_joined": today - timedelta(days=300),
                        "decision_reference": f"LOAD-{label}-ACC-{zone.code}",
                    }
                )
                for zone in zones[1:]
            ],
        }
    )
    lots = {}
    for number, (ceiling, quotas) in params["lots"].items():
        lot = env["purchase.requisition"].create(
            {
                "framework_agreement_id": agreement.id,
                "lot_number": number,
                "requisition_type": "blanket_order",
                "vendor_id": vendor.id,
                "initial_ceiling_amount": ceiling,
                "estimated_amount": ceiling,
                "line_ids": [
                    Command.create(
                        {"product_id": product.id, "product_qty": 1000, "price_unit": 1}
                    )
                ],
                "allocation_ids": [
                    Command.create({"zone_id": zones[int(index)].id, "amount": amount})
                    for index, amount in quotas.items()
                ],
            }
        )
        lot.action_confirm()
        lots[number] = lot.id
    buyers = []
    for index in range(params["clients"]):
        lang = params["langs"][index % len(params["langs"])]
        zone = zones[index % len(zones)]
        user = env["res.users"].create(
            {
                "name": f"Load {label} Buyer {index + 1}",
                "login": f"load_{label.lower()}_buyer_{index + 1}",
                "lang": lang,
                "groups_id": [Command.set((group_user | group_buyer).ids)],
            }
        )
        zone.user_ids = [Command.link(user.id)]
        env.cr.execute(
            SQL("UPDATE res_users SET password = %s WHERE id = %s", hashed, user.id)
        )
        orders = env["purchase.order"].create(
            [
                {
                    "partner_id": vendor.id,
                    "requisition_id": lots[rng.choice(sorted(lots))],
                    "zone_id": zone.id,
                    "user_id": user.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_qty": 1,
                                "price_unit": float(rng.randrange(100, 1000)),
                                "taxes_id": [Command.clear()],
                            }
                        )
                    ],
                }
                for _index in range(params["orders_per_client"])
            ]
        )
        buyers.append(
            {
                "uid": user.id,
                "login": user.login,
                "lang": lang,
                "zone": zone.id,
                "orders": orders.ids,
            }
        )
    result[label] = {"lots": lots, "buyers": buyers}
env.cr.commit()
print(MARK + json.dumps(result))
"""
MARK = "LOAD-TEST-JSON:"
CONCURRENCY_ERRORS = (
    "psycopg2.errors.SerializationFailure",
    "psycopg2.errors.DeadlockDetected",
    "psycopg2.errors.LockNotAvailable",
)


def seed(args, labels, password):
    """Create, per run label, the agreement, lots, zones, buyers and drafts."""
    params = {
        "labels": labels,
        "password": password,
        "zones": ZONES,
        "lots": {
            number: [ceiling, quotas] for number, (ceiling, quotas) in LOTS.items()
        },
        "clients": args.clients,
        "orders_per_client": args.orders_per_client,
        "langs": LANGS,
    }
    code = f"PARAMS = {json.dumps(params)!r}\nMARK = {MARK!r}\n{SEED_CODE}"
    result = subprocess.run(
        [
            sys.executable,
            args.odoo_bin,
            "shell",
            "-c",
            args.config,
            "-d",
            args.database,
            "--no-http",
            "--log-level=warn",
        ],
        input=code,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith(MARK)]
    if result.returncode or not lines:
        print(result.stdout[-3000:], result.stderr[-3000:])
        raise SystemExit("seeding the load-test data failed")
    data = json.loads(lines[-1][len(MARK) :])
    for run in data.values():
        for buyer in run["buyers"]:
            buyer["password"] = password
    return data


# ----------------------------------------------------------------------
# Refusal messages: the ceiling and quota messages, in every language
# ----------------------------------------------------------------------
def template_regex(template):
    parts = re.split(r"%\((\w+)\)s", template)
    pattern = ""
    for index, part in enumerate(parts):
        if index % 2:
            pattern += f"(?P<{part}>.+?)" if f"(?P<{part}>" not in pattern else ".+?"
        else:
            pattern += re.escape(part.replace("%%", "%"))
    return re.compile(pattern + "$", re.DOTALL)


def refusal_patterns():
    """``{lang: [(kind, regex)]}`` from the addon's .pot and .po files.

    The ceiling and quota refusals of a call-off confirmation are the messages
    of ``models/purchase_requisition_ceiling.py`` that name the lot and what
    is left of it; built from the catalogues so that a rewording does not
    break the check.
    """
    i18n = ROOT / ADDON / "i18n"
    pot = polib.pofile(str(i18n / f"{ADDON}.pot"))
    msgids = [
        entry.msgid
        for entry in pot
        if any(REFUSAL_SOURCE in path for path, _line in entry.occurrences)
        and "%(lot)s" in entry.msgid
        and "%(remaining)s" in entry.msgid
    ]
    if not msgids:
        raise SystemExit("no ceiling or quota message found in the catalogue")
    patterns = {}
    for lang, filename in PO_FILES.items():
        translations = {}
        if filename:
            translations = {
                e.msgid: e.msgstr
                for e in polib.pofile(str(i18n / filename))
                if e.msgstr and not e.obsolete
            }
        patterns[lang] = [
            (
                "quota" if "%(quota)s" in msgid else "ceiling",
                template_regex(translations.get(msgid, msgid)),
            )
            for msgid in msgids
        ]
    return patterns


# ----------------------------------------------------------------------
# Clients
# ----------------------------------------------------------------------
class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.confirmed = set()
        self.refused = {}
        self.failures = []

    def add(self, latency, order, outcome, detail=None):
        with self.lock:
            self.latencies.append(latency)
            if outcome == "confirmed":
                self.confirmed.add(order)
            elif outcome == "refused":
                self.refused[order] = detail
            else:
                self.failures.append((order, detail))


def run_client(client, orders, start, clock, results):
    start.wait()
    for order in orders:
        if time.monotonic() >= clock["deadline"]:
            break
        began = time.perf_counter()
        try:
            client.execute("purchase.order", "button_confirm", [[order]])
            outcome, detail = "confirmed", None
        except RpcError as error:
            outcome, detail = "refused", (error.name, error.message)
        except Exception as error:  # any other error is a failure
            outcome, detail = "failed", repr(error)
        results.add(time.perf_counter() - began, order, outcome, detail)


def warm_up(clients, orders):
    """Log every buyer in and make first calls before the clock starts: with
    the ``jsonrpc`` protocol each worker checks each buyer's password hash
    once (about half a second of CPU each time)."""
    calls = 12 if clients[0].protocol == "jsonrpc" else 1

    errors = []

    def run(client, order):
        try:
            client.authenticate()
            for _index in range(calls):
                client.execute("purchase.order", "search_count", [[("id", "=", order)]])
        except Exception as error:  # reported below, the run cannot go on
            errors.append(f"{client.login}: {error!r}")

    threads = [
        threading.Thread(target=run, args=(client, order_ids[0]))
        for client, order_ids in zip(clients, orders, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"buyers could not log in: {errors[:3]}")


# ----------------------------------------------------------------------
# Checks
# ----------------------------------------------------------------------
def db_connect(args):
    conf = configparser.ConfigParser()
    conf.read(args.config)
    options = conf["options"]
    params = {"dbname": args.database}
    for key, name in (("host", "db_host"), ("port", "db_port"), ("user", "db_user")):
        value = options.get(name, "False")
        if value and value != "False":
            params[key] = value
    password = options.get("db_password", "False")
    if password and password != "False":
        params["password"] = password
    return psycopg2.connect(**params)


def check(args, data, results, patterns):
    """Problems found in the database after the run, as a list of strings.

    A request that Odoo gave up retrying (five serialization failures in a
    row) is counted, not a problem: the buyer sees a concurrency error and
    confirms again, and the call-off must be left a draft without a receipt,
    which is checked here. It is the price of locking the lot in a
    repeatable-read transaction (see the README, Concurrent load).
    """
    problems = []
    order_ids = [order for buyer in data["buyers"] for order in buyer["orders"]]
    lot_ids = list(data["lots"].values())
    lang_of = {
        order: buyer["lang"] for buyer in data["buyers"] for order in buyer["orders"]
    }
    with db_connect(args) as conn, conn.cursor() as cr:
        cr.execute(
            "SELECT id, name, ceiling_amount, committed_amount "
            "FROM purchase_requisition WHERE id = ANY(%s)",
            [lot_ids],
        )
        lots = {row[0]: row[1:] for row in cr.fetchall()}
        cr.execute(
            "SELECT requisition_id, zone_id, SUM(amount_untaxed), COUNT(*) "
            "FROM purchase_order WHERE requisition_id = ANY(%s) "
            "AND state IN ('purchase', 'done') GROUP BY requisition_id, zone_id",
            [lot_ids],
        )
        by_zone = {
            (lot, zone): float(amount) for lot, zone, amount, _n in cr.fetchall()
        }
        cr.execute(
            "SELECT requisition_id, zone_id, amount FROM interzonal_lot_allocation "
            "WHERE requisition_id = ANY(%s)",
            [lot_ids],
        )
        quotas = {(lot, zone): float(amount) for lot, zone, amount in cr.fetchall()}
        cr.execute(
            "SELECT o.id, o.state, COUNT(m.id) FROM purchase_order o "
            "LEFT JOIN purchase_order_line l ON l.order_id = o.id "
            "LEFT JOIN stock_move m ON m.purchase_line_id = l.id "
            "WHERE o.id = ANY(%s) GROUP BY o.id, o.state",
            [order_ids],
        )
        orders = {order: (state, moves) for order, state, moves in cr.fetchall()}
    figures = []
    for lot, (name, ceiling, committed) in sorted(lots.items()):
        ceiling, committed = float(ceiling), float(committed)
        confirmed = sum(v for (lot_id, _z), v in by_zone.items() if lot_id == lot)
        figures.append((name, ceiling, committed))
        if confirmed > ceiling + 0.005:
            problems.append(f"{name}: {confirmed:.2f} confirmed, ceiling {ceiling:.2f}")
        if abs(confirmed - committed) > 0.005:
            problems.append(
                f"{name}: committed {committed:.2f} but call-offs confirmed "
                f"for {confirmed:.2f}"
            )
    for key, quota in quotas.items():
        if by_zone.get(key, 0.0) > quota + 0.005:
            problems.append(f"lot {key[0]} zone {key[1]}: {by_zone[key]:.2f} > {quota}")
    confirmed_db = {
        order for order, (state, _m) in orders.items() if state == "purchase"
    }
    if confirmed_db != results.confirmed:
        problems.append(
            f"confirmed in the database but not for the client: "
            f"{sorted(confirmed_db - results.confirmed)[:10]}; confirmed for the "
            f"client but not in the database: "
            f"{sorted(results.confirmed - confirmed_db)[:10]}"
        )
    half = sorted(
        order
        for order, (state, moves) in orders.items()
        if (state == "purchase") != bool(moves)
    )
    if half:
        problems.append(f"orders whose receipt does not match their state: {half[:10]}")
    kinds = Counter()
    lot_names = {name for name, _c, _m in figures}
    for order, (name, message) in results.refused.items():
        if name in CONCURRENCY_ERRORS:
            # Odoo retried the request and gave up; the transaction was rolled
            # back (the checks above show it), but the buyer got an error.
            kind = "gave up"
        else:
            kind = refusal_kind(name, message, patterns[lang_of[order]], lot_names)
        if not kind:
            problems.append(f"order {order}: unexpected refusal {name}: {message}")
            continue
        kinds[kind] += 1
        if orders[order][0] != "draft":
            problems.append(f"order {order} refused ({kind}) but {orders[order][0]}")
    for order, detail in results.failures:
        problems.append(f"order {order}: {detail}")
    return problems, kinds, figures


def refusal_kind(name, message, patterns, lot_names):
    """The kind of refusal ("ceiling" or "quota") when it is that message of
    one of the lots in the buyer's language, else None."""
    if name != "odoo.exceptions.UserError":
        return None
    for kind, regex in patterns:
        match = regex.match(message)
        if match and any(lot in match.group("lot") for lot in lot_names):
            return kind
    return None


def percentile(values, share):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def run_mode(args, workers, data, patterns):
    label = f"W{workers}"
    logfile = Path(args.log_dir) / f"load-{args.database}-{label}.log"
    server = Server(args, workers, str(logfile))
    log(f"--- workers={workers}: starting Odoo on {HOST}:{args.port}")
    server.start()
    try:
        clients = [
            Client(
                args.port,
                args.database,
                args.protocol,
                buyer["login"],
                buyer["password"],
                buyer["lang"],
            )
            for buyer in data["buyers"]
        ]
        orders = [buyer["orders"] for buyer in data["buyers"]]
        warmed = time.monotonic()
        warm_up(clients, orders)
        log(f"  {len(clients)} buyers logged in in {time.monotonic() - warmed:.0f} s")
        results = Results()
        start = threading.Event()
        clock = {}
        threads = [
            threading.Thread(
                target=run_client, args=(client, order_ids, start, clock, results)
            )
            for client, order_ids in zip(clients, orders, strict=True)
        ]
        for thread in threads:
            thread.start()
        began = time.monotonic()
        clock["deadline"] = began + args.duration
        start.set()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - began
    finally:
        server.stop()
    text = logfile.read_text() if logfile.exists() else ""
    retries = text.count("tries left, try again")
    invalidations = text.count("Caches invalidated")
    problems, kinds, figures = check(args, data, results, patterns)
    summary = {
        "workers": workers,
        "requests": len(results.latencies),
        "confirmed": len(results.confirmed),
        "ceiling": kinds["ceiling"],
        "quota": kinds["quota"],
        "failed": len(results.failures),
        "gave_up": kinds["gave up"],
        "retries": retries,
        "elapsed": elapsed,
        "rate": len(results.confirmed) / elapsed if elapsed else 0.0,
        "p50": percentile(results.latencies, 0.50),
        "p95": percentile(results.latencies, 0.95),
        "problems": problems,
    }
    for name, ceiling, committed in figures:
        log(f"  lot {name}: committed {committed:,.2f} of {ceiling:,.2f}")
    log(
        f"  {summary['requests']} requests in {elapsed:.1f} s: "
        f"{summary['confirmed']} confirmed, {kinds['ceiling']} refused (ceiling), "
        f"{kinds['quota']} refused (quota), {kinds['gave up']} given up after "
        f"Odoo's retries, {summary['failed']} failed; "
        f"{retries} serialization retries by Odoo, {invalidations} cache "
        f"invalidations (server log {logfile})"
    )
    for problem in problems[:20]:
        log(f"  PROBLEM: {problem}")
    if len(problems) > 20:
        log(f"  ... and {len(problems) - 20} more")
    return summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True, help="odoo.conf to start with")
    parser.add_argument("--database", required=True)
    parser.add_argument("--odoo-bin", required=True)
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--gevent-port", type=int, default=8091)
    parser.add_argument(
        "--workers",
        default="4,0",
        help="server modes, in order: 4 worker processes, then one threaded "
        "process (0) as the reference",
    )
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds")
    parser.add_argument("--orders-per-client", type=int, default=40)
    parser.add_argument(
        "--protocol",
        choices=("session", "jsonrpc"),
        default="jsonrpc",
        help="jsonrpc: /jsonrpc execute_kw with the password on each call; "
        "session: /web/dataset/call_kw with a session cookie (the web client)",
    )
    parser.add_argument("--log-dir", default=str(ROOT / ".data"))
    args = parser.parse_args()
    patterns = refusal_patterns()
    modes = [int(workers) for workers in args.workers.split(",")]
    seeded = time.monotonic()
    data = seed(args, [f"W{workers}" for workers in modes], secrets.token_urlsafe(12))
    log(
        f"seeded {len(modes)} x {args.clients * args.orders_per_client} draft "
        f"call-offs in {time.monotonic() - seeded:.0f} s"
    )
    summaries = [
        run_mode(args, workers, data[f"W{workers}"], patterns) for workers in modes
    ]
    log("")
    log(
        f"{args.clients} clients ({args.protocol}), at most {args.duration:.0f} s "
        f"and {args.orders_per_client} call-offs each, {os.cpu_count()} cores:"
    )
    log(
        f"{'workers':>8} {'requests':>9} {'confirmed':>10} {'refused':>8} "
        f"{'gave up':>8} {'failed':>7} {'retries':>8} {'conf/s':>7} {'p50 s':>7} "
        f"{'p95 s':>7}"
    )
    for s in summaries:
        log(
            f"{s['workers']:>8} {s['requests']:>9} {s['confirmed']:>10} "
            f"{s['ceiling'] + s['quota']:>8} {s['gave_up']:>8} {s['failed']:>7} "
            f"{s['retries']:>8} "
            f"{s['rate']:>7.1f} {s['p50']:>7.2f} {s['p95']:>7.2f}"
        )
    failed = [s for s in summaries if s["problems"]]
    if failed:
        log(f"load test: {sum(len(s['problems']) for s in failed)} problems")
        return 1
    if any(not s["confirmed"] or not (s["ceiling"] and s["quota"]) for s in summaries):
        log("load test: a run confirmed nothing, or met no ceiling or no quota")
        return 1
    log("load test: every ceiling and quota held")
    return 0


if __name__ == "__main__":
    sys.exit(main())
