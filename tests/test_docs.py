"""The portal in docs/ builds as one site, without a warning."""

from __future__ import annotations

import filecmp
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import (
    DOCS,
    REPO,
    DocsBuild,
    require_npm_file,
    require_program,
    site_pages,
)

PERSONAS = ("citoyen", "producteur", "reutilisateur", "developpeur", "integrateur")


pytestmark = pytest.mark.slow


@pytest.fixture
def docs_html(docs_build: DocsBuild) -> tuple[Path, str]:
    return docs_build("html")


def page(out: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((out / name).read_text(encoding="utf-8"), "html.parser")


def test_docs_build_without_warnings(docs_html: tuple[Path, str]) -> None:
    _out, stderr = docs_html
    assert stderr == ""


VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
#: Invalid on purpose: the checker must report it, or it is not running.
CANARY = "<!DOCTYPE html><html lang=fr><title>x</title><p><div></span></div>"


def nu_errors(paths: list[Path]) -> list[str]:
    """Errors the Nu HTML checker (vnu) finds in *paths*."""
    java = require_program("java", "default-jre-headless")
    vnu = require_npm_file(VNU)
    result = subprocess.run(
        [java, "-jar", str(vnu), "--format", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']} "
        f"[{m.get('extract', '').strip()}]"
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]


def test_every_page_passes_the_nu_html_checker(
    docs_html: tuple[Path, str], tmp_path: Path
) -> None:
    out, _stderr = docs_html
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    pages = [out / name for name in site_pages(out)]
    assert len(pages) > 20
    errors = nu_errors([canary, *pages])
    assert any(error.startswith("canary.html") for error in errors)
    assert [error for error in errors if not error.startswith("canary.html")] == []


def test_landing_page(docs_html: tuple[Path, str]) -> None:
    out, _ = docs_html
    landing = page(out, "index.html")
    assert landing.html["lang"] == "fr"
    assert (
        landing.select_one("h1")
        .get_text(strip=True)
        .startswith("Les données de l’économie circulaire")
    )
    assert landing.title.get_text().startswith("Les données de l’économie circulaire")
    assert landing.body["class"] == ["circ-layout-landing"]
    links = {a.get_text(strip=True): a["href"] for a in landing.select("a.circ-button")}
    assert links["Données ouvertes"] == "donnees-ouvertes.html"
    assert links["Documentation"] == "donnees/index.html"
    assert links["Inventaire"] == "inventaire.html"
    assert links["Demander des données"] == "demande.html"
    assert links["Publier sur data.gouv.fr"] == "https://www.data.gouv.fr/fr/"
    for href in links.values():
        if not href.startswith("http"):
            assert (out / href).is_file(), href
    # No mojibake from the seed's encoding troubles.
    assert "Ã" not in landing.get_text()


def test_faq_has_a_page_per_persona(docs_html: tuple[Path, str]) -> None:
    out, _ = docs_html
    for persona in PERSONAS:
        faq = page(out, f"faq/{persona}.html")
        assert faq.select_one("h1") is not None, persona
        assert len(faq.select("article h2")) >= 3, persona
        assert faq.html["lang"] == "fr"


def test_site_sections_exist(docs_html: tuple[Path, str]) -> None:
    out, _ = docs_html
    for name in (
        "donnees/index.html",
        "demande.html",
        "guide/index.html",
        "faq/index.html",
    ):
        assert page(out, name).select_one("article h1") is not None, name


def test_parallel_build_matches_serial(tmp_path: Path) -> None:
    """``-j 2`` writes the same pages as a serial build."""
    outputs = {}
    for jobs in ("1", "2"):
        src = tmp_path / f"src{jobs}"
        shutil.copytree(DOCS, src, ignore=shutil.ignore_patterns("_build"))
        out = tmp_path / f"out{jobs}"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "sphinx",
                "-j",
                jobs,
                "-q",
                "-E",
                str(src),
                str(out),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        outputs[jobs] = out
    pages = sorted(p.relative_to(outputs["1"]) for p in outputs["1"].rglob("*.html"))
    assert len(pages) > 10
    # pydata's stylesheet, cut to what the pages use, and its link's digest.
    pages.append(Path("_static/styles/pydata-sphinx-theme.css"))
    _match, mismatch, errors = filecmp.cmpfiles(
        outputs["1"], outputs["2"], [str(p) for p in pages], shallow=False
    )
    assert mismatch == [] and errors == []


def test_docs_in_english_show_english_interface(docs_build: DocsBuild) -> None:
    # An English interface on French pages, on purpose: circ.language says so.
    out, _ = docs_build(
        "html", "-D", "language=en", "-D", "suppress_warnings=circ.language"
    )
    inventory = page(out, "inventaire.html")
    assert inventory.html["lang"] == "en"
    assert (
        inventory.select_one(".circ-inventory__controls label").get_text()
        == "Filter the inventory"
    )
    assert "Open" in inventory.select_one(".circ-inventory__counts").get_text()
    dataset = page(out, "donnees/dechets-menagers.html")
    headers = [
        th.get_text(strip=True)
        for th in dataset.select("table.circ-dataset__summary th")
    ]
    assert headers == ["Field", "Title", "Type", "Required"]
    form = page(out, "demande.html")
    assert (
        form.select_one("form.circ-request__form button").get_text()
        == "Prepare the e-mail"
    )


def test_dataset_pages_document_their_schemas(docs_html: tuple[Path, str]) -> None:
    out, _ = docs_html
    for name in ("dechets-menagers", "filieres-rep", "decheteries"):
        dataset = page(out, f"donnees/{name}.html")
        rows = dataset.select(".circ-dataset__field[id]")
        assert len(rows) >= 8, name
        assert dataset.select_one("dl.circ-dataset__metadata") is not None
    inventory = page(out, "inventaire.html")
    assert len(inventory.select("table.circ-inventory__table tbody tr")) >= 15
    statuses = {b["class"][1] for b in inventory.select("tbody .circ-badge")}
    assert statuses == {
        "circ-badge--open",
        "circ-badge--in-progress",
        "circ-badge--read-only",
        "circ-badge--closed",
    }


#: Where each builder writes the FAQ page, the inventory and one dataset page.
BUILDER_OUTPUTS = {
    "dirhtml": (
        "faq/index.html",
        "inventaire/index.html",
        "donnees/dechets-menagers/index.html",
    ),
    "singlehtml": ("index.html", "index.html", "index.html"),
    "epub": ("faq/index.xhtml", "inventaire.xhtml", "donnees/dechets-menagers.xhtml"),
    "text": ("faq/index.txt", "inventaire.txt", "donnees/dechets-menagers.txt"),
    "latex": ("sphinx-circ.tex",) * 3,
    "man": ("sphinx-circ.1",) * 3,
    "texinfo": ("sphinx-circ.texi",) * 3,
}


@pytest.mark.parametrize("builder", [*BUILDER_OUTPUTS, "gettext"])
def test_docs_build_with_every_builder(docs_build: DocsBuild, builder: str) -> None:
    """docs/ builds with -nW under every builder, with every block's text present."""
    out, _ = docs_build(builder)
    if builder == "gettext":
        assert "Qu'est-ce que l'économie circulaire" in (out / "index.pot").read_text(
            encoding="utf-8"
        )
        return
    found = [
        next(out.glob(name), None) or out / name for name in BUILDER_OUTPUTS[builder]
    ]
    faq, inventory, dataset = (
        path.read_text(encoding="utf-8")
        .replace("\\sphinxhyphen{}", "-")
        .replace("\\-", "-")
        for path in found
    )
    # A persona panel filled from its page, an inventory row, a dataset field.
    assert "donnée ouverte" in faq
    assert "Trackdéchets" in inventory  # one word: text tables wrap cells
    # (A field name may break at its joints in HTML: <wbr>, no character.)
    assert "code_commune" in dataset.replace("\\_", "_").replace("<wbr>", "").replace(
        "<wbr/>", ""
    )


def test_latex_compiles_to_pdf(docs_build: DocsBuild, tmp_path: Path) -> None:
    """The LaTeX output compiles, with no character lost to a missing glyph."""
    require_program("latexmk", "latexmk")
    # A copy: latexmk writes beside the sources, which other tests read.
    out = tmp_path / "latex"
    shutil.copytree(docs_build("latex")[0], out)
    result = subprocess.run(
        ["make", "LATEXMKOPTS=-interaction=nonstopmode -halt-on-error"],
        cwd=out,
        capture_output=True,
        check=False,
    )
    log = (out / "sphinx-circ.log").read_text(encoding="utf-8", errors="replace")
    assert result.returncode == 0, log[-3000:]
    assert (out / "sphinx-circ.pdf").stat().st_size > 50_000
    assert "Missing character" not in log
    assert re.search(r"Output written on sphinx-circ\.pdf \((\d{2,}) pages", log)


#: The theme's own stylesheets and scripts a page may load, gzip, at most
#: (half a kilobyte more since the mode switch is the theme's own script,
#: which spares every page Bootstrap's 23 KB).
THEME_BUDGET = 12 * 1024 + 512


def theme_weight(out: Path, name: str) -> tuple[int, list[str]]:
    """The gzip weight of the sphinx-circ CSS and JS *name* loads (read with
    script; the <noscript> stylesheets replace nothing a reader downloads)."""
    import gzip

    soup = page(out, name)
    files = []
    for tag in soup.select("head link[rel=stylesheet], head script[src]"):
        ref = (tag.get("href") or tag.get("src")).split("?")[0]
        base = Path(ref).name
        if (
            base.startswith(("circ-", "sphinx-circ"))
            and tag.find_parent("noscript") is None
        ):
            files.append((out / name).parent / ref)
    total = sum(len(gzip.compress(path.read_bytes(), 9)) for path in files)
    return total, [path.name for path in files]


def test_the_theme_stays_small_on_every_page(docs_html: tuple[Path, str]) -> None:
    out, _ = docs_html
    weights = {name: theme_weight(out, name) for name in site_pages(out)}
    heaviest = max(weights, key=lambda name: weights[name][0])
    total, files = weights[heaviest]
    assert total <= THEME_BUDGET, (heaviest, total, files)
    # Counted for real: the stylesheet and the menu's script are there.
    assert {"sphinx-circ.css", "circ-menu.js"} <= set(files)


LEGAL_PAGES = (
    "accessibilite",
    "mentions-legales",
    "donnees-personnelles",
    "plan-du-site",
)


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml"])
def test_every_page_carries_the_legal_mentions(
    docs_build: DocsBuild, builder: str
) -> None:
    """The accessibility level, linked to the statement, and the links to the
    legal pages are in every page's footer."""
    out, _ = docs_build(builder)
    pages = site_pages(out)
    assert len(pages) == 1 if builder == "singlehtml" else len(pages) > 30
    for name in pages:
        soup = page(out, name)
        footer = soup.select_one("footer.bd-footer .circ-legal")
        assert footer is not None, name
        links = footer.select(".circ-legal__links li")
        assert [li["class"][0] for li in links] == [
            "circ-legal__accessibility", "circ-legal__notice",
            "circ-legal__personal-data", "circ-legal__site-map",
        ], name  # fmt: skip
        assert links[0].get_text() == "Accessibilité\u00a0: partiellement conforme"
        for link, target in zip(links, LEGAL_PAGES, strict=True):
            href = link.select_one("a")["href"]
            if builder == "singlehtml":
                assert href.endswith(f"#document-{target}"), href
                continue
            if href == "#":
                assert name.startswith(target), name
                continue
            resolved = (out / name).parent / href
            assert resolved.resolve() in (
                (out / f"{target}.html").resolve(),
                (out / target).resolve(),
            ), (name, href)
        assert "Licence Ouverte 2.0" in footer.get_text()


@pytest.mark.parametrize(
    ("builder", "names"),
    [
        ("text", ["accessibilite.txt", "mentions-legales.txt", "plan-du-site.txt"]),
        ("epub", ["accessibilite.xhtml", "mentions-legales.xhtml", "plan-du-site.xhtml"]),
        ("latex", ["sphinx-circ.tex"] * 3),
    ],
)  # fmt: skip
def test_the_legal_pages_in_other_outputs(
    docs_build: DocsBuild, builder: str, names: list[str]
) -> None:
    out, _ = docs_build(builder)
    statement, notice, sitemap = (
        (out / name).read_text(encoding="utf-8").replace("\\sphinxhyphen{}", "-")
        for name in names
    )
    assert "partiellement conforme" in statement
    assert "Voies de recours" in statement and "71120" in statement
    assert "Directeur ou directrice de la publication" in notice
    # The site map names every page of the toctree, the legal pages included.
    for title in ("Inventaire des données", "Aires de livraison", "Intégrateur",
                  "Mentions légales"):  # fmt: skip
        assert title in sitemap, title
