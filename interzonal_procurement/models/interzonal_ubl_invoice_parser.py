# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from lxml import etree

from odoo import _, api, models
from odoo.exceptions import UserError

UBL_NS = "urn:oasis:names:specification:ubl:schema:xsd:"
CAC = f"{{{UBL_NS}CommonAggregateComponents-2}}"
CBC = f"{{{UBL_NS}CommonBasicComponents-2}}"
DOCUMENTS = {
    f"{{{UBL_NS}Invoice-2}}Invoice": ("invoice", "InvoiceLine", "InvoicedQuantity"),
    f"{{{UBL_NS}CreditNote-2}}CreditNote": (
        "credit_note",
        "CreditNoteLine",
        "CreditedQuantity",
    ),
}


class InterzonalUblInvoiceParser(models.AbstractModel):
    _name = "interzonal.ubl.invoice.parser"
    _description = "UBL Invoice and Credit Note Reader"

    @api.model
    def _is_ubl_invoice(self, data):
        """Whether ``data`` (bytes) looks like a UBL Invoice or Credit Note."""
        try:
            root = etree.fromstring(data, parser=self._parser())
        except (etree.XMLSyntaxError, ValueError):
            return False
        return root.tag in DOCUMENTS

    @api.model
    def _parser(self):
        return etree.XMLParser(
            resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False
        )

    @api.model
    def _parse(self, data, filename=""):
        """Read a UBL Invoice or Credit Note: its references and lines."""
        try:
            tree = etree.fromstring(data, parser=self._parser()).getroottree()
        except (etree.XMLSyntaxError, ValueError) as error:
            raise UserError(
                _(
                    "File %(file)s is not a readable XML file: %(error)s",
                    file=filename,
                    error=str(error),
                )
            ) from error
        root = tree.getroot()
        if tree.docinfo.doctype or root.tag not in DOCUMENTS:
            raise UserError(
                _(
                    "File %(file)s is not a UBL Invoice or Credit Note.",
                    file=filename,
                )
            )
        kind, line_tag, qty_tag = DOCUMENTS[root.tag]
        lines = []
        for node in root.findall(CAC + line_tag):
            line_id = self._text(node, CBC + "ID")
            quantity = self._amount(node, CBC + qty_tag, filename, line_id)
            price = self._amount(
                node, f"{CAC}Price/{CBC}PriceAmount", filename, line_id
            )
            base = self._amount(
                node, f"{CAC}Price/{CBC}BaseQuantity", filename, line_id
            )
            if price is not None and base:
                price /= base
            lines.append(
                {
                    "id": line_id,
                    "order_line_ref": self._text(
                        node, f"{CAC}OrderLineReference/{CBC}LineID"
                    ),
                    "name": self._text(node, f"{CAC}Item/{CBC}Name"),
                    "seller_code": self._text(
                        node, f"{CAC}Item/{CAC}SellersItemIdentification/{CBC}ID"
                    ),
                    "quantity": quantity or 0.0,
                    "price_unit": price,
                    "subtotal": self._amount(
                        node, CBC + "LineExtensionAmount", filename, line_id
                    ),
                }
            )
        return {
            "kind": kind,
            "number": self._text(root, CBC + "ID"),
            "currency": self._text(root, CBC + "DocumentCurrencyCode"),
            "order_ref": self._text(root, f"{CAC}OrderReference/{CBC}ID"),
            "contract_refs": [
                (node.text or "").strip()
                for node in root.findall(f"{CAC}ContractDocumentReference/{CBC}ID")
                if (node.text or "").strip()
            ],
            "lines": lines,
        }

    @api.model
    def _text(self, node, path):
        found = node.find(path)
        if found is None or found.text is None:
            return None
        return found.text.strip() or None

    @api.model
    def _amount(self, node, path, filename, line_id):
        value = self._text(node, path)
        if value is None:
            return None
        try:
            return float(value)
        except ValueError as error:
            raise UserError(
                _(
                    "Line %(line)s of file %(file)s has an invalid amount: %(value)s.",
                    line=line_id,
                    file=filename,
                    value=value,
                )
            ) from error
