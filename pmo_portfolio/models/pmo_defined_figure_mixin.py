# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.tools import SQL


class PmoDefinedFigureMixin(models.AbstractModel):
    """Ratios that may be undefined (SPI with no planned value, CPI with no
    actual cost...). An undefined ratio is stored as 0 beside a flag saying
    so; the average of a group leaves it out, and a group with none shows
    no figure rather than 0."""

    _name = "pmo.defined.figure.mixin"
    _description = "Ratios That May Be Undefined"

    @api.model
    def _defined_flags(self):
        """The flag that says a ratio is defined, by ratio field."""
        return {}

    def _read_group_select(self, aggregate_spec, query):
        fname, __, func = aggregate_spec.partition(":")
        flag = self._defined_flags().get(fname)
        if func != "avg" or not flag:
            return super()._read_group_select(aggregate_spec, query)
        return SQL(
            "AVG(CASE WHEN %s IS TRUE THEN %s END)",
            self._field_to_sql(self._table, flag, query),
            self._field_to_sql(self._table, fname, query),
        )
