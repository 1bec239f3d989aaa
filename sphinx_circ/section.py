"""The ``section`` block: a full-width band whose headings stay real sections.

A band is written as one directive but becomes, after parsing, a run of
sibling nodes: an optional ``circ_section`` container for the text before the
first heading, then one ``nodes.section`` per top-level heading, each carrying
the band's classes. That keeps headings in the page's contents, with ids,
permalinks and cross-references, and every writer renders them natively.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from .directive import Choice, CircDirective, block_options
from .headings import (
    heading_to_section,
    is_block_heading,
    move_block_ids,
    parse_with_headings,
    section_depth,
)
from .messages import warn
from .nodes import NON_HTML_PASSTHROUGH

STYLES = ("default", "color", "grey", "dark", "white")
#: The original site's class names, accepted as style values.
STYLE_ALIASES = {f"section-{style}": style for style in STYLES} | {"gray": "grey"}


class circ_section(nodes.General, nodes.Element):
    """A band of content: the part of a ``section`` block without a heading."""


def band_classes(style: str, extra: list[str]) -> list[str]:
    return ["circ-section", f"circ-section--{style}", *extra]


class SectionDirective(CircDirective):
    """``::::{section}`` … ``::::``: a full-width band of the page."""

    kind = "section"
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = block_options(
        "name", style=Choice(STYLES, STYLE_ALIASES)
    )

    def run_block(self) -> list[nodes.Node]:
        style = self.options["style"]
        band = circ_section(
            "\n".join(self.content),
            classes=band_classes(style, self.options.get("class", [])),
            circ_style=style,
        )
        self.set_source_info(band)
        if "name" in self.options:
            self.add_name(band)
        if not self.content:
            self.warn(
                "empty section: write its content between the fences, or remove it"
            )
            return []
        parse_with_headings(self, band)
        return [band]


class SectionStructure(SphinxTransform):
    """Turn each band's headings into real sections, placed where they belong."""

    # Before docutils propagates targets (260) onto the sections made here.
    default_priority = 205

    def apply(self, **kwargs: Any) -> None:
        bands = list(self.document.findall(circ_section))
        # Judged before any band is split: a band nested in another one would
        # otherwise look top-level once the outer band has become sections.
        nested = [_inside_band(band) for band in bands]
        for band, is_nested in zip(bands, nested, strict=True):
            if any(is_block_heading(child) for child in band.children):
                self.split_band(band, is_nested)

    def split_band(self, band: circ_section, is_nested: bool) -> None:
        if is_nested or not isinstance(band.parent, nodes.document | nodes.section):
            inside = "another section" if is_nested else "this block"
            warn(
                f"a section band cannot be placed inside {inside}; its headings are "
                "shown but left out of the page's contents. Move the section "
                "to the top level of the page.",
                "section",
                band,
            )
            return
        first = next(child for child in band.children if is_block_heading(child))
        if not first.get("circ_relative"):
            _hoist(band, int(first["circ_level"]) - 1)
        replacement = self.segments(band)
        band.replace_self(replacement)

    def segments(self, band: circ_section) -> list[nodes.Node]:
        """The band's content as [leading band] + headed sections, in order."""
        extra = [cls for cls in band["classes"] if not cls.startswith("circ-section")]
        classes = band_classes(band["circ_style"], extra)
        leading = circ_section(
            "", classes=list(band["classes"]), circ_style=band["circ_style"]
        )
        leading.source, leading.line = band.source, band.line
        out: list[nodes.Node] = []
        stack: list[tuple[int, nodes.section]] = []
        pending_targets: list[nodes.Node] = []
        children = list(band.children)
        band.children = []
        for index, child in enumerate(children):
            child.parent = None
            following = children[index + 1] if index + 1 < len(children) else None
            if (
                isinstance(child, nodes.target)
                and not child.get("refuri")
                and following is not None
                and is_block_heading(following)
            ):
                # A label before a heading must stay its sibling to name it.
                pending_targets.append(child)
                continue
            if not is_block_heading(child):
                (stack[-1][1] if stack else leading).append(child)
                continue
            level = int(child["circ_level"])
            section = heading_to_section(child, self.document)
            label_section(pending_targets, section, self.document)
            while stack and stack[-1][0] >= level:
                stack.pop()
            if stack:
                stack[-1][1].extend([*pending_targets, section])
            else:
                section["classes"].extend(classes)
                out.extend([*pending_targets, section])
            pending_targets = []
            stack.append((level, section))
        move_block_ids(
            band, leading if leading.children else _first_section(out), self.document
        )
        return [leading, *out] if leading.children else out


def label_section(
    targets: list[nodes.Node], section: nodes.section, document: nodes.document
) -> None:
    """Give a heading's labels to its section now, the label's id first.

    docutils would do it later, but puts the label after the heading's own id
    before 0.22 and first since: the toctree and permalinks would change with
    the docutils a site pins.
    """
    for target in reversed(targets):
        if not isinstance(target, nodes.target) or not target["ids"]:
            continue
        section["ids"][:0] = target["ids"]
        section["names"].extend(target["names"])
        for node_id in target["ids"]:
            document.ids[node_id] = section
        target["ids"], target["names"] = [], []
        target["refid"] = section["ids"][0]


def _first_section(nodes_list: list[nodes.Node]) -> nodes.Element:
    return next(node for node in nodes_list if isinstance(node, nodes.section))


def _inside_band(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, circ_section):
            return True
        parent = parent.parent
    return False


def _hoist(node: nodes.Element, depth: int) -> None:
    """Move *node* and what follows it out of sections deeper than *depth*.

    A Markdown ``##`` in a band written under a ``###`` section belongs beside
    that section's parent, as it would without the band; the content after the
    band moves with it so the reading order is unchanged.
    """
    while section_depth(node) > max(depth, 0) and isinstance(
        node.parent, nodes.section
    ):
        parent = node.parent
        grand = parent.parent
        if grand is None:
            return
        start = parent.index(node)
        moved = parent.children[start:]
        del parent.children[start:]
        at = grand.index(parent) + 1
        for offset, child in enumerate(moved):
            grand.insert(at + offset, child)


def visit_section_html(self: Any, node: circ_section) -> None:
    self.body.append(self.starttag(node, "div", ""))


def depart_section_html(self: Any, node: circ_section) -> None:
    self.body.append("</div>\n")


def setup_section(app: Sphinx) -> None:
    app.add_node(
        circ_section,
        html=(visit_section_html, depart_section_html),
        **NON_HTML_PASSTHROUGH,
    )
    app.add_directive("section", SectionDirective)
    app.add_transform(SectionStructure)
