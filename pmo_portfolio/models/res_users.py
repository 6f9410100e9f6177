# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _pmo_recipient_env(self):
        """The environment to write to this user in: their language, whoever
        or whatever (a cron, another user) writes. Without a user, the
        current language."""
        # sudo: reads only the recipient's language, to write to them in it.
        lang = self[:1].sudo().lang or self.env.lang or "en_US"
        return self.env(context=dict(self.env.context, lang=lang))
