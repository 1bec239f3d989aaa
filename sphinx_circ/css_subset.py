"""pydata-sphinx-theme's stylesheet, cut to the rules the site can use.

pydata's stylesheet (377 KB, 63 KB gzipped) bundles Bootstrap's and Font
Awesome's CSS whole: carousels, modals, toasts, a rule per icon. On a portal
nine tenths of it match nothing, yet every page downloads it before its first
paint. After an HTML build under the ``sphinx_circ`` theme, the copy in
``_static`` keeps only the rules that can match: a selector is left out when
it needs a class or an id that no page of the site holds and no script a page
loads names. Type, attribute and pseudo-class selectors, fonts, keyframes and
custom properties are all kept.

The subset is taken from the written pages, so it fits whatever they hold:
the theme's templates, a site's own, raw HTML, any extension's output. A
browser test keeps it complete: every element of the portal's pages has the
same computed style with the subset as with the whole file.

Its link carries a digest of what the pages' sources hold (their classes,
node types and raw HTML classes, with the theme's settings): a site that
starts using a class gets a new address, so no browser keeps a cached subset
that lacks its rules.

The theme option ``parent_stylesheet = "whole"`` keeps pydata's file as it
is (for a site whose scripts from elsewhere build markup in the page).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .config import is_circ_theme, theme_settings

#: The stylesheet, in ``_static``, as pydata-sphinx-theme names it.
STYLESHEET = "styles/pydata-sphinx-theme.css"
#: At-rules holding rules (kept where one of their rules is).
GROUPS = ("@media", "@supports", "@layer", "@container", "@starting-style")

_COMMENT_OR_STRING = re.compile(
    r"/\*.*?\*/|(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')", re.DOTALL
)
_CLASS_OR_ID = re.compile(r"([.#])((?:[\w-]|\\.)+)")
_ESCAPE = re.compile(r"\\(.)")
# On bytes: a page is read and searched without being decoded (3× faster).
_CLASS_ATTRIBUTE = re.compile(
    rb"""\s(class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE
)
_SCRIPT_SOURCE = re.compile(rb"""<script[^>]*\ssrc=["']?([^"'\s>]+)""", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z_][\w-]*")


def without_comments(css: str) -> str:
    """*css* without its comments (strings kept as they are)."""
    return _COMMENT_OR_STRING.sub(lambda m: m.group(1) or "", css)


def blocks(css: str) -> Iterator[tuple[str, str | None]]:
    """The top-level statements of *css*: ``(prelude, body)``, body ``None``
    for a statement without a block (``@charset "UTF-8";``)."""
    start = index = 0
    depth = 0
    prelude_end = -1
    quote = ""
    while index < len(css):
        char = css[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "{":
            if depth == 0:
                prelude_end = index
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                yield css[start:prelude_end].strip(), css[prelude_end + 1 : index]
                start = index + 1
        elif char == ";" and depth == 0:
            statement = css[start:index].strip()
            if statement:
                yield statement, None
            start = index + 1
        index += 1
    if css[start:].strip():
        yield css[start:].strip(), None


def split_selectors(prelude: str) -> list[str]:
    """A selector list's selectors (commas inside brackets, parentheses or
    strings do not split)."""
    parts: list[str] = []
    depth = 0
    quote = ""
    start = 0
    for index, char in enumerate(prelude):
        if quote:
            if char == quote and prelude[index - 1] != "\\":
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:index].strip())
            start = index + 1
    parts.append(prelude[start:].strip())
    return [part for part in parts if part]


def required_names(selector: str) -> set[str]:
    """The classes (``.x``) and ids (``#x``) an element must have for
    *selector* to match. What is inside brackets (attribute values) or a
    functional pseudo-class (``:not()``, ``:is()``, ``:has()``…) is not
    required, so it is left out."""
    plain = []
    depth = 0
    quote = ""
    for index, char in enumerate(selector):
        if quote:
            if char == quote and selector[index - 1] != "\\":
                quote = ""
            continue
        if char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif depth == 0:
            plain.append(char)
    return {
        mark + _ESCAPE.sub(r"\1", name)
        for mark, name in _CLASS_OR_ID.findall("".join(plain))
    }


def subset(css: str, names: set[str]) -> str:
    """*css* without the selectors that need a class or id (``.x``, ``#x``)
    not in *names*, nor the rules and groups left empty."""
    out: list[str] = []
    for prelude, body in blocks(without_comments(css)):
        if body is None:
            out.append(prelude + ";")
        elif prelude.startswith(GROUPS):
            inner = subset(body, names)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            kept = [
                selector
                for selector in split_selectors(prelude)
                if required_names(selector) <= names
            ]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return "\n".join(out)


def page_names(html: bytes) -> set[str]:
    """Every class (``.x``) and id (``#x``) written in *html*."""
    return attribute_names(set(_CLASS_ATTRIBUTE.findall(html)))


def attribute_names(attributes: set[tuple[bytes, ...]]) -> set[str]:
    """The classes and ids of ``(name, value…)`` attributes."""
    names: set[str] = set()
    for kind, *values in attributes:
        value = b"".join(values).decode("utf-8", "replace")
        if kind.lower() == b"id":
            names.add("#" + value.strip())
        else:
            names.update("." + name for name in value.split())
    return names


def script_names(text: str) -> Iterator[str]:
    """Every word of a script, as a class and as an id: what it may add to
    the page (``classList.add("show")``, ``"#" + id``)."""
    for word in set(_WORD.findall(text)):
        yield "." + word
        yield "#" + word


