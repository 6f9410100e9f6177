# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Call-offs as UBL 2.1 Orders of the Peppol BIS Ordering profile.

Extends the generator of ``purchase_order_ubl``: for an order placed against
a lot of a framework agreement, the buyer is the ordering zone, the seller
the lot's operator, and the order carries the framework agreement, the lot
and the purchase requests it comes from. Other orders keep the generator's
document unchanged.
"""

from lxml import etree

from odoo import _, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_repr

from .interzonal_price_revision import FACTOR_DIGITS

PEPPOL_ORDER_CUSTOMIZATION = "urn:fdc:peppol.eu:poacc:trns:order:3"
PEPPOL_ORDER_PROFILE = "urn:fdc:peppol.eu:poacc:bis:ordering:3"


# The UBL document of call-offs is kept apart from the call-off rules of
# purchase_order.py: it extends another addon's generator, not the order.
class PurchaseOrder(models.Model):
    _inherit = "purchase.order"  # pylint: disable=consider-merging-classes-inherited

    def _is_ubl_call_off(self):
        self.ensure_one()
        return bool(self.framework_agreement_id and self.requisition_id)

    def _get_ubl_purchase_requests(self):
        """The purchase requests the call-off's lines come from."""
        self.ensure_one()
        return self.order_line.purchase_request_lines.request_id.sorted("name")

    def _ubl_add_header(self, doc_type, parent_node, ns, version="2.1"):
        res = super()._ubl_add_header(doc_type, parent_node, ns, version=version)
        if doc_type != "order" or not self._is_ubl_call_off():
            return res
        # Peppol identifiers go right after UBLVersionID.
        version_node = parent_node.find(ns["cbc"] + "UBLVersionID")
        position = list(parent_node).index(version_node) + 1
        for offset, (tag, text) in enumerate(
            (
                ("CustomizationID", PEPPOL_ORDER_CUSTOMIZATION),
                ("ProfileID", PEPPOL_ORDER_PROFILE),
            )
        ):
            node = etree.Element(ns["cbc"] + tag)
            node.text = text
            parent_node.insert(position + offset, node)
        zone = self.zone_id
        if zone.code:
            reference = etree.SubElement(parent_node, ns["cbc"] + "CustomerReference")
            reference.text = zone.code
        requests = self._get_ubl_purchase_requests()
        for index, request in enumerate(requests):
            tag = (
                "OriginatorDocumentReference"
                if not index
                else ("AdditionalDocumentReference")
            )
            reference = etree.SubElement(parent_node, ns["cac"] + tag)
            etree.SubElement(reference, ns["cbc"] + "ID").text = request.name
            etree.SubElement(reference, ns["cbc"] + "DocumentType").text = _(
                "Purchase request"
            )
        self._ubl_add_contract(parent_node, ns, version=version)
        return res

    def _ubl_add_contract(self, parent_node, ns, version="2.1"):
        """The framework agreement and the lot the call-off is placed against."""
        agreement = self.framework_agreement_id
        lot = self.requisition_id
        reference = agreement.reference or agreement.name
        contract = etree.SubElement(parent_node, ns["cac"] + "Contract")
        etree.SubElement(contract, ns["cbc"] + "ID").text = reference
        if agreement.date_start:
            etree.SubElement(
                contract, ns["cbc"] + "IssueDate"
            ).text = fields.Date.to_string(agreement.date_start)
        etree.SubElement(contract, ns["cbc"] + "ContractType").text = _(
            "Framework agreement"
        )
        etree.SubElement(contract, ns["cbc"] + "Description").text = agreement.name
        documents = [(reference, _("Framework agreement"), agreement.name)]
        if lot.lot_number:
            documents.append((lot.lot_number, _("Lot"), lot.name))
        for doc_id, doc_type, description in documents:
            document = etree.SubElement(
                contract, ns["cac"] + "ContractDocumentReference"
            )
            etree.SubElement(document, ns["cbc"] + "ID").text = doc_id
            etree.SubElement(document, ns["cbc"] + "DocumentType").text = doc_type
            if description:
                etree.SubElement(
                    document, ns["cbc"] + "DocumentDescription"
                ).text = description
        return contract

    def _ubl_add_customer_party(
        self, partner, company, node_name, parent_node, ns, version="2.1"
    ):
        if (
            node_name == "BuyerCustomerParty"
            and self._is_ubl_call_off()
            and self.zone_id.partner_id
        ):
            # The ordering zone is the buyer: its legal entity and address.
            return super()._ubl_add_customer_party(
                self.zone_id.partner_id, False, node_name, parent_node, ns, version
            )
        return super()._ubl_add_customer_party(
            partner, company, node_name, parent_node, ns, version=version
        )

    def _ubl_add_supplier_party(
        self, partner, company, node_name, parent_node, ns, version="2.1"
    ):
        if (
            node_name == "SellerSupplierParty"
            and self._is_ubl_call_off()
            and self.requisition_id.vendor_id
        ):
            partner = self.requisition_id.vendor_id
        return super()._ubl_add_supplier_party(
            partner, company, node_name, parent_node, ns, version=version
        )

    def _ubl_add_monetary_total(self, parent_node, ns, version="2.1"):
        if not self._is_ubl_call_off():
            return super()._ubl_add_monetary_total(parent_node, ns, version=version)
        currency = self.currency_id.name
        tax_total = etree.SubElement(parent_node, ns["cac"] + "TaxTotal")
        etree.SubElement(
            tax_total, ns["cbc"] + "TaxAmount", currencyID=currency
        ).text = str(self.amount_tax)
        res = super()._ubl_add_monetary_total(parent_node, ns, version=version)
        total = parent_node.find(ns["cac"] + "AnticipatedMonetaryTotal")
        # Totals ex VAT next to the lines' total, as the profile expects.
        line_total = total.find(ns["cbc"] + "LineExtensionAmount")
        for offset, (tag, amount) in enumerate(
            (
                ("TaxExclusiveAmount", self.amount_untaxed),
                ("TaxInclusiveAmount", self.amount_total),
            ),
            1,
        ):
            node = etree.Element(ns["cbc"] + tag, currencyID=currency)
            node.text = str(amount)
            total.insert(list(total).index(line_total) + offset, node)
        return res

    def _ubl_add_order_line(self, parent_node, oline, line_number, ns, version="2.1"):
        if not self._is_ubl_call_off():
            return super()._ubl_add_order_line(
                parent_node, oline, line_number, ns, version=version
            )
        # Product taxes without UNECE codes cannot be described: leave them
        # out rather than refuse the order (the tax total is given).
        taxes = oline.product_id.supplier_taxes_id
        skip_taxes = any(not t.unece_categ_id or not t.unece_type_id for t in taxes)
        res = super(
            PurchaseOrder, self.with_context(ubl_add_item__skip_taxes=skip_taxes)
        )._ubl_add_order_line(parent_node, oline, line_number, ns, version=version)
        line_item = parent_node.findall(ns["cac"] + "OrderLine")[-1].find(
            ns["cac"] + "LineItem"
        )
        self._ubl_add_call_off_line_details(line_item, oline, ns)
        return res

    def _ubl_add_call_off_line_details(self, line_item, oline, ns):
        """Contract price and committed delivery date of a call-off line."""
        currency = self.currency_id.name
        price = line_item.find(ns["cac"] + "Price")
        if price is None:
            # Free lines have no subtotal: the generator gave them no price.
            price = etree.Element(ns["cac"] + "Price")
            line_item.insert(
                list(line_item).index(line_item.find(ns["cac"] + "Item")), price
            )
            etree.SubElement(
                price, ns["cbc"] + "PriceAmount", currencyID=currency
            ).text = str(oline.price_unit)
        else:
            price.find(ns["cbc"] + "PriceAmount").text = str(oline.price_unit)
        self._ubl_add_price_revision(price, oline, ns)
        committed = oline.date_committed or oline.date_planned
        if committed:
            delivery = etree.Element(ns["cac"] + "Delivery")
            period = etree.SubElement(delivery, ns["cac"] + "RequestedDeliveryPeriod")
            etree.SubElement(
                period, ns["cbc"] + "EndDate"
            ).text = fields.Date.to_string(
                fields.Datetime.context_timestamp(self, committed).date()
            )
            price.addprevious(delivery)

    def _ubl_add_price_revision(self, price, oline, ns):
        """The price revision factor applied to the line's contract price."""
        revision = oline.price_revision_id
        if not revision:
            return
        reason = etree.Element(ns["cbc"] + "PriceChangeReason")
        reason.text = _(
            "Price revision of %(date)s: factor %(factor)s applied to the "
            "contract price %(base)s",
            date=fields.Date.to_string(revision.date),
            factor=float_repr(oline.price_revision_factor, FACTOR_DIGITS[1]),
            base=oline.contract_price_unit,
        )
        anchor = price.find(ns["cbc"] + "BaseQuantity")
        if anchor is None:
            anchor = price.find(ns["cbc"] + "PriceAmount")
        anchor.addnext(reason)

    def action_download_ubl_order(self):
        """Download the call-off's UBL Order alone, checked against the XSD."""
        self.ensure_one()
        if self.get_ubl_purchase_order_doc_type() != "order":
            raise UserError(
                _(
                    "Order %(order)s is not confirmed: its UBL Order can be "
                    "downloaded once it is.",
                    order=self.display_name,
                )
            )
        version = self.get_ubl_version()
        xml_string = self.generate_ubl_xml_string("order", version=version)
        self._ubl_check_xml_schema(xml_string, "Order", version=version)
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"{self.name.replace('/', '_')}-UBL-Order-{version}.xml",
                "raw": xml_string,
                "mimetype": "application/xml",
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
