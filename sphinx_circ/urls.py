"""Addresses: slugs, URL safety and the documents a path may name.

Pure Python (no Sphinx), so the command line can use it without loading
Sphinx. Buttons, persona pages, footer links and ``migrate`` all resolve
paths through ``candidate_docnames``.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Collection, Iterable

#: Schemes a link may use; anything else with a scheme is refused.
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Browsers ignore ASCII control characters and whitespace inside a scheme
# (``java\tscript:``), so they are stripped before the scheme is read.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
#: Suffixes an old site's links carry, dropped to find the document.
PAGE_SUFFIXES = (".html", ".htm")


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphenated slug: ``Réutilisateur`` → ``reutilisateur``."""
    ascii_text = (
        unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    )
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def url_scheme(url: str) -> str | None:
    """Return the lower-cased scheme of *url* as a browser would read it, if any."""
    match = _SCHEME_RE.match(_IGNORED_IN_SCHEME.sub("", url))
    return match.group(1).lower() if match else None


def is_external(url: str) -> bool:
    """Whether *url* carries a scheme or is protocol-relative (``//host``)."""
    return url_scheme(url) is not None or url.startswith("//")


def is_safe_url(url: str) -> bool:
    """Whether *url* may be emitted as a link (``javascript:``, ``data:``… may not)."""
    scheme = url_scheme(url)
    return scheme is None or scheme in SAFE_SCHEMES


def is_web_url(url: str) -> bool:
    """Whether *url* is a safe ``http(s)`` address (where a form may send data)."""
    return is_safe_url(url) and url.strip().lower().startswith(("http://", "https://"))


def is_email(address: str) -> bool:
    """Whether *address* can go in a ``mailto:`` link as it is."""
    return "@" in address and not any(c in address for c in "<>\"' ")


def candidate_docnames(path: str, fromdoc: str, suffixes: Iterable[str]) -> list[str]:
    """Docnames *path* may name: relative to *fromdoc* first, then to the root."""
    path = path.strip()
    if not path:
        return []
    for suffix in (*PAGE_SUFFIXES, *suffixes):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
            break
    if path.endswith("/") or path in ("", "."):
        path = path.rstrip("/") + "/index"
    if path.startswith("/"):
        return [posixpath.normpath(path.lstrip("/"))]
    relative = posixpath.normpath(posixpath.join(posixpath.dirname(fromdoc), path))
    return list(dict.fromkeys([relative, posixpath.normpath(path)]))


def find_docname(
    path: str, fromdoc: str, suffixes: Iterable[str], docnames: Collection[str]
) -> str | None:
    """The first document of *docnames* that *path* names, if any."""
    for docname in candidate_docnames(path, fromdoc, suffixes):
        if docname in docnames:
            return docname
    return None
