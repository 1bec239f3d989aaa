"""Every page of docs/, and a page of 207 real fields, measured in real Chromium.

``tests/geometry.js`` (its opening comment says what counts as a problem and
why) runs on each page at 320, 390, 768, 1024, 1280 and 1440px, in light and
dark mode, with JavaScript and without: nothing may scroll sideways, run over
other text, be cut off or spill out of its box, no word may break between two
letters, no table may hide behind a scroll on a desktop, and every button,
tab and control must be large enough to hit. A failure names the page and the
setting (``donnees/aires-de-livraison-1280-dark-nojs``) and lists the problems
grouped as ``python tests/geometry_report.py`` does for a whole site.

The first tests run the checker on small hand-written pages in
``test_geometry_browser/``, each with one defect, so that each check is shown
to catch what it is for, and on a page with none, so that it is shown not to
cry wolf.

Without JavaScript the theme cannot apply its dark mode (its script does), so
"dark" there is the browser's dark colour scheme over the light colours.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import DOCS, serve, site_pages
from geometry_report import (
    Setting,
    check,
    load,
    open_tab,
    report,
    settings,
)

FIXTURES = Path(__file__).with_name("test_geometry_browser")
#: The test site with the 207-field schema (``tests/sites/real-schema``).
REAL = "real-schema"


def docs_pages() -> list[str]:
    """The pages docs/ builds, from its sources (known before the build)."""
    sources = [
        path.relative_to(DOCS).with_suffix(".html").as_posix()
        for path in DOCS.rglob("*.md")
        if not {"_build", "snippets"} & set(path.relative_to(DOCS).parts)
    ]
    return sorted([*sources, "genindex.html", "search.html"])


SETTINGS = settings()
PAGES = [("docs", page) for page in docs_pages()] + [(REAL, "index.html")]
#: Setting first: one browser context per setting serves every page.
CASES = [(setting, site, page) for setting in SETTINGS for site, page in PAGES]


def case_id(case: tuple[Setting, str, str]) -> str:
    setting, site, page = case
    name = REAL if site == REAL else page.removesuffix(".html")
    return f"{name}-{setting.id}"


def problems_on(browser: Any, url: str, setting: Setting) -> list[dict[str, Any]]:
    """The checker's problems on one page (a context of its own)."""
    tab = open_tab(browser, setting)
    try:
        load(tab, url, setting, themed=False)
        problems: list[dict[str, Any]] = check(tab, setting)["problems"]
        return problems
    finally:
        tab.context.close()


def kinds(problems: list[dict[str, Any]]) -> set[str]:
    return {problem["kind"] for problem in problems}


