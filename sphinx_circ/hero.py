"""The ``hero`` block: the banner at the top of a page, holding its real title.

The hero's heading becomes the page's top-level section title (its ``<h1>``,
``<title>`` and toctree entry); the rest of the page moves into that section.
In HTML the title is drawn inside the banner by opening the banner just before
the title (see ``visit_title_html``), so the markup stays one heading in one
``<section>``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from myst_parser.mocking import MockState
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from ._compat import declare_myst_title_level, override_title_html
from .directive import Choice, CircDirective, block_options
from .headings import heading_to_section, is_block_heading, parse_with_headings
from .messages import warn
from .nodes import NON_HTML_PASSTHROUGH

ALIGNMENTS = ("left", "center", "right")


class circ_hero(nodes.General, nodes.Element):
    """The banner; ``holds_title`` once the page title has been moved before it."""


class HeroDirective(CircDirective):
    """``::::{hero}`` … ``::::``: a heading, tagline paragraphs and buttons."""

    kind = "hero"
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = block_options(
        "image", "image-alt", align=Choice(ALIGNMENTS, {"centre": "center"})
    )

    def run_block(self) -> list[nodes.Node]:
        align = self.options["align"]
        hero = circ_hero(
            "\n".join(self.content),
            classes=self.classes("circ-hero", f"circ-hero--{align}"),
        )
        self.set_source_info(hero)
        if not self.content:
            self.warn("empty hero: give it a heading (the page title) and a tagline")
            return []
        parse_with_headings(self, hero)
        image = (self.options.get("image") or "").strip()
        if "image" in self.options and not image:
            self.warn("hero image option is empty: give an image path or remove it")
        if image:
            alt = (self.options.get("image-alt") or "").strip()
            picture = nodes.image(
                "",
                uri=image,
                alt=alt,
                classes=["circ-hero__image"],
                circ_decorative=not alt,
            )
            self.set_source_info(picture)
            hero += picture
        if isinstance(self.state, MockState):
            # The heading becomes the page title only after parsing; until
            # then MyST would report a following ``##`` as starting at H2.
            declare_myst_title_level(self.state)
        return [hero]


class HeroStructure(SphinxTransform):
    """Make the hero's heading the page title and the page its section."""

    default_priority = 200  # before the section bands are split (205)

    def apply(self, **kwargs: Any) -> None:
        for hero in list(self.document.findall(circ_hero)):
            heading = next((c for c in hero.children if is_block_heading(c)), None)
            if heading is None:
                warn(
                    "hero without a heading: start it with a heading, which becomes "
                    "the page title",
                    "hero",
                    hero,
                )
                continue
            parent = hero.parent
            if not isinstance(parent, nodes.document) or any(
                isinstance(node, nodes.section)
                for node in parent.children[: parent.index(hero)]
            ):
                warn(
                    "a hero must come first on its page, outside any other block, to "
                    "hold the page title; its heading is shown but is not the title",
                    "hero",
                    hero,
                )
                continue
            self.make_title_section(hero, heading, parent)

    def make_title_section(
        self, hero: circ_hero, heading: nodes.rubric, parent: nodes.document
    ) -> None:
        # Other headings in the hero would be sub-headings of a banner: keep
        # them as (non-section) headings.
        for extra in hero.children:
            if is_block_heading(extra) and extra is not heading:
                del extra["circ_level"]
        section = heading_to_section(heading, self.document)
        hero.remove(heading)
        hero["holds_title"] = True
        start = parent.index(hero)
        following = parent.children[start:]
        del parent.children[start:]
        section.extend(following)
        parent.append(section)


def drop_decorative_images(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Decorative hero images mean nothing outside the web page."""
    if app.builder.format == "html":
        return
    for image in list(doctree.findall(nodes.image)):
        if image.get("circ_decorative"):
            image.parent.remove(image)


def _hero_after(title: nodes.Element) -> circ_hero | None:
    section = title.parent
    if isinstance(section, nodes.section) and len(section) > 1:
        candidate = section[1]
        if isinstance(candidate, circ_hero) and candidate.get("holds_title"):
            return candidate
    return None


def visit_title_html(self: Any, node: nodes.title) -> None:
    hero = _hero_after(node)
    if hero is not None:
        self.body.append(self.starttag(hero, "div", "", **{"data-circ": "hero"}))
        self.body.append('<div class="circ-hero__inner">\n')
    type(self).visit_title(self, node)


def depart_title_html(self: Any, node: nodes.title) -> None:
    type(self).depart_title(self, node)


def visit_hero_html(self: Any, node: circ_hero) -> None:
    if not node.get("holds_title"):
        self.body.append(self.starttag(node, "div", ""))
        self.body.append('<div class="circ-hero__inner">\n')


def depart_hero_html(self: Any, node: circ_hero) -> None:
    self.body.append("</div></div>\n")


def setup_hero(app: Sphinx) -> None:
    app.add_node(
        circ_hero, html=(visit_hero_html, depart_hero_html), **NON_HTML_PASSTHROUGH
    )
    override_title_html(app, visit_title_html, depart_title_html)
    app.add_directive("hero", HeroDirective)
    app.add_transform(HeroStructure)
    app.connect("doctree-resolved", drop_decorative_images)
