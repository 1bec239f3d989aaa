"""Helpers shared by the blocks: located warnings, slugs and URL safety."""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeGuard

from docutils import nodes
from myst_parser.mocking import MockState
from sphinx.locale import get_translation
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

#: The gettext domain of sphinx-circ's interface strings.
MESSAGE_CATALOG = "sphinx_circ"
LOCALE_DIR = Path(__file__).parent / "locale"

#: Translate an interface string (lazily, in the project's language).
_ = get_translation(MESSAGE_CATALOG)

LOGGER = logging.getLogger("sphinx_circ")

#: Every warning is ``circ.<kind>`` so ``suppress_warnings`` can target it.
WARNING_TYPE = "circ"


def warn(message: str, kind: str, location: Any) -> None:
    """Emit a ``circ.<kind>`` warning at *location* (a node or ``(docname, line)``)."""
    LOGGER.warning(message, type=WARNING_TYPE, subtype=kind, location=location)


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphenated slug: ``Réutilisateur`` → ``reutilisateur``."""
    ascii_text = (
        unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    )
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


#: Schemes a button may link to; anything else with a scheme is refused.
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Browsers ignore ASCII control characters and whitespace inside a scheme
# (``java\tscript:``), so they are stripped before the scheme is read.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")


def url_scheme(url: str) -> str | None:
    """Return the lower-cased scheme of *url* as a browser would read it, if any."""
    match = _SCHEME_RE.match(_IGNORED_IN_SCHEME.sub("", url))
    return match.group(1).lower() if match else None


def is_external(url: str) -> bool:
    """Whether *url* carries a scheme or is protocol-relative (``//host``)."""
    return url_scheme(url) is not None or url.startswith("//")


def is_safe_url(url: str) -> bool:
    """Whether *url* may be emitted as a link (``javascript:``, ``data:``… may not)."""
    scheme = url_scheme(url)
    return scheme is None or scheme in SAFE_SCHEMES


def check_choice(
    directive: SphinxDirective,
    name: str,
    choices: Sequence[str],
    kind: str,
    aliases: dict[str, str] | None = None,
) -> str:
    """Return option *name*'s value if valid (case-insensitive, aliases allowed).

    Otherwise warn (``circ.<kind>``, listing the valid values) and return the
    first choice, the default: a typo never breaks the page.
    """
    default = choices[0]
    value = (directive.options.get(name) or "").strip().lower() or default
    value = (aliases or {}).get(value, value)
    if value in choices:
        return value
    warn(
        f"unknown {name} {value!r}; use one of: {', '.join(choices)}. "
        f"Using {default!r}.",
        kind,
        directive.get_location(),
    )
    return default


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
    name: (skip_node, None) for name in ("latex", "text", "man", "texinfo", "xml")
}
#: Visitors that keep only a node's children in every non-HTML output.
NON_HTML_PASSTHROUGH: dict[str, Any] = {
    name: (passthrough, passthrough) for name in ("latex", "text", "man", "texinfo")
}


def is_static_html(translator: Any) -> bool:
    """Whether the HTML is read without scripts (e-books), so shows everything."""
    return str(translator.builder.name).startswith("epub")


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


def parse_with_headings(directive: SphinxDirective, container: nodes.Element) -> None:
    """Parse the directive's content into *container*, keeping headings as headings.

    Headings cannot become sections while nested in a block, so each one is
    left as a ``rubric`` marked with ``circ_level`` (its level within the block)
    for the block's transform to turn back into a real section. MyST already
    parses a nested heading to a rubric carrying its Markdown ``level``; reST
    parses to sections, which are flattened here to the same form.
    """
    if isinstance(directive.state, MockState):
        directive.state.nested_parse(
            directive.content, directive.content_offset, container
        )
        for rubric in container.findall(nodes.rubric):
            if "level" in rubric:
                # Shown as a real heading wherever it stays a rubric.
                rubric["heading-level"] = min(int(rubric["level"]), 6)
                if rubric.parent is container:
                    rubric["circ_level"] = int(rubric["level"])
        return
    holder = nodes.Element()
    nested_parse_with_titles(
        directive.state, directive.content, holder, directive.content_offset
    )
    container.extend(_flatten_sections(holder.children, 1, directive.state.document))


def _flatten_sections(
    children: list[nodes.Node], depth: int, document: nodes.document
) -> list[nodes.Node]:
    flat: list[nodes.Node] = []
    for child in list(children):
        if not isinstance(child, nodes.section):
            flat.append(child)
            continue
        title = child[0]
        rubric = nodes.rubric(
            "", "", *title.children, circ_level=depth, circ_relative=True
        )
        rubric["heading-level"] = min(depth + 1, 6)
        rubric.source, rubric.line = title.source, title.line
        move_ids(child, rubric, document)
        flat.append(rubric)
        flat.extend(_flatten_sections(child.children[1:], depth + 1, document))
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


def candidate_docnames(path: str, fromdoc: str, suffixes: Any) -> list[str]:
    """Docnames *path* may name: relative to *fromdoc* first, then to the root."""
    path = path.strip()
    if not path:
        return []
    for suffix in (".html", ".htm", *suffixes):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
            break
    if path.endswith("/") or path in ("", "."):
        path = path.rstrip("/") + "/index"
    if path.startswith("/"):
        return [posixpath.normpath(path.lstrip("/"))]
    relative = posixpath.normpath(posixpath.join(posixpath.dirname(fromdoc), path))
    return list(dict.fromkeys([relative, posixpath.normpath(path)]))


def html_tag(tag: str, content: str | None = "", /, **attributes: str | bool) -> str:
    """An HTML element for markup only HTML has (forms, controls).

    Attribute values are escaped; ``class_`` is ``class`` and ``_`` in a name
    is ``-``; ``True`` writes a bare attribute and ``False`` omits it.
    *content* is HTML already (escape text with ``html.escape``); ``None``
    opens the element without closing it.
    """
    parts = [tag]
    for key, value in attributes.items():
        attribute = key.rstrip("_").replace("_", "-")
        if value is True:
            parts.append(attribute)
        elif value is not False:
            parts.append(f'{attribute}="{html.escape(str(value), quote=True)}"')
    opening = f"<{' '.join(parts)}>"
    return opening if content is None else f"{opening}{content}</{tag}>"


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


def data_file(directive: SphinxDirective) -> Path:
    """The file the directive's argument names (relative to its page), noted as
    a dependency so that editing it rebuilds the page."""
    relative, absolute = directive.env.relfn2path(
        directive.arguments[0].strip(), directive.env.docname
    )
    directive.env.note_dependency(relative)
    return Path(absolute)
