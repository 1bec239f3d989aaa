"""Static assets: served without developer comments, each page loading only
the scripts its blocks need.

The CSS and JS are plain files in the package, commented for whoever edits
them. At build time their comments are stripped into a folder beside the
doctrees, which is added to ``html_static_path`` so it overrides the copies
Sphinx makes of the theme's and blocks' folders. The theme stylesheet's
opening comment stays: it tells a site how to restyle the portal.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from .config import (
    DSFR_THEME_DIR,
    THEME_DIR,
    is_circ_theme,
    is_dsfr_theme,
    is_portal_theme,
    theme_options,
)
from .datasets import circ_dataset_filter
from .inventory import circ_inventory_controls
from .personas import circ_persona_tabs
from .request import circ_request_form

#: Assets the blocks need whatever the theme (the theme's own live in its folder).
STATIC_DIR = Path(__file__).parent / "static"
THEME_STATIC_DIR = THEME_DIR / "static"
#: The DSFR theme's own files (its ``dsfr/`` folder is the DSFR's, minified
#: already, licence comments kept: copied by Sphinx as it is).
DSFR_STATIC_DIR = DSFR_THEME_DIR / "static"
#: The script both themes share: Sphinx's inline settings, from a file.
CSP_SCRIPT = THEME_STATIC_DIR / "scripts" / "circ-csp.js"
#: Suffixes of the files whose comments are stripped.
MINIFIED = (".css", ".js")
#: Files whose opening comment is for the sites using them, not for editors.
KEEP_OPENING = ("sphinx-circ.css",)

BANDS = "styles/circ-bands.css"
DATA = "styles/circ-data.css"
#: The data request form's own rules (its fields are circ-data.css's).
REQUEST = "styles/circ-request.css"
#: Tables that stack on a phone (tables.py): no block's, under the theme.
TABLES = "styles/circ-tables.css"
#: The theme's icons for admonitions and version notes, where a page has one.
NOTE_ICONS = "styles/circ-icons-notes.css"
#: The links pydata-sphinx-theme marks with a code forge's brand icon (drawn
#: with a 108 KB font): their icons' own stylesheet.
FORGES = {"github", "gitlab"}
FORGE_ICONS = "styles/circ-icons-forges.css"


NOTES = (nodes.Admonition, addnodes.versionmodified)
#: A block's class → the stylesheets of its family, linked on pages that use it.
STYLESHEETS: dict[str, tuple[str, ...]] = {
    "circ-hero": (BANDS,),
    "circ-section": (BANDS,),
    "circ-buttons": (BANDS,),
    "circ-button": (BANDS,),
    "circ-button-text": (BANDS,),
    "circ-personas": ("styles/circ-personas.css",),
    "circ-persona": ("styles/circ-personas.css",),
    "circ-dataset": (DATA,),
    "circ-inventory": (DATA,),
    # The form's submit button is a button of the portal (circ-bands.css).
    "circ-request": (DATA, REQUEST, BANDS),
    "circ-stack": (TABLES,),
}
#: Linked before any family: the shared rules, and (under another theme) the tokens.
BASE_STYLESHEET = "styles/circ-base.css"
HOSTED_TOKENS = "styles/circ-tokens.css"

#: Node marking a block → the deferred script that brings it to life.
SCRIPTS: dict[type[nodes.Element], str] = {
    circ_persona_tabs: "scripts/circ-personas.js",
    circ_inventory_controls: "scripts/circ-inventory.js",
    circ_request_form: "scripts/circ-request.js",
    circ_dataset_filter: "scripts/circ-dataset.js",
}

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


#: In CSS, outside strings: the spaces around ``{ } ; , >`` and after ``:``
#: (declarations, media features) mean nothing.
_CSS_SPACES = re.compile(
    r"(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')|\s*([{};,>])\s*|(:)\s+"
)


def strip_comments(text: str, *, keep_opening: bool = False, css: bool = False) -> str:
    """*text* without ``/* … */`` comments, indentation nor blank lines; in
    CSS (*css*), without the spaces around its punctuation either.

    Our own CSS and JS hold no ``/*`` inside strings or regular expressions,
    and no string on several lines; a test checks every script still parses
    once stripped.
    """
    head = ""
    if keep_opening and text.startswith("/*"):
        end = text.index("*/") + 2
        head, text = text[:end] + "\n", text[end:]
    lines = (line.strip() for line in _COMMENT.sub("", text).splitlines())
    body = "\n".join(line for line in lines if line) + "\n"
    if css:
        body = _CSS_SPACES.sub(lambda m: m.group(1) or m.group(2) or m.group(3), body)
    return head + body


