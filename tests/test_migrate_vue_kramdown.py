"""``sphinx-circ migrate`` on whole sites: what VuePress and kramdown write
that a page could lose (labels in attributes, container titles, ``[[toc]]``,
attribute lists), all on one small VuePress site and one small Jekyll site.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from conftest import cli, sphinx_build, write_tree

SVG = '<svg xmlns="http://www.w3.org/2000/svg"/>\n'


def page_text(path: Path) -> str:
    """The text a reader sees on a built page (tags removed, spaces collapsed)."""
    body = path.read_text(encoding="utf-8")
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.DOTALL)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())
    return text.replace("\u2019", "'")  # Sphinx's typographic apostrophe


def test_vuepress_site_keeps_labels_and_titles(tmp_path: Path, capsys) -> None:
    src = write_tree(
        tmp_path / "vuepress",
        {
            ".vuepress/config.js": "module.exports = {}\n",
            "README.md": (
                "# Portail des données\n\n"
                "[[toc]]\n\n"
                "## Commencer\n\n"
                '<Button link="/qualite/" text="Comment préparer des données ?" />\n\n'
                'Lisez aussi <Button link="/qualite/" label="la charte" /> avant.\n\n'
                '<Carte title="Carte des jeux" description="Tous les jeux publiés." />\n\n'
                "## Lexique\n\n"
                "::: lexique Moteur de règles\n"
                "Logiciel qui applique des règles métier.\n"
                ":::\n\n"
                "::: Tip Exemple avec des données textuelles\n"
                "Une colonne « commune ».\n"
                ":::\n\n"
                ":::tip Vérifiez l'encodage de vos fichiers\n"
                ":::\n\n"
                "::: warning Attention\n"
                "::: details Pourquoi ?\n"
                "Les accents deviennent illisibles.\n"
                ":::\n"
                ":::\n"
            ),
            "qualite/README.md": "# Introduction\n\nLa qualité des données.\n",
        },
    )
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(src), "-o", str(out))
    assert code == 0, report
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "[[toc]]" not in index
    assert "```{contents}\n:local:\n```" in index
    assert ":::{button} /qualite/index\nComment préparer des données ?\n:::" in index
    assert "{button}`la charte </qualite/index>`" in index
    assert ":::{admonition} Moteur de règles\n:class: lexique\n" in index
    assert ":::{admonition} Exemple avec des données textuelles\n:class: tip\n" in index
    assert ":::{tip}\nVérifiez l'encodage de vos fichiers\n:::" in index
    assert "README.md:3: converted: VuePress [[toc]] → contents directive" in report
    assert "README.md:11: comment: <Carte> has no sphinx-circ equivalent" in report

    built = sphinx_build(out, tmp_path / "html")
    text = page_text(built / "index.html")
    for shown in (
        "Comment préparer des données ?",
        "la charte",
        "Carte des jeux",
        "Tous les jeux publiés.",
        "Moteur de règles",
        "Exemple avec des données textuelles",
        "Vérifiez l'encodage de vos fichiers",
        "Pourquoi ?",
        "Les accents deviennent illisibles.",
    ):
        assert shown in text, shown
    assert "[[toc]]" not in text
    page = (built / "index.html").read_text(encoding="utf-8")
    # The buttons show their own labels, not the title of the page they open.
    assert (
        "Introduction</a>" not in page.split('id="commencer"')[1].split("</section>")[0]
    )


def test_jekyll_site_shows_no_attribute_list(tmp_path: Path, capsys) -> None:
    src = write_tree(
        tmp_path / "jekyll",
        {
            "_config.yml": "title: Portail\n",
            "logo.svg": SVG,
            "carte.svg": SVG,
            "index.md": (
                "---\ntitle: L'équipe\n---\n\n"
                "* TOC\n{:toc}\n\n"
                "## Auteur {: data-search-exclude }\n\n"
                "Le service de la donnée.\n\n"
                "- Notre partenaire :\n\n"
                "  ![Logo du partenaire](logo.svg)\n"
                "  {: align=middle }\n\n"
                "{:.tpl-notification}\n"
                "Le portail sera en maintenance lundi.\n\n"
                "Nos horaires sont ci-dessous.\n"
                "{:.tpl-notification}\n"
                "L'accueil est fermé le samedi.\n\n"
                "La carte ![Carte](carte.svg){: .centre} montre les communes.\n\n"
                "Un texte marqué {: .interne} pour l'ancien moteur.\n"
            ),
        },
    )
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(src), "-o", str(out))
    assert code == 0, report
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "{:" not in index
    assert "## Auteur\n" in index
    assert "  {align=middle}\n  ![Logo du partenaire](logo.svg)\n" in index
    assert "{.tpl-notification}\nLe portail sera en maintenance lundi." in index
    assert "{.tpl-notification}\nL'accueil est fermé le samedi." in index
    assert "![Carte](carte.svg){.centre}" in index
    assert "index.md:8: review: heading attributes" in report
    assert (
        "index.md:26: review: kramdown attributes '{: .interne}' have no "
        "equivalent here: removed"
    ) in report

    built = sphinx_build(out, tmp_path / "html")
    text = page_text(built / "index.html")
    assert "{:" not in text and "{." not in text
    for shown in (
        "Le portail sera en maintenance lundi.",
        "L'accueil est fermé le samedi.",
        "Un texte marqué pour l'ancien moteur.",
    ):
        assert shown in text, shown
    page = (built / "index.html").read_text(encoding="utf-8")
    assert page.count('class="tpl-notification"') == 2
