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
html_theme_options = {
    "navigation_with_keys": False,
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
