# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import binascii

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount, format_date

PREVIEW_NAMES = 10


class PmoMspdiImport(models.TransientModel):
    _name = "pmo.mspdi.import"
    _description = "Import an MS Project File"

    project_id = fields.Many2one("project.project", required=True)
    mspdi_file = fields.Binary(string="MS Project XML File", attachment=False)
    mspdi_filename = fields.Char(string="File Name")
    preview = fields.Text(compute="_compute_preview")
    preview_error = fields.Boolean(compute="_compute_preview")

    @api.depends("mspdi_file", "project_id")
    def _compute_preview(self):
        for wizard in self:
            wizard.preview_error = False
            if not wizard.mspdi_file or not wizard.project_id:
                wizard.preview = False
                continue
            try:
                changes = wizard._get_changes()
            except UserError as error:
                wizard.preview = str(error)
                wizard.preview_error = True
                continue
            wizard.preview = wizard._describe_changes(changes)

    def _read_file(self):
        self.ensure_one()
        if not self.mspdi_file:
            raise UserError(_("Choose an MS Project XML file to import."))
        try:
            return base64.b64decode(self.mspdi_file, validate=True)
        except (binascii.Error, ValueError) as error:
            raise UserError(_("The file could not be read.")) from error

    def _get_changes(self):
        self.ensure_one()
        Mspdi = self.env["pmo.mspdi"]
        plan = Mspdi._parse_plan(self._read_file())
        return Mspdi._plan_changes(self.project_id, plan)

    def _describe_changes(self, changes):
        """The preview: what the import creates, updates and leaves."""
        project = self.project_id
        lines = []

        def names(items):
            shown = ", ".join(items[:PREVIEW_NAMES])
            if len(items) > PREVIEW_NAMES:
                shown += ", …"
            return shown

        for key, label_create, label_update in (
            ("task", _("Tasks to create"), _("Tasks to update")),
            ("milestone", _("Milestones to create"), _("Milestones to update")),
        ):
            created = [item["name"] for item, _vals in changes[f"{key}_create"]]
            updated = [record.name for record, _vals in changes[f"{key}_update"]]
            if created:
                lines.append(
                    _(
                        "%(label)s: %(count)s (%(names)s)",
                        label=label_create,
                        count=len(created),
                        names=names(created),
                    )
                )
            if updated:
                lines.append(
                    _(
                        "%(label)s: %(count)s (%(names)s)",
                        label=label_update,
                        count=len(updated),
                        names=names(updated),
                    )
                )
        values = changes["project"]
        currency = project.currency_id
        if "budget_at_completion" in values:
            lines.append(
                _(
                    "Budget at completion: %(old)s -> %(new)s",
                    old=format_amount(self.env, project.budget_at_completion, currency),
                    new=format_amount(
                        self.env, values["budget_at_completion"], currency
                    ),
                )
            )
        if "date_start" in values or "date" in values:
            lines.append(
                _(
                    "Baseline dates: %(start)s - %(end)s",
                    start=format_date(self.env, values.get("date_start")),
                    end=format_date(self.env, values.get("date")),
                )
            )
        if changes["unchanged"]:
            lines.append(
                _(
                    "Unchanged: %(count)s tasks and milestones",
                    count=changes["unchanged"],
                )
            )
        if not any(
            changes[key]
            for key in (
                "project",
                "task_create",
                "task_update",
                "milestone_create",
                "milestone_update",
            )
        ):
            lines.append(_("Nothing to change: the project already follows this file."))
        return "\n".join(lines)

    def action_import(self):
        self.ensure_one()
        self.project_id.check_access("write")
        changes = self._get_changes()
        self.env["pmo.mspdi"]._apply_changes(self.project_id, changes)
        return {
            "type": "ir.actions.act_window",
            "res_model": "project.project",
            "res_id": self.project_id.id,
            "view_mode": "form",
            "target": "current",
        }
