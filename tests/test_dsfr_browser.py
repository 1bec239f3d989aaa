"""The DSFR theme in real Chromium: axe-core on every page in light and dark,
with and without JavaScript; the geometric suite (tests/geometry.js) from 320
to 1440px, with and without JavaScript, and in print; the display settings'
dialog; the phone menu; a strict Content-Security-Policy; the inventory's
filter and the request form, drawn with the DSFR's components.

The site is ``tests/sites/dsfr``; docs/ under the theme is scanned by axe too
(``slow``: one more build of docs/).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import axe_violations, serve, site_pages
from geometry_report import check, check_print, load, open_tab, report, settings
from test_docs_browser import STRICT_CSP, csp_reports, fulfill, without_javascript

SITE = "dsfr"
#: Without JavaScript the page is light whatever the browser prefers: the
#: geometry of "dark, no JavaScript" is that of "light, no JavaScript".
SETTINGS = [s for s in settings() if s.js or s.mode == "light"]
DSFR = ("-D", "html_theme=sphinx_circ_dsfr")


@pytest.fixture(scope="module")
def site(site_factory: Any) -> Path:
    return Path(site_factory(SITE))


@pytest.fixture(scope="module")
def url(site: Path) -> Iterator[str]:
    with serve(site) as found:
        yield found


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


def goto_scheme(tab: Any, address: str, scheme: str) -> None:
    """Open *address* with the reader's display setting chosen beforehand (the
    DSFR keeps it as ``scheme`` in local storage), unless the reader changed it."""
    tab.add_init_script(
        f"localStorage.getItem('scheme') || localStorage.setItem('scheme', '{scheme}');"
    )
    tab.goto(address)
    tab.wait_for_function(
        f"document.documentElement.getAttribute('data-fr-theme') === '{scheme}'"
        " && document.documentElement.hasAttribute('data-fr-js')"
    )
    tab.wait_for_function("document.getAnimations().length === 0")


def axe_every_page(context: Any, base: str, pages: list[str], scheme: str) -> None:
    tab = context.new_page()
    failures: dict[str, Any] = {}
    for page in pages:
        goto_scheme(tab, f"{base}{page}", scheme)
        if violations := axe_violations(tab):
            failures[page] = violations
        tabs = tab.locator(".circ-personas [role=tab]")
        for index in range(1, tabs.count()):
            tabs.nth(index).click()
            if violations := axe_violations(tab):
                failures[f"{page} tab {index}"] = violations
    assert failures == {}, "\n".join(f"{k}: {v}" for k, v in failures.items())


# -- Accessibility ----------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_every_page(context: Any, site: Path, url: str, scheme: str) -> None:
    axe_every_page(context, url, site_pages(site), scheme)


def test_axe_every_page_without_javascript(browser: Any, site: Path, url: str) -> None:
    """Without JavaScript the DSFR draws the light scheme whatever the
    browser's preference (its dark scheme is applied by its script): one pass."""
    scheme = "dark"
    failures: dict[str, Any] = {}
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    for page in site_pages(site):
        address = f"{url}{page}"
        markup = without_javascript(browser, address, scheme)
        context.unroute("**")
        context.route(address, functools.partial(fulfill, body=markup))
        tab.goto(address)
        if violations := axe_violations(tab):
            failures[page] = violations
    context.close()
    assert failures == {}, "\n".join(f"{k}: {v}" for k, v in failures.items())


@pytest.fixture(scope="module")
def docs_dsfr(docs_build: Any) -> Iterator[tuple[Path, str]]:
    out, _ = docs_build("html", *DSFR)
    with serve(out) as found:
        yield out, found


@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_every_page_of_docs_under_the_theme(
    context: Any, docs_dsfr: tuple[Path, str], scheme: str
) -> None:
    out, base = docs_dsfr
    axe_every_page(context, base, site_pages(out), scheme)


# -- Behaviour ----------------------------------------------------------------------


def test_the_display_dialog_switches_the_scheme(context: Any, url: str) -> None:
    tab = context.new_page()
    goto_scheme(tab, f"{url}donnees/energie.html", "light")
    tab.locator(".fr-header__tools .circ-dsfr-display-button").click()
    dialog = tab.locator("#fr-theme-modal")
    dialog.wait_for(state="visible")
    tab.locator("label[for=fr-radios-theme-dark]").click()
    tab.wait_for_function(
        "document.documentElement.getAttribute('data-fr-theme') === 'dark'"
    )
    assert tab.evaluate("localStorage.getItem('scheme')") == "dark"
    # The next page opens dark before its first paint (circ-dsfr-scheme.js).
    tab.goto(f"{url}index.html", wait_until="commit")
    tab.wait_for_selector("body", state="attached")
    assert tab.evaluate("document.documentElement.getAttribute('data-fr-theme')") == (
        "dark"
    )


