"""``sphinx-circ migrate`` on whole sites: MkDocs, Jekyll, VuePress, the report.

``tests/sites/mkdocs-example`` is a small MkDocs Material site written for
these tests (MIT); the other sites are written on the fly.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SITES, cli, sphinx_build, write_tree

from sphinx_circ.cli import main

MKDOCS = SITES / "mkdocs-example"


@pytest.fixture
def mkdocs_out(tmp_path: Path, capsys) -> tuple[Path, str]:
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(MKDOCS), "-o", str(out))
    assert code == 0, report
    return out, report


def test_mkdocs_site_builds_without_a_warning(mkdocs_out, tmp_path: Path) -> None:
    out, _report = mkdocs_out
    sphinx_build(out, tmp_path / "html")  # -nW: any warning fails
    assert (tmp_path / "html" / "guide" / "publier.html").is_file()
    assert (tmp_path / "html" / "_images" / "chaine.svg").is_file()


def test_mkdocs_nav_becomes_captioned_toctrees(mkdocs_out) -> None:
    out, report = mkdocs_out
    index = (out / "index.md").read_text(encoding="utf-8")
    assert (
        "```{toctree}\n:hidden:\n:caption: Guide\n\nguide/index\n"
        "Publier un jeu de données <guide/publier>\nguide/telecharger\n```"
    ) in index
    assert (
        ":caption: Référence\n\nFormats <reference/formats>\nreference/api\n"
        "Avancé <reference/avance>\n" in index
    )
    assert "Code source <https://example.org/observatoire>" in index
    # A page outside the nav is still in a (hidden) toctree, as MkDocs builds it too.
    assert index.endswith(
        "% sphinx-circ migrate: pages\n```{toctree}\n:hidden:\n\nbrouillon\n```\n"
    )
    assert (
        "mkdocs.yml: converted: nav section 'Avancé': page 'reference/avance' written"
        in report
    )


def test_mkdocs_constructs(mkdocs_out) -> None:
    out, report = mkdocs_out
    publier = (out / "guide" / "publier.md").read_text(encoding="utf-8")
    assert "::::{admonition} Données personnelles\n:class: warning\n" in publier
    assert ":::{note}\nLes adresses" in publier
    assert (
        ":::{dropdown} Puis-je corriger un envoi ?\n:open:\n:color: info\n" in publier
    )
    assert "(format)=\n## Le format attendu\n" in publier
    telecharger = (out / "guide" / "telecharger.md").read_text(encoding="utf-8")
    assert "::::{tab-set}\n\n:::{tab-item} Navigateur\n" in telecharger
    assert (
        '```python\nwith open("collectes.csv", encoding="utf-8") as fichier:'
        in telecharger
    )
    assert "--8<--" not in telecharger
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "[TOC]" not in index and "Licence Ouverte 2.0" in index
    assert "{button}`Publier un jeu de données </guide/publier>`" in index
    api = (out / "reference" / "api.md").read_text(encoding="utf-8")
    assert api.startswith(
        "---\ntitle: API\nsummary: Interroger l'observatoire depuis un programme\n---\n"
    )
    assert re.search(
        r"docs/guide/telecharger\.md:18: converted: snippet 'lecture\.py:lecture' inlined",
        report,
    )


def test_migrated_site_migrates_to_itself(mkdocs_out, capsys) -> None:
    out, _report = mkdocs_out
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    code, report = cli(capsys, "migrate", str(out), "-o", str(out), "--check")
    assert code == 0 and "0 files would change" in report
    code, report = cli(capsys, "migrate", str(out), "-o", str(out))
    assert code == 0
    assert "MIGRATION" not in report.split("page ", 1)[-1]  # the report is no page
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert (
        after == before
    )  # MIGRATION.md included: an in-place run keeps the first report


def test_report_lists_each_page_with_exact_lines(tmp_path: Path, capsys) -> None:
    site = write_tree(
        tmp_path / "site",
        {
            "index.md": '# Accueil\n\n<Carte\n    :zoom="3"\n/>\n\nVoir [ailleurs](/ailleurs.html).\n\n'
            "Encore [ailleurs](/ailleurs.html).\n",
            "autre.md": "# Autre\n\nRien à signaler.\n",
        },
    )
    out = tmp_path / "out"
    code, _ = cli(capsys, "migrate", str(site), "-o", str(out))
    assert code == 0
    report = (out / "MIGRATION.md").read_text(encoding="utf-8")
    assert "| `index` | 0 | 0 | 1 | 2 |" in report
    assert "### Kept in comments (`% …` lines of the page)" in report
    assert (
        f"{site / 'index.md'}:3: comment: <Carte> (lines 3-5) has no sphinx-circ equivalent"
        in report
    )
    assert f"{site / 'index.md'}:7: outside: link '/ailleurs.html'" in report
    assert f"{site / 'index.md'}:9: outside: link '/ailleurs.html'" in report
    assert "## `autre`" not in report  # nothing to say about it
    conf = (out / "conf.py").read_text(encoding="utf-8")
    assert '"MIGRATION.md"' in conf


def test_an_existing_conf_is_told_about_the_report(tmp_path: Path, capsys) -> None:
    site = write_tree(tmp_path / "site", {"index.md": "# Accueil\n"})
    out = write_tree(tmp_path / "out", {"conf.py": 'extensions = ["sphinx_circ"]\n'})
    code, printed = cli(capsys, "migrate", str(site), "-o", str(out))
    assert code == 0
    assert "Add 'MIGRATION.md' to exclude_patterns" in printed
    assert (out / "conf.py").read_text(
        encoding="utf-8"
    ) == 'extensions = ["sphinx_circ"]\n'


def test_jekyll_site(tmp_path: Path, capsys) -> None:
    site = write_tree(
        tmp_path / "jekyll",
        {
            "_config.yml": "title: Données du territoire\nexclude:\n  - README.md\n",
            "_includes/encart.md": "> {{ include.texte }}\n",
            "_layouts/page.html": "<html>{{ content }}</html>\n",
            "README.md": "# Pour les développeurs\n",
            "index.md": "---\nlayout: page\n---\n\n# {{ site.title }}\n\n"
            '{% include encart.md texte="Mis à jour chaque mois." %}\n\n'
            "Voir [la FAQ]({% link _faq/citoyen.md %}).\n",
            "_faq/citoyen.md": "---\ntitle: Citoyen\n---\n\nLes questions des citoyens.\n",
        },
    )
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(site), "-o", str(out))
    assert code == 0, report
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md")) == [
        "MIGRATION.md",
        "faq/citoyen.md",
        "index.md",
    ]
    index = (out / "index.md").read_text(encoding="utf-8")
    assert index.startswith("# Données du territoire\n\n> Mis à jour chaque mois.\n")
    assert "[la FAQ](faq/citoyen.md)" in index
    citoyen = (out / "faq" / "citoyen.md").read_text(encoding="utf-8")
    assert (
        citoyen
        == "---\ntitle: Citoyen\n---\n\n# Citoyen\n\nLes questions des citoyens.\n"
    )
    sphinx_build(out, tmp_path / "html")


def test_vuepress_site(tmp_path: Path, capsys) -> None:
    site = write_tree(
        tmp_path / "vuepress",
        {
            ".vuepress/config.js": "module.exports = {}\n",
            "README.md": "---\ntitle: Accueil\n---\n\n<Hero>\n\n# {{ $page.title }}\n\n</Hero>\n\n"
            "Un compteur : {{ compteur }}.\n",
            "guide/README.md": "# Guide\n\nVoir [l'accueil](/).\n\n![Logo](/logo.svg)\n",
            ".vuepress/public/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
        },
    )
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(site), "-o", str(out))
    assert code == 0
    assert (out / "index.md").is_file() and (out / "guide" / "index.md").is_file()
    assert ":::{hero}\n# Accueil\n:::" in (out / "index.md").read_text(encoding="utf-8")
    assert "Vue '{{ compteur }}' kept as written: Vue computes it at run time" in report
    guide = (out / "guide" / "index.md").read_text(encoding="utf-8")
    assert "[l'accueil](../index.md)" in guide
    # Served from .vuepress/public/ by VuePress: copied to the project's root.
    assert "![Logo](../logo.svg)" in guide and (out / "logo.svg").is_file()


def test_bad_input_gives_notes_not_tracebacks(tmp_path: Path, capsys) -> None:
    site = write_tree(
        tmp_path / "site",
        {
            "mkdocs.yml": "site_name: [non fermé\nnav: {\n",
            "docs/index.md": "---\ntitle: [non fermé\n---\n\n# Titre\n",
            "docs/vide.md": "",
        },
    )
    (site / "docs" / "binaire.md").write_bytes(bytes(range(256)) * 4)
    code, report = cli(capsys, "migrate", str(site), "-o", str(tmp_path / "out"))
    assert code == 0
    assert re.search(
        r"mkdocs\.yml: review: mkdocs\.yml cannot be read \(\w+Error\): no navigation",
        report,
    )
    assert re.search(
        r"index\.md:1: comment: front matter is not valid YAML \(\w+Error, line \d\): kept in a comment",
        report,
    )
    assert "binaire.md:1: repaired: not UTF-8: read as Windows-1252" in report
    assert "Traceback" not in report


def test_unreadable_page_fails_after_the_others(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    site = write_tree(
        tmp_path / "site", {"index.md": "# Accueil\n", "secret.md": "# Secret\n"}
    )
    real = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == "secret.md":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    out = tmp_path / "out"
    assert main(["migrate", str(site), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert "secret.md: cannot read (Permission denied)" in captured.err
    assert (out / "index.md").is_file() and not (out / "secret.md").exists()


def test_a_page_the_migration_cannot_convert_is_copied(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    site = write_tree(tmp_path / "site", {"index.md": "# Accueil\n\n<Hero>\n"})

    def broken(doc) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("sphinx_circ.cli.migrate.page.components.convert", broken)
    code, report = cli(capsys, "migrate", str(site), "-o", str(tmp_path / "out"))
    assert code == 0
    assert (
        "index.md:1: review: not converted (RuntimeError: boom): copied as it is"
        in report
    )
    assert (tmp_path / "out" / "index.md").read_text(
        encoding="utf-8"
    ) == "# Accueil\n\n<Hero>\n"


def test_output_piped_into_a_reader_that_stops(tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = f"{sys.executable} -m sphinx_circ.cli migrate {MKDOCS} -o {out} | head -1"
    result = subprocess.run(
        command, shell=True, capture_output=True, text=True, check=False
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert (out / "guide" / "publier.md").is_file() and (out / "MIGRATION.md").is_file()


def test_a_first_migration_in_place_writes_its_report(tmp_path: Path, capsys) -> None:
    site = write_tree(
        tmp_path / "site", {"index.md": "<Hero>\n\n# Accueil\n\n</Hero>\n"}
    )
    code, _ = cli(capsys, "migrate", str(site), "-o", str(site))
    assert code == 0
    assert ":::{hero}" in (site / "index.md").read_text(encoding="utf-8")
    report = (site / "MIGRATION.md").read_text(encoding="utf-8")
    assert "<Hero> → hero" in report
    code, _ = cli(capsys, "migrate", str(site), "-o", str(site))
    assert (site / "MIGRATION.md").read_text(encoding="utf-8") == report


def test_mkdocs_before_1_called_its_nav_pages(tmp_path: Path, capsys) -> None:
    site = write_tree(
        tmp_path / "ancien",
        {
            "mkdocs.yml": "site_name: Ancienne documentation\npages:\n"
            "    - Accueil: index.md\n    - Installer:\n        - 1. Dépendances: dependances.md\n",
            "docs/index.md": "# Accueil\n",
            "docs/dependances.md": "# Dépendances\n",
        },
    )
    out = tmp_path / "out"
    code, _ = cli(capsys, "migrate", str(site), "-o", str(out))
    assert code == 0
    index = (out / "index.md").read_text(encoding="utf-8")
    assert ":caption: Installer\n\n1. Dépendances <dependances>\n```" in index
    sphinx_build(out, tmp_path / "html")
