"""Read the Docs: its language option, its version menu and its search.

Read the Docs builds with ``-D language=<its project's language>``. A French
portal whose Read the Docs project was left in English gets an English
interface and ``lang="en"`` on French pages: ``circ.language`` warns,
at the line of conf.py that sets the language, whenever the language in
effect is not the one conf.py sets.

On Read the Docs (``READTHEDOCS=True`` at build time), the pages declare the
version of its addons data they read, and ``scripts/circ-readthedocs.js``
reads it once the addons have loaded: pydata-sphinx-theme's version menu,
where a site places it without a JSON file of versions, lists Read the Docs'
active versions; the header's search opens Read the Docs' server-side search
when the project has it on. Without the addons (another host, a blocked
script, a local build) nothing changes: the menu stays empty and hidden, the
search is Sphinx's.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from ._compat import UNSET, conf_py_value
from .config import is_circ_theme
from .messages import warn
from .placeholders import assignment_line

SCRIPT = "scripts/circ-readthedocs.js"
#: The version of Read the Docs' addons data the script reads.
ADDONS_API_VERSION = "1"
ADDONS_META = (
    f'<meta name="readthedocs-addons-api-version" content="{ADDONS_API_VERSION}" />'
)


def primary_language(code: str) -> str:
    """``fr`` for ``fr``, ``fr_FR`` or ``fr-CA``: what picks the interface."""
    return code.replace("-", "_").split("_")[0].lower()


def check_language(app: Sphinx, config: Config) -> None:
    """Warn when the language in effect is not the one conf.py sets."""
    written = conf_py_value(config, "language")
    if written is UNSET or not isinstance(written, str) or not written:
        return
    used = str(config.language or "")
    if primary_language(used) == primary_language(written):
        return
    conf_py = Path(app.confdir) / "conf.py"
    line = assignment_line(conf_py, "language")
    warn(
        f"the interface language is {used!r}, given by -D language (as Read the "
        f"Docs does, from its project's language), but conf.py sets {written!r}: "
        f"pages written in {written!r} would get a {used!r} interface and lang "
        f"attribute; set the Read the Docs project's language to {written!r}",
        "language",
        f"{conf_py}:{line}" if line else None,
    )


def on_read_the_docs() -> bool:
    return os.environ.get("READTHEDOCS") == "True"


def add_addons_script(app: Sphinx) -> None:
    if on_read_the_docs() and is_circ_theme(app):
        # Deferred like every script of the theme's pages (csp.py).
        app.add_js_file(SCRIPT, priority=600, defer="")


def declare_addons_version(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if on_read_the_docs() and is_circ_theme(app):
        context["metatags"] = str(context.get("metatags", "")) + "\n" + ADDONS_META


def setup_readthedocs(app: Sphinx) -> None:
    app.connect("config-inited", check_language)
    # After config.read_theme_options (priority 100), which tells the theme.
    app.connect("builder-inited", add_addons_script)
    app.connect("html-page-context", declare_addons_version)
