"""The header in a real browser: a long portal name and six menu entries.

``tests/sites/long-header`` has a 54-character name beside its logo and six
French top-level pages. From 1024px the name holds on one line and the menu on
one row of its own: every entry that fits, the rest under "Plus"; on a phone
the name takes up to three small lines beside the menu and search buttons,
and the menu opens in a panel that marks the reader's page and closes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import axe_violations, serve

TITLE = "Les données de l'économie circulaire en Île-de-France"
ENTRIES = [
    "Données ouvertes",
    "Inventaire des données",
    "Demander une donnée",
    "Questions fréquentes",
    "Guide de publication",
    "Réutilisations",
]

#: Where the header's parts are, and whether anything runs off the page.
GEOMETRY = """() => {
  const rect = s => document.querySelector(s).getBoundingClientRect().toJSON();
  const title = document.querySelector('.bd-header .logo__title');
  return {
    header: rect('.bd-header'),
    inner: rect('.bd-header__inner'),
    title: title.getBoundingClientRect().toJSON(),
    titleLine: parseFloat(getComputedStyle(title).lineHeight),
    titleCut: title.scrollWidth > title.clientWidth + 1,
    logo: rect('.bd-header .logo__image'),
    entries: [...document.querySelectorAll('.bd-header .circ-menu > ul > li')]
      .filter(li => li.checkVisibility())
      .map(li => ({...li.getBoundingClientRect().toJSON(), text: li.innerText.trim()})),
    scrollWidth: document.documentElement.scrollWidth,
  };
}"""


@pytest.fixture(scope="module")
def site(site_factory: Any) -> Iterator[str]:
    with serve(site_factory("long-header")) as url:
        yield url


def open_page(browser: Any, url: str, width: int) -> Any:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(url)
    return page


def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    """Whether two boxes share part of the same horizontal band."""
    return a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.mark.parametrize("width", [1024, 1280, 1440])
def test_wide_header_holds_on_two_rows(browser: Any, site: str, width: int) -> None:
    page = open_page(browser, site + "faq.html", width)
    try:
        box = page.evaluate(GEOMETRY)
        title = box["title"]
        # The name: one line, in full, beside its logo.
        assert title["height"] < 1.5 * box["titleLine"], title
        assert not box["titleCut"]
        assert page.inner_text(".bd-header .logo__title") == TITLE
        assert overlap(title, box["logo"])
        # Search and mode switch on the name's row, after it.
        for selector in (".search-button-field", ".theme-switch-button"):
            rect = page.eval_on_selector(
                f".bd-header .navbar-header-items__end {selector}",
                "e => e.getBoundingClientRect().toJSON()",
            )
            assert overlap(rect, title) and rect["left"] >= title["right"], selector
        # The menu: one row under the name, inside the header, nothing cut;
        # every entry that fits, in order, then "Plus" for the others.
        entries = box["entries"]
        texts = [entry["text"] for entry in entries]
        shown = [text for text in texts if text in ENTRIES]
        assert shown == ENTRIES[: len(shown)]
        if width >= 1280:
            assert shown == ENTRIES  # all six fit
        else:
            assert len(shown) >= 4 and texts[-1] == "Plus"
        tops = [entry["top"] for entry in entries]
        assert max(tops) - min(tops) < 4, tops  # one row (a second is 34px below)
        assert entries[0]["top"] >= title["bottom"]
        assert entries[-1]["right"] <= box["inner"]["right"]
        assert entries[-1]["bottom"] <= box["header"]["bottom"]
        assert box["scrollWidth"] == width
        # The sticky sidebar starts where the taller header ends.
        top = page.eval_on_selector(
            "#pst-primary-sidebar", "e => parseFloat(getComputedStyle(e).top)"
        )
        assert abs(top - box["header"]["height"]) <= 1
    finally:
        page.context.close()


def visible_entries(page: Any) -> list[str]:
    return [
        link.inner_text().strip()
        for link in page.locator(".bd-header .circ-menu > ul > li > a").all()
        if link.is_visible()
    ]


def test_what_does_not_fit_opens_from_more(browser: Any, site: str) -> None:
    page = open_page(browser, site + "index.html", 1024)
    try:
        visible = visible_entries(page)
        assert visible == ENTRIES[: len(visible)] and len(visible) < len(ENTRIES)
        button = page.get_by_role("button", name="Plus")
        assert button.get_attribute("aria-expanded") == "false"
        button.click()
        assert button.get_attribute("aria-expanded") == "true"
        menu = page.locator(".circ-menu__more-list a")
        shown = [link.inner_text() for link in menu.all() if link.is_visible()]
        assert shown == ENTRIES[len(visible) :]
        # Under its button, covering neither it nor the row, inside the page.
        panel = page.locator(".circ-menu__more-list").bounding_box()
        toggle = button.bounding_box()
        row = page.locator(".bd-header .circ-menu > ul").bounding_box()
        assert panel["y"] >= toggle["y"] + toggle["height"] - 1
        assert panel["y"] >= row["y"] + row["height"] - 1
        assert panel["x"] + panel["width"] <= 1024
        # Escape closes it and gives the focus back to its button.
        page.keyboard.press("Escape")
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.textContent.trim()") == "Plus"
        assert not page.locator(".circ-menu__more-list").is_visible()
        # Wider, the entries come back to the row; narrower, they leave it.
        page.set_viewport_size({"width": 1440, "height": 800})
        page.wait_for_function(
            "!document.querySelector('.circ-menu__more').checkVisibility()"
        )
        assert visible_entries(page) == ENTRIES
    finally:
        page.context.close()


def test_more_is_marked_when_it_holds_the_readers_page(browser: Any, site: str) -> None:
    page = open_page(browser, site + "reutilisations.html", 1024)
    try:
        assert "Réutilisations" not in visible_entries(page)
        toggle = page.locator(".circ-menu__toggle")
        assert "circ-menu__toggle--current" in toggle.get_attribute("class")
        # Underlined like a current entry, in the portal's colour.
        line = page.eval_on_selector(
            ".circ-menu__toggle",
            "e => getComputedStyle(e, '::before').borderBottomWidth",
        )
        assert line == "3px"
        toggle.click()
        current = page.locator(".circ-menu__more-list a[aria-current=page]")
        assert current.inner_text() == "Réutilisations" and current.is_visible()
    finally:
        page.context.close()


@pytest.mark.parametrize("width", [1280, 1024, 390])
def test_without_javascript_every_entry_is_a_link(
    browser: Any, site: str, width: int
) -> None:
    """Without script nothing can open: every entry is on the header's rows,
    at every width, and no button that would do nothing is shown."""
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    try:
        page.goto(site + "faq.html")
        links = page.locator(".bd-header .circ-menu a.nav-link")
        assert links.all_inner_texts() == ENTRIES
        for link in links.all():
            assert link.is_visible()
        assert page.locator(".bd-header .circ-menu__toggle").is_hidden()
        assert page.locator(".bd-header .sidebar-toggle").is_hidden()
        current = page.locator(".bd-header .circ-menu > ul > li > a[aria-current]")
        assert current.inner_text() == "Questions fréquentes"
        assert current.get_attribute("aria-current") == "page"
        box = page.evaluate(GEOMETRY)
        assert box["scrollWidth"] == width
    finally:
        context.close()


@pytest.mark.parametrize("width", [390, 320])
def test_phone_header_fits(browser: Any, site: str, width: int) -> None:
    page = open_page(browser, site + "faq.html", width)
    try:
        box = page.evaluate(GEOMETRY)
        assert box["scrollWidth"] == width  # no sideways scrolling
        title = box["title"]
        # The name stays inside the header, on at most three lines, and
        # clear of the search button.
        assert title["top"] >= box["header"]["top"]
        assert title["bottom"] <= box["header"]["bottom"]
        assert title["height"] <= 3.5 * box["titleLine"]
        search = page.eval_on_selector(
            ".navbar-persistent--mobile .search-button-field",
            "e => e.getBoundingClientRect().toJSON()",
        )
        assert title["right"] <= search["left"]
        # The menu button opens every entry, the reader's page marked, and a
        # button closes it again.
        page.get_by_role("button", name="Navigation dans le site").click()
        drawer = page.locator("#pst-primary-sidebar-modal .circ-menu a.nav-link")
        drawer.first.wait_for()
        texts = [text.strip() for text in drawer.all_inner_texts()]
        assert texts == ENTRIES
        current = page.locator("#pst-primary-sidebar-modal a[aria-current=page]")
        assert current.inner_text().strip() == "Questions fréquentes"
        assert current.evaluate("e => getComputedStyle(e).fontWeight") == "600"
        close = page.get_by_role("button", name="Fermer le menu")
        assert close.is_visible()
        close.click()
        page.wait_for_function(
            "!document.querySelector('#pst-primary-sidebar-modal').open"
        )
    finally:
        page.context.close()


@pytest.mark.parametrize("width", [1024, 390])
def test_header_axe(browser: Any, site: str, width: int) -> None:
    page = open_page(browser, site + "faq.html", width)
    try:
        page.wait_for_function("document.getAnimations().length === 0")
        assert axe_violations(page) == []
    finally:
        page.context.close()


def test_without_a_menu_the_sidebar_follows_the_one_row_header(
    browser: Any, site_factory: Any
) -> None:
    with serve(
        site_factory("long-header", **{"html_theme_options.navbar_center": ""})
    ) as url:
        page = open_page(browser, url + "faq.html", 1280)
        try:
            assert page.locator(".navbar-header-items__center").count() == 0
            header = page.eval_on_selector(
                ".bd-header", "e => e.getBoundingClientRect().height"
            )
            top = page.eval_on_selector(
                "#pst-primary-sidebar", "e => parseFloat(getComputedStyle(e).top)"
            )
            # pydata's own offset (4rem + 1rem), not the two-row one (36px more).
            assert 0 <= top - header <= 8.5, (top, header)
        finally:
            page.context.close()


def test_mode_switch_is_a_keyboard_disclosure(browser: Any, site: str) -> None:
    """The mode switch opens and closes without Bootstrap (not loaded on the
    page), says which mode is on, and gives the focus back."""
    page = open_page(browser, site + "faq.html", 1280)
    try:
        assert page.evaluate("typeof window.bootstrap") == "undefined"
        toggle = page.locator(".bd-header .theme-switch-button")
        listbox = page.locator("#" + toggle.get_attribute("aria-controls"))
        toggle.focus()
        page.keyboard.press("Enter")
        assert toggle.get_attribute("aria-expanded") == "true"
        assert listbox.is_visible()
        page.keyboard.press("Escape")
        assert toggle.get_attribute("aria-expanded") == "false"
        assert not listbox.is_visible()
        assert page.evaluate("document.activeElement.matches('.theme-switch-button')")
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")  # auto, light, dark
        page.keyboard.press("Enter")
        assert page.evaluate("document.documentElement.dataset.mode") == "dark"
        assert not listbox.is_visible()
        dark = listbox.locator("[data-mode=dark]")
        assert dark.get_attribute("aria-pressed") == "true"
        assert (
            listbox.locator("[data-mode=light]").get_attribute("aria-pressed")
            == "false"
        )
        # A click elsewhere closes it.
        toggle.click()
        assert listbox.is_visible()
        page.mouse.click(5, 700)
        assert not listbox.is_visible()
    finally:
        page.context.close()
