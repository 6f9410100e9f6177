from datetime import date

from odoo.tests import TransactionCase, new_test_user


class PmoCommon(TransactionCase):
    """Fixtures shared by the addon's tests: one user per role, a programme
    and helpers to build projects with a baseline, milestones and costs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.user_member = new_test_user(
            cls.env,
            login="pmo_member",
            groups="base.group_user,pmo_portfolio.group_project_member",
        )
        cls.user_lead = new_test_user(
            cls.env,
            login="pmo_lead",
            groups="base.group_user,pmo_portfolio.group_project_lead",
        )
        cls.user_officer = new_test_user(
            cls.env,
            login="pmo_officer",
            groups="base.group_user,pmo_portfolio.group_pmo_officer",
        )
        cls.user_manager = new_test_user(
            cls.env,
            login="pmo_manager",
            groups="base.group_user,pmo_portfolio.group_pmo_manager",
        )
        cls.company.pmo_manager_id = cls.user_manager
        cls.company.pmo_amber_share = 80.0
        cls.programme = cls.env["pmo.programme"].create(
            {
                "name": "Digital Consular Services",
                "code": "DCS",
                "manager_id": cls.user_manager.id,
            }
        )
        cls.today = date(2026, 6, 15)

    @classmethod
    def _create_project(cls, name, bac=0.0, milestones=(), cost=0.0, **vals):
        """A project with ``milestones`` as (share %, deadline, reached)
        tuples and ``cost`` booked on its analytic account."""
        project = cls.env["project.project"].create(
            {
                "name": name,
                "user_id": cls.user_lead.id,
                "programme_id": cls.programme.id,
                "budget_at_completion": bac,
                "date_start": date(2026, 1, 1),
                "date": date(2026, 12, 31),
                **vals,
            }
        )
        cls.env["project.milestone"].create(
            [
                {
                    "name": f"{name} M{index}",
                    "project_id": project.id,
                    "planned_value": share,
                    "deadline": deadline,
                    "is_reached": reached,
                }
                for index, (share, deadline, reached) in enumerate(milestones, 1)
            ]
        )
        if cost:
            cls._add_cost(project, cost)
        return project

    @classmethod
    def _add_cost(cls, project, amount):
        cls.env["account.analytic.line"].create(
            {
                "name": f"Cost of {project.name}",
                "account_id": project.account_id.id,
                "amount": -amount,
                "date": date(2026, 3, 1),
            }
        )
