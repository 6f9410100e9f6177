# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

# Projects per job, unless the system parameter says otherwise.
CHUNK_PARAM = "pmo_portfolio.job_chunk_size"
DEFAULT_CHUNK = 100


class PmoJobMixin(models.AbstractModel):
    """What the PMO's long runs share as queue jobs: the chunk size, the
    list of the caller's jobs and the notification when they are done."""

    _name = "pmo.job.mixin"
    _description = "PMO Queue Jobs"

    @api.model
    def _pmo_job_chunk_size(self):
        # sudo: reads one technical setting, nothing of the caller's data
        param = self.env["ir.config_parameter"].sudo().get_param(CHUNK_PARAM)
        return max(int(param or DEFAULT_CHUNK), 1)

    @api.model
    def _pmo_job_chunks(self, ids):
        size = self._pmo_job_chunk_size()
        return [ids[index : index + size] for index in range(0, len(ids), size)]

    def _pmo_job_list_action(self):
        """The current user's queue jobs on this model."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "queue_job.action_queue_job"
        )
        action.update(
            domain=[("user_id", "=", self.env.uid), ("model_name", "=", self._name)],
            context={},
            target="current",
        )
        return action

    @api.model
    def _pmo_job_notify(self, title, message):
        """A sticky notification to the user who started the jobs."""
        self.env.user._bus_send(
            "simple_notification",
            {"type": "success", "title": title, "message": message, "sticky": True},
        )
        return message
