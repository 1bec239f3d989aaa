"""Static assets of the blocks: each page loads only the scripts it needs."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from .inventory import circ_inventory_controls
from .personas import circ_persona_tabs
from .request import circ_request_form

#: Assets the blocks need whatever the theme (the theme's own live in its folder).
STATIC_DIR = Path(__file__).parent / "static"

#: Node marking a block → the deferred script that brings it to life.
SCRIPTS: dict[type[nodes.Element], str] = {
    circ_persona_tabs: "scripts/circ-personas.js",
    circ_inventory_controls: "scripts/circ-inventory.js",
    circ_request_form: "scripts/circ-request.js",
}


def add_static_dir(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC_DIR))


def add_page_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if doctree is None:
        return
    for node_type, script in SCRIPTS.items():
        if next(iter(doctree.findall(node_type)), None) is None:
            continue
        attributes = {}
        if node_type is circ_persona_tabs:
            attributes["data-circ-storage"] = app.config.circ_persona_storage
            # Without JavaScript every panel shows, under its heading.
            href = html.escape(
                context["pathto"]("_static/styles/sphinx-circ-noscript.css", 1)
            )
            context["metatags"] = (
                context.get("metatags", "")
                + f'\n<noscript><link rel="stylesheet" href="{href}" /></noscript>'
            )
        app.add_js_file(script, loading_method="defer", **attributes)


def setup_assets(app: Sphinx) -> None:
    app.connect("builder-inited", add_static_dir)
    app.connect("html-page-context", add_page_assets)
