"""The landing page in a real browser: full-width bands, responsive columns, axe."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from conftest import axe_violations, goto_in_mode


def box(page: Any, selector: str) -> dict[str, float]:
    return page.eval_on_selector(selector, "e => e.getBoundingClientRect().toJSON()")


def test_hero_and_bands_span_the_viewport(page: Any, docs_url: str) -> None:
    page.goto(f"{docs_url}index.html")
    width = page.evaluate("document.documentElement.clientWidth")
    for selector in (
        ".circ-hero",
        "section.circ-section--color",
        "section.circ-section--grey",
    ):
        rect = box(page, selector)
        assert rect["x"] == 0 and rect["width"] == width, selector
    # Their content stays in a centred frame of at most 1200px, on the
    # header's left edge (and the footer's).
    heading = box(page, "section.circ-section--color > h2")
    assert heading["width"] <= 1200
    assert abs(heading["x"] - (width - heading["x"] - heading["width"])) < 2
    for edge in (".bd-header .navbar-brand", ".bd-footer .footer-item"):
        assert abs(box(page, edge)["x"] - heading["x"]) < 1, edge
    # Running text keeps a readable measure: 60 to 85 characters a line.
    paragraph = box(page, "section.circ-section--color > p")
    assert paragraph["x"] == heading["x"]
    per_line = page.eval_on_selector(
        "section.circ-section--color > p",
        """p => {
          const range = document.createRange();
          range.selectNodeContents(p);
          const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
          return p.textContent.length / lines.size;
        }""",
    )
    assert 60 <= per_line <= 85, per_line
    assert (
        page.is_hidden("#pst-secondary-sidebar")
        if page.query_selector("#pst-secondary-sidebar")
        else True
    )


def test_columns_stack_on_small_screens(page: Any, docs_url: str) -> None:
    page.goto(f"{docs_url}index.html")
    columns = "section.circ-section--grey .sd-col"
    tops = page.eval_on_selector_all(
        columns, "cs => cs.map(c => c.getBoundingClientRect().top)"
    )
    assert len(set(tops)) == 1  # side by side
    page.set_viewport_size({"width": 375, "height": 800})
    tops = page.eval_on_selector_all(
        columns, "cs => cs.map(c => c.getBoundingClientRect().top)"
    )
    assert tops == sorted(tops) and len(set(tops)) == 3  # stacked
    # Nothing runs off the side of a phone screen.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_button_colours_and_focus(page: Any, docs_url: str) -> None:
    page.goto(f"{docs_url}index.html")
    styles = page.eval_on_selector(
        "section.circ-section--grey a.circ-button",
        "a => [getComputedStyle(a).backgroundColor, getComputedStyle(a).color, getComputedStyle(a).borderRadius]",
    )
    assert styles == ["rgb(0, 83, 179)", "rgb(255, 255, 255)", "3px"]
    outline = page.eval_on_selector(
        "section.circ-section--color a.circ-button",
        "a => [getComputedStyle(a).backgroundColor, getComputedStyle(a).borderColor]",
    )
    assert outline == ["rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"]
    page.keyboard.press("Tab")
    for _ in range(40):
        if page.evaluate("document.activeElement.classList.contains('circ-button')"):
            break
        page.keyboard.press("Tab")
    style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert style == "solid"


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "guide/section.html",
        "guide/button.html",
        "inventaire.html",
        "demande.html",
        "donnees/dechets-menagers.html",
        "guide/theme.html",
    ],
)
def test_axe(page: Any, docs_url: str, path: str, mode: str) -> None:
    goto_in_mode(page, f"{docs_url}{path}", mode)
    assert axe_violations(page) == []


def test_spacing_is_the_same_in_both_modes(page: Any, docs_url: str) -> None:
    page.goto(f"{docs_url}index.html")
    measure = """() => [
        getComputedStyle(document.querySelector('section.circ-section--grey')).paddingTop,
        getComputedStyle(document.querySelector('a.circ-button')).paddingLeft,
        getComputedStyle(document.querySelector('a.circ-button')).borderRadius]"""
    light = page.evaluate(measure)
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    assert page.evaluate(measure) == light
    assert light[0] != "0px" and light[1] != "0px"


@pytest.mark.parametrize("width", [375, 800, 1280])
def test_search_button_is_named_at_every_width(
    browser: Any, docs_url: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    tab.goto(f"{docs_url}index.html")
    names = tab.eval_on_selector_all(
        ".search-button-field",
        "bs => bs.filter(b => b.checkVisibility()).map(b => b.innerText.trim())",
    )
    assert names and all(name.startswith("Recherche") for name in names)
    assert axe_violations(tab) == []
    context.close()


def test_no_empty_section_navigation(page: Any, docs_url: str) -> None:
    """A page without children shows no navigation heading over nothing."""
    page.goto(f"{docs_url}demande.html")
    assert page.eval_on_selector_all(".bd-docs-nav li", "els => els.length") == 0
    assert page.is_hidden(".bd-docs-nav")
    page.goto(f"{docs_url}guide/hero.html")
    assert page.is_visible(".bd-docs-nav")


#: Font sizes of the hero's title and of every other heading on the page.
HEADING_SIZES = """() => {
  const size = e => parseFloat(getComputedStyle(e).fontSize);
  const hero = document.querySelector('.circ-hero h1');
  const others = [...document.querySelectorAll('h1, h2, h3')].filter(h => h !== hero);
  return {hero: size(hero), others: Math.max(...others.map(size))};
}"""


@pytest.mark.parametrize("width", [320, 390, 768, 1024, 1280, 1440])
def test_the_hero_title_is_the_largest_heading(
    browser: Any, docs_url: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{docs_url}index.html")
        sizes = page.evaluate(HEADING_SIZES)
        assert sizes["hero"] > sizes["others"], sizes
        # A page's headings shrink on a phone and hyphenate its language.
        page.goto(f"{docs_url}faq/reutilisateur.html")
        h1 = page.eval_on_selector(
            "h1",
            "h => [parseFloat(getComputedStyle(h).fontSize), getComputedStyle(h).hyphens]",
        )
        assert h1[1] == "auto"
        assert (h1[0] <= 28) if width <= 390 else (h1[0] >= 32), h1
    finally:
        context.close()


def test_bands_keep_their_padding_and_grids_their_edge(
    page: Any, docs_url: str
) -> None:
    page.goto(f"{docs_url}index.html")
    bands = page.eval_on_selector_all(
        "section.circ-section, div.circ-section",
        "bs => bs.map(b => [b.className, parseFloat(getComputedStyle(b).paddingTop)])",
    )
    # Every band after a band of another style keeps its top padding.
    for (before, _), (name, top) in itertools.pairwise(bands):
        if before.split()[-1] != name.split()[-1]:
            assert top > 0, (before, name)
    # A grid's first column starts on its heading's edge.
    heading = box(page, "section.circ-section--grey > h2")
    first = box(page, "section.circ-section--grey .sd-col p")
    assert abs(first["x"] - heading["x"]) < 1
