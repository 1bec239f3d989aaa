"""Headings: a page title from the front matter, and levels that never skip.

MyST warns when a heading skips a level (``#`` then ``###``), so each is
lowered to one below the heading before it. Only the page's own headings
count, and those of its hero and section blocks, which become its sections;
headings inside admonitions, tabs or lists are left as they are.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from .model import Doc, Edit
from .tokens import parse

ATX = re.compile(r"^ {0,3}(#{1,6})(?=\s|$)")
SECTIONING = ("{hero}", "{section}")


def add_title(doc: Doc) -> None:
    """Give a page without a level-1 heading its front-matter title as one."""
    tokens = parse(doc)
    if any(t.type == "heading_open" and t.tag == "h1" for t in tokens):
        return
    title = doc.front.get("title")
    doc.has_hero = has_hero(tokens)
    if not title and not counted(tokens):
        doc.note_at(
            1, "review", "page without a title: give it a heading (the toctree warns)"
        )
    if not title or doc.has_hero:
        return
    start = doc.front_span[1] if doc.front_span else 0
    while start < len(doc.lines) and not doc.lines[start].strip():
        start += 1
    lines = [f"# {' '.join(str(title).split())}", ""]
    if start > 0 and doc.lines[start - 1].strip():
        lines.insert(0, "")
    doc.apply([Edit(start, start, lines, [doc.origin(0)] * len(lines))])
    doc.note_at(1, "converted", "title from the front matter → page heading")


def has_hero(tokens: list[Token]) -> bool:
    """Whether the page has a hero block (written now, or by an earlier run)."""
    return any(
        t.type == "container_colon_open" and t.info.strip().startswith("{hero}")
        for t in tokens
    )


def counted(tokens: list[Token]) -> list[int]:
    """Indexes of the headings that make the page's sections."""
    found = []
    stack: list[bool] = []  # for each open container: does it keep sections?
    for index, token in enumerate(tokens):
        if token.type.endswith("_open") and token.type != "heading_open":
            keeps = (
                token.type == "container_colon_open"
                and token.info.strip().startswith(SECTIONING)
            )
            stack.append(keeps)
        elif token.type.endswith("_close") and token.type != "heading_close":
            if stack:
                stack.pop()
        elif token.type == "heading_open" and all(stack):
            found.append(index)
    return found


def atx(doc: Doc) -> None:
    """Setext headings (underlined) written as ATX ones (``## Title``), which
    steps that move things before a heading can read the same way."""
    edits: list[Edit] = []
    for token in parse(doc):
        if (
            token.type == "heading_open"
            and token.map
            and token.markup[:1] in ("=", "-")
        ):
            start, end = token.map
            if doc.lines[start][:1] in " \t" or token.level:
                continue  # nested (in a list, a quote): left as written
            content = " ".join(doc.lines[n].strip() for n in range(start, end - 1))
            edits.append(
                Edit(
                    start,
                    end,
                    [f"{'#' * int(token.tag[1])} {content}"],
                    [doc.origin(start)],
                )
            )
    doc.apply(edits)


def fix_levels(doc: Doc) -> None:
    tokens = parse(doc)
    doc.has_hero = has_hero(tokens)
    edits: list[Edit] = []
    previous = 0
    for index in counted(tokens):
        token = tokens[index]
        assert token.map is not None
        start, end = token.map
        level = int(token.tag[1])
        new = level
        if previous and level > previous + 1:
            new = previous + 1
            doc.note(
                start, "converted", f"heading level {level} after {previous}: lowered"
            )
        elif not previous and level > 1 and not doc.has_hero:
            new = 1
        previous = new
        text = doc.lines[start]
        match = ATX.match(text)
        if match:
            line = ("#" * new + text[match.end(1) :]).rstrip()
            if line != text:
                edits.append(Edit(start, start + 1, [line], [doc.origin(start)]))
        elif new != level:  # a setext heading: written again as an ATX one
            content = " ".join(doc.lines[n].strip() for n in range(start, end - 1))
            edits.append(
                Edit(start, end, ["#" * new + " " + content], [doc.origin(start)])
            )
    doc.apply(edits)
