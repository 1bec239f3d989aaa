"""Interface strings and warnings: the two ways sphinx-circ speaks to people.

Imports nothing from Sphinx but its locale and logging helpers, so every
module (and the theme options read at start-up) can use it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.locale import get_translation
from sphinx.util import logging

#: The gettext domain of sphinx-circ's interface strings.
MESSAGE_CATALOG = "sphinx_circ"
LOCALE_DIR = Path(__file__).parent / "locale"

#: Translate an interface string (lazily, in the project's language).
_ = get_translation(MESSAGE_CATALOG)

LOGGER = logging.getLogger("sphinx_circ")

#: Every warning is ``circ.<kind>`` so ``suppress_warnings`` can target it.
WARNING_TYPE = "circ"


def warn(message: str, kind: str, location: Any) -> None:
    """Emit a ``circ.<kind>`` warning at *location* (a node or ``(docname, line)``)."""
    LOGGER.warning(message, type=WARNING_TYPE, subtype=kind, location=location)
