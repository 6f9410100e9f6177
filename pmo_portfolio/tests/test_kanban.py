# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import PmoCommon


@tagged("post_install", "-at_install")
class TestKanbanQueries(PmoCommon):
    def _kanban_spec(self):
        view = self.env.ref("pmo_portfolio.project_project_view_kanban_pmo")
        fields_info = self.env["project.project"].get_views([(view.id, "kanban")])[
            "models"
        ]["project.project"]["fields"]
        spec = {}
        for name, info in fields_info.items():
            if info["type"] == "many2one":
                spec[name] = {"fields": {"display_name": {}}}
            elif info["type"] in ("one2many", "many2many"):
                spec[name] = {"fields": {"display_name": {}}}
            else:
                spec[name] = {}
        return spec

    def _page_queries(self, limit):
        Project = self.env["project.project"].with_user(self.user_lead)
        domain = [("programme_id", "=", self.programme.id)]
        spec = self._kanban_spec()
        Project.web_search_read(domain, spec, limit=limit)  # warm the caches
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        result = Project.web_search_read(domain, spec, limit=limit)
        self.assertEqual(len(result["records"]), limit)
        count = self.env.cr.sql_log_count - before
        self.assertGreater(count, 0)
        return count

    def test_kanban_page_same_queries_for_8_and_80(self):
        other_lead = self.user_officer
        self.env["project.project"].create(
            [
                {
                    "name": f"Project {index}",
                    "programme_id": self.programme.id,
                    "user_id": (self.user_lead if index % 2 else other_lead).id,
                    "budget_at_completion": 1000.0 * index,
                }
                for index in range(85)
            ]
        )
        spec = self._kanban_spec()
        for field in ("health", "spi", "cpi", "user_id", "programme_id"):
            self.assertIn(field, spec)
        self.assertEqual(self._page_queries(8), self._page_queries(80))
