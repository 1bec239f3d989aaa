"""VuePress components and HTML wrappers become sphinx-circ blocks.

``<Hero>`` → hero, ``<Section class="section-…">`` → section (see
``landing``), ``<Button>`` → button, ``<div class="row">`` → sphinx-design
grid, ``<DemandeForm>`` → data-request, a component fed by a front-matter
list of data.gouv.fr dataset slugs → a list of links. Any other component is
kept verbatim in a MyST comment and reported with its line; its text, if it
has any, stays on the page.
"""

from __future__ import annotations

from .html import Tag, plain_text, scan, slot_name, text_attributes
from .inline import button_parts
from .landing import Landing
from .model import SEPARATOR, Doc, Edit, Out, colons, needs_separator
from .tokens import parse
from .tree import Element, Frag, Md, Page, active, groups, nest, sequence

UNWRAPPED = ("template", "clientonly", "client-only", "no-ssr", "center")


def convert(doc: Doc) -> None:
    tokens = parse(doc)
    page = Page(doc)
    renderer = Components(doc, page)
    nodes = nest(doc, page, sequence(page, tokens, 0, len(doc.lines)))
    rendered = [
        (first, last, Out.join(doc, [renderer.node(n, "root") for n in group]))
        for first, last, group in groups(page, nodes)
    ]
    doc.apply([edit(doc, rendered, n) for n in range(len(rendered))])
    in_lists(doc)


def in_lists(doc: Doc) -> None:
    """HTML blocks inside list items, each converted on its own, indented as it was."""
    tokens = parse(doc)
    page = Page(doc)
    renderer = Components(doc, page)
    edits = []
    stack: list[str] = []
    for token in tokens:
        if token.nesting == 1:
            stack.append(token.type)
        elif token.nesting == -1 and stack:
            stack.pop()
        if token.type != "html_block" or not token.map or len(stack) < 1:
            continue
        start, end = token.map
        if "blockquote_open" in stack:  # its lines start with ">": left as written
            if any(isinstance(p, Tag) and p.component for p in scan(token.content)):
                doc.note(
                    start,
                    "review",
                    "component inside a quote kept as written (not shown)",
                )
            continue
        if "list_item_open" not in stack:
            continue
        nodes = nest(doc, page, sequence(page, [token], start, end))
        if not any(active(n) for n in nodes):
            continue
        out = Out.join(doc, [renderer.node(n, "list") for n in nodes])
        text = doc.lines[start]
        indent = text[: len(text) - len(text.lstrip())]
        out.lines = [indent + line if line else line for line in out.lines]
        edits.append(out.edit(start, end) if out.lines else doc.removal(start, end))
    doc.apply(edits)


def edit(doc: Doc, rendered: list[tuple[int, int, Out]], index: int) -> Edit:
    """The edit writing one rendered group, kept apart from what is around it."""
    first, last, out = rendered[index]
    before, _ = neighbour(doc, rendered, index, -1)
    after, rendered_after = neighbour(doc, rendered, index, 1)
    if not out.lines and not needs_separator(before, after):
        return doc.removal(first, last + 1)
    if needs_separator(before, (out.lines or [after])[0]):
        out.lines[:0], out.origins[:0] = [SEPARATOR], [doc.origin(first)]
    # The next group, if it comes right after, looks back at this one itself.
    if not rendered_after and needs_separator(out.lines[-1], after):
        out.add(SEPARATOR, last)
    if first > 0 and doc.lines[first - 1].strip():
        out.lines.insert(0, "")
        out.origins.insert(0, doc.origin(first))
    if last + 1 < len(doc.lines) and doc.lines[last + 1].strip():
        out.add("", last)
    return out.edit(first, last + 1)


def neighbour(
    doc: Doc, rendered: list[tuple[int, int, Out]], index: int, step: int
) -> tuple[str, bool]:
    """The nearest line with text before (*step* -1) or after (1) a group, once
    written, and whether another group writes it."""
    first, last, _out = rendered[index]
    lines = range(first - 1, -1, -1) if step < 0 else range(last + 1, len(doc.lines))
    for line in lines:
        other = next((r for r in rendered if r[0] <= line <= r[1]), None)
        if other is not None:
            written = [t for t in other[2].lines if t.strip()]
            if written:
                return (written[-1] if step < 0 else written[0]), True
            continue
        if doc.lines[line].strip():
            return doc.lines[line], False
    return "", False


