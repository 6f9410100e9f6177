from odoo.tests import TransactionCase, new_test_user


class InterzonalCommon(TransactionCase):
    """Fixtures shared by the addon's tests: one user per role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.user_requester = new_test_user(
            cls.env,
            login="iz_requester",
            groups="base.group_user,interzonal_procurement.group_requester",
        )
        cls.user_buyer = new_test_user(
            cls.env,
            login="iz_buyer",
            groups="base.group_user,interzonal_procurement.group_buyer",
        )
        cls.user_contract_manager = new_test_user(
            cls.env,
            login="iz_contract_manager",
            groups="base.group_user,interzonal_procurement.group_contract_manager",
        )
        cls.user_finance = new_test_user(
            cls.env,
            login="iz_finance",
            groups="base.group_user,interzonal_procurement.group_finance",
        )
