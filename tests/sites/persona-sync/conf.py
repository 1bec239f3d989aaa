"""Two pages of persona tabs in one group (circ_persona_storage is set by -D)."""

extensions = ["sphinx_circ"]
html_theme = "sphinx_circ"
language = "fr"
