"""Writing blocks: the text, comments and directives a component becomes.

``Renderer`` holds what every block needs (the page's lines and their
origins, MyST comments, directive fences); ``landing`` and ``components``
add the blocks themselves.
"""

from __future__ import annotations

from .html import Comment, Tag
from .model import Doc, Out, colons
from .tree import Element, Fenced, Frag, Md, Node, Page


class Renderer:
    """Writes the nodes of a page's tree; subclasses write the elements."""

    def __init__(self, doc: Doc, page: Page) -> None:
        self.doc = doc
        self.page = page

    def line(self, offset: int) -> int:
        return self.page.line(offset)

    def note(self, tag: Tag, kind: str, message: str) -> None:
        self.doc.note(self.line(tag.start), kind, message)

    # -- nodes --------------------------------------------------------------

    def node(self, node: Node, parent: str) -> Out:
        if isinstance(node, Md):
            out = Out(self.doc)
            for index in range(node.start, node.end):
                out.add(self.doc.lines[index], index)
            return out
        if isinstance(node, Frag):
            return self.text(node.start, node.text)
        if isinstance(node, Comment):
            return self.text(node.start, node.raw, dedent=False)
        if isinstance(node, Tag):  # a closing tag that closes nothing
            return Out(self.doc)
        if isinstance(node, Fenced):
            return self.fenced(node)
        return self.element(node, parent)

    def element(self, element: Element, parent: str) -> Out:
        raise NotImplementedError

    def fenced(self, node: Fenced) -> Out:
        """A colon fence of the page, longer if what is now inside needs it."""
        body = self.children(node.children, "fenced")
        lines = self.doc.lines
        fence = node.markup[0] * max(len(node.markup), len(colons(body.lines)))
        opening = lines[node.start].replace(node.markup, fence, 1)
        out = Out(self.doc).add(opening, node.start).extend(body)
        if node.closed:
            out.add(lines[node.end - 1].replace(node.markup, fence, 1), node.end - 1)
        return out

    def text(self, start: int, text: str, dedent: bool = True) -> Out:
        """Text from inside HTML, without the indentation HTML gave it."""
        out = Out(self.doc)
        lines = text.split("\n")
        first = self.line(start)
        rest = [t for t in lines[1:] if t.strip()]
        cut = min((len(t) - len(t.lstrip()) for t in rest), default=0) if dedent else 0
        for number, line in enumerate(lines):
            if dedent:
                # The first line starts after a tag: its indentation is the tag's.
                line = line.lstrip() if number == 0 else line[cut:].rstrip()
            out.add(line if line.strip() else "", first + number)
        return out.trimmed()

    def children(self, nodes: list[Node], parent: str) -> Out:
        return Out.join(self.doc, [self.node(n, parent) for n in nodes])

    def source(self, element: Element) -> Out:
        """The element exactly as written."""
        start = element.tag.start
        return self.text(start, self.page.text[start : element.end], dedent=False)

    def comment(self, element: Element | Tag, why: str) -> Out:
        tag = element.tag if isinstance(element, Element) else element
        source = (
            self.source(element)
            if isinstance(element, Element)
            else self.text(tag.start, tag.raw, False)
        )
        out = Out(self.doc)
        for text, origin in zip(source.lines, source.origins, strict=True):
            out.lines.append(f"% {text}".rstrip() if text.strip() else "%")
            out.origins.append(origin)
        lines = self.doc.span(
            self.line(tag.start), self.line(tag.start) + len(source.lines)
        )
        self.note(tag, "comment", f"<{tag.name}>{lines} {why}")
        return out

    def block(
        self,
        name: str,
        body: Out,
        element: Element,
        argument: str = "",
        options: list[str] | None = None,
        fence: str = "",
    ) -> Out:
        """A directive around *body*, with a fence longer than any inside."""
        fence = fence or colons(body.lines)
        line = self.line(element.tag.start)
        out = Out(self.doc).add(f"{fence}{{{name}}} {argument}".rstrip(), line)
        for option in options or []:
            out.add(option, line)
        if options or (body.lines and body.lines[0].startswith(":")):
            out.add("", line)
        out.extend(body)
        return out.add(fence, self.line(element.end - 1))

    # -- elements -----------------------------------------------------------
