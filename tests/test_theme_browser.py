"""The theme in a real browser: pydata's icons drawn without the icon font, in place."""

from __future__ import annotations

import math
import struct
import zlib
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

#: Icons drawn as masks of the theme's SVGs (data: URLs in circ-icons.css).
MASKED = """() => [...document.querySelectorAll('*')].flatMap(element =>
  ['::before', '::after'].map(pseudo => getComputedStyle(element, pseudo))
    .filter(style => style.maskImage.includes('data:image/svg+xml')
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


def png_rows(data: bytes) -> list[list[tuple[int, ...]]]:
    """The RGB pixels of a PNG screenshot, row by row (8-bit, not interlaced)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, compressed = 8, b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            width, height, _depth, colour = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            compressed += body
    size = {2: 3, 6: 4}[colour]
    stride, raw = width * size, zlib.decompress(compressed)
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up, corner = previous[i], previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                guess = left + up - corner
                near = min(
                    (abs(guess - v), n) for n, v in enumerate((left, up, corner))
                )
                line[i] = (line[i] + (left, up, corner)[near[1]]) & 255
        rows.append([tuple(line[x : x + 3]) for x in range(0, stride, size)])
        previous = line
    return rows


ADMONITIONS = (
    *("note", "tip", "hint", "important", "warning"),
    *("caution", "attention", "danger", "error", "seealso"),
)

#: Each admonition title, version note and dropdown: the centre of its text's
#: first line, and a box around its icon alone (pseudo-elements have no box
#: of their own: the title's left padding, the note's start, the SVG).
ICON_REGIONS = """() => [...document.querySelectorAll(
    '.admonition > .admonition-title, span.versionmodified, details.sd-dropdown > summary')]
  .map(element => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT,
      {acceptNode: node => node.data.trim() ? 1 : 3});
    const range = document.createRange();
    range.selectNodeContents(walker.nextNode());
    const line = range.getClientRects()[0];
    const rect = element.getBoundingClientRect();
    let kind = element.parentElement.className, box;
    if (element.matches('summary')) {
      const svg = element.querySelector('svg').getBoundingClientRect();
      kind = 'dropdown';
      box = [svg.left - 2, rect.top, svg.right + 2, rect.bottom];
    } else if (element.matches('span')) {
      kind = element.className;
      box = [rect.left, line.top - 4, line.left, line.bottom + 4];
    } else {
      box = [rect.left, rect.top, rect.left + parseFloat(getComputedStyle(element).paddingLeft), rect.bottom];
    }
    return {kind, centre: (line.top + line.bottom) / 2, box};
  })"""


#: What encadres.md shows: twelve admonitions, four version notes, a dropdown.
KINDS = [
    *(f"admonition {name}" for name in ADMONITIONS),
    "admonition-todo admonition",
    "admonition-encadre-libre admonition",
    *(
        f"versionmodified {name}"
        for name in ("added", "changed", "deprecated", "removed")
    ),
    "dropdown",
]


def ink_band(page: Any, box: list[float]) -> tuple[int, int]:
    """The first and last pixel rows inside *box* that differ from its background."""
    # Whole pixels, one in from each side: no edge of the box itself.
    left, top = math.ceil(box[0]) + 1, math.ceil(box[1]) + 1
    right, bottom = math.floor(box[2]) - 1, math.floor(box[3]) - 1
    clip = {"x": left, "y": top, "width": right - left, "height": bottom - top}
    rows = png_rows(page.screenshot(clip=clip))
    background = rows[1][1]
    ink = [
        y
        for y, row in enumerate(rows)
        if any(
            sum(abs(a - b) for a, b in zip(pixel, background, strict=True)) > 60
            for pixel in row
        )
    ]
    return (top + ink[0], top + ink[-1] + 1) if ink else (top, top)


def test_icons_sit_on_their_line(browser: Any, site: str) -> None:
    """Each admonition's icon is centred on its title's first line, as in pydata."""
    context = browser.new_context(viewport={"width": 900, "height": 2400})
    page = context.new_page()
    try:
        page.goto(site + "encadres.html", wait_until="load")
        page.wait_for_timeout(300)
        offsets = {}
        for region in page.evaluate(ICON_REGIONS):
            top, bottom = ink_band(page, region["box"])
            assert bottom - top >= 10, region  # an icon is drawn there
            offsets[region["kind"]] = (top + bottom) / 2 - region["centre"]
        assert sorted(offsets) == sorted(KINDS), offsets
        for kind, offset in offsets.items():
            assert abs(offset) <= 1.5, (kind, offset)
    finally:
        context.close()


