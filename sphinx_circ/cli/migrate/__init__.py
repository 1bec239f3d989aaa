"""``sphinx-circ migrate``: VuePress, Jekyll, Pelican and MkDocs pages to MyST.

Each page is parsed with markdown-it-py (``tokens``) and converted from its
tokens, one step per concern, in the order ``page`` runs them: front matter
(``front``), the front-matter fields a Jekyll layout renders and Jekyll's
pages written in HTML (``jekyll``), mkdocs-macros (``macros``), MkDocs
syntax (``mkdocs``), emoji and icon shortcodes (``shortcodes``), code-block
attributes (``code``), Liquid (``liquid``), Vue interpolation and containers
(``vue``), VuePress's home page (``home``), components (``tree``,
``render``, ``landing``, ``components``, with ``html`` reading the tags),
inline tags (``inline``), kramdown attributes and abbreviations
(``kramdown``), headings (``headings``) and links (``links``). Every step
replaces whole line ranges (``model``), never a code block. ``sites`` tells
which generator built a source (``mkdocs_config`` reads ``mkdocs.yml``),
``navigation`` writes MkDocs' nav (or ``.pages``) as toctrees, ``report``
prints the notes and writes MIGRATION.md, and ``verify`` builds what was
written and reports the prose that did not arrive. What cannot be converted
is kept in a MyST comment and reported with its exact line. Running it on
its own output changes nothing.
"""

from __future__ import annotations

from .model import Note, Page, Result, Site
from .page import migrate_text
from .reading import read_source

#: Page files the migration reads when given a folder.
PAGE_SUFFIXES = (".md", ".markdown")
#: Marks the toctree the migration adds to an index, so a rerun replaces it.
TOCTREE_MARK = "% sphinx-circ migrate: pages"


def add_toctree(text: str, entries: list[str]) -> str:
    """Add (or replace) the hidden toctree listing a folder's other pages."""
    if TOCTREE_MARK in text:
        text = text[: text.index(TOCTREE_MARK)].rstrip("\n") + "\n"
    if not entries:
        return text
    block = "\n".join([TOCTREE_MARK, "```{toctree}", ":hidden:", "", *entries, "```"])
    return text.rstrip("\n") + "\n\n" + block + "\n"


__all__ = [
    "PAGE_SUFFIXES",
    "TOCTREE_MARK",
    "Note",
    "Page",
    "Result",
    "Site",
    "add_toctree",
    "migrate_text",
    "read_source",
]
