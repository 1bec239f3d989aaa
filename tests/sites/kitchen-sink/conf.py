"""A pydata-sphinx-theme site with the parent's features, switched to sphinx_circ.

Built as is (``html_theme = "pydata_sphinx_theme"``) and with
``-D html_theme=sphinx_circ``: the switch a site makes, with nothing else
changed (see tests/test_parent_switch_browser.py and README.md here).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

project = "Kitchen sink"
author = "Example"
copyright = "2026, Example"
version = release = "1.1"
language = "en"

extensions = ["myst_parser", "sphinx_design", "sphinx.ext.autodoc"]
myst_enable_extensions = ["colon_fence"]
html_theme = "pydata_sphinx_theme"
html_static_path = ["_static"]
html_title = "Kitchen sink"
html_favicon = "_static/home.svg"
exclude_patterns = ["README.md"]

html_theme_options = {
    "announcement": "Version 1.1 is out: see what changed.",
    "switcher": {"json_url": "_static/switcher.json", "version_match": "1.1"},
    "icon_links": [
        {
            "name": "Source code",
            "url": "https://example.org/kitchen-sink/",
            "icon": "fa-brands fa-github",
            "type": "fontawesome",
        },
        {
            "name": "Project home",
            "url": "https://example.org/",
            "icon": "_static/home.svg",
            "type": "local",
        },
    ],
    # The switcher next to the parent's own end items, as a real site has it.
    "navbar_end": ["version-switcher", "theme-switcher", "navbar-icon-links"],
}

# A test site, not a portal: it need not carry the legal pages.
suppress_warnings = ["circ.legal"]
