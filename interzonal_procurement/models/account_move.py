# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare
from odoo.tools.misc import formatLang

UBL_MIMETYPES = ("application/xml", "text/xml")


class AccountMove(models.Model):
    _inherit = "account.move"

    late_fine_count = fields.Integer(compute="_compute_late_fine_count")
    ubl_call_off_id = fields.Many2one(
        "purchase.order",
        string="UBL Call-off",
        readonly=True,
        copy=False,
        check_company=True,
        index="btree_not_null",
        help="Call-off that the supplier's UBL invoice attached to this bill "
        "refers to.",
    )
    ubl_match_state = fields.Selection(
        [
            ("matched", "Matches the Call-off"),
            ("differences", "Differs from the Call-off"),
            ("not_found", "No Call-off Found"),
        ],
        string="UBL Check",
        readonly=True,
        copy=False,
        tracking=True,
    )
    ubl_difference_ids = fields.One2many(
        "interzonal.ubl.difference", "move_id", string="UBL Differences", readonly=True
    )
    ubl_is_accurate = fields.Boolean(
        string="Matches its Order",
        compute="_compute_ubl_is_accurate",
        store=True,
        help="The supplier's UBL invoice matches its call-off in prices and "
        "quantities, without correction (the invoice accuracy of supplier "
        "scorecards).",
    )

    @api.depends("line_ids.late_fine_id")
    def _compute_late_fine_count(self):
        for move in self:
            move.late_fine_count = len(move.line_ids.late_fine_id)

    @api.depends("ubl_match_state")
    def _compute_ubl_is_accurate(self):
        for move in self:
            move.ubl_is_accurate = move.ubl_match_state == "matched"

    def action_view_late_fines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "interzonal_procurement.interzonal_late_fine_action"
        )
        action["domain"] = [("id", "in", self.line_ids.late_fine_id.ids)]
        action["context"] = {}
        return action

    def action_ubl_match(self):
        """Check the supplier's UBL invoice attached to each bill against the
        call-off it refers to."""
        # The differences are replaced as superuser: only a user who may
        # change the bills matches them.
        self.check_access("write")
        for move in self:
            move._ubl_match()
        return True

    def _ubl_find_invoice_attachment(self):
        self.ensure_one()
        Parser = self.env["interzonal.ubl.invoice.parser"]
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", self._name), ("res_id", "=", self.id)],
            order="id desc",
        )
        for attachment in attachments:
            if (
                attachment.mimetype in UBL_MIMETYPES
                or (attachment.name or "").lower().endswith(".xml")
            ) and Parser._is_ubl_invoice(attachment.raw):
                return attachment
        raise UserError(
            _(
                "Attach the supplier's UBL Invoice or Credit Note (XML file) to "
                "bill %(bill)s first.",
                bill=self.display_name,
            )
        )

    def _ubl_match(self):
        self.ensure_one()
        if self.move_type not in ("in_invoice", "in_refund"):
            raise UserError(
                _(
                    "Only vendor bills and refunds are checked against call-offs: "
                    "%(move)s is not one.",
                    move=self.display_name,
                )
            )
        attachment = self._ubl_find_invoice_attachment()
        document = self.env["interzonal.ubl.invoice.parser"]._parse(
            attachment.raw, attachment.name
        )
        order = self._ubl_find_call_off(document)
        differences = order and self._ubl_compare(order, document) or []
        state = "not_found"
        if order:
            state = "differences" if differences else "matched"
        # sudo: only the bill's own UBL differences are replaced, which their
        # readers may not delete; the bill is written below with the caller's rights.
        self.ubl_difference_ids.sudo().unlink()
        self.write(
            {
                "ubl_call_off_id": order.id if order else False,
                "ubl_match_state": state,
                "ubl_difference_ids": [
                    fields.Command.create(dict(vals, sequence=index))
                    for index, vals in enumerate(differences, 1)
                ],
            }
        )
        return state

    def _ubl_find_call_off(self, document):
        """The call-off named in the invoice's order reference."""
        self.ensure_one()
        if not document["order_ref"]:
            return self.env["purchase.order"]
        return self.env["purchase.order"].search(
            [
                ("name", "=", document["order_ref"]),
                ("company_id", "=", self.company_id.id),
                ("framework_agreement_id", "!=", False),
            ],
            limit=1,
        )

    def _ubl_billed_elsewhere(self, order_lines):
        """Quantities of ``order_lines`` already on other bills (refunds
        count negative)."""
        # sudo: sums the quantities billed for the order lines compared; no bill
        # is returned to the caller.
        groups = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                [
                    ("purchase_line_id", "in", order_lines.ids),
                    ("move_id", "!=", self.id),
                    ("parent_state", "!=", "cancel"),
                    ("display_type", "=", "product"),
                ],
                ["purchase_line_id", "move_id"],
                ["quantity:sum"],
            )
        )
        billed = defaultdict(float)
        for line, move, quantity in groups:
            sign = -1.0 if move.move_type == "in_refund" else 1.0
            billed[line] += sign * quantity
        return billed

    def _ubl_match_order_line(self, order_lines, invoice_line):
        by_id = {str(line.id): line for line in order_lines}
        line = by_id.get(invoice_line["order_line_ref"] or "")
        if line:
            return line
        for key, getter in (
            ("seller_code", lambda ol: ol.product_id.default_code),
            ("name", lambda ol: ol.product_id.name),
        ):
            if not invoice_line[key]:
                continue
            found = order_lines.filtered(
                lambda ol, k=key, g=getter: g(ol) == invoice_line[k]
            )
            if len(found) == 1:
                return found
        return self.env["purchase.order.line"]

    def _ubl_compare(self, order, document):
        """Differences between the invoice's lines and the call-off's lines:
        unit prices against the contract price, quantities against what is
        still to bill."""
        self.ensure_one()
        differences = []
        agreement = order.framework_agreement_id
        contract_ref = agreement.reference or agreement.name
        if document["contract_refs"] and contract_ref not in document["contract_refs"]:
            differences.append(
                {
                    "kind": "contract",
                    "invoice_value": ", ".join(document["contract_refs"]),
                    "order_value": contract_ref,
                    "name": _(
                        "The invoice refers to contract %(invoice)s, the call-off "
                        "to framework agreement %(order)s.",
                        invoice=", ".join(document["contract_refs"]),
                        order=contract_ref,
                    ),
                }
            )
        order_lines = order.order_line.filtered(lambda line: not line.display_type)
        billed = self._ubl_billed_elsewhere(order_lines)
        currency = order.currency_id
        price_digits = self.env["decimal.precision"].precision_get("Product Price")
        for invoice_line in document["lines"]:
            line = self._ubl_match_order_line(order_lines, invoice_line)
            label = invoice_line["id"] or "?"
            if not line:
                differences.append(
                    {
                        "kind": "unknown_line",
                        "invoice_line_ref": invoice_line["id"],
                        "invoice_value": invoice_line["name"],
                        "name": _(
                            "Invoice line %(line)s (%(item)s) is not on call-off "
                            "%(order)s.",
                            line=label,
                            item=invoice_line["name"] or "",
                            order=order.name,
                        ),
                    }
                )
                continue
            price = invoice_line["price_unit"]
            if price is None and invoice_line["subtotal"] and invoice_line["quantity"]:
                price = invoice_line["subtotal"] / invoice_line["quantity"]
            if price is not None and float_compare(
                price, line.price_unit, precision_digits=price_digits
            ):
                differences.append(
                    {
                        "kind": "price",
                        "invoice_line_ref": invoice_line["id"],
                        "purchase_line_id": line.id,
                        "invoice_value": formatLang(
                            self.env, price, currency_obj=currency
                        ),
                        "order_value": formatLang(
                            self.env, line.price_unit, currency_obj=currency
                        ),
                        "name": _(
                            "Invoice line %(line)s (%(product)s): unit price "
                            "%(invoice)s instead of the contract price %(order)s.",
                            line=label,
                            product=line.product_id.display_name,
                            invoice=formatLang(self.env, price, currency_obj=currency),
                            order=formatLang(
                                self.env, line.price_unit, currency_obj=currency
                            ),
                        ),
                    }
                )
            if document["kind"] == "credit_note":
                allowed = billed[line]
            else:
                allowed = line.product_qty - billed[line]
            if (
                float_compare(
                    invoice_line["quantity"],
                    allowed,
                    precision_rounding=line.product_uom.rounding,
                )
                > 0
            ):
                differences.append(
                    {
                        "kind": "quantity",
                        "invoice_line_ref": invoice_line["id"],
                        "purchase_line_id": line.id,
                        "invoice_value": formatLang(
                            self.env,
                            invoice_line["quantity"],
                            dp="Product Unit of Measure",
                        ),
                        "order_value": formatLang(
                            self.env, allowed, dp="Product Unit of Measure"
                        ),
                        "name": _(
                            "Invoice line %(line)s (%(product)s): quantity "
                            "%(invoice)s, but only %(order)s is left to bill on "
                            "the call-off.",
                            line=label,
                            product=line.product_id.display_name,
                            invoice=formatLang(
                                self.env,
                                invoice_line["quantity"],
                                dp="Product Unit of Measure",
                            ),
                            order=formatLang(
                                self.env, allowed, dp="Product Unit of Measure"
                            ),
                        ),
                    }
                )
        return differences
