"""Inventory filter and toggles, and the request form, in a real browser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import axe_violations, goto_in_mode, serve


@pytest.fixture(scope="module")
def site(site_factory: Any) -> Iterator[str]:
    with serve(site_factory("inventory")) as url:
        yield url


def shown_titles(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        ".circ-inventory__table tbody tr",
        "rows => rows.filter(r => !r.hidden).map(r => r.cells[0].innerText.trim())",
    )


def counts(page: Any) -> dict[str, str]:
    return page.eval_on_selector_all(
        ".circ-inventory__toggle",
        "ts => Object.fromEntries(ts.map(t => [t.dataset.circStatus, "
        "t.querySelector('.circ-inventory__toggle-count').textContent]))",
    )


def test_controls_appear_with_counts(page: Any, site: str) -> None:
    page.goto(f"{site}index.html")
    assert page.is_visible(".circ-inventory__controls")
    assert counts(page) == {
        "open": "2",
        "in-progress": "2",
        "read-only": "1",
        "closed": "1",
    }
    assert len(shown_titles(page)) == 6


def test_text_filter_from_three_characters_ignoring_accents(
    page: Any, site: str
) -> None:
    page.goto(f"{site}index.html")
    page.fill(".circ-inventory__filter", "de")  # too short: everything stays
    assert len(shown_titles(page)) == 6
    page.fill(".circ-inventory__filter", "DECHET")  # no accent, upper case
    assert shown_titles(page) == ["Collecte des déchets ménagers", "Déchèteries"]
    assert counts(page) == {
        "open": "1",
        "in-progress": "1",
        "read-only": "0",
        "closed": "0",
    }
    assert page.text_content("[role=status]") == "2 jeux de données affichés sur 6"
    page.fill(".circ-inventory__filter", "ministere")  # another column
    assert shown_titles(page) == ["Filières REP", "Marchés publics durables"]
    # A column's name, which each cell carries as its label, finds nothing.
    page.fill(".circ-inventory__filter", "organisation")
    assert shown_titles(page) == []
    page.fill(".circ-inventory__filter", "")
    assert len(shown_titles(page)) == 6


def test_status_toggles(page: Any, site: str) -> None:
    page.goto(f"{site}index.html")
    page.click("[data-circ-status=open]")
    assert page.get_attribute("[data-circ-status=open]", "aria-pressed") == "false"
    assert "Collecte des déchets ménagers" not in shown_titles(page)
    assert len(shown_titles(page)) == 4
    page.keyboard.press("Tab")  # toggles are buttons: keyboard works
    page.focus("[data-circ-status=closed]")
    page.keyboard.press("Enter")
    assert len(shown_titles(page)) == 3
    assert page.text_content("[role=status]") == "3 jeux de données affichés sur 6"


def test_without_javascript_the_full_table_shows(browser: Any, site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{site}index.html")
    assert tab.is_hidden(".circ-inventory__controls")
    assert len(shown_titles(tab)) == 6
    context.close()


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_axe_inventory(page: Any, site: str, mode: str) -> None:
    goto_in_mode(page, f"{site}index.html", mode)
    page.fill(".circ-inventory__filter", "dechet")
    page.click("[data-circ-status=closed]")
    assert axe_violations(page) == []


def test_request_form_requires_a_description(page: Any, site: str) -> None:
    page.goto(f"{site}demande.html")
    assert page.is_visible("form.circ-request__form")
    assert page.is_hidden(".circ-request__fallback")
    page.click("form.circ-request__form button[type=submit]")
    field = "textarea[name=description]"
    assert page.get_attribute(field, "aria-invalid") == "true"
    assert page.evaluate("document.activeElement.name") == "description"
    error_id = page.get_attribute(field, "aria-describedby")
    assert page.is_visible(f"#{error_id}")


def test_request_form_composes_the_email(page: Any, site: str) -> None:
    page.goto(f"{site}demande.html")
    page.fill("textarea[name=description]", "Tonnages de verre collectés par commune")
    page.fill("input[name=organisation]", "Association exemple")
    page.select_option("select[name=scale]", index=1)
    page.click("form.circ-request__form button[type=submit]")
    link = page.get_attribute(".circ-request__mail", "href")
    assert link.startswith(
        "mailto:donnees@example.org?subject=Demande%20de%20donn%C3%A9es&body="
    )
    assert "Tonnages%20de%20verre" in link and "Association%20exemple" in link
    assert "Commune" in Path(link).name or "Commune" in __import__(
        "urllib.parse"
    ).parse.unquote(link)
    assert page.is_visible(".circ-request__result")


def test_request_form_without_a_mail_program(page: Any, site: str) -> None:
    """The prepared message and the address, to copy, on the page itself."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{site}demande.html")
    page.fill("textarea[name=description]", "Tonnages de verre collectés")
    page.click("form.circ-request__form button[type=submit]")
    message = page.input_value(".circ-request__message")
    assert message.startswith("Demande de données\n\n")
    assert "Tonnages de verre collectés" in message
    assert page.get_attribute(".circ-request__address", "href") == (
        "mailto:donnees@example.org"
    )
    page.get_by_role("button", name="Copier le message").click()
    page.wait_for_function(
        "document.querySelector('.circ-request__copied').textContent !== ''"
    )
    assert page.evaluate("navigator.clipboard.readText()") == message
    assert page.text_content(".circ-request__copied") == "Copié."
    page.get_by_role("button", name="Copier l’adresse").click()
    assert page.evaluate("navigator.clipboard.readText()") == "donnees@example.org"


def test_the_submit_button_is_the_portals(page: Any, site: str) -> None:
    """Not the browser's grey button: the portal's primary one."""
    page.goto(f"{site}demande.html")
    style = page.eval_on_selector(
        "form.circ-request__form button[type=submit]",
        "b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]",
    )
    assert style == ["rgb(0, 83, 179)", "rgb(255, 255, 255)"]


def test_request_without_javascript_gives_instructions(browser: Any, site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{site}demande.html")
    assert tab.is_hidden("form.circ-request__form")
    assert tab.is_visible(".circ-request__fallback")
    assert "donnees@example.org" in tab.text_content(".circ-request__fallback")
    context.close()


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_axe_request_form(page: Any, site: str, mode: str) -> None:
    goto_in_mode(page, f"{site}demande.html", mode)
    page.click("form.circ-request__form button[type=submit]")  # errors shown
    assert axe_violations(page) == []
