"""Pages without inline script, eval or inline style, and without render-blocking scripts.

A site can then send a Content-Security-Policy of ``script-src 'self';
style-src 'self'``. pydata-sphinx-theme writes a few settings as inline
``<script>`` elements (``DOCUMENTATION_OPTIONS.pagename = '…';``), and
Sphinx's ``translations.js`` compiles a plural rule with ``new Function``;
the policy blocks both. The settings move into a ``data-options`` attribute
of ``scripts/circ-csp.js``, which restores them and replaces the compiler;
the templates do the rest (``layout.html``, ``search.html``).

Once no inline script is left on a page, no script needs to run while the
page is parsed: the head's scripts are deferred, in the same order.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sphinx.application import Sphinx

from ._compat import script_asset
from .config import is_portal_theme

SCRIPT = "_static/scripts/circ-csp.js"
#: After doctools.js (priority 200), before translations.js (500).
SCRIPT_PRIORITY = 300

#: ``DOCUMENTATION_OPTIONS.key = value;``, value a quoted string or a literal.
_ASSIGNMENT = re.compile(
    r"\s*DOCUMENTATION_OPTIONS\.(\w+)\s*=\s*('(?:[^'\\]|\\.)*'|true|false|null|-?\d+)\s*;"
)


def parse_options(body: str) -> dict[str, Any] | None:
    """The settings an inline script assigns, or None if it does anything else."""
    options: dict[str, Any] = {}
    position = 0
    while match := _ASSIGNMENT.match(body, position):
        key, value = match.groups()
        if value.startswith("'"):
            options[key] = re.sub(r"\\(.)", r"\1", value[1:-1])
        else:
            options[key] = json.loads(value)
        position = match.end()
    if body[position:].strip() or not options:
        return None
    return options


def strict_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    # Only pages of the package's themes (or a theme inheriting one) have the script.
    if not is_portal_theme(app):
        return
    scripts = context.get("script_files")
    if not isinstance(scripts, list):
        return
    options: dict[str, Any] = {}
    if templatename == "domainindex.html" and context.get("collapse_index"):
        # Sphinx's template would set it in an inline script of its own.
        options["COLLAPSE_INDEX"] = True
        context["collapse_index"] = False
    kept: list[Any] = []
    for script in scripts:
        attributes = getattr(script, "attributes", {})
        body = attributes.get("body")
        found = parse_options(body) if body and not script.filename else None
        if found is None:
            kept.append(script)
        else:
            options.update(found)
    inline_left = any(not getattr(script, "filename", True) for script in kept)
    if not inline_left:
        # An inline script may rely on the ones before it having run.
        kept = [defer(script) for script in kept]
    kept.append(
        script_asset(
            SCRIPT,
            SCRIPT_PRIORITY,
            defer="",
            **{"data-options": json.dumps(options, sort_keys=True)},
        )
    )
    scripts[:] = kept


def defer(script: Any) -> Any:
    attributes = getattr(script, "attributes", None)
    if attributes is None or {"defer", "async", "type"} & attributes.keys():
        return script
    return script_asset(script.filename, script.priority, **attributes, defer="")


def setup_csp(app: Sphinx) -> None:
    # After pydata-sphinx-theme has added its inline scripts (priority 500).
    app.connect("html-page-context", strict_scripts, priority=950)