def generated_static_dir(app: Sphinx) -> Path:
    """A static folder beside the doctrees: generated, never part of the sources."""
    folder = Path(app.doctreedir) / "circ-static"
    if str(folder) not in app.config.html_static_path:
        app.config.html_static_path.append(str(folder))
    return folder


def write_static(app: Sphinx) -> None:
    """Copy the blocks' (and, under our theme, the theme's) assets, minified."""
    if app.builder.format != "html":
        return
    folders = [STATIC_DIR]
    if is_circ_theme(app):
        folders.append(THEME_STATIC_DIR)
    sources = [(folder, source) for folder in folders for source in folder.rglob("*")]
    if is_dsfr_theme(app):
        sources += [
            (DSFR_STATIC_DIR, source)
            for folder in ("scripts", "styles")
            for source in (DSFR_STATIC_DIR / folder).rglob("*")
        ]
        sources.append((THEME_STATIC_DIR, CSP_SCRIPT))
    target = generated_static_dir(app)
    for folder, source in sources:
        if source.suffix not in MINIFIED:
            continue
        text = strip_comments(
            source.read_text(encoding="utf-8"),
            keep_opening=source.name in KEEP_OPENING,
            css=source.suffix == ".css",
        )
        dest = target / source.relative_to(folder)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if not dest.is_file() or dest.read_text(encoding="utf-8") != text:
            dest.write_text(text, encoding="utf-8")


def page_blocks(doctree: nodes.document) -> tuple[list[str], set[type], bool]:
    """The block stylesheets *doctree* needs (in a stable order), the node
    types it holds and whether it links to a code forge, in one walk."""
    stylesheets: set[str] = set()
    types: set[type] = set()
    forge = False
    for element in doctree.findall(nodes.Element):
        types.add(type(element))
        classes: list[str] = element["classes"]
        for name in classes:
            stylesheets.update(STYLESHEETS.get(name, ()))
        forge = forge or bool(FORGES.intersection(classes))
    return sorted(stylesheets), types, forge


def add_page_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if doctree is None:
        return
    stylesheets, types, forge = page_blocks(doctree)
    theme = is_circ_theme(app)
    first: list[str] = []
    if any(stylesheet != TABLES for stylesheet in stylesheets):
        first = [BASE_STYLESHEET] if theme else [HOSTED_TOKENS, BASE_STYLESHEET]
    if theme and any(issubclass(node_type, NOTES) for node_type in types):
        first.append(NOTE_ICONS)
    if theme and forge:
        first.append(FORGE_ICONS)
    # After the theme's stylesheets, before a palette (priority 900).
    for stylesheet in [*first, *stylesheets]:
        app.add_css_file(stylesheet, priority=600)
    for node_type, script in SCRIPTS.items():
        if node_type not in types:
            continue
        attributes = {}
        if node_type is circ_persona_tabs:
            attributes["data-circ-storage"] = app.config.circ_persona_storage
            # Without JavaScript, and in print, every panel shows under its
            # heading.
            href = context["pathto"]("_static/styles/sphinx-circ-noscript.css", 1)
            styles = app.builder.templates.render(
                "circ/noscript-styles.html", {"href": href}
            )
            context["metatags"] = context.get("metatags", "") + "\n" + styles
        app.add_js_file(script, loading_method="defer", **attributes)


