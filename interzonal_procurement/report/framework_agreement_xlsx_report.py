# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models

from .xlsx_sheet_name import unique_sheet_name


class FrameworkAgreementXlsx(models.AbstractModel):
    _name = "report.interzonal_procurement.framework_agreement_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Framework Agreement Workbook"

    def _get_objs_for_report(self, docids, data):
        if docids:
            return self.env["interzonal.framework.agreement"].browse(docids)
        return super()._get_objs_for_report(docids, data)

    def generate_xlsx_report(self, workbook, data, agreements):
        styles = self._get_styles(workbook)
        lots = agreements.lot_ids.sorted(
            lambda lot: (lot.framework_agreement_id.id, lot.lot_number or "", lot.id)
        )
        zone_totals = lots._get_committed_amounts()[1]
        used = set()
        self._write_lots_sheet(workbook, styles, lots, used)
        zones = agreements.lead_zone_id | agreements.participation_ids.zone_id
        zones |= self.env["interzonal.zone"].browse(
            {zone_id for (_lot, zone_id) in zone_totals if zone_id}
        )
        for zone in zones.sorted(lambda z: (z.code or "", z.id)):
            self._write_zone_sheet(workbook, styles, zone, lots, zone_totals, used)
        self._write_call_offs_sheet(workbook, styles, lots, used)

    def _get_styles(self, workbook):
        return {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "header": workbook.add_format(
                {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True}
            ),
            "money": workbook.add_format({"num_format": "#,##0.00"}),
            "percent": workbook.add_format({"num_format": "0.0"}),
            "date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
            "red": workbook.add_format({"bg_color": "#F8CBAD"}),
            "amber": workbook.add_format({"bg_color": "#FFE699"}),
            "green": workbook.add_format({"bg_color": "#C6EFCE"}),
        }

    def _write_lots_sheet(self, workbook, styles, lots, used):
        sheet = workbook.add_worksheet(unique_sheet_name(_("Lots"), used))
        headers = [
            _("Agreement"),
            _("Lot"),
            _("Vendor"),
            _("Currency"),
            _("Ceiling"),
            _("Committed"),
            _("Remaining"),
            _("Consumption (%)"),
            _("Exhaustion Forecast"),
            _("Fines Withheld"),
            _("Operators"),
        ]
        sheet.write_row(0, 0, headers, styles["header"])
        sheet.set_column(10, 10, 40)
        sheet.set_column(0, 2, 30)
        sheet.set_column(3, 3, 10)
        sheet.set_column(4, 9, 16)
        for row, lot in enumerate(lots, start=1):
            sheet.write(row, 0, lot.framework_agreement_id.display_name)
            sheet.write(row, 1, lot.display_name)
            sheet.write(row, 2, lot.vendor_id.display_name or "")
            sheet.write(row, 3, lot.currency_id.name)
            sheet.write_number(row, 4, lot.ceiling_amount, styles["money"])
            sheet.write_number(row, 5, lot.committed_amount, styles["money"])
            sheet.write_number(row, 6, lot.remaining_amount, styles["money"])
            sheet.write_number(
                row, 7, round(lot.consumption_percent, 1), styles["percent"]
            )
            if lot.exhaustion_forecast_date:
                sheet.write_datetime(
                    row,
                    8,
                    fields.Datetime.to_datetime(lot.exhaustion_forecast_date),
                    styles["date"],
                )
            sheet.write_number(row, 9, lot.late_fine_amount, styles["money"])
            sheet.write(row, 10, ", ".join(lot.operator_ids.mapped("display_name")))
        if not lots:
            return sheet
        last = len(lots)
        percent_range = f"H2:H{last + 1}"
        for rule in self._consumption_rules(styles):
            sheet.conditional_format(percent_range, rule)
        sheet.conditional_format(f"G2:G{last + 1}", {"type": "data_bar"})
        chart = workbook.add_chart({"type": "bar", "subtype": "stacked"})
        name = sheet.get_name()
        for column, label in ((5, _("Committed")), (6, _("Remaining"))):
            chart.add_series(
                {
                    "name": label,
                    "categories": [name, 1, 1, last, 1],
                    "values": [name, 1, column, last, column],
                }
            )
        chart.set_title({"name": _("Consumption per lot")})
        sheet.insert_chart(last + 3, 0, chart, {"x_scale": 2, "y_scale": 1.2})
        return sheet

    def _consumption_rules(self, styles):
        """Colours of the consumption percent, from the configured steps:
        red from the highest step under 100 %, amber from the step before
        it, green below (default steps 70, 85, 95, 100: amber from 85 %, red
        from 95 %)."""
        steps = self.env["purchase.requisition"]._get_consumption_steps()
        thresholds = [step for step in steps if step < 100] or steps or [100.0]
        red = thresholds[-1]
        amber = thresholds[-2] if len(thresholds) > 1 else None
        rules = [
            {"type": "cell", "criteria": ">=", "value": red, "format": styles["red"]}
        ]
        if amber is not None:
            rules.append(
                {
                    "type": "cell",
                    "criteria": "between",
                    "minimum": amber,
                    "maximum": red,
                    "format": styles["amber"],
                }
            )
        rules.append(
            {
                "type": "cell",
                "criteria": "<",
                "value": amber if amber is not None else red,
                "format": styles["green"],
            }
        )
        return rules

    def _write_zone_sheet(self, workbook, styles, zone, lots, zone_totals, used):
        sheet = workbook.add_worksheet(unique_sheet_name(zone.code or zone.name, used))
        sheet.write(0, 0, zone.display_name, styles["title"])
        headers = [
            _("Lot"),
            _("Currency"),
            _("Quota"),
            _("Committed"),
            _("Quota Remaining"),
        ]
        sheet.write_row(2, 0, headers, styles["header"])
        sheet.set_column(0, 0, 40)
        sheet.set_column(1, 4, 16)
        quotas = {
            (allocation.requisition_id.id, allocation.zone_id.id): allocation.amount
            for allocation in lots.allocation_ids
        }
        row = 3
        for lot in lots:
            key = (lot.id, zone.id)
            sheet.write(row, 0, lot.display_name)
            sheet.write(row, 1, lot.currency_id.name)
            sheet.write_number(row, 3, zone_totals.get(key, 0.0), styles["money"])
            if key in quotas:
                sheet.write_number(row, 2, quotas[key], styles["money"])
                sheet.write_number(
                    row, 4, quotas[key] - zone_totals.get(key, 0.0), styles["money"]
                )
            row += 1
        return sheet

    def _write_call_offs_sheet(self, workbook, styles, lots, used):
        """Per call-off placed: what it commits, and for lots of several
        operators the operators consulted and the award justification."""
        sheet = workbook.add_worksheet(unique_sheet_name(_("Call-offs"), used))
        headers = [
            _("Lot"),
            _("Call-off"),
            _("Zone"),
            _("Supplier"),
            _("Placed On"),
            _("Committed"),
            _("Operators Consulted"),
            _("Award Justification"),
        ]
        sheet.write_row(0, 0, headers, styles["header"])
        sheet.set_column(0, 3, 30)
        sheet.set_column(4, 5, 16)
        sheet.set_column(6, 7, 50)
        orders = lots.purchase_ids.filtered("is_committed_call_off").sorted(
            lambda o: (o.requisition_id.id, o.call_off_date, o.id)
        )
        for row, order in enumerate(orders, start=1):
            sheet.write(row, 0, order.requisition_id.display_name)
            sheet.write(row, 1, order.name)
            sheet.write(row, 2, order.zone_id.display_name or "")
            sheet.write(row, 3, order.partner_id.display_name)
            sheet.write_datetime(
                row, 4, fields.Datetime.to_datetime(order.call_off_date), styles["date"]
            )
            sheet.write_number(row, 5, order.call_off_amount, styles["money"])
            sheet.write(
                row, 6, ", ".join(order.consulted_operator_ids.mapped("display_name"))
            )
            sheet.write(row, 7, order.award_justification or "")
        return sheet
