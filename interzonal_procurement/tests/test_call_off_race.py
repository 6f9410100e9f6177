# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from psycopg2 import errors

from odoo import Command, api
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestCallOffRace(BaseCase):
    """Two buyers confirm call-offs on one lot through two real cursors.

    The fixtures are committed (the cursors must see them) and removed again
    when the class is done.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            cls.uid = env.ref("base.user_admin").id
            eur = env.ref("base.EUR")
            eur.active = True
            vendor = env["res.partner"].create({"name": "IZ Race Vendor"})
            product = env["product.product"].create(
                {"name": "IZ Race Laptop", "type": "consu", "purchase_ok": True}
            )
            zone = env["interzonal.zone"].create({"name": "IZ Race", "code": "IZR"})
            agreement = env["interzonal.framework.agreement"].create(
                {
                    "name": "IZ Race Agreement",
                    "date_start": date(2020, 1, 1),
                    "date_end": date(2099, 12, 31),
                    "duration_justification": "Race test",
                    "lead_zone_id": zone.id,
                    "currency_id": eur.id,
                }
            )
            lot = env["purchase.requisition"].create(
                {
                    "framework_agreement_id": agreement.id,
                    "vendor_id": vendor.id,
                    "currency_id": eur.id,
                    "initial_ceiling_amount": 25000,
                    "line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_qty": 1,
                                "price_unit": 1,
                            }
                        )
                    ],
                }
            )
            lot.action_confirm()
            orders = env["purchase.order"].create(
                [
                    {
                        "partner_id": vendor.id,
                        "requisition_id": lot.id,
                        "zone_id": zone.id,
                        "currency_id": eur.id,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": product.id,
                                    "product_qty": 1,
                                    "price_unit": amount,
                                    "taxes_id": [Command.clear()],
                                }
                            )
                        ],
                    }
                    for amount in (10000, 10000, 10000)
                ]
            )
            # 10,000 committed before the race: 15,000 left
            orders[0].button_confirm()
            cls.ids = {
                "vendor": vendor.id,
                "product": product.id,
                "zone": zone.id,
                "agreement": agreement.id,
                "lot": lot.id,
                "first": orders[1].id,
                "second": orders[2].id,
                "orders": orders.ids,
            }
        cls.addClassCleanup(cls._remove_fixtures)

    @classmethod
    def _remove_fixtures(cls):
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            orders = env["purchase.order"].browse(cls.ids["orders"])
            orders.button_cancel()
            pickings = orders.picking_ids
            moves = pickings.move_ids
            orders.unlink()
            moves.unlink()
            pickings.unlink()
            lot = env["purchase.requisition"].browse(cls.ids["lot"])
            lot.action_cancel()
            lot.unlink()
            env["interzonal.framework.agreement"].browse(cls.ids["agreement"]).unlink()
            env["interzonal.zone"].browse(cls.ids["zone"]).unlink()
            product = env["product.product"].browse(cls.ids["product"])
            env["product.supplierinfo"].search(
                [("product_tmpl_id", "=", product.product_tmpl_id.id)]
            ).unlink()
            product.product_tmpl_id.unlink()
            env["res.partner"].browse(cls.ids["vendor"]).unlink()

    def _env(self, cr):
        return api.Environment(cr, self.uid, {})

    def _order(self, env, key):
        return env["purchase.order"].browse(self.ids[key])

    def test_two_buyers_one_ceiling(self):
        """Exactly one of two concurrent 10,000 call-offs fits in 15,000."""
        cr1 = self.registry.cursor()
        cr2 = self.registry.cursor()
        try:
            env1, env2 = self._env(cr1), self._env(cr2)
            lot2 = env2["purchase.requisition"].browse(self.ids["lot"])
            # both transactions start while 15,000 is left
            self.assertEqual(lot2.remaining_amount, 15000)
            self._order(env1, "first").button_confirm()
            env1.flush_all()
            # buyer 1 holds the lot: buyer 2 waits and gives up after 1 second
            cr2.execute("SET LOCAL lock_timeout = '1s'")
            with (
                mute_logger("odoo.sql_db"),
                self.assertRaises(errors.LockNotAvailable),
            ):
                self._order(env2, "second").button_confirm()
            cr2.rollback()
            # buyer 2 starts again before buyer 1 commits: its snapshot still
            # shows 15,000 left, but the lock row changed when it gets it
            self.assertEqual(lot2.remaining_amount, 15000)
            cr1.commit()
            with (
                mute_logger("odoo.sql_db"),
                self.assertRaises(errors.SerializationFailure),
            ):
                self._order(env2, "second").button_confirm()
            cr2.rollback()
            # the retry (as the server retries such a request) sees the
            # committed amount of buyer 1 and refuses
            with self.assertRaises(UserError) as refusal:
                self._order(env2, "second").button_confirm()
            self.assertIn("5,000.00", str(refusal.exception))
            cr2.rollback()
        finally:
            cr1.close()
            cr2.close()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            self.assertEqual(self._order(env, "first").state, "purchase")
            self.assertEqual(self._order(env, "second").state, "draft")
            lot = env["purchase.requisition"].browse(self.ids["lot"])
            self.assertEqual(lot.committed_amount, 20000)
            self.assertEqual(lot.remaining_amount, 5000)
