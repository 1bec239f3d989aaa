"""kramdown (Jekyll) and attr_list (MkDocs) attributes, and kramdown's ``{:toc}``.

kramdown writes a block's attributes on the line after it (``{: .table }``),
MyST on the line before (``{.table}``); a heading's ``{#id}`` becomes a MyST
target. A one-item list followed by ``{:toc}`` becomes the contents directive.
Attributes inside a list item or a paragraph, or after an image, are
converted where MyST has them; any other ``{: …}`` is removed and reported,
never left on the page. ``{::comment}`` becomes a MyST comment.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from .model import Doc, Edit, Out
from .tokens import closing, parse, rewrite

#: One attribute: ``#id``, ``.class`` or ``key="value"``.
ATTRIBUTE = r"""(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s{}]+))"""
#: kramdown also reads a key without a value (``data-search-exclude``).
KEY = r"[A-Za-z][\w-]*"
KRAMDOWN_ATTRIBUTE = rf"(?:{ATTRIBUTE}|{KEY})"
KRAMDOWN_ATTRS = rf"{KRAMDOWN_ATTRIBUTE}(?:\s+{KRAMDOWN_ATTRIBUTE})*"
#: (``{::comment}``, ``{:/}``: kramdown extensions, not attribute lists.)
KRAMDOWN_IAL = re.compile(r"^\s*\{:(?![:/])\s*([^{}]*?)\s*\}\s*$")
#: kramdown's comment extension: its text is not shown.
COMMENT_OPEN = re.compile(r"^\s*\{::comment\}\s*$")
COMMENT_CLOSE = re.compile(r"^\s*\{:/(?:comment)?\}\s*$")
#: kramdown's options for the parser: nothing to show.
OPTIONS = re.compile(r"^\s*\{::options\b[^{}]*/\}\s*$")
#: MkDocs' attr_list also reads ``{ .class }``, without the colon.
ATTR_LIST = re.compile(rf"^\s*\{{:?\s*({ATTRIBUTE}(?:\s+{ATTRIBUTE})*)\s*\}}\s*$")
HEADING_ATTRS = re.compile(
    rf"\s*(?:\{{\s*({ATTRIBUTE}(?:\s+{ATTRIBUTE})*)|\{{:\s*({KRAMDOWN_ATTRS}))\s*\}}\s*$"
)
SPAN_IAL = re.compile(rf"(?<=[*_`)\]])[ \t]*\{{:\s*({KRAMDOWN_ATTRS})\s*\}}")
IMAGE_END = re.compile(r"!\[[^\]]*\]\([^)]*\)\s*$")
#: A kramdown attribute list no other rule converted (it would stay visible).
#: (``{::comment}`` and ``{:/}`` are kramdown extensions, not attributes.)
LEFTOVER = re.compile(r"[ \t]*\{:(?![:/])[^{}\n]*\}")
ALD = re.compile(r"^[\w-]+:")
ATX = re.compile(r"^ {0,3}#{1,6}(\s|$)")
TOC_ITEM = re.compile(r"^[^\n]*\n\s*\{:\s*toc\s*\}\s*$")


def myst_attrs(doc: Doc, line: int, attrs: str) -> str:
    """*attrs* MyST reads as block attributes: keys without a value are removed
    (and reported), MyST needs one."""
    words = re.findall(rf"{ATTRIBUTE}|\S+", attrs)
    bare = [w for w in words if re.fullmatch(KEY, w)]
    if bare:
        doc.note(
            line,
            "review",
            f"kramdown attribute {' '.join(bare)} has no value (MyST needs one): removed",
        )
    return " ".join(w for w in words if w not in bare)


def convert(doc: Doc) -> None:
    if doc.site.flavour not in ("mkdocs", "sphinx"):
        extensions(doc)
    if doc.site.flavour != "sphinx":
        abbreviations(doc)
    toc(doc)
    headings(doc)
    blocks(doc)
    tokens = parse(doc)

    def span(match: re.Match[str], line: int) -> str:
        doc.note(
            line,
            "converted",
            f"kramdown span attributes {match.group(0).strip()!r} → MyST",
        )
        return "{" + match.group(1) + "}"

    doc.apply(rewrite(doc, tokens, SPAN_IAL, span, ("inline",)))
    if doc.site.flavour not in ("mkdocs", "sphinx"):  # MyST's own syntax there
        nested(doc)
        inside(doc)
        leftovers(doc)


#: ``*[RGPD]: Règlement général…`` (kramdown, and MkDocs' abbr extension).
ABBREVIATION = re.compile(r"^\*\[(?P<term>[^\]\n]+)\]:[ \t]*(?P<text>.*?)\s*$")


def abbreviations(doc: Doc) -> None:
    """Abbreviation definitions → the ``{abbr}`` role on each use in the page.

    The definition lines showed nothing; each use showed its expansion on
    hover, as ``{abbr}`` does.
    """
    tokens = parse(doc)
    found: dict[str, str] = {}
    edits: list[Edit] = []
    for token in tokens:
        if token.type != "paragraph_open" or not token.map:
            continue
        start, end = token.map
        matches = [ABBREVIATION.match(doc.lines[n]) for n in range(start, end)]
        if not all(matches):
            continue
        for number, match in enumerate(matches):
            assert match is not None
            term, text = match.group("term").strip(), match.group("text")
            if text and "`" not in term + text and "<" not in term + text:
                found[term] = text
                doc.note(
                    start + number, "converted", f"abbreviation {term!r} → abbr role"
                )
            else:
                doc.note(start + number, "review", f"abbreviation {term!r} removed")
        edits.append(doc.removal(start, end))
    if not edits:
        return
    doc.apply(edits)
    if not found:
        return
    terms = "|".join(re.escape(t) for t in sorted(found, key=len, reverse=True))
    # Not inside an address, a role or another word.
    use = re.compile(rf"(?<![\w/.#=`{{-])(?:{terms})(?![\w/`}}-])")

    def replace(match: re.Match[str], _line: int) -> str:
        term = match.group(0)
        return f"{{abbr}}`{term} ({found[term]})`"

    doc.apply(rewrite(doc, parse(doc), use, replace, ("inline",)))


def toc(doc: Doc) -> None:
    """``* TOC`` + ``{:toc}`` (and a ``{:.no_toc}`` before it) → contents directive."""
    tokens = parse(doc)
    edits: list[Edit] = []
    for index, token in enumerate(tokens):
        if token.type not in ("bullet_list_open", "ordered_list_open") or not token.map:
            continue
        items = [
            t for t in tokens[index : closing(tokens, index)] if t.type == "inline"
        ]
        if len(items) != 1 or not TOC_ITEM.match(items[0].content):
            continue
        start, end = token.map
        while end > start + 1 and not doc.lines[end - 1].strip():
            end -= 1
        if (
            start > 0
            and KRAMDOWN_IAL.match(doc.lines[start - 1])
            and "no_toc" in doc.lines[start - 1]
        ):
            start -= 1
        out = Out(doc)
        for text in ("```{contents}", ":local:", "```"):
            out.add(text, start)
        edits.append(out.edit(start, end))
        doc.note(start, "converted", "kramdown table of contents → contents directive")
    doc.apply(edits)


def headings(doc: Doc) -> None:
    """``## Title {#id}`` → a MyST target before the heading."""
    tokens = parse(doc)
    edits: list[Edit] = []
    for token in tokens:
        if token.type != "heading_open" or not token.map:
            continue
        first, end = token.map
        setext = token.markup.startswith(("=", "-"))
        line = end - 2 if setext else first  # the line the title ends on
        text = doc.lines[line]
        match = HEADING_ATTRS.search(text)
        if not match or not text[: match.start()].strip(" \t#"):
            continue
        attrs = (match.group(1) or match.group(2)).split()
        ids = [a[1:] for a in attrs if a.startswith("#")]
        out = Out(doc)
        for name in ids:
            out.add(f"({name})=", first)
        for index in range(first, line):
            out.add(doc.lines[index], index)
        out.add(text[: match.start()].rstrip(), line)
        others = [a for a in attrs if not a.startswith("#")]
        what = f"heading attributes {match.group(0).strip()!r}"
        if ids:
            doc.note(line, "converted", f"{what} → MyST target")
        if others:
            doc.note(
                line, "review", f"{what}: {' '.join(others)} has no equivalent, removed"
            )
        edits.append(out.edit(first, line + 1))
    doc.apply(edits)


