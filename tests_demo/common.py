# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, TransactionCase

LOGINS_LANG = {
    "requester": "nl_BE",
    "buyer": "nl_BE",
    "contract_manager": "fr_BE",
    "finance": "nl_BE",
    "pmo": "fr_BE",
    "project_lead": "nl_BE",
    "member": "fr_BE",
}


class DemoTags:
    """The tests of the demo database of `make run` (`make test-demo`).

    They read what the demo data made and never build fixtures of their own:
    they run on that database only, not on the empty one of `make test`.
    """

    test_tags = {"standard", "post_install", "demo_database"}
    test_module = "interzonal_demo"
    test_sequence = 0


class DemoCase(DemoTags, TransactionCase):
    test_class = "DemoCase"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.police_zone = cls.env.ref(
            "interzonal_procurement.company_police_zone_antwerpen_demo"
        )
        cls.department = cls.env.ref(
            "pmo_portfolio.company_federal_foreign_affairs_demo"
        )
        cls.users = {
            login: cls.env["res.users"].search([("login", "=", login)])
            for login in LOGINS_LANG
        }


class DemoHttpCase(DemoTags, HttpCase):
    test_class = "DemoHttpCase"
