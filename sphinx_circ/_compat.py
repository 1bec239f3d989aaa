"""Every private API of Sphinx or MyST-Parser that sphinx-circ relies on.

Kept here, and only here, so that a new Sphinx or MyST release breaks one
module, checked by ``tests/test_compat.py``, rather than a block.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

try:  # Sphinx >= 7.1
    from sphinx.builders.html._assets import _JavaScript as JavaScript
except ImportError:  # pragma: no cover - older Sphinx
    from sphinx.builders.html import JavaScript  # type: ignore[attr-defined,no-redef]


def script_asset(filename: str, priority: int, **attributes: Any) -> Any:
    """A script entry of a page's ``script_files``, as Sphinx writes it."""
    return JavaScript(filename, priority=priority, **attributes)


def declare_myst_title_level(state: Any) -> bool:
    """Tell MyST the page already has an ``h1``, so a later ``##`` is not flagged.

    MyST's renderer keeps the section of each heading level in
    ``_level_to_section``; a hero's heading only becomes a section after
    parsing. Returns whether the renderer had the expected shape.
    """
    levels = getattr(getattr(state, "_renderer", None), "_level_to_section", None)
    if isinstance(levels, dict) and 0 in levels:
        levels.setdefault(1, levels[0])
        return True
    return False


def override_title_html(
    app: Sphinx,
    visit: Callable[[Any, nodes.title], None],
    depart: Callable[[Any, nodes.title], None],
) -> None:
    """Replace the HTML visitors of every ``title`` node (for the hero's banner).

    Sphinx has no hook to wrap a built-in node's rendering; ``add_node`` with
    ``override=True`` replaces it for every HTML translator, ours calling the
    translator's own method for the title itself.
    """
    app.add_node(nodes.title, override=True, html=(visit, depart))


def octicon_node(name: str, classes: list[str]) -> nodes.Node:
    """An inline octicon for HTML, skipped by other builders.

    Raises ``KeyError`` or ``ValueError`` for an unknown name. sphinx-design
    0.8 has an icon node; before it, icons were raw HTML.
    """
    from sphinx_design.icons import get_octicon

    svg = get_octicon(name, classes=classes)
    try:
        from sphinx_design.icons import create_icon_node
    except ImportError:  # sphinx-design < 0.8
        return nodes.raw("", svg, format="html")
    return create_icon_node(svg)


def add_template_folder(builder: Any, folder: str) -> bool:
    """Let a builder whose template loader already exists find *folder*'s templates.

    When the theme alone brings sphinx-circ in (``html_theme = "sphinx_circ"``
    without the extension), its setup runs after the configuration has been
    read, so ``templates_path`` can no longer be extended; Sphinx's loader
    keeps its folders in ``loaders``. Returns whether the loader had that shape.
    """
    from sphinx.jinja2glue import SphinxFileSystemLoader

    templates = getattr(builder, "templates", None)
    loaders = getattr(templates, "loaders", None)
    if not isinstance(loaders, list):
        return False
    if not any(folder in getattr(loader, "searchpath", ()) for loader in loaders):
        loaders.append(SphinxFileSystemLoader(folder))
    return True


#: What ``conf_py_value`` returns for a setting conf.py does not make.
UNSET = object()


def conf_py_value(config: Any, name: str) -> Any:
    """The value conf.py itself gives *name*, before any ``-D`` override.

    Sphinx keeps conf.py's namespace in ``Config._raw_config``; the value in
    effect may come from ``-D`` instead (Read the Docs passes ``-D language``).
    Returns ``UNSET`` when conf.py does not set it (or the shape changed).
    """
    raw = getattr(config, "_raw_config", None)
    if not isinstance(raw, dict):
        return UNSET
    return raw.get(name, UNSET)