def of_kind(problems: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [problem for problem in problems if problem["kind"] == kind]


# -- The checker on hand-written pages ----------------------------------------


@pytest.fixture(scope="module")
def fixtures() -> Iterator[str]:
    with serve(FIXTURES) as url:
        yield url


@pytest.mark.parametrize(
    "setting",
    [
        Setting(320),
        Setting(390, "dark", js=False),
        Setting(768),
        Setting(1024, js=False),
        Setting(1280, "dark"),
        Setting(1440),
    ],
    ids=lambda setting: setting.id,
)
def test_a_clean_page_has_no_problem(
    browser: Any, fixtures: str, setting: Setting
) -> None:
    """Hidden, transparent, truncated-with-ellipsis and scrolling text all pass.

    So do a skip link above the page and a drawer left of it, closed
    ``<details>`` and ``<dialog>``, a link in a sentence and a checkbox whose
    label makes the target large enough.
    """
    assert problems_on(browser, f"{fixtures}clean.html", setting) == []


@pytest.mark.parametrize("width", [390, 1280])
def test_overlapping_cells_are_reported(
    browser: Any, fixtures: str, width: int
) -> None:
    problems = problems_on(browser, f"{fixtures}overlap.html", Setting(width))
    overlaps = of_kind(problems, "text-overlap")
    assert overlaps, problems
    first = overlaps[0]
    assert first["text"] == "STATIONNEMENT_LOCALISATION"
    assert first["shape"] == ".summary td:nth-child(1) code"
    assert first["otherShape"] == ".summary td:nth-child(2)"
    assert first["otherText"] == "Localisation du stationnement"
    assert first["overlapX"] > 2 and first["overlapY"] > 10
    # The short identifier of the first row stays in its cell.
    assert all(problem["text"] != "ID" for problem in problems)
    spilled = of_kind(problems, "text-outside-box")
    assert "STATIONNEMENT_LOCALISATION" in [problem["text"] for problem in spilled]


def test_a_clipped_heading_is_reported_at_320(browser: Any, fixtures: str) -> None:
    url = f"{fixtures}clipped-heading.html"
    problems = problems_on(browser, url, Setting(320))
    assert kinds(problems) == {"text-clipped"}, problems
    (clipped,) = problems
    assert clipped["selector"] == "div.page-title h1"
    assert clipped["text"] == "Réutilisateurs"
    assert clipped["by"] == "div.page-title"
    assert clipped["cutX"] > 10
    # The same heading fits a desktop window.
    assert problems_on(browser, url, Setting(1280)) == []


def test_a_table_in_a_scroll_box_is_reported_on_a_desktop(
    browser: Any, fixtures: str
) -> None:
    url = f"{fixtures}wide-table.html"
    problems = problems_on(browser, url, Setting(1280))
    assert kinds(problems) == {"table-in-scroll-box"}, problems
    (table,) = problems
    assert table["shape"] == ".table-box .inventory"
    assert table["box"] == "div.table-box"
    assert table["text"] == "Inventaire"
    assert table["clientWidth"] == 640
    assert table["scrollWidth"] == 900
    # On a phone a table may scroll within its box.
    assert of_kind(problems_on(browser, url, Setting(390)), "table-in-scroll-box") == []


def test_a_page_that_scrolls_sideways_is_reported(browser: Any, fixtures: str) -> None:
    problems = problems_on(browser, f"{fixtures}sideways.html", Setting(390))
    (sideways,) = of_kind(problems, "page-scrolls-sideways")
    assert sideways["scroller"] == "html"
    assert sideways["clientWidth"] == 390
    assert sideways["scrollWidth"] > 700
    widest = {w["selector"]: w["right"] for w in sideways["widest"]}
    assert widest.keys() == {"div.banner", "code.url"}
    assert widest["div.banner"] == 716  # 16px of margin, then 700px
    assert widest["code.url"] > 700
    # The URL also spills out of its paragraph.
    (spilled,) = of_kind(problems, "text-outside-box")
    assert spilled["text"].startswith("https://carte.example.org/wp-content/")


def test_content_scrolling_sideways_in_its_own_box_is_reported(
    browser: Any, fixtures: str
) -> None:
    """The document keeps the window's width, but the reader still pans the text."""
    problems = problems_on(browser, f"{fixtures}sideways-box.html", Setting(320))
    (sideways,) = of_kind(problems, "page-scrolls-sideways")
    assert sideways["scroller"] == "div.page"
    assert sideways["clientWidth"] == 320 and sideways["scrollWidth"] > 330
    assert sideways["widest"][0]["selector"] == "div.page h1"
    assert sideways["widest"][0]["text"] == "Documentation des jeux de données"


def test_an_ellipsis_without_the_full_text_is_reported(
    browser: Any, fixtures: str
) -> None:
    """An ellipsis is fine only where the whole text can still be had."""
    url = f"{fixtures}ellipsis-hidden.html"
    (clipped,) = problems_on(browser, url, Setting(1280))
    assert clipped["kind"] == "text-clipped"
    assert clipped["by"] == "span.ellipsis"
    assert clipped["cutX"] > 100


def test_small_targets_are_reported(browser: Any, fixtures: str) -> None:
    url = f"{fixtures}small-targets.html"
    desktop = problems_on(browser, url, Setting(1280))
    assert [(p["selector"], p["width"], p["height"]) for p in desktop] == [
        ("button.close", 20, 20)
    ]
    assert desktop[0]["minimum"] == 24 and desktop[0]["text"] == "Fermer"
    # Below 768px a target needs 44px: the 32px link too (the one in a sentence is exempt).
    phone = problems_on(browser, url, Setting(390))
    assert [(p["selector"], p["minimum"]) for p in phone] == [
        ("button.close", 44),
        ("a.btn", 44),
    ]


def test_wrapped_tabs_are_reported(browser: Any, fixtures: str) -> None:
    url = f"{fixtures}tabs.html"
    (tabs,) = problems_on(browser, url, Setting(390))
    assert tabs["kind"] == "tabs-wrap"
    assert tabs["tabs"] == 5 and tabs["rows"] >= 2
    assert problems_on(browser, url, Setting(1280)) == []


def test_a_permalink_alone_on_its_line_is_reported(browser: Any, fixtures: str) -> None:
    (alone,) = problems_on(browser, f"{fixtures}permalink.html", Setting(1280))
    assert alone["kind"] == "permalink-alone"
    assert alone["selector"] == "h2#erreurs"
    assert alone["text"] == "Erreurs"


def test_a_word_broken_between_letters_is_reported(browser: Any, fixtures: str) -> None:
    problems = problems_on(browser, f"{fixtures}broken-word.html", Setting(390))
    (broken,) = of_kind(problems, "word-broken")
    assert broken["selector"] == "table tr:nth-child(1) th.narrow:nth-child(1)"
    assert broken["text"].replace("/", "") == "Obligatoire"
    assert "/" in broken["text"]


# -- Every page of the portal -------------------------------------------------


@pytest.fixture(scope="module")
def sites(docs_site: Path, site_factory: Any) -> Iterator[dict[str, str]]:
    with serve(docs_site) as docs, serve(site_factory(REAL)) as real:
        yield {"docs": docs, REAL: real}


def test_every_page_of_docs_is_checked(docs_site: Path) -> None:
    assert site_pages(docs_site) == docs_pages()


class Tabs:
    """One tab per setting, opened when the first page needs it, closed after the last."""

    def __init__(self, browser: Any) -> None:
        self.browser = browser
        self.setting: Setting | None = None
        self.tab: Any = None
        self.seconds: dict[str, float] = defaultdict(float)
        self.checker: dict[str, float] = defaultdict(float)
        self.slowest: tuple[float, str] = (0.0, "")
        self.views = 0

    def get(self, setting: Setting) -> Any:
        if setting != self.setting:
            self.close()
            self.tab = open_tab(self.browser, setting)
            self.setting = setting
        return self.tab

    def close(self) -> None:
        if self.tab is not None:
            self.tab.context.close()
            self.tab = None
            self.setting = None

    def record(self, name: str, setting: Setting, seconds: float, ms: float) -> None:
        self.views += 1
        self.seconds[setting.id] += seconds
        self.checker[setting.id] += ms / 1000
        self.slowest = max(self.slowest, (seconds, f"{name} at {setting.id}"))


@pytest.fixture(scope="module")
def tabs(browser: Any, figures: list[str]) -> Iterator[Tabs]:
    opened = Tabs(browser)
    yield opened
    opened.close()
    if opened.views:
        total = sum(opened.seconds.values())
        figures.append(
            f"geometry: {opened.views} page views in {total:.0f} s"
            f" ({total / opened.views * 1000:.0f} ms each, of which the checker"
            f" {sum(opened.checker.values()) / opened.views * 1000:.0f} ms);"
            f" slowest {opened.slowest[0]:.1f} s ({opened.slowest[1]})"
        )


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_page(
    case: tuple[Setting, str, str], sites: dict[str, str], tabs: Tabs
) -> None:
    setting, site, page = case
    tab = tabs.get(setting)
    started = time.perf_counter()
    load(tab, sites[site] + page, setting)
    result = check(tab, setting)
    seconds = time.perf_counter() - started
    tabs.record(f"{site}/{page}", setting, seconds, result["stats"]["ms"])
    problems = result["problems"]
    if problems:
        found = [(page, setting, problem) for problem in problems]
        pytest.fail(
            f"{len(problems)} problems on {site}/{page} at {setting.id}:\n"
            + report(found, examples=5),
            pytrace=False,
        )
