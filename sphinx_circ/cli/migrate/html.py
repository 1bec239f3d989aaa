"""HTML and Vue tags in a page: finding them (over several lines) and their attributes.

markdown-it-py finds where HTML is; this reads the tags themselves, with
Vue's attribute syntax (``:items``, ``#title``, ``v-slot:title``, ``@click``)
that CommonMark does not know, and tags spread over several lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .tokens import MASK

COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
TAG = re.compile(
    r"""<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9._-]*)
    (?P<attrs>(?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*+)
    \s*+(?P<self>/?)>""",
    re.VERBOSE | re.DOTALL,
)
ATTR = re.compile(
    r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"""
)
VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)
#: HTML elements that live inside a sentence: a paragraph starting with one
#: is still a paragraph.
INLINE = frozenset(
    {
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "br",
        "cite",
        "code",
        "data",
        "dfn",
        "em",
        "font",
        "i",
        "img",
        "input",
        "kbd",
        "label",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
        "wbr",
    }
)
#: Vue and VuePress components that also live inside a sentence.
INLINE_COMPONENTS = frozenset({"Button", "Badge", "RouterLink", "router-link"})


@dataclass
class Tag:
    name: str
    attrs: dict[str, str]
    raw: str
    start: int  # offsets in the text scanned
    end: int
    closing: bool = False
    self_closing: bool = False

    @property
    def lower(self) -> str:
        return self.name.lower()

    @property
    def inline(self) -> bool:
        return self.lower in INLINE or self.name in INLINE_COMPONENTS

    @property
    def component(self) -> bool:
        """Vue components are capitalised or hyphenated; HTML elements are neither."""
        return self.name[0].isupper() or "-" in self.name or self.lower == "template"


@dataclass
class Text:
    text: str
    start: int
    end: int


@dataclass
class Comment:
    raw: str
    start: int
    end: int


Piece = Tag | Text | Comment


def attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in ATTR.finditer(text):
        value = next((g for g in match.groups()[1:] if g is not None), "")
        found[match.group(1)] = value
    return found


def scan(text: str, offset: int = 0) -> list[Piece]:
    """Tags, comments and the text between them, with offsets (plus *offset*)."""
    pieces: list[Piece] = []
    position = 0
    text_start = 0
    length = len(text)

    def flush(until: int) -> None:
        if until > text_start:
            pieces.append(
                Text(text[text_start:until], offset + text_start, offset + until)
            )

    while position < length:
        found = text.find("<", position)
        if found == -1:
            break
        if found > 0 and text[found - 1] == "\\":
            position = found + 1
            continue
        comment = COMMENT.match(text, found)
        match = None if comment else TAG.match(text, found)
        if comment is None and match is None:
            position = found + 1
            continue
        flush(found)
        if comment is not None:
            pieces.append(
                Comment(comment.group(0), offset + found, offset + comment.end())
            )
            position = text_start = comment.end()
            continue
        assert match is not None
        raw = match.group(0)
        if MASK in raw or (match.group("close") and match.group("attrs").strip()):
            pieces.append(Text(raw, offset + found, offset + match.end()))
        else:
            name = match.group("name")
            pieces.append(
                Tag(
                    name,
                    attributes(match.group("attrs")),
                    raw,
                    offset + found,
                    offset + match.end(),
                    closing=bool(match.group("close")),
                    self_closing=bool(match.group("self")) or name.lower() in VOID,
                )
            )
        position = text_start = match.end()
    flush(length)
    return merge_text(pieces)


def merge_text(pieces: list[Piece]) -> list[Piece]:
    out: list[Piece] = []
    for piece in pieces:
        last = out[-1] if out else None
        if (
            isinstance(piece, Text)
            and isinstance(last, Text)
            and last.end == piece.start
        ):
            out[-1] = Text(last.text + piece.text, last.start, piece.end)
        else:
            out.append(piece)
    return out


def slot_name(tag: Tag) -> str | None:
    """The slot a ``<template>`` fills (``v-slot:x``, ``#x``, ``slot="x"``)."""
    for name, value in tag.attrs.items():
        if name.startswith("v-slot:"):
            return name.split(":", 1)[1].strip("[]") or "default"
        if name.startswith("#"):
            return name[1:].strip("[]") or "default"
        if name == "v-slot":
            return "default"
        if name == "slot":
            return value or "default"
    return None


def bound(tag: Tag, name: str) -> str | None:
    """The expression bound to prop *name* (``:name``/``v-bind:name``), if any."""
    for key in (f":{name}", f"v-bind:{name}"):
        if key in tag.attrs:
            return tag.attrs[key]
    return None


#: Attributes whose value is text a reader sees (a button's label, a card's
#: title): kept as content. ``name`` is left out: components use it for an
#: icon or an identifier far more often than for text.
TEXT_ATTRIBUTES = (
    "title",
    "subtitle",
    "heading",
    "text",
    "label",
    "caption",
    "description",
    "content",
)
#: Where a button written ``<Button text="…" />`` has its label, first found first.
LABEL_ATTRIBUTES = ("text", "label", "title", "caption")


def text_attributes(tag: Tag, names: tuple[str, ...] = TEXT_ATTRIBUTES) -> list[str]:
    """The text *tag*'s attributes carry (names in order, blank values left out)."""
    lowered = {key.lower(): value for key, value in tag.attrs.items()}
    values = [" ".join(lowered.get(name, "").split()) for name in names]
    return [value for value in values if value]


def plain_text(raw: str) -> str:
    """Text without its tags and comments, spaces collapsed (for button labels)."""
    text = COMMENT.sub("", raw)
    text = TAG.sub("", text)
    return " ".join(text.split())
