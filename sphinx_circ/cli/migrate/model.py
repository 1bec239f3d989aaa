"""What every step of the migration shares: sites, pages, notes and line edits.

A page is migrated as a list of lines, each remembering the file and line it
came from (an included file keeps its own lines). Every step parses the
current lines, then replaces whole line ranges; lines no step touches come
out byte for byte, which keeps the output stable and the command idempotent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: What a note says: something repaired, converted, kept in a comment, to
#: review, a link outside the migrated pages, prose the built site does not
#: show, or a warning of that build (the kinds the report groups).
KINDS = ("repaired", "converted", "comment", "review", "outside", "lost", "build")

#: (file label, line number from 1) a line of the page came from.
Origin = tuple[str, int]


@dataclass
class Note:
    """Something the migration did or wants a person to look at."""

    path: str
    line: int
    kind: str  # one of KINDS
    message: str
    page: str = ""  # the page the note belongs to (path, unless an included file)

    def __post_init__(self) -> None:
        self.page = self.page or self.path


@dataclass
class Site:
    """Where pages come from: the generator that built them and its settings."""

    root: Path
    #: markdown | vuepress | jekyll | pelican | mkdocs | sphinx (a migration's output)
    flavour: str = "markdown"
    config: dict[str, Any] = field(default_factory=dict)
    config_path: Path | None = None
    #: Folders searched for Jekyll includes or MkDocs snippets, in order.
    include_dirs: list[Path] = field(default_factory=list)
    #: Jekyll: the docname of each page a ``permalink:`` publishes elsewhere,
    #: by URL (``faq/citoyen``); read once, when a link first needs it.
    permalinks: dict[str, str] | None = None

    @property
    def liquid(self) -> bool:
        """Whether ``{% … %}`` and ``{{ … }}`` are Liquid (not MkDocs, Vue or MyST)."""
        return self.flavour not in ("mkdocs", "vuepress", "sphinx")


GENERIC_SITE = Site(Path("."))


@dataclass
class Page:
    """A page to migrate: where it comes from and the docname it becomes."""

    source: Path
    docname: str  # relative to the output folder, no suffix
    site_root: str  # output subfolder standing for the old site's "/"
    site: Site = field(default_factory=lambda: GENERIC_SITE)


@dataclass
class Result:
    text: str
    notes: list[Note] = field(default_factory=list)
    #: Files the page uses (images), by output path: copied beside it.
    assets: dict[str, Path] = field(default_factory=dict)
    #: Where each line of *text* came from (empty: the source's own lines).
    origins: list[Origin] = field(default_factory=list)


@dataclass
class Edit:
    """Replace lines ``start`` to ``end`` (excluded) with ``lines``."""

    start: int
    end: int
    lines: list[str]
    origins: list[Origin] | None = None  # default: all from the first replaced line


@dataclass
class Doc:
    """One page being migrated: its current lines and where each came from."""

    page: Page
    pages: Mapping[str, Page]
    label: str
    lines: list[str]
    origins: list[Origin]
    notes: list[Note] = field(default_factory=list)
    front: dict[str, Any] = field(default_factory=dict)
    #: Line of each front matter key, for notes about it.
    front_lines: dict[str, int] = field(default_factory=dict)
    #: Lines of the front matter (YAML or MultiMarkdown), if the page has one.
    front_span: tuple[int, int] | None = None
    #: Whether the page has a hero block (found by the headings step).
    has_hero: bool = False
    #: The persona tabs the front matter's buttons make, added at the end.
    personas: list[str] = field(default_factory=list)
    #: Images the page uses, by output path: copied beside it.
    assets: dict[str, Path] = field(default_factory=dict)
    #: Front-matter keys a step has turned into content: left out of the output.
    front_dropped: set[str] = field(default_factory=set)

    @classmethod
    def from_text(
        cls, text: str, page: Page, pages: Mapping[str, Page], label: str
    ) -> Doc:
        lines = text.split("\n")
        return cls(
            page, pages, label, lines, [(label, n + 1) for n in range(len(lines))]
        )

    @property
    def site(self) -> Site:
        return self.page.site

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def origin(self, index: int) -> Origin:
        if not self.origins:
            return (self.label, 1)
        return self.origins[max(0, min(index, len(self.origins) - 1))]

    def note(self, index: int, kind: str, message: str) -> None:
        """Note *message* about the current line *index* (reported where it came from)."""
        path, line = self.origin(index)
        self.notes.append(Note(path, line, kind, message, self.label))

    def note_at(self, line: int, kind: str, message: str) -> None:
        """Note *message* about line *line* of the page's own file."""
        self.notes.append(Note(self.label, line, kind, message))

    def span(self, start: int, end: int) -> str:
        """' (lines a-b)' when lines *start* to *end* come from several source lines."""
        first, last = self.origin(start), self.origin(end - 1)
        if end - start > 1 and first[0] == last[0] and last[1] > first[1]:
            return f" (lines {first[1]}-{last[1]})"
        return ""

    def removal(self, start: int, end: int) -> Edit:
        """An edit removing lines *start* to *end*, and a blank line left doubled.

        If the blocks around would then merge (an indented code block after
        another, or after a list), an empty comment keeps them apart.
        """
        before = next((t for t in reversed(self.lines[:start]) if t.strip()), "")
        after = next((t for t in self.lines[end:] if t.strip()), "")
        if needs_separator(before, after):
            return Edit(start, end, [SEPARATOR], [self.origin(start)])
        blank_before = start == 0 or not self.lines[start - 1].strip()
        if blank_before and end < len(self.lines) and not self.lines[end].strip():
            end += 1
        return Edit(start, end, [])

    def apply(self, edits: list[Edit]) -> bool:
        """Apply non-overlapping *edits*; return whether any line changed."""
        changed = [
            e
            for e in edits
            if e.lines != self.lines[e.start : e.end] or e.end - e.start != len(e.lines)
        ]
        if not changed:
            return False
        changed.sort(key=lambda e: (e.start, e.end))
        lines: list[str] = []
        origins: list[Origin] = []
        position = 0
        for edit in changed:
            if edit.start < position:
                raise ValueError(f"overlapping edits at line {edit.start + 1}")
            lines += self.lines[position : edit.start]
            origins += self.origins[position : edit.start]
            lines += edit.lines
            if edit.origins is not None and len(edit.origins) == len(edit.lines):
                origins += edit.origins
            else:
                origins += [self.origin(edit.start)] * len(edit.lines)
            position = edit.end
        lines += self.lines[position:]
        origins += self.origins[position:]
        self.lines, self.origins = lines, origins
        return True


