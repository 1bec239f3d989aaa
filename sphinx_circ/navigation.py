"""The portal's main menu: the top-level pages, the reader's section marked.

pydata-sphinx-theme's menu puts a fixed number of entries on the row and the
rest under "More", and marks nothing when the current section is in there.
The theme's menu (``components/circ-menu.html``) lists every top-level page
but those of ``menu_exclude`` and the legal pages; ``circ-menu.js`` moves to "More" only what
does not fit, and without JavaScript the row wraps. The current page is
marked ``aria-current="page"``, an ancestor section ``aria-current="true"``.

The entries (titles and documents) are read once per build; each page only
resolves their addresses and marks its own section.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from sphinx import addnodes
from sphinx.application import Sphinx

from .config import theme_settings
from .legal.pages import legal_pages, page_of
from .messages import _, warn
from .urls import find_docname, is_external


@dataclass(frozen=True)
class MenuTarget:
    """A top-level entry: a document of the site or an outside address."""

    title: str
    docname: str = ""
    url: str = ""


@dataclass(frozen=True)
class MenuEntry:
    """An entry as one page shows it."""

    title: str
    href: str
    external: bool
    #: ``aria-current``: ``"page"``, ``"true"`` (the page's section) or ``""``.
    current: str


@dataclass(frozen=True)
class Menu:
    """What every page's menu is made of, read once per build."""

    targets: list[MenuTarget]
    #: Each document's parent in the toctrees (the first that includes it).
    parents: dict[str, str]

    def section(self, docname: str) -> str:
        """The top-level document *docname* is under (itself at the top)."""
        seen = {docname}
        while docname in self.parents and self.parents[docname] not in seen:
            parent = self.parents[docname]
            if parent not in self.parents:
                return docname  # *parent* is the root document
            seen.add(parent)
            docname = parent
        return docname


_MENUS: WeakKeyDictionary[Any, Menu] = WeakKeyDictionary()


def read_menu(app: Sphinx) -> Menu:
    """The root document's toctree entries and the toctrees' tree, once per build."""
    builder = app.builder
    if builder in _MENUS:
        return _MENUS[builder]
    env = app.env
    settings = theme_settings(app)
    excluded = set(settings.menu_exclude) if settings else set()
    # The legal pages are reached from every page's footer, not the menu.
    excluded |= set(legal_pages(env))
    targets: list[MenuTarget] = []
    root = env.tocs.get(env.config.root_doc)
    for toctree in root.findall(addnodes.toctree) if root is not None else ():
        for title, ref in toctree["entries"]:
            docname = toctree["parent"] if ref == "self" else ref
            if docname in excluded:
                continue
            if is_external(docname):
                targets.append(MenuTarget(title or docname, url=docname))
            elif docname in env.titles:
                text = title or env.titles[docname].astext()
                targets.append(MenuTarget(text, docname=docname))
    for link in app.builder.theme_options.get("external_links") or []:  # type: ignore[attr-defined]
        if isinstance(link, dict) and link.get("url") and link.get("name"):
            targets.append(MenuTarget(str(link["name"]), url=str(link["url"])))
    parents: dict[str, str] = {}
    for parent in sorted(env.toctree_includes):
        for child in env.toctree_includes[parent]:
            parents.setdefault(child, parent)
    menu = _MENUS[builder] = Menu(targets, parents)
    return menu


def menu_entries(
    app: Sphinx,
    pagename: str,
    pathto: Any,
    *,
    limit: int = 0,
    exclude: Collection[str] = (),
) -> list[MenuEntry]:
    """The menu as *pagename* shows it: relative addresses, its section marked.

    With a *limit*, at most that many entries, then the reader's section if it
    is not among them, then "All sections" (the site map, or the home page):
    a page's header costs the same on a site of ten sections or a thousand.
    """
    menu = read_menu(app)
    section = menu.section(pagename)
    targets = [
        target
        for target in menu.targets
        if not target.docname or target.docname not in exclude
    ]
    shown = targets
    if limit and len(targets) > limit:
        shown = targets[:limit]
        own = [t for t in targets[limit:] if t.docname in (pagename, section)]
        shown += own[:1]
    entries = []
    for target in shown:
        if target.url:
            entries.append(MenuEntry(target.title, target.url, True, ""))
            continue
        current = (
            "page"
            if target.docname == pagename
            else "true"
            if target.docname == section
            else ""
        )
        entries.append(MenuEntry(target.title, pathto(target.docname), False, current))
    if shown is not targets:
        overview = page_of(app.env, "site-map") or app.config.root_doc
        entries.append(
            MenuEntry(
                str(_("All sections")),
                pathto(overview),
                False,
                "page" if overview == pagename else "",
            )
        )
    return entries


def resolve_links(
    app: Sphinx, links: list[dict[str, str]], pagename: str, pathto: Any
) -> list[tuple[str, str]]:
    """``(name, href)`` of *links*: a document's path becomes a relative link."""
    resolved = []
    for link in links:
        url = link["url"]
        if not is_external(url) and not url.startswith("#"):
            docname = find_docname(
                "/" + url.lstrip("/"),
                pagename,
                app.config.source_suffix,
                app.env.all_docs,
            )
            if docname is not None:
                url = pathto(docname)
        resolved.append((link["name"], url))
    return resolved


def menu_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """What ``circ-menu.html`` and the header's quick links need on this page."""
    settings = theme_settings(app)
    if settings is None:
        return
    pathto = context["pathto"]
    context["circ_menu"] = menu_entries(
        app, pagename, pathto, limit=settings.menu_max_entries
    )
    context["circ_menu_label"] = _("Main menu")
    context["circ_menu_close"] = _("Close the menu")
    context["circ_quick_links"] = resolve_links(
        app, settings.quick_links, pagename, pathto
    )
    context["circ_quick_links_label"] = _("Quick links")


def check_menu_exclude(app: Sphinx, env: Any) -> None:
    """Warn about a ``menu_exclude`` entry that names no document."""
    settings = theme_settings(app)
    if settings is None:
        return
    for docname in settings.menu_exclude:
        if docname not in env.all_docs:
            warn(
                f"menu_exclude names {docname!r}, which is not a document of the site",
                "theme",
                None,
            )


def forget_menu(app: Sphinx, env: Any) -> None:
    """A new read of the sources (an incremental build with the same builder)
    may change the toctrees: the menu is read again."""
    _MENUS.pop(app.builder, None)


def setup_navigation(app: Sphinx) -> None:
    app.connect("env-updated", forget_menu)
    app.connect("html-page-context", menu_context)
    app.connect("env-check-consistency", check_menu_exclude)
