"""``sphinx-circ migrate`` reading a site's settings: mkdocs.yml's YAML tags,
``exclude_docs``, ``.pages``, nested ``nav``, the project's title, README.md.

Every site is written on the fly.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import cli, sphinx_build, write_tree

from sphinx_circ.cli import main


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_env_tag_gives_docs_dir_its_default(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.delenv("MKDOCS_SOURCE_DIR", raising=False)
    site = write_tree(
        tmp_path / "site",
        {
            "mkdocs.yml": "site_name: Portail d'essai\n"
            'docs_dir: !ENV [MKDOCS_SOURCE_DIR, "./content"]\n'
            "extra:\n  key: !ENV ANALYTICS\n",
            "content/index.md": "# Accueil\n",
        },
    )
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(site), "-o", str(out))
    assert code == 0, report
    assert (out / "index.md").is_file()
    assert "YAML tag" not in report  # !ENV is understood


def test_env_tag_takes_the_first_variable_set(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.delenv("FIRST_DIR", raising=False)
    monkeypatch.setenv("SECOND_DIR", "pages")
    site = write_tree(
        tmp_path / "site",
        {
            "mkdocs.yml": "site_name: Essai\ndocs_dir: !ENV [FIRST_DIR, SECOND_DIR, docs]\n",
            "pages/index.md": "# Accueil\n",
            "docs/index.md": "# Pas celle-ci\n",
        },
    )
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(site), "-o", str(out))
    assert code == 0, report
    assert read(out / "index.md").startswith("# Accueil\n")


def test_relative_tag_and_unknown_tags_are_named(tmp_path: Path, capsys) -> None:
    site = write_tree(
        tmp_path / "site",
        {
            "mkdocs.yml": "site_name: Essai\n"
            "markdown_extensions:\n"
            "  - pymdownx.snippets:\n"
            "      base_path: [!relative , !relative $config_dir/morceaux]\n"
            "  - pymdownx.emoji:\n"
            "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
            "extra:\n  x: !custom valeur\n",
            "docs/index.md": '# Accueil\n\n--8<-- "note.md"\n',
            "morceaux/note.md": "Texte inclus.\n",
        },
    )
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(site), "-o", str(out))
    assert code == 0, report
    assert "Texte inclus." in read(out / "index.md")
    config = site / "mkdocs.yml"
    # Material's emoji objects: the migration converts emoji itself.
    assert "material.extensions.emoji.twemoji" not in report
    assert f"{config}:8: review: YAML tag '!custom'" in report
    assert (
        f"{config}:4: review: !relative (the current page's folder) read as the docs folder"
        in report
    )


def test_no_page_found_names_the_config_and_docs_folder(tmp_path: Path, capsys) -> None:
    site = write_tree(
        tmp_path / "site",
        {
            "mkdocs.yml": "site_name: Essai\ndocs_dir: contenu\n",
            "README.md": "# Dépôt\n",
        },
    )
    code = main(["migrate", str(site), "-o", str(tmp_path / "out")])
    assert code == 2
    err = capsys.readouterr().err
    assert "no page found" in err
    assert str(site / "mkdocs.yml") in err and str(site / "contenu") in err


def test_exclude_docs_pages_are_not_pages(tmp_path: Path, capsys) -> None:
    site = write_tree(
        tmp_path / "site",
        {
            "mkdocs.yml": "site_name: Essai\nexclude_docs: |\n  snippets/\n  *.tmp.md\n"
            "  !garde.tmp.md\n",
            "docs/index.md": '# Accueil\n\n--8<-- "snippets/avis.md"\n',
            "docs/snippets/avis.md": "Un avis inclus.\n",
            "docs/guide/brouillon.tmp.md": "# Brouillon\n",
            "docs/guide/garde.tmp.md": "# Gardée\n",
            "docs/templates/page.md": "# Gabarit\n",
        },
    )
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(site), "-o", str(out))
    assert code == 0, report
    assert "Un avis inclus." in read(out / "index.md")
    assert not (out / "snippets").exists()
    assert not (out / "templates").exists()
    assert not (out / "guide" / "brouillon.tmp.md").exists()
    assert (out / "guide" / "garde.tmp.md").is_file()
    docs = site / "docs"
    assert (
        f"{docs / 'snippets' / 'avis.md'}: review: matches exclude_docs in mkdocs.yml"
        in report
    )
    sphinx_build(out, tmp_path / "html")


@pytest.mark.parametrize(
    ("files", "title"),
    [
        (
            {"mkdocs.yml": "site_name: L'Observatoire « déchets »\n"},
            "L'Observatoire « déchets »",
        ),
        ({"_config.yml": 'title: "Données \\"ouvertes\\""\n'}, 'Données "ouvertes"'),
        (
            {
                ".vuepress/config.js": "module.exports = {\n  themeConfig: {\n"
                "    sidebar: [{ title: 'Guide', children: [] }],\n  },\n"
                "  title: 'Portail d\\'essai',\n}\n"
            },
            "Portail d'essai",
        ),
        ({".vuepress/config.yml": "title: Données du Var\n"}, "Données du Var"),
        (
            {"pelicanconf.py": "AUTHOR = 'x'\nSITENAME = \"Blog des données\"\n"},
            "Blog des données",
        ),
    ],
)
def test_project_title_comes_from_the_old_site(
    tmp_path: Path, capsys, files: dict[str, str], title: str
) -> None:
    docs = "docs/" if "mkdocs.yml" in files else ""
    site = write_tree(tmp_path / "site", {**files, f"{docs}index.md": "# Accueil\n"})
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(site), "-o", str(out))
    assert code == 0, report
    namespace: dict[str, object] = {}
    exec(read(out / "conf.py"), namespace)
    assert namespace["project"] == title
    assert f"converted: project title {title!r} in conf.py" in report


def test_a_computed_title_keeps_portail(tmp_path: Path, capsys) -> None:
    site = write_tree(
        tmp_path / "site",
        {
            ".vuepress/config.ts": "export default {\n  title: process.env.TITRE || 'x',\n}\n",
            "README.md": "# Accueil\n",
        },
    )
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(site), "-o", str(out))
    assert code == 0, report
    assert 'project = "Portail"' in read(out / "conf.py")
    assert re.search(
        re.escape(
            f"{site / '.vuepress' / 'config.ts'}:2: review: the title is computed"
        ),
        report,
    )


def test_repository_readme_is_left_out(tmp_path: Path, capsys) -> None:
    site = write_tree(
        tmp_path / "site",
        {
            "_config.yml": "title: Essai\n",
            "index.md": "# Accueil\n",
            "README.md": "# Comment contribuer au dépôt\n",
            "guide/README.md": "# Guide\n",
        },
    )
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(site), "-o", str(out))
    assert code == 0, report
    assert not (out / "README.md").exists()
    assert (out / "guide" / "README.md").is_file()  # a page of the site
    assert "README" not in read(out / "index.md").split("guide/README")[0]
    assert f"{site / 'README.md'}: review: README.md beside the site's index" in report
    sphinx_build(out, tmp_path / "html")


def test_readme_as_home_is_kept(tmp_path: Path, capsys) -> None:
    site = write_tree(
        tmp_path / "site",
        {
            "mkdocs.yml": "site_name: Essai\n",
            "docs/README.md": "# Accueil\n",
            "docs/guide/README.md": "# Guide\n",
            "docs/guide/index.md": "# Index du guide\n",
        },
    )
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(site), "-o", str(out))
    assert code == 0, report
    assert read(out / "index.md").startswith("# Accueil\n")
    assert read(out / "guide" / "index.md").startswith("# Index du guide\n")
    assert not (out / "guide" / "README.md").exists()  # MkDocs leaves it out too
    readme = site / "docs" / "guide" / "README.md"
    assert f"{readme}: review: README.md beside index.md: left out" in report


def test_nested_nav_sections_become_pages(tmp_path: Path, capsys) -> None:
    site = write_tree(
        tmp_path / "site",
        {
            "mkdocs.yml": "site_name: Essai\nnot_in_nav: |\n  /brouillon.md\nnav:\n"
            "  - Accueil: index.md\n"
            "  - Guide:\n"
            "      - Démarrer: guide/demarrer.md\n"
            "      - Setup:\n"
            "          - guide/setup/index.md\n"
            "          - Linux: guide/setup/linux.md\n"
            "          - Windows: guide/setup/windows.md\n"
            "      - Avancé:\n"
            "          - Cache: guide/cache.md\n"
            "          - guide/manque.md\n"
            "          - Setup:\n"
            "              - Serveur: serveur/setup.md\n",
            "docs/index.md": "# Accueil\n",
            "docs/guide/demarrer.md": "# Démarrer\n",
            "docs/guide/setup/index.md": "# Installation\n",
            "docs/guide/setup/linux.md": "# Linux\n",
            "docs/guide/setup/windows.md": "# Windows\n",
            "docs/guide/cache.md": "# Cache\n",
            "docs/serveur/setup.md": "# Serveur\n",
            "docs/brouillon.md": "# Brouillon\n",
            "docs/.pages": "title: Ignoré\n",
        },
    )
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(site), "-o", str(out))
    assert code == 0, report
    index = read(out / "index.md")
    assert (
        "```{toctree}\n:hidden:\n:caption: Guide\n\nDémarrer <guide/demarrer>\n"
        "Setup <guide/setup/index>\nAvancé <avance>\n```\n"
    ) in index
    # The section's own index page lists the others.
    setup = read(out / "guide" / "setup" / "index.md")
    assert setup.startswith("# Installation\n")
    assert "```{toctree}\n:hidden:\n\nLinux <linux>\nWindows <windows>\n```\n" in setup
    # A section spread over folders gets a page named after it, beside its pages.
    assert read(out / "avance.md") == (
        "# Avancé\n\n```{toctree}\n:maxdepth: 1\n\nCache <guide/cache>\nSetup <serveur/index>\n```\n"
    )
    assert read(out / "serveur" / "index.md") == (
        "# Setup\n\n```{toctree}\n:maxdepth: 1\n\nServeur <setup>\n```\n"
    )
    assert "flattened" not in report
    assert index.endswith("```{toctree}\n:hidden:\n\nbrouillon\n```\n")
    assert f"{site / 'mkdocs.yml'}: converted: not_in_nav not needed" in report
    assert (
        f"{site / 'mkdocs.yml'}:14: review: nav entry 'guide/manque.md' is not a page"
        in report
    )
    assert f"{site / 'mkdocs.yml'}: review: .pages files not read" in report
    config = site / "mkdocs.yml"
    assert f"{config}: converted: nav section 'Avancé': page 'avance' written" in report
    assert (
        f"{config}: converted: nav section 'Setup': page 'guide/setup/index' given its toctree"
        in report
    )
    sphinx_build(out, tmp_path / "html")
    # Migrated again, nothing changes.
    code, report = cli(capsys, "migrate", str(out), "-o", str(out), "--check")
    assert code == 0 and "0 files would change" in report


def test_pages_files_order_and_label_the_menu(tmp_path: Path, capsys) -> None:
    site = write_tree(
        tmp_path / "site",
        {
            "mkdocs.yml": "site_name: Essai\nplugins:\n  - awesome-pages\n",
            "docs/index.md": "# Accueil\n",
            "docs/a-propos.md": "# À propos\n",
            "docs/.pages": "nav:\n  - index.md\n  - donnees\n  - ...\n"
            "  - Code: https://example.org/code\n",
            "docs/donnees/.pages": "title: Les données\nnav:\n  - Formats: formats.md\n"
            "  - ...\n  - api\n  - manquant.md\n",
            "docs/donnees/acces.md": "# Accès\n",
            "docs/donnees/formats.md": "# Formats\n",
            "docs/donnees/api/.pages": "title: L'API\narrange:\n  - v2.md\n  - v1.md\n",
            "docs/donnees/api/v1.md": "# Version 1\n",
            "docs/donnees/api/v2.md": "# Version 2\n",
            "docs/interne/.pages": "hide: true\n",
            "docs/interne/notes.md": "# Notes\n",
            "docs/seul/.pages": "collapse: true\n",
            "docs/seul/page.md": "# Seule\n",
        },
    )
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(site), "-o", str(out))
    assert code == 0, report
    index = read(out / "index.md")
    assert (
        "```{toctree}\n:hidden:\n:caption: Les données\n\nFormats <donnees/formats>\n"
        "donnees/acces\nL'API <donnees/api/index>\n```\n"
    ) in index
    assert (
        "```{toctree}\n:hidden:\n\na-propos\nseul/page\nCode <https://example.org/code>\n```\n"
    ) in index
    assert read(out / "donnees" / "api" / "index.md") == (
        "# L'API\n\n```{toctree}\n:maxdepth: 1\n\nv2\nv1\n```\n"
    )
    # A hidden folder's pages stay in the site, outside the menu.
    assert (
        "% sphinx-circ migrate: pages\n```{toctree}\n:hidden:\n\ninterne/notes\n```\n"
        in index
    )
    pages = site / "docs" / "donnees" / ".pages"
    assert (
        f"{pages}:6: review: .pages entry 'manquant.md' is not a page or folder here"
        in report
    )
    sphinx_build(out, tmp_path / "html")


def test_whole_site_with_its_settings(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("PORTAIL_DOCS", raising=False)
    site = write_tree(
        tmp_path / "depot",
        {
            "mkdocs.yml": 'site_name: "Données \\"ouvertes\\" de l\'Ain"\n'
            "docs_dir: !ENV [PORTAIL_DOCS, contenu]\n"
            "exclude_docs: |\n  /extraits/\n"
            "plugins:\n  - awesome-pages\n"
            "markdown_extensions:\n"
            "  - pymdownx.snippets:\n      base_path: !relative $docs_dir\n"
            "  - pymdownx.emoji:\n"
            "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n",
            "README.md": "# Le dépôt\n",
            "contenu/index.md": '# Accueil\n\n--8<-- "extraits/contact.md"\n',
            "contenu/README.md": "# Lisez-moi du dépôt\n",
            "contenu/extraits/contact.md": "Écrire à l'équipe.\n",
            "contenu/.pages": "nav:\n  - index.md\n  - guide\n  - ...\n",
            "contenu/faq.md": "# Questions\n",
            "contenu/guide/.pages": "title: Le guide\nnav:\n  - Premiers pas: debut.md\n  - installer\n",
            "contenu/guide/debut.md": "# Début\n",
            "contenu/guide/installer/.pages": "title: Installer\n",
            "contenu/guide/installer/index.md": "# Installation\n",
            "contenu/guide/installer/linux.md": "# Sous Linux\n",
        },
    )
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(site), "-o", str(out))
    assert code == 0, report
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    assert written == [
        "MIGRATION.md",
        "faq.md",
        "guide/debut.md",
        "guide/installer/index.md",
        "guide/installer/linux.md",
        "index.md",
    ]
    index = read(out / "index.md")
    assert "Écrire à l'équipe." in index  # an excluded page is still a snippet
    assert (
        "```{toctree}\n:hidden:\n:caption: Le guide\n\nPremiers pas <guide/debut>\n"
        "Installer <guide/installer/index>\n```\n"
    ) in index
    assert "```{toctree}\n:hidden:\n\nfaq\n```\n" in index
    assert "```{toctree}\n:hidden:\n\nlinux\n```\n" in read(
        out / "guide" / "installer" / "index.md"
    )
    namespace: dict[str, object] = {}
    exec(read(out / "conf.py"), namespace)
    assert namespace["project"] == 'Données "ouvertes" de l\'Ain'
    docs = site / "contenu"
    for line in (
        f"{docs / 'extraits' / 'contact.md'}: review: matches exclude_docs",
        f"{docs / 'README.md'}: review: README.md beside index.md: left out, as MkDocs",
    ):
        assert line in report
    assert "mkdocs.yml:11: review: YAML tag" not in report
    migration = read(out / "MIGRATION.md")
    assert "README.md beside index.md: left out" in migration
    sphinx_build(out, tmp_path / "html")
    assert (tmp_path / "html" / "guide" / "installer" / "linux.html").is_file()
    code, report = cli(capsys, "migrate", str(out), "-o", str(out), "--check")
    assert code == 0 and "0 files would change" in report


def test_a_sidebar_group_title_is_not_the_site_title(tmp_path: Path, capsys) -> None:
    site = write_tree(
        tmp_path / "site",
        {
            ".vuepress/config.js": "module.exports = {\n  description: 'x',\n"
            "  themeConfig: {\n    sidebar: [\n      {\n        title: 'Guide',\n"
            "        children: ['/guide/'],\n      },\n    ],\n  },\n}\n",
            "README.md": "# Accueil\n",
        },
    )
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(site), "-o", str(out))
    assert code == 0, report
    assert 'project = "Portail"' in read(out / "conf.py")
    assert "project title" not in report and "title is computed" not in report
