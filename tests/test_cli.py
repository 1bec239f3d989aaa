"""``sphinx-circ migrate`` and ``sphinx-circ new``."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import ftfy
import pytest
from conftest import SHARED, require_shared, run_sphinx, sphinx_build, strip_colors

from sphinx_circ.cli import main

VUEPRESS = """---
title: Le portail de l'eau
---

<Hero>

# Le portail de l'eau

Des données ouvertes sur l'eau potable et les rivières.

</Hero>

<Section class="section-color">

## Pourquoi ouvrir ces données

Parce que chacun doit pouvoir suivre la qualité de l'eau de sa commune.

<Button _class="button-outline" url="https://example.org/eau">En savoir plus sur l'eau</Button>

</Section>

<Section class="section-grey">

<div class="row">

<div>

Les mesures des stations de suivi.

<Button url="/mesures.html">Mesures</Button>

</div>

<div>

La carte des captages, bientôt disponible.
<Button url="">Carte</Button>

</div>

</div>

</Section>

<div class="container">
  <Playlist id="abc/def" />
  <br>
</div>

Un paragraphe avec un <Button url="/mesures.html">bouton en ligne</Button> au milieu.
"""

MESURES = """---
title: Mesures
layout: page
---

<div class="container">

  # Les mesures

### Stations

Le réseau compte une centaine de stations.

<span id="ancre-seuils">

### Seuils

