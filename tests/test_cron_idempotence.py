# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Every scheduled action of both addons, run twice in a row or after a run
interrupted half-way (an error, rolled back), leaves the same records: no
duplicate alert, activity, fine, indicator value, scorecard or snapshot."""

import json
import re
from collections import Counter
from contextlib import contextmanager
from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo.sql_db import Cursor

from odoo.addons.queue_job.job import Job

from .security_fixtures import IZ, PMO, SecurityCase, _Rollback

CRON_DAY = "2026-12-15 06:00:00"
# The records a scheduled action creates or changes, compared by content.
WATCHED = (
    "interzonal.framework.agreement",
    "interzonal.late.fine",
    "interzonal.supplier.scorecard",
    "mail.activity",
    "mail.message",
    "pmo.alert",
    "pmo.exception.report",
    "pmo.indicator.value",
    "pmo.project.snapshot",
    "project.project",
    "purchase.request",
)
IGNORED_FIELDS = {"id", "create_date", "create_uid", "write_date", "write_uid"}
IGNORED_FIELDS |= {"message_id"}  # mail.message: a random identifier per message
# Activities and messages name their record (res_name, record_name): a record
# created again after an interrupted run has another id, not another content.
IGNORED_FIELDS |= {"res_id"}
WRITE_QUERY = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def _comparable(value):
    """A read value as a hashable one: a many2one by its name, a JSON value
    (analytic distribution, properties) by its canonical text."""
    if isinstance(value, tuple):
        return value[1]
    if isinstance(value, list | dict):
        return json.dumps(value, sort_keys=True, default=str)
    return value


class Interrupted(Exception):
    """The error injected half-way through a scheduled action."""


class TestCronIdempotence(SecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agreement.late_fine_rate = 0.1
        with freeze_time("2026-11-02 09:00:00"):
            cls.ending = cls.env["interzonal.framework.agreement"].create(
                dict(cls._vals_interzonal_framework_agreement(), date_end="2026-12-10")
            )
            # Five late lines: enough data for a graded, alerting scorecard.
            orders = cls._call_off(amount=500)
            for _n in range(4):
                orders |= cls._call_off(amount=100)
            orders.button_confirm()
            cls.project = cls._project(
                budget_at_completion=100_000,
                date_start=date(2026, 1, 1),
                date=date(2027, 6, 30),
            )
            cls.env["project.milestone"].create(
                {
                    "name": "Sec M1",
                    "project_id": cls.project.id,
                    "planned_value": 50.0,
                    "deadline": date(2026, 10, 31),
                    "is_reached": False,
                }
            )
            cls.env["pmo.indicator.value"].create(
                {
                    "indicator_id": cls.indicator.id,
                    "project_id": cls.project.id,
                    "period_start": date(2026, 11, 1),
                    "period_end": date(2026, 11, 30),
                    "deadline": date(2026, 12, 5),
                }
            )
            cls.env.flush_all()
        with freeze_time("2026-11-20 15:00:00"):  # 18 days late
            pickings = orders.picking_ids
            for move in pickings.move_ids:
                move.quantity = 1
                move.picked = True
            pickings._action_done()
            # A call-off bill due on 1 December and unpaid: overdue for finance.
            bill = cls.env["account.move"].browse(
                orders[:1].action_create_invoice()["res_id"]
            )
            bill.invoice_date = date(2026, 11, 1)
            bill.invoice_date_due = date(2026, 12, 1)
            bill.action_post()
            request = cls.env["purchase.request"].create({"zone_id": cls.zone.id})
            request.write(
                {"quotation_state": "sent", "quotation_valid_until": date(2026, 12, 1)}
            )
            cls.env["pmo.decision"].create(
                dict(cls._vals_pmo_decision(), date_due=date(2026, 12, 1))
            )
            # A scorecard of November in alert: the alerts' cron has one to
            # send, and the monthly cron still computes its own periods.
            cls.env["interzonal.supplier.scorecard"].compute_for_period(
                date(2026, 11, 1), date(2026, 11, 30)
            )
            # Stored figures computed on their day, not on the cron's.
            cls.env.flush_all()

    def _crons(self):
        crons = self.env["ir.model.data"].search(
            [("model", "=", "ir.cron"), ("module", "in", (IZ, PMO))]
        )
        return self.env["ir.cron"].browse(crons.mapped("res_id"))

    def _signature(self):
        self.env.flush_all()
        self.env.invalidate_all()
        signature = {}
        for model in WATCHED:
            Model = self.env[model].with_context(active_test=False)
            names = [
                name
                for name, field in Model._fields.items()
                if field.store
                and field.type not in ("one2many", "many2many", "binary")
                and name not in IGNORED_FIELDS
            ]
            rows = Model.search_read([], names, order="id")
            signature[model] = Counter(
                tuple((name, _comparable(row[name])) for name in names) for row in rows
            )
        return signature

    def _differences(self, before, after):
        lines = []
        for model in WATCHED:
            extra = after[model] - before[model]
            lost = before[model] - after[model]
            for label, rows in (("more", extra), ("fewer", lost)):
                for row, times in rows.items():
                    changed = dict(row)
                    lines.append(f"{model}: {times} {label} {changed}")
        return lines

    @contextmanager
    def _rolled_back(self):
        try:
            with self.env.cr.savepoint():
                yield
                self.env.flush_all()
                raise _Rollback()
        except _Rollback:
            pass
        finally:
            self.env.invalidate_all()

    def _run(self, cron, interrupt_at=0):
        """Run ``cron`` as Odoo does; returns the number of its writing
        queries. ``interrupt_at``: raise on that writing query."""
        writes = 0
        execute = Cursor.execute

        def counting_execute(cr, query, params=None, log_exceptions=True):
            nonlocal writes
            if WRITE_QUERY.match(str(getattr(query, "code", query))):
                writes += 1
                if writes == interrupt_at:
                    raise Interrupted(cron.name)
            return execute(cr, query, params, log_exceptions)

        with freeze_time(CRON_DAY), patch.object(Cursor, "execute", counting_execute):
            cron.method_direct_trigger()
            self._perform_queue_jobs()
        return writes

    def _perform_queue_jobs(self):
        """The jobs a cron queued, performed as the job runner would (chunks
        first, then the job that waits for them)."""
        jobs = self.env["queue.job"].search(
            [("state", "not in", ("done", "cancelled", "failed"))],
            order="priority, id",
        )
        for record in jobs:
            Job.load(self.env, record.uuid).perform()
        self.env.flush_all()

    def test_every_cron_is_idempotent(self):
        crons = self._crons()
        self.assertGreaterEqual(len(crons), 7, "the scheduled actions of both addons")
        failures = []
        for cron in crons:
            start = self._signature()
            with self._rolled_back():
                writes = self._run(cron)
                once = self._signature()
                self._run(cron)
                twice = self._signature()
            if once == start:
                failures.append(f"{cron.name}: the fixtures give it nothing to do")
            failures += [
                f"{cron.name}, run twice: {d}" for d in self._differences(once, twice)
            ]
            with self._rolled_back():
                # Server actions re-raise an error as a ValueError naming it.
                with self.assertRaisesRegex(
                    (Interrupted, ValueError), re.escape(cron.name)
                ):
                    with self.env.cr.savepoint():
                        self._run(cron, interrupt_at=max(writes // 2, 1))
                self.env.invalidate_all()
                self.assertEqual(self._signature(), start, f"{cron.name} rolled back")
                self._run(cron)
                after_interruption = self._signature()
            failures += [
                f"{cron.name}, after an interrupted run: {d}"
                for d in self._differences(once, after_interruption)
            ]
            self.assertEqual(self._signature(), start)
        self.assertFalse(failures, "\n".join(failures))
