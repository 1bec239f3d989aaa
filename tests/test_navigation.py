"""The theme's main menu, quick links and sidebars, in the built HTML."""

from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import warnings_of

SITE = {
    "index.md": "# Accueil\n\n```{toctree}\n:hidden:\n\ndonnees/index\nfaq\nguide/index\n```\n",
    "donnees/index.md": "# Données\n\n```{toctree}\nun\ndeux\n```\n",
    "donnees/un.md": "# Un jeu\n",
    "donnees/deux.md": "# Deux jeux\n",
    "faq.md": "# Questions\n",
    "guide/index.md": "# Guide\n\n```{toctree}\nbloc\n```\n",
    "guide/bloc.md": "# Un bloc\n",
}
OPTIONS = {
    "menu_exclude": ["guide/index"],
    "quick_links": [
        {"name": "Guide", "url": "guide/index"},
        {"name": "Blog", "url": "https://example.org/blog"},
    ],
    "external_links": [{"name": "Forum", "url": "https://example.org/forum"}],
}


def page(built, name: str) -> BeautifulSoup:
    return BeautifulSoup(built.read(name), "html.parser")


def menu(soup: BeautifulSoup) -> list[tuple[str, str, str]]:
    """The header menu's entries: (text, href, aria-current)."""
    return [
        (a.get_text(strip=True), a["href"], a.get("aria-current", ""))
        for a in soup.select(
            ".bd-header .circ-menu:not(.circ-menu--list) > ul > li > a"
        )
    ]


def test_menu_lists_the_top_level_pages_and_marks_the_section(build) -> None:
    built = build(SITE, confoverrides={"html_theme_options": OPTIONS})
    assert warnings_of(built, "theme") == []
    # On a page of a section: the section is marked, not as the page.
    assert menu(page(built, "donnees/un.html")) == [
        ("Données", "index.html", "true"),
        ("Questions", "../faq.html", ""),
        ("Forum", "https://example.org/forum", ""),
    ]
    # On the section's own page, and on the home page (nothing to mark).
    assert menu(page(built, "donnees/index.html"))[0] == ("Données", "#", "page")
    assert [current for *_, current in menu(page(built, "index.html"))] == [""] * 3
    # The excluded guide still has its pages and its section's navigation.
    guide = page(built, "guide/bloc.html")
    assert "Guide" not in [text for text, *_ in menu(guide)]
    assert (
        guide.select_one(".bd-docs-nav a[href='#']").get_text(strip=True) == "Un bloc"
    )
    # The phone menu is the same list, without "Plus".
    phone = guide.select_one(".bd-sidebar-primary .circ-menu--list")
    assert [a.get_text(strip=True) for a in phone.select("a")] == [
        "Données",
        "Questions",
        "Forum",
    ]
    assert phone.select_one(".circ-menu__more") is None
    assert phone["aria-label"] == "Menu principal"


def test_quick_links_resolve_documents_on_every_page(build) -> None:
    built = build(SITE, confoverrides={"html_theme_options": OPTIONS})
    for name, prefix in (("index.html", ""), ("donnees/un.html", "../")):
        quick = page(built, name).select_one(".bd-header .circ-quick-links")
        assert quick["aria-label"] == "Accès rapides"
        assert [(a.get_text(), a["href"]) for a in quick.select("a")] == [
            ("Guide", f"{prefix}guide/index.html"),
            ("Blog", "https://example.org/blog"),
        ]


def test_bad_menu_settings_warn_and_are_left_out(build) -> None:
    options = {
        "menu_exclude": ["nulle-part"],
        "quick_links": [{"name": "Piège", "url": "javascript:alert(1)"}, "texte"],
    }
    built = build(SITE, confoverrides={"html_theme_options": options})
    messages = warnings_of(built, "theme")
    assert any("menu_exclude names 'nulle-part'" in m for m in messages), messages
    assert sum("quick_links:" in m and "left out" in m for m in messages) == 2
    assert page(built, "index.html").select_one(".circ-quick-links") is None
    # A name that is not a list.
    built = build(SITE, confoverrides={"html_theme_options": {"menu_exclude": 3}})
    assert any("menu_exclude must be a list" in m for m in warnings_of(built, "theme"))


def test_more_past_the_limit_and_every_entry_without_script(build) -> None:
    options = {"header_links_before_dropdown": 1}
    built = build(SITE, confoverrides={"html_theme_options": options})
    soup = page(built, "faq.html")
    row = soup.select(".bd-header .circ-menu > ul > li")
    assert [li.get("class") for li in row][:3] == [
        ["nav-item", "circ-menu__item"],
        ["nav-item", "circ-menu__item", "current", "active", "circ-menu__item--more"],
        ["nav-item", "circ-menu__item", "circ-menu__item--more"],
    ]
    more = soup.select_one(".circ-menu__more")
    assert not more.has_attr("hidden")
    assert [a.get_text() for a in more.select("a")] == ["Données", "Questions", "Guide"]
    # Every entry is a link in the page itself (shown without script).
    assert len(soup.select(".bd-header .circ-menu > ul > li > a")) == 3