def attribute_line(doc: Doc, line: int) -> re.Match[str] | None:
    """The attribute list *line* holds, if it holds nothing else."""
    pattern = ATTR_LIST if doc.site.flavour == "mkdocs" else KRAMDOWN_IAL
    return pattern.match(doc.lines[line])


def blocks(doc: Doc) -> None:
    """A block's ``{: attrs}`` line → ``{attrs}`` on the line before the block."""
    edits: list[Edit] = []
    for token in leaf_blocks(parse(doc)):
        assert token.map is not None
        start, end = token.map
        while end > start + 1 and not doc.lines[end - 1].strip():
            end -= 1
        lines = range(start, end)
        if all(attribute_line(doc, n) for n in lines):
            edits += [alone(doc, n) for n in lines]
            continue
        last = attribute_line(doc, end - 1)
        if token.type != "paragraph_open" and doc.lines[end - 1][:1] in (" ", "\t"):
            last = None  # an indented line belongs to the list item's own blocks
        first = attribute_line(doc, start) if token.type == "paragraph_open" else None
        if last or first:
            edits.append(block_attrs(doc, start, end, first, last))
    doc.apply(edits)


def alone(doc: Doc, line: int) -> Edit:
    """An attribute line on its own: for the heading before, or the block after."""
    match = attribute_line(doc, line)
    assert match is not None
    attrs = match.group(1)
    if line > 0 and ATX.match(doc.lines[line - 1]):
        return heading_attrs(doc, line - 1, attrs)
    following = line + 1 < len(doc.lines) and doc.lines[line + 1].strip()
    if following and not ALD.match(attrs) and attrs not in ("toc", ".no_toc"):
        kept = myst_attrs(doc, line, attrs)
        if kept:
            doc.note(
                line, "converted", f"kramdown {{: {attrs}}} → MyST block attributes"
            )
            return Edit(line, line + 1, ["{" + kept + "}"], [doc.origin(line)])
        return doc.removal(line, line + 1)
    doc.note(line, "review", f"kramdown {{:{attrs}}} has no equivalent here: removed")
    return doc.removal(line, line + 1)


