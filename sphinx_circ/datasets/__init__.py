"""The ``dataset`` block: documentation of a table from its Table Schema, or of
every table of a Data Package.

``descriptors`` reads the files, ``markdown`` renders their descriptions,
``render`` builds the nodes and ``directive`` puts them together.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from ..nodes import NON_HTML_SKIP
from .directive import DatasetDirective
from .index import add_to_contents
from .render import (
    circ_dataset_filter,
    circ_permalink,
    visit_filter_html,
    visit_permalink_html,
)

__all__ = ["DatasetDirective", "circ_dataset_filter", "setup_datasets"]


def setup_datasets(app: Sphinx) -> None:
    app.add_node(circ_dataset_filter, html=(visit_filter_html, None), **NON_HTML_SKIP)
    app.add_node(circ_permalink, html=(visit_permalink_html, None), **NON_HTML_SKIP)
    app.add_directive("dataset", DatasetDirective)
    # After Sphinx's own contents collector (priority 500).
    app.connect("doctree-read", add_to_contents, priority=600)
