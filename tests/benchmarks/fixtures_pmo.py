# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A PMO portfolio at scale: programmes, 20 indicators, projects with a
baseline, costs and last period's indicator values, and a committee.

One project is made through the ORM; the others are SQL copies of it (its
analytic account, milestones and costs with it, see ``fixtures.copy_rows``),
then the figures of all of them are computed once through the ORM."""

from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user
from odoo.tools import SQL

from .fixtures import analyze, copy_rows, pick, text

PROGRAMMES = 10
LEADS = 5
# (frequency, source) of the 20 indicators
INDICATORS = (
    [("monthly", "manual")] * 12
    + [("weekly", "manual")] * 3
    + [("quarterly", "manual")] * 2
    + [("monthly", "spi"), ("monthly", "cpi"), ("monthly", "budget_consumption")]
)


def create_portfolio(env, project_count, prefix):
    """The portfolio; return a dict of its records."""
    today = fields.Date.context_today(env.user)
    company = env.company
    group = "base.group_user,pmo_portfolio.group_%s"
    leads = [
        new_test_user(env, login=f"{prefix}_lead_{i}", groups=group % "project_lead")
        for i in range(LEADS)
    ]
    officer = new_test_user(
        env, login=f"{prefix}_officer", groups=group % "pmo_officer"
    )
    manager = new_test_user(
        env, login=f"{prefix}_manager", groups=group % "pmo_manager"
    )
    company.pmo_manager_id = manager
    programmes = env["pmo.programme"].create(
        [
            {
                "name": f"{prefix} programme {i}",
                "code": f"{prefix[:4].upper()}{i}",
                "manager_id": manager.id,
            }
            for i in range(PROGRAMMES)
        ]
    )
    indicators = env["pmo.indicator"].create(
        [_indicator_vals(prefix, index, *kind) for index, kind in enumerate(INDICATORS)]
    )
    projects = _create_projects(env, project_count, prefix, leads, programmes, today)
    _insert_last_values(env, projects, indicators, today)
    projects._pmo_refresh_evm()
    projects._pmo_recompute_health()
    partners = env["res.partner"].create(
        [
            {"name": f"{prefix} member {i}", "email": f"m{i}@example.com"}
            for i in range(3)
        ]
    )
    committee = env["pmo.committee"].create(
        {
            "name": f"{prefix} committee",
            "chair_id": partners[0].id,
            "member_ids": [(6, 0, partners[1:].ids)],
        }
    )
    meeting = env["pmo.committee.meeting"].create(
        {"committee_id": committee.id, "date": today + timedelta(days=7)}
    )
    analyze(
        env,
        "project.project",
        "project.milestone",
        "account.analytic.line",
        "pmo.indicator.value",
    )
    env.invalidate_all()
    return {
        "projects": projects,
        "indicators": indicators,
        "officer": officer,
        "manager": manager,
        "meeting": meeting,
    }


def _indicator_vals(prefix, index, frequency, source):
    vals = {
        "name": f"{prefix} indicator {index}",
        "code": f"{prefix}_{index}",
        "frequency": frequency,
        "source": source,
        "direction": "higher_is_better",
        "green_threshold": 80,
        "red_threshold": 50,
    }
    if source in ("spi", "cpi"):
        vals.update(green_threshold=0.95, red_threshold=0.8)
    elif source == "budget_consumption":
        vals.update(direction="lower_is_better", green_threshold=80, red_threshold=100)
    return vals


def _create_projects(env, count, prefix, leads, programmes, today):
    template = env["project.project"].create(
        {
            "name": f"{prefix} project",
            "user_id": leads[0].id,
            "programme_id": programmes[0].id,
            "budget_at_completion": 100_000,
            "date_start": today - timedelta(days=180),
            "date": today + timedelta(days=180),
        }
    )
    env["project.milestone"].create(
        [
            {
                "name": f"Milestone {i}",
                "project_id": template.id,
                "planned_value": 25,
                "deadline": today + timedelta(days=(i - 2) * 60),
                "is_reached": i < 2,
            }
            for i in range(4)
        ]
    )
    account = template.account_id
    env["account.analytic.line"].create(
        {
            "name": "Bench cost",
            "account_id": account.id,
            "amount": -40_000,
            "date": today - timedelta(days=30),
        }
    )
    copies = count - 1
    account_ids = copy_rows(
        env,
        "account.analytic.account",
        SQL("t.id = %s", account.id),
        copies,
        {"name": text(env, "account.analytic.account", "name", f"{prefix} project ")},
    )
    project_values = {
        "name": text(env, "project.project", "name", f"{prefix} project "),
        "account_id": pick(account_ids),
        "programme_id": SQL(
            "(%s::int[])[1 + mod(n + 1, %s)]", programmes.ids, PROGRAMMES
        ),
        "user_id": SQL("(%s::int[])[1 + mod(n + 1, %s)]", [u.id for u in leads], LEADS),
        # budgets of 100,000 to 160,000
        "budget_at_completion": SQL("t.budget_at_completion * (1 + mod(n, 7) / 10.0)"),
    }
    alias_ids = copy_rows(
        env,
        "mail.alias",
        SQL("t.id = %s", template.alias_id.id),
        copies,
        {"alias_name": SQL("NULL"), "alias_full_name": SQL("NULL")},
    )
    project_values["alias_id"] = pick(alias_ids)
    project_ids = copy_rows(
        env, "project.project", SQL("t.id = %s", template.id), copies, project_values
    )
    env.cr.execute(
        SQL(
            "UPDATE mail_alias a SET alias_parent_thread_id = p.id, "
            "alias_defaults = '{''project_id'': ' || p.id || '}' "
            "FROM project_project p WHERE p.alias_id = a.id AND p.id IN %s",
            tuple(project_ids),
        )
    )
    copy_rows(
        env,
        "project.milestone",
        SQL("t.project_id = %s", template.id),
        copies,
        {
            "project_id": pick(project_ids),
            # one project in five is behind its plan
            "is_reached": SQL("t.is_reached AND mod(n, 5) != 0"),
        },
    )
    copy_rows(
        env,
        "account.analytic.line",
        SQL("t.account_id = %s", account.id),
        copies,
        {
            "account_id": pick(account_ids),
            # 20,000 to 80,000 spent
            "amount": SQL("t.amount * (0.5 + mod(n, 4) * 0.5)"),
        },
    )
    env.invalidate_all()
    return template | env["project.project"].browse(project_ids)


def _insert_last_values(env, projects, indicators, today):
    """Last period's value of every indicator and project: mostly submitted
    (green, some amber and red), some late (stale at the next cron), some
    due for a reminder today, the computed ones waiting for the cron."""
    per = len(indicators)
    starts, ends, manual = [], [], []
    for indicator in indicators:
        current_start = indicator._period_bounds(today)[0]
        start, end = indicator._period_bounds(current_start - timedelta(days=1))
        starts.append(start)
        ends.append(end)
        manual.append(indicator.source == "manual")
    template = env["pmo.indicator.value"].create(
        {
            "indicator_id": indicators[0].id,
            "project_id": projects[0].id,
            "period_start": starts[0] - timedelta(days=400),
            "period_end": ends[0] - timedelta(days=400),
            "deadline": ends[0] - timedelta(days=395),
        }
    )
    project = SQL("(%s::int[])[1 + n / %s]", projects.ids, per)
    index = SQL("1 + mod(n, %s)", per)
    # 0-4 green, 5 amber, 6 red, 7 late, 8 reminder due, 9 validated
    kind = SQL("mod(n / %s * 3 + mod(n, %s), 10)", per, per)
    is_manual = SQL("(%s::bool[])[%s]", manual, index)
    state = SQL(
        "CASE WHEN NOT %(manual)s OR %(kind)s IN (7, 8) THEN 'to_submit' "
        "WHEN %(kind)s = 9 THEN 'validated' ELSE 'submitted' END",
        manual=is_manual,
        kind=kind,
    )
    value = SQL(
        "CASE WHEN NOT %(manual)s OR %(kind)s IN (7, 8) THEN 0 "
        "WHEN %(kind)s = 5 THEN 60 WHEN %(kind)s = 6 THEN 40 ELSE 90 END",
        manual=is_manual,
        kind=kind,
    )
    rag = SQL(
        "CASE WHEN NOT %(manual)s OR %(kind)s IN (7, 8) THEN 'pending' "
        "WHEN %(kind)s = 5 THEN 'amber' WHEN %(kind)s = 6 THEN 'red' "
        "ELSE 'green' END",
        manual=is_manual,
        kind=kind,
    )
    end = SQL("(%s::date[])[%s]", ends, index)
    deadline = SQL(
        "CASE WHEN %(manual)s AND %(kind)s = 7 THEN %(yesterday)s::date "
        "WHEN %(manual)s AND %(kind)s = 8 THEN %(soon)s::date "
        "ELSE %(end)s + 5 END",
        manual=is_manual,
        kind=kind,
        yesterday=today - timedelta(days=1),
        soon=today + timedelta(days=2),
        end=end,
    )
    copy_rows(
        env,
        "pmo.indicator.value",
        SQL("t.id = %s", template.id),
        len(projects) * per,
        {
            "indicator_id": SQL("(%s::int[])[%s]", indicators.ids, index),
            "project_id": project,
            "programme_id": SQL(
                "(SELECT programme_id FROM project_project WHERE id = %s)", project
            ),
            "user_id": SQL(
                "(SELECT user_id FROM project_project WHERE id = %s)", project
            ),
            "period_start": SQL("(%s::date[])[%s]", starts, index),
            "period_end": end,
            "deadline": deadline,
            "reminder_date": SQL("(%s) - 2", deadline),
            "state": state,
            "value": value,
            "rag": rag,
            "submitted_on": SQL(
                "CASE WHEN (%s) = 'to_submit' THEN NULL ELSE %s END",
                state,
                fields.Datetime.now(),
            ),
        },
    )
    template.unlink()
    env.invalidate_all()
