"""One page, from the old site's Markdown to MyST: the steps, in order.

The steps run in two phases: ``prepare`` converts everything a page holds
by itself; ``finish`` rewrites its links, once every page is prepared and
their anchors are known.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from . import (
    code,
    components,
    front,
    headings,
    home,
    inline,
    jekyll,
    kramdown,
    liquid,
    macros,
    mkdocs,
    shortcodes,
    vue,
)
from .links import Links, PageAnchors, anchors
from .model import Doc, Edit, Page, Result
from .tokens import literal_lines, parse

Anchors = Mapping[str, PageAnchors]


def prepare(text: str, page: Page, pages: Mapping[str, Page], label: str) -> Doc:
    doc = Doc.from_text(text, page, pages, label)
    doc.front_span = front.load(doc)
    opening_rule(doc)
    flavour = page.site.flavour
    if flavour != "sphinx":
        escape_percent(doc)
    if flavour in ("jekyll", "pelican", "mkdocs"):
        escape_colon_fences(doc)
    if flavour == "jekyll":
        jekyll.convert(doc)
    if flavour == "mkdocs":
        macros.convert(doc)
        mkdocs.convert(doc)
    if flavour != "sphinx":
        shortcodes.convert(doc)
        code.convert(doc)
    if page.site.liquid:
        liquid.convert(doc)
    if flavour in ("markdown", "vuepress"):
        vue.interpolate(doc)
        vue.containers(doc)
        vue.toc(doc)
        home.convert(doc)
    components.convert(doc)
    opening_rule(doc)  # inlined files and components may have put one first
    headings.atx(doc)
    inline.convert(doc)
    kramdown.convert(doc)
    headings.add_title(doc)
    headings.fix_levels(doc)
    doc.personas = front.tidy(doc, front_span(doc))
    return doc


def opening_rule(doc: Doc) -> None:
    """A rule ("---") opening a page without front matter becomes "***", the
    same rule: the parser, like MyST, could read a front matter from it."""
    if doc.front_span is not None:
        return
    opening = next((n for n, text in enumerate(doc.lines) if text.strip()), None)
    if opening is not None and doc.lines[opening].strip() == "---":
        doc.apply([Edit(opening, opening + 1, ["***"], [doc.origin(opening)])])


def escape_percent(doc: Doc) -> None:
    """Text lines opening with "%" would be MyST comments: escape the "%"."""
    edits = []
    for token in parse(doc):
        if token.type == "myst_line_comment" and token.map:
            for line in range(*token.map):
                text = doc.lines[line]
                indent = len(text) - len(text.lstrip())
                edits.append(
                    Edit(line, line + 1, [f"{text[:indent]}\\{text[indent:]}"])
                )
                doc.note(
                    line,
                    "converted",
                    "'%' opening a line escaped (MyST reads it as a comment)",
                )
    doc.apply(edits)


COLON_FENCE = re.compile(r"^(\s*)(:{3,}.*)$")


def escape_colon_fences(doc: Doc) -> None:
    """``:::`` opening a line is text for these generators: MyST would read a
    directive fence there (and drop what follows it on the line)."""
    literal = literal_lines(parse(doc))
    edits = []
    for line, text in enumerate(doc.lines):
        match = COLON_FENCE.match(text)
        if match is None or line in literal:
            continue
        edits.append(Edit(line, line + 1, [f"{match.group(1)}\\{match.group(2)}"]))
        doc.note(line, "converted", "':::' opening a line escaped (MyST reads a fence)")
    doc.apply(edits)


def front_span(doc: Doc) -> tuple[int, int] | None:
    """Where the front matter is now (YAML front matter is found again by the parser)."""
    if doc.front_span and doc.lines[doc.front_span[0]].startswith("---"):
        for token in parse(doc):
            if token.type == "front_matter" and token.map:
                return (token.map[0], token.map[1])
    return doc.front_span


def finish(doc: Doc, known: Anchors) -> Result:
    links = Links(doc, known)
    links.run()
    opening_rule(doc)
    lines = doc.lines
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    notes = sorted(doc.notes, key=lambda n: (n.path != doc.label, n.path, n.line))
    written = lines + doc.personas
    origins = doc.origins[: len(lines)] + [doc.origin(len(lines) - 1)] * len(
        doc.personas
    )
    # tidy_text drops the blank lines opening the page: so do the origins.
    blank = next((n for n, text in enumerate(written) if text), 0)
    return Result(tidy_text(written), notes, doc.assets, origins[blank:])


def tidy_text(lines: list[str]) -> str:
    """The page's text: no blank lines at either end, a final newline."""
    text = "\n".join(lines).strip("\n").rstrip()
    return text + "\n" if text else ""


def migrate_text(
    text: str, page: Page, pages: Mapping[str, Page], label: str
) -> Result:
    """Migrate one page on its own (links to other pages are not checked for anchors)."""
    doc = prepare(text, page, pages, label)
    return finish(doc, {page.docname: anchors(doc)})
