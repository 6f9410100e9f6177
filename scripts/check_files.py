# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Checks of the addons' data files, run by the pre-commit hooks.

Usage: python scripts/check_files.py xml|csv|po FILE...

- xml: every file is well-formed.
- csv: every row has as many columns as the header, ids are unique, and an
  ``ir.model.access.csv`` has Odoo's columns with 0/1 permissions.
- po: every .po/.pot parses, no msgid is duplicated, and every translation
  keeps the placeholders of its source (``%(name)s``, ``%s``, ``{name}``).
"""

import csv
import re
import sys
from collections import Counter

import polib
from lxml import etree

ACCESS_HEADER = [
    "id",
    "name",
    "model_id:id",
    "group_id:id",
    "perm_read",
    "perm_write",
    "perm_create",
    "perm_unlink",
]
PLACEHOLDER = re.compile(r"%\([a-zA-Z_]\w*\)[-#0 +]*\d*(?:\.\d+)?[sdfr]|%[sdf]|\{\w*\}")


def check_xml(path):
    try:
        etree.parse(path, etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError as error:
        return [str(error)]
    return []


def check_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    if not rows:
        return ["empty file"]
    header, errors = rows[0], []
    for number, row in enumerate(rows[1:], 2):
        if len(row) != len(header):
            errors.append(
                f"line {number}: {len(row)} columns, header has {len(header)}"
            )
    if "id" in header:
        column = header.index("id")
        ids = Counter(row[column] for row in rows[1:] if len(row) > column)
        errors += [f"id {xmlid} appears {n} times" for xmlid, n in ids.items() if n > 1]
    if path.endswith("ir.model.access.csv"):
        if header != ACCESS_HEADER:
            errors.append(f"header must be {','.join(ACCESS_HEADER)}")
        else:
            for number, row in enumerate(rows[1:], 2):
                if any(value not in ("0", "1") for value in row[4:]):
                    errors.append(f"line {number}: permissions are 0 or 1")
    return errors


def check_po(path):
    try:
        catalog = polib.pofile(path)
    except (OSError, ValueError) as error:
        return [str(error)]
    errors = []
    seen = Counter((entry.msgctxt, entry.msgid) for entry in catalog)
    errors += [
        f"msgid {key[1]!r} appears {n} times" for key, n in seen.items() if n > 1
    ]
    for entry in catalog:
        if not entry.msgstr or entry.obsolete:
            continue
        if "python-format" not in entry.flags and "%(" not in entry.msgid:
            continue
        source = Counter(PLACEHOLDER.findall(entry.msgid))
        target = Counter(PLACEHOLDER.findall(entry.msgstr))
        if source != target:
            errors.append(
                f"line {entry.linenum}: placeholders {sorted(target.elements())} "
                f"differ from the source's {sorted(source.elements())}"
            )
    return errors


CHECKS = {"xml": check_xml, "csv": check_csv, "po": check_po}


def main(argv):
    if not argv or argv[0] not in CHECKS:
        print(__doc__)
        return 2
    failed = False
    for path in argv[1:]:
        for error in CHECKS[argv[0]](path):
            failed = True
            print(f"{path}: {error}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
