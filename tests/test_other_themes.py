"""The blocks under other themes: styled, accessible, their no-JS parts hidden.

The site ``tests/sites/hosts`` (every block) is built under each theme with
``-D html_theme=…``; the blocks' stylesheets come from the extension, with
tokens mapped to the host theme's own variables (``circ-tokens.css``).
Every theme is a prerequisite (a missing one fails in CI). sphinx-book-theme
pins an older pydata-sphinx-theme than sphinx-circ's: its tests are marked
``book`` and run in an environment of their own (``tox -e book``; see
``BOOK_THEME`` in conftest.py).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import axe_violations, require, serve

THEMES = [
    "furo",
    "alabaster",
    "sphinx_rtd_theme",
    "pydata_sphinx_theme",
    pytest.param("sphinx_book_theme", marks=pytest.mark.book),
]


def require_theme(name: str) -> None:
    found = importlib.util.find_spec(name) is not None
    require(found, f"{name} is not installed (pip install -e '.[test]')")


#: What axe scans: sphinx-circ's blocks, not the host theme's own chrome.
BLOCKS = ".circ-section, .circ-personas, .circ-dataset, .circ-request, .circ-buttons"


@pytest.fixture(scope="module", params=THEMES)
def hosted(request: Any, site_factory: Any) -> Iterator[tuple[str, Any]]:
    require_theme(request.param)
    out = site_factory("hosts", html_theme=request.param)
    with serve(out) as url:
        yield url, out


def links(out: Any, page: str) -> list[str]:
    soup = BeautifulSoup((out / page).read_text(encoding="utf-8"), "html.parser")
    return [link["href"].split("?")[0] for link in soup.select("link[rel=stylesheet]")]


def test_each_page_links_the_styles_of_its_blocks(hosted: tuple[str, Any]) -> None:
    _url, out = hosted
    index = links(out, "index.html")
    assert "_static/styles/circ-tokens.css" in index
    assert "_static/styles/circ-bands.css" in index
    assert "_static/styles/circ-personas.css" not in index
    assert not any("sphinx-circ.css" in href for href in index)  # the theme's own
    assert "../_static/styles/circ-personas.css" in links(out, "faq/index.html")
    assert "_static/styles/circ-data.css" in links(out, "donnees.html")
    # The order: tokens, shared rules, then the family.
    assert (
        index.index("_static/styles/circ-tokens.css")
        < index.index("_static/styles/circ-base.css")
        < index.index("_static/styles/circ-bands.css")
    )


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_blocks_look_right_and_pass_axe(
    browser: Any, hosted: tuple[str, Any], mode: str
) -> None:
    url, _out = hosted
    context = browser.new_context(
        viewport={"width": 1024, "height": 900}, color_scheme=mode
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{url}index.html")
    band = page.eval_on_selector(
        ".circ-section--color", "e => getComputedStyle(e).backgroundImage"
    )
    assert "gradient" in band
    button = page.eval_on_selector(
        "a.circ-button", "e => getComputedStyle(e).backgroundColor"
    )
    assert button not in ("rgba(0, 0, 0, 0)", "transparent")
    assert axe_violations(page, BLOCKS) == []
    page.goto(f"{url}faq/index.html")
    assert page.is_visible("[role=tablist]")
    assert page.is_hidden(".circ-personas__links")  # the no-JS list, under any theme
    assert axe_violations(page, BLOCKS) == []
    page.goto(f"{url}donnees.html")
    assert page.is_visible(".circ-dataset__filter")
    assert axe_violations(page, BLOCKS) == []
    context.close()
    assert errors == []


def test_without_javascript_every_panel_shows(
    browser: Any, hosted: tuple[str, Any]
) -> None:
    url, _out = hosted
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{url}faq/index.html")
    assert page.is_visible(".circ-personas__links")
    assert page.is_hidden("[role=tablist]")
    shown = page.eval_on_selector_all(
        ".circ-persona", "ps => ps.filter(p => p.checkVisibility()).length"
    )
    assert shown == 3
    context.close()


#: Where each theme draws its sidebars (navigation, search, brand).
SIDEBARS = {
    "furo": ".sidebar-drawer",
    "alabaster": ".sphinxsidebar",
    "sphinx_rtd_theme": ".wy-nav-side",
    "pydata_sphinx_theme": ".bd-sidebar-primary",
    "sphinx_book_theme": ".bd-sidebar-primary",
}
LANDING_SITE = {
    "index.md": "# Accueil\n\n```{toctree}\naccueil\npage\n```\n",
    "accueil.md": "---\nlayout: landing\n---\n\n# Bienvenue\n\nTexte.\n",
    "page.md": "# Une page\n\nTexte.\n",
}


@pytest.mark.parametrize("theme", THEMES)
def test_a_landing_page_keeps_the_host_theme_sidebars(build, theme: str) -> None:
    """``layout: landing`` widens pages of the sphinx_circ theme only: under
    another theme its sidebars (brand, search, navigation) stay."""
    require_theme(theme)
    built = build(
        LANDING_SITE,
        conf='extensions = ["sphinx_circ"]\nlanguage = "fr"\n',
        confoverrides={"html_theme": theme},
    )

    def sidebar_links(page: str) -> list[str]:
        soup = BeautifulSoup(built.read(page), "html.parser")
        sidebar = soup.select_one(SIDEBARS[theme])
        assert sidebar is not None, page
        return [a.get_text(strip=True) for a in sidebar.select("a")]

    # The navigation to every page, as on any other page of the site.
    for page in ("page.html", "accueil.html"):
        assert {"Bienvenue", "Une page"} <= set(sidebar_links(page)), page
