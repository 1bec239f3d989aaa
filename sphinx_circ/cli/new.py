"""``sphinx-circ new``: a portal that builds at once, to fill in."""

from __future__ import annotations

import json
import sys
from pathlib import Path

TEXTS = {
    "fr": {
        "name": "Mon portail de données",
        "organisation": "Mon organisme",
        "tagline": "Trouvez, téléchargez et réutilisez nos données ouvertes.",
        "see": "Voir les données",
        "request": "Demander des données",
        "why_title": "Des données pour tous",
        "why": "Nous publions nos données sous licence ouverte : chacun peut les réutiliser, "
        "y compris à des fins commerciales, en citant la source.",
        "datasets_title": "Les données",
        "datasets": "Chaque jeu de données est documenté à partir de son schéma.",
        "example_title": "Exemple de jeu de données",
        "example": "Remplacez ce jeu d'exemple par les vôtres : un schéma Table Schema, "
        "un fichier datapackage.json et une page comme celle-ci.",
        "faq_title": "Questions fréquentes",
        "faq": "Choisissez votre profil.",
        "resident_title": "Habitant",
        "resident": "Les données vous aident à connaître votre territoire.",
        "resident_q": "Les données sont-elles gratuites ?",
        "resident_a": "Oui, elles sont librement téléchargeables et réutilisables.",
        "pro_title": "Professionnel",
        "pro": "Réutilisez nos données dans vos services.",
        "pro_q": "Sous quelle licence ?",
        "pro_a": "La Licence Ouverte 2.0 : citez la source et la date de mise à jour.",
        "request_title": "Demander des données",
        "request_text": "Une donnée vous manque ? Décrivez-la, nous étudierons sa publication.",
        "field_code": "Code de la commune",
        "field_year": "Année",
        "field_value": "Valeur mesurée",
        "licence": "Licence Ouverte 2.0",
        "frequency": "Annuelle",
    },
    "en": {
        "name": "My data portal",
        "organisation": "My organisation",
        "tagline": "Find, download and reuse our open data.",
        "see": "See the data",
        "request": "Request data",
        "why_title": "Data for everyone",
        "why": "Our data is published under an open licence: anyone may reuse it, "
        "commercially too, as long as the source is credited.",
        "datasets_title": "The data",
        "datasets": "Each dataset is documented from its schema.",
        "example_title": "Example dataset",
        "example": "Replace this example with your own datasets: a Table Schema, "
        "a datapackage.json file and a page like this one.",
        "faq_title": "Frequently asked questions",
        "faq": "Choose your profile.",
        "resident_title": "Resident",
        "resident": "Data helps you know where you live.",
        "resident_q": "Is the data free?",
        "resident_a": "Yes, it can be downloaded and reused freely.",
        "pro_title": "Professional",
        "pro": "Reuse our data in your services.",
        "pro_q": "Under which licence?",
        "pro_a": "Etalab Open Licence 2.0: credit the source and the update date.",
        "request_title": "Request data",
        "request_text": "Missing some data? Describe it and we will look into publishing it.",
        "field_code": "Municipality code",
        "field_year": "Year",
        "field_value": "Measured value",
        "licence": "Open Licence 2.0",
        "frequency": "Yearly",
    },
}


