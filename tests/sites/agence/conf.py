"""An example portal for another agency: reuse needs configuration only."""

project = "Données de l'eau en région"
author = "Agence de l'eau (exemple)"
copyright = "2026, Agence de l'eau (exemple)"
language = "fr"
version = release = "1"

extensions = ["sphinx_circ"]
html_theme = "sphinx_circ"
html_static_path = ["_static"]
html_title = "Données de l'eau"

html_theme_options = {
    "organisation_name": "Agence de l'eau (exemple)",
    "organisation_url": "https://example.org/",
    "organisation_logo": "_static/logo.svg",
    "organisation_logo_dark": "_static/logo-dark.svg",
    "palette": {
        "light": {
            "primary": "#00664a",
            "primary-strong": "#004a36",
            "section-grey-bg": "#eef5f1",
        },
        "dark": {
            "primary": "#7fd1b0",
            "primary-strong": "#a8e3cb",
            "section-color-bg": "#0b5a43",
            "section-color-bg-end": "#083f2f",
            "hero-bg": "#083f2f",
            "button-on-band-text": "#083f2f",
        },
    },
    "footer_links": [
        {"name": "Mentions légales", "url": "mentions-legales"},
        {"name": "Accessibilité : partiellement conforme", "url": "accessibilite"},
        {"name": "Contact", "url": "mailto:contact@example.org"},
    ],
    "legal_text": "Contenus sous Licence Ouverte 2.0, sauf mention contraire.",
    "hero_layout": "landing",
}

circ_request_email = "contact@example.org"
# A test site: its example address is meant (sphinx_circ/placeholders.py).
suppress_warnings = ["circ.placeholder", "circ.legal"]
nitpicky = True
