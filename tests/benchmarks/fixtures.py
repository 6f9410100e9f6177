# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Bulk fixture builders for the benchmarks: plain SQL inserts, so that a
realistic volume is built in seconds inside the test transaction."""

from datetime import timedelta

from odoo import fields
from odoo.tools import SQL

# Outcome of an order line, by line id modulo 10.
#   0-5: received in full two days before the committed date
#   6:   received in full five days late
#   7:   60 % on time, backorder of 40 % received a week late
#   8:   60 % on time, backorder of 40 % still open
#   9:   received in full on time, one unit returned to the supplier
EXPECTED_OTD = 70.0
EXPECTED_OTIF = 60.0


def create_suppliers(env, count):
    return env["res.partner"].create(
        [
            {"name": f"Bench supplier {i:04d}", "is_company": True, "supplier_rank": 1}
            for i in range(count)
        ]
    )


def create_products(env, count):
    return env["product.product"].create(
        [
            {"name": f"Bench product {i:03d}", "type": "consu", "is_storable": True}
            for i in range(count)
        ]
    )


def insert_orders(env, suppliers, products, line_count, lines_per_order=5):
    """Confirmed orders spread over the last year, committed ten days after
    confirmation, with receipts, partial deliveries, backorders and returns.
    """
    company = env.company
    now = fields.Datetime.now()
    warehouse = env["stock.warehouse"].search(
        [("company_id", "=", company.id)], limit=1
    )
    supplier_location = env.ref("stock.stock_location_suppliers")
    stock_location = warehouse.lot_stock_id
    uom = env.ref("uom.product_uom_unit")
    order_count = line_count // lines_per_order
    env.flush_all()
    cr = env.cr
    cr.execute(
        SQL(
            """
            WITH new_orders AS (
                INSERT INTO purchase_order (
                    name, partner_id, currency_id, company_id, picking_type_id,
                    date_order, date_approve, date_planned, state, user_id,
                    invoice_status, create_uid, write_uid, create_date, write_date)
                SELECT 'BENCH/' || g.g,
                       (%(partners)s::int[])[1 + mod(g.g, %(partner_count)s)],
                       %(currency)s, %(company)s, %(picking_type)s,
                       g.confirmed, g.confirmed, g.confirmed + interval '10 days',
                       'purchase', %(uid)s, 'no', %(uid)s, %(uid)s, %(now)s, %(now)s
                  FROM (
                    SELECT n AS g, %(start)s + (n::bigint * %(spread)s / %(orders)s)
                               * interval '1 second' AS confirmed
                      FROM generate_series(0, %(orders)s - 1) AS n
                  ) AS g
                RETURNING id, partner_id, date_approve, date_planned
            )
            INSERT INTO purchase_order_line (
                order_id, partner_id, company_id, currency_id, name, product_id,
                product_qty, product_uom_qty, product_uom, price_unit, date_planned,
                date_committed, qty_received_method, create_uid, write_uid,
                create_date, write_date)
            SELECT o.id, o.partner_id, %(company)s, %(currency)s, 'Bench line',
                   (%(products)s::int[])[1 + mod(o.id * 7 + k, %(product_count)s)],
                   10, 10, %(uom)s, 10, o.date_planned, o.date_planned,
                   'stock_moves', %(uid)s, %(uid)s, %(now)s, %(now)s
              FROM new_orders o CROSS JOIN generate_series(1, %(per_order)s) AS k
            """,
            partners=suppliers.ids,
            partner_count=len(suppliers),
            products=products.ids,
            product_count=len(products),
            currency=company.currency_id.id,
            company=company.id,
            picking_type=warehouse.in_type_id.id,
            start=now - timedelta(days=375),
            spread=int(timedelta(days=350).total_seconds()),
            orders=order_count,
            per_order=lines_per_order,
            uom=uom.id,
            uid=env.uid,
            now=now,
        )
    )
    moves = [
        # (line kinds, quantity factor, days after committed, state, return)
        ("mod(l.id, 10) NOT IN (6, 7, 8)", 1.0, -2, "done", False),
        ("mod(l.id, 10) = 6", 1.0, 5, "done", False),
        ("mod(l.id, 10) IN (7, 8)", 0.6, -2, "done", False),
        ("mod(l.id, 10) = 7", 0.4, 7, "done", False),
        ("mod(l.id, 10) = 8", 0.4, 0, "assigned", False),
        ("mod(l.id, 10) = 9", 0.1, 3, "done", True),
    ]
    for condition, factor, days, state, is_return in moves:
        source, destination = (
            (stock_location, supplier_location)
            if is_return
            else (supplier_location, stock_location)
        )
        cr.execute(
            SQL(
                """
                INSERT INTO stock_move (
                    name, company_id, product_id, product_uom, product_uom_qty,
                    product_qty, quantity, location_id, location_dest_id,
                    location_final_id, procure_method, state, date,
                    purchase_line_id, partner_id, picked, create_uid, write_uid,
                    create_date, write_date)
                SELECT 'Bench move', %(company)s, l.product_id, l.product_uom,
                       l.product_qty * %(factor)s, l.product_qty * %(factor)s,
                       CASE WHEN %(state)s = 'done'
                            THEN l.product_qty * %(factor)s ELSE 0 END,
                       %(source)s, %(destination)s, %(destination)s,
                       'make_to_stock', %(state)s,
                       l.date_committed + %(days)s * interval '1 day',
                       l.id, l.partner_id, %(state)s = 'done',
                       %(uid)s, %(uid)s, %(now)s, %(now)s
                  FROM purchase_order_line l
                  JOIN purchase_order o ON o.id = l.order_id
                 WHERE o.name LIKE %(pattern)s AND %(condition)s
                """,
                company=company.id,
                factor=factor,
                state=state,
                source=source.id,
                destination=destination.id,
                days=days,
                uid=env.uid,
                now=now,
                condition=SQL(condition),
                pattern="BENCH/%",
            )
        )
    cr.execute(
        SQL(
            """
            UPDATE purchase_order_line l
               SET qty_received = m.received
              FROM (
                SELECT purchase_line_id,
                       SUM(CASE WHEN location_dest_id = %(supplier)s
                                THEN -product_qty ELSE product_qty END) AS received
                  FROM stock_move
                 WHERE state = 'done' AND purchase_line_id IS NOT NULL
                 GROUP BY purchase_line_id
              ) m
             WHERE m.purchase_line_id = l.id
            """,
            supplier=supplier_location.id,
        )
    )
    # fresh planner statistics, as autovacuum keeps them on a live database
    cr.execute(SQL("ANALYZE purchase_order, purchase_order_line, stock_move"))
    env.invalidate_all()
    return order_count
