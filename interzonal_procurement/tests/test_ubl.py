# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from datetime import datetime
from io import BytesIO

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import file_open

from .common import InterzonalRequestCommon

NS = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}
COMMITTED = datetime(2026, 4, 10, 10, 0)


def _invoice_xml(order, lines, kind="Invoice", contract=None):
    """A supplier's UBL 2.1 Invoice (or CreditNote) for ``order``;
    ``lines`` is a list of (order line, quantity, unit price)."""
    line_tag, qty_tag = (
        ("InvoiceLine", "InvoicedQuantity")
        if kind == "Invoice"
        else ("CreditNoteLine", "CreditedQuantity")
    )
    type_tag = "InvoiceTypeCode" if kind == "Invoice" else "CreditNoteTypeCode"
    type_code = "380" if kind == "Invoice" else "381"
    contract = contract or order.framework_agreement_id.reference
    body = []
    total = 0.0
    for index, (line, qty, price) in enumerate(lines, 1):
        total += qty * price
        body.append(
            f"""<cac:{line_tag}>
  <cbc:ID>{index}</cbc:ID>
  <cbc:{qty_tag} unitCode="C62">{qty}</cbc:{qty_tag}>
  <cbc:LineExtensionAmount currencyID="EUR">{qty * price:.2f}</cbc:LineExtensionAmount>
  <cac:OrderLineReference><cbc:LineID>{line.id}</cbc:LineID></cac:OrderLineReference>
  <cac:Item><cbc:Name>{line.product_id.name}</cbc:Name></cac:Item>
  <cac:Price><cbc:PriceAmount currencyID="EUR">{price:.2f}</cbc:PriceAmount></cac:Price>
</cac:{line_tag}>"""
        )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<{kind} xmlns="urn:oasis:names:specification:ubl:schema:xsd:{kind}-2"
    xmlns:cac="{NS["cac"]}" xmlns:cbc="{NS["cbc"]}">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
  <cbc:ID>SUP-2026-0042</cbc:ID>
  <cbc:IssueDate>2026-04-15</cbc:IssueDate>
  <cbc:{type_tag}>{type_code}</cbc:{type_tag}>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cac:OrderReference><cbc:ID>{order.name}</cbc:ID></cac:OrderReference>
  <cac:ContractDocumentReference><cbc:ID>{contract}</cbc:ID></cac:ContractDocumentReference>
  <cac:AccountingSupplierParty><cac:Party><cac:PartyName>
    <cbc:Name>{order.partner_id.name}</cbc:Name>
  </cac:PartyName></cac:Party></cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty><cac:Party><cac:PartyName>
    <cbc:Name>{order.zone_id.partner_id.name}</cbc:Name>
  </cac:PartyName></cac:Party></cac:AccountingCustomerParty>
  <cac:LegalMonetaryTotal>
    <cbc:PayableAmount currencyID="EUR">{total:.2f}</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
  {"".join(body)}
