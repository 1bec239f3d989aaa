"""An FAQ by audience: persona tabs filled from pages."""

extensions = ["sphinx_circ"]
html_theme = "sphinx_circ"
language = "fr"

# A test site, not a portal: it need not carry the legal pages.
suppress_warnings = ["circ.legal"]
