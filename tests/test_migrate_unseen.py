"""``sphinx-circ migrate`` on three small portals it was not written against.

``tests/sites/unseen/`` holds a VuePress 1, a MkDocs Material and a Jekyll
site written for these tests (MIT), the way French public open-data portals
write theirs. Each is migrated once, and its result built once with
``sphinx-build -nW``; the tests check what a user of ``migrate`` expects:
the command succeeds, keeps the prose of the old pages and says where it lost
any, writes a project that builds without a warning, shows no markup of the
old generator and keeps the old site's title and pages.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import SITES, sphinx_build

from sphinx_circ.cli import main

UNSEEN = SITES / "unseen"

#: Each site: the folder given to ``migrate``, the old site's title, the
#: pages the old site publishes (as docnames) and prose the old site shows
#: that is not in a page's body (front matter rendered by the theme or the
#: layouts, includes, snippets, config values), which the new pages must show.
SITES_UNSEEN = {
    "vuepress": (
        UNSEEN / "vuepress",
        "Portail des données ouvertes de la Métropole",
        {
            "index", "guide/index", "guide/publier", "guide/licence",
            "api/index", "api/exemples", "faq/index", "contact",
        },
        [
            "Les données publiques du territoire, libres et gratuites",
            "La Licence Ouverte d'Etalab autorise toute réutilisation",
        ],
    ),
    "mkdocs": (
        UNSEEN / "mkdocs",
        "Observatoire régional des données environnementales",
        {
            "index", "faq", "producteurs/index", "producteurs/publier",
            "producteurs/qualite/index", "producteurs/qualite/controles",
            "producteurs/qualite/schemas", "reutilisateurs/index",
            "reutilisateurs/telecharger", "reutilisateurs/api",
        },
        [
            "Les relevés de pollens sont désormais publiés chaque semaine",
            "Les données publiées sont placées sous la Licence Ouverte 2.0",
            "à l'adresse observatoire@example.org",
            "selon un rythme hebdomadaire",
        ],
    ),
    "jekyll": (
        UNSEEN / "jekyll",
        "Données ouvertes du Département",
        {
            "index", "donnees", "a-propos", "mentions-legales", "contact",
            "faq/citoyen", "faq/producteur", "guides/publier",
            "guides/reutiliser", "guides/api",
        },
        [
            "Routes, collèges, aide sociale, environnement",
            "Une donnée ouverte est une donnée publique que chacun peut consulter",
            "Jamais. Les données qui concernent des personnes sont agrégées",
            "Tout service du Département, par l'intermédiaire de son référent",
            "relecture des métadonnées par la mission données",
            "Les étapes à suivre pour qu'un service du Département publie",
            "Une donnée vous manque ?",
            "Parcourir les jeux de données",  # page.cta.text, a nested key
        ],
    ),
}  # fmt: skip

#: Markup of the old generators that must not reach a reader.
MARKUP = [
    "{:",
    ":::",
    "!!!",
    "???",
    "{{",
    "{%",
    "[[toc]]",
    "--8<--",
    "<Button",
    '=== "',
]
SHORTCODE = re.compile(r":[a-z0-9_+-]+:")
#: A kramdown abbreviation's definition (``*[RGPD]: Règlement…``).
ABBREVIATION = re.compile(r"\*\[[^\]]+\]:")


@dataclass
class Migrated:
    site: Path
    out: Path
    code: int
    report: str
    html: Path
    build_error: str | None


@pytest.fixture(scope="module", params=list(SITES_UNSEEN))
def migrated(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Migrated:
    name = request.param
    site = SITES_UNSEEN[name][0]
    root = tmp_path_factory.mktemp(f"unseen-{name}")
    out = root / "out"
    code, report = _migrate(site, out)
    html = root / "html"
    build_error = None
    if code == 0:
        try:
            sphinx_build(out, html)  # -nW: a warning fails
        except AssertionError as error:  # the HTML is written all the same
            build_error = str(error)
    return Migrated(site, out, code, report, html, build_error)


def _migrate(site: Path, out: Path) -> tuple[int, str]:
    """Run ``migrate`` in this process; its exit code and what it printed.

    The fixture is shared by the module, so stdout is captured here rather
    than with the (per-test) ``capsys``.
    """
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(["migrate", str(site), "-o", str(out)])
    return code, buffer.getvalue()


def _pages(html: Path) -> dict[str, str]:
    """The text of the content of each built page, by docname."""
    texts = {}
    for path in sorted(html.rglob("*.html")):
        docname = path.relative_to(html).with_suffix("").as_posix()
        if docname in {"genindex", "search"} or docname.startswith("_"):
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        content = soup.find("article") or soup.find("main")
        assert content is not None, f"{docname}: no <article> or <main>"
        # One spelling of spaces and apostrophes (Sphinx curls the latter).
        text = " ".join(content.get_text(" ").split())
        texts[docname] = text.replace("\u2019", "'")
    return texts


def test_exit_code_is_zero(migrated: Migrated) -> None:
    assert migrated.code == 0, migrated.report


def test_prose_is_kept(migrated: Migrated) -> None:
    kept = re.findall(r"^Prose kept from .*$", migrated.report, re.MULTILINE)
    assert kept, migrated.report
    for line in kept:
        body = re.search(r"body ([\d.]+) %", line)
        assert body, line
        assert float(body.group(1)) >= 99.5, "\n".join(_notes(migrated, "lost"))
        front = re.search(r"front matter ([\d.]+) %", line)
        if front:
            assert float(front.group(1)) >= 95, line


def _notes(migrated: Migrated, kind: str) -> list[str]:
    return [line for line in migrated.report.splitlines() if f": {kind}:" in line]


def test_every_lost_note_names_a_file_and_line(migrated: Migrated) -> None:
    for note in _notes(migrated, "lost"):
        assert re.match(r"^\S+:\d+: lost: ", note), note


def test_migrated_project_builds_without_a_warning(migrated: Migrated) -> None:
    assert migrated.code == 0, migrated.report
    if migrated.build_error is not None:
        pytest.fail(migrated.build_error, pytrace=False)


def test_no_generator_markup_is_shown(migrated: Migrated) -> None:
    pages = _pages(migrated.html)
    assert pages, "nothing was built"
    shown = []
    for docname, text in pages.items():
        shown += [f"{docname}: {mark!r}" for mark in MARKUP if mark in text]
        shown += [f"{docname}: {code!r}" for code in SHORTCODE.findall(text)]
        shown += [f"{docname}: {abbr!r}" for abbr in ABBREVIATION.findall(text)]
    assert not shown, "\n".join(shown)


def test_every_page_of_the_old_site_is_a_page(migrated: Migrated) -> None:
    expected = _site(migrated)[2]
    written = {
        path.relative_to(migrated.out).with_suffix("").as_posix()
        for path in migrated.out.rglob("*.md")
        if path.name != "MIGRATION.md"
    }
    assert expected <= written, sorted(expected - written)


def test_prose_outside_the_page_bodies_is_shown(migrated: Migrated) -> None:
    text = " ".join(_pages(migrated.html).values())
    missing = [prose for prose in _site(migrated)[3] if prose not in text]
    assert not missing, missing


def test_project_is_the_old_title(migrated: Migrated) -> None:
    conf = (migrated.out / "conf.py").read_text(encoding="utf-8")
    project = re.search(r"^project = (.+)$", conf, re.MULTILINE)
    assert project, conf
    assert ast.literal_eval(project.group(1)) == _site(migrated)[1]


def test_repository_readme_is_not_a_page(migrated: Migrated) -> None:
    written = [path.name.lower() for path in migrated.out.rglob("*.md")]
    assert "readme.md" not in written
    assert not list(migrated.html.rglob("README.html"))
    readme = migrated.site / "README.md"
    if migrated.site.name != "vuepress":  # VuePress's README.md is its home page
        first = readme.read_text(encoding="utf-8").split("\n\n")[1]
        for page in _pages(migrated.html).values():
            assert " ".join(first.split()) not in page


def _site(migrated: Migrated) -> tuple:
    return next(v for v in SITES_UNSEEN.values() if v[0] == migrated.site)
