from odoo import api, fields, models

from .project_project import HEALTH_SELECTION


class PmoProjectSnapshot(models.Model):
    _name = "pmo.project.snapshot"
    _description = "Project Snapshot"
    _order = "date desc, project_id"
    _rec_name = "date"

    project_id = fields.Many2one(
        "project.project", required=True, ondelete="cascade", index=True
    )
    programme_id = fields.Many2one("pmo.programme", index="btree_not_null")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    planned_value = fields.Monetary(string="Planned Value (PV)")
    earned_value = fields.Monetary(string="Earned Value (EV)")
    actual_cost = fields.Monetary(string="Actual Cost (AC)")
    spi = fields.Float(string="SPI", digits=(16, 3), aggregator="avg")
    cpi = fields.Float(string="CPI", digits=(16, 3), aggregator="avg")
    eac = fields.Monetary(string="Estimate at Completion (EAC)")
    health = fields.Selection(HEALTH_SELECTION)

    _sql_constraints = [
        (
            "project_date_uniq",
            "unique(project_id, date)",
            "A project has one snapshot per day.",
        ),
    ]

    @api.model
    def _prepare_snapshot_vals(self, project):
        return {
            "project_id": project.id,
            "programme_id": project.programme_id.id,
            "company_id": project.company_id.id or self.env.company.id,
            "planned_value": project.planned_value,
            "earned_value": project.earned_value,
            "actual_cost": project.actual_cost,
            "spi": project.spi,
            "cpi": project.cpi,
            "eac": project.eac,
            "health": project.health,
        }

    @api.model
    def _take_snapshots(self, projects):
        """Today's snapshot of each project, updated when it already exists."""
        today = fields.Date.context_today(self)
        existing = {
            snap.project_id: snap
            for snap in self.sudo().search(
                [("project_id", "in", projects.ids), ("date", "=", today)]
            )
        }
        to_create = []
        for project in projects:
            vals = self._prepare_snapshot_vals(project)
            vals["date"] = today
            if project in existing:
                existing[project].write(vals)
            else:
                to_create.append(vals)
        return self.sudo().create(to_create)
