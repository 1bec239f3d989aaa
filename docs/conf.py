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

# The legal facts the legal pages and every page's footer are written from
# (guide/legal.md). They are examples: the pages say so.
circ_legal = {
    "publisher": {
        "name": "Agence exemple de l’économie circulaire (éditeur d’exemple)",
        "address": "1 place de l’Exemple, 75000 Paris (adresse d’exemple)",
        "contact": "contact@example.gouv.fr",
    },
    "director": "Camille Exemple, directrice de l’agence (nom d’exemple)",
    "host": {
        "name": "Hébergeur exemple (hébergeur d’exemple)",
        "address": "2 rue de l’Exemple, 59000 Lille (adresse d’exemple)",
        "phone": "01 23 45 67 89 (numéro d’exemple)",
    },
    "licence": {
        "name": "Licence Ouverte 2.0",
        "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    },
    "accessibility": {
        "audit_date": "2026-09-15",
        "audited_by": "Cabinet exemple (auditeur d’exemple)",
        "rgaa_version": "4.1.2",
        "criteria_met": 87.5,
        "audited_pages": [
            "index",
            "donnees/index",
            "donnees/decheteries",
            "inventaire",
            "faq/index",
            "demande",
            "accessibilite",
            "plan-du-site",
        ],
        "non_conformities": [
            "Exemple : un graphique de la page d’accueil n’a pas d’alternative "
            "textuelle détaillée (critère 1.8).",
            "Exemple : sur les téléphones, le tableau de l’inventaire se lit mieux "
            "rangée par rangée que colonne par colonne (critère 10.11).",
        ],
        "derogations": [
            {
                "content": "Exemple : les fichiers PDF publiés avant 2020",
                "reason": "leur reprise coûterait plus que le service rendu "
                "(motif d’exemple)",
            }
        ],
        "test_environment": [
            "Firefox et NVDA sous Windows",
            "Safari et VoiceOver sous iOS",
        ],
        "tools": ["Contrôle manuel du RGAA", "axe-core"],
        "contact": "accessibilite@example.gouv.fr",
        "multi_year_plan": "https://example.gouv.fr/schema-pluriannuel",
        "action_plan": "https://example.gouv.fr/plan-actions-2026",
    },
    "personal_data": {
        "controller": "Agence exemple de l’économie circulaire (responsable d’exemple)",
        "dpo_contact": "dpd@example.gouv.fr",
    },
}

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
