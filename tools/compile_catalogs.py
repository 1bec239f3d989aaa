"""Compile sphinx_circ/locale/*/LC_MESSAGES/*.po to .mo (run after editing a .po).

python tools/compile_catalogs.py          # write the .mo files
python tools/compile_catalogs.py --check  # exit 1 if one is out of date
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "sphinx_circ" / "locale"


def compiled(po_path: Path) -> bytes:
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def main(check: bool) -> int:
    stale = []
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        data = compiled(po_path)
        if mo_path.exists() and mo_path.read_bytes() == data:
            continue
        stale.append(mo_path)
        if not check:
            mo_path.write_bytes(data)
    for path in stale:
        print(
            ("stale: " if check else "wrote: ") + str(path.relative_to(LOCALE.parent))
        )
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))
