"""Two pages of persona tabs in one group (circ_persona_storage is set by -D)."""

extensions = ["sphinx_circ"]
html_theme = "sphinx_circ"
language = "fr"

# A test site, not a portal: it need not carry the legal pages.
suppress_warnings = ["circ.legal"]
