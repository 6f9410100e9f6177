# Copyright 2026 Interzonal Procurement contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Merge an addon's .pot into its nl.po, fr.po and de.po, keeping translations.

Usage: python scripts/i18n_merge.py ADDON_DIR [LANG ...]

Only ``i18n/`` is merged: ``i18n_extra/`` holds translations of other modules'
terms (their own files lack them), which an export of the addon never lists.
"""

import sys
from pathlib import Path

import polib

HEADERS = {
    "nl": "Dutch (nl)",
    "fr": "French (fr)",
    "de": "German (de)",
}
LANGS = ["nl", "fr", "de"]


def merge(addon_dir, langs):
    addon = addon_dir.name
    pot = polib.pofile(str(addon_dir / "i18n" / f"{addon}.pot"), wrapwidth=78)
    for lang in langs:
        path = addon_dir / "i18n" / f"{lang}.po"
        if path.exists():
            po = polib.pofile(str(path), wrapwidth=78)
        else:
            po = polib.POFile(wrapwidth=78)
            po.metadata = dict(pot.metadata)
            po.metadata["Language"] = lang
            po.metadata["Plural-Forms"] = "nplurals=2; plural=(n > 1);"
            if lang in ("nl", "de"):
                po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
        po.merge(pot)
        po.header = f"Translation of Odoo Server.\n{HEADERS.get(lang, lang)}\n\t"
        # Drop what the code no longer uses instead of keeping it obsolete.
        for entry in [e for e in po if e.obsolete]:
            po.remove(entry)
        po.save(str(path))
        missing = [e.msgid for e in po if not e.msgstr]
        print(f"{addon}/{lang}.po: {len(po)} terms, {len(missing)} untranslated")


if __name__ == "__main__":
    merge(Path(sys.argv[1]).resolve(), sys.argv[2:] or LANGS)
