"""Compile sphinx_circ/locale/*/LC_MESSAGES/*.po to .mo (run after editing a .po).

python tools/compile_catalogs.py          # write the .mo files
python tools/compile_catalogs.py --check  # exit 1 if one is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "sphinx_circ" / "locale"


def translations(catalog: Catalog) -> dict[object, object]:
    # Babel stamps headers with the current date, so compare messages only
    # (plural ones are lists when read from a .mo, tuples from a .po).
    def same(value: object) -> object:
        return tuple(value) if isinstance(value, list | tuple) else value

    return {same(m.id): same(m.string) for m in catalog if m.id}


def main(check: bool) -> int:
    stale = []
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        with po_path.open("rb") as handle:
            catalog = read_po(handle)
        if mo_path.exists():
            with mo_path.open("rb") as handle:
                if translations(read_mo(handle)) == translations(catalog):
                    continue
        stale.append(mo_path)
        if not check:
            with mo_path.open("wb") as handle:
                write_mo(handle, catalog)
    for path in stale:
        print(
            ("stale: " if check else "wrote: ") + str(path.relative_to(LOCALE.parent))
        )
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))
