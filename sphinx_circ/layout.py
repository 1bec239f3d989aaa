"""Page layouts: under the sphinx_circ theme, ``layout: landing`` pages drop both
sidebars and go edge to edge."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from .config import LAYOUTS, is_circ_theme
from .hero import circ_hero
from .messages import warn

#: Search engines show about this many characters of a description.
DESCRIPTION_LENGTH = 160

#: Other generators' layouts (Jekyll's ``page``…), meaning the default here.
FOREIGN_LAYOUTS = ("page", "post", "home", "default")


def apply_layout(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Set ``circ_layout`` for the templates; landing pages lose their sidebars."""
    meta = context.get("meta") or {}
    layout = str(meta.get("layout", "")).strip().lower()
    if not layout and doctree is not None and any(doctree.findall(circ_hero)):
        # The site's choice for pages that open with a hero (hero_layout).
        layout = str(context.get("theme_hero_layout") or LAYOUTS[0])
    if layout not in LAYOUTS:
        layout = LAYOUTS[0]
    context["circ_layout"] = layout
    # Only the sphinx_circ theme draws a landing page edge to edge; another
    # theme's sidebars hold its brand, search and navigation: they stay.
    if layout == "landing" and is_circ_theme(app):
        context["sidebars"] = []
        context["secondary_sidebar_items"] = []
        context["theme_show_prev_next"] = False


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
