from odoo.tests import TransactionCase, new_test_user


class PmoCommon(TransactionCase):
    """Fixtures shared by the addon's tests: one user per role."""

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
