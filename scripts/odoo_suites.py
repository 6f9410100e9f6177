#!/usr/bin/env python3
# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Failing tests of Odoo's own suites, with and without the addons.

    odoo_suites.py failures JUNIT_XML OUT_FILE [--label NAME]
        writes the ids of the failing tests of a pytest JUnit report to
        OUT_FILE (one per line: id, then the first line of the failure) and
        prints the pass's figures.
    odoo_suites.py depends ADDONS_PATH MODULE[,MODULE...] [--exclude M,...]
        prints, comma-separated, the modules MODULE depend on, directly or
        not, read from the manifests found on ADDONS_PATH (Odoo's
        comma-separated list of folders), less the excluded ones: the pass
        without the addons installs the modules the addons would bring.
    odoo_suites.py compare REFERENCE RESULT
        REFERENCE lists the tests that fail without the addons (a ".failed"
        file of the pass without them, or the committed baseline: one test id
        per line followed by the reason; "#" starts a comment). Prints the
        tests of RESULT that are not in REFERENCE and exits 1 when there are
        any.

A test id is Odoo's own: module.tests.file.Class.method.
"""

import argparse
import ast
import os
import re
import sys
import xml.etree.ElementTree as ET

# pytest names a test by its file's path: keep it from the addon on, so
# that the ids do not depend on where Odoo and the OCA modules are installed.
ADDON_PATH = re.compile(r"(?:^|[./])(\w+[./]tests[./].+)$")


def test_id(case):
    name = case.get("name") or ""
    full = ".".join(part for part in (case.get("classname"), name) if part)
    match = ADDON_PATH.search(full)
    return (match.group(1) if match else full).replace("/", ".").replace(".py", "")


def first_line(text):
    for line in (text or "").splitlines():
        line = line.strip()
        if line:
            return line[:200]
    return ""


def cmd_failures(args):
    root = ET.parse(args.junit).getroot()
    failed, counts = {}, {"passed": 0, "failed": 0, "errors": 0, "skipped": 0}
    seen = {}
    for case in root.iter("testcase"):
        tid = test_id(case)
        outcome = "passed"
        for child in case:
            if child.tag in ("failure", "error"):
                outcome = "failed" if child.tag == "failure" else "errors"
                failed.setdefault(tid, first_line(child.get("message")) or child.tag)
                break
            if child.tag == "skipped":
                outcome = "skipped"
        # A test reported twice (an error in teardown after a pass, a failing
        # subtest) counts once, with its worst outcome.
        rank = {"passed": 0, "skipped": 1, "failed": 2, "errors": 3}
        if tid not in seen or rank[outcome] > rank[seen[tid]]:
            seen[tid] = outcome
    for outcome in seen.values():
        counts[outcome] += 1
    with open(args.out, "w", encoding="utf-8") as out:
        for tid in sorted(failed):
            out.write(f"{tid}  {failed[tid]}\n")
    label = f"[{args.label}] " if args.label else ""
    print(
        f"{label}{counts['passed']} passed, {counts['failed']} failed, "
        f"{counts['errors']} errors, {counts['skipped']} skipped "
        f"({len(seen)} tests; failing ids in {args.out})"
    )
    if not seen:
        print(f"{label}no test ran", file=sys.stderr)
        return 1
    return 0


def read_ids(path):
    ids = {}
    with open(path, encoding="utf-8") as src:
        for line in src:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            tid, _sep, reason = line.partition(" ")
            ids[tid] = reason.strip()
    return ids


def manifest(paths, module):
    for folder in paths:
        path = os.path.join(folder, module, "__manifest__.py")
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as src:
                return ast.literal_eval(src.read())
    raise SystemExit(f"No manifest of module {module} on the addons path.")


def cmd_depends(args):
    paths = [p.strip() for p in args.addons_path.split(",") if p.strip()]
    excluded = {m for m in args.exclude.split(",") if m}
    todo = [m for m in args.modules.split(",") if m]
    seen = set()
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        todo.extend(manifest(paths, module).get("depends", []))
    print(",".join(sorted(seen - excluded)))
    return 0


def cmd_compare(args):
    reference, result = read_ids(args.reference), read_ids(args.result)
    new = sorted(set(result) - set(reference))
    fixed = sorted(set(reference) - set(result))
    if fixed:
        print(f"{len(fixed)} test(s) of {args.reference} do not fail here any more:")
        for tid in fixed:
            print(f"  {tid}")
    if new:
        print(f"{len(new)} test(s) fail only with the addons installed:")
        for tid in new:
            print(f"  {tid}  {result[tid]}")
        return 1
    print(
        f"No test fails here that does not fail in {args.reference} "
        f"({len(result)} failing, all listed there)."
    )
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    fail = sub.add_parser("failures")
    fail.add_argument("junit")
    fail.add_argument("out")
    fail.add_argument("--label", default="")
    deps = sub.add_parser("depends")
    deps.add_argument("addons_path")
    deps.add_argument("modules")
    deps.add_argument("--exclude", default="")
    comp = sub.add_parser("compare")
    comp.add_argument("reference")
    comp.add_argument("result")
    args = parser.parse_args()
    commands = {
        "failures": cmd_failures,
        "depends": cmd_depends,
        "compare": cmd_compare,
    }
    return commands[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
