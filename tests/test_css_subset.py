"""pydata-sphinx-theme's stylesheet cut to the rules a site can use
(sphinx_circ/css_subset.py); that no element loses a rule is shown in a
browser (test_css_subset_browser.py)."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from sphinx_circ.css_subset import STYLESHEET, required_names, subset

CSS = """@charset "UTF-8";
/* a comment with .row { inside */
:root{--x:1}
html[data-theme=dark] .used{color:red}
.used,.absent{margin:0}
.absent .used{padding:0}
.absent{content:"{ .used }"}
.used:not(.absent){border:0}
a[class*=highlight-]{color:blue}
#main-content{display:block}
#missing{display:none}
.md\\:wide{width:1px}
@media (min-width:960px){.absent{gap:1px}.used>p{gap:2px}}
@media print{.absent{display:none}}
@font-face{font-family:X;src:url(x.woff2)}
@keyframes spin{from{transform:none}to{transform:rotate(1turn)}}
"""


def test_rules_that_can_match_are_kept() -> None:
    names = {".used", "#main-content", ".md:wide"}
    out = subset(CSS, names)
    assert '@charset "UTF-8";' in out
    assert ":root{--x:1}" in out
    assert "html[data-theme=dark] .used{color:red}" in out
    # A selector list keeps the selectors that can match.
    assert ".used{margin:0}" in out
    assert ".absent" not in out.replace(":not(.absent)", "")
    assert ".used:not(.absent){border:0}" in out
    assert "a[class*=highlight-]{color:blue}" in out
    assert "#main-content{display:block}" in out and "#missing" not in out
    assert ".md\\:wide{width:1px}" in out
    # A group keeps its rules that can match; an empty group goes.
    assert "@media (min-width:960px){.used>p{gap:2px}}" in out
    assert "@media print" not in out
    assert "@font-face{font-family:X;src:url(x.woff2)}" in out
    assert "@keyframes spin{from{transform:none}to{transform:rotate(1turn)}}" in out
    assert "comment" not in out


def test_only_what_an_element_must_have_is_required() -> None:
    assert required_names(".a .b > #c:hover::before") == {".a", ".b", "#c"}
    assert required_names(".a:is(.b, .c):not(.d)") == {".a"}
    assert required_names('a[href$=".pdf"]') == set()
    assert required_names(".sm\\:x") == {".sm:x"}


def stylesheet_link(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    link = soup.select_one(f'link[href*="{STYLESHEET}"]')
    assert link is not None
    return str(link["href"])


PAGES = {
    "index.md": "# Accueil\n\n```{toctree}\nautre\n```\n",
    "autre.md": "# Autre\n\nTexte.\n",
}


def test_the_site_gets_the_rules_its_pages_use(build) -> None:
    import pydata_sphinx_theme

    whole = (
        Path(pydata_sphinx_theme.__file__).parent
        / "theme/pydata_sphinx_theme/static"
        / STYLESHEET
    ).read_text(encoding="utf-8")
    built = build(PAGES)
    css = (built.outdir / "_static" / STYLESHEET).read_text(encoding="utf-8")
    assert len(css) < len(whole) / 2
    for absent in (".carousel", ".toast", ".modal-dialog", ".fa-bicycle", ".row"):
        assert not re.search(re.escape(absent) + r"\b", css), absent
    # The chrome's own rules are kept, and so is what a script adds.
    for kept in (".bd-header", ".bd-sidebar-primary", ".navbar-nav"):
        assert kept in css, kept
    first = stylesheet_link(built.read("index.html"))
    assert re.search(r"\?v=[\w.]+-[0-9a-f]{16}$", first)
    assert stylesheet_link(built.read("autre.html")) == first
    # Raw HTML using Bootstrap's grid: its rules come back, under a new address.
    pages = dict(PAGES)
    pages["autre.md"] += (
        '\n```{raw} html\n<div class="row"><div class="col-md-6">Un</div></div>\n```\n'
    )
    built = build(pages)
    css = (built.outdir / "_static" / STYLESHEET).read_text(encoding="utf-8")
    assert re.search(r"\.row\{", css) and ".col-md-6{" in css
    assert stylesheet_link(built.read("index.html")) != first


def test_a_site_may_keep_the_whole_file(build) -> None:
    import pydata_sphinx_theme

    whole = (
        Path(pydata_sphinx_theme.__file__).parent
        / "theme/pydata_sphinx_theme/static"
        / STYLESHEET
    ).read_bytes()
    built = build(
        PAGES, confoverrides={"html_theme_options": {"parent_stylesheet": "whole"}}
    )
    assert (built.outdir / "_static" / STYLESHEET).read_bytes() == whole
    assert re.search(r"\?v=[\w.]+$", stylesheet_link(built.read("index.html")))


def test_a_wrong_value_is_a_warning(build) -> None:
    built = build(
        PAGES, confoverrides={"html_theme_options": {"parent_stylesheet": "small"}}
    )
    assert any(
        "parent_stylesheet 'small'" in line and "[circ.theme]" in line
        for line in built.circ_warnings()
    ), built.warnings
    css = (built.outdir / "_static" / STYLESHEET).read_text(encoding="utf-8")
    assert ".carousel" not in css  # the default applies
