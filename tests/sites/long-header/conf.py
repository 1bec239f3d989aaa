"""A portal with a long title and six top-level pages: the header must not wrap."""

project = "Les données de l'économie circulaire en Île-de-France"
copyright = "2026, Région Île-de-France (exemple)"
language = "fr"

extensions = ["sphinx_circ"]
html_theme = "sphinx_circ"
html_static_path = ["_static"]
html_title = project

html_theme_options = {
    "organisation_name": "Les données de l'économie circulaire en Île-de-France",
    "organisation_url": "https://example.org/",
    "organisation_logo": "_static/logo.svg",
}
nitpicky = True

# A test site, not a portal: it need not carry the legal pages.
suppress_warnings = ["circ.legal"]
