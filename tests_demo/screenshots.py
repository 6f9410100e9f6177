# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The README's screenshots, taken in the demo database (`make screenshots`).

Not a test: pytest runs it only when named, as `make screenshots` does, and
writes the PNG files into SCREENSHOT_DIR.
"""

import base64
import os
import time
from pathlib import Path

from odoo.tests.common import ChromeBrowser

from .common import DemoHttpCase

SHOTS = (
    # (file, login, url, selector that shows the screen is ready)
    (
        "lots_kanban.png",
        "buyer",
        "/odoo/action-interzonal_procurement.purchase_requisition_lot_action",
        ".o_kanban_record:not(.o_kanban_ghost)",
    ),
    (
        "pmo_kanban.png",
        "pmo",
        "/odoo/action-pmo_portfolio.project_project_action_pmo",
        ".o_kanban_record:not(.o_kanban_ghost)",
    ),
)


class TestScreenshots(DemoHttpCase):
    def test_screenshots(self):
        target = Path(os.environ.get("SCREENSHOT_DIR", "readme_images"))
        target.mkdir(parents=True, exist_ok=True)
        for filename, login, url, ready in SHOTS:
            browser = ChromeBrowser(self)
            try:
                self.authenticate(login, login, browser=browser)
                self.cr.flush()
                self.cr.clear()
                browser._websocket_request(
                    "Emulation.setDeviceMetricsOverride",
                    params={
                        "width": 1440,
                        "height": 900,
                        "deviceScaleFactor": 1,
                        "mobile": False,
                    },
                )
                browser.navigate_to(self.base_url() + url, wait_stop=True)
                self.assertTrue(
                    browser._wait_ready(f"!!document.querySelector({ready!r})"),
                    f"{url} did not show {ready}",
                )
                time.sleep(2)  # let fonts, avatars and badges settle
                data = browser._websocket_request("Page.captureScreenshot")["data"]
                (target / filename).write_bytes(base64.b64decode(data))
            finally:
                browser.stop()
                self._wait_remaining_requests()
            self.assertGreater((target / filename).stat().st_size, 10000)
