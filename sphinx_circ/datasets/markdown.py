"""Markdown from a data file (descriptions), as docutils nodes, safely.

Table Schema and Data Package descriptions are CommonMark. They are parsed
here with markdown-it (installed with MyST-Parser), not with the page's own
parser: a data file must not run directives, include files or inject raw
HTML. HTML in a description is shown as text.
"""

from __future__ import annotations

from functools import cache

from docutils import nodes
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..urls import is_safe_url


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def markdown_blocks(text: str) -> list[nodes.Node]:
    """Block-level nodes (paragraphs, lists, code…) for *text*."""
    tokens = _parser().parse(text)
    root = nodes.Element()
    stack: list[nodes.Element] = [root]
    for token in tokens:
        _block(token, stack)
    return list(root.children)


def markdown_inline(text: str) -> list[nodes.Node]:
    """Inline nodes for a one-line *text* (a title)."""
    tokens = _parser().parseInline(text)
    holder = nodes.inline()
    for token in tokens:
        _inline(token.children or [], holder)
    return list(holder.children)


_BLOCKS: dict[str, type[nodes.Element]] = {
    "paragraph": nodes.paragraph,
    "bullet_list": nodes.bullet_list,
    "ordered_list": nodes.enumerated_list,
    "list_item": nodes.list_item,
    "blockquote": nodes.block_quote,
    "table": nodes.container,
    "thead": nodes.container,
    "tbody": nodes.container,
    "tr": nodes.paragraph,
    "th": nodes.inline,
    "td": nodes.inline,
}


def _block(token: Token, stack: list[nodes.Element]) -> None:
    kind = token.type.removesuffix("_open").removesuffix("_close")
    if token.nesting == 1:
        if kind == "heading":
            # A heading inside a description is not a heading of the page.
            node: nodes.Element = nodes.paragraph(classes=["circ-dataset__subheading"])
            strong = nodes.strong()
            node += strong
            stack[-1] += node
            stack.append(strong)
            return
        node = _BLOCKS.get(kind, nodes.container)()
        if kind == "table":
            node["classes"].append("circ-dataset__md-table")
        stack[-1] += node
        stack.append(node)
    elif token.nesting == -1:
        stack.pop()
        if kind == "heading":
            stack.pop()
    elif token.type == "inline":
        parent: nodes.Element = stack[-1]
        if isinstance(parent, nodes.list_item | nodes.block_quote):
            paragraph = nodes.paragraph()
            parent.append(paragraph)
            parent = paragraph
        _inline(token.children or [], parent)
    elif token.type in ("fence", "code_block"):
        code = token.content.rstrip("\n")
        stack[-1] += nodes.literal_block(code, code)
    elif token.type == "hr":
        stack[-1] += nodes.transition()
    elif token.content:
        stack[-1] += nodes.paragraph("", token.content)


def _inline(tokens: list[Token], parent: nodes.Element) -> None:
    stack: list[nodes.Element] = [parent]
    for token in tokens:
        if token.type == "text" or token.type == "html_inline":
            stack[-1] += nodes.Text(token.content)
        elif token.type == "softbreak":
            stack[-1] += nodes.Text("\n")
        elif token.type == "hardbreak":
            stack[-1] += nodes.raw("", "<br />", format="html")
            stack[-1] += nodes.Text("\n")
        elif token.type == "code_inline":
            stack[-1] += nodes.literal(token.content, token.content)
        elif token.type in ("em_open", "strong_open", "s_open"):
            wrapper = {"em_open": nodes.emphasis, "strong_open": nodes.strong}.get(
                token.type, nodes.inline
            )()
            stack[-1] += wrapper
            stack.append(wrapper)
        elif token.type == "link_open":
            href = str(token.attrGet("href") or "")
            link: nodes.Element = (
                nodes.reference("", "", refuri=href)
                if href and is_safe_url(href)
                else nodes.inline()
            )
            stack[-1] += link
            stack.append(link)
        elif token.type.endswith("_close"):
            if len(stack) > 1:
                stack.pop()
        elif token.type == "image":
            alt = token.content or str(token.attrGet("src") or "")
            stack[-1] += nodes.Text(alt)
