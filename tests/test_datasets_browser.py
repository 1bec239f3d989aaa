"""The largest real schema (207 fields) in a real browser: phone and desktop."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import (
    DEFAULT_CONF,
    axe_violations,
    goto_in_mode,
    require_shared,
    serve,
    sphinx_build,
)
from test_datasets_real import REAL_DATA

pytestmark = pytest.mark.shared

SCHEMA = "table-schemas/etalab_schema-indice-reparabilite/schema.json"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_shared(REAL_DATA)
    src = tmp_path_factory.mktemp("largest") / "src"
    src.mkdir()
    shutil.copy(REAL_DATA / SCHEMA, src / "schema.json")
    (src / "conf.py").write_text(DEFAULT_CONF, encoding="utf-8")
    (src / "index.md").write_text(
        "# Indice de réparabilité\n\n:::{dataset} schema.json\n:::\n", encoding="utf-8"
    )
    with serve(sphinx_build(src, src.parent / "html")) as url:
        yield url


@pytest.mark.parametrize("width", [390, 1280])
def test_no_horizontal_overflow(browser: Any, site: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{site}index.html")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    wide = page.eval_on_selector_all(
        ".circ-dataset__field, .circ-dataset__summary",
        f"els => els.filter(e => e.getBoundingClientRect().right > {width}).length",
    )
    assert wide == 0
    context.close()


def test_filter_narrows_fields_and_rows(page: Any, site: str) -> None:
    page.goto(f"{site}index.html")
    assert page.is_visible(".circ-dataset__filter")
    total = page.eval_on_selector_all(".circ-dataset__field", "els => els.length")
    assert total == 207
    page.fill(".circ-dataset__filter input", "DETACHEE")  # no accent: détachée
    shown = page.eval_on_selector_all(
        ".circ-dataset__field", "els => els.filter(e => !e.hidden).length"
    )
    rows = page.eval_on_selector_all(
        "tr.circ-dataset__row", "els => els.filter(e => !e.hidden).length"
    )
    assert 0 < shown < total and rows == shown
    assert f"sur {total}" in page.text_content(".circ-dataset__filter [role=status]")
    page.fill(".circ-dataset__filter input", "")
    assert (
        page.eval_on_selector_all(
            ".circ-dataset__field", "els => els.filter(e => !e.hidden).length"
        )
        == total
    )


def test_without_javascript_every_field_shows(browser: Any, site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}index.html")
    assert page.is_hidden(".circ-dataset__filter")
    visible = page.eval_on_selector_all(
        ".circ-dataset__field", "els => els.filter(e => e.checkVisibility()).length"
    )
    assert visible == 207
    context.close()


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_axe(page: Any, site: str, mode: str) -> None:
    goto_in_mode(page, f"{site}index.html", mode)
    assert axe_violations(page) == []


def test_a_value_is_copied_exactly_with_one_press(browser: Any, site: str) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{site}index.html")
    pattern = page.locator(".circ-dataset__field code.circ-copyable").first
    expected = pattern.text_content()
    button = page.locator("button.circ-copy").first
    assert button.text_content() == "Copier"
    assert button.get_attribute("aria-label") == f"Copier {expected}"
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert button.text_content() == "Copié"
    assert page.text_content("[role=status].circ-visually-hidden") == (
        f"Copié\u00a0: {expected}"
    )
    context.close()


def test_the_largest_schema_reads_from_its_contents(page: Any, site: str) -> None:
    """No title in this schema: the summary shows each description's first
    sentence; the letter index is in "On this page"."""
    page.goto(f"{site}index.html")
    titles = page.eval_on_selector_all(
        "table.circ-dataset__summary tbody tr td:nth-child(2) p",
        "ps => ps.map(p => p.textContent.trim())",
    )
    assert len(titles) == 207 and sum(1 for t in titles if t) > 200
    letters = page.eval_on_selector_all(
        "nav.page-toc a", "links => links.map(a => a.textContent.trim())"
    )
    assert {"D", "I", "N"} <= set(letters)
    page.click("nav.page-toc a:text-is('N')")
    assert page.evaluate("location.hash").startswith("#circ-dataset-")
