"""sphinx-circ: a Sphinx theme and MyST blocks for public open-data portals.

Importing the package loads nothing else (the command line relies on it);
``setup`` wires the blocks, the theme and the interface translations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

__version__ = "0.1.0"

#: MyST syntax the blocks and the docs rely on.
MYST_EXTENSIONS = ("colon_fence", "attrs_inline", "attrs_block", "deflist", "fieldlist")


def enable_myst_extensions(app: Sphinx, config: Config) -> None:
    """Add the MyST syntax extensions the blocks need to the project's own."""
    enabled = list(config.myst_enable_extensions or [])
    enabled += [name for name in MYST_EXTENSIONS if name not in enabled]
    config.myst_enable_extensions = enabled


def setup(app: Sphinx) -> dict[str, Any]:
    """Wire the blocks, the theme and the message catalog into Sphinx."""
    from .assets import setup_assets
    from .button import setup_button
    from .catalog import setup_catalog
    from .config import (
        DSFR_THEME_DIR,
        DSFR_THEME_NAME,
        THEME_DIR,
        THEME_NAME,
        setup_config,
    )
    from .csp import setup_csp
    from .css_subset import setup_css_subset
    from .datasets import setup_datasets
    from .dates import setup_dates
    from .dsfr import setup_dsfr
    from .headings import setup_headings
    from .hero import setup_hero
    from .inventory import setup_inventory
    from .layout import setup_layout
    from .legal import setup_legal
    from .messages import LOCALE_DIR, MESSAGE_CATALOG
    from .navigation import setup_navigation
    from .nodes import setup_nodes
    from .options import setup_options
    from .personas import setup_personas
    from .placeholders import setup_placeholders
    from .readthedocs import setup_readthedocs
    from .request import setup_request
    from .section import setup_section
    from .tables import setup_tables
    from .typography import setup_typography

    app.setup_extension("myst_parser")
    app.setup_extension("sphinx_design")
    app.connect("config-inited", enable_myst_extensions)
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))
    setup_config(app)
    setup_placeholders(app)
    setup_readthedocs(app)
    setup_nodes(app)
    setup_tables(app)
    setup_dates(app)
    setup_headings(app)
    setup_hero(app)
    setup_section(app)
    setup_typography(app)
    setup_button(app)
    setup_personas(app)
    setup_datasets(app)
    setup_inventory(app)
    setup_catalog(app)
    setup_request(app)
    setup_legal(app)
    setup_layout(app)
    setup_navigation(app)
    setup_dsfr(app)
    setup_options(app)
    setup_assets(app)
    setup_csp(app)
    setup_css_subset(app)
    app.add_html_theme(THEME_NAME, str(THEME_DIR))
    app.add_html_theme(DSFR_THEME_NAME, str(DSFR_THEME_DIR))
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
        # Raised when what the environment keeps changes (1: the datasets'
        # records, ``env.circ_datasets``; 2: the names pydata's stylesheet
        # is cut to, ``env.circ_css_names``), so an older one is read again.
        "env_version": 2,
    }
