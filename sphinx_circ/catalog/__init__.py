"""What the portal tells machines: search engines, catalogues, social networks.

* ``jsonld``: schema.org ``Dataset`` data in every page holding a
  ``dataset`` block, for Google Dataset Search;
* ``dcat``: the DCAT-AP 3 catalogue of the site (``catalog.ttl`` and
  ``catalog.jsonld``), which data.gouv.fr and data.europa.eu harvest;
* ``sitemap``: ``sitemap.xml`` and ``robots.txt``;
* ``opengraph``: Open Graph and Twitter card tags on every page;
* ``vocabularies``: the EU frequency and file-type tables, IANA media types.

Datasets are read by the blocks into ``env.circ_datasets``
(``sphinx_circ.datasets.record``). Everything is written by the ``html`` and
``dirhtml`` builders only (a single page or an e-book has no page addresses
to give). Absolute addresses come from ``html_baseurl``: without it, what
needs one is left out, with one ``circ.data`` warning.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..messages import warn

#: The builders whose pages have addresses of their own.
SITE_BUILDERS = ("html", "dirhtml")
OPENGRAPH = "sphinxext.opengraph"


def is_site_builder(app: Sphinx) -> bool:
    builder = getattr(app, "builder", None)
    return getattr(builder, "name", "") in SITE_BUILDERS


def base_url(app: Sphinx) -> str:
    """``html_baseurl`` ending with ``/``, or ``""``."""
    url = str(app.config.html_baseurl or "").strip()
    if not url.startswith(("https://", "http://")):
        return ""
    return url if url.endswith("/") else url + "/"


def page_url(app: Sphinx, docname: str) -> str:
    """The absolute address of a page (``""`` without a base URL)."""
    base = base_url(app)
    return base + app.builder.get_target_uri(docname) if base else ""


def output_url(app: Sphinx, path: str) -> str:
    """The absolute address of a file of the output (``_static/logo.png``)."""
    base = base_url(app)
    return base + path if base and path else ""


def download_url(app: Sphinx, source: str) -> str:
    """The address of a file of the source folder copied as a download, or ``""``."""
    base = base_url(app)
    if not base or not source:
        return ""
    for key, (_docs, dest) in app.env.dlfiles.items():
        if Path(key).as_posix() == source:
            return f"{base}_downloads/{Path(dest).as_posix()}"
    return ""


def check_base_url(app: Sphinx, env: BuildEnvironment) -> None:
    """One ``circ.data`` warning when datasets need absolute addresses and
    ``html_baseurl`` gives none."""
    from ..datasets.record import all_records

    if not is_site_builder(app) or base_url(app):
        return
    records = all_records(env)
    if not records:
        return
    first = records[0]
    given = str(app.config.html_baseurl or "").strip()
    problem = (
        f"html_baseurl {given!r} is not an http(s) address"
        if given
        else "html_baseurl is not set"
    )
    warn(
        f"{problem}: the DCAT catalogue (catalog.ttl, catalog.jsonld), sitemap.xml, "
        "robots.txt, the pages' og:url and the datasets' addresses in their "
        "JSON-LD need the site's address, and are left out; set html_baseurl "
        "in conf.py (Read the Docs gives READTHEDOCS_CANONICAL_URL)",
        "data",
        (first.docname, first.line),
    )


def write_outputs(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not is_site_builder(app):
        return
    from .dcat import write_catalog
    from .sitemap import write_sitemap

    write_sitemap(app)
    write_catalog(app)


def page_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: Any,
) -> None:
    if not is_site_builder(app):
        return
    from .jsonld import page_jsonld
    from .opengraph import page_tags

    # A site that adds sphinxext-opengraph itself keeps its tags.
    tags = (
        ""
        if OPENGRAPH in app.extensions
        else page_tags(app, pagename, context, doctree)
    )
    context["metatags"] = (
        str(context.get("metatags") or "") + tags + page_jsonld(app, pagename)
    )


def setup_catalog(app: Sphinx) -> None:
    # ``datasets.record`` reads the vocabularies of this package: imported here.
    from ..datasets.record import check_records, merge_records, purge_records

    app.connect("env-purge-doc", purge_records)
    app.connect("env-merge-info", merge_records)
    app.connect("env-check-consistency", check_base_url)
    app.connect("env-check-consistency", check_records)
    app.connect("html-page-context", page_context)
    app.connect("build-finished", write_outputs)
