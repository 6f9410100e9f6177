# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from ..report.xlsx_sheet_name import unique_sheet_name
from .common import InterzonalCommon


@tagged("post_install", "-at_install")
class TestXlsxHelpers(InterzonalCommon):
    def test_sheet_names_valid_and_unique(self):
        """Forbidden characters are replaced, names cut at 31 characters and
        kept unique whatever their case."""
        used = set()
        names = [
            unique_sheet_name(name, used)
            for name in ("Lot 1/2: [radios]", "LOT 1 2   RADIOS", "x" * 40, "", "")
        ]
        self.assertEqual(names[0], "Lot 1 2   radios")
        self.assertEqual(names[1], "LOT 1 2   RADIOS (2)")
        self.assertEqual(names[2], "x" * 31)
        self.assertEqual(names[3:], ["-", "- (2)"])
        self.assertEqual(unique_sheet_name("X" * 31, used), "X" * 27 + " (2)")

    def test_consumption_colours_follow_steps(self):
        """The workbook colours the consumption percent at the configured
        steps: amber from the step before the highest under 100 %, red from
        that one."""
        report = self.env["report.interzonal_procurement.framework_agreement_xlsx"]
        styles = {"red": "R", "amber": "A", "green": "G"}

        def thresholds():
            return [
                (rule["format"], rule.get("value", rule.get("minimum")))
                for rule in report._consumption_rules(styles)
            ]

        self.assertEqual(thresholds(), [("R", 95.0), ("A", 85.0), ("G", 85.0)])
        self.env.company.interzonal_consumption_steps = "50,80,100"
        self.assertEqual(thresholds(), [("R", 80.0), ("A", 50.0), ("G", 50.0)])
        self.env.company.interzonal_consumption_steps = "100"
        self.assertEqual(thresholds(), [("R", 100.0), ("G", 100.0)])
