"""What French law asks of a public portal's website, built in and checked.

* ``facts``: ``circ_legal`` in ``conf.py``, read and checked;
* ``conformity``: the accessibility level derived from the audit;
* ``pages``: the accessibility statement, legal notice and personal-data
  blocks; ``sitemap``: the site map block;
* ``footer``: the mention "Accessibilité : <level>" and the legal links of
  every page; ``checks``: what the build says a portal lacks.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

from ..config import LEGAL_CONFIG, LegalFacts
from .checks import check_site, report_reading
from .facts import read_legal
from .footer import legal_context
from .pages import (
    AccessibilityStatement,
    LegalNotice,
    PersonalData,
    circ_legal_ref,
    merge_pages,
    purge_page,
    resolve_legal_refs,
)
from .sitemap import SiteMap, circ_sitemap, resolve_sitemaps, sitemaps_outdated

_FACTS: WeakKeyDictionary[Config, LegalFacts] = WeakKeyDictionary()


def legal_facts(config: Config) -> LegalFacts:
    """The checked facts of ``circ_legal`` (read once per configuration)."""
    if config not in _FACTS:
        _FACTS[config] = read_legal(getattr(config, LEGAL_CONFIG, None))[0]
    return _FACTS[config]


def read_facts(app: Sphinx, config: Config) -> None:
    facts, reading = read_legal(getattr(config, LEGAL_CONFIG, None))
    _FACTS[config] = facts
    report_reading(app, reading)


def check_legal(app: Sphinx, env: BuildEnvironment) -> None:
    check_site(app, env, legal_facts(app.config))


def setup_legal(app: Sphinx) -> None:
    app.add_directive("accessibility-statement", AccessibilityStatement)
    app.add_directive("legal-notice", LegalNotice)
    app.add_directive("personal-data", PersonalData)
    app.add_directive("site-map", SiteMap)
    # Both are replaced before any writer sees them.
    app.add_node(circ_sitemap)
    app.add_node(circ_legal_ref)
    app.connect("config-inited", read_facts)
    app.connect("env-purge-doc", purge_page)
    app.connect("env-merge-info", merge_pages)
    app.connect("env-get-outdated", sitemaps_outdated)
    app.connect("env-check-consistency", check_legal)
    app.connect("doctree-resolved", resolve_sitemaps)
    app.connect("doctree-resolved", resolve_legal_refs)
    app.connect("html-page-context", legal_context)


__all__ = ["legal_facts", "setup_legal"]
