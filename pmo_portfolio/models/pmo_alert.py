# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class PmoAlert(models.Model):
    _name = "pmo.alert"
    _description = "PMO Alert"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "create_date desc, id desc"
    _check_company_auto = True

    project_id = fields.Many2one(
        "project.project",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    programme_id = fields.Many2one(related="project_id.programme_id", store=True)
    indicator_value_id = fields.Many2one(
        "pmo.indicator.value", ondelete="set null", index="btree_not_null"
    )
    indicator_id = fields.Many2one(
        related="indicator_value_id.indicator_id", store=True
    )
    level = fields.Selection(
        [
            ("amber", "Amber"),
            ("red", "Red"),
            ("stale", "Stale"),
            ("exception", "Exception"),
        ],
        required=True,
        tracking=True,
    )
    message = fields.Text(required=True)
    state = fields.Selection(
        [("open", "Open"), ("acknowledged", "Acknowledged"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
    )
    user_id = fields.Many2one("res.users", string="Assigned to", tracking=True)
    date_closed = fields.Datetime(readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        precompute=True,
        readonly=True,
    )
    pmo_manager_id = fields.Many2one(
        "res.users", string="PMO Manager", compute="_compute_pmo_manager_id"
    )

    @api.depends("project_id.company_id")
    def _compute_company_id(self):
        for alert in self:
            alert.company_id = alert.project_id.company_id or self.env.company

    @api.depends("company_id", "project_id.programme_id.manager_id")
    def _compute_pmo_manager_id(self):
        for alert in self:
            alert.pmo_manager_id = alert.project_id._pmo_escalation_user()

    @api.depends("project_id", "level")
    def _compute_display_name(self):
        levels = dict(self._fields["level"]._description_selection(self.env))
        for alert in self:
            alert.display_name = _(
                "%(level)s alert on %(project)s",
                level=levels.get(alert.level, ""),
                project=alert.project_id.name or "",
            )

    def action_acknowledge(self):
        closed = self.filtered(lambda a: a.state == "closed")
        if closed:
            raise UserError(
                _(
                    "Closed alerts cannot be acknowledged: %(alerts)s.",
                    alerts=", ".join(closed.mapped("display_name")),
                )
            )
        self.write({"state": "acknowledged", "user_id": self.env.user.id})
        return True

    def action_close(self):
        self._close()
        return True

    def _close(self):
        self.filtered(lambda a: a.state != "closed").write(
            {"state": "closed", "date_closed": fields.Datetime.now()}
        )
