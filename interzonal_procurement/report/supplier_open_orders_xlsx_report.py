# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from array import array

import pytz

from odoo import _, fields, models
from odoo.tools import SQL

from .xlsx_sheet_name import unique_sheet_name

# Lines read and written at a time. The workbook streams its rows to disk
# (constant_memory) and each batch leaves the cache once written, so memory
# stays flat however many lines are open.
BATCH_SIZE = 1000


class SupplierOpenOrdersXlsx(models.AbstractModel):
    _name = "report.interzonal_procurement.supplier_open_orders_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Open Orders Follow-up Workbook"

    def _get_objs_for_report(self, docids, data):
        if docids:
            return self.env["res.partner"].browse(docids)
        return super()._get_objs_for_report(docids, data)

    def get_workbook_options(self):
        return {"constant_memory": True}

    def _get_open_lines_query(self, partners):
        """The query of the lines still to receive, in the order of the
        sheet, under the user's record rules; the quantities are compared in
        the query."""
        Line = self.env["purchase.order.line"]
        query = Line._search(
            [
                ("state", "in", ("purchase", "done")),
                ("order_id.partner_id", "child_of", partners.commercial_partner_id.ids),
                ("display_type", "=", False),
            ],
            order="date_committed, date_planned, id",
        )
        query.add_where(
            SQL(
                "%s < %s",
                Line._field_to_sql(Line._table, "qty_received", query),
                Line._field_to_sql(Line._table, "product_qty", query),
            )
        )
        return query

    def _get_open_lines(self, partners):
        return self.env["purchase.order.line"].browse(
            self._get_open_lines_query(partners)
        )

    def _iter_open_rows(self, partners, tz):
        """(order name, line label, ordered, committed day, received) of the
        open lines, BATCH_SIZE at a time.

        The ids come from the user's search, in the sheet's order, kept in a
        compact array; each batch's columns are read in one query and its
        orders' names through the ORM (their record rules apply), so that
        neither the cache nor the memory grow with the lines. The committed
        day is the user's, as ``fields.Date.context_today`` gives it, and
        the date agreed at confirmation comes before a later planned one."""
        Line = self.env["purchase.order.line"]
        cr = self.env.cr
        Line.flush_model(
            ["order_id", "name", "product_id", "product_qty", "qty_received"]
            + ["date_committed", "date_planned"]
        )
        cr.execute(
            self._get_open_lines_query(partners).select(
                SQL.identifier(Line._table, "id")
            )
        )
        ids = array("q")
        while batch := cr.fetchmany(BATCH_SIZE):
            ids.extend(row[0] for row in batch)
        for start in range(0, len(ids), BATCH_SIZE):
            batch_ids = ids[start : start + BATCH_SIZE].tolist()
            cr.execute(
                SQL(
                    """
                    SELECT l.id, l.order_id, l.name, l.product_id, l.product_qty,
                           (timezone(%(tz)s, timezone('UTC',
                               COALESCE(l.date_committed, l.date_planned))))::date,
                           l.qty_received
                      FROM purchase_order_line l
                     WHERE l.id = ANY(%(ids)s)
                    """,
                    tz=tz,
                    ids=batch_ids,
                )
            )
            rows = {row[0]: row[1:] for row in cr.fetchall()}
            orders = self.env["purchase.order"].browse(
                {row[0] for row in rows.values()}
            )
            names = dict(zip(orders.ids, orders.mapped("name"), strict=True))
            products = self.env["product.product"].browse(
                {row[2] for row in rows.values() if not row[1] and row[2]}
            )
            labels = dict(
                zip(products.ids, products.mapped("display_name"), strict=True)
            )
            for line_id in batch_ids:
                order_id, name, product_id, ordered, day, received = rows[line_id]
                yield (
                    names[order_id],
                    name or labels.get(product_id, ""),
                    ordered,
                    day,
                    received,
                )
            orders.invalidate_recordset()
            products.invalidate_recordset()

    def generate_xlsx_report(self, workbook, data, partners):
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        late_format = workbook.add_format({"font_color": "#9C0006"})
        today = fields.Date.context_today(self)
        tz = self.env.context.get("tz") or self.env.user.tz or "UTC"
        if tz not in pytz.all_timezones_set:
            tz = "UTC"
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
            rows = self._iter_open_rows(partner, tz)
            for row, (order, label, ordered, day, received) in enumerate(rows, 1):
                days_late = max((today - day).days, 0)
                sheet.write(row, 0, order)
                sheet.write(row, 1, label)
                sheet.write_number(row, 2, ordered)
                sheet.write_datetime(row, 3, day, date_format)
                sheet.write_number(row, 4, received)
                sheet.write_number(
                    row, 5, days_late, late_format if days_late else None
                )
