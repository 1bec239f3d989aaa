"""The blocks drawn as DSFR components under the ``sphinx_circ_dsfr`` theme.

What is only a matter of classes (buttons, bands, grids, cards, admonitions)
is set here on the resolved doctree, for the HTML builders under the theme, so
the doctree other builders read is unchanged. Blocks whose DSFR markup differs
in shape have their own template in ``templates/circ/dsfr`` (see
``nodes.theme_template``).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ..config import is_dsfr_theme


def dsfr_classes(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Give the blocks of a page the DSFR's component classes."""
    if not is_dsfr_theme(app):
        return


def setup_components(app: Sphinx) -> None:
    app.connect("doctree-resolved", dsfr_classes)
