"""Headings inside blocks: kept as headings, and turned back into sections.

Docutils cannot open a section inside a directive, so a heading written in a
block is parsed to a ``rubric`` marked with ``circ_level``; the block's
transform later turns it back into a real section where the page allows it
(hero, section bands). Where it cannot (a persona panel), the rubric stays,
shown as a heading of the right level by the ``heading-level`` attribute.
"""

from __future__ import annotations

from typing import Any, TypeGuard

from docutils import nodes
from myst_parser.mocking import MockState
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

#: HTML has six heading levels; deeper ones are shown as the sixth.
MAX_LEVEL = 6


def section_depth(node: nodes.Node) -> int:
    """How many sections enclose *node* (0 at the top of the document)."""
    depth = 0
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.section):
            depth += 1
        parent = parent.parent
    return depth


def move_ids(
    source: nodes.Element, dest: nodes.Element, document: nodes.document
) -> None:
    """Move ids and names from *source* to *dest*, keeping the document's index."""
    for key in ("ids", "names", "dupnames"):
        dest[key].extend(source[key])
        source[key] = []
    for node_id in dest["ids"]:
        document.ids[node_id] = dest


def move_block_ids(
    block: nodes.Element, dest: nodes.Element, document: nodes.document
) -> None:
    """Keep a block's ``:name:`` on *dest*, its first visible part.

    The name's id goes first, whatever ids *dest* already has (their order
    differs across docutils versions): links to the part, from the toctree
    among others, use the author's own name.
    """
    dest["ids"][:0] = block["ids"]
    dest["names"].extend(block["names"])
    for node_id in block["ids"]:
        document.ids[node_id] = dest
    # ``replace_self`` would otherwise copy them onto the first replacement.
    for key in block.basic_attributes:
        block[key] = []


def parse_with_headings(directive: SphinxDirective, container: nodes.Element) -> None:
    """Parse the directive's content into *container*, keeping headings as headings.

    MyST already parses a nested heading to a rubric carrying its Markdown
    ``level``; reST parses to sections, which are flattened here to the same
    form.
    """
    if isinstance(directive.state, MockState):
        directive.state.nested_parse(
            directive.content, directive.content_offset, container
        )
        for rubric in container.findall(nodes.rubric):
            if "level" in rubric:
                # Shown as a real heading wherever it stays a rubric.
                rubric["heading-level"] = min(int(rubric["level"]), MAX_LEVEL)
                if rubric.parent is container:
                    rubric["circ_level"] = int(rubric["level"])
        return
    holder = nodes.Element()
    nested_parse_with_titles(
        directive.state, directive.content, holder, directive.content_offset
    )
    container.extend(
        sections_to_rubrics(holder.children, 2, directive.state.document, block_level=1)
    )


def sections_to_rubrics(
    children: list[nodes.Node],
    level: int,
    document: nodes.document,
    block_level: int | None = None,
) -> list[nodes.Node]:
    """Flatten sections into rubrics shown as ``h<level>`` (nested ones deeper).

    With *block_level*, each rubric is marked as a block heading of that
    level (``circ_level``) for the block's transform to make a section again.
    """
    flat: list[nodes.Node] = []
    for child in list(children):
        if not isinstance(child, nodes.section):
            flat.append(child)
            continue
        title = child[0]
        rubric = nodes.rubric("", "", *title.children, classes=child["classes"])
        if block_level is not None:
            rubric["circ_level"] = block_level
            rubric["circ_relative"] = True
        rubric["heading-level"] = min(level, MAX_LEVEL)
        rubric.source, rubric.line = title.source, title.line
        move_ids(child, rubric, document)
        flat.append(rubric)
        deeper = None if block_level is None else block_level + 1
        flat.extend(
            sections_to_rubrics(child.children[1:], level + 1, document, deeper)
        )
    return flat


def is_block_heading(node: nodes.Node) -> TypeGuard[nodes.rubric]:
    """Whether *node* is a heading left by ``parse_with_headings``."""
    return isinstance(node, nodes.rubric) and "circ_level" in node


def heading_to_section(
    heading: nodes.rubric, document: nodes.document
) -> nodes.section:
    """Turn a block heading back into an (empty) section titled like it."""
    section = nodes.section()
    section.source, section.line = heading.source, heading.line
    title = nodes.title(heading.rawsource, "", *heading.children)
    title.source, title.line = heading.source, heading.line
    section += title
    move_ids(heading, section, document)
    if not section["ids"]:
        # Every section needs an id for its permalink and the page's contents.
        name = nodes.fully_normalize_name(title.astext())
        section["names"].append(name)
        document.note_implicit_target(section, section)
    return section


#: Class of rubrics whose level follows the section they land in.
RELATIVE = "circ-heading-relative"


def relative_heading(text: str, offset: int = 1, *classes: str) -> nodes.rubric:
    """A heading *offset* levels below the section it will be in."""
    return nodes.rubric("", text, classes=[*classes, RELATIVE], circ_offset=offset)


class RelativeHeadingLevels(SphinxTransform):
    """Give each relative heading its level once sections are final."""

    default_priority = 220  # once hero and section bands have their sections

    def apply(self, **kwargs: Any) -> None:
        for rubric in self.document.findall(nodes.rubric):
            if RELATIVE in rubric["classes"]:
                offset = int(rubric.get("circ_offset", 1))
                rubric["heading-level"] = min(section_depth(rubric) + offset, MAX_LEVEL)


def setup_headings(app: Any) -> None:
    app.add_transform(RelativeHeadingLevels)
