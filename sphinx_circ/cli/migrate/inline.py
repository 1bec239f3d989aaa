"""Tags inside sentences: buttons become roles, HTML anchors MyST targets.

A ``<Button>`` alone on its line is a block (see ``components``); inside a
sentence it becomes the ``{button}`` role. ``<a href>`` becomes a Markdown
link (so its target is migrated too), an empty ``<a name>``/``<span id>``
opening a paragraph or heading becomes a MyST target before it.
"""

from __future__ import annotations

from markdown_it.token import Token

from .html import INLINE_COMPONENTS, Piece, Tag, plain_text, scan
from .links import is_external, resolve
from .model import Doc, Edit
from .tokens import mask_code_spans, parse, segments

BUTTON_VARIANTS = ("outline", "secondary", "tertiary")


def button_parts(
    doc: Doc, line: int, tag: Tag, label: str
) -> tuple[str, str, str | None]:
    """(label, variant, target) of a button; target None when it has no URL."""
    attrs = tag.attrs
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
        new = rewrite(doc, segment.start, text, (segment.start, segment.end) in tops)
        if new is not None:
            edits.append(Edit(segment.start, segment.end, new))
    doc.apply(edits)


def top_level_inlines(tokens: list[Token]) -> set[tuple[int, int]]:
    """Paragraphs and headings at the top of the page (where targets may go)."""
    return {
        (token.map[0], token.map[1])
        for token in tokens
        if token.level == 0
        and token.type in ("paragraph_open", "heading_open")
        and token.map
    }


def line_at(text: str, first: int, offset: int) -> int:
    return first + text.count("\n", 0, offset)


def rewrite(doc: Doc, first: int, text: str, top: bool) -> list[str] | None:
    """*text*'s lines with its inline tags converted, or None if nothing changed."""
    pieces = scan(mask_code_spans(text))
    out: list[str] = []
    targets: list[str] = []
    position = 0
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        index += 1
        if not isinstance(piece, Tag) or piece.closing:
            continue
        close = matching(pieces, index, piece)
        end = pieces[close].end if close is not None else piece.end
        inner = text[piece.end : pieces[close].start] if close is not None else ""
        leading = (
            top
            and not text[:position].strip()
            and not "".join([*out, text[position : piece.start]]).strip(" \t#")
        )
        new = convert_tag(
            doc,
            line_at(text, first, piece.start),
            piece,
            close is not None,
            inner,
            leading,
        )
        if new is None:
            continue
        if new.startswith("(") and new.endswith(")="):
            targets.append(new)
            new = ""
        out += [text[position : piece.start], new]
        position = end
        if close is not None:
            index = close + 1
    if not out:
        return None
    out.append(text[position:])
    body = "".join(out)
    if targets and not body.strip():
        return targets
    return [*targets, *(body.lstrip() if targets else body).split("\n")]


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
    if tag.name == "Button" and closed:
        return button_role(doc, line, tag, plain_text(inner))
    if tag.lower == "a" and attrs.get("href") and closed:
        if "<" in inner or "\n" in inner or not inner.strip():
            return None
        doc.note(line, "converted", "HTML link → Markdown link")
        return f"[{inner.strip()}]({attrs['href']})"
    if tag.component and tag.name not in INLINE_COMPONENTS:
        if closed and "<" not in inner:
            doc.note(
                line,
                "review",
                f"<{tag.name}> inside a sentence: its tags removed, its text kept",
            )
            return inner
        doc.note(
            line,
            "review",
            f"<{tag.name}> inside a sentence kept as written (not shown)",
        )
    return None


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
