# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models

from .xlsx_sheet_name import unique_sheet_name


class SupplierOpenOrdersXlsx(models.AbstractModel):
    _name = "report.interzonal_procurement.supplier_open_orders_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Open Orders Follow-up Workbook"

    def _get_objs_for_report(self, docids, data):
        if docids:
            return self.env["res.partner"].browse(docids)
        return super()._get_objs_for_report(docids, data)

    def _get_open_lines(self, partners):
        lines = self.env["purchase.order.line"].search(
            [
                ("state", "in", ("purchase", "done")),
                ("order_id.partner_id", "child_of", partners.commercial_partner_id.ids),
                ("display_type", "=", False),
            ],
            order="date_committed, date_planned, id",
        )
        return lines.filtered(lambda line: line.qty_received < line.product_qty)

    def generate_xlsx_report(self, workbook, data, partners):
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        late_format = workbook.add_format({"font_color": "#9C0006"})
        today = fields.Date.context_today(self)
        titles = [
            _("Order"),
            _("Line"),
            _("Ordered"),
            _("Committed Date"),
            _("Received"),
            _("Days Late"),
        ]
        used = set()
        for partner in partners.commercial_partner_id:
            name = unique_sheet_name(partner.name or str(partner.id), used)
            sheet = workbook.add_worksheet(name)
            sheet.set_column(0, 0, 14)
            sheet.set_column(1, 1, 40)
            sheet.set_column(2, 5, 14)
            for col, title in enumerate(titles):
                sheet.write(0, col, title, header)
            for row, line in enumerate(self._get_open_lines(partner), start=1):
                # the date agreed at confirmation, not a later planned one
                planned = fields.Date.context_today(
                    self, line.date_committed or line.date_planned
                )
                days_late = max((today - planned).days, 0)
                sheet.write(row, 0, line.order_id.name)
                sheet.write(row, 1, line.name or line.product_id.display_name)
                sheet.write_number(row, 2, line.product_qty)
                sheet.write_datetime(row, 3, planned, date_format)
                sheet.write_number(row, 4, line.qty_received)
                sheet.write_number(
                    row, 5, days_late, late_format if days_late else None
                )
