"""Theme options an agency sets in ``html_theme_options`` instead of templates.

``organisation_*`` feed pydata-sphinx-theme's logo; ``palette`` overrides the
``--circ-…`` tokens per mode, written to a small stylesheet (no inline style)
and checked for WCAG AA contrast; ``footer_links`` and ``legal_text`` fill
the footer; ``hero_layout`` is the layout of pages that open with a hero.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from .layout import LAYOUTS
from .palette import (
    MODES,
    NON_TEXT_MINIMUM,
    NON_TEXT_PAIRS,
    TEXT_MINIMUM,
    TEXT_PAIRS,
    colour_tokens,
    effective_tokens,
    is_colour,
    tokens_css,
    worst_contrast,
)
from .shared import _, is_external, is_safe_url, warn

THEME = "sphinx_circ"
PALETTE_FILE = "styles/circ-palette.css"


def theme_options(config: Config) -> dict[str, Any] | None:
    """The project's options for this theme, or None under another theme."""
    if config.html_theme != THEME:
        return None
    if not isinstance(config.html_theme_options, dict):
        return None
    return config.html_theme_options


def apply_organisation(app: Sphinx, config: Config) -> None:
    """Turn the organisation options into pydata-sphinx-theme's ``logo``."""
    options = theme_options(config)
    if options is None:
        return
    logo = dict(options.get("logo") or {})
    name = str(options.get("organisation_name") or "").strip()
    url = str(options.get("organisation_url") or "").strip()
    light = str(options.get("organisation_logo") or "").strip()
    dark = str(options.get("organisation_logo_dark") or "").strip() or light
    if url and not is_safe_url(url):
        warn(
            f"organisation_url {url!r} is not a safe address; use https", "theme", None
        )
        url = ""
    if name:
        logo.setdefault("text", name)
        logo.setdefault("alt_text", name)
    if url:
        logo.setdefault("link", url)
    missing = set()
    for key, path in (("image_light", light), ("image_dark", dark)):
        if not path or path in missing:
            continue
        if not is_external(path) and not (Path(app.confdir) / path).is_file():
            warn(
                f"organisation logo {path!r} not found (paths are relative to conf.py)",
                "theme",
                None,
            )
            missing.add(path)
            continue
        logo.setdefault(key, path)
    if logo:
        options["logo"] = logo


def read_palette(options: dict[str, Any]) -> dict[str, dict[str, str]]:
    """The valid token overrides per mode, warning about the rest."""
    palette = options.get("palette") or {}
    if not isinstance(palette, dict):
        warn(
            "palette must be a dict: {'light': {'primary': '#0053b3'}, 'dark': {…}}",
            "theme",
            None,
        )
        return {}
    found: dict[str, dict[str, str]] = {}
    for mode, values in palette.items():
        if mode not in MODES or not isinstance(values, dict):
            warn(
                f"palette key {mode!r} must be 'light' or 'dark', each a dict",
                "theme",
                None,
            )
            continue
        known = colour_tokens(mode)
        for name, value in values.items():
            token = str(name).removeprefix("--circ-")
            if token not in known:
                warn(
                    f"unknown palette token {name!r} ({mode}); use one of: "
                    + ", ".join(known),
                    "theme",
                    None,
                )
            elif not is_colour(str(value)):
                warn(
                    f"palette {mode} {token} = {value!r} is not a colour; write it "
                    "as #rrggbb or rgb(r g b)",
                    "theme",
                    None,
                )
            else:
                found.setdefault(mode, {})[token] = str(value).strip()
    return found


def check_contrast(palette: dict[str, dict[str, str]]) -> None:
    """Warn about every text/background pair an agency's palette puts below AA."""
    for mode in MODES:
        if not palette.get(mode):
            continue
        tokens = effective_tokens(mode, palette[mode])
        checks = ((TEXT_PAIRS, TEXT_MINIMUM), (NON_TEXT_PAIRS, NON_TEXT_MINIMUM))
        for pairs, minimum in checks:
            for text, background in pairs:
                ratio = worst_contrast(tokens[text], tokens[background])
                if ratio < minimum:
                    warn(
                        f"palette ({mode} mode): --circ-{text} on --circ-{background} "
                        f"has a contrast of {ratio:.2f}:1, below the {minimum}:1 "
                        "WCAG AA asks",
                        "theme",
                        None,
                    )


def write_palette(app: Sphinx) -> None:
    """Check the palette and ship it as a stylesheet loaded after the theme's."""
    if app.builder.format != "html":
        return
    options = theme_options(app.config)
    if options is None:
        return
    palette = read_palette(options)
    check_contrast(palette)
    if not palette:
        return
    # Beside the doctrees: generated, never part of the published site.
    folder = Path(app.doctreedir) / "circ-static"
    (folder / "styles").mkdir(parents=True, exist_ok=True)
    (folder / PALETTE_FILE).write_text(tokens_css(palette), encoding="utf-8")
    app.config.html_static_path.append(str(folder))
    app.add_css_file(PALETTE_FILE, priority=900)


def check_options(app: Sphinx) -> None:
    """Check the layout and footer options once, keeping what is usable."""
    options = theme_options(app.config)
    if options is None:
        return
    layout = str(options.get("hero_layout") or "default")
    if layout not in LAYOUTS:
        warn(
            f"hero_layout {layout!r} is not a layout; use one of: {', '.join(LAYOUTS)}",
            "theme",
            None,
        )
        options["hero_layout"] = "default"
    links = options.get("footer_links") or []
    if not isinstance(links, list):
        warn("footer_links must be a list of {'name': …, 'url': …}", "theme", None)
        links = []
    kept = []
    for link in links:
        name = str(link.get("name", "")).strip() if isinstance(link, dict) else ""
        url = str(link.get("url", "")).strip() if isinstance(link, dict) else ""
        if name and url and is_safe_url(url):
            kept.append({"name": name, "url": url})
        else:
            warn(
                f"footer link {link!r} needs a 'name' and a safe 'url'; left out",
                "theme",
                None,
            )
    options["footer_links"] = kept


def footer_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Resolve the footer links for this page (documents become relative links)."""
    options = theme_options(app.config)
    if options is None:
        return
    links = []
    for link in options.get("footer_links") or []:
        url = link["url"]
        if not is_external(url) and not url.startswith("#"):
            docname = url.strip("/").removesuffix(".html")
            if docname in app.env.all_docs:
                url = context["pathto"](docname)
        links.append((link["name"], url))
    context["circ_footer_links"] = links
    context["circ_footer_label"] = _("Footer links")


def setup_options(app: Sphinx) -> None:
    app.connect("config-inited", apply_organisation)
    app.connect("builder-inited", check_options)
    app.connect("builder-inited", write_palette)
    app.connect("html-page-context", footer_context)
