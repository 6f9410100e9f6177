# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The generated README.rst and index.html of each addon are up to date."""

import importlib.util
import tempfile
from pathlib import Path
from unittest import TestCase

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ("interzonal_procurement", "pmo_portfolio")


def load_generator():
    spec = importlib.util.spec_from_file_location(
        "gen_readme", ROOT / "scripts" / "gen_readme.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestReadme(TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gen = load_generator()

    def test_generated_files_up_to_date(self):
        """Regenerating from the manifest and readme/ changes nothing."""
        for addon in ADDONS:
            path = ROOT / addon
            rst = self.gen.render_rst(path)
            self.assertEqual(
                (path / "README.rst").read_text(encoding="utf-8"),
                rst,
                f"{addon}/README.rst is stale: run python scripts/gen_readme.py",
            )
            self.assertEqual(
                (path / "static" / "description" / "index.html").read_text(
                    encoding="utf-8"
                ),
                self.gen.render_html(rst),
                f"{addon}/static/description/index.html is stale: run "
                "python scripts/gen_readme.py",
            )
            self.assertIn(self.gen.read_manifest(path)["name"], rst.splitlines()[1])

    def test_fragments_reach_the_readme(self):
        """Every fragment's text is in the README, with its section; a
        changed fragment makes --check fail and writing fixes it."""
        with tempfile.TemporaryDirectory() as tmp:
            addon = Path(tmp) / "demo_addon"
            (addon / "readme").mkdir(parents=True)
            (addon / "__manifest__.py").write_text(
                '{"name": "Demo Addon", "author": "A, B", "license": "LGPL-3",'
                ' "development_status": "Beta", "maintainers": ["someone"]}'
            )
            (addon / "readme" / "DESCRIPTION.md").write_text(
                "Does *one* thing with `code`.\n"
            )
            (addon / "readme" / "USAGE.md").write_text(
                "Steps:\n\n* first step, over\n  two lines\n1. numbered\n"
            )
            rst = self.gen.render_rst(addon)
            self.assertIn("Does *one* thing with ``code``.", rst)
            self.assertIn("Usage\n=====\n", rst)
            self.assertIn("* first step, over\n  two lines\n", rst)
            self.assertIn("* A\n* B\n", rst)
            self.assertIn("maturity-beta-yellow", rst)
            html = self.gen.render_html(rst)
            self.assertIn("<title>Demo Addon</title>", html)
            self.assertIn("<em>one</em>", html)
            self.assertIn("<li><p>numbered</p></li>", html)
            self.gen.ROOT = Path(tmp)
            self.assertEqual(self.gen.main(["--check", str(addon)]), 1)
            self.assertEqual(self.gen.main([str(addon)]), 0)
            self.assertEqual(self.gen.main(["--check", str(addon)]), 0)
