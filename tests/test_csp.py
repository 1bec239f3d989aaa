"""Pages a strict Content-Security-Policy allows: no inline script or style.

The browser side (the policy served as a header, the console watched) is in
test_docs_browser.py.
"""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from sphinx_circ.csp import parse_options

EVERY_BLOCK = """
# Accueil

::::{hero}
# Bienvenue

Un portail.

:::{button} https://example.org
:new-tab:
Ailleurs
:::
::::

:::{section}
:style: grey
## Une bande

Du texte.
:::

:::::{persona-tabs}
::::{persona} Citoyen
Pour vous.
::::
::::{persona} Producteur
Pour vous aussi.
::::
:::::
"""


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("DOCUMENTATION_OPTIONS.pagename = 'faq/index';", {"pagename": "faq/index"}),
        (
            "DOCUMENTATION_OPTIONS.search_as_you_type = false;",
            {"search_as_you_type": False},
        ),
        (
            "\n  DOCUMENTATION_OPTIONS.a = 'l\\'a';\n  DOCUMENTATION_OPTIONS.b =\n  true;\n",
            {"a": "l'a", "b": True},
        ),
        ("DOCUMENTATION_OPTIONS.pagename = 'x'; alert(1);", None),
        ("window.dataLayer = [];", None),
        ("", None),
    ],
)
def test_parse_options(body: str, expected: object) -> None:
    assert parse_options(body) == expected


def test_no_inline_script_or_style(build) -> None:
    built = build({"index.md": EVERY_BLOCK})
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    assert [str(s)[:80] for s in soup.find_all("script") if not s.get("src")] == []
    assert soup.find_all("style") == []
    assert soup.select("[style]") == []
    assert [t.name for t in soup.find_all(attrs={"onclick": True})] == []
    # pydata's settings went into an attribute of one deferred script.
    options = soup.select_one("script[data-options]")
    assert options is not None and options.has_attr("defer")
    assert '"pagename": "index"' in options["data-options"]
    # One script blocks rendering, on purpose: the mode script, so the first
    # paint is in the reader's mode. It is small; every other script in the
    # head is deferred or async.
    blocking = [
        s["src"]
        for s in soup.head.find_all("script")
        if not (s.has_attr("defer") or s.has_attr("async"))
    ]
    assert blocking == ["_static/scripts/circ-mode.js"]
    assert (built.outdir / blocking[0]).stat().st_size < 1024
    # Sphinx would link dark code colours under a media query, on light pages.
    assert not re.search(r"prefers-color-scheme", str(soup.head))
    # External links opened in a new tab do not hand over the opener.
    blank = soup.select('a[target="_blank"]')
    assert blank and all({"noopener", "noreferrer"} <= set(a["rel"]) for a in blank)


def test_another_extensions_inline_script_is_left_alone(build) -> None:
    """An inline script the theme cannot move keeps the scripts before it synchronous."""
    conf = (
        'extensions = ["sphinx_circ"]\nhtml_theme = "sphinx_circ"\n'
        "def setup(app):\n"
        "    app.add_js_file(None, body='window.tracker = DOCUMENTATION_OPTIONS;')\n"
    )
    built = build({"index.md": "# Accueil\n"}, conf=conf)
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    inline = [s for s in soup.find_all("script") if not s.get("src")]
    assert [s.string for s in inline] == ["window.tracker = DOCUMENTATION_OPTIONS;"]
    options_js = soup.select_one('script[src*="documentation_options.js"]')
    assert options_js is not None and not options_js.has_attr("defer")


def test_the_module_index_collapses_without_inline_script(build) -> None:
    # Sphinx collapses the index when few modules have submodules, from an
    # inline script of its template that would run before the deferred ones.
    page = "# API\n\n" + "".join(
        f"```{{py:module}} {name}\n```\n\n" for name in ("air", "eau", "eau.mesures")
    )
    built = build({"index.md": page})
    soup = BeautifulSoup(built.read("py-modindex.html"), "html.parser")
    assert [str(s)[:80] for s in soup.find_all("script") if not s.get("src")] == []
    assert (
        '"COLLAPSE_INDEX": true'
        in soup.select_one("script[data-options]")["data-options"]
    )


def test_dataset_json_ld_is_data_not_script(build) -> None:
    """A dataset's schema.org JSON-LD is a data block (``application/ld+json``),
    which ``script-src`` does not govern: the only inline ``<script>`` left."""
    schema = '{"title": "Essai", "fields": [{"name": "a"}]}'
    built = build(
        {
            "index.md": EVERY_BLOCK + "\n:::{dataset} schema.json\n:::\n",
            "schema.json": schema,
        }
    )
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    inline = [s for s in soup.find_all("script") if not s.get("src")]
    assert [s["type"] for s in inline] == ["application/ld+json"]
    assert json.loads(inline[0].string)["name"] == "Essai"
    # The deferred scripts are deferred all the same.
    assert soup.select_one("script[data-options]").has_attr("defer")