def heading_attrs(doc: Doc, line: int, attrs: str) -> Edit:
    """``{: #id}`` on the line after a heading → a MyST target before it."""
    out = Out(doc)
    ids = [a[1:] for a in attrs.split() if a.startswith("#")]
    for name in ids:
        out.add(f"({name})=", line + 1)
    out.add(doc.lines[line], line)
    if ids:
        doc.note(
            line + 1, "converted", f"heading attributes {{: {attrs}}} → MyST target"
        )
    else:
        doc.note(
            line + 1,
            "review",
            f"heading attributes {{:{attrs}}} have no equivalent: removed",
        )
    return out.edit(line, line + 2)


def leaf_blocks(tokens: list[Token]) -> list[Token]:
    """Top-level paragraphs, tables, lists and quotes (what kramdown attributes follow)."""
    kinds = (
        "paragraph_open",
        "table_open",
        "bullet_list_open",
        "ordered_list_open",
        "blockquote_open",
    )
    return [t for t in tokens if t.level == 0 and t.type in kinds and t.map]


def block_attrs(
    doc: Doc,
    start: int,
    end: int,
    first: re.Match[str] | None,
    last: re.Match[str] | None,
) -> Edit:
    """A block's attribute lines (the first, the last) → one line before it."""
    out = Out(doc)
    for match, line in ((first, start), (last, end - 1)):
        if match is None:
            continue
        attrs = match.group(1)
        if attrs in ("toc", ".no_toc") or ALD.match(attrs):
            doc.note(
                line, "review", f"kramdown {{:{attrs}}} has no equivalent here: removed"
            )
        elif kept := myst_attrs(doc, line, attrs):
            out.add("{" + kept + "}", line)
            doc.note(
                line, "converted", f"kramdown {{: {attrs}}} → MyST block attributes"
            )
    for index in range(start + (first is not None), end - (last is not None)):
        out.add(doc.lines[index], index)
    return out.edit(start, end)


