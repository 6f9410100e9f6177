# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tools import SQL
from odoo.tools.sql import column_exists

# (model, table, old field name, new field name)
RENAMED_FIELDS = [
    ("pmo.indicator.value", "pmo_indicator_value", "submitted_by", "submitted_by_id"),
    ("pmo.indicator.value", "pmo_indicator_value", "validated_by", "validated_by_id"),
]


def migrate(cr, version):
    """The Many2one fields of indicator values take their ``_id`` suffix:
    rename their columns and their field records, so that the people who
    submitted and validated each value are kept. Indicator codes become
    unique per company: the old database-wide constraint goes."""
    for model, table, old, new in RENAMED_FIELDS:
        if column_exists(cr, table, old) and not column_exists(cr, table, new):
            cr.execute(
                SQL(
                    "ALTER TABLE %s RENAME COLUMN %s TO %s",
                    SQL.identifier(table),
                    SQL.identifier(old),
                    SQL.identifier(new),
                )
            )
        cr.execute(
            SQL(
                "UPDATE ir_model_fields SET name = %s WHERE model = %s AND name = %s",
                new,
                model,
                old,
            )
        )
        prefix = f"field_{table}__"
        cr.execute(
            SQL(
                "UPDATE ir_model_data SET name = %s "
                "WHERE module = 'pmo_portfolio' AND model = 'ir.model.fields' "
                "AND name = %s",
                prefix + new,
                prefix + old,
            )
        )
    cr.execute(
        SQL(
            "ALTER TABLE pmo_indicator "
            "DROP CONSTRAINT IF EXISTS pmo_indicator_code_uniq"
        )
    )
