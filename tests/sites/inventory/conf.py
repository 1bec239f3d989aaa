"""Inventory and request form, for the browser tests."""

extensions = ["sphinx_circ"]
html_theme = "sphinx_circ"
language = "fr"
circ_request_email = "donnees@example.org"
