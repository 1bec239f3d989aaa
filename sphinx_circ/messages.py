"""Interface strings and warnings: the two ways sphinx-circ speaks to people.

Imports nothing from Sphinx but its locale and logging helpers, so every
module (and the theme options read at start-up) can use it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.locale import get_translation, get_translator, is_translator_registered
from sphinx.util import logging

#: The gettext domain of sphinx-circ's interface strings.
MESSAGE_CATALOG = "sphinx_circ"
LOCALE_DIR = Path(__file__).parent / "locale"

#: Translate an interface string (lazily, in the project's language).
_ = get_translation(MESSAGE_CATALOG)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for *count*, by the plural rule of the project's
    language (``{count}`` in it is left for the caller to fill)."""
    if not is_translator_registered(MESSAGE_CATALOG):
        # Before the catalogs are loaded: the English rule.
        return singular if count == 1 else plural
    return get_translator(MESSAGE_CATALOG).ngettext(singular, plural, count)


def plural_forms(singular: str, plural: str) -> dict[str, str]:
    """A message's forms for a script that counts: ``one`` (the form for 1) and
    ``other`` (for 2), which ``Intl.PluralRules`` names in French and English.
    (Templates get them ready made: Sphinx's gettext builder cannot read a
    ``ngettext`` call in a template.)"""
    return {
        "one": ngettext(singular, plural, 1),
        "other": ngettext(singular, plural, 2),
    }


LOGGER = logging.getLogger("sphinx_circ")

#: Every warning is ``circ.<kind>`` so ``suppress_warnings`` can target it.
WARNING_TYPE = "circ"


def warn(message: str, kind: str, location: Any) -> None:
    """Emit a ``circ.<kind>`` warning at *location* (a node or ``(docname, line)``)."""
    LOGGER.warning(message, type=WARNING_TYPE, subtype=kind, location=location)
