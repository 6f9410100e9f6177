# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Checks that span both addons: installation and translations."""

import os
import subprocess
import tempfile
from pathlib import Path

import polib
import yaml

from .common import CrossAddonCase

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ("interzonal_procurement", "pmo_portfolio")


class TestPlatform(CrossAddonCase):
    def test_both_addons_installed(self):
        modules = self.env["ir.module.module"].search([("name", "in", ADDONS)])
        self.assertEqual(
            sorted(modules.mapped("name")), sorted(ADDONS), "both addons are known"
        )
        self.assertEqual(set(modules.mapped("state")), {"installed"})

    def test_translations_complete(self):
        """Every term of the .pot files is translated in Dutch, French and German."""
        for addon in ADDONS:
            pot = polib.pofile(str(ROOT / addon / "i18n" / f"{addon}.pot"))
            msgids = {entry.msgid for entry in pot}
            self.assertTrue(msgids, f"{addon}.pot is empty")
            for lang in ("nl", "fr", "de"):
                po = polib.pofile(str(ROOT / addon / "i18n" / f"{lang}.po"))
                translated = {e.msgid for e in po if e.msgstr and not e.obsolete}
                missing = sorted(msgids - translated)
                self.assertFalse(
                    missing, f"{addon}/{lang}.po lacks {len(missing)}: {missing[:5]}"
                )

    def test_docker_compose_parses(self):
        """docker-compose.yml is valid YAML with the services users rely on."""
        compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
        services = compose["services"]
        self.assertEqual(services["odoo"]["image"], "odoo:18.0")
        self.assertEqual(services["db"]["image"], "postgres:16")
        self.assertIn("healthcheck", services["odoo"])
        mounts = " ".join(services["odoo"]["volumes"])
        for addon in ADDONS:
            self.assertIn(f"./{addon}:", mounts)
        self.assertIn(
            "interzonal_procurement,pmo_portfolio", services["odoo"]["command"]
        )

    def test_docker_compose_multi_worker(self):
        """The compose file serves as production would: worker processes, a
        cron worker, proxy mode and limits, behind a proxy that routes the
        websockets to the gevent process."""
        compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
        services = compose["services"]
        options = dict(
            arg.lstrip("-").partition("=")[::2]
            for arg in services["odoo"]["command"].split()
            if arg.startswith("--")
        )
        self.assertGreaterEqual(int(options["workers"]), 2)
        self.assertGreaterEqual(int(options["max-cron-threads"]), 1)
        self.assertIn("proxy-mode", options)
        for limit in ("limit-memory-soft", "limit-memory-hard", "limit-time-cpu"):
            self.assertGreater(int(options[limit]), 0, limit)
        self.assertLess(
            int(options["limit-memory-soft"]), int(options["limit-memory-hard"])
        )
        self.assertNotIn("ports", services["odoo"], "only the proxy is published")
        proxy = services["proxy"]
        self.assertIn("8069:80", proxy["ports"])
        conf_mount = next(v for v in proxy["volumes"] if "nginx" in v)
        nginx = (ROOT / conf_mount.split(":")[0]).read_text()
        self.assertIn("odoo:8069", nginx)
        self.assertIn(f"odoo:{options['gevent-port']}", nginx)
        self.assertRegex(nginx, r"location /websocket \{[^}]*Upgrade")
        self.assertIn("X-Forwarded-For", nginx)

    def test_no_odoo_source_clear_error(self):
        """Without Odoo source and without network: one clear error, no traceback."""
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(
                os.environ,
                ODOO_SRC=os.path.join(tmp, "odoo"),
                ODOO_REPO=os.path.join(tmp, "no-such-repository"),
                VENV=os.path.join(tmp, "venv"),
            )
            result = subprocess.run(
                [str(ROOT / "scripts" / "dev.sh"), "venv"],
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("ODOO_SRC", result.stderr)
        self.assertIn("Odoo 18.0 source tree", result.stderr)
        self.assertNotIn("Traceback", result.stderr + result.stdout)
        self.assertFalse(os.path.exists(os.path.join(tmp, "venv")))

    def test_every_model_has_access_and_company_rules(self):
        """Each model of the addons has access rules, and a multi-company rule
        when it belongs to a company."""
        data = self.env["ir.model.data"].search(
            [("module", "in", ADDONS), ("model", "=", "ir.model")]
        )
        models = self.env["ir.model"].browse(data.mapped("res_id"))
        self.assertTrue(models)
        for model in models:
            Model = self.env[model.model]
            if Model._abstract or Model._transient:
                continue
            self.assertTrue(
                self.env["ir.model.access"].search_count([("model_id", "=", model.id)]),
                f"{model.model} has no access rule",
            )
            if "company_id" in Model._fields and Model._fields["company_id"].store:
                self.assertTrue(
                    self.env["ir.rule"].search_count(
                        [("model_id", "=", model.id), ("global", "=", True)]
                    ),
                    f"{model.model} has no multi-company rule",
                )