#: sphinx-design's files (the extension links them to every page) → what a
#: page's body holds when it needs them.
DESIGN_ASSETS = {"sphinx-design.min.css": "sd-", "design-tabs.js": "sd-tab-set"}


def drop_unused_design_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Under the package's themes, a page links sphinx-design's stylesheet and
    script only where its body uses them (11 KB gzipped otherwise spent on
    every page); the themes' own templates use none of its classes."""
    if not is_portal_theme(app):
        return
    body = str(context.get("body") or "")
    for key in ("css_files", "script_files"):
        assets = context.get(key)
        if not isinstance(assets, list):
            continue
        assets[:] = [
            asset
            for asset in assets
            if not any(
                str(getattr(asset, "filename", asset)).split("?")[0].endswith(name)
                and marker not in body
                for name, marker in DESIGN_ASSETS.items()
            )
        ]


#: Font Awesome's classes that choose a style or a size, not an icon.
FA_MODIFIERS = {"fa-solid", "fa-fw", "fa-lg", "fa-sm", "fa-xs", "fa-xl", "fa-2x"}
_FA_CLASSES = re.compile(r'class="([^"]*\bfa-[^"]*)"')
_DRAWN: dict[str, set[str]] = {}


def drawn_icons() -> set[str]:
    """The Font Awesome icons the theme draws itself (``fa-…`` classes in
    circ-icons.css and circ-icons-notes.css, written by tools/make_icons.py)."""
    if "icons" not in _DRAWN:
        styles = THEME_STATIC_DIR / "styles"
        css = "".join(
            (styles / name).read_text(encoding="utf-8")
            for name in ("circ-icons.css", "circ-icons-notes.css")
        )
        _DRAWN["icons"] = {
            f"fa-{name}" for name in re.findall(r"\.fa-solid\.fa-([a-z0-9-]+)::", css)
        }
    return _DRAWN["icons"]


def needs_fontawesome(app: Sphinx, context: dict[str, Any]) -> bool:
    """Whether a page shows an icon only Font Awesome's script draws: a
    Font Awesome entry of ``icon_links``, or an icon the theme does not draw
    written in the page (any ``fa-brands`` or ``fa-regular`` one among them)."""
    for link in theme_options(app).get("icon_links") or []:
        if isinstance(link, dict) and link.get("type", "fontawesome") == "fontawesome":
            return True
    drawn = drawn_icons()
    for match in _FA_CLASSES.finditer(str(context.get("body") or "")):
        names = {name for name in match.group(1).split() if name.startswith("fa-")}
        if names - FA_MODIFIERS - drawn:
            return True
    return False


def fontawesome_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``circ_fontawesome``: whether the layout links Font Awesome's script
    (22 KB gzipped), only where an icon needs it."""
    if is_circ_theme(app):
        context["circ_fontawesome"] = needs_fontawesome(app, context)


#: What only pydata's Bootstrap bundle brings to life: a ``data-bs-toggle``
#: other than a tooltip (pydata's own dropdowns, a collapse, a modal…), and
#: the sidebar-collapse button, whose tooltip pydata's script builds with it.
#: A tooltip alone is left to the browser's ``title``.
_BOOTSTRAP_USES = re.compile(
    r'data-bs-toggle=(?!["\']?tooltip\b)|id=["\']?pst-collapse-sidebar-button\b'
)


def uses_bootstrap(html: str) -> bool:
    """Whether rendered *html* needs Bootstrap's script."""
    return _BOOTSTRAP_USES.search(html) is not None


def bootstrap_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``circ_uses_bootstrap``: the layout's test on the page it rendered."""
    if is_circ_theme(app):
        context["circ_uses_bootstrap"] = uses_bootstrap


def setup_assets(app: Sphinx) -> None:
    # After config.read_theme_options (priority 100) has judged the theme.
    app.connect("builder-inited", write_static)
    app.connect("html-page-context", add_page_assets)
    app.connect("html-page-context", drop_unused_design_assets)
    app.connect("html-page-context", fontawesome_context)
    app.connect("html-page-context", bootstrap_context)
