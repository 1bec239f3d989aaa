"""The ``sphinx_circ_dsfr`` theme's behaviour: the page chrome of the Système
de Design de l'État (``chrome``) and the blocks drawn as its components
(``components``). The theme's templates and assets are in
``theme/sphinx_circ_dsfr``; the blocks' DSFR templates in
``templates/circ/dsfr``.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from .chrome import setup_chrome
from .components import setup_components


def setup_dsfr(app: Sphinx) -> None:
    setup_chrome(app)
    setup_components(app)
