"""The blocks as DSFR components under ``sphinx_circ_dsfr``: buttons as
``fr-btn``, grids as ``fr-grid-row``, cards and tiles, admonitions as callouts
and alerts, the hero's lead; the same site under ``sphinx_circ`` and in other
builders unchanged.

The site is ``tests/sites/dsfr`` (its page ``blocs.md``); axe-core and the
geometric suite run on it in ``test_dsfr_browser.py``, every builder in
``test_dsfr.py``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import SITES, run_sphinx

from sphinx_circ.config import DSFR_THEME_DIR
from sphinx_circ.dsfr.icons import BUTTON_ICONS

SITE = "dsfr"


@pytest.fixture(scope="module")
def site(site_factory: Any) -> Path:
    return Path(site_factory(SITE))


@pytest.fixture(scope="module")
def blocks(site: Path) -> BeautifulSoup:
    return page(site, "blocs.html")


def page(site: Path, name: str) -> BeautifulSoup:
    html = (site / name).read_text(encoding="utf-8")
    body = BeautifulSoup(html, "html.parser").select_one(".circ-dsfr-body")
    assert body is not None
    return BeautifulSoup(str(body), "html.parser")


def button(tree: BeautifulSoup, label: str) -> Tag:
    found = [a for a in tree.select("a") if a.get_text(strip=True) == label]
    assert len(found) == 1, label
    return found[0]


def classes(element: Tag) -> set[str]:
    return set(element.get("class") or [])


# -- Buttons ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        (
            "Publier sur data.gouv.fr",
            {"fr-btn", "fr-icon-upload-line", "fr-btn--icon-left"},
        ),
        ("Nous écrire", {"fr-btn", "fr-btn--secondary"}),  # outline
        ("Lire les archives", {"fr-btn", "fr-btn--tertiary"}),
        (
            "Télécharger les données",
            {"fr-btn", "fr-btn--lg", "fr-icon-download-line", "fr-btn--icon-left"},
        ),
        ("Documentation", {"fr-btn", "fr-btn--secondary", "fr-btn--sm"}),
    ],
)
def test_buttons_are_fr_btn(
    blocks: BeautifulSoup, label: str, expected: set[str]
) -> None:
    found = classes(button(blocks, label))
    assert expected <= found
    # The DSFR's classes alone: the blocks' own rules would win over them.
    assert not [name for name in found if name.startswith("circ-button")]
    # Only the variant asked for.
    variants = {"fr-btn--secondary", "fr-btn--tertiary", "fr-btn--sm", "fr-btn--lg"}
    assert found & variants == expected & variants


def test_a_mapped_icon_is_the_dsfr_class_not_a_drawing(blocks: BeautifulSoup) -> None:
    assert not button(blocks, "Télécharger les données").select("svg")


def test_an_icon_the_dsfr_lacks_stays_drawn(blocks: BeautifulSoup) -> None:
    link = button(blocks, "Une icône sans équivalent")
    assert "fr-btn" in classes(link)
    assert not [name for name in classes(link) if name.startswith("fr-icon-")]
    assert link.select("svg.sd-octicon-rocket")


def test_every_button_icon_is_vendored() -> None:
    """Each DSFR icon a button may get has its rule in the bundle and its
    picture beside it (tools/vendor_dsfr.py reads the same table)."""
    css = (DSFR_THEME_DIR / "static" / "dsfr" / "dsfr.min.css").read_text("utf-8")
    for name, _family in BUTTON_ICONS.values():
        rule = re.search(
            r"\." + name + r":after,\." + name + r":before\{[^}]*url\(([^)]+)\)", css
        )
        assert rule, name
        assert (DSFR_THEME_DIR / "static" / "dsfr" / rule.group(1)).is_file(), name


# -- Bands ------------------------------------------------------------------------


def test_the_hero_has_its_lead(site: Path) -> None:
    hero = page(site, "index.html").select_one(".circ-hero")
    assert hero is not None
    lead = hero.select("p.fr-text--lead")
    assert [p.get_text(strip=True) for p in lead] == [
        "Énergie, déchets, qualité de l’air\u00a0: des données ouvertes pour tous."
    ]


# -- Grids, cards, tiles ----------------------------------------------------------


def test_grids_are_fr_grid_rows(blocks: BeautifulSoup) -> None:
    row = blocks.select_one("#colonnes .fr-grid-row")
    assert row is not None and "fr-grid-row--gutters" in classes(row)
    columns = row.find_all(recursive=False)
    assert len(columns) == 3
    for column in columns:
        # {grid} 1 1 2 3: one column on phones, two on tablets, three beyond.
        assert {"fr-col-12", "fr-col-sm-12", "fr-col-md-6", "fr-col-lg-4"} <= classes(
            column
        )
    assert not [
        name
        for element in [row, *columns]
        for name in classes(element)
        if name.startswith("sd-")
    ]


def test_a_grid_the_twelve_columns_cannot_divide_stays_sphinx_designs(
    blocks: BeautifulSoup,
) -> None:
    grid = [g for g in blocks.select(".sd-row") if "Cinq colonnes" in g.get_text()]
    assert len(grid) == 1
    assert "sd-row-cols-md-5" in classes(grid[0])


def test_a_linked_card_is_an_fr_card_linked_by_its_title(blocks: BeautifulSoup) -> None:
    card = [c for c in blocks.select(".fr-card") if "Habitants" in c.get_text()]
    assert len(card) == 1
    assert "fr-enlarge-link" in classes(card[0])
    title = card[0].select_one(".fr-card__body > .fr-card__content > .fr-card__title")
    assert title is not None
    link = title.select_one("a")
    assert link is not None and link["href"] == "contact.html"
    assert link.get_text(strip=True) == "Habitants"
    desc = card[0].select(".fr-card__content > p.fr-card__desc")
    assert [p.get_text(strip=True) for p in desc] == [
        "Suivre la qualité de l’air près de chez soi."
    ]
    # One link, the title: no empty stretched link left behind.
    assert len(card[0].select("a")) == 1
    assert not card[0].select("[class*=sd-]")


def test_a_card_without_link_is_not_enlarged(blocks: BeautifulSoup) -> None:
    card = [c for c in blocks.select(".fr-card") if "Collectivités" in c.get_text()]
    assert len(card) == 1
    assert "fr-enlarge-link" not in classes(card[0])
    assert not card[0].select("a")
    assert card[0].select_one(".fr-card__title").get_text(strip=True) == "Collectivités"


def test_a_card_of_class_tile_is_an_fr_tile(blocks: BeautifulSoup) -> None:
    tile = blocks.select(".fr-tile")
    assert len(tile) == 1
    assert "fr-enlarge-link" in classes(tile[0])
    link = tile[0].select_one(".fr-tile__body > .fr-tile__content > .fr-tile__title a")
    assert link is not None and link["href"] == "https://www.data.gouv.fr/fr/"
    assert tile[0].select_one("p.fr-tile__desc").get_text(strip=True) == (
        "Des séries longues, documentées."
    )


# -- Admonitions ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("note", {"fr-callout"}),
        ("warning", {"fr-alert", "fr-alert--warning"}),
        ("danger", {"fr-alert", "fr-alert--error"}),
        ("tip", {"fr-callout"}),
    ],
)
def test_admonitions_are_callouts_and_alerts(
    blocks: BeautifulSoup, kind: str, expected: set[str]
) -> None:
    found = blocks.select(f"#encadres .admonition.{kind}")
    assert len(found) == 1
    assert expected <= classes(found[0])
    # The title stays, as Sphinx writes it.
    assert found[0].select_one(".admonition-title")


def test_a_callout_text_and_its_own_title(blocks: BeautifulSoup) -> None:
    tip = blocks.select_one("#encadres .admonition.tip")
    assert tip is not None
    assert "fr-callout__title" in classes(tip.select_one(".admonition-title"))
    assert tip.select_one("p.fr-callout__text").get_text(strip=True) == (
        "Chaque jeu de données a son schéma."
    )


# -- The other theme and the other builders ---------------------------------------


def test_under_sphinx_circ_the_blocks_keep_their_own_markup(tmp_path: Path) -> None:
    # (Not -W: the site's DSFR options are unknown to the other theme.)
    result = run_sphinx(SITES / SITE, tmp_path, "-D", "html_theme=sphinx_circ")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "blocs.html").read_text(encoding="utf-8")
    assert not re.search(r"class=\"[^\"]*\bfr-", html)
    tree = BeautifulSoup(html, "html.parser")
    assert "circ-button--outline" in classes(button(tree, "Nous écrire"))
    assert tree.select(".sd-card") and tree.select(".sd-row")
    assert tree.select(".admonition.warning")


@pytest.mark.parametrize("builder", ["text", "singlehtml", "epub"])
def test_other_builders(builder: str, tmp_path: Path) -> None:
    """Text output carries every label; singlehtml draws the DSFR's
    components like html; an e-book (its own theme) has none of them."""
    out = tmp_path / builder
    result = run_sphinx(
        SITES / SITE, out, "-nW", "--keep-going", "-b", builder,
        "-d", str(tmp_path / "doctrees"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    if builder == "text":
        text = (out / "blocs.txt").read_text(encoding="utf-8")
        for words in (
            "Publier sur data.gouv.fr",
            "Habitants",
            "Chercheurs",
            "Avertissement",
        ):
            assert words in text
        return
    if builder == "singlehtml":
        html = (out / "index.html").read_text(encoding="utf-8")
        assert "fr-card" in html and "fr-btn--secondary" in html
        return
    html = "".join(p.read_text("utf-8") for p in out.rglob("blocs.xhtml"))
    assert html and "fr-btn" not in html and "fr-card" not in html


def test_a_datasets_download_buttons_are_fr_btn_with_the_dsfr_icon(site: Path) -> None:
    tree = page(site, "donnees/dechets.html")
    buttons = tree.select(".circ-download__action a")
    assert buttons
    for link in buttons:
        assert {"fr-btn", "fr-icon-download-line", "fr-btn--icon-left"} <= classes(link)
        assert not link.select("svg")
