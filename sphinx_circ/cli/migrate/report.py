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
from .verify import Share, Verified, percent

SECTIONS = (
    ("comment", "Kept in comments (`% …` lines of the page)"),
    ("review", "To review"),
    ("outside", "Links outside the migrated pages (the build warns about them)"),
    ("lost", "Lost: prose the built page does not show"),
    ("build", "Warnings of the build"),
    ("repaired", "Repaired"),
    ("converted", "Converted"),
)
HEADER = (
    "page",
    "blocks converted",
    "repairs",
    "comments",
    "to review",
    "warnings",
    "lost",
    "prose kept",
)
Row = tuple[str, int, int, int, int, int, int, str]


def note_line(note: Note) -> str:
    line = f":{note.line}" if note.line else ""
    return f"{note.path}{line}: {note.kind}: {note.message}"


def rows(pages: list[Page], notes: list[Note], verified: Verified | None) -> list[Row]:
    counts = Counter((note.page, note.kind) for note in notes)
    shares = verified.shares if verified else {}
    found = []
    for page in pages:
        label = str(page.source)
        share = shares.get(page.docname)
        found.append(
            (
                page.docname,
                counts[label, "converted"],
                counts[label, "repaired"],
                counts[label, "comment"],
                counts[label, "review"] + counts[label, "outside"],
                counts[label, "build"],
                counts[label, "lost"],
                kept(share) if share else "-",
            )
        )
    return found


def kept(share: Share) -> str:
    """The share of a page's prose (body and front matter) the build shows."""
    return percent(share.body_kept + share.front_kept, share.body + share.front)


def totals(table: list[Row], verified: Verified | None) -> Row:
    whole = Share()
    for share in (verified.shares if verified else {}).values():
        whole.add(share)

    def column(index: int) -> int:
        return sum(int(row[index]) for row in table)

    shown = kept(whole) if verified and whole.body + whole.front else "-"
    converted, repairs, comments, review, warnings, lost = map(column, range(1, 7))
    return ("total", converted, repairs, comments, review, warnings, lost, shown)


def site_lines(pages: list[Page], verified: Verified | None, why_not: str) -> list[str]:
    """One line per site: the share of its prose the built pages show."""
    if verified is None or verified.failed:
        return [f"Prose not checked: {verified.failed if verified else why_not}."]
    by_site: dict[str, Share] = {}
    for page in pages:
        share = verified.shares.get(page.docname)
        if share is not None:
            by_site.setdefault(str(page.site.root), Share()).add(share)
    out = []
    for root, share in by_site.items():
        front = (
            f", front matter {percent(share.front_kept, share.front)} of {share.front} lines"
            if share.front
            else ""
        )
        out.append(
            f"Prose kept from {root}: body {percent(share.body_kept, share.body)} "
            f"of {share.body} lines{front}."
        )
    if verified.lost:
        lines = "line" if verified.lost == 1 else "lines"
        out.append(f"{verified.lost} {lines} lost: see the 'lost' notes.")
    return out


def summary(
    pages: list[Page],
    notes: list[Note],
    changed: list[Path],
    check: bool,
    verified: Verified | None = None,
    why_not: str = "",
) -> None:
    table = rows(pages, notes, verified)
    total = totals(table, verified)
    widths = [
        max(len(str(row[i])) for row in [HEADER, *table, total])
        for i in range(len(HEADER))
    ]
    line = "  ".join(f"{{:{'<' if i == 0 else '>'}{w}}}" for i, w in enumerate(widths))
    print()
    print(line.format(*HEADER))
    print(line.format(*("-" * w for w in widths)))
    for row in table:
        print(line.format(*row))
    print(line.format(*total))
    verb = "would change" if check else "written"
    print(f"\n{len(pages)} pages, {len(changed)} files {verb}.")
    for text in site_lines(pages, verified, why_not):
        print(text)


def fenced(lines: list[str]) -> list[str]:
    longest = max(
        (len(run) for text in lines for run in re.findall(r"`+", text)), default=0
    )
    fence = "`" * max(3, longest + 1)
    return [f"{fence}text", *lines, fence]


def markdown(
    sources: list[Path],
    pages: list[Page],
    notes: list[Note],
    verified: Verified | None = None,
    why_not: str = "",
) -> str:
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
        + ". Every note gives the line of the old page it is about. The pages "
        "were then built with Sphinx's text builder: a line of prose the built "
        "page does not show is a 'lost' note, a warning of that build a "
        "'build' note.",
        "",
        *site_lines(pages, verified, why_not),
        "",
        "| page | converted | repairs | comments | to review | warnings | lost | prose kept |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows(pages, notes, verified):
        out.append("| `" + row[0] + "` | " + " | ".join(map(str, row[1:])) + " |")
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
