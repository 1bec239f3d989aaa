"""sphinx-circ: a Sphinx theme and MyST blocks for public open-data portals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from .button import setup_button
from .hero import setup_hero
from .layout import setup_layout
from .personas import setup_personas
from .section import setup_section
from .shared import (
    LOCALE_DIR,
    MESSAGE_CATALOG,
    NON_HTML_SKIP,
    circ_sr_only,
    depart_sr_only_html,
    visit_sr_only_html,
)

__version__ = "0.1.0"

THEME_DIR = Path(__file__).parent / "theme" / "sphinx_circ"
#: Assets the blocks need whatever the theme (the theme's own live in THEME_DIR).
STATIC_DIR = Path(__file__).parent / "static"

#: MyST syntax the blocks and the docs rely on.
MYST_EXTENSIONS = ("colon_fence", "attrs_inline", "attrs_block", "deflist", "fieldlist")


def enable_myst_extensions(app: Sphinx, config: Config) -> None:
    """Add the MyST syntax extensions the blocks need to the project's own."""
    enabled = list(config.myst_enable_extensions or [])
    enabled += [name for name in MYST_EXTENSIONS if name not in enabled]
    config.myst_enable_extensions = enabled


def add_static_assets(app: Sphinx) -> None:
    """Ship the blocks' script with every HTML theme, not only sphinx_circ."""
    if app.builder.format != "html":
        return
    app.config.html_static_path.append(str(STATIC_DIR))
    app.add_js_file(
        "scripts/sphinx-circ.js",
        loading_method="defer",
        **{"data-circ-storage": app.config.circ_persona_storage},
    )


def setup(app: Sphinx) -> dict[str, Any]:
    """Wire the blocks, the theme and the message catalog into Sphinx."""
    app.setup_extension("myst_parser")
    app.setup_extension("sphinx_design")
    app.connect("config-inited", enable_myst_extensions)
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))
    app.add_node(
        circ_sr_only, html=(visit_sr_only_html, depart_sr_only_html), **NON_HTML_SKIP
    )
    setup_hero(app)
    setup_section(app)
    setup_button(app)
    setup_personas(app)
    setup_layout(app)
    app.connect("builder-inited", add_static_assets)
    app.add_html_theme("sphinx_circ", str(THEME_DIR))
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
