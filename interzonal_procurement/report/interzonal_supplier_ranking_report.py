# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, models

from .xlsx_sheet_name import unique_sheet_name


class SupplierRankingXlsx(models.AbstractModel):
    _name = "report.interzonal_procurement.supplier_ranking_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Supplier Ranking Workbook"

    def generate_xlsx_report(self, workbook, data, scorecards):
        bold = workbook.add_format({"bold": True})
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2"})
        percent = workbook.add_format({"num_format": "0.0"})
        columns = [
            _("Rank"),
            _("Supplier"),
            _("Grade"),
            _("Score"),
            _("OTD (%)"),
            _("OTIF (%)"),
            _("Fill Rate (%)"),
            _("Return Rate (%)"),
            _("Invoice Accuracy (%)"),
            _("Service Rating"),
            _("Scored Lines"),
        ]
        grades = dict(scorecards._fields["grade"]._description_selection(self.env))
        used = set()
        lots = {}
        for card in scorecards:
            lots.setdefault(card.requisition_id, []).append(card)
        for lot in sorted(lots, key=lambda lot: (bool(lot), lot.name or "")):
            cards = sorted(
                lots[lot],
                key=lambda c: (not c.data_sufficient, -c.score, c.partner_id.name),
            )
            title = lot.name if lot else _("All lots")
            sheet = workbook.add_worksheet(unique_sheet_name(title, used))
            sheet.write(0, 0, title, bold)
            sheet.write_row(2, 0, columns, header)
            sheet.set_column(1, 1, 35)
            sheet.set_column(2, len(columns), 14)
            for index, card in enumerate(cards):
                row = 3 + index
                sheet.write(row, 0, index + 1 if card.data_sufficient else "")
                sheet.write(row, 1, card.partner_id.name)
                sheet.write(row, 2, grades[card.grade])
                if card.data_sufficient:
                    sheet.write(row, 3, card.score, percent)
                    sheet.write(row, 4, card.otd_rate, percent)
                    sheet.write(row, 5, card.otif_rate, percent)
                    sheet.write(row, 6, card.fill_rate, percent)
                    if card.has_receipts:
                        sheet.write(row, 7, card.return_rate, percent)
                    if card.bill_count:
                        sheet.write(row, 8, card.invoice_accuracy, percent)
                    if card.evaluation_count:
                        sheet.write(row, 9, card.service_rating, percent)
                sheet.write(row, 10, card.line_count)
            chart = workbook.add_chart({"type": "bar"})
            chart.add_series(
                {
                    "name": _("Score"),
                    "categories": [sheet.name, 3, 1, 2 + len(cards), 1],
                    "values": [sheet.name, 3, 3, 2 + len(cards), 3],
                }
            )
            chart.set_title({"name": _("Score per supplier")})
            chart.set_x_axis({"min": 0, "max": 100})
            chart.set_legend({"none": True})
            sheet.insert_chart(2, len(columns) + 1, chart)
