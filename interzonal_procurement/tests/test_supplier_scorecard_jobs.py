# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import InterzonalCommon

PERIOD = (date(2026, 3, 1), date(2026, 3, 31))
COMMITTED = datetime(2026, 3, 10, 12, 0)
FIGURES = ("partner_id", "requisition_id", "period_type", "date_from", "date_to")
FIGURES += ("line_count", "otd_rate", "otif_rate", "fill_rate", "score", "grade")


@tagged("post_install", "-at_install")
class TestSupplierScorecardJobs(InterzonalCommon):
    """Recomputing many suppliers' scorecards runs as queue jobs, two
    suppliers per job here."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param(
            "interzonal_procurement.scorecard_job_chunk_size", 2
        )
        cls.Scorecard = cls.env["interzonal.supplier.scorecard"]
        products = [cls._create_goods(f"Vest {i}") for i in range(5)]
        cls.suppliers = cls.env["res.partner"].create(
            [
                {"name": f"Vest maker {i}", "is_company": True, "supplier_rank": 1}
                for i in range(6)
            ]
        )
        with freeze_time("2026-03-01 09:00:00"):
            orders = cls.env["purchase.order"].create(
                [
                    {
                        "partner_id": supplier.id,
                        "user_id": cls.user_buyer.id,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": product.id,
                                    "product_qty": 2,
                                    "price_unit": 5.0,
                                    "date_planned": COMMITTED,
                                }
                            )
                            for product in products
                        ],
                    }
                    for supplier in cls.suppliers
                ]
            )
            orders.button_confirm()
        # half of the suppliers deliver late: the grades differ
        for picking in orders.picking_ids:
            for move in picking.move_ids:
                move.quantity = move.product_uom_qty
                move.picked = True
        late = orders[3:].picking_ids
        with freeze_time("2026-03-08 10:00:00"):
            (orders.picking_ids - late)._action_done()
        with freeze_time("2026-03-28 10:00:00"):
            late._action_done()
        cls.chunks = [cls.suppliers[i : i + 2] for i in (0, 2, 4)]

    def _figures(self):
        cards = self.Scorecard.search(
            [("partner_id", "in", self.suppliers.ids), ("date_to", "=", PERIOD[1])]
        )
        return sorted(
            tuple(
                value.id if hasattr(value, "id") else value
                for value in (card[name] for name in FIGURES)
            )
            for card in cards
        )

    def _jobs(self):
        return self.env["queue.job"].search(
            [("model_name", "=", "interzonal.supplier.scorecard")], order="id"
        )

    @freeze_time("2026-04-05 08:00:00")
    def test_recompute_from_the_list_queues_jobs(self):
        """The buyer's Recompute on more suppliers than a chunk creates jobs,
        runs nothing inline, and shows the buyer's jobs; run, they give what
        the inline computation gives, and the buyer is told."""
        Scorecard = self.Scorecard.with_user(self.user_buyer)
        cards = Scorecard.compute_for_period(*PERIOD, partner_ids=self.suppliers.ids)
        inline = self._figures()
        self.assertEqual(len(inline), 6)
        self.assertEqual({c[-1] for c in inline}, {"A", "D"})
        action = cards.action_recompute()
        self.assertEqual(action["res_model"], "queue.job")
        self.assertTrue(cards.exists(), "nothing was recomputed inline")
        jobs = self.env["queue.job"].with_user(self.user_buyer).search(action["domain"])
        self.assertEqual(jobs, self._jobs())
        self.assertEqual(set(jobs.mapped("user_id")), {self.user_buyer})
        done = jobs.filtered(lambda j: j.method_name == "_job_notify_done")
        self.assertEqual(done.state, "wait_dependencies")
        self.assertEqual(set((jobs - done).mapped("state")), {"pending"})
        self.assertEqual(len(jobs - done), 3)
        self.assertEqual(len(set(jobs.mapped("graph_uuid"))), 1, "one graph")
        self._run_queue_jobs()
        self.assertEqual(set(jobs.mapped("state")), {"done"})
        self.assertFalse(cards.exists(), "replaced by the jobs")
        self.assertEqual(self._figures(), inline)
        self.assertIn("6 suppliers", done.result)
        self.env.cr.precommit.run()
        notified = self.env["bus.bus"].sudo().search([], order="id desc", limit=1)
        self.assertIn("simple_notification", notified.message)
        self.assertIn("6 suppliers", notified.message)

    @freeze_time("2026-04-05 08:00:00")
    def test_monthly_cron_jobs_idempotent(self):
        """The monthly cron queues its periods; running every job again
        gives the same scorecards, the same as the inline computation."""
        self.Scorecard._cron_compute_scorecards()
        inline = self._figures()
        self.assertEqual({card[2] for card in inline}, {"rolling", "month"})
        self.Scorecard.search([("partner_id", "in", self.suppliers.ids)]).unlink()
        cron = self.env.ref("interzonal_procurement.ir_cron_compute_scorecards")
        self.assertEqual(cron.code.strip(), "model._cron_compute_scorecards_jobs()")
        self.Scorecard._cron_compute_scorecards_jobs()
        self.assertFalse(self._figures(), "the cron only queued jobs")
        self._run_queue_jobs()
        self.assertEqual(set(self._jobs().mapped("state")), {"done"})
        first = self._figures()
        self.assertEqual(first, inline)
        self._jobs().requeue()
        self._run_queue_jobs()
        self.assertEqual(set(self._jobs().mapped("state")), {"done"})
        self.assertEqual(self._figures(), first)

    @freeze_time("2026-04-05 08:00:00")
    def test_failing_chunk_keeps_the_others(self):
        """A chunk that fails after writing some scorecards leaves none of
        them and keeps the other chunks'; the job shows the error, and its
        retry completes the period."""
        self.Scorecard.with_user(self.user_buyer)._enqueue_compute_for_period(
            *PERIOD, partner_ids=self.suppliers.ids
        )
        failing = self.chunks[1][1]
        Model = type(self.Scorecard)
        create = Model.create

        def create_then_fail(model, vals_list):
            cards = create(model, vals_list)
            if failing in cards.partner_id:
                raise OSError("The scorecard store is unavailable.")
            return cards

        with patch.object(Model, "create", create_then_fail):
            self._run_queue_jobs()
        jobs = self._jobs()
        done_job = jobs.filtered(lambda j: j.method_name == "_job_notify_done")
        self.assertEqual(done_job.state, "wait_dependencies")
        failed = jobs.filtered(lambda j: j.state == "failed")
        self.assertEqual(failed.args[2], self.chunks[1].ids)
        self.assertEqual((jobs - done_job - failed).mapped("state"), ["done", "done"])
        self.assertEqual(failed.exc_message, "The scorecard store is unavailable.")
        self.assertIn("OSError", failed.exc_name)
        done = self.chunks[0] | self.chunks[2]
        self.assertEqual(
            {card[0] for card in self._figures()}, set(done.ids), "no partial chunk"
        )
        failed.requeue()
        self._run_queue_jobs()
        self.assertEqual(set(jobs.mapped("state")), {"done"})
        self.assertEqual({card[0] for card in self._figures()}, set(self.suppliers.ids))
