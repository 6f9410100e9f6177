# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


class ProjectMilestone(models.Model):
    _inherit = "project.milestone"

    planned_value = fields.Float(
        string="Planned Value (%)",
        digits=(5, 2),
        help="Share of the project's budget at completion earned when this "
        "milestone is reached; planned by its deadline.",
    )
    mspdi_uid = fields.Char(
        string="MS Project UID",
        copy=False,
        index="btree_not_null",
        help="Unique ID of the milestone in the MS Project file it was "
        "imported from: importing the file again updates this milestone.",
    )
    pmo_baseline_date = fields.Date(string="Baseline Date", copy=False)

    _sql_constraints = [
        (
            "mspdi_uid_project_uniq",
            "unique(project_id, mspdi_uid)",
            "A milestone of an MS Project file is imported once per project.",
        ),
    ]

    @api.constrains("planned_value", "project_id")
    def _check_planned_value(self):
        out_of_range = self.filtered(lambda m: not 0 <= m.planned_value <= 100)
        if out_of_range:
            raise ValidationError(
                _(
                    "The planned value of a milestone is a share between 0 and "
                    "100 %%: %(milestones)s.",
                    milestones=", ".join(out_of_range.mapped("name")),
                )
            )
        totals = self._read_group(
            [("project_id", "in", self.project_id.ids)],
            ["project_id"],
            ["planned_value:sum"],
        )
        digits = self._fields["planned_value"].get_digits(self.env)[1]
        over = [
            project
            for project, total in totals
            if float_compare(total, 100.0, precision_digits=digits) > 0
        ]
        if over:
            raise ValidationError(
                _(
                    "The planned values of a project's milestones cannot exceed "
                    "100 %% of its budget: %(projects)s.",
                    projects=", ".join(p.display_name for p in over),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        milestones = super().create(vals_list)
        milestones.project_id._pmo_refresh_evm()
        return milestones

    def write(self, vals):
        projects = self.project_id
        res = super().write(vals)
        if {"planned_value", "deadline", "is_reached", "project_id"} & set(vals):
            (projects | self.project_id)._pmo_refresh_evm()
        return res

    def unlink(self):
        projects = self.project_id
        res = super().unlink()
        projects.exists()._pmo_refresh_evm()
        return res
