# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Who may create, read, write and unlink each model of both addons.

The table is checked against reality: every cell is tried as a real user of
that role (``with_user``) on a fresh record, in a savepoint that is rolled
back, never by reading ``ir.model.access``. A model of the addons missing
from the table (or from the lists of abstract and transient models) fails.
"""

from functools import partial

from .security_fixtures import IZ, PMO, ROLES, SecurityCase

# c = create, r = read, w = write, u = unlink; "" = nothing.
# fmt: off
COLUMNS = (
    "requester", "buyer", "contract_manager", "finance",
    "member", "lead", "officer", "pmo_manager",
    "internal", "portal", "public",
)
MATRIX = {
    # model                                 req   buyer   c.man.  finance  member lead  officer manager int  portal public  # noqa: E501
    "interzonal.zone":                      ("r", "r",    "crwu", "r",     "",    "",   "",     "",     "", "", ""),  # noqa: E501
    "interzonal.framework.agreement":       ("r", "r",    "crwu", "r",     "",    "",   "",     "",     "", "", ""),  # noqa: E501
    "interzonal.agreement.participation":   ("r", "r",    "crwu", "r",     "",    "",   "",     "",     "", "", ""),  # noqa: E501
    "interzonal.agreement.document":        ("r", "r",    "crwu", "r",     "",    "",   "",     "",     "", "", ""),  # noqa: E501
    "interzonal.document.type":             ("r", "r",    "crwu", "r",     "",    "",   "",     "",     "", "", ""),  # noqa: E501
    "interzonal.lot.allocation":            ("r", "r",    "crwu", "r",     "",    "",   "",     "",     "", "", ""),  # noqa: E501
    "interzonal.lot.modification":          ("r", "r",    "crwu", "r",     "",    "",   "",     "",     "", "", ""),  # noqa: E501
    "interzonal.eu.threshold":              ("r", "r",    "crwu", "r",     "",    "",   "",     "",     "", "", ""),  # noqa: E501
    "interzonal.quotation.template":        ("r", "crwu", "crwu", "",      "",    "",   "",     "",     "", "", ""),  # noqa: E501
    "interzonal.quotation.template.line":   ("r", "crwu", "crwu", "",      "",    "",   "",     "",     "", "", ""),  # noqa: E501
    "interzonal.supplier.evaluation":       ("",  "crw",  "crwu", "r",     "",    "",   "",     "",     "", "", ""),  # noqa: E501
    "interzonal.supplier.scorecard":        ("",  "r",    "r",    "r",     "",    "",   "",     "",     "", "", ""),  # noqa: E501
    "interzonal.supplier.scorecard.line":   ("",  "r",    "r",    "r",     "",    "",   "",     "",     "", "", ""),  # noqa: E501
    "interzonal.late.fine":                 ("",  "r",    "r",    "rw",    "",    "",   "",     "",     "", "", ""),  # noqa: E501
    "interzonal.ubl.difference":            ("",  "r",    "r",    "crwu",  "",    "",   "",     "",     "", "", ""),  # noqa: E501
    "interzonal.price.revision":            ("r", "r",    "crwu", "r",     "",    "",   "",     "",     "", "", ""),  # noqa: E501
    "interzonal.price.revision.term":       ("r", "r",    "crwu", "r",     "",    "",   "",     "",     "", "", ""),  # noqa: E501
    "interzonal.contract.finance.report":   ("",  "r",    "r",    "r",     "",    "",   "",     "",     "", "", ""),  # noqa: E501
    "pmo.programme":                        ("",  "",     "",     "",      "r",   "r",  "crw",  "crwu", "", "", ""),  # noqa: E501
    "pmo.project.snapshot":                 ("",  "",     "",     "",      "r",   "r",  "r",    "crwu", "", "", ""),  # noqa: E501
    "pmo.exception.report":                 ("",  "",     "",     "",      "r",   "crw", "crw", "crwu", "", "", ""),  # noqa: E501
    "pmo.indicator":                        ("",  "",     "",     "",      "r",   "r",  "r",    "crwu", "", "", ""),  # noqa: E501
    "pmo.indicator.value":                  ("",  "",     "",     "",      "rw",  "rw", "crw",  "crwu", "", "", ""),  # noqa: E501
    "pmo.alert":                            ("",  "",     "",     "",      "r",   "rw", "crw",  "crwu", "", "", ""),  # noqa: E501
    "pmo.committee":                        ("",  "",     "",     "",      "r",   "r",  "crw",  "crwu", "", "", ""),  # noqa: E501
    "pmo.committee.meeting":                ("",  "",     "",     "",      "r",   "r",  "crw",  "crwu", "", "", ""),  # noqa: E501
    "pmo.decision":                         ("",  "",     "",     "",      "r",   "rw", "crw",  "crwu", "", "", ""),  # noqa: E501
}
# Transient wizards: who may open (create) them.
TRANSIENT = {
    "pmo.mspdi.import":                     ("",  "",     "",     "",      "",    "",   "",     "c",    "", "", ""),  # noqa: E501
}
# fmt: on
# Abstract models hold no records: mixins, services and report renderers.
ABSTRACT = {
    "interzonal.contract.money.mixin",
    "interzonal.supplier.performance.mixin",
    "interzonal.supplier.scorecard.alert",
    "interzonal.supplier.scorecard.stats",
    "interzonal.ubl.invoice.parser",
    "interzonal.zone.mixin",
    "report.interzonal_procurement.agreement_finance_xlsx",
    "report.interzonal_procurement.framework_agreement_xlsx",
    "report.interzonal_procurement.report_supplier_scorecard",
    "report.interzonal_procurement.supplier_open_orders_xlsx",
    "report.interzonal_procurement.supplier_ranking_xlsx",
    "pmo.job.mixin",
    "pmo.mspdi",
    "pmo.mspdi.reader",
    "pmo.mspdi.writer",
    "pmo.defined.figure.mixin",
    "pmo.earned.value.mixin",
    "pmo.exception.mixin",
    "pmo.health.mixin",
    "pmo.indicator.rollup.mixin",
    "pmo.portfolio.kpi.mixin",
    "report.pmo_portfolio.committee_meeting_dashboard_xlsx",
    "report.pmo_portfolio.portfolio_dashboard_xlsx",
    "report.pmo_portfolio.project_dashboard_xlsx",
    "report.pmo_portfolio.report_committee_pack",
    "report.pmo_portfolio.report_highlight",
    "report.pmo_portfolio.report_management_committee",
}
# A harmless change per model for the write check.
WRITE_VALS = {
    "interzonal.zone": {"name": "Sec renamed"},
    "interzonal.framework.agreement": {"name": "Sec renamed"},
    "interzonal.agreement.participation": {"decision_reference": "SEC-ACC-2"},
    "interzonal.agreement.document": {"name": "Sec renamed"},
    "interzonal.document.type": {"name": "Sec renamed"},
    "interzonal.lot.allocation": {"amount": 2000},
    "interzonal.lot.modification": {"reason": "Sec other reason"},
    "interzonal.eu.threshold": {"name": "Sec renamed"},
    "interzonal.quotation.template": {"name": "Sec renamed"},
    "interzonal.quotation.template.line": {"product_qty": 2},
    "interzonal.supplier.evaluation": {"service_rating": "4"},
    "interzonal.supplier.scorecard": {"grade": "good"},
    "interzonal.supplier.scorecard.line": {"qty_ordered": 2},
    "interzonal.late.fine": {"remission_note": "Sec note"},
    "interzonal.ubl.difference": {"name": "Sec renamed"},
    "interzonal.price.revision": {"reference": "Sec ref"},
    "interzonal.price.revision.term": {"name": "Sec other index"},
    "interzonal.contract.finance.report": {"partner_id": False},
    "pmo.programme": {"name": "Sec renamed"},
    "pmo.project.snapshot": {"health_reason": "Sec reason"},
    "pmo.exception.report": {"cause": "Sec cause"},
    "pmo.indicator": {"name": "Sec renamed"},
    "pmo.indicator.value": {"comment": "Sec comment"},
    "pmo.alert": {"message": "Sec other message"},
    "pmo.committee": {"name": "Sec renamed"},
    "pmo.committee.meeting": {"date": "2026-07-02"},
    "pmo.decision": {"description": "Sec other decision"},
}
# SQL views: their rows come from other tables, so only read is tried
# on an existing row; create, write and unlink must be refused to all.
SQL_VIEWS = {"interzonal.supplier.scorecard.line", "interzonal.contract.finance.report"}


class TestAccessMatrix(SecurityCase):
    def _addon_models(self):
        """Models that only our two addons define (not the ones they extend)."""
        data = self.env["ir.model.data"].search_read(
            [("model", "=", "ir.model")], ["module", "res_id"]
        )
        modules_by_model = {}
        for row in data:
            modules_by_model.setdefault(row["res_id"], set()).add(row["module"])
        own = [
            res_id
            for res_id, modules in modules_by_model.items()
            if modules <= {IZ, PMO}
        ]
        return set(self.env["ir.model"].browse(own).mapped("model"))

    def test_table_covers_every_model(self):
        self.assertEqual(COLUMNS, tuple(ROLES), "one column per role")
        listed = set(MATRIX) | set(TRANSIENT) | ABSTRACT
        missing = sorted(self._addon_models() - listed)
        self.assertFalse(
            missing,
            "These models of the addons have no row in the access matrix of "
            f"tests/test_access_matrix.py: {missing}. Add their expected "
            "create/read/write/unlink per role (or list them as abstract or "
            "transient).",
        )
        gone = sorted(listed - self._addon_models())
        self.assertFalse(gone, f"The access matrix lists unknown models: {gone}")
        for model in ABSTRACT:
            self.assertTrue(self.env[model]._abstract, f"{model} is not abstract")
        for model in TRANSIENT:
            self.assertTrue(self.env[model]._transient, f"{model} is not transient")
        for model in MATRIX:
            Model = self.env[model]
            self.assertFalse(Model._abstract or Model._transient, model)
            self.assertIn(model, WRITE_VALS, f"{model}: no values for the write check")

    def _record(self, model):
        if model in SQL_VIEWS:
            record = self.env[model].search([], limit=1)
            self.assertTrue(record, f"{model}: the fixtures give it no row")
            return record
        Model = self.env[model].with_context(**self.context_for(model))
        return Model.create(self.vals_for(model))

    def _read_field(self, model):
        return next(
            name
            for name, field in self.env[model]._fields.items()
            if field.store and name != "id" and not field.related
        )

    def _reality(self, model, user):
        record = self._record(model).with_context(**self.context_for(model))
        Model = self.env[model].with_user(user).with_context(**self.context_for(model))
        field = self._read_field(model)
        vals = {} if model in SQL_VIEWS else self.vals_for(model)
        ops = {
            "c": lambda: Model.create(vals),
            "r": lambda: record.with_user(user).read([field]),
            "w": lambda: record.with_user(user).write(WRITE_VALS[model]),
            "u": lambda: record.with_user(user).unlink(),
        }
        return "".join(op for op, run in ops.items() if self.try_operation(run))

    def test_access_matrix(self):
        """Every cell of the table, tried as the role's user."""
        wrong = []
        for model, row in MATRIX.items():
            for role, expected in zip(COLUMNS, row, strict=True):
                actual = self._reality(model, self.users[role])
                if actual != expected:
                    wrong.append(
                        f"{model:38} {role:17} expected {expected or '-':5} "
                        f"got {actual or '-'}"
                    )
        self.assertFalse(wrong, "Access differs from the table:\n" + "\n".join(wrong))

    def test_transient_wizards(self):
        wrong = []
        for model, row in TRANSIENT.items():
            for role, expected in zip(COLUMNS, row, strict=True):
                Model = self.env[model].with_user(self.users[role])
                create = partial(Model.create, self.vals_for(model))
                actual = "c" if self.try_operation(create) else ""
                if actual != expected:
                    wrong.append(f"{model} {role}: expected {expected!r}, got {actual}")
        self.assertFalse(wrong, "\n".join(wrong))