class Components(Landing):
    """Writes each element of the tree as the block it becomes."""

    def element(self, element: Element, parent: str) -> Out:
        tag = element.tag
        name = tag.lower
        if name == "hero":
            return self.hero(element)
        if name == "section":
            return self.section(element)
        if tag.name == "Button":
            return self.button(element)
        if name == "demandeform":
            self.note(
                tag,
                "converted",
                "<DemandeForm> → data-request (set circ_request_email in conf.py)",
            )
            return (
                Out(self.doc)
                .add(":::{data-request}", self.line(tag.start))
                .add(":::", self.line(tag.start))
            )
        if name == "div":
            return self.div(element, parent)
        if name in UNWRAPPED:
            if name != "template" or slot_name(tag) is None:
                self.note(
                    tag,
                    "converted",
                    f"<{tag.name}> removed (layout only); its content is kept",
                )
            return self.children(element.children, parent)
        if name == "br":
            self.note(tag, "converted", "<br> removed")
            return Out(self.doc)
        if (
            name in ("span", "a")
            and (tag.attrs.get("id") or tag.attrs.get("name"))
            and not tag.attrs.get("href")
        ):
            return self.anchor(element)
        if name in ("script", "style"):
            return self.comment(
                element, "is code for the old site, not content: kept as a comment"
            )
        if tag.component:
            listed = self.datasets(element)
            if listed is not None:
                return listed
            if name == "inventory":
                return self.comment(
                    element,
                    "has no content here: kept as a comment (use the dataset-inventory block with a CSV)",
                )
            return self.unknown(element, parent)
        return self.html(element, parent)

    def unknown(self, element: Element, parent: str) -> Out:
        tag = element.tag
        if not element.children or not any(
            not isinstance(c, Frag) or c.text.strip() for c in element.children
        ):
            shown = text_attributes(tag)
            if shown:
                return self.comment_and_text(element, shown)
            return self.comment(
                element, "has no sphinx-circ equivalent: kept as a comment"
            )
        shown = text_attributes(tag)
        opening = self.comment(
            tag,
            "has no sphinx-circ equivalent: its tags kept as comments, its content "
            + ("and the text of its attributes as text" if shown else "as text"),
        )
        if shown:
            titled = self.attribute_text(tag, shown, heading=True)
            opening = Out.join(self.doc, [opening, titled])
        closing_tag = (
            self.text(element.close.start, f"% {element.close.raw}", False)
            if element.close
            else Out(self.doc)
        )
        return Out.join(
            self.doc, [opening, self.children(element.children, parent), closing_tag]
        )

    def comment_and_text(self, element: Element, shown: list[str]) -> Out:
        """A component with text only in its attributes: the tag in a comment,
        its text after it (the first value, a title, in bold)."""
        comment = self.comment(
            element,
            "has no sphinx-circ equivalent: kept as a comment, "
            "the text of its attributes kept on the page",
        )
        return Out.join(self.doc, [comment, self.attribute_text(element.tag, shown)])

    def attribute_text(self, tag: Tag, shown: list[str], heading: bool = False) -> Out:
        """The text of a component's attributes, a paragraph each (the first,
        a title, in bold when more text follows: *heading* if its content does)."""
        line = self.line(tag.start)
        parts = []
        bold = heading or len(shown) > 1
        for number, value in enumerate(shown):
            text = f"**{value}**" if number == 0 and bold else value
            parts.append(Out(self.doc).add(text, line))
        return Out.join(self.doc, parts)

    def html(self, element: Element, parent: str) -> Out:
        """Plain HTML is kept as written (it is shown in HTML output only)."""
        self.note(
            element.tag,
            "review",
            f"HTML <{element.tag.name}> kept as written: shown in HTML output only",
        )
        if not converts(element):
            return self.source(element)
        opening = self.text(element.tag.start, element.tag.raw, False)
        closing_tag = (
            self.text(element.close.start, element.close.raw, False)
            if element.close
            else Out(self.doc)
        )
        return Out.join(
            self.doc, [opening, self.children(element.children, parent), closing_tag]
        )

    def anchor(self, element: Element) -> Out:
        name = element.tag.attrs.get("id") or element.tag.attrs.get("name") or ""
        self.note(element.tag, "converted", f"HTML anchor {name!r} → MyST target")
        target = Out(self.doc).add(f"({name})=", self.line(element.tag.start))
        return Out.join(self.doc, [target, self.children(element.children, "anchor")])

    def button(self, element: Element) -> Out:
        tag = element.tag
        line = self.line(tag.start)
        inside = []
        for child in element.children:
            if isinstance(child, Frag):
                inside.append(child.text)
            elif isinstance(child, Md):
                inside += self.doc.lines[child.start : child.end]
        label = plain_text(" ".join(inside))
        label, variant, target = button_parts(self.doc, line, tag, label)
        if target is None:
            text = f"**{label}** " if label else ""
            return Out(self.doc).add(f"{text}(TODO : lien à compléter)", line)
        self.note(tag, "converted", "<Button> → button")
        out = Out(self.doc).add(f":::{{button}} {target}", line)
        if variant:
            out.add(f":variant: {variant}", line)
        if label:
            out.add(label, line)
        return out.add(":::", line)

    def div(self, element: Element, parent: str) -> Out:
        tag = element.tag
        classes = tag.attrs.get("class", "").split()
        if "row" in classes:
            return self.row(element)
        if "container" in classes:
            self.note(tag, "converted", '<div class="container"> removed (layout only)')
        else:
            self.note(
                tag, "review", f"{tag.raw.splitlines()[0]} removed; its content is kept"
            )
        return self.children(element.children, parent)

    def row(self, element: Element) -> Out:
        tag = element.tag
        columns = [
            c
            for c in element.children
            if isinstance(c, Element) and c.tag.lower == "div"
        ]
        loose = [c for c in element.children if c not in columns]
        before = self.children(loose, "root")
        if before.lines:
            self.note(tag, "review", "text directly in a row kept before the grid")
        count = max(len(columns), 1)
        self.note(tag, "converted", f'<div class="row"> → grid of {count} columns')
        bodies = [self.children(c.children, "column") for c in columns]
        # Sibling columns share one fence length: the longest any needs.
        fence = colons([line for body in bodies for line in body.lines])
        items = []
        for column, body in zip(columns, bodies, strict=True):
            item = self.block("grid-item", body, column, fence=fence)
            items.append(item)
        grid = self.block(
            "grid",
            Out.join(self.doc, items),
            element,
            f"1 1 {count} {count}",
            [":gutter: 4"],
        )
        return Out.join(self.doc, [before, grid])


def converts(element: Element) -> bool:
    """Whether anything inside *element* is converted (else it is kept as written)."""
    for child in element.children:
        if isinstance(child, Element):
            if child.tag.component or child.tag.lower in ("div", "section", "br"):
                return True
            if converts(child):
                return True
    return False
