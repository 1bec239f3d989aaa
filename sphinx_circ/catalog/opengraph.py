"""Open Graph and Twitter card tags: what a shared link shows.

Every page gets its title, a summary (the page's ``description`` front
matter, else its dataset's description, else the hero's tagline or the first
paragraph, as ``<meta name="description">``), the
site's name and language and, with ``html_baseurl``, its address and an
image: the page's hero image, else the organisation's logo.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from ..config import theme_settings
from ..datasets.record import records_of
from ..layout import page_description
from ..urls import is_external
from . import output_url, page_url


def summary(app: Sphinx, pagename: str, context: dict[str, Any], doctree: Any) -> str:
    """The page's ``description`` front matter, else its dataset's
    description, else what ``<meta name="description">`` says (the hero's
    tagline or the first paragraph), at most 160 characters."""
    meta = context.get("meta") or {}
    if not str(meta.get("description") or "").strip():
        for record in records_of(app.env).get(pagename, []):
            if record.kind == "dataset" and record.description:
                return page_description({"description": record.description}, None)
    return page_description(meta if isinstance(meta, dict) else {}, doctree)


def hero_image(app: Sphinx, doctree: Any) -> str:
    """The output path (or web address) of the page's hero image, if any."""
    if doctree is None:
        return ""
    for image in doctree.findall(nodes.image):
        if "circ-hero__image" not in image.get("classes", []):
            continue
        uri = str(image.get("uri", ""))
        if is_external(uri):
            return uri
        imagedir = str(getattr(app.builder, "imagedir", "_images"))
        # The HTML builder has already given the image its output path.
        if uri.startswith(f"{imagedir}/"):
            return uri
        images = getattr(app.builder, "images", {})
        source = str((image.get("candidates") or {}).get("*", uri))
        if source in images:
            return f"{imagedir}/{images[source]}"
    return ""


def logo_image(app: Sphinx) -> str:
    settings = theme_settings(app)
    logo = settings.organisation_logo if settings is not None else ""
    logo = logo or str(app.config.html_logo or "")
    if not logo:
        return ""
    if is_external(logo):
        return logo
    # Sphinx and the theme copy the logo (and the icon made from it) to _static.
    return f"_static/{Path(logo).name}"


def image_url(app: Sphinx, doctree: Any) -> str:
    found = hero_image(app, doctree) or logo_image(app)
    if not found or is_external(found):
        return found if found.startswith("https://") else ""
    return output_url(app, found)


def tag(attribute: str, name: str, content: str) -> str:
    return f'\n<meta {attribute}="{name}" content="{html.escape(content, quote=True)}">'


def page_tags(app: Sphinx, pagename: str, context: dict[str, Any], doctree: Any) -> str:
    title = html.unescape(re.sub(r"<[^>]+>", "", str(context.get("title") or "")))
    site = str(app.config.html_title or app.config.project or "").strip()
    description = summary(app, pagename, context, doctree)
    language = str(app.config.language or "en")
    tags: list[tuple[str, str, str]] = [
        ("property", "og:type", "website"),
        ("property", "og:title", title or site),
        ("property", "og:site_name", site),
        ("property", "og:locale", locale(language)),
    ]
    url = page_url(app, pagename)
    if url:
        tags.append(("property", "og:url", url))
    if description:
        tags.append(("property", "og:description", description))
    image = image_url(app, doctree)
    if image:
        tags.append(("property", "og:image", image))
    tags.append(("name", "twitter:card", "summary_large_image" if image else "summary"))
    tags.append(("name", "twitter:title", title or site))
    if description:
        tags.append(("name", "twitter:description", description))
    if image:
        tags.append(("name", "twitter:image", image))
    return "".join(tag(*t) for t in tags if t[2])


def locale(language: str) -> str:
    """``fr_FR`` for ``fr``, as Open Graph writes a locale."""
    language = language.replace("-", "_")
    if "_" in language:
        return language
    return {"en": "en_US"}.get(language, f"{language}_{language.upper()}")
