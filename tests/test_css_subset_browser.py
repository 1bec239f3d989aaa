"""pydata-sphinx-theme's stylesheet, cut to the site's rules, loses nothing.

The portal in ``docs/`` and the kitchen sink (every construct of Sphinx, the
parent's features: announcement, version switcher, icon links, API pages)
are opened twice in Chromium: with the subset the build wrote, and with
pydata's whole file served in its place. Every element, and its ``::before``
and ``::after``, must have the same computed style in both: at a desktop and
a phone width, light and dark, in print, without JavaScript, and with the
header's lists, the search dialog and the phone menu open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SITES, goto_in_mode, run_sphinx, serve, strip_colors

from sphinx_circ.css_subset import STYLESHEET

#: Every element's computed style (``::before`` and ``::after`` too), as a
#: hash per element; with an index, that element's properties in full.
STYLES = """(index) => {
  const elements = [...document.querySelectorAll('*')];
  // Custom properties left out: what they change shows in the properties
  // that use them.
  const names = [...getComputedStyle(document.documentElement)]
    .filter((name) => !name.startsWith('--'));
  const styles = (element) => [null, '::before', '::after'].map((pseudo) => {
    const style = getComputedStyle(element, pseudo);
    if (pseudo && style.content === 'none') return {};
    return Object.fromEntries(names.map((name) => [(pseudo || '') + name,
      style.getPropertyValue(name)]));
  });
  if (index !== null) return Object.assign({}, ...styles(elements[index]));
  const hash = (text) => {
    let h = 2166136261;
    for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619);
    return h >>> 0;
  };
  return elements.map((element) => {
    const path = element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') +
      [...element.classList].map((name) => '.' + name).join('');
    return [path, hash(JSON.stringify(styles(element)))];
  });
}"""

#: True once the page's element count has not changed for half a second.
STILL = """() => {
  const count = document.querySelectorAll('*').length;
  const now = performance.now();
  if (window.circCount !== count) {
    window.circCount = count;
    window.circSince = now;
  }
  return now - window.circSince > 500;
}"""

#: What a state does once the page is loaded (the header's lists, search).
ACTIONS: dict[str, Callable[[Any], None]] = {
    "": lambda page: None,
    "mode list": lambda page: page.locator(".bd-header .theme-switch-button").click(),
    "search": lambda page: page.keyboard.press("Control+k"),
    "phone menu": lambda page: page.locator(".primary-toggle").first.click(),
}

#: (width, mode, media, JavaScript, action). Every page is compared in the
#: first; the others (what scripts, modes, widths and print change) on a few.
STATES = [
    (1280, "light", "screen", True, ""),
    (1280, "dark", "screen", True, ""),
    (390, "light", "screen", True, ""),
    (390, "dark", "screen", True, "phone menu"),
    (1280, "light", "print", True, ""),
    (390, "light", "screen", False, ""),
    (1280, "light", "screen", True, "mode list"),
    (1280, "dark", "screen", True, "search"),
]

DOCS_PAGES = [
    "index.html",
    "faq/index.html",
    "donnees/dechets-menagers.html",
    "inventaire.html",
    "demande.html",
    "guide/theme.html",
    "search.html",
    "genindex.html",
]
SINK_PAGES = [
    "index.html",
    "sink/admonitions.html",
    "sink/api.html",
    "sink/blocks.html",
    "sink/design.html",
    "sink/generic.html",
    "sink/lists.html",
    "sink/tables.html",
    "sink/typography.html",
]


@pytest.fixture(scope="module")
def sink(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sink") / "html"
    result = run_sphinx(
        SITES / "kitchen-sink", out, "-D", "html_theme=sphinx_circ",
        "-d", str(out.parent / "doctrees"),
    )  # fmt: skip
    assert result.returncode == 0, strip_colors(result.stderr)
    return out


@pytest.fixture(scope="module")
def sites(docs_site: Path, sink: Path) -> Iterator[dict[str, tuple[Path, str]]]:
    with serve(docs_site) as docs, serve(sink) as kitchen:
        yield {"docs": (docs_site, docs), "sink": (sink, kitchen)}


def whole_stylesheet() -> Path:
    import pydata_sphinx_theme

    theme = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
    return theme / "static" / STYLESHEET


def styles_of(browser: Any, url: str, state: tuple[Any, ...], whole: bool) -> Any:
    """The page open in *state*, with the subset or with pydata's whole file."""
    width, mode, media, javascript, action = state
    context = browser.new_context(
        viewport={"width": width, "height": 900},
        java_script_enabled=javascript,
        reduced_motion="reduce",
    )
    if whole:
        context.route(
            "**/" + STYLESHEET + "*",
            lambda route: route.fulfill(
                path=whole_stylesheet(), content_type="text/css"
            ),
        )
    page = context.new_page()
    if javascript:
        goto_in_mode(page, url, mode)
    else:
        page.goto(url)
    page.emulate_media(media=media)
    ACTIONS[action](page)
    if javascript:
        page.wait_for_function("document.getAnimations().length === 0")
    if javascript and "search.html" in url:
        # The search page writes its results one by one: wait for the last.
        page.wait_for_load_state("networkidle")
        page.wait_for_function(STILL, polling=250)
    page.evaluate("document.fonts.ready")
    return page


@pytest.mark.parametrize(
    "state", STATES, ids=lambda s: "-".join(map(str, s)).rstrip("-")
)
def test_subset_styles_every_element_as_the_whole_file(
    browser: Any, sites: dict[str, tuple[Path, str]], state: tuple[Any, ...]
) -> None:
    docs_out, _ = sites["docs"]
    # The subset is what the pages link, and it is a fraction of the file.
    cut = (docs_out / "_static" / STYLESHEET).stat().st_size
    assert cut < whole_stylesheet().stat().st_size / 2
    differences = []
    every = state == STATES[0]
    for site, pages in (
        ("docs", DOCS_PAGES if every else DOCS_PAGES[:3:2]),
        ("sink", SINK_PAGES if every else SINK_PAGES[2:3]),
    ):
        base = sites[site][1]
        for name in pages:
            url = base + name + ("?q=donn%C3%A9es" if name == "search.html" else "")
            subset_page = styles_of(browser, url, state, whole=False)
            whole_page = styles_of(browser, url, state, whole=True)
            try:
                ours = subset_page.evaluate(STYLES, None)
                theirs = whole_page.evaluate(STYLES, None)
                assert [path for path, _ in ours] == [path for path, _ in theirs], name
                for index, ((path, mine), (_, full)) in enumerate(
                    zip(ours, theirs, strict=True)
                ):
                    if mine != full:
                        a = subset_page.evaluate(STYLES, index)
                        b = whole_page.evaluate(STYLES, index)
                        changed = {
                            key: (a.get(key), b.get(key))
                            for key in a.keys() | b.keys()
                            if a.get(key) != b.get(key)
                        }
                        differences.append(f"{site}/{name} {path}: {changed}")
                        break
            finally:
                subset_page.context.close()
                whole_page.context.close()
    assert differences == []
