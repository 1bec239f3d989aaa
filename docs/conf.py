"""Sphinx configuration of the economie-circulaire portal, built with sphinx-circ."""

project = "Les données de l’économie circulaire"
author = "Portail des données de l’économie circulaire"
copyright = "2026, Portail des données de l’économie circulaire"
language = "fr"
version = release = "2026"

extensions = ["sphinx_circ"]

html_theme = "sphinx_circ"
html_title = "Données de l’économie circulaire"
html_static_path: list[str] = []
# A portal's reader has no use for pydata-sphinx-theme's button that
# collapses the section's navigation.
html_sidebars = {"**": ["sidebar-nav-bs"]}
html_theme_options = {
    "navigation_with_keys": False,
    # The guide is for the site's authors, not its readers: out of the main
    # menu, on the header's first row and in the footer.
    "menu_exclude": ["guide/index"],
    "quick_links": [{"name": "Guide de publication", "url": "guide/index"}],
    "footer_links": [{"name": "Guide de publication", "url": "guide/index"}],
}

# Where the data request form sends its e-mails (an example address).
circ_request_email = "donnees@example.gouv.fr"

# docs/snippets: the guide's examples, included by its pages (and test fixtures).
exclude_patterns = ["_build", "snippets", "Thumbs.db", ".DS_Store"]
nitpicky = True

# pdflatex knows no mathematical signs outside maths; the guide uses a few.
latex_elements = {
    "preamble": "\n".join(
        rf"\DeclareUnicodeCharacter{{{code}}}{{\ensuremath{{{command}}}}}"
        for code, command in (("2264", r"\leq"), ("2265", r"\geq"), ("2192", r"\to"))
    ),
}
