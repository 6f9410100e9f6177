# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ProjectTask(models.Model):
    _inherit = "project.task"

    mspdi_uid = fields.Char(
        string="MS Project UID",
        copy=False,
        index="btree_not_null",
        help="Unique ID of the task in the MS Project file it was imported "
        "from: importing the file again updates this task.",
    )
    pmo_date_start = fields.Datetime(string="Planned Start")
    pmo_baseline_start = fields.Datetime(string="Baseline Start", copy=False)
    pmo_baseline_finish = fields.Datetime(string="Baseline Finish", copy=False)
    pmo_currency_id = fields.Many2one(
        related="project_id.currency_id", string="Project Currency"
    )
    pmo_baseline_cost = fields.Monetary(
        string="Baseline Cost", currency_field="pmo_currency_id", copy=False
    )

    _sql_constraints = [
        (
            "mspdi_uid_project_uniq",
            "unique(project_id, mspdi_uid)",
            "A task of an MS Project file is imported once per project.",
        ),
    ]
