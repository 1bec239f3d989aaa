"""Nodes and rendering helpers shared by the blocks, for every builder."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docutils import nodes

from ._compat import add_template_folder
from .messages import _

#: Templates of the blocks' HTML-only parts (``circ/…``), overridable by a site.
TEMPLATES_DIR = Path(__file__).parent / "templates"

#: Builders whose output has no scripts or styles to make sense of HTML-only parts.
NON_HTML_FORMATS = ("latex", "text", "man", "texinfo")


class circ_sr_only(nodes.inline):
    """Text for screen readers only: a hidden span in HTML, absent elsewhere.

    Other outputs drop it because the visual context it describes (a new tab,
    say) does not exist there.
    """


def screen_reader_text(text: str) -> circ_sr_only:
    """Create screen-reader-only text."""
    return circ_sr_only("", text, classes=["circ-visually-hidden"])


def visit_sr_only_html(self: Any, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "span", ""))


def depart_sr_only_html(self: Any, node: nodes.Element) -> None:
    self.body.append("</span>")


def skip_node(self: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


def passthrough(self: Any, node: nodes.Element) -> None:
    """Render only the children (for outputs where the wrapper has no meaning)."""


#: Visitors that drop a node from every non-HTML output.
NON_HTML_SKIP: dict[str, Any] = {
    name: (skip_node, None) for name in (*NON_HTML_FORMATS, "xml")
}
#: Visitors that keep only a node's children in every non-HTML output.
NON_HTML_PASSTHROUGH: dict[str, Any] = {
    name: (passthrough, passthrough) for name in NON_HTML_FORMATS
}


def is_static_html(translator: Any) -> bool:
    """Whether the HTML is read without scripts (e-books), so shows everything."""
    return str(translator.builder.name).startswith("epub")


def render_template(translator: Any, name: str, **context: Any) -> str:
    """Render one of the package's HTML templates (``circ/…``) with the builder.

    A site overrides it by putting a file of the same name in its own
    ``templates_path``, as it would a theme's component (under the DSFR theme,
    ``circ/dsfr/<name>`` where the package has a DSFR version). ``_`` translates
    with sphinx-circ's own catalog.
    """
    context.setdefault("_", _)
    return str(
        translator.builder.templates.render(theme_template(translator, name), context)
    )


def theme_template(translator: Any, name: str) -> str:
    """*name*, or its DSFR version (``circ/dsfr/…``) under the DSFR theme when
    the package has one: the same block, drawn with the DSFR's components."""
    from .config import builder_is_dsfr

    if not builder_is_dsfr(translator.builder):
        return name
    dsfr_name = name.replace("circ/", "circ/dsfr/", 1)
    return dsfr_name if (TEMPLATES_DIR / dsfr_name).is_file() else name


def table_row(cells: list[nodes.Node]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        row += nodes.entry("", cell)
    return row


def captioned_table(
    caption: str, headers: list[str], widths: Sequence[int], classes: list[str]
) -> tuple[nodes.table, nodes.tbody]:
    """An empty table with a caption and a header row; returns it and its body.

    Plain docutils, so every builder renders it (LaTeX, text, epub…).
    """
    table = nodes.table(classes=classes)
    table += nodes.title("", caption)
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += table_row([nodes.paragraph("", str(header)) for header in headers])
    group += head
    body = nodes.tbody()
    group += body
    return table, body


def add_templates_path(app: Any, config: Any) -> None:
    """Let the builders find ``circ/…`` templates, after the site's own folders."""
    if str(TEMPLATES_DIR) not in config.templates_path:
        config.templates_path = [*config.templates_path, str(TEMPLATES_DIR)]


def add_late_templates_path(app: Any) -> None:
    """When only the theme brought sphinx-circ in, its folder joins the loader now."""
    if str(TEMPLATES_DIR) not in app.config.templates_path:
        add_template_folder(app.builder, str(TEMPLATES_DIR))


def setup_nodes(app: Any) -> None:
    app.add_node(
        circ_sr_only, html=(visit_sr_only_html, depart_sr_only_html), **NON_HTML_SKIP
    )
    app.connect("config-inited", add_templates_path)
    app.connect("builder-inited", add_late_templates_path)
