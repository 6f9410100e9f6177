# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import InterzonalAgreementCommon, InterzonalRequestCommon

NS = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}


class PriceRevisionCommon(InterzonalAgreementCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lot = cls._create_lot(500000)

    def _revision_vals(self, fixed=0.25, coefficients=(0.45, 0.30), day=None):
        indices = ((100, 108), (200, 230))
        return {
            "requisition_id": self.lot.id,
            "date": day or date(2026, 6, 1),
            "reference": "IZ-REV-1",
            "fixed_coefficient": fixed,
            "term_ids": [
                Command.create(
                    {
                        "name": name,
                        "coefficient": coefficient,
                        "base_index": base,
                        "current_index": current,
                    }
                )
                for name, coefficient, (base, current) in zip(
                    ("Wages", "Materials"), coefficients, indices, strict=True
                )
            ],
        }

    def _create_revision(self, **kwargs):
        return (
            self.env["interzonal.price.revision"]
            .with_user(self.user_contract_manager)
            .create(self._revision_vals(**kwargs))
        )

    def _contract_call_off(self, quantity=2):
        """A buyer's call-off priced by the lot, as the order form does."""
        form = Form(self.env["purchase.order"].with_user(self.user_buyer))
        form.requisition_id = self.lot
        form.zone_id = self.zone_lead
        # The lot's products come with no quantity.
        with form.order_line.edit(0) as line:
            line.product_qty = quantity
        return form.save()


@tagged("post_install", "-at_install")
class TestPriceRevision(PriceRevisionCommon):
    def test_factor_and_contract_file(self):
        revision = self._create_revision()
        self.assertAlmostEqual(revision.factor, 1.081, places=6)
        self.assertAlmostEqual(revision.coefficient_total, 1.0, places=6)
        document = revision.document_id
        self.assertEqual(document.agreement_id, self.agreement)
        self.assertEqual(
            document.document_type_id,
            self.env.ref("interzonal_procurement.document_type_price_revisions"),
        )
        self.assertIn(document, self.agreement.document_ids)
        self.assertIn("1.081000", document.name)
        self.assertEqual(document.date, date(2026, 6, 1))
        revision.with_user(self.user_contract_manager).term_ids[0].current_index = 110
        self.assertAlmostEqual(revision.factor, 1.09, places=6)
        self.assertIn("1.090000", document.name)
        revision.with_user(self.user_contract_manager).unlink()
        self.assertFalse(document.exists())

    def test_coefficients_must_sum_to_one(self):
        with self.assertRaisesMessage(ValidationError, r"sum to exactly 1.*1\.01"):
            self._create_revision(fixed=0.26)
        self.assertFalse(self.lot.price_revision_ids)
        revision = self._create_revision()
        with self.assertRaisesMessage(ValidationError, "sum to exactly 1"):
            revision.with_user(self.user_contract_manager).write(
                {"fixed_coefficient": 0.26}
            )
        with self.assertRaisesMessage(ValidationError, "sum to exactly 1"):
            revision.with_user(self.user_contract_manager).term_ids[
                0
            ].coefficient = 0.46
        with self.assertRaisesMessage(ValidationError, "sum to exactly 1"):
            revision.with_user(self.user_contract_manager).term_ids[0].unlink()
        # Nothing of the refused changes was written.
        self.assertEqual(revision.fixed_coefficient, 0.25)
        self.assertEqual(revision.term_ids.mapped("coefficient"), [0.45, 0.30])
        self.assertAlmostEqual(revision.factor, 1.081, places=6)
        # Moving a share from a term to the fixed part in one save is fine.
        revision.with_user(self.user_contract_manager).write(
            {
                "fixed_coefficient": 0.35,
                "term_ids": [
                    Command.update(revision.term_ids[0].id, {"coefficient": 0.35})
                ],
            }
        )
        self.assertAlmostEqual(revision.factor, 0.35 + 0.35 * 1.08 + 0.345, places=6)
        with self.assertRaisesMessage(ValidationError, "must be positive"):
            revision.with_user(self.user_contract_manager).term_ids[0].base_index = 0

    def test_refusal_in_the_managers_language(self):
        self.env["res.lang"]._activate_lang("nl_BE")
        # Rolled back to a savepoint, as the request of a refused save.
        with self.assertRaisesMessage(
            ValidationError, r"De coëfficiënten van een prijsherziening .*som 1\.01"
        ):
            self.env["interzonal.price.revision"].with_user(
                self.user_contract_manager
            ).with_context(lang="nl_BE").create(self._revision_vals(fixed=0.26))
        self.assertFalse(self.lot.price_revision_ids)

    def test_only_contract_managers_create_revisions(self):
        Revision = self.env["interzonal.price.revision"]
        with self.assertRaises(AccessError):
            Revision.with_user(self.user_buyer).create(self._revision_vals())
        revision = self._create_revision()
        for user in (self.user_buyer, self.user_finance, self.user_requester):
            self.assertEqual(
                Revision.with_user(user).search([("id", "=", revision.id)]), revision
            )
            with self.assertRaises(AccessError):
                revision.with_user(user).write({"reference": "X"})
            with self.assertRaises(AccessError):
                revision.with_user(user).term_ids[0].write({"current_index": 1})
            with self.assertRaises(AccessError):
                revision.with_user(user).unlink()
        with self.assertRaises(AccessError):
            self.lot.with_user(self.user_buyer).write(
                {"price_revision_ids": [Command.create(self._revision_vals())]}
            )

    def test_revision_outside_agreement_refused(self):
        plain = self.env["purchase.requisition"].create(
            {"vendor_id": self.vendor.id, "requisition_type": "blanket_order"}
        )
        vals = dict(self._revision_vals(), requisition_id=plain.id)
        with self.assertRaisesMessage(ValidationError, "framework agreement only"):
            self.env["interzonal.price.revision"].create(vals)
        self._create_revision()
        with self.assertRaisesMessage(ValidationError, "one price revision per day"):
            self._create_revision()


@tagged("post_install", "-at_install")
class TestPriceRevisionCallOffs(PriceRevisionCommon):
    def test_factor_applies_from_the_confirmation_date(self):
        with freeze_time("2026-05-15"):
            self._create_revision()
            before = self._contract_call_off()
            self.assertEqual(before.order_line.price_unit, 1000)
            before.with_user(self.user_buyer).button_confirm()
            drafted_before = self._contract_call_off()
        line = before.order_line
        self.assertEqual(before.call_off_date, date(2026, 5, 15))
        self.assertEqual(line.price_unit, 1000)
        self.assertEqual(line.contract_price_unit, 1000)
        self.assertEqual(line.price_revision_factor, 1.0)
        self.assertFalse(line.price_revision_id)
        with freeze_time("2026-06-10"):
            drafted_before.with_user(self.user_buyer).button_confirm()
            after = self._contract_call_off()
            self.assertEqual(after.order_line.price_unit, 1081)
            after.with_user(self.user_buyer).button_confirm()
        revision = self.lot.price_revision_ids
        for order in (drafted_before, after):
            line = order.order_line
            self.assertEqual(order.call_off_date, date(2026, 6, 10))
            self.assertEqual(line.contract_price_unit, 1000)
            self.assertAlmostEqual(line.price_revision_factor, 1.081, places=6)
            self.assertEqual(line.price_revision_id, revision)
            self.assertEqual(line.price_unit, 1081)
            self.assertEqual(order.call_off_amount, 2162)
        # The call-off confirmed before keeps its price.
        self.assertEqual(before.order_line.price_unit, 1000)
        self.assertEqual(before.call_off_amount, 2000)
        self.assertEqual(self.lot.committed_amount, 2000 + 2 * 2162)

    def test_state_written_directly_and_typed_price(self):
        with freeze_time("2026-05-15"):
            self._create_revision()
            direct = self._contract_call_off(quantity=1)
            typed = self._contract_call_off(quantity=1)
            typed.order_line.price_unit = 990
        with freeze_time("2026-06-02"):
            direct.write({"state": "purchase"})
            typed.with_user(self.user_buyer).button_confirm()
        self.assertEqual(direct.order_line.price_unit, 1081)
        self.assertEqual(direct.call_off_amount, 1081)
        # A price the buyer typed is not the contract's: it is kept.
        self.assertEqual(typed.order_line.price_unit, 990)
        self.assertEqual(typed.call_off_amount, 990)

    def test_used_revision_is_locked(self):
        with freeze_time("2026-06-05"):
            revision = self._create_revision()
            order = self._contract_call_off(quantity=1)
            order.with_user(self.user_buyer).button_confirm()
        manager_revision = revision.with_user(self.user_contract_manager)
        with self.assertRaisesMessage(UserError, "new revision instead"):
            manager_revision.write({"fixed_coefficient": 0.3})
        with self.assertRaisesMessage(UserError, "new revision instead"):
            manager_revision.term_ids[0].current_index = 120
        with self.assertRaisesMessage(UserError, "new revision instead"):
            manager_revision.unlink()
        manager_revision.reference = "IZ-REV-1b"
        self.assertIn("IZ-REV-1b", revision.document_id.name)
        self.assertAlmostEqual(order.order_line.price_revision_factor, 1.081)


@tagged("post_install", "-at_install")
class TestPriceRevisionUbl(InterzonalRequestCommon):
    def test_ubl_order_carries_the_factor(self):
        """The UBL Order of a call-off gives the factor on revised lines."""
        belgium = self.env.ref("base.be")
        address = {"street": "Grote Markt 1", "zip": "2000", "city": "Antwerpen"}
        self.zone_a.partner_id = self.env["res.partner"].create(
            {"name": "IZ Zone A", "is_company": True, "country_id": belgium.id}
            | address
        )
        self.other_vendor.write(
            {"is_company": True, "country_id": belgium.id} | address
        )
        revision = (
            self.env["interzonal.price.revision"]
            .with_user(self.user_contract_manager)
            .create(
                {
                    "requisition_id": self.lot_2.id,
                    "date": date(2024, 1, 1),
                    "fixed_coefficient": 0.25,
                    "term_ids": [
                        Command.create(
                            {
                                "name": "Wages",
                                "coefficient": 0.75,
                                "base_index": 100,
                                "current_index": 104,
                            }
                        )
                    ],
                }
            )
        )
        request = self._quoted_request()
        request.with_user(self.user_requester).action_quotation_accept()
        request.action_create_call_offs()
        order = request.line_ids.purchase_lines.order_id.filtered(
            lambda o: o.requisition_id == self.lot_2
        )
        order.with_user(self.user_buyer).button_confirm()
        laptop = order.order_line.filtered(lambda line: line.product_id == self.product)
        self.assertEqual(laptop.price_revision_id, revision)
        self.assertEqual(laptop.price_unit, 978.5)
        laptop.with_context(interzonal_defer_capacity_check=True).write(
            {"price_revision_id": False}
        )
        xml = order.generate_ubl_xml_string("order")
        self.assertTrue(order._ubl_check_xml_schema(xml, "Order", version="2.1"))
        reasons = etree.fromstring(xml).findall(
            ".//cac:Price/cbc:PriceChangeReason", NS
        )
        self.assertEqual(len(reasons), 1)
        self.assertIn("factor 1.030000", reasons[0].text)
        self.assertIn("150.0", reasons[0].text)