def test_the_phone_menu_opens(browser: Any, url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto(f"{url}donnees/energie.html")
    tab.wait_for_function("document.documentElement.hasAttribute('data-fr-js')")
    link = tab.locator("#circ-dsfr-navigation a.fr-nav__link").first
    assert not link.is_visible()
    tab.locator("#circ-dsfr-button-menu").click()
    link.wait_for(state="visible")
    assert link.get_attribute("aria-current") == "true"
    # The header's tools join the menu on a phone (the DSFR's script).
    tool = tab.locator("#circ-dsfr-modal-menu .fr-header__menu-links a")
    assert tool.first.inner_text() == "Nous contacter"
    context.close()


def test_without_javascript_the_menu_and_search_are_open(
    browser: Any, url: str
) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, java_script_enabled=False
    )
    tab = context.new_page()
    tab.goto(f"{url}donnees/energie.html")
    assert tab.locator("#circ-dsfr-navigation a.fr-nav__link").first.is_visible()
    assert tab.locator("#circ-dsfr-search-input").is_visible()
    assert tab.locator(".fr-breadcrumb__list").is_visible()
    assert tab.locator(".fr-sidemenu__list").first.is_visible()
    # What would need a script is not offered.
    assert not tab.locator("#circ-dsfr-button-menu").is_visible()
    assert not tab.locator(".circ-dsfr-display-button").is_visible()
    context.close()


def test_search_finds_a_page(context: Any, url: str) -> None:
    tab = context.new_page()
    tab.goto(f"{url}index.html")
    tab.fill("#circ-dsfr-search-input", "déchèterie")
    tab.press("#circ-dsfr-search-input", "Enter")
    tab.wait_for_url("**/search.html?q=*")
    tab.locator("#search-results li a").first.wait_for()
    assert "Déchets" in tab.locator("#search-results").inner_text()


def test_strict_csp_holds(context: Any, site: Path) -> None:
    tab = context.new_page()
    reports = csp_reports(tab)
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    with serve(site, {"Content-Security-Policy": STRICT_CSP}) as base:
        for page in site_pages(site):
            tab.goto(f"{base}{page}")
            tab.wait_for_function("document.documentElement.hasAttribute('data-fr-js')")
    assert reports == []
    assert errors == []


# -- Persona tabs (the DSFR's fr-tabs, driven by circ-personas.js) ----------------

PERSONAS = ["habitants", "collectivites"]


def selected_persona(tab: Any) -> str:
    return tab.eval_on_selector(
        ".circ-personas [role=tab][aria-selected=true]", "t => t.dataset.circKey"
    )


def shown_panels(tab: Any) -> list[str]:
    """The panels whose content shows (a hidden="until-found" panel keeps an
    empty box: its content is skipped)."""
    return tab.eval_on_selector_all(
        ".circ-persona",
        "ps => ps.filter(p => p.lastElementChild.checkVisibility()).map(p => p.id)",
    )


def open_index(tab: Any, url: str, suffix: str = "") -> None:
    tab.goto(f"{url}index.html{suffix}")
    tab.wait_for_function("document.documentElement.hasAttribute('data-fr-js')")


def panel_state(tab: Any) -> list[tuple[str, bool, str | None]]:
    """Each panel's id, DSFR "--selected" class and hidden attribute."""
    return tab.eval_on_selector_all(
        ".circ-persona",
        "ps => ps.map(p => [p.id, p.classList.contains('fr-tabs__panel--selected'),"
        " p.getAttribute('hidden')])",
    )


def test_persona_tabs_click(context: Any, url: str) -> None:
    tab = context.new_page()
    open_index(tab, url)
    assert selected_persona(tab) == "habitants"
    assert shown_panels(tab) == ["habitants"]
    assert tab.is_hidden(".circ-personas__links")
    tab.click("#tab-collectivites")
    assert selected_persona(tab) == "collectivites"
    assert shown_panels(tab) == ["collectivites"]
    assert panel_state(tab) == [
        ["habitants", False, "until-found"],
        ["collectivites", True, None],
    ]
    # Hidden until found: find-in-page still reaches it (never display: none).
    assert tab.eval_on_selector(
        "#habitants",
        "p => [getComputedStyle(p).display, getComputedStyle(p).contentVisibility]",
    ) == ["block", "hidden"]
    tab.eval_on_selector("#habitants", "p => p.dispatchEvent(new Event('beforematch'))")
    assert shown_panels(tab) == ["habitants"]
    tab.click("#tab-collectivites")
    assert tab.get_attribute("#tab-habitants", "tabindex") == "-1"
    assert tab.get_attribute("#tab-collectivites", "tabindex") == "0"
    # The address names the persona; the choice is remembered.
    assert tab.url.endswith("index.html?persona=collectivites")
    open_index(tab, url)
    assert selected_persona(tab) == "collectivites"
    open_index(tab, url, "?persona=habitants")
    assert shown_panels(tab) == ["habitants"]


