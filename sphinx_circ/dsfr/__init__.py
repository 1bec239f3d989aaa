"""The ``sphinx_circ_dsfr`` theme's behaviour: the page chrome of the Système
de Design de l'État (``chrome``), the blocks drawn as its components (``components``),
statuses and a dataset's facts as its badges and tags (``data``). The theme's
templates and assets are in ``theme/sphinx_circ_dsfr``; the blocks' DSFR
templates in ``templates/circ/dsfr``.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from .chrome import setup_chrome
from .components import setup_components
from .data import setup_data


def setup_dsfr(app: Sphinx) -> None:
    setup_chrome(app)
    setup_components(app)
    setup_data(app)
