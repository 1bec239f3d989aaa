"""On Read the Docs, the version menu and the search follow its addons' data.

The site is built as Read the Docs builds it (READTHEDOCS=True) and served
under a strict Content-Security-Policy; the addons are played by an init
script that announces the data as they do: the "readthedocs-addons-data-ready"
event, and window.ReadTheDocsEventData for scripts that run after it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import DEFAULT_CONF, serve, sphinx_build

CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
ROOT = "https://portail.readthedocs.io/fr/"
VERSIONS = ["latest", "stable", "2025"]


def addons_data(search: bool) -> dict[str, Any]:
    """The part of Read the Docs' addons data (API version 1) the theme reads."""

    def version(slug: str) -> dict[str, Any]:
        return {"slug": slug, "urls": {"documentation": f"{ROOT}{slug}/"}}

    return {
        "addons": {"search": {"enabled": search}},
        "versions": {
            "current": version("stable"),
            "active": [version(slug) for slug in VERSIONS],
        },
    }


def addons(data: dict[str, Any] | None, *, early: bool) -> str:
    """An init script playing the addons: the data announced before the page's
    scripts run (*early*) or once the page is parsed; events are counted."""
    announce = (
        ""
        if data is None
        else f"""
      const detail = {{data: () => ({json.dumps(data)})}};
      const ready = () => {{
        window.ReadTheDocsEventData = detail;
        document.dispatchEvent(
          new CustomEvent("readthedocs-addons-data-ready", {{detail}}));
      }};
      {"ready();" if early else 'document.addEventListener("DOMContentLoaded", ready);'}
    """
    )
    return f"""
      window.searchShown = 0;
      document.addEventListener("readthedocs-search-show", () => window.searchShown++);
      {announce}
    """


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    src = tmp_path_factory.mktemp("rtd") / "src"
    src.mkdir()
    options = {"navbar_end": ["version-switcher", "theme-switcher"]}
    (src / "conf.py").write_text(
        DEFAULT_CONF + f"html_theme_options = {options!r}\n", encoding="utf-8"
    )
    (src / "index.md").write_text("# Accueil\n\nTexte.\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("READTHEDOCS", "True")
        out = sphinx_build(src, src.parent / "html")
    with serve(out, {"Content-Security-Policy": CSP}) as url:
        yield url


def open_page(browser: Any, url: str, init: str) -> tuple[Any, list[str]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))

    def console(message: Any) -> None:
        # The browser asks for a favicon the site does not have.
        favicon = message.location.get("url", "").endswith("favicon.ico")
        if message.type in ("error", "warning") and not favicon:
            problems.append(message.text)

    page.on("console", console)
    page.add_init_script(init)
    page.goto(url + "index.html", wait_until="load")
    page.wait_for_timeout(200)
    return page, problems


MENU = """() => [...document.querySelectorAll('.version-switcher__container')].map(c => ({
  button: c.querySelector('.version-switcher__button').textContent.trim(),
  items: [...c.querySelectorAll('.version-switcher__menu a')].map(a => [
    a.textContent, a.getAttribute('href'), a.getAttribute('aria-selected')]),
}))"""


def search_opens(page: Any) -> tuple[int, bool]:
    """Click the header's search, then Ctrl+K: Read the Docs' search shown
    (count), and whether pydata-sphinx-theme's own dialog opened."""
    page.click(".bd-header .search-button__button")
    page.keyboard.press("Escape")
    page.keyboard.press("Control+k")
    dialog = page.evaluate("document.querySelector('#pst-search-dialog').open")
    return page.evaluate("window.searchShown"), dialog


@pytest.mark.parametrize("early", [False, True], ids=["event", "global"])
def test_the_version_menu_lists_read_the_docs_versions(
    browser: Any, site: str, early: bool
) -> None:
    page, problems = open_page(browser, site, addons(addons_data(True), early=early))
    try:
        menus = page.evaluate(MENU)
        assert len(menus) >= 1
        for menu in menus:
            assert menu["button"] == "stable"
            assert menu["items"] == [
                [slug, f"{ROOT}{slug}/", "true" if slug == "stable" else "false"]
                for slug in VERSIONS
            ]
        page.click(".bd-header .version-switcher__button")
        assert page.is_visible(
            f'.bd-header .version-switcher__menu a[href="{ROOT}2025/"]'
        )
        assert problems == []
    finally:
        page.context.close()


def test_the_search_is_read_the_docs_server_side_search(
    browser: Any, site: str
) -> None:
    page, problems = open_page(browser, site, addons(addons_data(True), early=False))
    try:
        assert search_opens(page) == (2, False)
        assert problems == []
    finally:
        page.context.close()


@pytest.mark.parametrize(
    "data", [addons_data(False), None], ids=["search-off", "no-addons"]
)
def test_otherwise_the_search_is_sphinx_search(
    browser: Any, site: str, data: dict[str, Any] | None
) -> None:
    page, problems = open_page(browser, site, addons(data, early=False))
    try:
        page.click(".bd-header .search-button__button")
        assert page.evaluate("document.querySelector('#pst-search-dialog').open")
        assert page.evaluate("window.searchShown") == 0
        menus = page.evaluate(MENU)
        filled = data is not None
        assert all(bool(menu["items"]) is filled for menu in menus)
        assert problems == []
    finally:
        page.context.close()


def test_without_read_the_docs_the_script_is_absent(tmp_path: Path) -> None:
    """The same site built elsewhere links no addons script (test_readthedocs.py
    checks the build; here, that the browser has nothing left to run)."""
    (tmp_path / "conf.py").write_text(DEFAULT_CONF, encoding="utf-8")
    (tmp_path / "index.md").write_text("# Accueil\n", encoding="utf-8")
    out = sphinx_build(tmp_path, tmp_path / "html")
    assert "circ-readthedocs.js" not in (out / "index.html").read_text("utf-8")
