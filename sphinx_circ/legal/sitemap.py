"""The site map: every document of the toctree, as nested links.

A second way to reach every page besides the menu (RGAA criterion 12.1).
The block is a placeholder until every document is read; it is then
written from the toctrees, as Sphinx writes a toctree's links, for every
builder (relative addresses in HTML, internal references in LaTeX…).
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .pages import LegalDirective


class circ_sitemap(nodes.General, nodes.Element):
    """Where the site map goes, filled once every document is known."""


class SiteMap(LegalDirective):
    """``:::{site-map}``: the nested list of every document of the toctree."""

    page = "site-map"
    option_spec: ClassVar[dict[str, Any]] = {}

    def generate(self) -> tuple[list[nodes.Node], list[nodes.section]]:
        placeholder = circ_sitemap()
        self.set_source_info(placeholder)
        return [placeholder], []


def site_tree(env: BuildEnvironment) -> list[tuple[str, list[Any]]]:
    """``(docname, children)`` from the root document: the root first, then
    its toctree's documents, each once (where the toctrees first reach it)."""
    root = env.config.root_doc
    seen = {root}

    def children(docname: str) -> list[tuple[str, list[Any]]]:
        found: list[str] = []
        for child in env.toctree_includes.get(docname, []):
            if child in seen or child not in env.all_docs:
                continue
            seen.add(child)
            found.append(child)
        return [(child, children(child)) for child in found]

    below = children(root)
    return [(root, []), *below]


def sitemap_list(
    app: Sphinx, tree: list[tuple[str, list[Any]]], fromdoc: str
) -> nodes.bullet_list:
    listing = nodes.bullet_list(classes=["circ-sitemap"])
    for docname, children in tree:
        title = app.env.titles.get(docname)
        text = title.astext() if title is not None else docname
        uri = app.builder.get_relative_uri(fromdoc, docname)
        item = nodes.list_item(
            "",
            nodes.paragraph(
                "", "", nodes.reference(text, text, internal=True, refuri=uri)
            ),
        )
        if children:
            item += sitemap_list(app, children, fromdoc)
        listing += item
    return listing


def resolve_sitemaps(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    placeholders = list(doctree.findall(circ_sitemap))
    if not placeholders:
        return
    tree = site_tree(app.env)
    for placeholder in placeholders:
        placeholder.replace_self(sitemap_list(app, tree, docname))


def sitemaps_outdated(
    app: Sphinx,
    env: BuildEnvironment,
    added: set[str],
    changed: set[str],
    removed: set[str],
) -> list[str]:
    """The legal pages are written again at each build: the site map follows the
    toctrees, and the level follows the day (an audit expires)."""
    from .pages import legal_pages

    return [
        doc for doc in legal_pages(env) if doc not in changed and doc not in removed
    ]
