"""``sphinx-circ new``: a portal that builds at once, to fill in."""

from __future__ import annotations

import datetime
import json
import sys
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from . import package_version

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
        "example_description": "Données d'exemple : une valeur par commune et par "
        "année, à remplacer par les données du portail.",
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
        "accessibility_title": "Déclaration d’accessibilité",
        "notice_title": "Mentions légales",
        "personal_data_title": "Données personnelles",
        "site_map_title": "Plan du site",
        "own_text": "Ajoutez ici, sous un titre, ce que vous avez à dire de plus.",
        "publisher": "[nom de l’organisme éditeur]",
        "publisher_address": "[adresse postale de l’éditeur]",
        "publisher_contact": "[adresse électronique de contact]",
        "director": "[nom et fonction du directeur ou de la directrice de la publication]",
        "host": "[nom de l’hébergeur]",
        "host_address": "[adresse postale de l’hébergeur]",
        "host_phone": "[téléphone de l’hébergeur]",
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
        "example_description": "Example data: one value per town and per year, "
        "to be replaced by the portal's own data.",
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
        "accessibility_title": "Accessibility statement",
        "notice_title": "Legal notice",
        "personal_data_title": "Personal data",
        "site_map_title": "Site map",
        "own_text": "Add here, under a heading, whatever else you have to say.",
        "publisher": "[name of the publishing organisation]",
        "publisher_address": "[postal address of the publisher]",
        "publisher_contact": "[contact e-mail address]",
        "director": "[name and role of the director of publication]",
        "host": "[name of the host]",
        "host_address": "[postal address of the host]",
        "host_phone": "[phone number of the host]",
    },
}


#: File and field names, in the portal's language (they become its URLs).
NAMES = {
    "fr": {
        "datasets": "donnees",
        "example": "exemple",
        "resident": "habitant",
        "pro": "professionnel",
        "request": "demande",
        "code": "code_commune",
        "year": "annee",
        "value": "valeur",
        "accessibility": "accessibilite",
        "notice": "mentions-legales",
        "personal_data": "donnees-personnelles",
        "site_map": "plan-du-site",
    },
    "en": {
        "datasets": "data",
        "example": "example",
        "resident": "resident",
        "pro": "professional",
        "request": "request",
        "code": "municipality_code",
        "year": "year",
        "value": "value",
        "accessibility": "accessibility",
        "notice": "legal-notice",
        "personal_data": "personal-data",
        "site_map": "site-map",
    },
}

#: The example address data requests go to: a located ``circ.placeholder``
#: warning (sphinx_circ/placeholders.py) until it is replaced.
EXAMPLE_EMAIL = "contact@example.org"
#: The example address of the site (``html_baseurl``), likewise.
EXAMPLE_BASEURL = "https://donnees.example.org/"

#: What a folder may already hold: a repository's own files, as a host creates
#: them with a new repository. (.gitignore gets the build folder added.)
REPOSITORY_FILES = (".git", ".hg", ".svn", ".gitignore", ".gitattributes")
REPOSITORY_PREFIXES = ("README", "LICENSE", "LICENCE", "COPYING")


def this_year() -> int:
    return datetime.date.today().year


def requirement() -> str:
    """The line of requirements.txt that installs this sphinx-circ elsewhere.

    Installed from a Git repository (pip's ``direct_url.json``, PEP 610), the
    same commit, so a portal builds on Read the Docs before any release;
    otherwise the releases compatible with this one.
    """
    try:
        direct = distribution("sphinx-circ").read_text("direct_url.json")
    except PackageNotFoundError:
        direct = None
    origin = json.loads(direct) if direct else {}
    vcs = origin.get("vcs_info") or {}
    if vcs.get("vcs") == "git" and vcs.get("commit_id") and origin.get("url"):
        return f"sphinx-circ @ git+{origin['url']}@{vcs['commit_id']}"
    return f"sphinx-circ~={package_version()}"


#: The legal pages: their file, title and block (sphinx_circ/legal).
LEGAL_PAGES = (
    ("accessibility", "accessibility_title", "accessibility-statement"),
    ("notice", "notice_title", "legal-notice"),
    ("personal_data", "personal_data_title", "personal-data"),
    ("site_map", "site_map_title", "site-map"),
)


