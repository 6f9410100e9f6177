# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase


class CrossAddonCase(TransactionCase):
    """Base of the tests that span both addons.

    They live outside any addon, so Odoo's test metaclass does not tag them:
    give them the tags the addons' own post-install tests carry.
    """

    test_tags = {"standard", "post_install"}
    test_module = "interzonal_pmo"
    test_class = "CrossAddonCase"
    test_sequence = 0
