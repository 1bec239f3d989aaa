"""Small builders of docutils nodes for the legal pages' generated text."""

from __future__ import annotations

import re
from datetime import date

from babel.numbers import format_percent
from docutils import nodes
from sphinx import addnodes

from ..dates import When, date_node
from ..urls import is_email

_SLOT = re.compile(r"\{(\w+)\}")

Part = nodes.Node | str


def compose(template: str, **parts: Part) -> list[nodes.Node]:
    """*template* (a translated sentence) with each ``{name}`` replaced by its
    node, so that a link or a date sits where the language puts it."""
    result: list[nodes.Node] = []
    position = 0
    for match in _SLOT.finditer(template):
        if match.start() > position:
            result.append(nodes.Text(template[position : match.start()]))
        part = parts.get(match[1], match[0])
        result.append(nodes.Text(part) if isinstance(part, str) else part)
        position = match.end()
    if position < len(template):
        result.append(nodes.Text(template[position:]))
    return result


def para(template: str, **parts: Part) -> nodes.paragraph:
    return nodes.paragraph("", "", *compose(template, **parts))


def bullets(items: list[list[nodes.Node]]) -> nodes.bullet_list:
    """A list whose items are each a paragraph of *items*' nodes."""
    listing = nodes.bullet_list()
    for item in items:
        listing += nodes.list_item("", nodes.paragraph("", "", *item))
    return listing


def address_link(address: str) -> nodes.Node:
    """An e-mail or web address as a link showing the address itself (it is
    also read on paper)."""
    if address.startswith("["):  # a placeholder, shown as written
        return nodes.Text(address)
    if is_email(address) and "://" not in address:
        return nodes.reference(address, address, refuri=f"mailto:{address}")
    shown = re.sub(r"^https?://", "", address).rstrip("/")
    return nodes.reference(shown, shown, refuri=address)


def link(text: str, url: str) -> nodes.reference:
    return nodes.reference(text, text, refuri=url)


def strong(text: str) -> nodes.strong:
    return nodes.strong(text, text)


def doc_link(docname: str, fromdoc: str) -> addnodes.pending_xref:
    """A link to a document of the site, titled by Sphinx as ``{doc}`` is."""
    xref = addnodes.pending_xref(
        "",
        refdoc=fromdoc,
        refdomain="std",
        reftype="doc",
        reftarget="/" + docname,
        refexplicit=False,
        refwarn=True,
    )
    xref += nodes.inline(docname, docname, classes=["xref", "std", "std-doc"])
    return xref


def day(value: date, language: str) -> nodes.Node:
    return date_node(When(value, "day", value.isoformat()), language)


def percent(value: float, language: str) -> str:
    """``72,5 %`` in French, ``72.5%`` in English (the locale's own form)."""
    locale = language.replace("-", "_")
    try:
        return format_percent(value / 100, locale=locale, decimal_quantization=False)
    except Exception:  # an unknown locale must not break the build
        return f"{value:g}%"


def section(
    document: nodes.document, title: str, children: list[nodes.Node]
) -> nodes.section:
    """A section titled *title*, with an id for its permalink and the page's
    contents."""
    node = nodes.section()
    node += nodes.title(title, title)
    node["names"].append(nodes.fully_normalize_name(title))
    document.note_implicit_target(node, node)
    node.extend(children)
    return node
