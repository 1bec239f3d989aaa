"""The scripts' messages in Chromium: the filters' counters in the plural form
for 0, 1 and 2, chosen with Intl.PluralRules in the page's language, and the
request e-mail's "Label:" lines in that language."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import unquote

import pytest
from conftest import DEFAULT_CONF, serve, sphinx_build

SCHEMA = {"fields": [{"name": n} for n in ("alpha", "beta_un", "beta_deux", "gamma")]}
CSV = "titre,statut\nAlpha,Ouvert\nBeta un,Ouvert\nBeta deux,Fermé\nGamma,Ouvert\n"
PAGE = """# Compteurs

:::{dataset} schema.json
:::

:::{dataset-inventory} inventaire.csv
:::

:::{data-request}
:email: donnees@example.org
:::
"""

EXPECTED = {
    "fr": {
        "dataset": [
            "0 champ affiché sur 4",
            "1 champ affiché sur 4",
            "2 champs affichés sur 4",
        ],
        "inventory": [
            "0 jeu de données affiché sur 4",
            "1 jeu de données affiché sur 4",
            "2 jeux de données affichés sur 4",
        ],
    },
    "en": {
        "dataset": [
            "0 fields shown out of 4",
            "1 field shown out of 4",
            "2 fields shown out of 4",
        ],
        "inventory": [
            "0 datasets shown out of 4",
            "1 dataset shown out of 4",
            "2 datasets shown out of 4",
        ],
    },
}
#: Queries matching 0, 1 and 2 entries.
QUERIES = ("zzz", "alpha", "beta")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], str]]:
    src = tmp_path_factory.mktemp("plurals") / "src"
    src.mkdir()
    # The request form's address is an example one, and the English build
    # overrides conf.py's language, both on purpose.
    conf = DEFAULT_CONF + 'suppress_warnings = ["circ.placeholder", "circ.language"]\n'
    (src / "conf.py").write_text(conf, encoding="utf-8")
    (src / "index.md").write_text(PAGE, encoding="utf-8")
    (src / "schema.json").write_text(json.dumps(SCHEMA), encoding="utf-8")
    (src / "inventaire.csv").write_text(CSV, encoding="utf-8")
    root = src.parent
    for language in EXPECTED:
        sphinx_build(src, root / language, "-D", f"language={language}")
    with serve(root) as url:
        yield lambda language: f"{url}{language}/index.html"


def counter(page: Any, block: str, query: str) -> str:
    if block == "dataset":
        page.fill(".circ-dataset__filter input", query)
        return str(page.text_content(".circ-dataset__filter-status"))
    page.fill(".circ-inventory__filter", query)
    return str(page.text_content(".circ-inventory__status"))


@pytest.mark.parametrize("block", ["dataset", "inventory"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_counters_agree_with_their_number(
    page: Any, sites: Callable[[str], str], language: str, block: str
) -> None:
    page.goto(sites(language))
    assert page.evaluate("document.documentElement.lang") == language
    found = [counter(page, block, query) for query in QUERIES]
    assert found == EXPECTED[language][block]


def test_a_counter_with_one_form_shows_the_defect(
    page: Any, sites: Callable[[str], str]
) -> None:
    """With the plural only (as before), one match reads "1 champs affichés":
    the comparison above would fail."""
    page.goto(sites("fr"))
    page.evaluate(
        "document.querySelector('.circ-dataset__filter-status')"
        ".removeAttribute('data-circ-one')"
    )
    assert counter(page, "dataset", "alpha") == "1 champs affichés sur 4"


def email_body(page: Any, url: str, label: str | None = None) -> str:
    page.goto(url)
    if label is not None:
        page.evaluate(
            f"document.querySelector('form.circ-request__form').dataset.circLabel = {label!r}"
        )
    page.fill("textarea[name=description]", "Tonnages")
    page.click("form.circ-request__form button[type=submit]")
    link = page.get_attribute(".circ-request__mail", "href")
    return unquote(link.split("&body=", 1)[1])


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("fr", "Décrivez les données que vous recherchez\u00a0:\nTonnages\n"),
        ("en", "Describe the data you are looking for:\nTonnages\n"),
    ],
)
def test_email_labels_in_the_page_language(
    page: Any, sites: Callable[[str], str], language: str, line: str
) -> None:
    assert email_body(page, sites(language)).startswith(line)


def test_email_labels_written_one_way_show_the_defect(
    page: Any, sites: Callable[[str], str]
) -> None:
    """The former "Label :" for every language: both checks above would fail."""
    body = email_body(page, sites("en"), "{label} :")
    assert body.startswith("Describe the data you are looking for :\n")
