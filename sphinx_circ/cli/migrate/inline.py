"""Tags inside sentences: buttons become roles, HTML anchors MyST targets.

A ``<Button>`` alone on its line is a block (see ``components``); inside a
sentence it becomes the ``{button}`` role. ``<a href>`` becomes a Markdown
link (so its target is migrated too), an empty ``<a name>``/``<span id>``
opening a paragraph or heading becomes a MyST target before it.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from .html import (
    INLINE_COMPONENTS,
    LABEL_ATTRIBUTES,
    Piece,
    Tag,
    plain_text,
    scan,
    text_attributes,
)
from .links import is_external, resolve
from .model import Doc, Edit
from .tokens import markdown, mask_code_spans, parse, segments

BUTTON_VARIANTS = ("outline", "secondary", "tertiary")
BREAKS = re.compile(r"<br\s*/?>", re.IGNORECASE)


def button_parts(
    doc: Doc, line: int, tag: Tag, label: str
) -> tuple[str, str, str | None]:
    """(label, variant, target) of a button; target None when it has no URL.

    A button with no content has its label in an attribute (``text="…"``).
    """
    attrs = tag.attrs
    if not label:
        label = next(iter(text_attributes(tag, LABEL_ATTRIBUTES)), "")
    url = (
        attrs.get("url")
        or attrs.get("href")
        or attrs.get("to")
        or attrs.get("link")
        or ""
    ).strip()
    variant = ""
    for cls in f"{attrs.get('_class', '')} {attrs.get('class', '')} {attrs.get('type', '')}".split():
        name = cls.removeprefix("button-").removeprefix("btn-")
        if name in BUTTON_VARIANTS:
            variant = name
    if not url:
        doc.note(line, "review", f"button {label!r} has no URL: kept as a visible TODO")
        return label, variant, None
    return label, variant, button_target(doc, line, url)


def button_target(doc: Doc, line: int, url: str) -> str:
    """A button's target: a URL, or ``/docname`` for a migrated page."""
    if is_external(url):
        return url
    docname = resolve(doc.page, doc.pages, url)
    if docname is None:
        doc.note(line, "outside", f"link {url!r} points outside the migrated pages")
        return url
    return "/" + docname


def button_role(doc: Doc, line: int, tag: Tag, label: str) -> str:
    label, variant, target = button_parts(doc, line, tag, label)
    if target is None:
        return f"**{label}** (TODO : lien à compléter)"
    doc.note(line, "converted", "<Button> → button role")
    role = f"button-{variant}" if variant else "button"
    return f"{{{role}}}`{label.replace('<', '&lt;')} <{target}>`"


def convert(doc: Doc) -> None:
    tokens = parse(doc)
    tops = top_level_inlines(tokens)
    edits: list[Edit] = []
    for segment in segments(tokens):
        if segment.kind != "inline":
            continue
        text = "\n".join(doc.lines[segment.start : segment.end])
        if "<" not in text:
            continue
        kind, end = tops.get(segment.start, ("", segment.end))
        # A setext heading's underline follows its text: the check needs it.
        tail = "\n".join(doc.lines[segment.end : end])
        new = rewrite(doc, segment.start, text, kind, tail)
        if new is not None:
            edits.append(Edit(segment.start, segment.end, new))
    doc.apply(edits)


def top_level_inlines(tokens: list[Token]) -> dict[int, tuple[str, int]]:
    """The paragraphs and headings at the top of the page (where a target may
    go before them): their type and end, by first line."""
    return {
        token.map[0]: (token.type, token.map[1])
        for token in tokens
        if token.level == 0
        and token.type in ("paragraph_open", "heading_open")
        and token.map
    }


def line_at(text: str, first: int, offset: int) -> int:
    return first + text.count("\n", 0, offset)


def strays(doc: Doc, first: int, text: str) -> str:
    """*text* without the closing tags of components that close nothing."""
    opened: list[str] = []
    out: list[str] = []
    position = 0
    for piece in scan(mask_code_spans(text)):
        if not isinstance(piece, Tag) or piece.self_closing:
            continue
        if not piece.closing:
            opened.append(piece.lower)
        elif piece.lower in opened:
            del opened[len(opened) - 1 - opened[::-1].index(piece.lower) :]
        elif piece.component and piece.name not in INLINE_COMPONENTS:
            line = line_at(text, first, piece.start)
            doc.note(line, "review", f"</{piece.name}> closes nothing: removed")
            out += [
                text[position : piece.start],
                keep_apart(text, piece.start, piece.end),
            ]
            position = piece.end
    return "".join([*out, text[position:]])


