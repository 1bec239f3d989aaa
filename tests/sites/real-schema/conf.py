"""The largest real schema (207 fields), for the geometry tests."""

extensions = ["sphinx_circ"]
html_theme = "sphinx_circ"
language = "fr"
exclude_patterns = ["README.md"]

# A test site, not a portal: it need not carry the legal pages.
suppress_warnings = ["circ.legal"]
