"""pydata's icons (admonitions, download, breadcrumbs) for the browser tests."""

extensions = ["sphinx_circ"]
html_theme = "sphinx_circ"
language = "fr"
