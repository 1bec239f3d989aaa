"""The migration report: each note on the terminal, a summary, and ``MIGRATION.md``.

Like the rest of the command's output, the report is in English. It lists,
page by page, what was kept in a comment and why, what to review, the links
outside the migrated pages (the build warns about those), and what was
converted, each with its file and line.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from .model import Note, Page
from .sites import REPORT_MARK

SECTIONS = (
    ("comment", "Kept in comments (`% …` lines of the page)"),
    ("review", "To review"),
    ("outside", "Links outside the migrated pages (the build warns about them)"),
    ("repaired", "Repaired"),
    ("converted", "Converted"),
)
HEADER = ("page", "blocks converted", "repairs", "comments", "to review")


def note_line(note: Note) -> str:
    line = f":{note.line}" if note.line else ""
    return f"{note.path}{line}: {note.kind}: {note.message}"


def rows(pages: list[Page], notes: list[Note]) -> list[tuple[str, int, int, int, int]]:
    counts = Counter((note.page, note.kind) for note in notes)
    found = []
    for page in pages:
        label = str(page.source)
        found.append(
            (
                page.docname,
                counts[label, "converted"],
                counts[label, "repaired"],
                counts[label, "comment"],
                counts[label, "review"] + counts[label, "outside"],
            )
        )
    return found


def summary(
    pages: list[Page], notes: list[Note], changed: list[Path], check: bool
) -> None:
    table = rows(pages, notes)
    totals = ("total", *(sum(int(row[i]) for row in table) for i in range(1, 5)))
    widths = [
        max(len(str(row[i])) for row in [HEADER, *table, totals]) for i in range(5)
    ]
    line = "  ".join(f"{{:{'<' if i == 0 else '>'}{w}}}" for i, w in enumerate(widths))
    print()
    print(line.format(*HEADER))
    print(line.format(*("-" * w for w in widths)))
    for row in table:
        print(line.format(*row))
    print(line.format(*totals))
    verb = "would change" if check else "written"
    print(f"\n{len(pages)} pages, {len(changed)} files {verb}.")


def fenced(lines: list[str]) -> list[str]:
    longest = max(
        (len(run) for text in lines for run in re.findall(r"`+", text)), default=0
    )
    fence = "`" * max(3, longest + 1)
    return [f"{fence}text", *lines, fence]


def markdown(sources: list[Path], pages: list[Page], notes: list[Note]) -> str:
    """``MIGRATION.md``: the summary, then every note, page by page."""
    out = [
        "---",
        "orphan: true",
        "---",
        REPORT_MARK,
        "",
        "# Migration report",
        "",
        f"`sphinx-circ migrate` converted {len(pages)} pages from "
        + ", ".join(f"`{source}`" for source in sources)
        + ". Every note gives the line of the old page it is about.",
        "",
        "| page | converted | repairs | comments | to review |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for row in rows(pages, notes):
        out.append(f"| `{row[0]}` | {row[1]} | {row[2]} | {row[3]} | {row[4]} |")
    by_page: dict[str, list[Note]] = {}
    for note in notes:
        by_page.setdefault(note.page, []).append(note)
    labels = [str(page.source) for page in pages]
    for label in [*labels, *(p for p in by_page if p not in labels)]:
        page_notes = by_page.get(label, [])
        if not page_notes:
            continue
        docname = next((p.docname for p in pages if str(p.source) == label), label)
        out += ["", f"## `{docname}`", "", f"From `{label}`."]
        for kind, title in SECTIONS:
            kept = [note_line(n) for n in page_notes if n.kind == kind]
            if kept:
                out += ["", f"### {title}", "", *fenced(kept)]
    return "\n".join(out) + "\n"
