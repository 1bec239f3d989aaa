"""A built site opened from the disk (file://), as the README says: every icon shows.

Chromium fetches mask images in CORS mode, which a file:// page is refused:
icons drawn from files beside the stylesheet would all vanish, with console
errors. Under a strict Content-Security-Policy they still load.
"""

from __future__ import annotations

from typing import Any

from conftest import serve
from test_theme_browser import ICON_REGIONS, KINDS, MASKED, ink_band

#: A strict policy that lets images come from the site and from data: URLs.
CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"


def open_page(browser: Any, url: str) -> tuple[Any, list[str]]:
    context = browser.new_context(viewport={"width": 900, "height": 2400})
    page = context.new_page()
    messages: list[str] = []

    def console(message: Any) -> None:
        where = message.location.get("url", "")
        # pydata's mode script logs; the browser asks for a favicon no site has.
        if message.type not in ("log", "info") and not where.endswith("favicon.ico"):
            messages.append(f"{message.type}: {message.text} ({where})")

    page.on("console", console)
    page.on("requestfailed", lambda r: messages.append(f"failed: {r.url}"))
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)
    return page, messages


def drawn_icons(page: Any) -> dict[str, float]:
    """Each admonition, version note and dropdown -> the height of its icon's ink."""
    heights = {}
    for region in page.evaluate(ICON_REGIONS):
        top, bottom = ink_band(page, region["box"])
        heights[region["kind"]] = bottom - top
    return heights


def test_icons_show_from_the_disk(browser: Any, site_factory: Any) -> None:
    out = site_factory("icons")
    page, messages = open_page(browser, (out / "encadres.html").as_uri())
    try:
        assert page.url.startswith("file://")
        heights = drawn_icons(page)
        assert sorted(heights) == sorted(KINDS)
        assert all(height >= 10 for height in heights.values()), heights
        # The header's and the navigation's icons too (mode switch, search…).
        assert page.evaluate(MASKED) >= 10
        assert messages == []
    finally:
        page.context.close()


def test_icons_show_under_a_strict_policy(browser: Any, site_factory: Any) -> None:
    with serve(site_factory("icons"), {"Content-Security-Policy": CSP}) as url:
        page, messages = open_page(browser, url + "encadres.html")
        try:
            heights = drawn_icons(page)
            assert all(height >= 10 for height in heights.values()), heights
            assert messages == []
        finally:
            page.context.close()
