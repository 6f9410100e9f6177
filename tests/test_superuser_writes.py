# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Superuser calls in the addons: each says why it cannot widen the caller's
rights, and every public method that works as superuser (directly or through
a private method of its class) refuses a caller without rights before that."""

import ast
import re
from datetime import date
from pathlib import Path

from .security_fixtures import IZ, PMO, SecurityCase

ROOT = Path(__file__).resolve().parent.parent
SUDO = re.compile(r"\.sudo\(")


def _addon_sources():
    for addon in (IZ, PMO):
        for path in sorted((ROOT / addon).rglob("*.py")):
            if "tests" not in path.relative_to(ROOT / addon).parts:
                yield path


def _model_name(cls):
    """``_name`` of a model class, else the model it inherits."""
    found = {}
    for node in cls.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id in ("_name", "_inherit"):
                value = ast.literal_eval(node.value)
                found[target.id] = value if isinstance(value, str) else value[0]
    return found.get("_name") or found.get("_inherit")


def public_superuser_methods():
    """{(model, method): path} of the public methods using sudo()."""
    found = {}
    for path in _addon_sources():
        source = path.read_text()
        for cls in ast.parse(source).body:
            if not isinstance(cls, ast.ClassDef) or not _model_name(cls):
                continue
            methods = {f.name: f for f in cls.body if isinstance(f, ast.FunctionDef)}
            uses_sudo = {
                name
                for name, func in methods.items()
                if SUDO.search(ast.get_source_segment(source, func))
            }
            for name, func in methods.items():
                if name.startswith("_"):
                    continue
                called = {
                    node.func.attr
                    for node in ast.walk(func)
                    if isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                }
                if name in uses_sudo or called & uses_sudo - {name}:
                    found[(_model_name(cls), name)] = path.relative_to(ROOT)
    return found


class TestSuperuserWrites(SecurityCase):
    def test_every_sudo_says_why(self):
        missing = []
        for path in _addon_sources():
            lines = path.read_text().splitlines()
            for index, line in enumerate(lines):
                if SUDO.search(line) and not any(
                    "# sudo:" in above for above in lines[max(0, index - 6) : index]
                ):
                    missing.append(f"{path.relative_to(ROOT)}:{index + 1}")
        self.assertFalse(
            missing,
            "sudo() without a '# sudo:' comment in the 6 lines above saying why "
            "it cannot widen the caller's rights:\n" + "\n".join(missing),
        )

    def test_public_superuser_methods_check_the_caller(self):
        """Each such method, called by a user without rights on the record,
        raises AccessError; a method without a check below fails."""
        unchecked, wrong = [], []
        for (model, method), path in sorted(public_superuser_methods().items()):
            name = f"_call_{model}_{method}".replace(".", "_")
            check = getattr(self, name, None)
            if check is None:
                unchecked.append(f"{model}.{method} ({path})")
                continue
            try:
                allowed = self.try_operation(check)
            except Exception as error:  # reported below
                wrong.append(f"{model}.{method} ({path}) raised {error!r}")
                continue
            if allowed:
                wrong.append(f"{model}.{method} ({path}) went through")
        self.assertFalse(
            unchecked,
            "Public methods working as superuser without a caller check in "
            "tests/test_superuser_writes.py: " + ", ".join(unchecked),
        )
        self.assertFalse(
            wrong,
            "Called without rights, these did not raise AccessError:\n"
            + "\n".join(wrong),
        )

    # One call per method, as a user who may not do what it does.

    def _call_account_move_action_ubl_match(self):
        self.bill.with_user(self.users["internal"]).action_ubl_match()

    def _fine(self):
        Fine = self.env["interzonal.late.fine"]
        return Fine.create(self._vals_interzonal_late_fine())

    def _call_interzonal_late_fine_write(self):
        self._fine().with_user(self.users["buyer"]).write({"remission_note": "No"})

    def _call_interzonal_late_fine_action_grant_remission(self):
        fine = self._fine()
        fine.remission_state = "requested"
        fine.with_user(self.users["buyer"]).action_grant_remission()

    def _call_interzonal_late_fine_action_request_remission(self):
        self._fine().with_user(self.users["buyer"]).action_request_remission()

    def _call_interzonal_late_fine_action_refuse_remission(self):
        fine = self._fine()
        fine.remission_state = "requested"
        fine.with_user(self.users["buyer"]).action_refuse_remission()

    def _call_interzonal_supplier_scorecard_action_recompute(self):
        self.env["interzonal.supplier.scorecard"].with_user(
            self.users["requester"]
        ).action_recompute()

    def _call_interzonal_supplier_scorecard_compute_for_period(self):
        self.env["interzonal.supplier.scorecard"].with_user(
            self.users["internal"]
        ).compute_for_period(date(2026, 1, 1), date(2026, 3, 31))

    def _call_interzonal_zone_create(self):
        self.env["interzonal.zone"].with_user(self.users["buyer"]).create(
            self._vals_interzonal_zone()
        )

    def _call_purchase_order_create(self):
        self.env["purchase.order"].with_user(self.users["internal"]).create(
            {"partner_id": self.vendor.id, "requisition_id": self.lot.id}
        )

    def _call_interzonal_zone_write(self):
        self.zone.with_user(self.users["buyer"]).write({"active": False})

    def _call_account_analytic_line_create(self):
        project = self._project()
        self.env["account.analytic.line"].with_user(self.users["portal"]).create(
            {"name": "Cost", "account_id": project.account_id.id, "amount": -1}
        )

    def _analytic_line(self):
        project = self._project()
        return self.env["account.analytic.line"].create(
            {"name": "Cost", "account_id": project.account_id.id, "amount": -1}
        )

    def _call_account_analytic_line_write(self):
        self._analytic_line().with_user(self.users["portal"]).write({"amount": -2})

    def _call_account_analytic_line_unlink(self):
        self._analytic_line().with_user(self.users["portal"]).unlink()

    def _call_pmo_committee_meeting_write(self):
        self.meeting.with_user(self.users["member"]).write({"state": "held"})

    def _call_pmo_decision_write(self):
        decision = self.env["pmo.decision"].create(self._vals_pmo_decision())
        decision.with_user(self.users["member"]).write({"state": "done"})

    def _decision(self):
        return self.env["pmo.decision"].create(self._vals_pmo_decision())

    def _call_pmo_decision_action_done(self):
        self._decision().with_user(self.users["member"]).action_done()

    def _call_pmo_decision_action_cancel(self):
        self._decision().with_user(self.users["member"]).action_cancel()

    def _call_pmo_decision_action_reopen(self):
        decision = self._decision()
        decision.state = "done"
        decision.with_user(self.users["member"]).action_reopen()

    def _call_pmo_indicator_action_generate_values(self):
        self.indicator.with_user(self.users["lead"]).action_generate_values()

    def _call_pmo_indicator_value_create(self):
        self.env["pmo.indicator.value"].with_user(self.users["member"]).create(
            self._vals_pmo_indicator_value()
        )

    def _value(self):
        return self.env["pmo.indicator.value"].create(self._vals_pmo_indicator_value())

    def _call_pmo_indicator_value_write(self):
        self._value().with_user(self.users["internal"]).write({"value": 1})

    def _call_pmo_indicator_value_action_submit(self):
        self._value().with_user(self.users["internal"]).action_submit()

    def _call_project_project_create(self):
        self.env["project.project"].with_user(self.users["portal"]).create(
            {"name": "Sec portal project"}
        )

    def _call_project_project_write(self):
        self._project().with_user(self.users["internal"]).write({"name": "Renamed"})

    def _call_project_project_action_recompute_health(self):
        self._project().with_user(self.users["internal"]).action_recompute_health()

    def _call_res_company_write(self):
        self.company.with_user(self.users["internal"]).write({"pmo_amber_share": 50})
