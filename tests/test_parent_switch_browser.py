"""A pydata-sphinx-theme site switched to sphinx_circ keeps everything it had.

``tests/sites/kitchen-sink`` is a pydata-sphinx-theme site (every kind of
content, and the parent's features: version switcher, announcement, icon
links, sidebar collapse button, search). It is built as is and with
``-D html_theme=sphinx_circ``, the one line a switching site changes:
``sphinx_circ`` is not added to ``extensions`` (the theme's entry point
loads the extension; ``test_the_theme_alone_loads_the_extension`` checks
the pages are the same as with it).

Each feature is checked under both themes, so a check that the parent
itself fails shows as such. axe compares each page rule by rule: under
sphinx_circ no rule may fail that passes under pydata-sphinx-theme, and no
rule may fail on more elements.
"""

from __future__ import annotations

import re
import runpy
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    SITES,
    axe_violations,
    goto_in_mode,
    run_sphinx,
    serve,
    site_pages,
    strip_colors,
)

SITE = SITES / "kitchen-sink"
PARENT = "pydata_sphinx_theme"
THEMES = [PARENT, "sphinx_circ"]
#: A page with the section navigation in the primary sidebar.
INNER = "sink/lists.html"
#: The parent's own console error: with no ``default_mode``, its script reads
#: an empty ``data-mode`` (sphinx_circ sets one).
PARENT_ERRORS = ("Got invalid theme mode: . Resetting to auto.",)


def build(tmp: Path, *defines: str) -> tuple[Path, list[str]]:
    """Build the kitchen sink with *defines*; return the output and its warnings."""
    out = tmp / "html"
    args = [arg for define in defines for arg in ("-D", define)]
    result = run_sphinx(SITE, out, "-d", str(tmp / "doctrees"), *args)
    assert result.returncode == 0, strip_colors(result.stderr)
    warnings = [
        line.replace(str(SITE), "<site>")
        for line in strip_colors(result.stderr).splitlines()
        if re.search(r"\b(WARNING|ERROR|CRITICAL)\b", line)
    ]
    return out, warnings


@pytest.fixture(scope="module")
def builds(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[Path, list[str]]]:
    return {
        theme: build(tmp_path_factory.mktemp(theme), f"html_theme={theme}")
        for theme in THEMES
    }


@pytest.fixture(scope="module")
def urls(builds: dict[str, tuple[Path, list[str]]]) -> Iterator[dict[str, str]]:
    with serve(builds[PARENT][0]) as parent, serve(builds["sphinx_circ"][0]) as circ:
        yield {PARENT: parent, "sphinx_circ": circ}


