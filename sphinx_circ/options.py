"""What the theme's options do to the pages (they are read in ``config.py``).

``palette`` becomes a small stylesheet loaded after the theme's (no inline
style), once its contrast is checked; ``footer_links`` become the footer's
links, documents resolved to relative URLs on each page.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .assets import generated_static_dir
from .config import theme_settings
from .messages import _, warn
from .navigation import resolve_links
from .palette import contrast_problems, tokens_css

PALETTE_FILE = "styles/circ-palette.css"


def write_palette(app: Sphinx) -> None:
    """Check the palette and ship it as a stylesheet loaded after the theme's."""
    settings = theme_settings(app)
    if settings is None:
        return
    for problem in contrast_problems(settings.palette):
        warn(problem, "theme", None)
    if not settings.palette:
        return
    path = generated_static_dir(app) / PALETTE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(tokens_css(settings.palette), encoding="utf-8")
    app.add_css_file(PALETTE_FILE, priority=900)


def footer_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """The footer links for this page (documents become relative links), and the
    version switcher's and search field's strings."""
    settings = theme_settings(app)
    if settings is None:
        return
    context["circ_footer_links"] = resolve_links(
        app, settings.footer_links, pagename, context["pathto"]
    )
    context["circ_footer_label"] = _("Footer links")
    # The version switcher's name and placeholder (pydata's are English only).
    context["circ_version_label"] = _("Version")
    context["circ_version_placeholder"] = _("Choose version")
    # The search field's (pydata's search_bar_text is English unless the site
    # sets it; a site's own text is kept).
    own = (app.config.html_theme_options or {}).get("search_bar_text")
    context["circ_search_label"] = own or _("Search this site")
    context["circ_search_placeholder"] = own or _("Search this site…")


#: pydata-sphinx-theme components the theme replaces by its own copy, wherever
#: a site places them. A same-named file would not do: pydata puts its own
#: components folder in templates_path, which is searched before any theme.
COMPONENTS = {
    "version-switcher": "components/circ-version-switcher.html",
    "search-field": "components/circ-search-field.html",
    # A disclosure rather than a Bootstrap dropdown: no Bootstrap bundle for it.
    "theme-switcher": "components/circ-theme-switcher.html",
    # The page's table of contents computed once per page, not twice.
    "page-toc": "components/circ-page-toc.html",
}


def own_components(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if theme_settings(app) is None:
        return
    for key, value in context.items():
        if key.startswith("theme_") and isinstance(value, str | list):
            items = value.split(",") if isinstance(value, str) else value
            if not all(isinstance(item, str) for item in items):
                continue  # a list of settings (icon_links…), not of templates
            names = [item.strip() for item in items]
            if any(name in COMPONENTS for name in names):
                context[key] = [COMPONENTS.get(name, name) for name in names]


def page_toc_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``circ_page_toc``: pydata's ``generate_toc_html`` (set later, by its own
    handler), called once per page however often the page's templates ask."""
    if theme_settings(app) is None:
        return
    found: list[Any] = []

    def circ_page_toc() -> Any:
        if not found:
            found.append(context["generate_toc_html"]())
        return found[0]

    context["circ_page_toc"] = circ_page_toc


def setup_options(app: Sphinx) -> None:
    # After config.read_theme_options (priority 100).
    app.connect("builder-inited", write_palette)
    app.connect("html-page-context", footer_context)
    # Before pydata-sphinx-theme resolves the component names (priority 500).
    app.connect("html-page-context", own_components, priority=400)
    app.connect("html-page-context", page_toc_context)
