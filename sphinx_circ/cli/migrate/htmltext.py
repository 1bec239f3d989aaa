"""HTML read as a tree and written as Markdown, where its blocks allow.

Jekyll pages written in HTML (``contact.html``) and HTML includes are turned
into Markdown when they hold only headings, paragraphs, lists, quotes, code
and inline markup; what has no Markdown (forms, tables, embeds) is kept as
raw HTML by the caller, and anything else in a comment.
"""

from __future__ import annotations

import html.parser
import re
from dataclasses import dataclass, field

#: Liquid output and tags, left as written.
LIQUID = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}|\{%-?\s*(\w+)\s*(.*?)\s*-?%\}", re.DOTALL)

#: Blocks written as Markdown; containers whose children are blocks; inline
#: tags written as Markdown or as their text. Any other tag is kept in a comment.
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
CONTAINERS = frozenset(
    {"div", "section", "main", "article", "header", "footer", "aside", "center"}
    | {"html", "body"}
)
INLINE_TAGS = frozenset(
    {"a", "strong", "b", "em", "i", "code", "span", "small", "abbr", "br", "img"}
    | {"sup", "sub", "u", "mark", "time", "cite", "q", "s", "del", "ins", "label"}
)
#: Elements with no Markdown that work as they are on an HTML page.
RAW_TAGS = frozenset({"form", "table", "iframe", "video", "audio", "dl", "details"})
SIMPLE = frozenset({*HEADINGS, "p", "ul", "ol", "li", "blockquote", "hr", "pre"})
VOID_TAGS = frozenset({"br", "hr", "img", "wbr", "input", "meta", "link", "source"})
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    start: int  # line from 1, in the body
    end: int = 0
    children: list[Element | str] = field(default_factory=list)


class TreeBuilder(html.parser.HTMLParser):
    """A tolerant tree of the body's elements, each with its first and last line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("", {}, 1)
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        # As browsers do: a block closes an open paragraph, an item the item before.
        if (self.stack[-1].tag == "p" and tag not in INLINE_TAGS) or (
            tag == "li" and self.stack[-1].tag == "li"
        ):
            self.stack.pop().end = line
        element = Element(tag, {k: v or "" for k, v in attrs}, line, line)
        self.stack[-1].children.append(element)
        if tag not in VOID_TAGS:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        self.stack[-1].children.append(
            Element(tag, {k: v or "" for k, v in attrs}, line, line)
        )

    def handle_endtag(self, tag: str) -> None:
        names = [e.tag for e in self.stack]
        if tag not in names[1:]:
            return
        line = self.getpos()[0]
        while self.stack[-1].tag != tag:
            self.stack.pop().end = line
        self.stack.pop().end = line

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def handle_comment(self, data: str) -> None:
        self.opaque("!", "<!--" + data)

    def handle_decl(self, decl: str) -> None:
        self.opaque(f"!{decl.split()[0].lower() if decl.split() else ''}", decl)

    def handle_pi(self, data: str) -> None:
        self.opaque("?", data)

    def opaque(self, tag: str, text: str) -> None:
        """A comment or declaration: no Markdown for it, kept in a comment."""
        line = self.getpos()[0]
        self.stack[-1].children.append(Element(tag, {}, line, line + text.count("\n")))

    def close(self) -> None:
        super().close()
        line = self.getpos()[0]
        while len(self.stack) > 1:  # elements never closed end with the page
            self.stack.pop().end = line


def simple(element: Element) -> bool:
    """Whether every tag inside *element* has Markdown (or is only its text)."""
    if element.tag in ("ul", "ol") and any(
        (isinstance(c, str) and c.strip()) or (isinstance(c, Element) and c.tag != "li")
        for c in element.children
    ):
        return False  # what stands between its items would be lost
    return all(
        isinstance(child, str)
        or ((child.tag in SIMPLE or child.tag in INLINE_TAGS) and simple(child))
        for child in element.children
    )


def convertible(node: Element) -> bool:
    """Whether *node* becomes Markdown (a comment, ``<form>``… does not)."""
    known = node.tag in SIMPLE or node.tag in INLINE_TAGS or node.tag in CONTAINERS
    return known and simple(node)


def last_line(element: Element) -> int:
    ends = [last_line(c) for c in element.children if isinstance(c, Element)]
    return max([element.start, element.end, *ends])


def inline_text(nodes: list[Element | str]) -> str:
    """Inline HTML as Markdown, on one line; Liquid left as written for later."""
    out = []
    for node in nodes:
        if isinstance(node, str):
            out.append(escaped(node))
            continue
        inner = inline_text(node.children)
        if node.tag == "a" and node.attrs.get("href"):
            href = node.attrs["href"]
            out.append(f"[{inner.strip()}]({f'<{href}>' if ' ' in href else href})")
        elif node.tag in ("strong", "b") and inner.strip():
            out.append(f"**{inner.strip()}**")
        elif node.tag in ("em", "i", "cite") and inner.strip():
            out.append(f"*{inner.strip()}*")
        elif node.tag == "code" and inner.strip():
            text = "".join(c for c in node.children if isinstance(c, str))
            out.append(f"`{text}`" if "`" not in text else inner)
        elif node.tag == "img" and node.attrs.get("src"):
            out.append(f"![{node.attrs.get('alt', '')}]({node.attrs['src']})")
        elif node.tag == "br":
            out.append(" ")
        else:
            out.append(inner)
    text = " ".join("".join(out).split())
    # A line opening with "%" would be a MyST comment.
    return "\\" + text if text.startswith("%") else text


def text_of(element: Element) -> str:
    return "".join(c if isinstance(c, str) else text_of(c) for c in element.children)


def escaped(text: str) -> str:
    """Text with Markdown's marks escaped, Liquid left as written for its step."""
    out, position = [], 0
    for match in LIQUID.finditer(text):
        out += [MARKDOWN_SPECIAL.sub(r"\\\1", text[position : match.start()]), match[0]]
        position = match.end()
    return "".join([*out, MARKDOWN_SPECIAL.sub(r"\\\1", text[position:])])


