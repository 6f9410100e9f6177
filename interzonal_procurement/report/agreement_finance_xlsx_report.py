# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import _, fields, models
from odoo.tools import format_date

from .xlsx_sheet_name import unique_sheet_name

AMOUNTS = ("committed_amount", "received_amount", "invoiced_amount", "paid_amount")


class AgreementFinanceXlsx(models.AbstractModel):
    """Finance workbook of framework agreements for one fiscal year.

    A sheet per lot: its committed, received, invoiced, paid and remaining
    amounts per zone and per month of the fiscal year, and a line chart of the
    cumulative commitment against the ceiling. Every figure is read from the
    contract money analysis (``interzonal.contract.finance.report``).
    ``data["date"]`` picks the fiscal year (today's by default).
    """

    _name = "report.interzonal_procurement.agreement_finance_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Framework Agreement Finance Workbook"

    def _get_objs_for_report(self, docids, data):
        if docids:
            return self.env["interzonal.framework.agreement"].browse(docids)
        return super()._get_objs_for_report(docids, data)

    def generate_xlsx_report(self, workbook, data, agreements):
        # Headers in the language of the user who prints.
        self = self.with_context(lang=self.env.user.lang)
        day = fields.Date.to_date((data or {}).get("date")) or (
            fields.Date.context_today(self)
        )
        styles = {
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "header": workbook.add_format(
                {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True}
            ),
            "money": workbook.add_format({"num_format": "#,##0.00"}),
            "total": workbook.add_format({"bold": True, "num_format": "#,##0.00"}),
        }
        used = set()
        for agreement in agreements:
            period = agreement.company_id.compute_fiscalyear_dates(day)
            lots = agreement.lot_ids.sorted(lambda lot: (lot.lot_number or "", lot.id))
            figures = self._get_figures(lots, period["date_from"], period["date_to"])
            for lot in lots:
                self._write_lot_sheet(
                    workbook, styles, used, lot, period, figures[lot.id]
                )

    def _get_figures(self, lots, date_from, date_to):
        """The lots' figures of the fiscal year from the analysis, per zone
        and per month, and what was committed before it."""
        Report = self.env["interzonal.contract.finance.report"]
        aggregates = [f"{fname}:sum" for fname in AMOUNTS]
        domain = [("requisition_id", "in", lots.ids)]
        in_year = [*domain, ("date", ">=", date_from), ("date", "<=", date_to)]
        figures = defaultdict(
            lambda: {"zones": {}, "months": {}, "before": 0.0, "ceiling": 0.0}
        )
        for lot, zone, *amounts in Report._read_group(
            in_year, ["requisition_id", "zone_id"], aggregates
        ):
            if zone or any(amounts):
                figures[lot.id]["zones"][zone] = dict(
                    zip(AMOUNTS, amounts, strict=False)
                )
        for lot, month, *amounts in Report._read_group(
            in_year, ["requisition_id", "date:month"], aggregates
        ):
            figures[lot.id]["months"][month] = dict(zip(AMOUNTS, amounts, strict=False))
        for lot, committed in Report._read_group(
            [*domain, ("date", "<", date_from)],
            ["requisition_id"],
            ["committed_amount:sum"],
        ):
            figures[lot.id]["before"] = committed
        for lot, ceiling in Report._read_group(
            [*domain, ("date", "<=", date_to)],
            ["requisition_id"],
            ["ceiling_amount:sum"],
        ):
            figures[lot.id]["ceiling"] = ceiling
        return figures

    def _get_headers(self):
        return [
            _("Committed"),
            _("Received"),
            _("Invoiced"),
            _("Paid"),
            _("Remaining"),
        ]

    def _write_lot_sheet(self, workbook, styles, used, lot, period, figures):
        name = (
            _("Lot %(number)s", number=lot.lot_number) if lot.lot_number else lot.name
        )
        sheet = workbook.add_worksheet(unique_sheet_name(name, used))
        sheet.set_column(0, 0, 30)
        sheet.set_column(1, 7, 16)
        sheet.write(0, 0, lot.display_name, styles["title"])
        sheet.write(
            1,
            0,
            _(
                "%(agreement)s, fiscal year %(start)s - %(end)s, in %(currency)s",
                agreement=lot.framework_agreement_id.display_name,
                start=format_date(self.env, period["date_from"]),
                end=format_date(self.env, period["date_to"]),
                currency=lot.currency_id.name,
            ),
        )
        row = self._write_zones(sheet, styles, 3, lot, period, figures)
        self._write_months(workbook, sheet, styles, row + 2, period, figures)
        return sheet

    def _write_zones(self, sheet, styles, row, lot, period, figures):
        """Per zone: the year's figures; remaining = quota - committed up to
        the year's end, for the zones with a quota."""
        sheet.write_row(row, 0, [_("Zone"), *self._get_headers()], styles["header"])
        quotas = {a.zone_id: a.amount for a in lot.allocation_ids}
        zone_committed = self._get_zone_committed(lot, period, figures)
        zones = figures["zones"]
        for zone in sorted(zones, key=lambda z: (not z, z.code or "", z.id or 0)):
            row += 1
            amounts = zones[zone]
            sheet.write(row, 0, zone.display_name if zone else _("No Zone"))
            for column, fname in enumerate(AMOUNTS, start=1):
                sheet.write_number(row, column, amounts[fname], styles["money"])
            if zone in quotas:
                sheet.write_number(
                    row,
                    5,
                    quotas[zone] - zone_committed.get(zone, 0.0),
                    styles["money"],
                )
        row += 1
        sheet.write(row, 0, _("Total"), styles["header"])
        for column, fname in enumerate(AMOUNTS, start=1):
            total = sum(amounts[fname] for amounts in zones.values())
            sheet.write_number(row, column, total, styles["total"])
        committed = figures["before"] + sum(
            a["committed_amount"] for a in zones.values()
        )
        sheet.write_number(row, 5, figures["ceiling"] - committed, styles["total"])
        return row

    def _get_zone_committed(self, lot, period, figures):
        """Committed per zone up to the end of the year: before it plus in it."""
        before = dict(
            self.env["interzonal.contract.finance.report"]._read_group(
                [
                    ("requisition_id", "=", lot.id),
                    ("date", "<", period["date_from"]),
                ],
                ["zone_id"],
                ["committed_amount:sum"],
            )
        )
        return {
            zone: before.get(zone, 0.0) + amounts["committed_amount"]
            for zone, amounts in figures["zones"].items()
        }

    def _write_months(self, workbook, sheet, styles, row, period, figures):
        """Per month: the figures, the cumulative commitment and the ceiling;
        a line chart of the last two."""
        headers = [
            _("Month"),
            *self._get_headers(),
            _("Cumulative Committed"),
            _("Ceiling"),
        ]
        sheet.write_row(row, 0, headers, styles["header"])
        first = row + 1
        cumulative = figures["before"]
        month = period["date_from"].replace(day=1)
        empty = dict.fromkeys(AMOUNTS, 0.0)
        while month <= period["date_to"]:
            row += 1
            amounts = figures["months"].get(month, empty)
            cumulative += amounts["committed_amount"]
            sheet.write(row, 0, format_date(self.env, month, date_format="MMMM y"))
            for column, fname in enumerate(AMOUNTS, start=1):
                sheet.write_number(row, column, amounts[fname], styles["money"])
            sheet.write_number(row, 5, figures["ceiling"] - cumulative, styles["money"])
            sheet.write_number(row, 6, cumulative, styles["money"])
            sheet.write_number(row, 7, figures["ceiling"], styles["money"])
            month += relativedelta(months=1)
        name = sheet.get_name()
        chart = workbook.add_chart({"type": "line"})
        for column in (6, 7):
            chart.add_series(
                {
                    "name": [name, first - 1, column],
                    "categories": [name, first, 0, row, 0],
                    "values": [name, first, column, row, column],
                }
            )
        chart.set_title({"name": _("Cumulative commitment against the ceiling")})
        sheet.insert_chart(row + 2, 0, chart, {"x_scale": 2, "y_scale": 1.2})
