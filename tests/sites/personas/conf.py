"""An FAQ by audience: persona tabs filled from pages."""

extensions = ["sphinx_circ"]
html_theme = "sphinx_circ"
language = "fr"
