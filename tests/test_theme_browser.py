"""The theme in a real browser: pydata's icons drawn without the icon font."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import serve

#: Every visible icon pseudo-element still drawn with the Font Awesome font.
FONT_ICONS = """() => {
  const found = [];
  for (const element of document.querySelectorAll('*')) {
    for (const pseudo of ['::before', '::after']) {
      const style = getComputedStyle(element, pseudo);
      const drawn = !['none', 'normal', '""'].includes(style.content);
      if (drawn && /Font Awesome/.test(style.fontFamily)) {
        found.push(element.className + pseudo);
      }
    }
  }
  return found;
}"""

#: Icons drawn as masks of the theme's SVG files.
MASKED = """() => [...document.querySelectorAll('*')].flatMap(element =>
  ['::before', '::after'].map(pseudo => getComputedStyle(element, pseudo))
    .filter(style => style.maskImage.includes('/_static/icons/')
                     && style.width !== '0px'))
  .length"""


@pytest.fixture(scope="module")
def site(site_factory: Any) -> Iterator[str]:
    # canari.md is a canary: an icon the theme does not draw keeps the font.
    with serve(site_factory("icons")) as url:
        yield url


def load(browser: Any, url: str, width: int) -> tuple[Any, list[str]]:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    fonts: list[str] = []
    page.on("request", lambda request: fonts.append(request.url) if "webfonts/" in request.url else None)  # fmt: skip
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)
    return page, fonts


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("path", ["index.html", "rubrique/page.html"])
def test_icons_need_no_icon_font(
    browser: Any, site: str, path: str, width: int
) -> None:
    page, fonts = load(browser, site + path, width)
    try:
        assert page.evaluate(FONT_ICONS) == []
        assert fonts == []
        # The icons are there, drawn from the SVG files: mode switch, search,
        # navigation, and on the index the admonitions and the download link.
        assert page.evaluate(MASKED) >= (10 if path == "index.html" else 6)
    finally:
        page.context.close()


def test_an_undrawn_icon_is_detected(browser: Any, site: str) -> None:
    page, fonts = load(browser, site + "canari.html", 1280)
    try:
        assert any("fa-envelope" in icon for icon in page.evaluate(FONT_ICONS))
        assert any("fa-solid" in font for font in fonts)
    finally:
        page.context.close()
