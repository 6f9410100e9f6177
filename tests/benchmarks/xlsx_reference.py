# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The reference of the workbook rows: the same cells written by a plain
program, one SQL query read in batches and xlsxwriter in its
``constant_memory`` mode (rows streamed to disk as they are written)."""

import io

import xlsxwriter

from odoo import fields
from odoo.tools import SQL

BATCH = 2000


def open_orders(env, partner):
    """The open orders sheet of ``partner`` (``supplier_open_orders_xlsx``),
    without the ORM; return the file's bytes."""
    today = fields.Date.context_today(env.user)
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"constant_memory": True})
    header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    late_format = workbook.add_format({"font_color": "#9C0006"})
    sheet = workbook.add_worksheet(partner.name[:31])
    sheet.set_column(0, 0, 14)
    sheet.set_column(1, 1, 40)
    sheet.set_column(2, 5, 14)
    titles = ["Order", "Line", "Ordered", "Committed Date", "Received", "Days Late"]
    for col, title in enumerate(titles):
        sheet.write(0, col, title, header)
    cr = env.cr
    cr.execute(
        SQL(
            """
            SELECT o.name, l.name, l.product_qty,
                   COALESCE(l.date_committed, l.date_planned), l.qty_received
              FROM purchase_order_line l
              JOIN purchase_order o ON o.id = l.order_id
             WHERE l.state IN ('purchase', 'done') AND l.display_type IS NULL
               AND o.partner_id = %s AND l.qty_received < l.product_qty
             ORDER BY l.date_committed, l.date_planned, l.id
            """,
            partner.id,
        )
    )
    row = 1
    while batch := cr.fetchmany(BATCH):
        for order, name, ordered, planned, received in batch:
            day = planned.date()
            late = max((today - day).days, 0)
            sheet.write(row, 0, order)
            sheet.write(row, 1, name)
            sheet.write_number(row, 2, ordered)
            sheet.write_datetime(row, 3, day, date_format)
            sheet.write_number(row, 4, received)
            sheet.write_number(row, 5, late, late_format if late else None)
            row += 1
    workbook.close()
    return output.getvalue()
