"""Every block, for a build under another theme (html_theme is set by -D)."""

extensions = ["sphinx_circ"]
language = "fr"
