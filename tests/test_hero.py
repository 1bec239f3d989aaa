"""The ``hero`` block: a banner that holds the page's real title."""

from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import snapshot, warnings_of

MYST_PAGE = """
---
layout: landing
---

::::{hero}
:align: center
:class: accueil

# Les données du portail

Téléchargez et réutilisez les données publiques.

:::{button} https://example.org
Commencer
:::
::::

Un paragraphe après le bandeau.

## Une partie ordinaire

Du texte.
"""

RST_PAGE = """
.. hero::
   :align: center

   Les données du portail
   ======================

   Téléchargez et réutilisez les données publiques.

Un paragraphe après le bandeau.

Une partie ordinaire
--------------------

Du texte.
"""


def test_hero_doctree_myst(build, file_regression) -> None:
    built = build({"index.md": MYST_PAGE})
    assert built.warnings == ""
    file_regression.check(snapshot(built), extension=".xml")


def test_hero_doctree_rst(build, file_regression) -> None:
    built = build({"index.rst": RST_PAGE})
    assert built.warnings == ""
    file_regression.check(snapshot(built), extension=".xml")


def test_hero_heading_is_the_page_title(build) -> None:
    built = build(
        {
            "index.md": MYST_PAGE,
            "autre.md": "# Autre\n\n```{toctree}\nindex\n```\n",
        },
        confoverrides={"root_doc": "autre"},
    )
    assert built.app.env.titles["index"].astext() == "Les données du portail"
    page = BeautifulSoup(built.read("index.html"), "html.parser")
    assert page.title.get_text().startswith("Les données du portail")
    (h1,) = page.select("article h1")
    hero = h1.find_parent("div", class_="circ-hero")
    assert hero is not None and "circ-hero--center" in hero["class"]
    assert "accueil" in hero["class"]
    assert "Téléchargez" in hero.get_text()
    assert hero.select_one("a.circ-button")["href"] == "https://example.org"
    # The rest of the page is inside the title's section, after the banner.
    section = h1.find_parent("section")
    assert (
        section.select_one("h2").get_text(strip=True).startswith("Une partie ordinaire")
    )
    assert "Un paragraphe après le bandeau." not in hero.get_text()
    assert "Un paragraphe après le bandeau." in section.get_text()
    # The toctree entry of the other page uses the hero's title.
    other = BeautifulSoup(built.read("autre.html"), "html.parser")
    assert (
        "Les données du portail"
        in other.select_one("article .toctree-wrapper").get_text()
    )


def test_hero_image_is_decorative_by_default(build, tmp_path) -> None:
    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
        b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
        b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    (tmp_path / "src" / "img").mkdir(parents=True)
    (tmp_path / "src" / "img" / "fond.png").write_bytes(png)
    built = build(
        {
            "index.md": "::::{hero}\n:image: img/fond.png\n# Titre\n\nAccroche.\n::::\n",
            "autre.md": (
                "::::{hero}\n:image: img/fond.png\n:image-alt: Un centre de tri\n"
                "# Autre\n::::\n"
            ),
        }
    )
    page = BeautifulSoup(built.read("index.html"), "html.parser")
    image = page.select_one(".circ-hero img.circ-hero__image")
    assert image["alt"] == ""
    assert (built.outdir / image["src"]).is_file()
    other = BeautifulSoup(built.read("autre.html"), "html.parser")
    assert other.select_one("img.circ-hero__image")["alt"] == "Un centre de tri"


def test_hero_without_heading_warns(build) -> None:
    built = build(
        {"index.md": "# Titre\n\n::::{hero}\nSeulement une accroche.\n::::\n"}
    )
    (warning,) = warnings_of(built, "hero")
    assert "index.md:3: WARNING: hero without a heading" in warning
    assert "Seulement une accroche." in built.read("index.html")


def test_hero_after_the_title_warns_and_keeps_its_heading(build) -> None:
    built = build(
        {"index.md": "# Titre\n\n::::{hero}\n## Bandeau\n\nAccroche.\n::::\n"}
    )
    (warning,) = warnings_of(built, "hero")
    assert "index.md:3: WARNING: a hero must come first" in warning
    page = BeautifulSoup(built.read("index.html"), "html.parser")
    assert page.select_one(".circ-hero h2").get_text(strip=True) == "Bandeau"
    assert page.select_one("h1").get_text(strip=True).startswith("Titre")


def test_empty_hero_and_bad_align_warn(build) -> None:
    built = build(
        {"index.md": "::::{hero}\n::::\n\n::::{hero}\n:align: middle\n# Titre\n::::\n"}
    )
    warnings = warnings_of(built, "hero")
    assert any("index.md:1: WARNING: empty hero" in w for w in warnings)
    assert any(
        "index.md:4: WARNING: unknown align 'middle'; use one of: left, center, right"
        in w
        for w in warnings
    )
