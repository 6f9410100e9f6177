# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Record rules with two companies and two zones: requesters see their own
zones' requests and orders, members their own projects' values, and no user
of one company sees a record of the other."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user
from odoo.tools import SQL

from .security_fixtures import ROLES, SecurityCase
from .test_access_matrix import COLUMNS, MATRIX, SQL_VIEWS


class TestRecordRules(SecurityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Sec Company B"})
        cls.other_zone = cls.env["interzonal.zone"].create(
            {"name": "Sec Other Zone", "code": "SECX"}
        )
        cls.order_mine = cls._call_off(zone=cls.zone)
        cls.order_other = cls._call_off(zone=cls.other_zone)
        Request = cls.env["purchase.request"]
        cls.request_mine = Request.create({"zone_id": cls.zone.id})
        cls.request_other = Request.create({"zone_id": cls.other_zone.id})
        cls.plain_request_user = new_test_user(
            cls.env,
            login="sec_plain_request_user",
            groups="base.group_user,purchase_request.group_purchase_request_user",
        )
        cls.plain_purchase_user = new_test_user(
            cls.env,
            login="sec_plain_purchase_user",
            groups="base.group_user,purchase.group_purchase_user",
        )

    def _visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def test_requester_sees_own_zones_requests_and_orders(self):
        requester = self.users["requester"]
        requests = self.request_mine | self.request_other
        orders = self.order_mine | self.order_other
        self.assertEqual(self._visible(requester, requests), self.request_mine)
        self.assertEqual(self._visible(requester, orders), self.order_mine)
        self.assertEqual(
            self._visible(requester, orders.order_line), self.order_mine.order_line
        )
        with self.assertRaises(AccessError):
            self.order_other.with_user(requester).read(["name"])
        with self.assertRaises(AccessError):
            self.request_other.with_user(requester).read(["name"])
        # A second zone given to the requester opens its orders too.
        self.other_zone.user_ids = [Command.link(requester.id)]
        self.assertEqual(self._visible(requester, orders), orders)

    def test_buyers_and_users_outside_our_groups_unaffected(self):
        """Buyers (requesters with purchase rights) and Odoo's plain request
        and purchase users keep reading every order, as in Odoo."""
        orders = self.order_mine | self.order_other
        for user in (
            self.users["buyer"],
            self.users["contract_manager"],
            self.plain_request_user,
            self.plain_purchase_user,
        ):
            self.assertEqual(self._visible(user, orders), orders, user.login)
            self.assertEqual(
                self._visible(user, orders.order_line), orders.order_line, user.login
            )
        requests = self.request_mine | self.request_other
        self.assertEqual(self._visible(self.users["buyer"], requests), requests)

    def test_member_sees_own_projects_values(self):
        Value = self.env["pmo.indicator.value"]
        mine = Value.create(self._vals_pmo_indicator_value())
        outsider = self.env["res.users"].create(
            {"name": "Sec Other Lead", "login": "sec_other_lead"}
        )
        other_project = self._project(user_id=outsider.id, member_ids=[])
        other = Value.create(
            dict(self._vals_pmo_indicator_value(), project_id=other_project.id)
        )
        values = mine | other
        self.assertEqual(self._visible(self.users["member"], values), mine)
        self.assertEqual(self._visible(self.users["lead"], values), mine)
        with self.assertRaises(AccessError):
            other.with_user(self.users["member"]).read(["value"])
        # The PMO sees every project's values.
        self.assertEqual(self._visible(self.users["officer"], values), values)
        # Joining the team opens the project's values.
        other_project.member_ids = [Command.link(self.users["member"].id)]
        self.assertEqual(self._visible(self.users["member"], values), values)

    def test_multi_company_isolation(self):
        """For every model of the table with a company: a record of company B
        is invisible to a user of company A with the same role, and visible
        to the user of company B. The record is moved to company B in the
        database so that each model's own company rule is what is checked."""
        users_b = {}
        failures = []
        for model, row in MATRIX.items():
            Model = self.env[model]
            field = Model._fields.get("company_id")
            if not field or not field.store or model in SQL_VIEWS:
                continue
            # The role with the widest rights on the model reads it unhindered
            # by any other rule.
            role = max(zip(COLUMNS, row, strict=True), key=lambda item: len(item[1]))[0]
            if role not in users_b:
                users_b[role] = new_test_user(
                    self.env,
                    login=f"sec_b_{role}",
                    groups=ROLES[role],
                    company_id=self.company_b.id,
                    company_ids=[Command.set(self.company_b.ids)],
                )
            record = Model.with_context(**self.context_for(model)).create(
                self.vals_for(model)
            )
            self.env.flush_all()
            self.env.cr.execute(
                SQL(
                    "UPDATE %s SET company_id = %s WHERE id = %s",
                    SQL.identifier(Model._table),
                    self.company_b.id,
                    record.id,
                )
            )
            self.env.invalidate_all()
            if self._visible(self.users[role], record):
                failures.append(f"{model}: a {role} of company A sees company B's")
            if self._visible(users_b[role], record) != record:
                failures.append(f"{model}: a {role} of company B misses its own")
        self.assertFalse(failures, "\n".join(failures))
