# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .pmo_health_mixin import HEALTH_SELECTION
from .pmo_portfolio_kpi_mixin import PORTFOLIO_AGGREGATES, PORTFOLIO_GROUPBY

# Where the grouped rows of _pmo_portfolio_figures() hold these.
BASELINE_COLUMN = PORTFOLIO_GROUPBY.index("has_baseline")
COUNT_COLUMN = len(PORTFOLIO_GROUPBY) + PORTFOLIO_AGGREGATES.index("__count")


class PmoProjectSnapshot(models.Model):
    _name = "pmo.project.snapshot"
    _description = "Project Snapshot"
    _inherit = ["pmo.portfolio.kpi.mixin", "pmo.defined.figure.mixin"]
    _order = "date desc, project_id"
    _rec_name = "date"
    _check_company_auto = True

    project_id = fields.Many2one(
        "project.project", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(string="Project Name", help="The project's name when taken.")
    programme_id = fields.Many2one("pmo.programme", index="btree_not_null")
    user_id = fields.Many2one("res.users", string="Project Lead")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    meeting_id = fields.Many2one(
        "pmo.committee.meeting",
        string="Committee Meeting",
        ondelete="cascade",
        index="btree_not_null",
        readonly=True,
        help="The committee meeting whose pack froze this snapshot.",
    )
    frozen = fields.Boolean(
        readonly=True, help="A frozen snapshot never changes, whoever asks."
    )
    budget_at_completion = fields.Monetary(string="Budget at Completion (BAC)")
    planned_value = fields.Monetary(string="Planned Value (PV)")
    earned_value = fields.Monetary(string="Earned Value (EV)")
    actual_cost = fields.Monetary(string="Actual Cost (AC)")
    spi = fields.Float(string="SPI", digits=(16, 3), aggregator="avg")
    spi_defined = fields.Boolean(string="SPI Defined")
    cpi = fields.Float(string="CPI", digits=(16, 3), aggregator="avg")
    cpi_defined = fields.Boolean(string="CPI Defined")
    eac = fields.Monetary(string="Estimate at Completion (EAC)")
    eac_defined = fields.Boolean(string="EAC Defined")
    vac = fields.Monetary(string="Variance at Completion (VAC)")
    health = fields.Selection(HEALTH_SELECTION)
    health_time = fields.Selection(HEALTH_SELECTION, string="Schedule Health")
    health_cost = fields.Selection(HEALTH_SELECTION, string="Budget Health")
    health_reason = fields.Char()
    declared_status = fields.Selection(HEALTH_SELECTION, string="Declared RAG")
    health_mismatch = fields.Boolean(string="Disagreement")
    has_baseline = fields.Boolean()
    indicator_red_count = fields.Integer(string="Red Indicators")
    indicator_stale_count = fields.Integer(string="Stale Indicators")
    open_exception_count = fields.Integer(string="Open Exception Reports")
    lead_comment = fields.Html(
        string="Lead's Comment", help="The lead's last project update."
    )

    @api.model
    def _defined_flags(self):
        return {
            **super()._defined_flags(),
            "spi": "spi_defined",
            "cpi": "cpi_defined",
        }

    def init(self):
        # A project has one daily snapshot per day, and one per meeting.
        res = super().init()
        self.env.cr.execute(
            SQL(
                "ALTER TABLE pmo_project_snapshot "
                "DROP CONSTRAINT IF EXISTS pmo_project_snapshot_project_date_uniq"
            )
        )
        for name, columns, where in (
            ("pmo_project_snapshot_daily_uniq", "project_id, date", "NULL"),
            ("pmo_project_snapshot_meeting_uniq", "project_id, meeting_id", "NOT NULL"),
        ):
            self.env.cr.execute(
                SQL(
                    "CREATE UNIQUE INDEX IF NOT EXISTS %s ON pmo_project_snapshot "
                    "(%s) WHERE meeting_id IS %s",
                    SQL.identifier(name),
                    SQL(columns),
                    SQL(where),
                )
            )
        return res

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            vals.get("frozen") or vals.get("meeting_id") for vals in vals_list
        ):
            raise UserError(
                _("Frozen snapshots are only made by freezing a committee meeting.")
            )
        return super().create(vals_list)

    def write(self, vals):
        self._check_not_frozen()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_frozen(self):
        self._check_not_frozen()

    def _check_not_frozen(self):
        """Frozen snapshots are the committee's record: only unfreezing their
        meeting (a PMO manager's action, run as superuser) removes them."""
        frozen = self.filtered("frozen")
        if frozen and not self.env.su:
            raise UserError(
                _(
                    "These snapshots are frozen for a committee meeting and "
                    "cannot change: %(snapshots)s.",
                    snapshots=", ".join(
                        f"{snap.name or snap.project_id.name} ({snap.date})"
                        for snap in frozen
                    ),
                )
            )

    @api.model
    def _prepare_snapshot_vals(self, project):
        update = project.last_update_id
        return {
            "project_id": project.id,
            "name": project.name,
            "programme_id": project.programme_id.id,
            "user_id": project.user_id.id,
            "company_id": project.company_id.id or self.env.company.id,
            "budget_at_completion": project.budget_at_completion,
            "planned_value": project.planned_value,
            "earned_value": project.earned_value,
            "actual_cost": project.actual_cost,
            "spi": project.spi,
            "spi_defined": project.spi_defined,
            "cpi": project.cpi,
            "cpi_defined": project.cpi_defined,
            "eac": project.eac,
            "eac_defined": project.eac_defined,
            "vac": project.vac,
            "health": project.health,
            "health_time": project.health_time,
            "health_cost": project.health_cost,
            "health_reason": project.health_reason,
            "declared_status": project.declared_status,
            "health_mismatch": project.health_mismatch,
            "has_baseline": project.has_baseline,
            "indicator_red_count": project.indicator_red_count,
            "indicator_stale_count": project.indicator_stale_count,
            "open_exception_count": len(
                project.exception_report_ids.filtered(lambda r: r.state != "decided")
            ),
            "lead_comment": update.description if update else False,
        }

    @api.model
    def _take_snapshots(self, projects):
        """Today's snapshot of each project, updated when it already exists."""
        today = fields.Date.context_today(self)
        existing = {
            snap.project_id: snap
            # sudo: the daily snapshot of each project, found whoever runs
            # the daily pass; the figures come from the projects.
            for snap in self.sudo().search(
                [
                    ("project_id", "in", projects.ids),
                    ("date", "=", today),
                    ("meeting_id", "=", False),
                ]
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
        # sudo: see above; daily snapshots are never frozen.
        return self.sudo().create(to_create)

    @api.model
    def _pmo_figures_from_groups(self, groups):
        """The portfolio KPIs of ``pmo.portfolio.kpi.mixin``, from the frozen
        figures. Projects without a baseline are left out of the ratios and
        counted apart in ``no_baseline_count``, be they stale or red."""
        assessed = [row for row in groups if row[BASELINE_COLUMN]]
        no_baseline = sum(
            row[COUNT_COLUMN] for row in groups if not row[BASELINE_COLUMN]
        )
        figures = super()._pmo_figures_from_groups(assessed)
        figures["no_baseline_count"] = no_baseline
        figures["project_count"] += no_baseline
        return figures
