"""Persona tabs in a real browser: mouse, keyboard, deep links, sync, no-JS, print, axe."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import axe_violations, goto_in_mode, serve

KEYS = ["citoyen", "producteur", "reutilisateur", "developpeur", "integrateur"]


@pytest.fixture(scope="module", params=["local", "session", "none"])
def sync_site(request: Any, site_factory: Any) -> Iterator[tuple[str, str]]:
    out = site_factory("persona-sync", circ_persona_storage=request.param)
    with serve(out) as url:
        yield url, request.param


def selected(page: Any, scope: str = ".circ-personas") -> str:
    return page.eval_on_selector(
        f"{scope} [role=tab][aria-selected=true]", "tab => tab.dataset.circKey"
    )


def visible_panels(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        ".circ-persona", "ps => ps.filter(p => p.checkVisibility()).map(p => p.id)"
    )


def faq(docs_url: str, suffix: str = "") -> str:
    return f"{docs_url}faq/index.html{suffix}"


def test_first_persona_is_shown(page: Any, docs_url: str) -> None:
    page.goto(faq(docs_url))
    assert selected(page) == "citoyen"
    assert visible_panels(page) == ["citoyen"]
    assert page.is_hidden(".circ-personas__links")


def test_click_selects_and_updates_the_address(page: Any, docs_url: str) -> None:
    page.goto(faq(docs_url))
    page.click("#tab-producteur")
    assert selected(page) == "producteur"
    assert visible_panels(page) == ["producteur"]
    assert page.url.endswith("faq/index.html?persona=producteur")
    assert page.get_attribute("#tab-citoyen", "tabindex") == "-1"
    assert page.get_attribute("#tab-producteur", "tabindex") == "0"
    # Only the shown panel is in the tab order.
    assert page.get_attribute("#citoyen", "tabindex") == "-1"
    assert page.get_attribute("#producteur", "tabindex") == "0"


def test_keyboard_arrows_home_end(page: Any, docs_url: str) -> None:
    page.goto(faq(docs_url))
    page.focus("#tab-citoyen")
    page.keyboard.press("ArrowRight")
    assert selected(page) == "producteur"
    assert page.evaluate("document.activeElement.id") == "tab-producteur"
    page.keyboard.press("End")
    assert selected(page) == "integrateur"
    page.keyboard.press("ArrowRight")  # wraps to the first
    assert selected(page) == "citoyen"
    page.keyboard.press("ArrowLeft")  # wraps to the last
    assert selected(page) == "integrateur"
    page.keyboard.press("Home")
    assert selected(page) == "citoyen"
    assert page.evaluate("document.activeElement.id") == "tab-citoyen"
    # Tab leaves the tab list for the panel (roving tabindex).
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "citoyen"


def test_focus_is_visible(page: Any, docs_url: str) -> None:
    page.goto(faq(docs_url))
    page.focus("#tab-citoyen")
    page.keyboard.press("ArrowRight")
    outline = page.eval_on_selector(
        "#tab-producteur",
        "t => [getComputedStyle(t).outlineStyle, getComputedStyle(t).outlineWidth]",
    )
    assert outline[0] == "solid" and outline[1] != "0px"


@pytest.mark.parametrize("key", KEYS)
def test_query_parameter_selects(page: Any, docs_url: str, key: str) -> None:
    page.goto(faq(docs_url, f"?persona={key}"))
    assert selected(page) == key
    assert visible_panels(page) == [key]


def test_unknown_query_value_keeps_the_default(page: Any, docs_url: str) -> None:
    page.goto(faq(docs_url, "?persona=martien"))
    assert selected(page) == "citoyen"


def test_hash_of_a_key_selects(page: Any, docs_url: str) -> None:
    page.goto(faq(docs_url, "#developpeur"))
    assert selected(page) == "developpeur"


def test_fragment_inside_a_hidden_panel_opens_it(page: Any, docs_url: str) -> None:
    page.goto(faq(docs_url))
    target = page.eval_on_selector("#integrateur h4[id]", "h => h.id")
    page.goto(faq(docs_url, f"#{target}"))
    assert selected(page) == "integrateur"
    box = page.eval_on_selector(f"#{target}", "h => h.getBoundingClientRect().top")
    assert 0 <= box < 900


def test_hashchange_is_honoured(page: Any, docs_url: str) -> None:
    page.goto(faq(docs_url))
    page.evaluate("location.hash = '#reutilisateur'")
    page.wait_for_function(
        "document.querySelector('#tab-reutilisateur').ariaSelected === 'true'"
    )
    assert visible_panels(page) == ["reutilisateur"]


def test_find_in_page_reveals_a_hidden_panel(page: Any, docs_url: str) -> None:
    page.goto(faq(docs_url))
    assert page.get_attribute("#producteur", "hidden") == "until-found"
    # What the browser fires when find-in-page matches text in the panel.
    page.eval_on_selector(
        "#producteur", "p => p.dispatchEvent(new Event('beforematch'))"
    )
    assert selected(page) == "producteur"


def test_sync_and_persistence(browser: Any, sync_site: tuple[str, str]) -> None:
    url, storage = sync_site
    context = browser.new_context()
    first = context.new_page()
    first.goto(f"{url}un.html")
    first.click(".circ-personas >> nth=0 >> [data-circ-key=beta]")
    # Every set of the same group on the page follows.
    keys = first.eval_on_selector_all(
        ".circ-personas",
        "sets => sets.map(s => s.querySelector('[aria-selected=true]').dataset.circKey)",
    )
    assert keys == ["beta", "beta"]
    # Another page of the site, in the same tab.
    first.goto(f"{url}deux.html")
    expected = "alpha" if storage == "none" else "beta"
    assert selected(first) == expected
    # A new tab: only local storage carries the choice over.
    second = context.new_page()
    second.goto(f"{url}deux.html")
    assert selected(second) == ("beta" if storage == "local" else "alpha")
    context.close()


def test_blocked_storage_never_breaks_tabs(browser: Any, docs_url: str) -> None:
    context = browser.new_context()
    context.add_init_script(
        """for (const name of ['localStorage', 'sessionStorage']) {
             Object.defineProperty(window, name, {get() { throw new DOMException('blocked', 'SecurityError'); }});
           }"""
    )
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(error.stack or str(error)))
    tab.goto(faq(docs_url))
    tab.click("#tab-integrateur")
    assert selected(tab) == "integrateur"
    # pydata-sphinx-theme's own inline script reads storage unguarded; ours never throws.
    assert [error for error in errors if "sphinx-circ" in error] == []
    context.close()


def test_without_javascript_every_panel_shows(browser: Any, docs_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(faq(docs_url))
    assert visible_panels(tab) == KEYS
    assert tab.is_hidden(".circ-personas__tabs")
    links = tab.eval_on_selector_all(
        ".circ-personas__links a", "as => as.map(a => a.getAttribute('href'))"
    )
    assert links == [f"#{key}" for key in KEYS]
    assert tab.is_visible(".circ-personas__links")
    titles = tab.eval_on_selector_all(
        ".circ-persona__title",
        "hs => hs.map(h => h.getBoundingClientRect().width > 10)",
    )
    assert all(titles)
    # In the flow of the panel, not laid over it.
    positions = tab.eval_on_selector_all(
        ".circ-persona__title", "hs => hs.map(h => getComputedStyle(h).position)"
    )
    assert set(positions) == {"static"}
    context.close()


def test_print_shows_every_panel_under_its_heading(page: Any, docs_url: str) -> None:
    page.goto(faq(docs_url, "?persona=developpeur"))
    page.emulate_media(media="print")
    assert visible_panels(page) == KEYS
    assert page.is_hidden(".circ-personas__tabs")
    widths = page.eval_on_selector_all(
        ".circ-persona__title", "hs => hs.map(h => h.getBoundingClientRect().width)"
    )
    assert all(width > 10 for width in widths)
    positions = page.eval_on_selector_all(
        ".circ-persona__title", "hs => hs.map(h => getComputedStyle(h).position)"
    )
    assert set(positions) == {"static"}


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("key", KEYS)
def test_axe_every_tab_state(page: Any, docs_url: str, key: str, mode: str) -> None:
    goto_in_mode(page, faq(docs_url, f"?persona={key}"), mode)
    assert axe_violations(page) == []


def test_axe_without_javascript(browser: Any, docs_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(faq(docs_url))
    # axe itself needs script: run it through a page that has JavaScript on the
    # same HTML as served, after the no-script styles have been applied.
    context.close()
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(faq(docs_url))
    tab.evaluate(
        """() => {
          const link = document.createElement('link');
          link.rel = 'stylesheet';
          link.href = document.querySelector('noscript').textContent.match(/href="([^"]+)"/)[1];
          document.head.append(link);
          return new Promise(resolve => link.onload = resolve);
        }"""
    )
    assert visible_panels(tab) == KEYS
    assert axe_violations(tab) == []
    context.close()
