"""The ``section`` block: bands whose headings stay real sections."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import snapshot, warnings_of

MYST_PAGE = """
# Accueil

::::{section}
Une introduction sans titre.
::::

::::{section}
:style: color
:name: economie

## Qu'est-ce que c'est ?

Une explication.

### Un détail

Plus de texte.
::::

::::{section}
:style: section-grey
:class: donnees

Avant le titre.

(les-jeux)=
## Les jeux

Des jeux de données.

## Participer

Contribuez.
::::

Voir [les jeux](#les-jeux) et {ref}`la partie économie <economie>`.
"""

RST_PAGE = """
Accueil
=======

.. section::
   :style: color

   Qu'est-ce que c'est ?
   ---------------------

   Une explication.

   Un détail
   ~~~~~~~~~

   Plus de texte.

Après.
"""


def page_of(built, name: str = "index.html") -> BeautifulSoup:
    return BeautifulSoup(built.read(name), "html.parser")


def test_section_doctree_myst(build, file_regression) -> None:
    built = build({"index.md": MYST_PAGE})
    assert built.warnings == ""
    file_regression.check(snapshot(built), extension=".xml")


def test_section_doctree_rst(build, file_regression) -> None:
    built = build({"index.rst": RST_PAGE})
    assert built.warnings == ""
    file_regression.check(snapshot(built), extension=".xml")


def test_headings_are_real_sections(build) -> None:
    built = build({"index.md": MYST_PAGE})
    page = page_of(built)
    article = page.select_one("article")
    band = article.select_one("section.circ-section--color")
    # The band's :name: is its main anchor; the heading's slug still works.
    assert band["id"] == "economie"
    assert article.select_one("#qu-est-ce-que-c-est").find_parent("section") is band
    assert band.find("h2", recursive=False).get_text(strip=True).startswith("Qu’est-ce")
    assert band.select_one("section h3").get_text(strip=True).startswith("Un détail")
    assert band.select_one("h2 a.headerlink")["href"] == "#economie"
    # The page's contents list every band heading at its level.
    toc = page.select_one("#pst-page-toc-nav, .bd-toc-nav")
    toc_text = toc.get_text(" ", strip=True)
    for heading in (
        "Qu’est-ce que c’est\u202f?",
        "Un détail",
        "Les jeux",
        "Participer",
    ):
        assert heading in toc_text
    # A band without a heading stays a plain band.
    intro = article.select_one("div.circ-section--default")
    assert "Une introduction sans titre." in intro.get_text()
    # Text before the band's first heading keeps the band's style.
    grey = article.select("div.circ-section--grey, section.circ-section--grey")
    assert [el.name for el in grey] == ["div", "section", "section"]
    assert "Avant le titre." in grey[0].get_text()
    assert all("donnees" in el["class"] for el in grey)
    # Labels and :name: are real cross-reference targets.
    links = {a.get_text(strip=True): a["href"] for a in article.select("p a.reference")}
    assert links["les jeux"] == "#les-jeux"
    assert links["la partie économie"] == "#economie"


def test_toc_collector_sees_band_sections(build) -> None:
    built = build({"index.md": MYST_PAGE})
    toc = built.app.env.tocs["index"].astext()
    assert "Qu'est-ce que c'est\u202f?" in toc.replace("’", "'")
    assert "Un détail" in toc and "Participer" in toc


def test_band_under_a_deeper_heading_keeps_its_level(build) -> None:
    built = build(
        {
            "index.md": (
                "# Accueil\n\n## Partie\n\n### Sous-partie\n\nTexte.\n\n"
                "::::{section}\n:style: grey\n## Bande\n\nContenu.\n::::\n\nSuite.\n"
            )
        }
    )
    assert built.warnings == ""
    page = page_of(built)
    band = page.select_one("section.circ-section--grey")
    assert band.find("h2") is not None
    text = page.select_one("article").get_text()
    assert text.index("Texte.") < text.index("Bande") < text.index("Suite.")


def test_rst_band_headings_nest_under_the_current_section(build) -> None:
    built = build({"index.rst": RST_PAGE})
    page = page_of(built)
    band = page.select_one("section.circ-section--color")
    assert band.find("h2") is not None and band.select_one("section h3") is not None
    text = page.select_one("article").get_text()
    assert text.index("Plus de texte.") < text.index("Après.")


@pytest.mark.parametrize("style", ["default", "color", "grey", "dark", "white"])
def test_every_style(build, style: str) -> None:
    built = build(
        {"index.md": f"# Accueil\n\n::::{{section}}\n:style: {style}\nTexte.\n::::\n"}
    )
    assert built.warnings == ""
    assert page_of(built).select_one(f"div.circ-section--{style}") is not None


def test_unknown_style_warns_and_falls_back(build) -> None:
    built = build(
        {"index.md": "# Accueil\n\n::::{section}\n:style: rainbow\nTexte.\n::::\n"}
    )
    (warning,) = warnings_of(built, "section")
    assert (
        "index.md:3: WARNING: unknown style 'rainbow'; use one of: default, color, grey, "
        "dark, white" in warning
    )
    assert (
        page_of(built).select_one("div.circ-section--default").get_text(strip=True)
        == "Texte."
    )


def test_empty_section_warns(build) -> None:
    built = build({"index.md": "# Accueil\n\n::::{section}\n::::\n"})
    (warning,) = warnings_of(built, "section")
    assert "index.md:3: WARNING: empty section" in warning


def test_section_inside_a_section_warns_and_keeps_headings(build) -> None:
    built = build(
        {
            "index.md": (
                "# Accueil\n\n::::::{section}\n:style: grey\n## Externe\n\n"
                "::::{section}\n## Interne\n\nTexte interne.\n::::\n::::::\n"
            )
        }
    )
    (warning,) = warnings_of(built, "section")
    assert (
        "index.md:7: WARNING: a section band cannot be placed inside another section"
        in warning
    )
    page = page_of(built)
    inner = page.select_one("section.circ-section--grey div.circ-section--default")
    assert inner.select_one("h3.rubric, h2.rubric").get_text(strip=True) == "Interne"
    assert "Texte interne." in inner.get_text()


def test_section_in_a_grid_item_warns(build) -> None:
    built = build(
        {
            "index.md": (
                "# Accueil\n\n:::::{grid} 2\n::::{grid-item}\n:::{section}\n## Titre\n\nTexte.\n"
                ":::\n::::\n:::::\n"
            )
        }
    )
    (warning,) = warnings_of(built, "section")
    # MyST numbers lines inside nested directives one too far per level.
    assert (
        "index.md:7: WARNING: a section band cannot be placed inside this block"
        in warning
    )
    assert "Texte." in built.read("index.html")
