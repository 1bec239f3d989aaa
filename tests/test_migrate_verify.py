"""``sphinx-circ migrate`` checks its own output: what it builds against what it read.

Every line of prose of a source page the built page does not show is a
``lost`` note with its line; every warning of that build a ``build`` note on
the line the text came from; ``--strict`` fails when anything is lost.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import write_tree
from test_migrate import CASE_NAMES, CASES, migrate_case, other_pages

from sphinx_circ.cli import main, project
from sphinx_circ.cli.migrate import Page, read_source
from sphinx_circ.cli.migrate.model import Result
from sphinx_circ.cli.migrate.sites import detect
from sphinx_circ.cli.migrate.verify import Output, page_prose, verify
from sphinx_circ.cli.project import CONF


def runs(text: str, flavour: str = "markdown") -> dict[int, list[str]]:
    return {
        line.line: [" ".join(run) for run in line.runs if run]
        for line in page_prose(text, flavour)
    }


def test_prose_lines_leave_markup_out_and_split_around_it() -> None:
    text = (
        "---\ntitle: Ignoré\n---\n\n# Le titre {#ancre}\n\n"
        "Publié le {{ page.date }} par `l'équipe` et\n[un lien](/autre/) :wink: ici.\n\n"
        "| Nom | Rôle |\n|---|---|\n| Cellule | Autre cellule |\n\n"
        '<Button link="/x/" text="Préparer des données" />\n\n'
        "```python\nprint('code')\n```\n\n::: lexique Moteur de règles\nDéfinition.\n:::\n"
    )
    assert runs(text, "vuepress") == {
        5: ["le titre"],
        7: ["publié le", "par l équipe et"],
        8: ["un lien", "ici"],
        10: ["nom", "rôle"],
        12: ["cellule", "autre cellule"],
        14: ["préparer des données"],
        20: ["moteur de règles"],
        21: ["définition"],
    }
    table = [line for line in page_prose(text, "vuepress") if line.line in (10, 12)]
    assert all(line.loose for line in table)


def test_mkdocs_metadata_and_admonition_titles() -> None:
    text = 'Title: Méta\nSummary: Pas du texte\n\n!!! note "Un titre"\n    Le corps.\n'
    assert runs(text, "mkdocs") == {4: ["un titre"], 5: ["le corps"]}
    # Elsewhere, the same lines are prose.
    assert 1 in runs(text, "markdown")


PAGE = """# Guide de publication

Un premier paragraphe qui tient
sur trois lignes du fichier
et se termine ici.

- Un élément de liste
- Un second élément avec `du_code_long_qui_ne_sera_pas_coupé_ailleurs`

| Jeu | Fréquence |
|---|---|
| Collectes | Mensuelle |
| Déchèteries | Annuelle |

> Une citation
> sur deux lignes.

## Une section

Le lien <https://example.org/un/tres/long/chemin/qui/sera/coupe/par/le/constructeur/texte>
"""


def test_every_line_the_build_does_not_show_is_named(tmp_path: Path) -> None:
    """Lines taken out of the written page, each kind of block: each is named."""
    removed = {3, 4, 8, 13, 16, 18}
    lines = PAGE.split("\n")
    written = "\n".join(t for n, t in enumerate(lines, 1) if n not in removed)
    src = write_tree(
        tmp_path / "src",
        {
            "conf.py": CONF,
            "index.md": "# Index\n\n```{toctree}\nguide\n```\n",
            "guide.md": written,
        },
    )
    page = Page(tmp_path / "old" / "guide.md", "guide", "")
    checked = verify(src, {"guide": Output(page, PAGE, [])})
    lost = {note.line for note in checked.notes if note.kind == "lost"}
    assert lost == removed, checked.notes
    share = checked.shares["guide"]
    assert (share.body, share.body_kept) == (13, 13 - len(removed))
    # Nothing taken out: nothing lost, the long link and code included.
    (src / "guide.md").write_text(PAGE, encoding="utf-8")
    checked = verify(src, {"guide": Output(page, PAGE, [])})
    assert not checked.notes and checked.shares["guide"].body_kept == 13


LOSSY = {
    ".vuepress/config.js": "module.exports = {}\n",
    "README.md": "---\ntitle: Accueil\n---\n\n<Hero>\n\n# Bienvenue\n\n</Hero>\n\n"
    "Une phrase PERDUE en route.\n\nUne phrase gardée.\n\n- Un élément PERDU\n- Un élément gardé\n",
    "guide/README.md": "# Guide\n\nRien de PERDU ici ?\n\n```python\nx = $y\n```\n",
}


def lose_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Migrate as usual, then drop every written line holding "PERDU"."""
    finish = project.finish

    def lossy(doc, known) -> Result:  # type: ignore[no-untyped-def]
        result = finish(doc, known)
        kept = [
            (text, origin)
            for text, origin in zip(
                result.text.split("\n"), [*result.origins, ("", 0)], strict=False
            )
            if "PERDU" not in text
        ]
        result.text = "\n".join(text for text, _origin in kept)
        result.origins = [origin for _text, origin in kept]
        return result

    monkeypatch.setattr(project, "finish", lossy)