def legal_conf(t: dict[str, str], publisher: str, contact: str) -> str:
    """conf.py's ``circ_legal``: what was given, and a ``[…]`` placeholder for
    the rest, each a located warning until it is replaced."""

    def q(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    return (
        "# The legal facts the legal pages and every page's footer are written\n"
        "# from. Each value in [brackets] gives a warning at each build until you\n"
        "# replace it.\n"
        "circ_legal = {\n"
        '    "publisher": {\n'
        f'        "name": {q(publisher)},\n'
        f'        "address": {q(t["publisher_address"])},\n'
        f'        "contact": {q(contact)},\n'
        "    },\n"
        f'    "director": {q(t["director"])},\n'
        '    "host": {\n'
        f'        "name": {q(t["host"])},\n'
        f'        "address": {q(t["host_address"])},\n'
        f'        "phone": {q(t["host_phone"])},\n'
        "    },\n"
        '    "licence": {\n'
        f'        "name": {q(t["licence"])},\n'
        '        "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",\n'
        "    },\n"
        "    # No audit yet: the portal says it is non conforme. After the audit,\n"
        "    # give audit_date, rgaa_version, criteria_met, non_conformities…\n"
        '    "accessibility": {},\n'
        "    # By default the portal processes no personal data, sets no cookie\n"
        "    # and says so; list here what your organisation adds.\n"
        '    "personal_data": {},\n'
        "}\n\n"
    )


def files(
    name: str,
    organisation: str,
    language: str,
    *,
    publisher: str = "",
    contact: str = "",
) -> dict[str, str]:
    t = TEXTS[language] | {"name": name, "organisation": organisation}
    n = NAMES[language]
    year = this_year()
    schema = {
        "name": n["example"],
        "title": t["example_title"],
        "fields": [
            {
                "name": n["code"],
                "title": t["field_code"],
                "type": "string",
                "example": "35238",
                "constraints": {"required": True, "pattern": "^[0-9]{5}$"},
            },
            {
                "name": n["year"],
                "title": t["field_year"],
                "type": "year",
                "example": str(year),
            },
            {
                "name": n["value"],
                "title": t["field_value"],
                "type": "number",
                "example": "12.5",
                "constraints": {"minimum": 0},
            },
        ],
    }
    package = {
        "title": t["example_title"],
        # What search engines and catalogues show (50 characters at least).
        "description": t["example_description"],
        "producer": organisation,
        "licenses": [{"name": "etalab-2.0", "title": t["licence"]}],
        "frequency": t["frequency"],
    }
    data, example, request = n["datasets"], n["example"], n["request"]
    legal_toctree = "\n".join(n[key] for key, _title, _block in LEGAL_PAGES)
    legal_pages = {
        f"{n[key]}.md": f"# {t[title]}\n\n:::{{{block}}}\n:::\n"
        + ("" if block == "site-map" else f"\n<!-- {t['own_text']} -->\n")
        for key, title, block in LEGAL_PAGES
    }
    return legal_pages | {
        "conf.py": (
            f'"""Sphinx configuration of {name}."""\n\nimport os\n\n'
            f"project = {name!r}\nauthor = {organisation!r}\n"
            f'copyright = f"{year}, {{author}}"\n'
            "# The portal's edition (EPUB requires one).\n"
            f'version = release = "{year}"\n'
            f'language = "{language}"\n\n'
            'extensions = ["sphinx_circ"]\nhtml_theme = "sphinx_circ"\n'
            f"html_title = project\nhtml_theme_options = {{\n"
            f'    "organisation_name": {organisation!r},\n    "hero_layout": "landing",\n}}\n'
            "# The site's public address, for its data catalogue, sitemap.xml and\n"
            "# shared links: Read the Docs gives it; elsewhere, this example\n"
            "# address gives a warning at each build until you replace it.\n"
            "html_baseurl = os.environ.get(\n"
            f'    "READTHEDOCS_CANONICAL_URL", "{EXAMPLE_BASEURL}"\n)\n\n'
            "# Where the data request form sends requests. This example address\n"
            "# gives a warning at each build until you replace it with yours.\n"
            f'circ_request_email = "{EXAMPLE_EMAIL}"\n\n'
            + legal_conf(
                t, publisher or t["publisher"], contact or t["publisher_contact"]
            )
            + 'exclude_patterns = ["_build", "README.*"]\n'
        ),
        "index.md": f"""::::{{hero}}
# {name}

{t["tagline"]}

:::{{button}} {data}/index
{t["see"]}
:::

:::{{button}} {request}
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

{data}/index
faq/index
{request}
{legal_toctree}
```
""",
        f"{data}/index.md": f"# {t['datasets_title']}\n\n{t['datasets']}\n\n"
        f"```{{toctree}}\n:maxdepth: 1\n\n{example}\n```\n",
        f"{data}/{example}.md": f"# {t['example_title']}\n\n{t['example']}\n\n"
        f":::{{dataset}} {example}/schema.json\n:::\n",
        f"{data}/{example}/schema.json": json.dumps(
            schema, ensure_ascii=False, indent=2
        )
        + "\n",
        f"{data}/{example}/datapackage.json": json.dumps(
            package, ensure_ascii=False, indent=2
        )
        + "\n",
        "faq/index.md": f"""# {t["faq_title"]}

{t["faq"]}

:::::{{persona-tabs}}
::::{{persona}} {t["resident_title"]}
:page: {n["resident"]}
:icon: person
::::

::::{{persona}} {t["pro_title"]}
:page: {n["pro"]}
:icon: briefcase
::::
:::::

```{{toctree}}
:hidden:

{n["resident"]}
{n["pro"]}
```
""",
        f"faq/{n['resident']}.md": f"---\nsubtitle: {t['resident']}\n---\n\n"
        f"# {t['resident_title']}\n\n## {t['resident_q']}\n\n{t['resident_a']}\n",
        f"faq/{n['pro']}.md": f"---\nsubtitle: {t['pro']}\n---\n\n# {t['pro_title']}\n\n"
        f"## {t['pro_q']}\n\n{t['pro_a']}\n",
        f"{request}.md": f"# {t['request_title']}\n\n{t['request_text']}\n\n"
        ":::{data-request}\n:::\n",
        "requirements.txt": requirement() + "\n",
        ".readthedocs.yaml": (
            'version: 2\nbuild:\n  os: ubuntu-24.04\n  tools:\n    python: "3.12"\n'
            "python:\n  install:\n    - requirements: requirements.txt\n"
            "sphinx:\n  configuration: conf.py\n  fail_on_warning: true\n"
        ),
        ".gitignore": "_build/\n",
    }


def foreign_entries(directory: Path) -> list[str]:
    """What *directory* holds besides a repository's own files."""
    return sorted(
        entry.name
        for entry in directory.iterdir()
        if entry.name not in REPOSITORY_FILES
        and not entry.name.upper().startswith(REPOSITORY_PREFIXES)
    )


def run_new(
    directory: Path,
    *,
    name: str | None,
    organisation: str | None,
    language: str,
    contact: str | None = None,
) -> int:
    if directory.exists():
        foreign = foreign_entries(directory) if directory.is_dir() else ["(a file)"]
        if foreign:
            print(
                f"sphinx-circ new: {directory} holds {', '.join(foreign[:5])}: choose "
                "an empty folder (or one holding only a repository: .git, README, "
                "LICENSE)",
                file=sys.stderr,
            )
            return 2
    texts = TEXTS[language]
    written = files(
        name or texts["name"],
        organisation or texts["organisation"],
        language,
        publisher=organisation or "",
        contact=contact or "",
    )
    ignore = directory / ".gitignore"
    if ignore.is_file():
        # The repository's own ignore list, with the build folder added.
        kept = ignore.read_text(encoding="utf-8")
        if "_build/" not in kept.split():
            kept = (
                kept + ("\n" if kept and not kept.endswith("\n") else "") + "_build/\n"
            )
        written[".gitignore"] = kept
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
    conf = directory / "conf.py"
    print(f"Portal created in {directory}. Build it with:")
    print(f"  sphinx-build {directory} {directory / '_build' / 'html'}")
    print(
        f"Replace the example address {EXAMPLE_EMAIL} in {conf} (circ_request_email),"
        f" and {EXAMPLE_BASEURL} (html_baseurl) unless Read the Docs builds the"
        " site: until then each build warns about them, then sphinx-build -nW passes."
    )
    print(
        f"Fill in the legal facts in {conf} (circ_legal): each value in [brackets] "
        "warns until it is replaced."
    )
    print(
        "On Read the Docs, set the project's language to "
        f"{language!r}: it builds with -D language=<the project's language>."
    )
    return 0
