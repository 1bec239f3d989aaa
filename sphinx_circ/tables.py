"""Data tables that read at every width: names and values that wrap at their
joints, and rows that stack into labelled entries on a phone.

* ``circ_code`` is a name or a value from a data file (``EMPRISE_DESIGNATION``,
  a URL, a pattern): a literal every builder renders as such; in HTML it may
  break after ``_ - . / ; , : @ ? & =`` and inside camelCase (``<wbr>``,
  which adds no character: copied, it is the text as written). Link text
  that is an address (``circ_breakable``) breaks the same way. Under the
  sphinx-circ theme, plain code in a table's cells does too.
* A table with the ``circ-stack`` class gets, in HTML only, its column's
  header as a label in each cell (``circ-cell-label``). The stylesheet hides
  the labels where the table shows as a table and, on a narrow screen, shows
  each row as a block of labelled lines instead of squeezed columns. Under
  the sphinx-circ theme every table with a header row stacks so.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from .config import is_circ_theme
from .nodes import NON_HTML_PASSTHROUGH

#: Tables whose rows stack on a narrow screen.
STACK_CLASS = "circ-stack"
LABEL_CLASS = "circ-cell-label"
#: Where a name may break: after a joint, or between a lower-case letter (or
#: a digit) and an upper-case one.
_JOINTS = re.compile(r"(?<=[_\-./;,:@?&=])(?=.)|(?<=[a-z0-9])(?=[A-Z])")
#: Shorter pieces are not worth a break.
MIN_PIECE = 3


class circ_code(nodes.literal):
    """A name or value from a data file, shown as code, wrapped at its joints."""


class circ_breakable(nodes.inline):
    """Text that is an address (a URL, an e-mail), wrapped at its joints."""


def data_code(text: str) -> circ_code:
    return circ_code(text, text)


def breakable(text: str) -> circ_breakable:
    return circ_breakable(text, text)


def joint_pieces(name: str) -> list[str]:
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


def with_breaks(text: str) -> str:
    """*text* escaped for HTML, with ``<wbr>`` at its joints."""
    return "<wbr>".join(escape(piece, quote=False) for piece in joint_pieces(text))


def visit_code_html(self: Any, node: circ_code) -> None:
    self.body.append(
        self.starttag(node, "code", "", CLASS="docutils literal notranslate")
    )
    self.body.append(f'<span class="pre">{with_breaks(node.astext())}</span></code>')
    raise nodes.SkipNode


def visit_breakable_html(self: Any, node: circ_breakable) -> None:
    self.body.append(with_breaks(node.astext()))
    raise nodes.SkipNode


def visit_as_literal(self: Any, node: nodes.Element) -> None:
    self.visit_literal(node)


def depart_as_literal(self: Any, node: nodes.Element) -> None:
    self.depart_literal(node)


#: Every other builder renders a data code as the literal it is, and an
#: address as its text.
LITERAL_VISITORS: dict[str, Any] = {
    name: (visit_as_literal, depart_as_literal)
    for name in ("latex", "text", "man", "texinfo")
}


def wrap_literals(cells: nodes.Element) -> None:
    """Let plain code in *cells* break at its joints, as identifiers do, so a
    long name narrows its column instead of pushing the table past the page."""
    for literal in list(cells.findall(nodes.literal)):
        if type(literal) is nodes.literal and len(literal.children) == 1:
            wrapped = circ_code(literal.rawsource, literal.astext())
            wrapped.attributes.update(literal.attributes)
            literal.replace_self(wrapped)


class StackedTableLabels(SphinxPostTransform):
    """Give each body cell of a ``circ-stack`` table its column's header."""

    default_priority = 400
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        every_table = is_circ_theme(self.app)
        for table in self.document.findall(nodes.table):
            if STACK_CLASS not in table["classes"] and not every_table:
                continue
            head = next(table.findall(nodes.thead), None)
            body = next(table.findall(nodes.tbody), None)
            if head is None or body is None or not head.children:
                continue
            if STACK_CLASS not in table["classes"]:
                table["classes"].append(STACK_CLASS)
            if every_table:
                wrap_literals(body)
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
    app.add_node(circ_code, html=(visit_code_html, None), **LITERAL_VISITORS)
    app.add_node(
        circ_breakable, html=(visit_breakable_html, None), **NON_HTML_PASSTHROUGH
    )
    app.add_post_transform(StackedTableLabels)
