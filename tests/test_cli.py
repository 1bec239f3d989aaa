"""``sphinx-circ migrate`` and ``sphinx-circ new``."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import ftfy
import pytest
import yaml
from conftest import (
    REPO,
    SHARED,
    cli,
    fill_placeholders,
    require_shared,
    run_sphinx,
    sphinx_build,
    strip_colors,
)

import sphinx_circ
from sphinx_circ.cli import main
from sphinx_circ.cli.new import TEXTS

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


def build(project: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return run_sphinx(project, tmp_path / "html")


@pytest.fixture
def migrated(tmp_path: Path, capsys) -> tuple[Path, str]:
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(old_site(tmp_path)), "-o", str(out))
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
    # The link to a page that was never migrated, and the request form, whose
    # address conf.py leaves to set (the report says so).
    link, form = sorted(warnings, key=lambda w: "data-request" in w)
    assert "/archives.html" in link
    assert "'/archives.html' points outside" in report
    assert "mesures.md:17: WARNING: data-request needs somewhere to send" in form
    assert "set circ_request_email in conf.py" in report


def test_migrating_the_output_changes_nothing(migrated, capsys) -> None:
    out, _report = migrated
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    code, report = cli(capsys, "migrate", str(out), "-o", str(out), "--check")
    assert code == 0, report
    assert "0 files would change" in report
    code, _ = cli(capsys, "migrate", str(out), "-o", str(out))
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_check_fails_when_files_would_change(tmp_path: Path, capsys) -> None:
    site = old_site(tmp_path)
    code, report = cli(
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
    code, report = cli(capsys, "migrate", *map(str, sources), "-o", str(out))
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


NEW_FILES = {
    "fr": ["donnees/index.md", "donnees/exemple.md", "donnees/exemple/schema.json",
           "faq/habitant.md", "faq/professionnel.md", "demande.md"],
    "en": ["data/index.md", "data/example.md", "data/example/schema.json",
           "faq/resident.md", "faq/professional.md", "request.md"],
}  # fmt: skip
LEGAL_FILES = {
    "fr": ["accessibilite.md", "mentions-legales.md", "donnees-personnelles.md",
           "plan-du-site.md"],
    "en": ["accessibility.md", "legal-notice.md", "personal-data.md", "site-map.md"],
}  # fmt: skip
#: The addresses of the public services the legal pages link to, and the
#: test portal's own (its html_baseurl, which no server answers).
PUBLIC_SERVICES = (
    r"https://([a-z]+\.)?(defenseurdesdroits|cnil|etalab\.gouv|agence-essai)\.fr/.*"
)
#: Every builder, with the file each writes for the portal.
BUILDERS = {
    "html": "index.html",
    "dirhtml": "index.html",
    "singlehtml": "index.html",
    "epub": "index.xhtml",
    "latex": "portaildessai.tex",
    "text": "index.txt",
    "man": "portaildessai.1",
    "texinfo": "portaildessai.texi",
    "gettext": "index.pot",
    "linkcheck": "output.json",
}


def new_portal(tmp_path: Path, capsys, language: str) -> Path:
    project = tmp_path / language
    code, out = cli(capsys, "new", str(project), "--name", "Portail d'essai",
                    "--organisation", "Agence d'essai", "--language", language)  # fmt: skip
    assert code == 0 and "sphinx-build" in out, out
    return project


@pytest.mark.parametrize("language", ["fr", "en"])
def test_new_portal_warns_only_about_its_placeholders(
    tmp_path: Path, capsys, language: str
) -> None:
    project = new_portal(tmp_path, capsys, language)
    for name in (*NEW_FILES[language], "conf.py", "faq/index.md", ".readthedocs.yaml",
                 "requirements.txt"):  # fmt: skip
        assert (project / name).is_file(), name
    other = "en" if language == "fr" else "fr"
    for name in NEW_FILES[other]:
        assert not (project / name).exists(), name
    result = run_sphinx(project, tmp_path / "html", "-n", legal=True)
    assert result.returncode == 0
    warnings = [w for w in strip_colors(result.stderr).splitlines() if w]
    conf = (project / "conf.py").read_text(encoding="utf-8").splitlines()
    line = conf.index('circ_request_email = "contact@example.org"') + 1
    assert warnings[0] == (
        f"{project / 'conf.py'}:{line}: WARNING: circ_request_email "
        "'contact@example.org' is an example address (its domain receives nothing): "
        "replace it with the portal's own, or every data request is lost "
        "[circ.placeholder]"
    )
    # Then the site's example address (html_baseurl), outside Read the Docs.
    line = next(i for i, text in enumerate(conf, 1) if text.startswith("html_baseurl"))
    assert warnings[1] == (
        f"{project / 'conf.py'}:{line}: WARNING: html_baseurl "
        "'https://donnees.example.org/' is an example address: replace it with the "
        "site's own, or catalogues, search engines and shared links are sent to it "
        "[circ.placeholder]"
    )
    # Then one per legal fact still to give, at its line: nothing else.
    texts = TEXTS[language]
    facts = ["publisher_address", "publisher_contact", "director", "host",
             "host_address", "host_phone"]  # fmt: skip
    assert len(warnings) == 2 + len(facts), warnings
    for warning, fact in zip(warnings[2:], facts, strict=True):
        placeholder = texts[fact]
        line = next(i for i, text in enumerate(conf, 1) if placeholder in text)
        assert warning.startswith(f"{project / 'conf.py'}:{line}: WARNING: circ_legal")
        assert f"is still the placeholder {placeholder!r}" in warning
        assert warning.endswith("[circ.placeholder]")
    # The four legal pages are there, and every page's footer links them.
    for name in LEGAL_FILES[language]:
        assert (project / name).is_file(), name
        assert f'href="{name.replace(".md", ".html")}"' in (
            tmp_path / "html" / "index.html"
        ).read_text(encoding="utf-8")
    index = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    assert "Portail d’essai" in index or "Portail d'essai" in index
    assert f'lang="{language}"' in index
    datasets, request = NEW_FILES[language][0], NEW_FILES[language][-1]
    assert f'href="{datasets.replace(".md", ".html")}"' in index
    assert f'href="{request.replace(".md", ".html")}"' in index


@pytest.mark.slow
@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("language", ["fr", "en"])
def test_new_portal_builds_with_every_builder_once_filled(
    tmp_path: Path, capsys, language: str, builder: str
) -> None:
    project = new_portal(tmp_path, capsys, language)
    fill_placeholders(project)
    out = tmp_path / builder
    # -d: Sphinx's epub builder would pack a doctree folder left in its output.
    # The legal pages link to public services (the Défenseur des droits, the
    # CNIL, the licence): the test machine reaches no site but registries.
    offline = (
        ["-D", f"linkcheck_ignore={PUBLIC_SERVICES}"] if builder == "linkcheck" else []
    )
    sphinx_build(
        project, out, "-b", builder, "-d", str(tmp_path / "doctrees"), *offline,
        legal=True,
    )  # fmt: skip
    assert (out / BUILDERS[builder]).is_file()


def test_new_speaks_the_portal_language_in_its_schema(tmp_path: Path, capsys) -> None:
    schema = new_portal(tmp_path, capsys, "en") / "data" / "example" / "schema.json"
    fields = [field["name"] for field in json.loads(schema.read_text())["fields"]]
    assert fields == ["municipality_code", "year", "value"]


def test_new_writes_this_year(tmp_path: Path, capsys, monkeypatch) -> None:
    from sphinx_circ.cli import new

    monkeypatch.setattr(new, "this_year", lambda: 2031)
    conf = (new_portal(tmp_path, capsys, "fr") / "conf.py").read_text(encoding="utf-8")
    assert 'copyright = f"2031, {author}"' in conf
    assert 'version = release = "2031"' in conf


def test_new_requires_the_sphinx_circ_it_was_made_with(monkeypatch) -> None:
    from sphinx_circ.cli import new

    # Installed from a release, a wheel or a clone: the compatible releases.
    assert new.requirement() == f"sphinx-circ~={sphinx_circ.__version__}"

    class FromGit:
        def read_text(self, name: str) -> str:
            assert name == "direct_url.json"
            return json.dumps({
                "url": "https://git.example.org/sphinx-circ.git",
                "vcs_info": {"vcs": "git", "commit_id": "0123abcd"},
            })  # fmt: skip

    monkeypatch.setattr(new, "distribution", lambda name: FromGit())
    assert new.requirement() == (
        "sphinx-circ @ git+https://git.example.org/sphinx-circ.git@0123abcd"
    )


def test_new_accepts_a_folder_holding_only_a_repository(tmp_path: Path, capsys) -> None:
    project = tmp_path / "depot"
    (project / ".git").mkdir(parents=True)
    (project / "README.md").write_text("# Mon portail\n")
    (project / "LICENSE").write_text("MIT\n")
    (project / ".gitignore").write_text("*.pyc")
    assert main(["new", str(project)]) == 0, capsys.readouterr().err
    assert (project / ".gitignore").read_text() == "*.pyc\n_build/\n"
    assert (project / "README.md").read_text() == "# Mon portail\n"
    fill_placeholders(project)
    sphinx_build(project, tmp_path / "html", legal=True)  # README.md is not a page


def test_new_refuses_a_folder_in_use(tmp_path: Path, capsys) -> None:
    (tmp_path / "plein").mkdir()
    (tmp_path / "plein" / "fichier.txt").write_text("x")
    assert main(["new", str(tmp_path / "plein")]) == 2
    assert "holds fichier.txt: choose an empty folder" in capsys.readouterr().err
    assert not (tmp_path / "plein" / "conf.py").exists()


def test_the_guide_shows_the_read_the_docs_file_new_writes(
    tmp_path: Path, capsys
) -> None:
    """A requirements file, not ``path: .``: a portal's repository is no package."""
    guide = (REPO / "docs" / "guide" / "installation.md").read_text(encoding="utf-8")
    section = guide.split("## Publier sur Read the Docs", 1)[1]
    shown = yaml.safe_load(section.split("```yaml\n", 1)[1].split("```", 1)[0])
    written = (new_portal(tmp_path, capsys, "fr") / ".readthedocs.yaml").read_text()
    assert shown == yaml.safe_load(written)
    assert shown["python"]["install"] == [{"requirements": "requirements.txt"}]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_new_portal_builds_as_read_the_docs_builds_it(
    tmp_path: Path, capsys, monkeypatch, language: str
) -> None:
    """Read the Docs sets READTHEDOCS and passes -D language=<its project's>,
    warnings as errors (fail_on_warning): right language, it builds; wrong,
    circ.language says which to set."""
    project = new_portal(tmp_path, capsys, language)
    fill_placeholders(project)
    monkeypatch.setenv("READTHEDOCS", "True")
    rtd = ["-T", "-b", "html", "-d", str(tmp_path / "doctrees")]
    sphinx_build(
        project, tmp_path / "html", *rtd, "-D", f"language={language}", legal=True
    )
    page = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    assert "circ-readthedocs.js" in page
    other = "en" if language == "fr" else "fr"
    wrong = run_sphinx(
        project, tmp_path / "wrong", "-W", *rtd, "-D", f"language={other}"
    )
    assert wrong.returncode != 0
    conf = (project / "conf.py").read_text(encoding="utf-8").splitlines()
    line = conf.index(f'language = "{language}"') + 1
    expected = f"conf.py:{line}: WARNING: the interface language is '{other}'"
    assert expected in strip_colors(wrong.stderr)