</{kind}>""".encode()


@tagged("post_install", "-at_install")
class TestUbl(InterzonalRequestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        belgium = cls.env.ref("base.be")
        cls.zone_partner = cls.env["res.partner"].create(
            {
                "name": "Politiezone Zone A",
                "is_company": True,
                "street": "Grote Markt 1",
                "zip": "2000",
                "city": "Antwerpen",
                "country_id": belgium.id,
                "email": "aankoop@zone-a.example.com",
            }
        )
        cls.zone_a.partner_id = cls.zone_partner
        cls.other_vendor.write(
            {
                "is_company": True,
                "street": "Rue de la Loi 16",
                "zip": "1000",
                "city": "Bruxelles",
                "country_id": belgium.id,
            }
        )

    def _call_off(self):
        """The confirmed call-off on lot 2 of a zone A request: 2 laptops at
        950 and 2 docks at 150."""
        request = self._quoted_request()
        request.with_user(self.user_requester).action_quotation_accept()
        request.action_create_call_offs()
        order = request.line_ids.purchase_lines.order_id.filtered(
            lambda o: o.requisition_id == self.lot_2
        )
        order.order_line.date_planned = COMMITTED
        order.with_user(self.user_buyer).button_confirm()
        self.assertEqual(order.state, "purchase")
        return request, order

    def _lines(self, order):
        """The laptop and the dock lines of the call-off."""
        lines = order.order_line
        return (
            lines.filtered(lambda line: line.product_id == self.product),
            lines.filtered(lambda line: line.product_id == self.dock),
        )

    def _ubl(self, order):
        xml = order.generate_ubl_xml_string("order")
        self.assertTrue(order._ubl_check_xml_schema(xml, "Order", version="2.1"))
        return etree.fromstring(xml)

    def test_call_off_order_validates_and_carries_references(self):
        request, order = self._call_off()
        root = self._ubl(order)
        # The schema shipped with base_ubl, read directly as well.
        schema = etree.XMLSchema(
            etree.parse(file_open("base_ubl/data/xsd-2.1/maindoc/UBL-Order-2.1.xsd"))
        )
        self.assertTrue(schema.validate(root), schema.error_log)

        def text(path):
            return root.findtext(path, namespaces=NS)

        self.assertEqual(
            text("cbc:CustomizationID"), "urn:fdc:peppol.eu:poacc:trns:order:3"
        )
        self.assertEqual(
            text("cbc:ProfileID"), "urn:fdc:peppol.eu:poacc:bis:ordering:3"
        )
        self.assertEqual(text("cbc:ID"), order.name)
        self.assertEqual(text("cbc:CustomerReference"), self.zone_a.code)
        self.assertEqual(text("cac:OriginatorDocumentReference/cbc:ID"), request.name)
        self.assertEqual(text("cac:Contract/cbc:ID"), "IZ-2024-001")
        self.assertEqual(
            [
                node.text
                for node in root.findall(
                    "cac:Contract/cac:ContractDocumentReference/cbc:ID", NS
                )
            ],
            ["IZ-2024-001", "2"],
        )
        buyer = "cac:BuyerCustomerParty/cac:Party/"
        self.assertEqual(text(buyer + "cac:PartyName/cbc:Name"), "Politiezone Zone A")
        self.assertEqual(
            text(buyer + "cac:PartyLegalEntity/cbc:RegistrationName"),
            "Politiezone Zone A",
        )
        self.assertEqual(text(buyer + "cac:PostalAddress/cbc:CityName"), "Antwerpen")
        self.assertEqual(
            text(buyer + "cac:PostalAddress/cac:Country/cbc:IdentificationCode"), "BE"
        )
        seller = "cac:SellerSupplierParty/cac:Party/"
        self.assertEqual(text(seller + "cac:PartyName/cbc:Name"), "IZ Other SRL")
        total = "cac:AnticipatedMonetaryTotal/"
        self.assertEqual(float(text(total + "cbc:LineExtensionAmount")), 2200.0)
        self.assertEqual(float(text(total + "cbc:TaxExclusiveAmount")), 2200.0)
        self.assertEqual(float(text(total + "cbc:TaxInclusiveAmount")), 2662.0)
        lines = root.findall("cac:OrderLine/cac:LineItem", NS)
        self.assertEqual(len(lines), 2)
        prices = {
            line.findtext("cac:Item/cbc:Name", namespaces=NS): float(
                line.findtext("cac:Price/cbc:PriceAmount", namespaces=NS)
            )
            for line in lines
        }
        self.assertEqual(prices, {"IZ Laptop": 950.0, "IZ Dock": 150.0})
        self.assertEqual(order.order_line.mapped("date_committed"), [COMMITTED] * 2)
        for line in lines:
            self.assertEqual(
                line.findtext(
                    "cac:Delivery/cac:RequestedDeliveryPeriod/cbc:EndDate",
                    namespaces=NS,
                ),
                "2026-04-10",
            )

    def test_plain_order_keeps_the_generic_document(self):
        product = self.env["product.product"].create(
            {"name": "IZ Cable", "type": "consu", "supplier_taxes_id": False}
        )
        order = self._create_order(self.vendor, [(product, 1)], COMMITTED)
        order.button_confirm()
        root = self._ubl(order)
        self.assertIsNone(root.find("cac:Contract", NS))
        self.assertIsNone(root.find("cbc:CustomizationID", NS))
        self.assertEqual(
            root.findtext(
                "cac:BuyerCustomerParty/cac:Party/cac:PartyName/cbc:Name", namespaces=NS
            ),
            self.company.name,
        )

    def test_supplier_pdf_embeds_the_order(self):
        _request, order = self._call_off()
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("purchase.action_report_purchase_order", order.ids)
        )
        self.assertTrue(pdf.startswith(b"%PDF"))
        files = self.env["pdf.xml.tool"].pdf_get_xml_files(pdf)
        self.assertIn("UBL-Order-2.1.xml", files)
        embedded = files["UBL-Order-2.1.xml"]
        if not isinstance(embedded, bytes | str):
            embedded = etree.tostring(embedded)
        if isinstance(embedded, str):
            embedded = embedded.encode()
        root = etree.parse(BytesIO(embedded)).getroot()
        self.assertEqual(
            root.findtext("cac:Contract/cbc:ID", namespaces=NS), "IZ-2024-001"
        )

    def test_download_the_order_alone(self):
        _request, order = self._call_off()
        action = order.with_user(self.user_buyer).action_download_ubl_order()
        self.assertEqual(action["type"], "ir.actions.act_url")
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        self.assertTrue(attachment.name.endswith("-UBL-Order-2.1.xml"))
        root = etree.fromstring(attachment.raw)
        self.assertEqual(root.findtext("cbc:ID", namespaces=NS), order.name)
        draft = self._create_order(self.vendor, [(self.product, 1)], COMMITTED)
        with self.assertRaisesRegex(UserError, "is not confirmed"):
            draft.action_download_ubl_order()

    # ------------------------------------------------------------------
    # Supplier invoices
    # ------------------------------------------------------------------

    def _bill(self, order, xml):
        """The bill of the fully received call-off, with the supplier's file."""
        with freeze_time("2026-04-12"):
            self._receive(
                order.picking_ids, {line: line.product_qty for line in order.order_line}
            )
        order.action_create_invoice()
        bill = order.invoice_ids
        self.env["ir.attachment"].create(
            {
                "name": "SUP-2026-0042.xml",
                "datas": base64.b64encode(xml),
                "res_model": "account.move",
                "res_id": bill.id,
            }
        )
        return bill.with_user(self.user_finance)

    def test_schema_of_the_test_invoice(self):
        """The invoices these tests build are valid UBL 2.1 Invoices."""
        _request, order = self._call_off()
        laptop, dock = self._lines(order)
        xml = _invoice_xml(order, [(laptop, 2, 950.0), (dock, 2, 150.0)])
        self.assertTrue(order._ubl_check_xml_schema(xml, "Invoice", version="2.1"))

    def test_matching_invoice_linked_without_differences(self):
        _request, order = self._call_off()
        laptop, dock = self._lines(order)
        bill = self._bill(
            order, _invoice_xml(order, [(laptop, 2, 950.0), (dock, 2, 150.0)])
        )
        self.assertEqual(bill.action_ubl_match(), True)
        self.assertFalse(bill.ubl_difference_ids.mapped("name"))
        self.assertEqual(bill.ubl_match_state, "matched")
        self.assertEqual(bill.ubl_call_off_id, order)
        self.assertFalse(bill.ubl_difference_ids)
        self.assertTrue(bill.ubl_is_accurate)

    def test_wrong_unit_price_lists_exactly_that_line(self):
        _request, order = self._call_off()
        laptop, dock = self._lines(order)
        bill = self._bill(
            order, _invoice_xml(order, [(laptop, 2, 950.0), (dock, 2, 165.0)])
        )
        bill.action_ubl_match()
        self.assertEqual(bill.ubl_match_state, "differences")
        self.assertEqual(bill.ubl_call_off_id, order)
        self.assertFalse(bill.ubl_is_accurate)
        difference = bill.ubl_difference_ids
        self.assertEqual(len(difference), 1)
        self.assertEqual(difference.kind, "price")
        self.assertEqual(difference.purchase_line_id, dock)
        self.assertEqual(difference.invoice_line_ref, "2")
        self.assertIn("165", difference.invoice_value)
        self.assertIn("150", difference.order_value)
        self.assertIn("contract price", difference.name)
        # Corrected by the supplier: checked again, nothing left.
        bill.env["ir.attachment"].sudo().create(
            {
                "name": "SUP-2026-0042-corrected.xml",
                "raw": _invoice_xml(order, [(laptop, 2, 950.0), (dock, 2, 150.0)]),
                "res_model": "account.move",
                "res_id": bill.id,
            }
        )
        bill.action_ubl_match()
        self.assertEqual(bill.ubl_match_state, "matched")
        self.assertFalse(bill.ubl_difference_ids)

    def test_quantity_contract_and_unknown_line(self):
        _request, order = self._call_off()
        laptop, dock = self._lines(order)
        xml = _invoice_xml(
            order,
            [
                (laptop, 3, 950.0),
                (dock, 2, 150.0),
                (self.env["purchase.order.line"], 1, 10.0),
            ],
            contract="IZ-1999-999",
        )
        bill = self._bill(order, xml)
        bill.action_ubl_match()
        self.assertEqual(
            sorted(bill.ubl_difference_ids.mapped("kind")),
            ["contract", "quantity", "unknown_line"],
        )
        quantity = bill.ubl_difference_ids.filtered(lambda d: d.kind == "quantity")
        self.assertEqual(quantity.purchase_line_id, laptop)

    def test_credit_note_for_more_than_billed(self):
        _request, order = self._call_off()
        laptop, dock = self._lines(order)
        bill = self._bill(
            order, _invoice_xml(order, [(laptop, 2, 950.0), (dock, 2, 150.0)])
        )
        bill = bill.with_user(self.env.user)
        bill.invoice_date = "2026-04-15"
        bill.action_post()
        refund = self.env["account.move"].create(
            {"move_type": "in_refund", "partner_id": order.partner_id.id}
        )
        self.env["ir.attachment"].create(
            {
                "name": "credit.xml",
                "raw": _invoice_xml(
                    order, [(laptop, 1, 950.0), (dock, 3, 150.0)], kind="CreditNote"
                ),
                "res_model": "account.move",
                "res_id": refund.id,
            }
        )
        refund.with_user(self.user_finance).action_ubl_match()
        self.assertEqual(refund.ubl_call_off_id, order)
        # One of the two billed laptops may be credited, three docks may not.
        self.assertEqual(refund.ubl_difference_ids.mapped("kind"), ["quantity"])
        self.assertEqual(refund.ubl_difference_ids.purchase_line_id, dock)

    def test_unknown_order_and_missing_file(self):
        _request, order = self._call_off()
        laptop, _dock = self._lines(order)
        xml = _invoice_xml(order, [(laptop, 2, 950.0)]).replace(
            order.name.encode(), b"NOPE-1"
        )
        bill = self._bill(order, xml)
        bill.action_ubl_match()
        self.assertEqual(bill.ubl_match_state, "not_found")
        self.assertFalse(bill.ubl_call_off_id)
        self.assertFalse(bill.ubl_is_accurate)
        empty = self.env["account.move"].create(
            {"move_type": "in_invoice", "partner_id": order.partner_id.id}
        )
        with self.assertRaisesRegex(UserError, "Attach the supplier's UBL Invoice"):
            empty.with_user(self.user_finance).action_ubl_match()
        self.assertFalse(empty.ubl_match_state)