class Out:
    """Lines being written, each with the origin of the line it stands for."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lines: list[str] = []
        self.origins: list[Origin] = []

    def add(self, text: str, index: int) -> Out:
        """Add *text*, standing for the current line *index* of the page."""
        self.lines.append(text)
        self.origins.append(self.doc.origin(index))
        return self

    def extend(self, other: Out) -> Out:
        self.lines += other.lines
        self.origins += other.origins
        return self

    def trimmed(self) -> Out:
        """The same lines without blank lines at either end."""
        start, end = 0, len(self.lines)
        while start < end and not self.lines[start].strip():
            start += 1
        while end > start and not self.lines[end - 1].strip():
            end -= 1
        out = Out(self.doc)
        out.lines, out.origins = self.lines[start:end], self.origins[start:end]
        return out

    def edit(self, start: int, end: int) -> Edit:
        return Edit(start, end, list(self.lines), list(self.origins))

    @classmethod
    def join(cls, doc: Doc, parts: list[Out]) -> Out:
        """Blocks one after another, one blank line between them."""
        out = cls(doc)
        for part in parts:
            part = part.trimmed()
            if not part.lines:
                continue
            if out.lines:
                out.lines.append("")
                out.origins.append(part.origins[0])
                if needs_separator(out.lines[-2], part.lines[0]):
                    out.lines += [SEPARATOR, ""]
                    out.origins += [part.origins[0]] * 2
            out.extend(part)
        return out


LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
#: An empty MyST comment: keeps two blocks apart once what stood between is gone.
SEPARATOR = "%"


def needs_separator(before: str, after: str) -> bool:
    """Whether an indented code block *after* would join the block *before*.

    Two indented code blocks, or a list and an indented code block, merge
    when only blank lines separate them.
    """
    code = after[:4] == "    " or after.startswith("\t")
    return (
        code
        and bool(before.strip())
        and (before[:1] in " \t" or bool(LIST_ITEM.match(before)))
    )


def colons(lines: list[str]) -> str:
    """A colon fence longer than any inside *lines* (MyST nests by length)."""
    longest = 2
    for line in lines:
        stripped = line.lstrip()
        run = len(stripped) - len(stripped.lstrip(":"))
        longest = max(longest, run)
    return ":" * (longest + 1)