Voir [le guide]({% link _guides/seuils.md %}) et [l'accueil](/index.html), ou [les stations](#ancre-seuils).

<DemandeForm title="Demander"></DemandeForm>

</div>
"""

SEUILS = """# Seuils

{:.no_toc}
- TOC
{:toc}

## Valeurs

| Paramètre | Seuil |
| --- | --- |
| Nitrates | 50 mg/L |
{: .table }

Lien vers une page disparue : [archives](/archives.html).
"""

FAQ = """---
layout: page
summary: Les questions fréquentes
buttons:
  - title: Habitant
    default: faq/habitant
  - title: Élu
    page: faq-elu
  - title: Absent
    default: faq/absent
---

Les questions les plus posées, par profil.
"""

HABITANT = "---\ntitle: Habitant\nsubtitle: Pour les habitants\n---\n\n# Habitant\n\n## Question\n\nRéponse.\n"
ELU = "# Élu\n\nRéponses pour les élus.\n"


def old_site(root: Path) -> Path:
    site = root / "site"
    for name, text in {
        "index.md": VUEPRESS,
        "mesures.md": MESURES,
        "guides/seuils.md": SEUILS,
        "faq/index.md": FAQ,
        "faq/habitant.md": HABITANT,
        "faq/elu.md": ELU,
    }.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    # A page saved with mojibake: UTF-8 read as cp1252, then saved again.
    (site / "faq" / "elu.md").write_text(
        ELU.encode("utf-8").decode("cp1252"), encoding="utf-8"
    )
    return site


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def build(project: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return run_sphinx(project, tmp_path / "html")


@pytest.fixture
def migrated(tmp_path: Path, capsys) -> tuple[Path, str]:
    out = tmp_path / "out"
    code, report = run(capsys, "migrate", str(old_site(tmp_path)), "-o", str(out))
    assert code == 0
    return out, report


def test_components_become_blocks(migrated) -> None:
    out, _report = migrated
    index = (out / "index.md").read_text(encoding="utf-8")
    assert index.startswith("---\ntitle: Le portail de l'eau\nlayout: landing\n---\n")
    assert ":::{hero}" in index and "# Le portail de l'eau" in index
    assert "::::{section}\n:style: color" in index
    assert (
        ":::{button} https://example.org/eau\n:variant: outline\nEn savoir plus sur l'eau\n:::"
        in index
    )
    assert "::::::{section}\n:style: grey" in index
    assert ":::::{grid} 1 1 2 2" in index and index.count("::::{grid-item}") == 2
    assert ":::{button} /mesures\nMesures\n:::" in index
    assert "**Carte** (TODO : lien à compléter)" in index
    assert '% <Playlist id="abc/def" />' in index
    assert "{button}`bouton en ligne </mesures>`" in index
    mesures = (out / "mesures.md").read_text(encoding="utf-8")
    assert "layout" not in mesures  # the old site's page layout means nothing here
    assert "\n# Les mesures\n\n## Stations" in mesures  # dedented, levels fixed
    assert "(ancre-seuils)=" in mesures
    assert "[le guide](guides/seuils.md)" in mesures
    assert "[l'accueil](index.md)" in mesures
    assert ":::{data-request}" in mesures
    seuils = (out / "guides" / "seuils.md").read_text(encoding="utf-8")
    assert "```{contents}\n:local:\n```" in seuils
    assert "{.table}\n| Paramètre | Seuil |" in seuils
    faq = (out / "faq" / "index.md").read_text(encoding="utf-8")
    assert "summary: Les questions fréquentes" in faq and "buttons" not in faq
    assert "::::{persona} Habitant\n:page: /faq/habitant\n::::" in faq
    assert "::::{persona} Élu\n:page: /faq/elu\n::::" in faq  # Pelican's page: slug
    assert "TODO : contenu de la page « faq/absent »." in faq
    assert (out / "conf.py").is_file()


def test_mojibake_is_repaired_and_reported(migrated) -> None:
    out, report = migrated
    assert (out / "faq" / "elu.md").read_text(
        encoding="utf-8"
    ) == "# Élu\n\nRéponses pour les élus.\n"
    assert re.search(
        r"faq/elu\.md:1: repaired: repaired mojibake .* lines 1, 3", report
    )


def test_everything_is_reported_with_its_line(migrated) -> None:
    _out, report = migrated
    assert re.search(r"site/index\.md:5: converted: <Hero> → hero", report)
    assert re.search(r"site/index\.md:38: review: button 'Carte' has no URL", report)
    assert re.search(
        r"site/index\.md:47: comment: <Playlist> has no sphinx-circ equivalent", report
    )
    assert re.search(
        r"site/guides/seuils\.md:14: outside: link '/archives.html'", report
    )
    assert re.search(
        r"site/faq/index\.md:9: outside: persona page 'faq/absent'", report
    )
    assert "page  " in report and "blocks converted" in report and "total" in report


def test_no_paragraph_is_lost(migrated, tmp_path: Path) -> None:
    out, _report = migrated
    site = tmp_path / "site"
    for source in site.rglob("*.md"):
        output = (out / source.relative_to(site)).read_text(encoding="utf-8")
        text = ftfy.fix_encoding(source.read_text(encoding="utf-8"))
        body = text.split("---\n", 2)[-1] if text.startswith("---") else text
        for paragraph in re.split(r"\n\s*\n", body):
            words = re.sub(r"<[^>]+>|\{[^}]*\}|\[|\]\([^)]*\)|[#*`|-]", " ", paragraph)
            words = " ".join(w for w in words.split() if len(w) > 3)
            for word in words.split():
                assert word in output, (source.name, word)


def test_output_builds_with_only_the_reported_warnings(
    migrated, tmp_path: Path
) -> None:
    out, report = migrated
    result = build(out, tmp_path)
    assert result.returncode == 0
    warnings = [w for w in strip_colors(result.stderr).splitlines() if "WARNING" in w]
    assert len(warnings) == 1, warnings  # the link to a page that was never migrated
    assert "/archives.html" in warnings[0] or "archives" in warnings[0]
    assert "'/archives.html' points outside" in report


def test_migrating_the_output_changes_nothing(migrated, capsys) -> None:
    out, _report = migrated
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    code, report = run(capsys, "migrate", str(out), "-o", str(out), "--check")
    assert code == 0, report
    assert "0 files would change" in report
    code, _ = run(capsys, "migrate", str(out), "-o", str(out))
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_check_fails_when_files_would_change(tmp_path: Path, capsys) -> None:
    site = old_site(tmp_path)
    code, report = run(
        capsys, "migrate", str(site), "-o", str(tmp_path / "out"), "--check"
    )
    assert code == 1
    assert "would change" in report
    assert not (tmp_path / "out").exists()


def test_bad_paths_give_clear_errors(tmp_path: Path, capsys) -> None:
    assert main(["migrate", str(tmp_path / "absent"), "-o", str(tmp_path / "out")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    (tmp_path / "vide").mkdir()
    assert main(["migrate", str(tmp_path / "vide"), "-o", str(tmp_path / "out")]) == 2
    assert "no page found" in capsys.readouterr().err


def test_help_for_each_command() -> None:
    for args in (["--help"], ["migrate", "--help"], ["new", "--help"]):
        result = subprocess.run(
            [sys.executable, "-m", "sphinx_circ.cli", *args],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0 and "usage: sphinx-circ" in result.stdout


@pytest.mark.shared
def test_seeds_and_corpus_migrate_to_a_project_that_builds(
    tmp_path: Path, capsys
) -> None:
    sources = [
        SHARED / "seeds" / "000_2ad8aacd08e36181.txt",
        SHARED / "seeds" / "004_0cfeaa7e025654c4.txt",
        SHARED / "corpus" / "economiecirculaire",
        SHARED / "corpus" / "doc.data.gouv.fr",
    ]
    for source in sources:
        require_shared(source)
    out = tmp_path / "out"
    code, report = run(capsys, "migrate", *map(str, sources), "-o", str(out))
    assert code == 0
    faq = (out / "004_0cfeaa7e025654c4.md").read_text(encoding="utf-8")
    assert "Réutilisateur" in faq and "Ã" not in faq  # the seed's mojibake is repaired
    assert "004_0cfeaa7e025654c4.txt:" in report and "repaired mojibake" in report
    result = build(out, tmp_path)
    assert result.returncode == 0, result.stderr
    outside = set(re.findall(r"outside: .*?'([^']+)'", report))
    for warning in strip_colors(result.stderr).splitlines():
        if "WARNING" not in warning:
            continue
        # Every warning is a link the migration reported as outside the set.
        assert any(
            target.strip("/").split("/")[-1].removesuffix(".html") in warning
            for target in outside
        ), warning


def test_new_portal_builds_at_once(tmp_path: Path, capsys) -> None:
    for language in ("fr", "en"):
        project = tmp_path / language
        code, out = run(capsys, "new", str(project), "--name", "Portail d'essai",
                        "--organisation", "Agence d'essai", "--language", language)  # fmt: skip
        assert code == 0 and "sphinx-build" in out
        for name in ("conf.py", "index.md", "donnees/exemple/schema.json", "faq/index.md",
                     "demande.md", ".readthedocs.yaml", "requirements.txt"):  # fmt: skip
            assert (project / name).is_file(), name
        sphinx_build(project, project / "_build")
        index = (project / "_build" / "index.html").read_text(encoding="utf-8")
        assert "Portail d’essai" in index or "Portail d'essai" in index
        assert f'lang="{language}"' in index


def test_new_refuses_a_folder_in_use(tmp_path: Path, capsys) -> None:
    (tmp_path / "plein").mkdir()
    (tmp_path / "plein" / "fichier.txt").write_text("x")
    assert main(["new", str(tmp_path / "plein")]) == 2
    assert "not an empty folder" in capsys.readouterr().err
