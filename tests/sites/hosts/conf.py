"""Every block, for a build under another theme (html_theme is set by -D)."""

extensions = ["sphinx_circ"]
language = "fr"
# A test site, not a portal: its example address is meant
# (sphinx_circ/placeholders.py), and it needs no legal pages nor site address.
suppress_warnings = ["circ.placeholder", "circ.legal", "circ.data"]
