# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import InterzonalAgreementCommon


def activate_german_belgium(env, modules):
    """German (Belgium) for the zones of the German-speaking Community: Odoo
    ships no de_BE language, so create it; its terms come from de.po."""
    Lang = env["res.lang"].with_context(active_test=False)
    lang = Lang.search([("code", "=", "de_BE")])
    if not lang:
        lang = Lang.create(
            {
                "name": "Deutsch (Belgien)",
                "code": "de_BE",
                "iso_code": "de_BE",
                "url_code": "de_BE",
                "date_format": "%d.%m.%Y",
                "decimal_point": ",",
                "thousands_sep": ".",
            }
        )
    lang.active = True
    env["ir.module.module"]._load_module_terms(modules, ["de_BE"], overwrite=True)


@tagged("post_install", "-at_install")
class TestGerman(InterzonalAgreementCommon):
    """German-speaking zones (Eupen) work in German: de_BE falls back to de.po."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_german_belgium(cls.env, ["interzonal_procurement"])
        cls.user_buyer_de = new_test_user(
            cls.env,
            login="iz_buyer_de",
            lang="de_BE",
            groups="base.group_user,interzonal_procurement.group_buyer",
        )
        cls.zone_lead.user_ids = [(4, cls.user_buyer_de.id)]

    def test_screen_label_in_german(self):
        env = self.env(user=self.user_buyer_de, context={"lang": "de_BE"})
        self.assertEqual(env.lang, "de_BE")
        lot_fields = env["purchase.requisition"].fields_get(["ceiling_amount"])
        self.assertEqual(lot_fields["ceiling_amount"]["string"], "Höchstbetrag")
        order_fields = env["purchase.order"].fields_get(["zone_id"])
        self.assertEqual(order_fields["zone_id"]["string"], "Zone")
        self.assertEqual(
            order_fields["zone_id"]["help"], "Polizeizone, die bestellt und bezahlt."
        )
        arch = env["interzonal.framework.agreement"].get_views([(False, "form")])[
            "views"
        ]["form"]["arch"]
        self.assertIn("Abrufe", arch)
        self.assertNotIn("Call-offs", arch)

    def test_refusal_in_german(self):
        lot = self._create_lot(0.0)
        order = self._create_call_off(lot, 1000.0)
        with self.assertRaises(UserError) as caught:
            order.with_user(self.user_buyer_de).with_context(
                lang="de_BE"
            ).button_confirm()
        self.assertIn("kann nicht erteilt werden", str(caught.exception))
        self.assertIn("hat keinen Höchstbetrag", str(caught.exception))
        self.assertEqual(order.state, "draft")