def site_names(outdir: Path) -> set[str]:
    """The classes and ids of every page in *outdir*, and the words of every
    local script a page loads."""
    # The attributes first, over all pages: most repeat from page to page.
    attributes: set[tuple[bytes, ...]] = set()
    sources: set[tuple[str, bytes]] = set()
    for page in outdir.rglob("*.html"):
        if page.is_relative_to(outdir / "_static"):
            continue
        html = page.read_bytes()
        attributes.update(_CLASS_ATTRIBUTE.findall(html))
        folder = str(page.parent)
        sources.update((folder, source) for source in _SCRIPT_SOURCE.findall(html))
    names = attribute_names(attributes)
    scripts: set[str] = set()
    for folder, found in sources:
        source = found.decode("utf-8", "replace").split("?")[0].split("#")[0]
        if "://" not in source and not source.startswith("//"):
            scripts.add(os.path.normpath(os.path.join(folder, source)))
    for script in map(Path, scripts):
        if script.is_file():
            text = script.read_text(encoding="utf-8", errors="replace")
            names.update(script_names(text))
    return names


def parent_stylesheet(app: Sphinx) -> Path | None:
    """pydata-sphinx-theme's own stylesheet, from the theme's folders."""
    theme = getattr(app.builder, "theme", None)
    for folder in theme.get_theme_dirs() if theme else ():
        path = Path(folder) / "static" / STYLESHEET
        if path.is_file():
            return path
    return None


def keeps_whole(app: Sphinx) -> bool:
    settings = theme_settings(app)
    return settings is None or settings.parent_stylesheet == "whole"


def write_subset(app: Sphinx, exception: Exception | None) -> None:
    """After an HTML build, pydata's stylesheet in ``_static`` cut to what
    the site can use."""
    if exception is not None or app.builder.format != "html":
        return
    if not is_circ_theme(app) or keeps_whole(app):
        return
    source = parent_stylesheet(app)
    target = Path(app.outdir) / "_static" / STYLESHEET
    if source is None or not target.parent.is_dir():
        return
    text = subset(source.read_text(encoding="utf-8"), site_names(Path(app.outdir)))
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


# The digest of the link: what the sources hold, known before any page is written.

_RAW_CLASSES = re.compile(r"""\sclass\s*=\s*["']?([^"'>]*)""", re.IGNORECASE)


def doctree_names(doctree: nodes.document) -> Iterable[str]:
    """The classes and node types of *doctree*, and the classes of its raw
    HTML: what decides which of pydata's rules its page can use."""
    found: set[str] = set()
    for node in doctree.findall(nodes.Element):
        found.add(type(node).__name__)
        found.update(node["classes"])
        if isinstance(node, nodes.raw | nodes.literal_block):
            found.add(str(node.get("language") or node.get("format") or ""))
            if isinstance(node, nodes.raw):
                for value in _RAW_CLASSES.findall(node.astext()):
                    found.update(value.split())
    return sorted(found)


def collect_names(app: Sphinx, doctree: nodes.document) -> None:
    if not is_circ_theme(app):
        return
    env = app.env
    if not hasattr(env, "circ_css_names"):
        env.circ_css_names = {}  # type: ignore[attr-defined]
    env.circ_css_names[env.docname] = tuple(doctree_names(doctree))  # type: ignore[attr-defined]


def purge_names(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, "circ_css_names", {}).pop(docname, None)


def merge_names(
    app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment
) -> None:
    if not hasattr(env, "circ_css_names"):
        env.circ_css_names = {}  # type: ignore[attr-defined]
    theirs = getattr(other, "circ_css_names", {})
    for docname in docnames:
        if docname in theirs:
            env.circ_css_names[docname] = theirs[docname]  # type: ignore[attr-defined]


_DIGESTS: dict[Any, str] = {}


def settings_text(app: Sphinx) -> str:
    """The settings that change which of pydata's classes the chrome writes
    (the theme, its options, the sidebars, the scripts), as stable text."""
    config = app.config
    # Registered as (file, attributes) pairs, or as names.
    scripts = [
        str(script[0] if isinstance(script, tuple | list) else script)
        for script in [*app.registry.js_files, *config.html_js_files]
    ]
    values = {
        "theme": config.html_theme,
        "options": config.html_theme_options,
        "sidebars": config.html_sidebars,
        "scripts": scripts,
    }
    # An object without a stable text (a function) counts by its type.
    return json.dumps(values, sort_keys=True, default=lambda o: type(o).__name__)


def compute_digest(app: Sphinx, env: BuildEnvironment) -> None:
    """The digest of every source's names, the theme's settings and the
    versions that write the pages."""
    if not is_circ_theme(app):
        return
    from pydata_sphinx_theme import __version__ as pydata_version

    from . import __version__

    names: set[str] = set()
    for found in getattr(env, "circ_css_names", {}).values():
        names.update(found)
    digest = hashlib.sha256()
    for part in (__version__, pydata_version, settings_text(app), *sorted(names)):
        digest.update(part.encode() + b"\0")
    _DIGESTS[app.builder] = digest.hexdigest()[:16]


def digest_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``circ_parent_css_digest``: the stylesheet link's version, which
    changes when the subset may."""
    if is_circ_theme(app):
        whole = keeps_whole(app)
        context["circ_parent_css_digest"] = (
            "" if whole else _DIGESTS.get(app.builder, "")
        )


def setup_css_subset(app: Sphinx) -> None:
    app.connect("doctree-read", collect_names)
    app.connect("env-purge-doc", purge_names)
    app.connect("env-merge-info", merge_names)
    app.connect("env-updated", compute_digest)
    app.connect("html-page-context", digest_context)
    # After pydata's own build-finished handlers, which write into _static.
    app.connect("build-finished", write_subset, priority=800)
