# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Sheet names of the addon's workbooks."""

import re

# Characters Excel refuses in a sheet name, and its length limit.
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_MAX_LEN = 31


def unique_sheet_name(name, used):
    """A sheet name Excel accepts, unique (case-insensitively) within
    ``used``, the set of the workbook's names so far, which it joins."""
    base = SHEET_FORBIDDEN.sub(" ", name or "").strip()[:SHEET_MAX_LEN] or "-"
    candidate, index = base, 2
    while candidate.lower() in used:
        suffix = f" ({index})"
        candidate = base[: SHEET_MAX_LEN - len(suffix)] + suffix
        index += 1
    used.add(candidate.lower())
    return candidate