def test_persona_tabs_keyboard(context: Any, url: str) -> None:
    tab = context.new_page()
    open_index(tab, url)
    tab.focus("#tab-habitants")
    tab.keyboard.press("ArrowRight")
    assert selected_persona(tab) == "collectivites"
    assert tab.evaluate("document.activeElement.id") == "tab-collectivites"
    assert shown_panels(tab) == ["collectivites"]
    tab.keyboard.press("ArrowRight")  # wraps to the first
    assert selected_persona(tab) == "habitants"
    tab.keyboard.press("End")
    assert selected_persona(tab) == "collectivites"
    assert tab.evaluate("document.activeElement.id") == "tab-collectivites"
    tab.keyboard.press("Home")
    assert selected_persona(tab) == "habitants"
    assert tab.evaluate("document.activeElement.id") == "tab-habitants"
    tab.keyboard.press("ArrowLeft")  # wraps to the last
    assert selected_persona(tab) == "collectivites"
    # Tab leaves the tab list for the panel (roving tabindex).
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.id") == "collectivites"


def test_persona_deep_link_opens_its_panel(context: Any, url: str) -> None:
    tab = context.new_page()
    open_index(tab, url, "#collectivites")
    assert selected_persona(tab) == "collectivites"
    assert shown_panels(tab) == ["collectivites"]
    tab.evaluate("location.hash = '#habitants'")
    tab.wait_for_function(
        "document.querySelector('#tab-habitants').ariaSelected === 'true'"
    )
    assert panel_state(tab)[0] == ["habitants", True, None]


def test_persona_panel_in_the_flow(context: Any, url: str) -> None:
    """The DSFR's tab script is not there to lay the panels out: the selected
    one sits under the tab list, in the flow, framed; the hidden one takes no
    room; the block holds them (nothing laid over what follows)."""
    tab = context.new_page()
    open_index(tab, url)
    for key in PERSONAS:
        tab.click(f"#tab-{key}")
        boxes = tab.evaluate(
            """key => {
              const rect = (e) => e.getBoundingClientRect().toJSON();
              const block = document.querySelector('.circ-personas');
              const panels = [...block.querySelectorAll('.circ-persona')];
              return {
                block: rect(block),
                list: rect(block.querySelector('.fr-tabs__list')),
                selected: rect(document.getElementById(key)),
                others: panels.filter(p => p.id !== key).map(p => rect(p).height),
                position: getComputedStyle(document.getElementById(key)).position,
                heightSet: block.style.getPropertyValue('--tabs-height'),
              };
            }""",
            key,
        )
        selected = boxes["selected"]
        assert abs(selected["top"] - boxes["list"]["bottom"]) <= 5, boxes
        assert selected["height"] > 40 and selected["left"] == boxes["block"]["left"]
        assert selected["bottom"] <= boxes["block"]["bottom"] + 1, boxes
        assert boxes["others"] == [0], boxes
        assert boxes["heightSet"] == ""


