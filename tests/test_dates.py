"""Dates in the reader's language, the ISO value kept for machines."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import DEFAULT_CONF, NAMED_CONF, warnings_of

from sphinx_circ.dates import When, date_label, read_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-01-04", When(date(2024, 1, 4), "day", "2024-01-04")),
        (date(2024, 1, 4), When(date(2024, 1, 4), "day", "2024-01-04")),
        ("2024-01-04T10:30:00Z", When(date(2024, 1, 4), "day", "2024-01-04T10:30:00+00:00")),
        ("2025-03", When(date(2025, 3, 1), "month", "2025-03")),
        ("2025", When(date(2025, 1, 1), "year", "2025")),
        (2025, When(date(2025, 1, 1), "year", "2025")),
        ("04/01/2024", None),
        ("2024-13-01", None),
        ("2024-13", None),
        ("hier", None),
        (None, None),
        (True, None),
    ],
)  # fmt: skip
def test_read_date(value: Any, expected: When | None) -> None:
    assert read_date(value) == expected


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        ("2024-01-04", "fr", "4 janvier 2024"),
        ("2024-01-04", "en", "4 January 2024"),
        ("2024-03-01", "fr", "1er mars 2024"),
        ("2024-03-01", "fr_CA", "1er mars 2024"),
        ("2024-03-01", "en", "1 March 2024"),
        ("2025-03", "fr", "mars 2025"),
        ("2025-03", "en", "March 2025"),
        ("2025", "fr", "2025"),
        ("2024-01-04", "xx", "2024-01-04"),  # an unknown language: the ISO date
    ],
)
def test_date_label(value: str, language: str, expected: str) -> None:
    found = read_date(value)
    assert found is not None
    assert date_label(found, language) == expected


META = {"created": "2024-01-04", "lastModified": "2024-03-01", "updated": "2026-06-30"}


def dataset(
    build: Any, meta: dict[str, Any], conf: str = DEFAULT_CONF, builder: str = "html"
) -> Any:
    files = {
        "index.md": "# Jeu\n\n:::{dataset} jeu/schema.json\n:::\n",
        "jeu/schema.json": json.dumps({"fields": [{"name": "a"}]}),
        "jeu/datapackage.json": json.dumps({"resources": [], **meta}),
    }
    return build(files, buildername=builder, conf=conf)


def times(html: str) -> list[tuple[str, str]]:
    page = BeautifulSoup(html, "html.parser")
    return [(t["datetime"], t.get_text()) for t in page.select("article time")]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", ["30 juin 2026", "4 janvier 2024", "1er mars 2024"]),
        ("en", ["30 June 2026", "4 January 2024", "1 March 2024"]),
    ],
)
def test_dataset_dates_in_words_with_their_iso_value(
    build: Any, language: str, expected: list[str]
) -> None:
    conf = DEFAULT_CONF.replace('language = "fr"', f'language = "{language}"')
    built = dataset(build, META, conf)
    assert built.circ_warnings() == []
    found = times(built.read("index.html"))
    assert found == list(
        zip(["2026-06-30", "2024-01-04", "2024-03-01"], expected, strict=True)
    )


def test_other_outputs_show_the_words_alone(build: Any) -> None:
    built = dataset(build, META, NAMED_CONF, "text")
    text = built.read("index.txt")
    assert "4 janvier 2024" in text and "2024-01-04" not in text


def test_a_date_that_is_not_one_is_shown_as_written_with_a_warning(build: Any) -> None:
    built = dataset(build, {"created": "début 2024", "updated": "chaque lundi"})
    (warning,) = warnings_of(built, "dataset")
    assert "index.md:3" in warning
    assert "'created' is not a date: 'début 2024' is shown as written" in warning
    page = BeautifulSoup(built.read("index.html"), "html.parser")
    values = [
        dd.get_text(strip=True) for dd in page.select("dl.circ-dataset__metadata dd")
    ]
    # ``updated`` is sphinx-circ's own key: words are welcome there.
    assert "début 2024" in values and "chaque lundi" in values
    assert times(built.read("index.html")) == []


def test_inventory_months_keep_their_iso_value(build: Any) -> None:
    csv = "titre,statut,date\nDéchets,En cours,2026-03-15\nBruit,Fermé,2026-03\n"
    built = build(
        {
            "index.md": "# Inventaire\n\n:::{dataset-inventory} inventaire.csv\n:::\n",
            "inventaire.csv": csv,
        }
    )
    assert built.circ_warnings() == []
    found = times(built.read("index.html"))
    # In the table, then once in the calendar.
    assert found == [("2026-03", "mars 2026")] * 3
