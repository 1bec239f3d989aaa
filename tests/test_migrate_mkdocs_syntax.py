"""``sphinx-circ migrate`` on whole sites using MkDocs Material's page syntax.

Shortcodes, admonition modifiers, code block titles and mkdocs-macros
together in one MkDocs site (and shortcodes and line highlighting in a
VuePress one), written on the fly, migrated, checked and built.
"""

from __future__ import annotations

from pathlib import Path

from conftest import cli, sphinx_build, write_tree

MKDOCS_YML = """\
site_name: Portail des données
docs_dir: docs
theme:
  name: material
  language: fr
plugins:
  - search
  - macros
extra:
  url_contribuer: https://exemple.fr/contribuer
markdown_extensions:
  - admonition
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
nav:
  - Accueil: index.md
  - Installer: installer.md
"""

INSTALLER = """\
---
date: 2024-03-15
---

# Installer

:material-download: Téléchargez l'outil :wink:

!!! warning inline end
    :fontawesome-solid-circle-info: Réservé aux administrateurs.

??? "Fichier de style personnalisé Noël"
    Le fichier décore le portail.

!!! info ""
    Sans titre.

```bash title="install.sh" hl_lines="2"
pip install outil
outil --version
```

Mis à jour le {{ page.meta.date | date_localized }}, contribuez sur {{ url_contribuer }}.

{% include "licences/defaut.md" %}

{% include "absent.md" %}

Rendez-vous à 12:30:45 et `:wink:` reste en code, {{ macro_inconnue() }} aussi.
"""


def test_mkdocs_material_syntax_site(tmp_path: Path, capsys) -> None:
    source = write_tree(
        tmp_path / "site",
        {
            "mkdocs.yml": MKDOCS_YML,
            "docs/index.md": "# Accueil\n\n:octicons-mark-github-16: Le code :+1:\n",
            "docs/installer.md": INSTALLER,
            "docs/licences/defaut.md": "Sous **Licence Ouverte 2.0**.\n",
        },
    )
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(source), "-o", str(out))
    assert code == 0, report
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "{octicon}`mark-github` Le code 👍" in index
    page = (out / "installer.md").read_text(encoding="utf-8")
    assert "{octicon}`download` Téléchargez l'outil 😉" in page
    assert ":::{warning}\n{octicon}`info` Réservé aux administrateurs.\n:::" in page
    assert ":::{dropdown} Fichier de style personnalisé Noël\n:color: info\n" in page
    assert ":::{container} admonition info\nSans titre.\n:::" in page
    assert (
        "```{code-block} bash\n:caption: install.sh\n:emphasize-lines: 2\n\n"
        "pip install outil\noutil --version\n```"
    ) in page
    assert (
        "Mis à jour le 15 mars 2024, contribuez sur https://exemple.fr/contribuer."
    ) in page
    assert "\nSous **Licence Ouverte 2.0**.\n" in page
    assert '\n% {% include "absent.md" %}\n' in page
    assert "12:30:45 et `:wink:` reste en code, `{{ macro_inconnue() }}` aussi." in page
    for expected in (
        "converted: admonition modifier 'inline end' dropped",
        'converted: code block \'bash title="install.sh" hl_lines="2"\' → '
        "{code-block} (caption, emphasize-lines)",
        "converted: mkdocs-macros include 'licences/defaut.md' inlined",
        "comment: mkdocs-macros '{% include \"absent.md\" %}' kept as a comment: "
        "file not found",
        "review: mkdocs-macros '{{ macro_inconnue() }}' kept as code in the text",
    ):
        assert expected in report, expected
    # Notes name the source file and line.
    assert "installer.md:27: comment:" in report  # the absent include
    sphinx_build(out, tmp_path / "html")  # -nW: any warning fails
    html = (tmp_path / "html" / "installer.html").read_text(encoding="utf-8")
    assert "Licence Ouverte 2.0" in html
    assert "install.sh" in html


def test_site_without_macros_keeps_templates_as_text(tmp_path: Path, capsys) -> None:
    source = write_tree(
        tmp_path / "site",
        {
            "mkdocs.yml": "site_name: Portail\n",
            "docs/index.md": (
                '# Accueil\n\n{% include "x.md" %}\n\nLe texte {{ x }} reste.\n'
            ),
        },
    )
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(source), "-o", str(out))
    assert code == 0, report
    index = (out / "index.md").read_text(encoding="utf-8")
    assert '\n\\{% include "x.md" %}\n' in index
    assert "Le texte {{ x }} reste." in index
    assert "kept as text" in report
    sphinx_build(out, tmp_path / "html")
    html = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    assert "<p>{% include " in html  # shown, not read as block attributes


def test_vuepress_emoji_and_highlighted_lines(tmp_path: Path, capsys) -> None:
    source = write_tree(
        tmp_path / "vuepress",
        {
            ".vuepress/config.js": "module.exports = {}\n",
            "README.md": (
                "# Accueil\n\n:tada: Bienvenue\n\n"
                "```js{2}\nconst a = 1;\nconst b = 2;\n```\n\n"
                "```ts:no-line-numbers\nlet c = 3;\n```\n"
            ),
        },
    )
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(source), "-o", str(out))
    assert code == 0, report
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "🎉 Bienvenue" in index
    assert "```{code-block} js\n:emphasize-lines: 2\n\nconst a = 1;\n" in index
    assert "```ts\nlet c = 3;\n```" in index
    sphinx_build(out, tmp_path / "html")
