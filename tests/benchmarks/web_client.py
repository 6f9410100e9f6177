# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The calls the web client makes to show the first page of a list, a
kanban or a pivot view, built from the views as the client builds them
(``relational_model.js``, ``pivot_model.js`` of Odoo 18): the fields of the
arch become the read specification, the action's default filters the
domain, the pivot's row and column groupings one ``read_group`` per
combination of their prefixes."""

import itertools

from lxml import etree

from odoo.tools.safe_eval import datetime, dateutil, safe_eval, time

LIST_LIMIT = 80
KANBAN_LIMIT = 40
COUNT_LIMIT = 10_000
MAX_OPEN_GROUPS = 10


def _action(env, model, xmlid=None):
    # sudo: the client reads its actions through /web/action/load, which
    # needs no access right on ir.actions.act_window; only its views and
    # records are then read as the user
    Action = env["ir.actions.act_window"].sudo()
    if xmlid:
        return env.ref(xmlid).sudo()
    return Action.search(
        [("res_model", "=", model), ("view_mode", "like", "pivot")], limit=1
    ) or Action.search([("res_model", "=", model)], limit=1)


def _view_id(action, view_type):
    for view in action.view_ids:
        if view.view_mode == view_type:
            return view.view_id.id
    return action.view_id.id if action.view_id.type == view_type else False


def _eval_context(env):
    return {
        "context_today": lambda: datetime.datetime.now(),
        "datetime": datetime,
        "relativedelta": dateutil.relativedelta.relativedelta,
        "time": time,
        "uid": env.uid,
        "context": env.context,
    }


def load(env, model, view_type, xmlid=None):
    """(records' model with the client's context, arch, fields, domain,
    context) of the action's ``view_type`` view, as the client opens it."""
    action = _action(env, model, xmlid)
    context = dict(env.context, bin_size=True)
    context.update(
        safe_eval(action.context or "{}", _eval_context(env)) if action else {}
    )
    Model = env[model].with_context(context)
    view_id = _view_id(action, view_type) if action else False
    search_id = action.search_view_id.id if action else False
    views = Model.get_views([(view_id, view_type), (search_id, "search")])
    fields = views["models"][model]["fields"]
    arch = etree.fromstring(views["views"][view_type]["arch"])
    domain = safe_eval(action.domain or "[]", _eval_context(env)) if action else []
    search = etree.fromstring(views["views"]["search"]["arch"])
    for node in search.iter("filter"):
        if context.get(f"search_default_{node.get('name')}") and node.get("domain"):
            domain = domain + safe_eval(node.get("domain"), _eval_context(env))
    return Model, arch, fields, domain, context


def specification(arch, fields):
    """The fields the client reads for the records of ``arch``."""
    spec = {}
    for node in arch.iter("field"):
        if any(parent.tag == "field" for parent in node.iterancestors()):
            continue
        name = node.get("name")
        kind = fields[name]["type"]
        spec[name] = {}
        if kind in ("many2one", "reference"):
            spec[name]["fields"] = (
                {} if node.get("invisible") in ("1", "True") else {"display_name": {}}
            )
        elif (
            kind in ("one2many", "many2many") and node.get("widget") == "many2many_tags"
        ):
            spec[name]["fields"] = {"display_name": {}}
    for attribute in ("highlight_color", "default_group_by"):
        name = arch.get(attribute)
        if name and name in fields:
            spec.setdefault(name, {})
    return spec


def list_first_page(env, model, view_type="list", xmlid=None, limit=LIST_LIMIT):
    Model, arch, fields, domain, context = load(env, model, view_type, xmlid)
    result = Model.web_search_read(
        domain,
        specification(arch, fields),
        offset=0,
        limit=limit,
        order=arch.get("default_order") or "",
        count_limit=COUNT_LIMIT + 1,
    )
    return {"calls": 1, "length": result["length"]}


def kanban_first_page(env, model, xmlid=None):
    """A kanban grouped by its default group-by: ``web_read_group``, then
    one ``web_search_read`` per open group, as the client sends them."""
    Model, arch, fields, domain, context = load(env, model, "kanban", xmlid)
    spec = specification(arch, fields)
    groupby = context.get("group_by") or arch.get("default_group_by")
    if not groupby:
        return list_first_page(env, model, "kanban", xmlid, KANBAN_LIMIT)
    groupby = groupby[0] if isinstance(groupby, list) else groupby
    aggregates = [
        f"{name}:{fields[name]['aggregator']}"
        for name in spec
        if fields[name].get("aggregator") and name != groupby
    ]
    groups = Model.web_read_group(domain, aggregates, [groupby], lazy=True)["groups"]
    calls, records = 1, 0
    for group in groups[:MAX_OPEN_GROUPS]:
        if group.get("__fold") or not group[f"{groupby}_count"]:
            continue
        page = Model.web_search_read(
            group["__domain"],
            spec,
            offset=0,
            limit=KANBAN_LIMIT,
            order=arch.get("default_order") or "",
            count_limit=COUNT_LIMIT + 1,
        )
        calls += 1
        records += len(page["records"])
    return {"calls": calls, "records": records}


def pivot(env, model, xmlid=None):
    """Every ``read_group`` of the pivot's first display."""
    Model, arch, fields, domain, context = load(env, model, "pivot", xmlid)
    rows, cols, measures = [], [], []
    for node in arch.iter("field"):
        name, kind = node.get("name"), node.get("type")
        if fields[name]["type"] in ("date", "datetime") and kind in ("row", "col"):
            name = f"{name}:{node.get('interval') or 'month'}"
        {"row": rows, "col": cols, "measure": measures}.get(kind, []).append(name)
    rows = context.get("pivot_row_groupby", rows)
    cols = context.get("pivot_column_groupby", cols)
    measures = context.get("pivot_measures", measures) or ["__count"]
    specs = [
        name
        if name == "__count"
        else f"{name}:"
        + (
            "count_distinct"
            if fields[name]["type"] == "many2one"
            else fields[name]["aggregator"]
        )
        for name in measures
    ]
    calls = 0
    for row_depth, col_depth in itertools.product(
        range(len(rows) + 1), range(len(cols) + 1)
    ):
        Model.read_group(domain, specs, rows[:row_depth] + cols[:col_depth], lazy=False)
        calls += 1
    return {"calls": calls}
