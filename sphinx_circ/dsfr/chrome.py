"""What the ``sphinx_circ_dsfr`` theme's templates show on each page.

The theme (``theme/sphinx_circ_dsfr``) draws the page chrome of the Système
de Design de l'État: header with the bloc marque, main navigation, breadcrumb,
side menu, footer, display settings. Its options are read in ``config.py``
(``DsfrSettings``); this module gives every page its navigation, resolved to
relative addresses, the current page marked ``aria-current``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sphinx.application import Sphinx

from ..config import dsfr_settings
from ..legal.pages import legal_pages
from ..messages import _
from ..navigation import menu_entries, read_menu, resolve_links

#: Entries of the footer's list the DSFR asks every State website to carry.
STATE_SITES = (
    ("info.gouv.fr", "https://www.info.gouv.fr"),
    ("service-public.gouv.fr", "https://www.service-public.gouv.fr"),
    ("legifrance.gouv.fr", "https://www.legifrance.gouv.fr"),
    ("data.gouv.fr", "https://www.data.gouv.fr"),
)
#: The templates' words, in sphinx-circ's catalog (``circ_dsfr_text.<key>``).
TEXTS = {
    "breadcrumb": lambda: _("You are here:"),
    "breadcrumb_button": lambda: _("See the breadcrumb"),
    "close": lambda: _("Close"),
    "content": lambda: _("Content"),
    "dark": lambda: _("Dark theme"),
    "display": lambda: _("Display settings"),
    "display_legend": lambda: _("Choose a theme to customise the look of the site."),
    "footer": lambda: _("Footer"),
    "home": lambda: _("Home"),
    "home_title": lambda: _("Back to the home page"),
    "light": lambda: _("Light theme"),
    "menu": lambda: _("Menu"),
    "menu_label": lambda: _("Main menu"),
    "next": lambda: _("Next page"),
    "partners": lambda: _("Our partners"),
    "previous": lambda: _("Previous page"),
    "relations": lambda: _("Previous and next pages"),
    "search": lambda: _("Search"),
    "section": lambda: _("In this section"),
    "skiplinks": lambda: _("Quick access"),
    "system": lambda: _("System"),
    "system_hint": lambda: _("Uses the system settings"),
    "top": lambda: _("Back to top"),
}
#: How deep the side menu goes below the section's page.
SIDEMENU_DEPTH = 2


@dataclass
class SideEntry:
    """An entry of the side menu, with the entries under it."""

    title: str
    href: str
    #: ``aria-current``: ``"page"``, ``"true"`` (an ancestor of the page) or ``""``.
    current: str
    children: list[SideEntry] = field(default_factory=list)


def side_menu(
    app: Sphinx, pagename: str, pathto: Any
) -> tuple[str, str, list[SideEntry]]:
    """The title, address and entries of *pagename*'s section (empty when the
    section has no other page, or on the home page)."""
    env = app.env
    root = env.config.root_doc
    if pagename == root or pagename not in env.all_docs:
        return "", "", []
    menu = read_menu(app)
    section = menu.section(pagename)
    ancestors = set()
    docname = pagename
    while docname in menu.parents and docname not in ancestors:
        ancestors.add(docname)
        docname = menu.parents[docname]
    excluded = set(legal_pages(env))

    def entries(parent: str, depth: int, seen: set[str]) -> list[SideEntry]:
        found = []
        for child in env.toctree_includes.get(parent, []):
            if child in seen or child in excluded or child not in env.titles:
                continue
            current = (
                "page" if child == pagename else "true" if child in ancestors else ""
            )
            below = (
                entries(child, depth + 1, seen | {child})
                if depth < SIDEMENU_DEPTH
                else []
            )
            title = env.titles[child].astext()
            found.append(SideEntry(title, pathto(child), current, below))
        return found

    items = entries(section, 1, {section})
    if not items or section not in env.titles:
        return "", "", []
    return env.titles[section].astext(), pathto(section), items


def breadcrumb(context: dict[str, Any]) -> list[dict[str, str]]:
    """Home, the page's parents, the page (none on the home page)."""
    pathto = context["pathto"]
    root = context.get("root_doc") or context.get("master_doc") or "index"
    pagename = context.get("pagename", "")
    if pagename == root:
        return []
    trail = [{"title": str(_("Home")), "href": pathto(root)}]
    for parent in context.get("parents") or []:
        trail.append({"title": str(parent["title"]), "href": str(parent["link"])})
    trail.append({"title": str(context.get("title") or ""), "href": ""})
    return trail


def dsfr_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """What the theme's templates read, for this page."""
    settings = dsfr_settings(app)
    if settings is None:
        return
    pathto = context["pathto"]
    context["circ_dsfr"] = settings
    context["circ_dsfr_text"] = {key: str(text()) for key, text in TEXTS.items()}
    context["circ_dsfr_menu"] = menu_entries(
        app,
        pagename,
        pathto,
        limit=settings.menu_max_entries,
        exclude=set(settings.menu_exclude),
    )
    context["circ_dsfr_tools"] = resolve_links(
        app, settings.quick_links, pagename, pathto
    )
    context["circ_dsfr_footer_links"] = resolve_links(
        app, settings.footer_links, pagename, pathto
    )
    title, href, items = side_menu(app, pagename, pathto)
    context["circ_dsfr_sidemenu"] = {"title": title, "href": href, "items": items}
    context["circ_dsfr_breadcrumb"] = breadcrumb(context)
    context["circ_dsfr_state_sites"] = STATE_SITES
    context["circ_dsfr_partners"] = [
        {
            "name": partner["name"],
            "url": partner["url"],
            "logo": partner["logo"]
            if partner["logo"].startswith(("http:", "https:"))
            else pathto("_static/" + partner["logo"].rsplit("/", 1)[-1], 1),
        }
        for partner in settings.footer_partners
    ]
    operator = settings.operator_logo
    context["circ_dsfr_operator_logo"] = (
        operator
        if not operator or operator.startswith(("http:", "https:"))
        else pathto("_static/" + operator.rsplit("/", 1)[-1], 1)
    )


def copy_logos(app: Sphinx, exception: Exception | None) -> None:
    """The operator's and partners' logos, into ``_static`` (as Sphinx does
    with ``html_logo``)."""
    settings = dsfr_settings(app)
    if settings is None or exception is not None:
        return
    from pathlib import Path

    from sphinx.util.fileutil import copy_asset_file

    paths = [settings.operator_logo, *(p["logo"] for p in settings.footer_partners)]
    for path in paths:
        if path and not path.startswith(("http:", "https:")):
            source = Path(app.confdir) / path
            if source.is_file():
                copy_asset_file(source, Path(app.outdir) / "_static")


def setup_chrome(app: Sphinx) -> None:
    app.connect("html-page-context", dsfr_context)
    app.connect("build-finished", copy_logos)