def files(name: str, organisation: str, language: str) -> dict[str, str]:
    t = TEXTS[language] | {"name": name, "organisation": organisation}
    schema = {
        "name": "exemple",
        "title": t["example_title"],
        "fields": [
            {
                "name": "code_commune",
                "title": t["field_code"],
                "type": "string",
                "example": "35238",
                "constraints": {"required": True, "pattern": "^[0-9]{5}$"},
            },
            {
                "name": "annee",
                "title": t["field_year"],
                "type": "year",
                "example": "2026",
            },
            {
                "name": "valeur",
                "title": t["field_value"],
                "type": "number",
                "example": "12.5",
                "constraints": {"minimum": 0},
            },
        ],
    }
    package = {
        "title": t["example_title"],
        "producer": organisation,
        "licenses": [{"name": "etalab-2.0", "title": t["licence"]}],
        "frequency": t["frequency"],
    }
    return {
        "conf.py": (
            f'"""Sphinx configuration of {name}."""\n\n'
            f'project = {name!r}\nauthor = {organisation!r}\ncopyright = f"2026, {{author}}"\n'
            f'language = "{language}"\n\nextensions = ["sphinx_circ"]\nhtml_theme = "sphinx_circ"\n'
            f"html_title = project\nhtml_theme_options = {{\n"
            f'    "organisation_name": {organisation!r},\n    "hero_layout": "landing",\n}}\n\n'
            "# Where the data request form sends requests: set your address.\n"
            'circ_request_email = "contact@example.org"\n\n'
            'exclude_patterns = ["_build", "README.md"]\n'
        ),
        "index.md": f"""::::{{hero}}
# {name}

{t["tagline"]}

:::{{button}} donnees/index
{t["see"]}
:::

:::{{button}} demande
:variant: outline
{t["request"]}
:::
::::

::::{{section}}
:style: color

## {t["why_title"]}

{t["why"]}
::::

```{{toctree}}
:hidden:

donnees/index
faq/index
demande
```
""",
        "donnees/index.md": f"# {t['datasets_title']}\n\n{t['datasets']}\n\n"
        f"```{{toctree}}\n:maxdepth: 1\n\nexemple\n```\n",
        "donnees/exemple.md": f"# {t['example_title']}\n\n{t['example']}\n\n"
        f":::{{dataset}} exemple/schema.json\n:::\n",
        "donnees/exemple/schema.json": json.dumps(schema, ensure_ascii=False, indent=2)
        + "\n",
        "donnees/exemple/datapackage.json": json.dumps(
            package, ensure_ascii=False, indent=2
        )
        + "\n",
        "faq/index.md": f"""# {t["faq_title"]}

{t["faq"]}

:::::{{persona-tabs}}
::::{{persona}} {t["resident_title"]}
:page: habitant
:icon: person
::::

::::{{persona}} {t["pro_title"]}
:page: professionnel
:icon: briefcase
::::
:::::

```{{toctree}}
:hidden:

habitant
professionnel
```
""",
        "faq/habitant.md": f"---\nsubtitle: {t['resident']}\n---\n\n# {t['resident_title']}\n\n"
        f"## {t['resident_q']}\n\n{t['resident_a']}\n",
        "faq/professionnel.md": f"---\nsubtitle: {t['pro']}\n---\n\n# {t['pro_title']}\n\n"
        f"## {t['pro_q']}\n\n{t['pro_a']}\n",
        "demande.md": f"# {t['request_title']}\n\n{t['request_text']}\n\n:::{{data-request}}\n:::\n",
        "requirements.txt": "sphinx-circ\n",
        ".readthedocs.yaml": (
            'version: 2\nbuild:\n  os: ubuntu-24.04\n  tools:\n    python: "3.12"\n'
            "python:\n  install:\n    - requirements: requirements.txt\n"
            "sphinx:\n  configuration: conf.py\n  fail_on_warning: true\n"
        ),
        ".gitignore": "_build/\n",
    }


def run_new(
    directory: Path, *, name: str | None, organisation: str | None, language: str
) -> int:
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        print(
            f"sphinx-circ new: {directory} exists and is not an empty folder",
            file=sys.stderr,
        )
        return 2
    texts = TEXTS[language]
    written = files(
        name or texts["name"], organisation or texts["organisation"], language
    )
    try:
        for relative, text in written.items():
            path = directory / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    except OSError as error:
        print(
            f"sphinx-circ new: cannot write in {directory}: {error.strerror}",
            file=sys.stderr,
        )
        return 2
    print(f"Portal created in {directory}. Build it with:")
    print(f"  sphinx-build -nW {directory} {directory / '_build' / 'html'}")
    return 0
