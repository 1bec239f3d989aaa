"""``sitemap.xml`` (every page, absolute addresses, its language) and
``robots.txt`` pointing to it, at the output's root.

Written without sphinx-sitemap: see the guide (``docs/guide/donnees.md``,
"Ce que les machines reçoivent") for why.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr

from sphinx.application import Sphinx

from . import base_url, page_url

SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
#: Pages that are not content: search results, the general index.
LEFT_OUT = ("search", "genindex", "py-modindex")
#: A site that adds this extension itself keeps its sitemap.
SITEMAP_EXTENSION = "sphinx_sitemap"


def sitemap_pages(app: Sphinx) -> list[str]:
    """The documents the sitemap lists, in name order."""
    return sorted(d for d in app.env.found_docs if d not in LEFT_OUT)


def sitemap_xml(app: Sphinx) -> str:
    language = str(app.config.language or "en").replace("_", "-")
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for docname in sitemap_pages(app):
        url = page_url(app, docname)
        lines += [
            "<url>",
            f"<loc>{escape(url)}</loc>",
            f'<xhtml:link rel="alternate" hreflang={quoteattr(language)} '
            f"href={quoteattr(url)}/>",
            "</url>",
        ]
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def has_own_robots(app: Sphinx) -> bool:
    """Whether ``html_extra_path`` brings a ``robots.txt`` of the site's own."""
    for extra in app.config.html_extra_path or []:
        path = Path(app.confdir) / extra
        if path.name == ROBOTS or (path / ROBOTS).is_file():
            return True
    return False


def write_sitemap(app: Sphinx) -> None:
    base = base_url(app)
    if not base:
        return
    outdir = Path(app.outdir)
    name = SITEMAP
    if SITEMAP_EXTENSION in app.extensions:
        # The site chose sphinx-sitemap: its file, pointed to by robots.txt.
        name = str(getattr(app.config, "sitemap_filename", "") or SITEMAP)
    else:
        (outdir / SITEMAP).write_text(sitemap_xml(app), encoding="utf-8")
    if not has_own_robots(app):
        (outdir / ROBOTS).write_text(
            f"User-agent: *\nAllow: /\n\nSitemap: {base}{name}\n", encoding="utf-8"
        )