def rewrite(
    doc: Doc, first: int, text: str, top: str, tail: str = ""
) -> list[str] | None:
    """*text*'s lines with its inline tags converted, or None if nothing changed.

    *top* is the type of the top-level block *text* is ("" if it is nested).
    """
    original = text
    noted = len(doc.notes)
    text = strays(doc, first, text)
    pieces = scan(mask_code_spans(text))
    out: list[str] = []
    targets: list[str] = []
    position = 0
    index = 0
    unwrapped: set[int] = set()  # closing tags of components whose tags go
    while index < len(pieces):
        piece = pieces[index]
        index += 1
        if index - 1 in unwrapped:
            assert isinstance(piece, Tag)
            out += [
                text[position : piece.start],
                keep_apart(text, piece.start, piece.end),
            ]
            position = piece.end
            continue
        if not isinstance(piece, Tag) or piece.closing:
            continue
        close = matching(pieces, index, piece)
        line = line_at(text, first, piece.start)
        if (
            close is not None
            and piece.component
            and piece.name not in INLINE_COMPONENTS
        ):
            # Its text stays (and what is inside is converted in turn).
            doc.note(
                line,
                "review",
                f"<{piece.name}> inside a sentence: its tags removed, its text kept",
            )
            out += [
                text[position : piece.start],
                keep_apart(text, piece.start, piece.end),
            ]
            position = piece.end
            unwrapped.add(close)
            continue
        end = pieces[close].end if close is not None else piece.end
        inner = text[piece.end : pieces[close].start] if close is not None else ""
        before = BREAKS.sub("", "".join([*out, text[position : piece.start]]))
        marks = " \t#" if top == "heading_open" else " \t"
        leading = bool(top) and not before.strip(marks)
        new = convert_tag(doc, line, piece, close is not None, inner, leading)
        if new is None:
            continue
        if new.endswith("`") and text[end : end + 1] == "`":
            new += " "  # a role's backtick must not join the next run of them
        if new.startswith("(") and new.endswith(")="):
            targets.append(new)
            new = keep_apart(text, piece.start, end)
        out += [text[position : piece.start], new]
        position = end
        if close is not None:
            index = close + 1
    if not out and text == original:
        return None
    out.append(text[position:])
    body = "".join(out)
    if targets and not BREAKS.sub("", body).strip():
        return targets  # nothing left but line breaks: the target alone
    if targets:  # the text now opens its own block: a break there breaks nothing
        body = re.sub(r"^(?:\s*<br\s*/?>)+", "", body, flags=re.IGNORECASE).lstrip()
        if not same_block(f"{body}\n{tail}" if tail else body, top):
            # Without the anchor its text would start another kind of block
            # ("---", "- item"…): leave the anchor where it is.
            del doc.notes[noted:]
            return rewrite(doc, first, original, "")
    return [*targets, *body.split("\n")]


def same_block(text: str, kind: str) -> bool:
    """Whether *text* alone is still one block of *kind* (a paragraph, a heading)."""
    tokens = [t for t in markdown("markdown", inline=False).parse(text) if t.level == 0]
    return len(tokens) == 2 and tokens[0].type == kind


#: VuePress's badge types, as sphinx-design's badge colours (tip is the default).
BADGES = {
    "tip": "success",
    "success": "success",
    "warning": "warning",
    "warn": "warning",
    "danger": "danger",
    "error": "danger",
    "info": "info",
    "note": "info",
}


def badge_role(doc: Doc, line: int, tag: Tag, inner: str) -> str | None:
    # A role's label cannot hold a backtick: such a badge stays as written.
    """``<Badge text="beta" type="warning"/>`` → ``{bdg-warning}`beta```."""
    label = (tag.attrs.get("text") or inner).strip()
    if not label:
        doc.note(line, "review", "<Badge> without text removed (it showed nothing)")
        return ""
    if "`" in label:
        return None
    colour = BADGES.get(tag.attrs.get("type", "tip").strip().lower(), "info")
    doc.note(line, "converted", f"<Badge> → bdg-{colour} role")
    return f"{{bdg-{colour}}}`{label}`"


def convert_tag(
    doc: Doc, line: int, tag: Tag, closed: bool, inner: str, leading: bool
) -> str | None:
    """What one inline tag (with its content) becomes; None keeps it."""
    attrs = tag.attrs
    if tag.lower in ("a", "span") and not attrs.get("href") and not inner.strip():
        name = attrs.get("id") or attrs.get("name")
        if name and leading:
            doc.note(line, "converted", f"HTML anchor {name!r} → MyST target")
            return f"({name})="
        return None
    if tag.name == "Badge":
        return badge_role(doc, line, tag, plain_text(inner))
    if tag.name == "Button" and closed:
        return button_role(doc, line, tag, plain_text(inner))
    if (
        tag.name == "Button"
        and tag.self_closing
        and text_attributes(tag, LABEL_ATTRIBUTES)
    ):
        return button_role(doc, line, tag, "")
    if tag.lower == "a" and attrs.get("href") and closed:
        if "<" in inner or "\n" in inner or not inner.strip():
            return None
        doc.note(line, "converted", "HTML link → Markdown link")
        return f"[{inner.strip()}]({attrs['href']})"
    if tag.component and tag.name not in INLINE_COMPONENTS:
        texts = text_attributes(tag)
        if texts and not closed:
            # Its attributes were all the reader saw of it: they stay.
            doc.note(
                line,
                "review",
                f"<{tag.name}> inside a sentence: replaced by the text of its attributes",
            )
            return " ".join(texts)
        doc.note(
            line,
            "review",
            f"<{tag.name}> inside a sentence kept as written (not shown)",
        )
    return None


def keep_apart(text: str, start: int, end: int) -> str:
    """What replaces a removed tag: a space if backticks on both sides would join."""
    return " " if text[start - 1 : start] == "`" and text[end : end + 1] == "`" else ""


def matching(pieces: list[Piece], start: int, tag: Tag) -> int | None:
    """Index of the tag closing *tag*, looking from *start*."""
    if tag.self_closing:
        return None
    depth = 0
    for index in range(start, len(pieces)):
        piece = pieces[index]
        if isinstance(piece, Tag) and piece.lower == tag.lower:
            if piece.closing and depth == 0:
                return index
            if piece.closing:
                depth -= 1
            elif not piece.self_closing:
                depth += 1
    return None