def test_a_site_that_loses_lines_says_which(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = write_tree(tmp_path / "site", LOSSY)
    lose_lines(monkeypatch)
    out = tmp_path / "out"
    assert main(["migrate", str(site), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    readme, guide = site / "README.md", site / "guide" / "README.md"
    lost = re.findall(r"^(.*?): lost: ", printed, re.MULTILINE)
    assert lost == [f"{readme}:11", f"{readme}:15", f"{guide}:3"]
    assert (
        f"{readme}:11: lost: text not in the built page: 'Une phrase PERDUE en route.'"
        in printed
    )
    assert "Prose kept from" in printed and "body 57.1 % of 7 lines." in printed
    report = (out / "MIGRATION.md").read_text(encoding="utf-8")
    assert "### Lost: prose the built page does not show" in report
    assert f"{guide}:3: lost:" in report
    assert "| `index` | 1 | 0 | 0 | 0 | 0 | 2 | 60 % |" in report
    # The highlighting failure only an HTML build meets, on its source line.
    assert re.search(
        rf"^{re.escape(str(guide))}:5: build: warning: Lexing literal_block .* \"python\"",
        printed,
        re.MULTILINE,
    )
    assert main(["migrate", str(site), "-o", str(out), "--strict", "-q"]) == 1
    capsys.readouterr()


def test_a_site_that_loses_nothing_passes_strict(tmp_path: Path, capsys) -> None:
    site = write_tree(
        tmp_path / "site",
        {**LOSSY, "guide/README.md": "# Guide\n\nRien à signaler.\n"},
    )
    out = tmp_path / "out"
    assert main(["migrate", str(site), "-o", str(out), "--strict"]) == 0
    printed = capsys.readouterr().out
    assert ": lost:" not in printed and ": build:" not in printed
    assert "body 100 % of 7 lines." in printed
    # Without the check, the report says it did not look.
    assert main(["migrate", str(site), "-o", str(out), "--no-verify", "-q"]) == 0
    assert "Prose not checked: --no-verify." in capsys.readouterr().out


def test_a_build_that_fails_is_reported_not_raised(tmp_path: Path, capsys) -> None:
    site = write_tree(tmp_path / "site", {"index.md": "# Accueil\n\nTexte.\n"})
    out = write_tree(
        tmp_path / "out", {"conf.py": 'extensions = ["extension_absente"]\n'}
    )
    assert main(["migrate", str(site), "-o", str(out), "-q"]) == 0
    printed = capsys.readouterr().out
    assert "Prose not checked: ExtensionError" in printed
    assert main(["migrate", str(site), "-o", str(out), "-q", "--strict"]) == 1


@pytest.mark.parametrize("case", CASE_NAMES)
def test_golden_prose_arrives_or_is_reported(case: str, tmp_path: Path) -> None:
    """In every golden case, a lost line is one a note already flagged."""
    folder = CASES / case
    result, notes = migrate_case(folder)
    src = write_tree(
        tmp_path / "src",
        {
            "conf.py": CONF + 'suppress_warnings = ["circ.legal"]\n',
            "index.md": "# Index\n\n```{toctree}\ninput\n```\n",
            "input.md": result.text,
        },
    )
    for name in other_pages(folder):
        write_tree(src, {f"{name}.md": "---\norphan: true\n---\n# Page\n\n## Droits\n"})
    for target, source in result.assets.items():
        (src / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, src / target)
    source = folder / "input.md"
    text = read_source(source, str(source), [])
    page = Page(source, "input", "", detect(source).site)
    checked = verify(src, {"input": Output(page, text, result.origins)})
    assert not checked.failed
    flagged = {
        int(line)
        for line, kind in re.findall(r"^input\.md:(\d+): (\w+):", notes, re.MULTILINE)
        if kind in ("comment", "review", "outside")
    }
    unflagged = [n for n in checked.notes if n.kind == "lost" and n.line not in flagged]
    assert not unflagged, notes


def test_front_matter_a_home_page_shows_is_checked(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = write_tree(
        tmp_path / "site",
        {
            ".vuepress/config.js": "module.exports = {}\n",
            "README.md": "---\nhome: true\nheroText: Données du territoire\n"
            "tagline: Libres et gratuites\nfeatures:\n"
            "- title: Fiables\n  details: Chaque jeu est décrit.\n"
            "- title: Ouvertes\n  details: Une carte PERDUE en route.\n---\n",
        },
    )
    lose_lines(monkeypatch)
    out = tmp_path / "out"
    assert main(["migrate", str(site), "-o", str(out), "-q"]) == 0
    printed = capsys.readouterr().out
    assert "front matter 83.3 % of 6 lines." in printed
    report = (out / "MIGRATION.md").read_text(encoding="utf-8")
    assert (
        f"{site / 'README.md'}:9: lost: front matter text not in the built page: "
        "'Une carte PERDUE en route.'" in report
    )