def test_a_page_of_data_takes_the_width(build) -> None:
    schema = '{"fields": [{"name": "code", "type": "string"}]}'
    files = {
        "index.md": "# Accueil\n\n```{toctree}\ndonnees\nlibre\n```\n",
        "donnees.md": "# Données\n\n:::{dataset} schema.json\n:::\n",
        "schema.json": schema,
        "libre.md": "---\nlayout: data\n---\n# Libre\n",
    }
    built = build(files)
    for name in ("donnees.html", "libre.html"):
        assert page(built, name).body["class"] == ["circ-layout-data"]
    assert page(built, "index.html").body["class"] == ["circ-layout-default"]


def test_a_favicon_unless_the_site_has_one(build) -> None:
    built = build({"index.md": "# Accueil\n"})
    icon = page(built, "index.html").select_one("link[rel=icon]")
    assert icon["href"] == "_static/circ-favicon.svg"
    assert (built.outdir / "_static" / "circ-favicon.svg").is_file()
    own = build(
        {"index.md": "# Accueil\n", "logo.svg": "<svg/>"},
        confoverrides={"html_theme_options": {"organisation_logo": "logo.svg"}},
    )
    icons = page(own, "index.html").select("link[rel=icon]")
    assert [link["href"] for link in icons] == ["_static/logo.svg"]


def test_the_menu_follows_a_new_read_of_the_sources(build) -> None:
    """Built again by the same builder (sphinx-autobuild, a second
    ``app.build()``), a page added to the home page's toctree joins the menu."""
    files = {
        "index.md": "# Accueil\n\n```{toctree}\nun\n```\n",
        "un.md": "# Un\n",
        "deux.md": "---\norphan: true\n---\n# Deux\n",
    }
    built = build(files)
    assert [text for text, *_ in menu(page(built, "un.html"))] == ["Un"]
    index = built.app.srcdir / "index.md"
    index.write_text("# Accueil\n\n```{toctree}\nun\ndeux\n```\n", encoding="utf-8")
    (built.app.srcdir / "deux.md").write_text("# Deux\n", encoding="utf-8")
    built.app.build()
    # (Sphinx writes again the pages whose sources changed.)
    for name in ("index.html", "deux.html"):
        assert [text for text, *_ in menu(page(built, name))] == ["Un", "Deux"]


# -- A bounded menu -------------------------------------------------------------------

BIG_SITE = {
    "index.md": "# Accueil\n\n```{toctree}\n:hidden:\n\n"
    + "\n".join(f"r{i}/index" for i in range(30))
    + "\nplan\n```\n",
    **{
        f"r{i}/index.md": f"# Rubrique {i}\n\n```{{toctree}}\npage\n```\n"
        for i in range(30)
    },
    **{f"r{i}/page.md": f"# Page {i}\n" for i in range(30)},
    "plan.md": "# Plan du site\n\n:::{site-map}\n:::\n",
}


def test_the_menu_is_bounded_and_ends_on_every_section(build) -> None:
    """Past menu_max_entries (12 by default), the header ends on "All
    sections", the site map: a page's header does not grow with the site."""
    built = build(BIG_SITE, confoverrides={"language": "fr"})
    entries = menu(page(built, "r0/page.html"))
    assert [title for title, _, _ in entries] == [
        *(f"Rubrique {i}" for i in range(12)),
        "Toutes les rubriques",
    ]
    assert entries[0] == ("Rubrique 0", "index.html", "true")
    assert entries[-1] == ("Toutes les rubriques", "../plan.html", "")
    # The reader's section stays in the menu, after the others.
    entries = menu(page(built, "r20/page.html"))
    assert [title for title, _, _ in entries][-2:] == [
        "Rubrique 20",
        "Toutes les rubriques",
    ]
    assert entries[-2][2] == "true" and len(entries) == 14
    # On the site map itself, "All sections" is the current page.
    assert menu(page(built, "plan.html"))[-1] == ("Toutes les rubriques", "#", "page")


def test_menu_max_entries_is_configurable_and_checked(build) -> None:
    built = build(
        BIG_SITE, confoverrides={"html_theme_options": {"menu_max_entries": 3}}
    )
    assert len(menu(page(built, "r0/page.html"))) == 4
    bad = build(
        BIG_SITE, confoverrides={"html_theme_options": {"menu_max_entries": "zero"}}
    )
    messages = warnings_of(bad, "theme")
    assert any("menu_max_entries must be a whole number" in m for m in messages)
    assert len(menu(page(bad, "r0/page.html"))) == 13


def test_without_a_site_map_all_sections_is_the_home_page(build) -> None:
    site = {k: v for k, v in BIG_SITE.items() if k != "plan.md"}
    site["index.md"] = site["index.md"].replace("\nplan\n", "\n")
    built = build(site, confoverrides={"html_theme_options": {"menu_max_entries": 2}})
    assert menu(page(built, "r5/page.html"))[-1][1] == "../index.html"


def test_the_dsfr_navigation_is_bounded_too(build) -> None:
    built = build(
        BIG_SITE,
        confoverrides={
            "html_theme": "sphinx_circ_dsfr",
            "html_theme_options": {"menu_max_entries": 3, "menu_exclude": ["r1/index"]},
        },
    )
    nav = page(built, "r9/page.html").select("nav.fr-nav a.fr-nav__link")
    assert [(a.get_text(strip=True), a.get("aria-current", "")) for a in nav] == [
        ("Rubrique 0", ""),
        ("Rubrique 2", ""),
        ("Rubrique 3", ""),
        ("Rubrique 9", "true"),
        ("Toutes les rubriques", ""),
    ]
