"""What a page downloads under the sphinx_circ theme: Font Awesome's script
only where an icon needs it, sphinx-design's files only where the page uses
its components, pydata's brand icons drawn without their font."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from sphinx_circ.config import THEME_DIR

SITE = {
    "index.md": "# Accueil\n\n```{toctree}\ncolonnes\nonglets\nicone\n```\n\n"
    "Le code : <https://github.com/exemple/portail>.\n",
    "colonnes.md": "# Colonnes\n\n::::{grid} 2\n:::{grid-item}\nUn\n:::\n"
    ":::{grid-item}\nDeux\n:::\n::::\n",
    "onglets.md": "# Onglets\n\n::::{tab-set}\n:::{tab-item} Un\nA\n:::\n"
    ":::{tab-item} Deux\nB\n:::\n::::\n",
    "icone.md": '# Icône\n\n```{raw} html\n<i class="fa-solid fa-envelope"></i>\n```\n',
}


def assets(built, page: str) -> list[str]:
    soup = BeautifulSoup(built.read(page), "html.parser")
    found = [link["href"] for link in soup.select("link[rel=stylesheet]")]
    found += [script["src"] for script in soup.select("script[src]")]
    return [ref.split("?")[0].rsplit("/", 1)[-1] for ref in found]


def test_each_page_links_only_what_it_uses(build) -> None:
    built = build(SITE)
    home = assets(built, "index.html")
    assert "fontawesome.js" not in home
    assert "sphinx-design.min.css" not in home and "design-tabs.js" not in home
    grid = assets(built, "colonnes.html")
    assert "sphinx-design.min.css" in grid and "design-tabs.js" not in grid
    tabs = assets(built, "onglets.html")
    assert "sphinx-design.min.css" in tabs and "design-tabs.js" in tabs
    # An icon the theme does not draw keeps Font Awesome, on its page only.
    assert "fontawesome.js" in assets(built, "icone.html")
    assert "fontawesome.js" not in assets(built, "colonnes.html")


def test_font_awesome_icon_links_keep_the_script(build) -> None:
    links = [
        {"name": "Code", "url": "https://github.com/x", "icon": "fa-brands fa-github"}
    ]
    built = build(SITE, confoverrides={"html_theme_options": {"icon_links": links}})
    assert "fontawesome.js" in assets(built, "index.html")


def test_links_to_code_forges_are_drawn_without_the_brand_font(build) -> None:
    """pydata marks links to github.com ``github`` and draws its brand icon
    with a 108 KB font; the theme draws it as a mask."""
    built = build(SITE)
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    assert soup.select("a.github")
    # The icons' stylesheet is linked to the page that has such a link.
    assert "circ-icons-forges.css" in assets(built, "index.html")
    assert "circ-icons-forges.css" not in assets(built, "colonnes.html")
    css = (THEME_DIR / "static" / "styles" / "circ-icons-forges.css").read_text("utf-8")
    for forge in ("github", "gitlab"):
        rule = re.search(r"a\." + forge + r"::before \{ content: \"\"; mask-image", css)
        assert rule, forge


def test_the_request_forms_rules_only_where_there_is_one(build) -> None:
    site = {
        "index.md": "# Accueil\n\n```{toctree}\ndemande\n```\n",
        "demande.md": "# Demande\n\n:::{data-request}\n:::\n",
    }
    built = build(site, confoverrides={"circ_request_email": "donnees@example.gouv.fr"})
    assert "circ-request.css" in assets(built, "demande.html")
    assert "circ-request.css" not in assets(built, "index.html")


def test_bootstrap_only_where_the_page_uses_it(build) -> None:
    """The mode switch is a disclosure of the theme's: Bootstrap's bundle is
    linked where a Bootstrap dropdown is on the page (here pydata's version
    switcher, placed by the site), and pydata's own script everywhere."""
    built = build(SITE)
    for page in ("index.html", "colonnes.html", "onglets.html"):
        names = assets(built, page)
        assert "bootstrap.js" not in names, page
        assert names[-1] == "pydata-sphinx-theme.js", page
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    switch = soup.select_one(".circ-disclosure > button.theme-switch-button")
    assert switch is not None and switch["aria-expanded"] == "false"
    assert soup.find(id=switch["aria-controls"]).has_attr("hidden")
    assert not soup.select("[data-bs-toggle]")
    options = {
        "navbar_end": ["version-switcher", "theme-switcher"],
        "switcher": {"json_url": "_static/switcher.json", "version_match": "1"},
    }
    built = build(SITE, confoverrides={"html_theme_options": options})
    assert "bootstrap.js" in assets(built, "index.html")


def test_content_using_bootstrap_keeps_it(build) -> None:
    """A page whose own HTML uses Bootstrap's data attributes gets its bundle
    (a tooltip alone does not: the browser shows ``title``)."""
    site = dict(SITE)
    site["icone.md"] += (
        '\n```{raw} html\n<button data-bs-toggle="collapse" data-bs-target="#x">'
        'Plus</button><div id="x" class="collapse">Texte</div>\n```\n'
    )
    site["colonnes.md"] += (
        '\n```{raw} html\n<span title="Aide" data-bs-toggle="tooltip">?</span>\n```\n'
    )
    built = build(site)
    assert "bootstrap.js" in assets(built, "icone.html")
    assert "bootstrap.js" not in assets(built, "colonnes.html")


def test_the_page_toc_is_computed_once_and_only_where_it_shows(
    build, monkeypatch
) -> None:
    """pydata renders the secondary sidebar's templates twice per page (once to
    drop the empty ones); the theme's copy of "On this page" computes the
    table of contents once."""
    from pydata_sphinx_theme import toctree

    calls: list[str] = []
    original = toctree.add_toctree_functions

    def counting(app, pagename, templatename, context, doctree) -> None:
        original(app, pagename, templatename, context, doctree)
        generate = context["generate_toc_html"]

        def counted(*args, **kwargs):
            calls.append(pagename)
            return generate(*args, **kwargs)

        context["generate_toc_html"] = counted

    monkeypatch.setattr(toctree, "add_toctree_functions", counting)
    site = dict(SITE)
    site["colonnes.md"] = "# Colonnes\n\n## Une\n\nTexte.\n\n## Deux\n\nTexte.\n"
    built = build(site)
    soup = BeautifulSoup(built.read("colonnes.html"), "html.parser")
    assert [a.get_text() for a in soup.select("#pst-page-toc-nav a")] == ["Une", "Deux"]
    onglets = BeautifulSoup(built.read("onglets.html"), "html.parser")
    assert onglets.select_one("#pst-page-toc-nav") is None
    assert calls.count("colonnes") == 1
