"""The interface in the reader's language: catalogs, plurals, the search field,
contributor roles and the specifications' keys."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from conftest import DEFAULT_CONF

from sphinx_circ import messages
from sphinx_circ.messages import ngettext, plural_forms

LOCALE = Path(messages.LOCALE_DIR)
NB, NN = "\u00a0", "\u202f"


def catalog(language: str) -> Catalog:
    with (LOCALE / language / "LC_MESSAGES" / "sphinx_circ.po").open("rb") as handle:
        return read_po(handle)


def strings(message: Any) -> list[str]:
    found = message.string
    return list(found) if isinstance(found, tuple | list) else [found]


# -- Catalogs --------------------------------------------------------------------


def untranslated(found: Catalog) -> list[object]:
    return [m.id for m in found if m.id and not all(strings(m))]


def french_typography_problems(found: Catalog) -> list[str]:
    """ASCII apostrophes, and ordinary spaces before ``; ! ? :`` or by « »."""
    problems = []
    for message in found:
        for text in strings(message) if message.id else []:
            if "'" in text or re.search(r" [;!?:»]|« ", text):
                problems.append(text)
            if re.search(f"{NB}[;!?]|{NN}:", text):  # the wrong width
                problems.append(text)
    return problems


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_message_is_translated(language: str) -> None:
    found = catalog(language)
    assert len(found) > 100
    assert untranslated(found) == []
    plural = [m for m in found if m.pluralizable]
    assert len(plural) >= 8 and all(len(strings(m)) == 2 for m in plural)


def test_french_messages_are_typeset() -> None:
    assert french_typography_problems(catalog("fr")) == []


def test_the_catalog_checks_catch_their_defects() -> None:
    broken = Catalog(locale="fr")
    broken.add("Home page", "Page d'accueil")
    broken.add("Tell us:", "Précisez :")
    broken.add("Why?", f"Pourquoi{NB}?")
    broken.add(("One", "Many"), ("Un", ""))
    assert untranslated(broken) == [("One", "Many")]
    assert french_typography_problems(broken) == [
        "Page d'accueil",
        "Précisez :",
        f"Pourquoi{NB}?",
    ]


# -- Plurals in Python -----------------------------------------------------------

FIELDS = ("{shown} field shown out of {total}", "{shown} fields shown out of {total}")


def build_in(build: Any, language: str) -> Any:
    conf = DEFAULT_CONF.replace('language = "fr"', f'language = "{language}"')
    return build({"index.md": "# Titre\n"}, conf=conf)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fr",
            [
                "0 champ affiché sur 5",
                "1 champ affiché sur 5",
                "2 champs affichés sur 5",
            ],
        ),
        (
            "en",
            [
                "0 fields shown out of 5",
                "1 field shown out of 5",
                "2 fields shown out of 5",
            ],
        ),
    ],
)
def test_plurals_for_zero_one_and_two(
    build: Any, language: str, expected: list[str]
) -> None:
    build_in(build, language)  # loads the project's catalog
    found = [ngettext(*FIELDS, n).format(shown=n, total=5) for n in (0, 1, 2)]
    assert found == expected
    forms = plural_forms(*FIELDS)
    assert [forms["one"], forms["other"]] == [
        ngettext(*FIELDS, 1),
        ngettext(*FIELDS, 2),
    ]


def dataset_page(
    build: Any, schema: dict[str, Any], meta: dict[str, Any], language: str = "fr"
) -> BeautifulSoup:
    conf = DEFAULT_CONF.replace('language = "fr"', f'language = "{language}"')
    files = {
        "index.md": "# Jeu\n\n:::{dataset} jeu/schema.json\n:::\n",
        "jeu/schema.json": json.dumps(schema),
        "jeu/datapackage.json": json.dumps({"resources": [], **meta}),
    }
    built = build(files, conf=conf)
    assert built.circ_warnings() == []
    return BeautifulSoup(built.read("index.html"), "html.parser")


def terms(page: BeautifulSoup) -> list[str]:
    return [dt.get_text(" ", strip=True) for dt in page.select("dl dt")]


def test_labels_agree_with_their_count(build: Any) -> None:
    schema = {
        "fields": [
            {"name": "a", "example": "x"},
            {"name": "b", "examples": ["x", "y"]},
            {"name": "c", "constraints": {"enum": ["seul"]}},
            {"name": "d", "constraints": {"enum": ["un", "deux"]}},
        ]
    }
    one = {
        "contributors": [{"title": "Ana"}],
        "licenses": [{"title": "Licence Ouverte"}],
    }
    page = dataset_page(build, schema, one)
    found = terms(page)
    assert "Exemple" in found and "Exemples" in found
    assert "Valeur autorisée" in found and "Valeurs autorisées" in found
    assert "Contributeur" in found and "Contributeurs" not in found
    two = {"contributors": [{"title": "Ana"}, {"title": "Bo"}]}
    assert "Contributeurs" in terms(dataset_page(build, schema, two))


def test_a_long_list_shown_elsewhere_gives_its_count(build: Any) -> None:
    values = [f"v{i}" for i in range(12)]
    schema = {
        "fields": [
            {"name": "a", "constraints": {"enum": values}},
            {"name": "b", "constraints": {"enum": values}},
        ]
    }
    page = dataset_page(build, schema, {})
    assert "les mêmes que pour a (12 valeurs)" in page.get_text()


# -- Roles and keys --------------------------------------------------------------

PEOPLE = {
    "contributors": [
        {"title": "Ana", "role": "author", "organisation": "Cerema"},
        {"title": "Bo", "role": "maintainer"},
        {"title": "Cy", "roles": ["publisher", "rightsHolder"]},
        {"title": "Di", "role": "wrangler"},
        {"title": "Ed", "role": "curator"},
    ]
}
KEYS = {
    "fields": [
        {"name": "a", "categories": ["x", "y"], "profiles": ["Collectivité"]},
    ],
    "custom_checks": [{"name": "check"}],
}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fr",
            ["Ana (auteur, Cerema)", "Bo (mainteneur)",
             "Cy (éditeur, titulaire des droits)", "Di (préparateur des données)",
             "Ed (curator)"],
        ),
        (
            "en",
            ["Ana (author, Cerema)", "Bo (maintainer)", "Cy (publisher, rights holder)",
             "Di (data wrangler)", "Ed (curator)"],
        ),
    ],
)  # fmt: skip
def test_roles_in_the_page_language(
    build: Any, language: str, expected: list[str]
) -> None:
    page = dataset_page(build, {"fields": [{"name": "a"}]}, PEOPLE, language)
    people = [
        li.get_text().strip() for li in page.select("dl.circ-dataset__metadata li")
    ]
    assert people == expected
    # A role the specifications do not name is the file's value, as code.
    assert [c.get_text() for c in page.select("dl.circ-dataset__metadata li code")] == [
        "curator"
    ]


@pytest.mark.parametrize(
    ("language", "label"), [("fr", "Catégories"), ("en", "Categories")]
)
def test_keys_of_the_specifications_have_labels(
    build: Any, language: str, label: str
) -> None:
    page = dataset_page(build, KEYS, {}, language)
    found = terms(page)
    assert label in found
    # A producer's own key is shown as written, as code, in every language.
    own = [dt.code.get_text() for dt in page.select("dl dt") if dt.code]
    assert sorted(own) == ["custom_checks", "profiles"]
    assert "profiles" not in [
        dt.get_text() for dt in page.select("dl dt") if not dt.code
    ]


# -- The search field ------------------------------------------------------------


def search_fields(html: str) -> list[tuple[str, str]]:
    page = BeautifulSoup(html, "html.parser")
    return [
        (field["placeholder"], field["aria-label"])
        for field in page.select("form.bd-search input[type=search]")
    ]


@pytest.mark.parametrize(
    ("language", "placeholder", "label"),
    [
        ("fr", "Rechercher sur le site…", "Rechercher sur le site"),
        ("en", "Search this site…", "Search this site"),
    ],
)
def test_search_field_speaks_the_page_language(
    build: Any, language: str, placeholder: str, label: str
) -> None:
    built = build_in(build, language)
    # The dialog on every page, and the search page's own field.
    for name in ("index.html", "search.html"):
        found = search_fields(built.read(name))
        assert found and set(found) == {(placeholder, label)}, name


def test_the_search_field_component_is_the_themes(build: Any) -> None:
    """A site placing pydata's "search-field" in its header gets the theme's."""
    conf = DEFAULT_CONF + 'html_theme_options = {"navbar_end": ["search-field"]}\n'
    built = build({"index.md": "# Titre\n"}, conf=conf)
    found = search_fields(built.read("index.html"))
    # The dialog's, the header's and the phone menu's copy of the header's.
    assert found == [("Rechercher sur le site…", "Rechercher sur le site")] * 3


def test_a_site_search_text_is_kept(build: Any) -> None:
    conf = (
        DEFAULT_CONF + 'html_theme_options = {"search_bar_text": "Chercher un jeu…"}\n'
    )
    built = build({"index.md": "# Titre\n"}, conf=conf)
    assert search_fields(built.read("index.html")) == [("Chercher un jeu…",) * 2]


def test_the_search_check_sees_pydata_english(build: Any) -> None:
    """pydata-sphinx-theme's own field, under its own theme, is English: the
    check above would catch it."""
    conf = 'extensions = ["sphinx_circ"]\nhtml_theme = "pydata_sphinx_theme"\nlanguage = "fr"\n'
    built = build({"index.md": "# Titre\n"}, conf=conf)
    (placeholder, _label), *_ = search_fields(built.read("index.html"))
    assert placeholder.startswith("Search the docs")
