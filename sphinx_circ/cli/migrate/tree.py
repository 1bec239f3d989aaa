"""The component tree of a page, built from markdown-it-py's tokens.

HTML blocks, and paragraphs that open with a component tag (a tag spread
over several lines, or with Vue attributes CommonMark does not read as
HTML, makes a paragraph), are read tag by tag; every other block is kept as
Markdown lines. Opening and closing tags then nest the blocks between them,
whatever lines they sit on.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from markdown_it.token import Token

from .html import INLINE, INLINE_COMPONENTS, TAG, Comment, Piece, Tag, Text, scan
from .model import Doc
from .tokens import LITERAL_HTML, closing, mask_code_spans


@dataclass
class Md:
    """Markdown lines of the page (``start`` to ``end`` excluded), kept as written."""

    start: int
    end: int


@dataclass
class Frag:
    """Text from inside HTML (character offsets), read as Markdown."""

    start: int
    end: int
    text: str


@dataclass
class Element:
    tag: Tag
    children: list[Node] = field(default_factory=list)
    close: Tag | None = None

    @property
    def end(self) -> int:
        return (self.close or self.tag).end


@dataclass
class Fenced:
    """A colon fence already on the page (a MyST directive, a VuePress container).

    Tags cannot cross it; its fence grows if blocks written inside need it to.
    """

    start: int  # the opening line
    end: int  # the line after the closing one (or after the content, if unclosed)
    markup: str
    closed: bool
    children: list[Node] = field(default_factory=list)


Node = Md | Frag | Element | Comment | Tag | Fenced


class Page:
    """A page's text with line offsets, to place tags and text on lines."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.offsets = [0]
        for line in doc.lines:
            self.offsets.append(self.offsets[-1] + len(line) + 1)

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.offsets, offset) - 1

    def span(self, node: Node) -> tuple[int, int]:
        """First and last line of *node* (an unclosed element ends with its content)."""
        if isinstance(node, Md | Fenced):
            return node.start, max(node.start, node.end - 1)
        if isinstance(node, Element):
            first = self.line(node.tag.start)
            last = self.line(max(node.tag.start, node.end - 1))
            for child in node.children:
                last = max(last, self.span(child)[1])
            return first, last
        return self.line(node.start), self.line(max(node.start, node.end - 1))


def has_loose_text(pieces: list[Piece]) -> bool:
    """Whether text sits outside every tag (a sentence, not a block)."""
    opened: list[str] = []
    for piece in pieces:
        if isinstance(piece, Tag) and not piece.self_closing:
            if not piece.closing:
                opened.append(piece.lower)
            elif piece.lower in opened:
                del opened[len(opened) - 1 - opened[::-1].index(piece.lower) :]
        elif isinstance(piece, Text) and not opened and piece.text.strip():
            return True
    return False


def block_pieces(page: Page, token: Token) -> tuple[int, list[Piece]] | None:
    """The tags of an HTML block, or of a paragraph acting as one, and the
    line they start on (a paragraph's first lines may stay Markdown); else None.
    """
    assert token.map is not None
    start, end = token.map
    base = page.offsets[start]
    text = page.text[base : page.offsets[end] - 1]
    if token.type == "html_block":
        literal = LITERAL_HTML.match(text)
        if literal and literal.group(1).lower() in ("script", "style"):
            found = code_element(text, base)
            return None if found is None else (start, found)
        pieces = [] if literal else scan(text, base)
        # Text that only looks like HTML (a tag never finished) stays as written.
        return (start, pieces) if any(isinstance(p, Tag) for p in pieces) else None
    if "<" not in text:
        return None
    whole = paragraph_pieces(page, base, text)
    if whole is not None:
        return start, whole
    # A block tag opening a later line of a paragraph (CommonMark lets no HTML
    # interrupt a paragraph) still starts a block: the lines before stay text.
    for line in range(start + 1, end):
        stripped = page.doc.lines[line].lstrip()
        match = TAG.match(stripped)
        if match and not (
            match.group("name").lower() in INLINE
            or match.group("name") in INLINE_COMPONENTS
        ):
            offset = page.offsets[line]
            rest = paragraph_pieces(
                page, offset, page.text[offset : page.offsets[end] - 1]
            )
            if rest is not None:
                return line, rest
    return None


def paragraph_pieces(page: Page, base: int, text: str) -> list[Piece] | None:
    """The pieces of paragraph text starting with a block tag, else None."""
    pieces = scan(mask_code_spans(text), base)
    first = next(
        (p for p in pieces if not (isinstance(p, Text) and not p.text.strip())), None
    )
    if not isinstance(first, Tag):
        return None
    tags = [p for p in pieces if isinstance(p, Tag)]
    if all(tag.lower in INLINE and not tag.component for tag in tags):
        return None
    if first.inline and has_loose_text(pieces):
        return None
    # Text is read back from the page: masks only hid code spans from the scan.
    return [
        Text(page.text[p.start : p.end], p.start, p.end) if isinstance(p, Text) else p
        for p in pieces
    ]


