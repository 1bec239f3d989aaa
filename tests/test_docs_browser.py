"""Every page of docs/ in a real browser: axe-core, and a strict Content-Security-Policy.

The portal is scanned whole rather than page by page in each block's tests:
a block's markup meets the theme's, the footer and the search dialog there.
"""

from __future__ import annotations

import functools
import gettext
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sphinx.locale
from conftest import axe_violations, goto_in_mode, serve, site_pages

#: What a site serving these pages can send (no inline script or style).
# data: images: the theme's icons (circ-icons.css), so they also show from file://.
STRICT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
)


@pytest.fixture(scope="module")
def pages(docs_site: Path) -> list[str]:
    found = site_pages(docs_site)
    assert len(found) > 20
    return found


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    yield context
    context.close()


def scan(page: Any, failures: dict[str, Any], where: str) -> None:
    if violations := axe_violations(page):
        failures[where] = violations


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_axe_every_page_with_javascript(
    context: Any, docs_url: str, pages: list[str], mode: str
) -> None:
    """Zero violations on every page, and in every persona tab state."""
    tab = context.new_page()
    failures: dict[str, Any] = {}
    tab_states = 0
    for path in pages:
        goto_in_mode(tab, f"{docs_url}{path}", mode)
        scan(tab, failures, path)
        tabs = tab.locator(".circ-personas [role=tab]")
        for index in range(1, tabs.count()):
            tabs.nth(index).click()
            scan(tab, failures, f"{path} tab {index}")
            tab_states += 1
    assert tab_states >= 4  # the FAQ's personas at least
    assert failures == {}, "\n".join(f"{k}: {v}" for k, v in failures.items())


def without_javascript(browser: Any, url: str, scheme: str) -> str:
    """The page as a browser without JavaScript renders it, scripts removed.

    axe needs script to run; this markup, served back to a page with
    JavaScript, shows exactly what a reader without it gets: <noscript>
    content in place, and nothing any script would have changed.
    """
    context = browser.new_context(java_script_enabled=False, color_scheme=scheme)
    page = context.new_page()
    page.goto(url)
    markup = page.evaluate(
        """() => {
          document.querySelectorAll('script').forEach(s => s.remove());
          document.querySelectorAll('noscript').forEach(n => n.replaceWith(...n.childNodes));
          return '<!DOCTYPE html>' + document.documentElement.outerHTML;
        }"""
    )
    context.close()
    return str(markup)


def fulfill(route: Any, body: str) -> None:
    route.fulfill(body=body, content_type="text/html; charset=utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_every_page_without_javascript(
    browser: Any, docs_url: str, pages: list[str], scheme: str
) -> None:
    """Without JavaScript the reader's colour scheme cannot be applied; both must pass."""
    failures: dict[str, Any] = {}
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    for path in pages:
        url = f"{docs_url}{path}"
        markup = without_javascript(browser, url, scheme)
        context.unroute("**")
        context.route(url, functools.partial(
            fulfill, body=markup
        ))  # fmt: skip
        tab.goto(url)
        assert tab.evaluate("document.scripts.length") == 0
        scan(tab, failures, path)
    context.close()
    assert failures == {}, "\n".join(f"{k}: {v}" for k, v in failures.items())


@pytest.fixture(scope="module")
def strict_url(docs_site: Path) -> Iterator[str]:
    with serve(docs_site, {"Content-Security-Policy": STRICT_CSP}) as url:
        yield url


def csp_reports(page: Any) -> list[str]:
    reports: list[str] = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text
            and reports.append(f"{page.url}: {message.text}")
        ),
    )
    return reports


def test_strict_csp_detects_an_inline_script(context: Any, tmp_path: Path) -> None:
    """The checks below can fail: an inline script is blocked and reported."""
    (tmp_path / "canary.html").write_text(
        "<!DOCTYPE html><title>x</title><script>document.title = 'y'</script>",
        encoding="utf-8",
    )
    tab = context.new_page()
    reports = csp_reports(tab)
    with serve(tmp_path, {"Content-Security-Policy": STRICT_CSP}) as url:
        tab.goto(f"{url}canary.html")
    assert tab.title() == "x"
    assert reports


def test_strict_csp_every_page(context: Any, strict_url: str, pages: list[str]) -> None:
    """No page breaks the policy, and the scripts it blocks would show."""
    tab = context.new_page()
    reports = csp_reports(tab)
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(f"{tab.url}: {error}"))
    for path in pages:
        tab.goto(f"{strict_url}{path}")
        tab.wait_for_load_state("load")
        # pydata-sphinx-theme's settings reached its script.
        name = tab.evaluate("DOCUMENTATION_OPTIONS.pagename")
        assert f"{name}.html" == path
    assert reports == []
    assert errors == []


def sphinx_plural_rules() -> list[str]:
    """The plural rules of every catalog Sphinx ships."""
    rules = set()
    for catalog in Path(sphinx.locale.__file__).parent.glob("*/LC_MESSAGES/sphinx.po"):
        text = catalog.read_text(encoding="utf-8", errors="replace")
        if match := re.search(r"plural=([^;\\]+);", text):
            rules.add(match.group(1).strip())
    assert len(rules) > 10
    return sorted(rules)


def test_plural_rules_without_eval(context: Any, strict_url: str) -> None:
    """The replacement for Sphinx's ``new Function`` agrees with gettext."""
    tab = context.new_page()
    tab.goto(f"{strict_url}index.html")
    assert tab.evaluate("Documentation.LOCALE") == "fr"
    numbers = [*range(0, 130), 1000, 1001, 1_000_000, 2_000_000]
    for rule in sphinx_plural_rules():
        expected = [gettext.c2py(rule)(n) for n in numbers]
        found = tab.evaluate(
            """([rule, numbers]) => {
              Documentation.addTranslations({messages: {}, plural_expr: rule, locale: 'x'});
              return numbers.map(n => Documentation.PLURAL_EXPR(n));
            }""",
            [rule, numbers],
        )
        assert found == expected, rule


def test_strict_csp_keeps_the_site_working(context: Any, strict_url: str) -> None:
    tab = context.new_page()
    reports = csp_reports(tab)
    tab.goto(f"{strict_url}faq/index.html")
    tabs = tab.locator(".circ-personas [role=tab]")
    tabs.nth(2).click()
    assert tabs.nth(2).get_attribute("aria-selected") == "true"
    # The colour mode switch, and the search page with its results.
    tab.locator(".theme-switch-button:visible").first.click()
    tab.locator(".theme-change-button[data-mode=dark]:visible").first.click()
    assert tab.evaluate("document.documentElement.dataset.theme") == "dark"
    tab.goto(f"{strict_url}search.html?q=donn%C3%A9es")
    tab.wait_for_selector("#search-results li", timeout=10_000)
    assert tab.evaluate("document.activeElement.matches('.bd-search-container input')")
    assert reports == []
