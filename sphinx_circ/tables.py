"""Data tables that read at every width: identifiers that wrap at their
joints, and rows that stack into labelled entries on a phone.

* ``circ_identifier`` is a field name (``EMPRISE_DESIGNATION``): a literal
  every builder renders as such; in HTML it may break after ``_``, ``-``,
  ``.`` or ``/`` and inside camelCase (``<wbr>``, which adds no character:
  copied, it is the name as written). Elsewhere it never breaks mid-word.
* A table with the ``circ-stack`` class gets, in HTML only, its column's
  header as a label in each cell (``circ-cell-label``). The stylesheet hides
  the labels where the table shows as a table and, on a narrow screen, shows
  each row as a block of labelled lines instead of squeezed columns.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

#: Tables whose rows stack on a narrow screen.
STACK_CLASS = "circ-stack"
LABEL_CLASS = "circ-cell-label"
#: Where an identifier may break: after a joint, or between a lower-case
#: letter (or a digit) and an upper-case one.
_JOINTS = re.compile(r"(?<=[_\-./])(?=.)|(?<=[a-z0-9])(?=[A-Z])")
#: Shorter pieces are not worth a break.
MIN_PIECE = 3


class circ_identifier(nodes.literal):
    """A name from a data file, shown as code, wrapped only at its joints."""


def identifier(name: str) -> circ_identifier:
    return circ_identifier(name, name, classes=["circ-identifier"])


def identifier_pieces(name: str) -> list[str]:
    """*name* cut where a line may break (no piece under ``MIN_PIECE``)."""
    pieces: list[str] = []
    start = 0
    for match in _JOINTS.finditer(name):
        if (
            match.start() - start >= MIN_PIECE
            and len(name) - match.start() >= MIN_PIECE
        ):
            pieces.append(name[start : match.start()])
            start = match.start()
    pieces.append(name[start:])
    return pieces


def visit_identifier_html(self: Any, node: circ_identifier) -> None:
    self.body.append(
        self.starttag(node, "code", "", CLASS="docutils literal notranslate")
    )
    pieces = identifier_pieces(node.astext())
    self.body.append(
        '<span class="pre">' + "<wbr>".join(escape(p, quote=False) for p in pieces)
    )
    self.body.append("</span></code>")
    raise nodes.SkipNode


def visit_as_literal(self: Any, node: nodes.Element) -> None:
    self.visit_literal(node)


def depart_as_literal(self: Any, node: nodes.Element) -> None:
    self.depart_literal(node)


#: Every other builder renders an identifier as the literal it is.
LITERAL_VISITORS: dict[str, Any] = {
    name: (visit_as_literal, depart_as_literal)
    for name in ("latex", "text", "man", "texinfo")
}


class StackedTableLabels(SphinxPostTransform):
    """Give each body cell of a ``circ-stack`` table its column's header."""

    default_priority = 400
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for table in self.document.findall(nodes.table):
            if STACK_CLASS not in table["classes"]:
                continue
            head = next(table.findall(nodes.thead), None)
            body = next(table.findall(nodes.tbody), None)
            if head is None or body is None:
                continue
            headers = [entry.astext().strip() for entry in head.children[0].children]
            for row in body.children:
                for entry, header in zip(row.children, headers, strict=False):
                    if not header or not isinstance(entry, nodes.entry):
                        continue
                    label = nodes.inline("", header, classes=[LABEL_CLASS])
                    first = entry.children[0]
                    if isinstance(first, nodes.paragraph):
                        first.insert(0, label)
                    else:
                        entry.insert(0, nodes.paragraph("", "", label))


def setup_tables(app: Sphinx) -> None:
    app.add_node(
        circ_identifier, html=(visit_identifier_html, None), **LITERAL_VISITORS
    )
    app.add_post_transform(StackedTableLabels)
