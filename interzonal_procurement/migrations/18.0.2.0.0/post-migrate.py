# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The consumption steps, the acknowledgement delay of purchase requests and
the low-value threshold were system parameters shared by every company; they
are fields of each company now. Every company takes the value its database
had, and the parameters go."""

from odoo import SUPERUSER_ID, api

from odoo.addons.interzonal_procurement.models.res_company import (
    parse_consumption_steps,
)


def _steps(value):
    return value.strip() if parse_consumption_steps(value) is not None else None


def _days(value):
    value = value.strip()
    return int(value) if value.isdigit() else None


def _amount(value):
    try:
        amount = float(value)
    except ValueError:
        return None
    return amount if amount >= 0 else None


# parameter: (company field, conversion of the stored text, None if unusable)
PARAMETERS = {
    "interzonal_procurement.consumption_steps": (
        "interzonal_consumption_steps",
        _steps,
    ),
    "interzonal_procurement.acknowledge_sla_days": (
        "interzonal_acknowledge_days",
        _days,
    ),
    "interzonal_procurement.low_value_threshold": (
        "interzonal_low_value_threshold",
        _amount,
    ),
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    params = env["ir.config_parameter"].search([("key", "in", list(PARAMETERS))])
    companies = env["res.company"].with_context(active_test=False).search([])
    vals = {}
    for param in params:
        fname, convert = PARAMETERS[param.key]
        value = convert(param.value or "")
        if value is not None:
            vals[fname] = value
    if vals:
        companies.write(vals)
    # their xml ids go with them
    params.unlink()
