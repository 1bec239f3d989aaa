"""Every block, for a build under another theme (html_theme is set by -D)."""

extensions = ["sphinx_circ"]
language = "fr"
# A test site: its example address is meant (sphinx_circ/placeholders.py).
suppress_warnings = ["circ.placeholder", "circ.legal"]
