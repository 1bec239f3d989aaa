"""Printed pages: the inventory and the field names reach the PDF, whole.

A reader prints the inventory to keep its calendar, a dataset page to work
from its fields. Each page is printed to an A4 PDF by Chromium (print media,
as the browser's print dialog does) and read back with ``pdftotext``
(poppler-utils): every cell of the inventory table and every field name of a
dataset page (its summary table and its field headings) must be there, as
many times as the screen shows it. Text is compared without its spacing, and
a cell wrapped over several lines is read down its column (see
``geometry_report.pdf_texts``). The print layout itself is then measured by
``tests/geometry.js`` at an A4 page's width, where nothing scrolls: a box that
cuts or scrolls loses what it does not show.

The first tests print small hand-written tables, one with a column left off
the printed page, to show the check catches it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import require, serve
from geometry_report import (
    PRINT,
    check,
    missing_from_pdf,
    open_tab,
    print_to_pdf,
    report,
)
from test_geometry_browser import FIXTURES, REAL

#: The pages with an inventory or a dataset block.
PRINTED_PAGES = [
    ("docs", "inventaire.html"),
    ("docs", "donnees/aires-de-livraison.html"),
    ("docs", "donnees/decheteries.html"),
    ("docs", "donnees/dechets-menagers.html"),
    ("docs", "donnees/filieres-rep.html"),
    (REAL, "index.html"),
]


@pytest.fixture(scope="module")
def printer(browser: Any) -> Iterator[Any]:
    require(shutil.which("pdftotext"), "pdftotext is not installed (poppler-utils)")
    tab = open_tab(browser, PRINT)
    yield tab
    tab.context.close()


def printed(
    printer: Any, url: str, pdf: Path, *, themed: bool = True
) -> tuple[list[dict[str, str]], list[dict[str, Any]]]:
    """What the page shows that must be printed, and what the PDF lacks of it."""
    needles = print_to_pdf(printer, url, pdf, themed=themed)
    return needles, missing_from_pdf(needles, pdf)


# -- The check on hand-written tables -------------------------------------------


@pytest.fixture(scope="module")
def fixtures() -> Iterator[str]:
    with serve(FIXTURES) as url:
        yield url


def test_a_whole_table_is_found_in_the_pdf(
    printer: Any, fixtures: str, tmp_path: Path
) -> None:
    url = f"{fixtures}print-table.html"
    needles, missing = printed(printer, url, tmp_path / "t.pdf", themed=False)
    assert len(needles) == 12  # three headers, three rows of three cells
    assert missing == []


def test_a_column_left_off_the_printed_page_is_reported(
    printer: Any, fixtures: str, tmp_path: Path
) -> None:
    url = f"{fixtures}print-missing-column.html"
    needles, missing = printed(printer, url, tmp_path / "t.pdf", themed=False)
    assert len(needles) == 12
    assert [(m["text"], m["shown"], m["printed"]) for m in missing] == [
        ("Publication estimée", 1, 0),
        ("mars 2025", 1, 0),
        ("juin 2025", 1, 0),
        ("septembre 2026", 1, 0),
    ]


def test_a_table_cut_by_its_scroll_box_on_paper_is_reported(
    printer: Any, fixtures: str, tmp_path: Path
) -> None:
    """On screen the box scrolls; on paper what it does not show is lost."""
    url = f"{fixtures}wide-table.html"
    print_to_pdf(printer, url, tmp_path / "t.pdf", themed=False)
    clipped = [
        p for p in check(printer, PRINT)["problems"] if p["kind"] == "text-clipped"
    ]
    assert {p["by"] for p in clipped} == {"div.table-box"}
    assert "mars 2025" in {p["text"] for p in clipped}


# -- The portal's printed pages -------------------------------------------------


@pytest.fixture(scope="module")
def sites(docs_site: Path, site_factory: Any) -> Iterator[dict[str, str]]:
    with serve(docs_site) as docs, serve(site_factory(REAL)) as real:
        yield {"docs": docs, REAL: real}


def page_id(case: tuple[str, str]) -> str:
    site, page = case
    return REAL if site == REAL else page.removesuffix(".html")


@pytest.mark.parametrize("case", PRINTED_PAGES, ids=page_id)
def test_printed_page(
    printer: Any, sites: dict[str, str], case: tuple[str, str], tmp_path: Path
) -> None:
    """Every cell and field name in the PDF, and nothing cut in the print layout."""
    site, page = case
    needles, missing = printed(printer, sites[site] + page, tmp_path / "page.pdf")
    assert needles, "nothing to look for: the page has no inventory or dataset"
    problems = missing + check(printer, PRINT)["problems"]
    if problems:
        found = [(page, PRINT, problem) for problem in problems]
        pytest.fail(
            f"{len(problems)} problems on the printed {site}/{page}:\n"
            + report(found, examples=8),
            pytrace=False,
        )
