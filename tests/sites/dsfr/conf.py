"""A portal of a State service under the DSFR theme (tests/test_dsfr.py)."""

project = "Données de la transition écologique"
author = "Service des données (exemple)"
copyright = "2026, Service des données (exemple)"
language = "fr"
version = release = "1"

extensions = ["sphinx_circ"]
html_theme = "sphinx_circ_dsfr"
html_title = "Données de la transition écologique"

html_theme_options = {
    "service_name": "Données de la transition écologique",
    "service_tagline": "Les données ouvertes du service, pour tous",
    "bloc_marque": ["Ministère", "de l’exemple"],
    "operator_logo": "_static/operateur.svg",
    "operator_logo_alt": "Service des données (exemple)",
    "footer_description": "Un portail de démonstration du thème DSFR de sphinx-circ.",
    "footer_partners": [
        {
            "name": "Partenaire exemple",
            "url": "https://example.org/",
            "logo": "_static/partenaire.svg",
        }
    ],
    "quick_links": [{"name": "Nous contacter", "url": "contact"}],
}

# A portal with datasets gives its address (its catalogue, its sitemap).
html_baseurl = "https://donnees.example.gouv.fr/"
circ_request_email = "contact@example.gouv.fr"
circ_legal = {
    "publisher": {
        "name": "Service des données (exemple)",
        "address": "1 place de l’Exemple, 75000 Paris",
        "contact": "contact@example.gouv.fr",
    },
    "director": "Camille Exemple, cheffe du service",
    "host": {
        "name": "Hébergeur exemple",
        "address": "2 rue de l’Exemple, 59000 Lille",
        "phone": "01 23 45 67 89",
    },
    "licence": {
        "name": "Licence Ouverte 2.0",
        "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    },
    "accessibility": {
        "contact": "contact@example.gouv.fr",
    },
}
# A test site: its example addresses are meant (sphinx_circ/placeholders.py).
suppress_warnings = ["circ.placeholder"]
nitpicky = True
