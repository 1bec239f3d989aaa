"""Reading a page: its bytes decoded, mojibake repaired (with ftfy), newlines unified."""

from __future__ import annotations

from pathlib import Path

import ftfy

from .model import Note


def read_source(path: Path, label: str, notes: list[Note]) -> str:
    """Decode a page, repairing mojibake (UTF-8 read as cp1252) with ftfy."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        notes.append(Note(label, 1, "repaired", "not UTF-8: read as Windows-1252"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        # NUL bytes are no text; they would also collide with the parser's masks.
        text = text.replace("\x00", "")
        notes.append(Note(label, 1, "repaired", "NUL characters removed"))
    fixed = ftfy.fix_encoding(text)
    if fixed != text:
        before, after = text.split("\n"), fixed.split("\n")
        changed = [
            i + 1 for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b
        ]
        shown = ", ".join(map(str, changed[:12])) + (" …" if len(changed) > 12 else "")
        notes.append(
            Note(
                label,
                changed[0] if changed else 1,
                "repaired",
                f"repaired mojibake (UTF-8 read as cp1252) on lines {shown}",
            )
        )
    return fixed
