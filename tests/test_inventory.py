"""The ``dataset-inventory`` block: table, counts, calendar, and bad rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import OTHER_OUTPUTS, other_output, snapshot, warnings_of

CSV = """titre,url,organisation,description,systeme,statut,date
Collecte des déchets,https://www.data.gouv.fr/fr/datasets/,Agence A,"Tonnages, par commune",SINOE,Ouvert,2025-03-01
Filières REP,,Ministère,Bilans annuels,Base REP,En cours d'ouverture,2026-09
Déchèteries,,Région,Localisation,SIG,En cours d'ouverture,2026-09-15
Compostage,,Agence A,Sites,Tableur,Consultable uniquement,2027-01
Marchés durables,,Ministère,Clauses,Achats,Fermé,
Réemploi,,Région,Recycleries,Tableur,Ouvert,2024-11
"""

PAGE = "# Inventaire\n\n:::{dataset-inventory} inventaire.csv\n:::\n\nFin.\n"


def html(built) -> BeautifulSoup:
    return BeautifulSoup(built.read("index.html"), "html.parser")


def test_inventory_doctree(build, file_regression) -> None:
    built = build({"index.md": PAGE, "inventaire.csv": CSV})
    assert built.warnings == ""
    file_regression.check(snapshot(built), extension=".xml")


def test_table_counts_and_calendar(build) -> None:
    built = build({"index.md": PAGE, "inventaire.csv": CSV})
    page = html(built)
    rows = page.select("table.circ-inventory__table tbody tr")
    assert len(rows) == 6
    headers = [th.get_text(strip=True) for th in page.select("table thead th")]
    for row in rows:
        labels = [
            label.extract().get_text() for label in row.select(".circ-cell-label")
        ]
        assert labels == headers
    first = [td.get_text(" ", strip=True) for td in rows[0].select("td")]
    assert first == [
        "Collecte des déchets",
        "Agence A",
        "Tonnages, par commune",
        "SINOE",
        "Ouvert",
        "mars 2025",
    ]
    assert rows[0].select_one("a")["href"] == "https://www.data.gouv.fr/fr/datasets/"
    assert (
        rows[1].select_one(".circ-badge--in-progress").get_text()
        == "En cours d’ouverture"
    )
    counts = [
        li.get_text(" ", strip=True) for li in page.select(".circ-inventory__counts li")
    ]
    assert counts == [
        "Ouvert 2",
        "En cours d’ouverture 2",
        "Consultable uniquement 1",
        "Fermé 1",
    ]
    calendar = page.select_one("dl.circ-inventory__calendar")
    months = [dt.get_text(strip=True) for dt in calendar.select("dt")]
    assert months == ["septembre 2026", "janvier 2027"]
    september = calendar.select("dd")[0].get_text(" ", strip=True)
    assert (
        "Filières REP (Ministère)" in september and "Déchèteries (Région)" in september
    )
    heading = page.select_one(".circ-inventory__calendar-title")
    assert heading.name == "h2"
    # The controls wait, hidden, for the script; labels are translated.
    controls = page.select_one(".circ-inventory__controls")
    assert controls.has_attr("hidden")
    label = controls.select_one("label")
    assert label.get_text() == "Filtrer l’inventaire"
    assert controls.find(id=label["for"])["type"] == "search"
    assert [b["data-circ-status"] for b in controls.select("button")] == [
        "open",
        "in-progress",
        "read-only",
        "closed",
    ]
    assert controls.select_one("[role=status]") is not None
    assert "Fin." in page.get_text()


def test_semicolon_csv_and_english_headers(build) -> None:
    csv = "title;status;date\nA;Open;2026-01\nB;closed;01/2026\n"
    built = build({"index.md": PAGE, "inventaire.csv": csv})
    assert built.warnings == ""
    assert len(html(built).select("table.circ-inventory__table tbody tr")) == 2


def test_script_is_loaded_only_where_needed(build) -> None:
    built = build(
        {
            "index.md": PAGE + "\n```{toctree}\nautre\n```\n",
            "inventaire.csv": CSV,
            "autre.md": "# Autre\n",
        }
    )
    assert "circ-inventory.js" in built.read("index.html")
    assert "circ-inventory.js" not in built.read("autre.html")
    assert "circ-personas.js" not in built.read("index.html")


@pytest.mark.parametrize(
    ("builder", "output"),
    OTHER_OUTPUTS,
)
def test_other_outputs(build, builder: str, output: str) -> None:
    text = other_output(
        build, {"index.md": PAGE, "inventaire.csv": CSV}, builder, output
    )
    for expected in (
        "Compostage",
        "Marchés durables",
        "Consultable uniquement",
        "septembre 2026",
    ):
        assert expected in text, (builder, expected)
    assert "Filtrer" not in text  # the controls are HTML only


# -- bad rows --------------------------------------------------------------------


def test_bad_rows_are_located_and_kept(build) -> None:
    csv = (
        "titre,statut,date\n"
        "Bon,Ouvert,2026-01\n"
        "Statut inconnu,Peut-être,2026-01\n"
        "Date illisible,Ouvert,le mois prochain\n"
        ",Fermé,2026-02\n"
    )
    built = build({"index.md": PAGE, "inventaire.csv": csv})
    warnings = warnings_of(built, "inventory")
    assert len(warnings) == 3
    assert all(
        "index.md:3: WARNING: inventory 'inventaire.csv', line" in w for w in warnings
    )
    assert "line 3: unknown status 'Peut-être'" in warnings[0]
    assert "line 4: cannot read the date 'le mois prochain'" in warnings[1]
    assert "line 5: row without a title" in warnings[2]
    rows = html(built).select("table.circ-inventory__table tbody tr")
    assert len(rows) == 4
    assert (
        "Peut-être" in rows[1].get_text() and "le mois prochain" in rows[2].get_text()
    )


def test_multiline_cells_keep_line_numbers(build) -> None:
    csv = 'titre,statut\n"Sur\ndeux lignes",Ouvert\nSuivant,Bizarre\n'
    built = build({"index.md": PAGE, "inventaire.csv": csv})
    (warning,) = warnings_of(built, "inventory")
    assert "line 4: unknown status 'Bizarre'" in warning


def test_missing_file(build) -> None:
    built = build({"index.md": PAGE})
    (warning,) = warnings_of(built, "inventory")
    assert "index.md:3: WARNING: inventory file 'inventaire.csv' not found" in warning
    assert "L’inventaire n’a pas pu être lu." in built.read("index.html")


def test_undecodable_file(build, tmp_path: Path) -> None:
    (tmp_path / "src").mkdir(parents=True, exist_ok=True)
    (tmp_path / "src" / "inventaire.csv").write_bytes(
        "titre,statut\nDéchets,Ouvert\n".encode("cp1252")
    )
    built = build({"index.md": PAGE})
    (warning,) = warnings_of(built, "inventory")
    assert "save it as UTF-8" in warning


def test_unsafe_url_is_dropped(build) -> None:
    csv = "titre,url,statut\nPiège,javascript:alert(1),Ouvert\n"
    built = build({"index.md": PAGE, "inventaire.csv": csv})
    (warning,) = warnings_of(built, "inventory")
    assert "unsafe URL" in warning
    assert "javascript:" not in built.read("index.html")