def blocks_of(element: Element, depth: int = 0) -> list[tuple[int, list[str]]]:
    """(line, Markdown lines) of each block of a simple element."""
    tag = element.tag
    if tag in HEADINGS:
        heading = f"{'#' * int(tag[1])} {inline_text(element.children)}"
        # Its id, for the links that name it: a MyST target.
        target = re.sub(r"[^\w.:-]", "", element.attrs.get("id", ""))
        return [(element.start, [f"({target})=", heading] if target else [heading])]
    if tag == "pre":
        code = text_of(element).removeprefix("\n").rstrip()
        runs = [len(r) for r in re.findall(r"`{3,}", code)]
        fence = "`" * max([3, *(r + 1 for r in runs)])
        classes = " ".join(
            e.attrs.get("class", "")
            for e in [element, *element.children]
            if isinstance(e, Element)
        )
        language = re.search(r"(?:language|lang)-([\w+-]+)", classes)
        info = language.group(1) if language else ""
        return [(element.start, [f"{fence}{info}", *code.split("\n"), fence])]
    if tag == "hr":
        return [(element.start, ["***"])]
    if tag in ("ul", "ol"):
        lines = []
        items = [
            c for c in element.children if isinstance(c, Element) and c.tag == "li"
        ]
        for number, item in enumerate(items, 1):
            marker = f"{number}." if tag == "ol" else "-"
            nested = [
                c
                for c in item.children
                if isinstance(c, Element) and c.tag in ("ul", "ol", "p")
            ]
            text = inline_text([c for c in item.children if c not in nested])
            lines.append(f"{marker} {text}".rstrip())
            for child in nested:
                for _line, inner in blocks_of(child, depth + 1):
                    lines += [" " * (len(marker) + 1) + t if t else "" for t in inner]
        return [(element.start, lines)] if lines else []
    if tag == "blockquote":
        lines = []
        for _line, block in blocks_in(element.children):
            if lines:
                lines.append(">")
            lines += [f"> {t}".rstrip() for t in block]
        return [(element.start, lines)] if lines else []
    if tag in CONTAINERS or tag == "":
        return blocks_in(element.children)
    text = inline_text(element.children if tag == "p" else [element])
    return [(element.start, [text])] if text else []


def blocks_in(nodes: list[Element | str]) -> list[tuple[int, list[str]]]:
    """Blocks of *nodes*; loose text and inline tags make paragraphs."""
    out: list[tuple[int, list[str]]] = []
    run: list[Element | str] = []
    for node in [*nodes, Element("p", {}, 0)]:
        if isinstance(node, str) or node.tag in INLINE_TAGS:
            run.append(node)
            continue
        text = inline_text(run)
        if text:
            first = next((n.start for n in run if isinstance(n, Element)), node.start)
            out.append((first, [text]))
        run = []
        if node.start:
            out += blocks_of(node)
    return out


def html_markdown(text: str) -> list[str] | None:
    """*text* (an HTML include) as Markdown lines, or None if some of it has
    no Markdown (a form, a loop…): then it is not inlined at all."""
    builder = TreeBuilder()
    builder.feed(text)
    builder.close()
    nodes = flatten(builder.root)
    if not all(isinstance(n, str) or convertible(n) for n in nodes):
        return None
    lines: list[str] = []
    for _line, block in blocks_in(nodes):
        lines += [*([""] if lines else []), *block]
    return lines


def flatten(root: Element) -> list[Element | str]:
    """The body's top-level nodes, with simple containers opened."""
    out: list[Element | str] = []
    for node in root.children:
        if (
            isinstance(node, Element)
            and node.tag in CONTAINERS
            and not convertible(node)
        ):
            out += flatten(node)
        else:
            out.append(node)
    return out
