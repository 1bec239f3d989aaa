"""Hero and section blocks, their slots and props, and dataset lists.

A ``<Hero>`` or ``<Section>``'s ``title`` slot (``<template v-slot:title>``
or ``#title``) or prop becomes its heading, its ``description`` its text;
other slots keep their content as text. A component whose prop is bound to
a front-matter list of data.gouv.fr dataset slugs becomes a list of links.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from .html import Tag, bound, plain_text, slot_name
from .links import find_asset, is_external
from .model import Out
from .render import Renderer
from .tokens import parse
from .tree import Element
from .vue import frontmatter_path, resolve

SECTION_STYLES = ("default", "color", "grey", "dark", "white")
TITLE_SLOTS = ("title", "heading", "header")
TEXT_SLOTS = ("default", "description", "subtitle", "tagline", "text", "content")
#: Slots of buttons and links: kept after the text, where blocks show them.
ACTION_SLOTS = ("actions", "action", "buttons", "cta", "footer")
SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
DATASET_URL = "https://www.data.gouv.fr/fr/datasets/{}/"


class Landing(Renderer):
    def hero(self, element: Element) -> Out:
        tag = element.tag
        body = self.parts(element, "hero")
        if not body.lines and not self.doc.front.get("title"):
            self.note(tag, "review", "empty <Hero> removed")
            return Out(self.doc)
        if not any(line.startswith("# ") for line in body.lines):
            title = self.doc.front.get("title")
            if title:
                heading = Out(self.doc).add(f"# {title}", self.line(tag.start))
                body = Out.join(self.doc, [heading, body])
                self.note(
                    tag,
                    "converted",
                    "hero without a heading: the page title added as its heading",
                )
            else:
                self.note(
                    tag,
                    "review",
                    "hero without a heading: give it one (the page title)",
                )
        image = self.image(tag)
        options = [f":image: {image}"] if image else []
        self.note(tag, "converted", "<Hero> → hero")
        return self.block("hero", body, element, options=options)

    def section(self, element: Element) -> Out:
        tag = element.tag
        classes = tag.attrs.get("class", "").split()
        styles = [
            c.removeprefix("section-") for c in classes if c.startswith("section-")
        ]
        style = styles[0] if styles else "default"
        if style == "gray":
            style = "grey"
        if style not in SECTION_STYLES:
            self.note(
                tag, "review", f"unknown section class {style!r}: default style used"
            )
            style = "default"
        options = [f":style: {style}"] if style != "default" else []
        if tag.attrs.get("id"):
            options.append(f":name: {tag.attrs['id']}")
        body = self.parts(element, "section")
        if not body.lines:
            self.note(tag, "review", "empty <Section> removed")
            return Out(self.doc)
        self.note(tag, "converted", f"<Section> → section ({style})")
        return self.block("section", body, element, options=options)

    def parts(self, element: Element, kind: str) -> Out:
        """A hero's or section's content: title, then text, then the rest (slots too)."""
        tag = element.tag
        level = 1 if kind == "hero" else 2
        title: Out | None = None
        text: list[Out] = []
        rest: list[Out] = []
        line = self.line(tag.start)
        for key in TITLE_SLOTS:
            value = self.prop(tag, key)
            if value and title is None:
                title = Out(self.doc).add(f"{'#' * level} {value}", line)
        for key in TEXT_SLOTS[1:]:
            value = self.prop(tag, key)
            if value:
                text.append(Out(self.doc).add(value, line))
        for child in element.children:
            slot = slot_name(child.tag) if isinstance(child, Element) else None
            if slot is None or not isinstance(child, Element):
                rest.append(self.node(child, kind))
                continue
            content = self.children(child.children, kind)
            where = f"slot {slot!r} of <{tag.name}>"
            if slot in TITLE_SLOTS:
                title = self.heading(content, level, line)
                self.note(child.tag, "converted", f"{where} → its heading")
            elif slot in TEXT_SLOTS:
                (rest if slot == "default" else text).append(content)
                self.note(child.tag, "converted", f"{where} → its text")
            elif slot in ACTION_SLOTS:
                rest.append(content)
                self.note(child.tag, "converted", f"{where} → after its text")
            else:
                rest.append(content)
                self.note(child.tag, "review", f"{where}: its content kept as text")
        return Out.join(self.doc, [*([title] if title else []), *text, *rest])

    def heading(self, content: Out, level: int, line: int) -> Out:
        """A title slot's content as one heading: the level written in it, if
        any, except in a hero, whose heading is the page title (level 1)."""
        # Blocks written inside a title (a fence, its options) are not its text.
        text = " ".join(
            t.strip() for t in content.lines if t.strip() and t.strip()[0] != ":"
        )
        match = re.match(r"^(#{1,6})\s+(.*)$", text)
        if match:
            level, text = (level if level == 1 else len(match.group(1))), match.group(2)
        text = plain_text(text)
        origin = content.origins[0] if content.origins else self.doc.origin(line)
        out = Out(self.doc)
        out.lines, out.origins = [f"{'#' * level} {text}"], [origin]
        return out if text else Out(self.doc)

    def image(self, tag: Tag) -> str | None:
        """The hero's image, copied beside the page (or reported if not found)."""
        image = self.prop(tag, "image")
        if not image or is_external(image):
            return image
        found = find_asset(self.doc.page, image)
        if found is None:
            self.note(tag, "outside", f"image {image!r} was not found beside the page")
            return image
        target, source = found
        self.doc.assets[target] = source
        self.note(tag, "converted", f"image {image!r} copied to {target!r}")
        return posixpath.relpath(
            target, posixpath.dirname(self.doc.page.docname) or "."
        )

    def prop(self, tag: Tag, name: str) -> str | None:
        """A prop written as is, or bound to the page's front matter."""
        if tag.attrs.get(name):
            return tag.attrs[name]
        expression = bound(tag, name)
        if expression is None:
            return None
        known, value = resolve(self.doc, expression, parse(self.doc))
        if known and value is not None and not isinstance(value, dict | list):
            self.note(
                tag,
                "converted",
                f"prop {name!r} of <{tag.name}> read from the front matter",
            )
            return str(value)
        self.note(
            tag,
            "review",
            f"prop :{name}={expression!r} of <{tag.name}> is computed by Vue: left out",
        )
        return None

    # -- datasets -----------------------------------------------------------

    def datasets(self, element: Element) -> Out | None:
        """A component fed by a front-matter list of dataset slugs → links."""
        tag = element.tag
        for attr, expression in tag.attrs.items():
            if not attr.startswith((":", "v-bind:")):
                continue
            known, value = frontmatter_path(self.doc, expression.strip())
            key = expression.strip()
            if not known and key in self.doc.front:
                value = self.doc.front[key]
            items = dataset_items(value)
            if not items:
                continue
            line = self.line(tag.start)
            out = Out(self.doc)
            for slug, title in items:
                out.add(f"- [{title}]({DATASET_URL.format(slug)})", line)
            self.note(tag, "converted",
                      f"<{tag.name}> → list of {len(items)} data.gouv.fr dataset links "
                      f"(from {key!r}; titled with their slugs: give them real titles)")  # fmt: skip
            return out
        return None


def dataset_items(value: Any) -> list[tuple[str, str]]:
    """(slug, title) of each dataset in a front-matter list, or [] if it is not one."""
    if not isinstance(value, list) or not value:
        return []
    items = []
    for item in value:
        if isinstance(item, str) and SLUG.match(item.strip()):
            items.append((item.strip(), item.strip()))
        elif isinstance(item, dict) and isinstance(
            item.get("slug") or item.get("id"), str
        ):
            slug = str(item.get("slug") or item.get("id")).strip()
            if not SLUG.match(slug):
                return []
            items.append((slug, str(item.get("title") or slug)))
        else:
            return []
    return items
