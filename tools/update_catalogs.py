"""Collect every ``_("…")`` string of sphinx_circ into the catalogs.

    python tools/update_catalogs.py   # then translate new entries, then
    python tools/compile_catalogs.py

The .pot gets every string; each language's .po keeps its translations and
gains the new strings untranslated (English ones are filled with the source
text, which is English). ``ngettext("one", "many", n)`` and
``plural_forms("one", "many")`` give an entry with plural forms.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent / "sphinx_circ"
LOCALE = ROOT / "locale"
# A regular expression rather than Babel's extractor, which skips f-strings.
# A message may be written as adjacent literals over several lines.
CALL = re.compile(r"""\b_\(\s*((?:(["'])(?:(?!\2).)*\2\s*)+)\)""", re.S)
PLURAL = re.compile(
    r"""\b(?:ngettext|plural_forms)\(\s*(["'])(.*?)\1\s*,\s*(["'])(.*?)\3\s*[,)]"""
)

#: A message: its text, or its singular and plural.
Message = str | tuple[str, str]


def source_strings() -> list[Message]:
    found: set[Message] = set()
    for path in sorted([*ROOT.rglob("*.py"), *(ROOT / "templates").rglob("*.html")]):
        source = path.read_text("utf-8")
        found.update(
            ast.literal_eval(f"({match.group(1)})") for match in CALL.finditer(source)
        )
        found.update((m.group(2), m.group(4)) for m in PLURAL.finditer(source))
    return sorted(
        found,
        key=lambda message: str(message[0] if isinstance(message, tuple) else message),
    )


def empty(text: Message) -> Message:
    return ("", "") if isinstance(text, tuple) else ""


def main() -> None:
    strings = source_strings()
    template = Catalog(project="sphinx-circ", fuzzy=False)
    for text in strings:
        template.add(text)
    with (LOCALE / "sphinx_circ.pot").open("wb") as handle:
        write_po(handle, template, omit_header=True, no_location=True)
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/sphinx_circ.po")):
        with po_path.open("rb") as handle:
            catalog = read_po(handle)
        known = {message.id: message.string for message in catalog if message.id}
        language = po_path.parent.parent.name
        fresh = Catalog(locale=language, project="sphinx-circ", fuzzy=False)
        # The catalog's own plural rule (French: the usual ``n > 1``), not the
        # one Babel would derive from CLDR (three forms for French).
        fresh.mime_headers = [("Plural-Forms", catalog.plural_forms)]
        for text in strings:
            default: Message = text if language == "en" else empty(text)
            translated = known.get(text)
            has_text = any(translated) if isinstance(translated, tuple) else translated
            fresh.add(text, translated if has_text else default)
        with po_path.open("wb") as handle:
            write_po(handle, fresh, no_location=True)


if __name__ == "__main__":
    main()