def code_element(text: str, base: int) -> list[Piece] | None:
    """A ``<script>`` or ``<style>`` block: its tags, its code as one text, the rest."""
    opening = next((p for p in scan(text, base) if isinstance(p, Tag)), None)
    if opening is None:
        return None
    close = text.lower().find(f"</{opening.lower}", opening.end - base)
    end = text.find(">", close) + 1 if close != -1 else 0
    if close == -1 or end == 0:
        return None
    return [
        opening,
        Text(text[opening.end - base : close], opening.end, base + close),
        Tag(opening.name, {}, text[close:end], base + close, base + end, closing=True),
        *scan(text[end:], base + end),
    ]


def sequence(page: Page, tokens: list[Token], lo: int, hi: int) -> list[Node]:
    """The nodes of lines *lo* to *hi* from the blocks among *tokens* (one level)."""
    nodes: list[Node] = []
    line = lo
    level = min((t.level for t in tokens), default=0)
    for index, token in enumerate(tokens):
        if token.level != level or token.nesting == -1 or token.map is None:
            continue
        start, end = token.map
        if start < line:
            continue
        if start > line:
            nodes.append(Md(line, start))
        line = end
        if token.type == "container_colon_open":
            lines = page.doc.lines
            closed = end < len(lines) and lines[end].strip().startswith(token.markup)
            line = end + 1 if closed else end
            inner = sequence(
                page, tokens[index + 1 : closing(tokens, index)], start + 1, end
            )
            nodes.append(Fenced(start, line, token.markup, closed, inner))
            continue
        found = None
        if token.type in ("html_block", "paragraph_open"):
            found = block_pieces(page, token)
        if found is None:
            nodes.append(Md(start, end))
            continue
        split, pieces = found
        if split > start:
            nodes.append(Md(start, split))
        for piece in pieces:
            if isinstance(piece, Text):
                nodes.append(Frag(piece.start, piece.end, piece.text))
            else:
                nodes.append(piece)
    if line < hi:
        nodes.append(Md(line, hi))
    return nodes


def nest(doc: Doc, page: Page, nodes: list[Node]) -> list[Node]:
    """Nest the nodes between opening and closing tags into elements."""
    root = Element(Tag("root", {}, "", 0, 0))
    stack = [root]
    for node in nodes:
        if isinstance(node, Fenced):
            node.children = nest(doc, page, node.children)
        if not isinstance(node, Tag):
            stack[-1].children.append(node)
            continue
        if node.closing:
            depth = next(
                (
                    d
                    for d in range(len(stack) - 1, 0, -1)
                    if stack[d].tag.lower == node.lower
                ),
                None,
            )
            if depth is None:
                doc.note(
                    page.line(node.start),
                    "review",
                    f"</{node.name}> closes nothing: removed",
                )
                stack[-1].children.append(node)
                continue
            for unclosed in stack[depth + 1 :]:
                if unclosed.tag.component:
                    line = page.line(unclosed.tag.start)
                    doc.note(line, "review", f"<{unclosed.tag.name}> is never closed")
            stack[depth].close = node
            del stack[depth:]
            continue
        element = Element(node)
        stack[-1].children.append(element)
        if not node.self_closing:
            stack.append(element)
    for unclosed in stack[1:]:
        if unclosed.tag.component or unclosed.tag.lower == "div":
            line = page.line(unclosed.tag.start)
            doc.note(line, "review", f"<{unclosed.tag.name}> is never closed")
    return root.children


def groups(page: Page, nodes: list[Node]) -> list[tuple[int, int, list[Node]]]:
    """Runs of nodes sharing lines, holding a tag: (first line, last line, nodes)."""
    found: list[tuple[int, int, list[Node]]] = []
    current: list[Node] = []
    first = last = -1
    for node in nodes:
        start, end = page.span(node)
        if current and start > last:
            found.append((first, last, current))
            current = []
        if not current:
            first = start
        current.append(node)
        last = max(last, end)
    if current:
        found.append((first, last, current))
    return [group for group in found if any(active(n) for n in group[2])]


def active(node: Node) -> bool:
    """Whether *node* holds something to convert."""
    if isinstance(node, Fenced):
        return any(active(child) for child in node.children)
    return isinstance(node, Element | Tag) or (
        isinstance(node, Frag) and bool(node.text.strip())
    )
