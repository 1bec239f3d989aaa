"""A letter index of a large schema's fields, listed in "On this page".

A schema of a few hundred fields is one long page. Past ``LARGE_SCHEMA``
fields the block adds an index, the field names in alphabetical order under
their initial, each linked to its entry; every initial becomes an entry of
the page's contents (``env.tocs``), under the section holding the block, so
"On this page" leads to it.
"""

from __future__ import annotations

import unicodedata
from itertools import groupby
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from ..headings import relative_heading
from ..messages import _
from .descriptors import Schema
from .facts import field_link

#: From this many fields on, a schema gets its letter index.
LARGE_SCHEMA = 40

#: Marks the initials' paragraphs for ``add_to_contents``.
INITIAL = "circ-dataset__initial"


def initial(name: str) -> str:
    """The letter a name files under (accents folded; ``#`` for the rest)."""
    folded = unicodedata.normalize("NFD", name)[:1].upper()
    return folded if folded.isalpha() else "#"


def letter_index(
    schema: Schema, anchors: dict[str, str], prefix: str
) -> nodes.container | None:
    if len(schema.fields) < LARGE_SCHEMA:
        return None
    index = nodes.container(classes=["circ-dataset__index"])
    index += relative_heading(str(_("Index of the fields")), 1)
    names = sorted(
        (f.name for f in schema.fields), key=lambda n: (initial(n), n.casefold())
    )
    for letter, group in groupby(names, key=initial):
        block = nodes.paragraph(
            classes=[INITIAL], ids=[f"{prefix}-index-{letter}".lower()]
        )
        block["circ_initial"] = letter
        block += nodes.strong(letter, letter)
        block += nodes.Text(" ")
        for position, name in enumerate(group):
            if position:
                block += nodes.Text(", ")
            block += field_link(name, anchors)
        index += block
    return index


def add_to_contents(app: Sphinx, doctree: nodes.document) -> None:
    """Each initial, under the contents entry of the section holding it."""
    docname = app.env.docname
    toc = app.env.tocs.get(docname)
    if toc is None:
        return
    for paragraph in doctree.findall(nodes.paragraph):
        if INITIAL not in paragraph["classes"] or not paragraph["ids"]:
            continue
        section = paragraph.parent
        while section is not None and not isinstance(section, nodes.section):
            section = section.parent
        target = _entry_for(toc, section["ids"][0] if section is not None else "")
        if target is None:
            continue
        listing = next(
            (c for c in target.children if isinstance(c, nodes.bullet_list)), None
        )
        if listing is None:
            listing = nodes.bullet_list()
            target += listing
        letter = paragraph["circ_initial"]
        reference = nodes.reference(
            "", letter, internal=True, refuri=docname,
            anchorname="#" + paragraph["ids"][0],
        )  # fmt: skip
        listing += nodes.list_item("", addnodes.compact_paragraph("", "", reference))


def _entry_for(toc: nodes.Node, section_id: str) -> Any:
    """The contents' list item whose link leads to *section_id*."""
    for reference in toc.findall(nodes.reference):
        if reference.get("anchorname") == "#" + section_id:
            return reference.parent.parent
    # The page's own title (no anchor): its item.
    for item in toc.findall(nodes.list_item):
        return item
    return None