def nested(doc: Doc) -> None:
    """A paragraph inside a list item ending with ``{: attrs}``: the attributes
    go before it, indented as it is (or are removed if it opens the item)."""
    tokens = parse(doc)
    items = {t.map[0] for t in tokens if t.type == "list_item_open" and t.map}
    edits: list[Edit] = []
    for token in tokens:
        if token.type != "paragraph_open" or token.level == 0 or not token.map:
            continue
        start, end = token.map
        while end > start + 1 and not doc.lines[end - 1].strip():
            end -= 1
        match = KRAMDOWN_IAL.match(doc.lines[end - 1])
        if not match:
            continue
        attrs = match.group(1)
        kept = "" if ALD.match(attrs) else myst_attrs(doc, end - 1, attrs)
        text = doc.lines[start]
        indent = text[: len(text) - len(text.lstrip())]
        out = Out(doc)
        if kept and start not in items and end - start > 1:
            out.add(f"{indent}{{{kept}}}", end - 1)
            doc.note(
                end - 1, "converted", f"kramdown {{: {attrs}}} → MyST block attributes"
            )
        elif kept:
            doc.note(
                end - 1,
                "review",
                f"kramdown {{:{attrs}}} has no equivalent in a list item: removed",
            )
        for index in range(start, end - 1):
            out.add(doc.lines[index], index)
        if end - start == 1:
            edits.append(doc.removal(start, end))
        else:
            edits.append(out.edit(start, end))
    doc.apply(edits)


def inside(doc: Doc) -> None:
    """A ``{: attrs}`` line inside a paragraph: it ends the text before it and
    gives its attributes to the text after it (its own paragraph)."""
    edits: list[Edit] = []
    for token in parse(doc):
        if token.type != "paragraph_open" or not token.map:
            continue
        start, end = token.map
        middle = [
            n for n in range(start + 1, end - 1) if KRAMDOWN_IAL.match(doc.lines[n])
        ]
        if not middle:
            continue
        out = Out(doc)
        for index in range(start, end):
            match = KRAMDOWN_IAL.match(doc.lines[index]) if index in middle else None
            if match is None:
                out.add(doc.lines[index], index)
                continue
            text = doc.lines[index]
            indent = text[: len(text) - len(text.lstrip())]
            attrs = match.group(1)
            kept = "" if ALD.match(attrs) else myst_attrs(doc, index, attrs)
            if kept and IMAGE_END.search(out.lines[-1]):
                # Right after an image: the image's own attributes.
                out.lines[-1] = out.lines[-1].rstrip() + "{" + kept + "}"
                doc.note(
                    index,
                    "converted",
                    f"kramdown {{: {attrs}}} → MyST image attributes",
                )
                continue
            out.add("", index)
            if kept:
                out.add(f"{indent}{{{kept}}}", index)
                doc.note(
                    index,
                    "converted",
                    f"kramdown {{: {attrs}}} inside a paragraph → MyST block "
                    "attributes of the text after it",
                )
            else:
                doc.note(
                    index, "review", f"kramdown {{:{attrs}}} has no equivalent: removed"
                )
        edits.append(out.edit(start, end))
    doc.apply(edits)


def leftovers(doc: Doc) -> None:
    """Any ``{: …}`` still in the text: removed and reported, never shown."""

    def remove(match: re.Match[str], line: int) -> str:
        doc.note(
            line,
            "review",
            f"kramdown attributes {match.group(0).strip()!r} have no equivalent here: removed",
        )
        return ""

    doc.apply(rewrite(doc, parse(doc), LEFTOVER, remove, ("inline",)))


def extensions(doc: Doc) -> None:
    """kramdown's ``{::comment}`` … ``{:/comment}`` → MyST comment lines (not
    shown, as before); ``{::options … /}`` lines removed."""
    code: set[int] = set()
    for token in parse(doc):
        if token.type in ("fence", "code_block", "html_block") and token.map:
            code.update(range(*token.map))
    edits: list[Edit] = []
    line = 0
    while line < len(doc.lines):
        text = doc.lines[line]
        if line in code:
            line += 1
        elif OPTIONS.match(text):
            doc.note(
                line, "converted", "kramdown {::options} removed (parser settings)"
            )
            edits.append(doc.removal(line, line + 1))
            line += 1
        elif COMMENT_OPEN.match(text):
            end = next(
                (
                    n
                    for n in range(line + 1, len(doc.lines))
                    if COMMENT_CLOSE.match(doc.lines[n])
                ),
                None,
            )
            if end is None or any(n in code for n in range(line, end + 1)):
                line += 1
                continue
            out = Out(doc)
            for index in range(line, end + 1):
                body = doc.lines[index].strip()
                out.add(f"% {body}" if body else "%", index)
            doc.note(line, "comment", "kramdown {::comment} kept as a MyST comment")
            edits.append(out.edit(line, end + 1))
            line = end + 1
        else:
            line += 1
    doc.apply(edits)