#: The link colour pydata-sphinx-theme draws with, and the page's mode.
LINK_COLOUR = """() => ({
  mode: document.documentElement.dataset.theme || null,
  link: getComputedStyle(document.documentElement)
    .getPropertyValue('--pst-color-link').trim(),
})"""


@pytest.mark.parametrize(
    ("name", "colour"),
    [("icons", "#0053b3"), ("agence", "#00664a")],
    ids=["default", "agency-palette"],
)
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_links_take_the_portal_colour_with_or_without_javascript(
    browser: Any, site_factory: Any, name: str, colour: str, javascript: bool
) -> None:
    """Without a script no mode is set; the light tokens apply, not pydata's teal."""
    context = browser.new_context(java_script_enabled=javascript, color_scheme="light")
    page = context.new_page()
    try:
        with serve(site_factory(name)) as url:
            page.goto(url + "index.html", wait_until="load")
            page.wait_for_timeout(300)  # the mode's colour transition
            found = page.evaluate(LINK_COLOUR)
        assert found["mode"] == ("light" if javascript else None)
        assert found["link"] == colour
    finally:
        context.close()


#: When the page's mode is set and when the browser first paints (ms).
FIRST_PAINT = """
window.__circTimes = {};
new MutationObserver(() => {
  const root = document.documentElement;
  if (root && root.dataset.theme && !window.__circTimes.mode) {
    window.__circTimes.mode = performance.now();
  }
}).observe(document, {attributes: true, subtree: true, attributeFilter: ['data-theme']});
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.name === 'first-paint') window.__circTimes.paint = entry.startTime;
  }
}).observe({type: 'paint', buffered: true});
"""


@pytest.mark.parametrize("loading", ["as-built", "async"])
def test_dark_mode_is_set_before_the_first_paint(
    browser: Any, site: str, loading: str
) -> None:
    """No light page fading to dark: the mode is set before anything paints.

    The mode script arrives late on purpose (a slow connection); the counter
    case loads it ``async``, as the theme once did, and paints light first.
    """
    context = browser.new_context(color_scheme="dark")
    context.add_init_script("localStorage.setItem('mode', 'dark');" + FIRST_PAINT)
    page = context.new_page()

    def slow_mode_script(route: Any) -> None:
        page.wait_for_timeout(400)
        route.continue_()

    def as_async(route: Any) -> None:
        response = route.fetch()
        body = response.text().replace(
            '<script src="_static/scripts/circ-mode.js"',
            '<script async src="_static/scripts/circ-mode.js"',
        )
        route.fulfill(response=response, body=body)

    try:
        # Every script late, not only ours: pydata's deferred script sets the
        # mode too, and would otherwise race the first paint.
        page.route("**/*.js*", slow_mode_script)
        if loading == "async":
            page.route("**/index.html", as_async)
        page.goto(site + "index.html", wait_until="load")
        page.wait_for_function("window.__circTimes.mode && window.__circTimes.paint")
        times = page.evaluate("window.__circTimes")
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        if loading == "as-built":
            assert times["mode"] < times["paint"], times
        else:
            assert times["mode"] > times["paint"], times
    finally:
        context.close()


def test_pydata_purple_and_orange_take_the_palette(browser: Any, site: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(site + "index.html")
        colours = page.evaluate(
            """() => {
              const bg = s => getComputedStyle(document.querySelector(s)).backgroundColor;
              const root = getComputedStyle(document.documentElement);
              return {top: bg('#pst-back-to-top'), skip: bg('#pst-skip-link'),
                      tableLink: root.getPropertyValue('--pst-color-link-higher-contrast').trim()};
            }"""
        )
        primary = "rgb(0, 83, 179)"
        assert colours == {"top": primary, "skip": primary, "tableLink": "#003b80"}
    finally:
        context.close()
