"""Inventory and request form, for the browser tests."""

extensions = ["sphinx_circ"]
html_theme = "sphinx_circ"
language = "fr"
circ_request_email = "donnees@example.org"
# A test site: its example address is meant (sphinx_circ/placeholders.py).
suppress_warnings = ["circ.placeholder", "circ.legal"]
