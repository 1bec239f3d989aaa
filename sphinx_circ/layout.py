"""Page layouts, and sidebars only where they hold something.

Under the sphinx-circ theme, ``layout: landing`` pages drop both sidebars and
go edge to edge; pages of data (a dataset or the inventory, or ``layout:
data``) give their tables the article's whole width; a page whose section has
no other page has no navigation sidebar (nor a collapse button over nothing).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from .config import LAYOUTS, is_circ_theme
from .hero import circ_hero
from .messages import warn
from .navigation import read_menu

#: Search engines show about this many characters of a description.
DESCRIPTION_LENGTH = 160

#: Other generators' layouts (Jekyll's ``page``…), meaning the default here.
FOREIGN_LAYOUTS = ("page", "post", "home", "default")

#: Blocks whose tables want the article's whole width (``layout: data``).
DATA_BLOCKS = ("circ-dataset", "circ-inventory")
#: pydata-sphinx-theme's sidebar templates for the section's navigation.
SECTION_NAVIGATION = ("sidebar-nav-bs.html", "sidebar-collapse.html")


def holds_data(doctree: Any) -> bool:
    blocks = frozenset(DATA_BLOCKS)
    return any(
        not blocks.isdisjoint(node["classes"])
        for node in doctree.findall(nodes.Element)
    )


def apply_layout(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Set ``circ_layout`` for the templates; landing pages lose their sidebars."""
    meta = context.get("meta") or {}
    layout = str(meta.get("layout", "")).strip().lower()
    if not layout and doctree is not None and any(doctree.findall(circ_hero)):
        # The site's choice for pages that open with a hero (hero_layout).
        layout = str(context.get("theme_hero_layout") or LAYOUTS[0])
    if not layout and doctree is not None and holds_data(doctree):
        layout = "data"
    if layout not in LAYOUTS:
        layout = LAYOUTS[0]
    context["circ_layout"] = layout
    # Only the sphinx_circ theme draws a landing page edge to edge; another
    # theme's sidebars hold its brand, search and navigation: they stay.
    if not is_circ_theme(app):
        return
    if layout == "landing":
        context["sidebars"] = []
        context["secondary_sidebar_items"] = []
        context["theme_show_prev_next"] = False
    sidebars = list(context.get("sidebars") or [])
    if not has_section_navigation(app, pagename):
        sidebars = [name for name in sidebars if name not in SECTION_NAVIGATION]
    context["sidebars"] = sidebars


def has_section_navigation(app: Sphinx, pagename: str) -> bool:
    """Whether the sidebar's navigation lists a page for *pagename*: its
    top-level section holds other documents (the home page has none)."""
    env = app.env
    if pagename == env.config.root_doc or pagename not in env.all_docs:
        return False
    section = read_menu(app).section(pagename)
    return bool(env.toctree_includes.get(section))


def page_description(meta: dict[str, Any], doctree: Any) -> str:
    """The front matter's ``description``, else the hero's tagline, else the
    page's first paragraph, cut at a word near 160 characters."""
    text = str(meta.get("description") or "").strip()
    if not text and doctree is not None:
        hero = next(iter(doctree.findall(circ_hero)), None)
        root = hero if hero is not None else doctree
        first = next(iter(root.findall(nodes.paragraph)), None)
        text = " ".join(first.astext().split()) if first is not None else ""
    if len(text) > DESCRIPTION_LENGTH:
        text = text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return text


def add_description(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """A ``<meta name="description">`` on every page, unless the page has one."""
    metatags = str(context.get("metatags", ""))
    if 'name="description"' in metatags:
        return
    description = page_description(context.get("meta") or {}, doctree)
    if description:
        tag = app.builder.templates.render(
            "circ/meta-description.html", {"description": description}
        )
        context["metatags"] = metatags + "\n" + tag


def warn_unknown_layout(app: Sphinx, doctree: Any) -> None:
    docname = app.env.docname
    layout = str(app.env.metadata[docname].get("layout", LAYOUTS[0])).strip().lower()
    if layout not in LAYOUTS and layout not in FOREIGN_LAYOUTS:
        warn(
            f"unknown layout {layout!r}; use one of: {', '.join(LAYOUTS)}",
            "layout",
            (docname, 1),
        )


def setup_layout(app: Sphinx) -> None:
    # After pydata-sphinx-theme has filled the sidebars (default priority 500).
    app.connect("html-page-context", apply_layout, priority=900)
    app.connect("html-page-context", add_description)
    # After Sphinx has collected the page's metadata (priority 500).
    app.connect("doctree-read", warn_unknown_layout, priority=600)