class Tab:
    """A desktop tab that records console errors and uncaught exceptions."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", self._pageerror)

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(f"{self.path()}: {message.text}")

    def _pageerror(self, error: Any) -> None:
        self.errors.append(f"{self.path()}: {error}")

    def path(self) -> str:
        return "/" + self.page.url.split("/", 3)[-1]

    def check_errors(self, theme: str) -> None:
        assert unexpected(self.errors, theme) == []


def unexpected(errors: Iterable[str], theme: str) -> list[str]:
    """No error under sphinx_circ; none but its known one under the parent."""
    known = PARENT_ERRORS if theme == PARENT else ()
    return [error for error in errors if error.split(": ", 1)[1] not in known]


@pytest.fixture
def tab(browser: Any) -> Iterator[Tab]:
    opened = Tab(browser)
    yield opened
    opened.context.close()


def test_same_warnings(builds: dict[str, tuple[Path, list[str]]]) -> None:
    parent, circ = builds[PARENT][1], builds["sphinx_circ"][1]
    # The site warns on purpose (two broken references): the count is not 0.
    assert len(parent) == 2, "\n".join(parent)
    assert sorted(circ) == sorted(parent), (
        f"{PARENT}:\n" + "\n".join(parent) + "\nsphinx_circ:\n" + "\n".join(circ)
    )


def test_the_theme_alone_loads_the_extension(
    builds: dict[str, tuple[Path, list[str]]], tmp_path: Path
) -> None:
    """Adding ``sphinx_circ`` to ``extensions`` too changes no page."""
    alone = builds["sphinx_circ"][0]
    extensions = runpy.run_path(str(SITE / "conf.py"))["extensions"]
    assert "sphinx_circ" not in extensions
    both, _warnings = build(
        tmp_path,
        "html_theme=sphinx_circ",
        "extensions=" + ",".join([*extensions, "sphinx_circ"]),
    )
    assert "styles/sphinx-circ.css" in (alone / "index.html").read_text("utf-8")
    pages = site_pages(alone)
    assert pages == site_pages(both)
    differ = [
        page
        for page in pages
        if (alone / page).read_bytes() != (both / page).read_bytes()
    ]
    assert differ == []


@pytest.mark.browser
@pytest.mark.parametrize("theme", THEMES)
def test_version_switcher_opens_with_its_versions(
    tab: Tab, urls: dict[str, str], theme: str
) -> None:
    page = tab.page
    page.goto(f"{urls[theme]}{INNER}")
    button = page.locator("header .version-switcher__button").first
    # The script fills in the matching version's name from switcher.json.
    page.wait_for_function(
        "document.querySelector('.version-switcher__button')"
        ".dataset.activeVersion === '1.1'"
    )
    assert button.inner_text().strip() == "1.1 (stable)"
    button.click()
    menu = page.locator("header .version-switcher__menu").first
    menu.wait_for(state="visible")
    options = menu.get_by_role("option")
    assert options.all_inner_texts() == ["1.1 (stable)", "1.0", "dev"]
    assert options.first.get_attribute("href") == f"https://example.org/1.1/{INNER}"
    tab.check_errors(theme)


@pytest.mark.browser
@pytest.mark.parametrize("theme", THEMES)
def test_announcement_and_icon_links(
    tab: Tab, urls: dict[str, str], theme: str
) -> None:
    page = tab.page
    page.goto(f"{urls[theme]}index.html")
    banner = page.locator(".bd-header-announcement")
    assert banner.is_visible()
    assert banner.inner_text().strip() == "Version 1.1 is out: see what changed."
    header = page.locator("header")
    for name, href in [
        ("Source code", "https://example.org/kitchen-sink/"),
        ("Project home", "https://example.org/"),
    ]:
        link = header.get_by_role("link", name=name, exact=True).first
        assert link.is_visible(), name
        assert link.get_attribute("href") == href
    # The Font Awesome icon is drawn (an <i>, or the <svg> that Font Awesome's
    # script puts in its place under pydata-sphinx-theme 0.20, for one).
    link = header.get_by_role("link", name="Source code", exact=True).first
    icon = link.locator("i.fa-github, svg.fa-github").first
    assert icon.bounding_box()["width"] > 0
    tab.check_errors(theme)


@pytest.mark.browser
@pytest.mark.parametrize("theme", THEMES)
def test_collapse_button_hides_the_primary_sidebar(
    tab: Tab, urls: dict[str, str], theme: str
) -> None:
    page = tab.page
    page.emulate_media(reduced_motion="reduce")
    page.goto(f"{urls[theme]}{INNER}")
    sidebar = page.locator("#pst-primary-sidebar")
    assert sidebar.bounding_box()["width"] > 150
    assert page.is_visible("#pst-primary-sidebar nav.bd-docs-nav")
    button = page.locator("#pst-collapse-sidebar-button")
    assert button.get_attribute("aria-expanded") == "true"
    button.click()
    page.wait_for_function(
        "document.querySelector('#pst-collapse-sidebar-button')"
        ".getAttribute('aria-expanded') === 'false'"
    )
    page.wait_for_function("document.getAnimations().length === 0")
    assert sidebar.bounding_box()["width"] < 80
    # Collapsed, the sidebar shows only the button, to expand it again.
    assert button.is_visible()
    button.click()
    page.wait_for_function(
        "document.querySelector('#pst-collapse-sidebar-button')"
        ".getAttribute('aria-expanded') === 'true'"
    )
    assert sidebar.bounding_box()["width"] > 150
    tab.check_errors(theme)


@pytest.mark.browser
@pytest.mark.parametrize("theme", THEMES)
def test_search_opens_and_finds(tab: Tab, urls: dict[str, str], theme: str) -> None:
    page = tab.page
    page.goto(f"{urls[theme]}{INNER}")
    page.keyboard.press("Control+K")
    dialog = page.locator("#pst-search-dialog")
    dialog.wait_for(state="visible")
    field = dialog.locator("input[name=q]")
    assert field.evaluate("e => e === document.activeElement")
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    page.locator("header .search-button__button").first.click()
    dialog.wait_for(state="visible")
    field.fill("glossary")
    field.press("Enter")
    page.wait_for_url(re.compile(r"search\.html\?q=glossary"))
    results = page.locator("#search-results ul.search li")
    results.first.wait_for()
    titles = results.locator("a").all_inner_texts()
    assert "Inline markup and references" in titles
    tab.check_errors(theme)


Scan = dict[tuple[str, str, str], Counter[str]]


@pytest.fixture(scope="module")
def every_page(
    browser: Any, builds: dict[str, tuple[Path, list[str]]], urls: dict[str, str]
) -> tuple[Scan, dict[str, list[str]]]:
    """Every page in both modes: failing elements per axe rule, by (theme,
    mode, page), and the console errors, by theme."""
    counts: Scan = {}
    errors: dict[str, list[str]] = {}
    for theme in THEMES:
        opened = Tab(browser)
        for mode in ("light", "dark"):
            for path in site_pages(builds[theme][0]):
                goto_in_mode(opened.page, f"{urls[theme]}{path}", mode)
                counts[theme, mode, path] = Counter(
                    {v["id"]: len(v["nodes"]) for v in axe_violations(opened.page)}
                )
        opened.context.close()
        errors[theme] = opened.errors
    return counts, errors


@pytest.mark.browser
@pytest.mark.parametrize("theme", THEMES)
def test_no_console_error_on_any_page(
    every_page: tuple[Scan, dict[str, list[str]]], theme: str
) -> None:
    errors = set(every_page[1][theme])
    assert sorted(unexpected(errors, theme)) == []


@pytest.mark.browser
def test_axe_no_worse_than_the_parent(
    every_page: tuple[Scan, dict[str, list[str]]],
) -> None:
    counts = every_page[0]
    worse = {}
    for (theme, mode, path), found in counts.items():
        if theme == PARENT:
            continue
        parent = counts[PARENT, mode, path]
        extra = {
            rule: f"{count} elements (parent: {parent[rule]})"
            for rule, count in found.items()
            if count > parent[rule]
        }
        if extra:
            worse[f"{mode} {path}"] = extra
    assert worse == {}


@pytest.mark.browser
def test_every_control_is_named_by_its_text_under_sphinx_circ(
    every_page: tuple[Scan, dict[str, list[str]]],
) -> None:
    """The parent's version switcher and search button carry an English name
    without their visible text (WCAG 2.5.3); sphinx_circ's copies do not."""
    mismatched = {
        f"{mode} {path}": found["label-content-name-mismatch"]
        for (theme, mode, path), found in every_page[0].items()
        if theme == "sphinx_circ" and found["label-content-name-mismatch"]
    }
    assert mismatched == {}