def test_persona_tabs_without_javascript(browser: Any, url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{url}index.html")
    assert shown_panels(tab) == PERSONAS
    assert tab.is_hidden(".circ-personas .fr-tabs__list")
    assert tab.is_visible(".circ-personas__links")
    links = tab.eval_on_selector_all(
        ".circ-personas__links a", "as => as.map(a => a.getAttribute('href'))"
    )
    assert links == [f"#{key}" for key in PERSONAS]
    # Each panel under its visible heading, its text readable.
    for key in PERSONAS:
        assert tab.is_visible(f"#{key} .circ-persona__title")
        title = tab.eval_on_selector(
            f"#{key} .circ-persona__title", "h => h.getBoundingClientRect().width"
        )
        assert title > 10
    assert tab.is_visible("text=Comparer les tonnages collectés.")
    context.close()


def test_persona_tabs_in_print(context: Any, url: str) -> None:
    tab = context.new_page()
    open_index(tab, url, "?persona=collectivites")
    tab.emulate_media(media="print")
    assert shown_panels(tab) == PERSONAS
    assert tab.is_hidden(".circ-personas .fr-tabs__list")
    for key in PERSONAS:
        assert tab.is_visible(f"#{key} .circ-persona__title")


# -- The inventory and the request form ------------------------------------------


def shown_rows(tab: Any) -> int:
    return int(
        tab.eval_on_selector_all(
            ".circ-inventory__table tbody tr",
            "rows => rows.filter(r => !r.hidden).length",
        )
    )


def test_the_inventory_filter_works_with_the_dsfr_tags(context: Any, url: str) -> None:
    """The status toggles are the DSFR's selectable tags, which our script
    drives (the DSFR's own tag script is not shipped): pressed, a tag is
    filled blue France; released, it is light and its rows hide."""
    tab = context.new_page()
    goto_scheme(tab, f"{url}donnees/index.html", "light")
    assert tab.is_visible(".circ-inventory__controls")
    open_tag = tab.locator("button.fr-tag[data-circ-status=open]")
    assert open_tag.inner_text() == "Ouvert\u00a0(2)"
    filled = "b => getComputedStyle(b).backgroundImage.includes('gradient')"
    assert open_tag.evaluate(filled)
    assert shown_rows(tab) == 6
    open_tag.click()
    assert open_tag.get_attribute("aria-pressed") == "false"
    assert not open_tag.evaluate(filled)
    assert shown_rows(tab) == 4
    tab.focus("button.fr-tag[data-circ-status=closed]")
    tab.keyboard.press("Enter")
    assert shown_rows(tab) == 3
    assert tab.text_content(".circ-inventory__status") == (
        "3 jeux de données affichés sur 6"
    )
    tab.fill(".circ-inventory__filter", "DECHET")
    assert shown_rows(tab) == 1
    assert tab.locator("button.fr-tag[data-circ-status=in-progress]").inner_text() == (
        "En cours d’ouverture\u00a0(1)"
    )
    assert axe_violations(tab) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_request_form_works_with_the_dsfr_fields(
    context: Any, url: str, scheme: str
) -> None:
    tab = context.new_page()
    goto_scheme(tab, f"{url}contact.html", scheme)
    assert tab.is_visible("form.circ-request__form")
    assert tab.is_hidden(".circ-request__fallback")
    # No error before the reader sends (the DSFR's error text is a flex box:
    # its hidden attribute must still hide it).
    assert tab.is_hidden(".fr-error-text")
    tab.click("form.circ-request__form button[type=submit]")
    field = tab.locator("textarea[name=description]")
    assert field.get_attribute("aria-invalid") == "true"
    assert tab.evaluate("document.activeElement.name") == "description"
    assert tab.is_visible(f"#{field.get_attribute('aria-describedby')}")
    group = tab.locator(".fr-input-group:has(textarea[name=description])")
    assert "fr-input-group--error" in (group.get_attribute("class") or "")
    assert axe_violations(tab) == []  # with the error shown
    field.fill("Tonnages de verre collectés par commune")
    tab.select_option("select[name=scale]", index=1)
    tab.click("form.circ-request__form button[type=submit]")
    assert "fr-input-group--error" not in (group.get_attribute("class") or "")
    assert tab.is_hidden(".fr-error-text")
    link = tab.get_attribute(".circ-request__mail", "href") or ""
    assert link.startswith("mailto:contact@example.gouv.fr?subject=")
    assert "Tonnages%20de%20verre" in link and "Commune" in link
    assert tab.is_visible(".circ-request__result")
    message = tab.input_value(".circ-request__message")
    assert "Échelle géographique\u00a0:\nCommune" in message
    assert axe_violations(tab) == []


# -- Geometry -------------------------------------------------------------------------


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda setting: setting.id)
def test_geometry(browser: Any, site: Path, url: str, setting: Any) -> None:
    tab = open_tab(browser, setting)
    found = []
    try:
        for page in site_pages(site):
            load(tab, url + page, setting)
            found += [(page, setting, p) for p in check(tab, setting)["problems"]]
    finally:
        tab.context.close()
    assert not found, report(found, examples=5)


def test_geometry_in_print(browser: Any, site: Path, url: str) -> None:
    from geometry_report import PRINT

    tab = open_tab(browser, PRINT)
    found = []
    try:
        for page in site_pages(site):
            found += [(page, PRINT, p) for p in check_print(tab, url + page)]
    finally:
        tab.context.close()
    assert not found, report(found, examples=5)


@pytest.mark.slow
def test_geometry_of_docs_in_print(browser: Any, docs_dsfr: tuple[Path, str]) -> None:
    """docs/ under the theme on A4 paper: wide tables fit the sheet."""
    from geometry_report import PRINT

    out, base = docs_dsfr
    tab = open_tab(browser, PRINT)
    found = []
    try:
        for page in site_pages(out):
            found += [(page, PRINT, p) for p in check_print(tab, base + page)]
    finally:
        tab.context.close()
    assert not found, report(found, examples=5)
