# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Bulk fixture builders for the benchmarks: plain SQL inserts, so that a
realistic volume is built in seconds inside the test transaction.

Records that need their business logic (agreements, lots, one call-off) are
made through the ORM; their volume is copied in SQL with ``copy_rows``,
which keeps every column of the copied row (NOT NULL columns any module
adds included) except those it is told to change."""

from datetime import timedelta

from odoo import Command, fields
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


def copy_rows(env, model, source, count, values=None):
    """Copy ``count`` times, in one INSERT, the rows of ``model`` matching
    ``source`` (an SQL condition on the copied row ``t``).

    ``values`` maps columns to SQL expressions of ``t`` and of ``n``, the
    number of the copy (0 to ``count`` - 1). Return the new ids, ordered by
    copy, then by copied row id."""
    if count <= 0:
        return []
    table = env[model]._table
    env.flush_all()
    cr = env.cr
    cr.execute(
        SQL(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = %s AND column_name != 'id' ORDER BY ordinal_position",
            table,
        )
    )
    columns = [name for (name,) in cr.fetchall()]
    values = values or {}
    unknown = set(values) - set(columns)
    assert not unknown, f"no such columns in {table}: {unknown}"
    cr.execute(
        SQL(
            "INSERT INTO %(table)s (%(columns)s) SELECT %(exprs)s FROM %(table)s t "
            "CROSS JOIN generate_series(0, %(last)s) AS n WHERE %(source)s "
            "ORDER BY n, t.id RETURNING id",
            table=SQL.identifier(table),
            columns=SQL(", ").join(SQL.identifier(name) for name in columns),
            exprs=SQL(", ").join(
                values.get(name, SQL("t.%s", SQL.identifier(name))) for name in columns
            ),
            last=count - 1,
            source=source,
        )
    )
    return sorted(row[0] for row in cr.fetchall())


def pick(ids, per=1):
    """SQL picking, for copy ``n``, the id ``ids[n // per]``."""
    return SQL("(%s::int[])[1 + n / %s]", list(ids), per)


def cycle(ids):
    """SQL picking, for copy ``n``, the id ``ids[n % len(ids)]``."""
    return SQL("(%s::int[])[1 + mod(n, %s)]", list(ids), len(ids))


def text(env, model, fname, prefix):
    """SQL value of field ``fname`` for copy ``n``: ``prefix`` and n, as
    JSON for a translated field."""
    if env[model]._fields[fname].translate:
        return SQL("jsonb_build_object('en_US', %s || n)", prefix)
    return SQL("%s || n", prefix)


# ----------------------------------------------------------------------
# Framework agreements and call-offs
# ----------------------------------------------------------------------


def create_agreement(env, name, vendor, product, lot_count, ceiling):
    """A running agreement in the company's currency, led by a new zone,
    with ``lot_count`` confirmed lots of ``vendor``."""
    today = fields.Date.context_today(env.user)
    zone = env["interzonal.zone"].create(
        {"name": f"{name} zone", "code": name[:8], "user_ids": [Command.link(env.uid)]}
    )
    agreement = env["interzonal.framework.agreement"].create(
        {
            "name": name,
            "reference": name,
            "date_start": today - timedelta(days=400),
            "date_end": today + timedelta(days=800),
            "lead_zone_id": zone.id,
            "currency_id": env.company.currency_id.id,
        }
    )
    lots = env["purchase.requisition"].create(
        [
            {
                "framework_agreement_id": agreement.id,
                "lot_number": str(number),
                "requisition_type": "blanket_order",
                "vendor_id": vendor.id,
                "currency_id": env.company.currency_id.id,
                "initial_ceiling_amount": ceiling,
                "estimated_amount": ceiling,
                "line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_qty": 100,
                            "price_unit": 100,
                        }
                    )
                ],
            }
            for number in range(1, lot_count + 1)
        ]
    )
    for lot in lots:
        lot.action_confirm()
    return agreement, zone, lots


def create_order(env, vendor, product, lines, lot=None, zone=None):
    """A draft order of ``lines`` lines of one ``product`` at 100, without
    taxes: a call-off of ``lot`` for ``zone``, or a plain order."""
    vals = {
        "partner_id": vendor.id,
        "currency_id": env.company.currency_id.id,
        "order_line": [
            Command.create(
                {
                    "product_id": product.id,
                    "product_qty": 1,
                    "price_unit": 100,
                    "taxes_id": [Command.clear()],
                }
            )
            for _index in range(lines)
        ],
    }
    if lot:
        vals.update(requisition_id=lot.id, zone_id=zone.id)
    return env["purchase.order"].create(vals)


def copy_orders(env, template, count, prefix, values=None, line_values=None):
    """``count`` confirmed copies of the confirmed order ``template`` and
    of its lines, without receipts: approved one a day over the last year,
    their lines planned in a month and still open. Return the order ids."""
    now = fields.Datetime.now()
    approved = SQL("%s - mod(n, 365) * interval '1 day'", now)
    order_ids = copy_rows(
        env,
        "purchase.order",
        SQL("t.id = %s", template.id),
        count,
        {
            "name": SQL("%s || n", prefix),
            "state": SQL("'purchase'"),
            "date_order": approved,
            "date_approve": approved,
            "group_id": SQL("NULL"),
            "access_token": SQL("NULL"),
            **(
                {"call_off_date": SQL("(%s)::date", approved)}
                if template.requisition_id
                else {}
            ),
            **(values or {}),
        },
    )
    line_order = SQL("(%s::int[])[1 + n]", order_ids)
    copy_rows(
        env,
        "purchase.order.line",
        SQL("t.order_id = %s AND t.display_type IS NULL", template.id),
        count,
        {
            "order_id": line_order,
            "date_planned": SQL("%s", now + timedelta(days=30)),
            "date_committed": SQL("NULL"),
            "qty_received": SQL("0"),
            "qty_invoiced": SQL("0"),
            "qty_to_invoice": SQL("0"),
            **(line_values or {}),
        },
    )
    return order_ids


def refresh_lots(env, lots):
    """Recompute the stored figures of ``lots`` after SQL inserts."""
    Lot = env["purchase.requisition"]
    env.invalidate_all()
    for fname in ("committed_amount", "remaining_amount", "consumption_percent"):
        env.add_to_compute(Lot._fields[fname], lots)
    env.add_to_compute(Lot._fields["is_exhausted"], lots)
    env.flush_all()


def analyze(env, *models):
    """Fresh planner statistics, as autovacuum keeps them on a live database."""
    env.flush_all()
    tables = SQL(", ").join(SQL.identifier(env[model]._table) for model in models)
    env.cr.execute(SQL("ANALYZE %s", tables))
