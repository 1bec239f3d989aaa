"""``sphinx-circ migrate`` on a whole Jekyll site: content in front matter,
pages written in HTML, the ``home`` layout, permalinks and base URLs.

The site is written on the fly: collections whose pages keep their prose in
their front matter for an HTML layout to render, as real portals do.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from conftest import cli, sphinx_build, write_tree

from sphinx_circ.cli.migrate import Page, migrate_text
from sphinx_circ.cli.migrate.front import content_strings
from sphinx_circ.cli.migrate.sites import detect

SITE = {
    "_config.yml": """\
title: Données du territoire
description: Les données publiques du territoire, ouvertes à tous.
contact_email: donnees@example.org
baseurl: /portail
permalink: pretty
collections:
  guides:
    output: true
  faq:
    output: true
defaults:
  - scope:
      path: ""
      type: guides
    values:
      layout: guide
""",
    "_layouts/default.html": """\
<!DOCTYPE html>
<html lang="fr">
<head>
  <title>{{ page.title }} – {{ site.title }}</title>
  <meta name="description" content="{{ page.description }}">
</head>
<body>
  <nav>{% for item in site.pages %}<a href="{{ item.url }}">{{ item.title }}</a>{% endfor %}</nav>
  <main>{{ content }}</main>
</body>
</html>
""",
    "_layouts/home.html": """\
---
layout: default
---
<h1>{{ site.title }}</h1>
<p class="lead">{{ site.description }}</p>
{{ page.intro | markdownify }}
{{ content }}
<ul>
  {% for post in site.posts %}<li><a href="{{ post.url }}">{{ post.title }}</a></li>{% endfor %}
</ul>
""",
    "_layouts/guide.html": """\
---
layout: default
---
<h1>{{ page.title }}</h1>
<p class="chapo">{{ page.description }}</p>
{{ content }}
{% for panel in page.panels %}
<section>
  <h2>{{ panel.title }}</h2>
  {{ panel.content | markdownify }}
  <a href="{{ panel.link }}">Lire la suite</a>
</section>
{% endfor %}
""",
    "_layouts/faq.html": """\
---
layout: default
---
<h1>{{ page.title }}</h1>
<div class="reponse">{{ page.reponse | markdownify }}</div>
{{ content }}
""",
    "index.md": """\
---
layout: home
intro: Trouvez et réutilisez les jeux de données du territoire.
---

Les [questions des citoyens]({{ site.baseurl }}/questions/citoyens/) ont leurs réponses.

Voir [la documentation](/portail/doc/) ou [écrivez-nous]({{ site.baseurl }}/nous-ecrire/#ecrire).
""",
    "_guides/publier.md": """\
---
title: Publier un jeu de données
description: Tout ce qu'il faut savoir pour publier vos données.
panels:
  - title: Préparer le fichier
    content: >-
      Choisissez un format ouvert et décrivez
      chaque colonne du fichier.
    link: "{{ site.baseurl }}/doc/#acces"
  - title: Connaître ses droits
    content: >-
      Les données publiées restent sous votre responsabilité.
    link: "{{ site.baseurl }}/questions/citoyens/#droits"
---
""",
    "_faq/citoyen.md": """\
---
layout: faq
title: Questions des citoyens
permalink: /questions/citoyens/
reponse: >-
  Le portail est gratuit et ouvert à tous,
  sans inscription.
---

## Droits

Chacun peut réutiliser les données publiées.
""",
    "doc/index.md": "# Documentation\n\n## Accès\n\nLe portail est ouvert.\n",
    "contact.html": """\
---
title: Contact
permalink: /nous-ecrire/
---
<h2 id="ecrire">Nous écrire</h2>
<p>Écrivez-nous à <a href="mailto:donnees@example.org">donnees@example.org</a>,
ou lisez <a href="{{ site.baseurl }}/doc/">la documentation</a>.</p>
<p>Ou à {{ site.contact_email }}, objet « demande_de_données ».</p>
<ul>
  <li>Réponse sous <strong>cinq jours</strong></li>
  <li>Du lundi au vendredi</li>
</ul>
<pre><code class="language-bash">curl "https://example.org/api?q=eau&amp;n=2"</code></pre>
<form action="/envoyer" method="post">
  <input name="message">
</form>
""",
    "google1234.html": "google-site-verification: google1234.html\n",
}


def built_text(page: Path) -> str:
    """The words of a built page, as a reader sees them."""
    text = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
    return words(html.unescape(text))


def words(text: str) -> str:
    text = text.replace("’", "'").replace("\u202f", " ").replace("\xa0", " ")
    return " ".join(text.replace("*", "").split())


def test_jekyll_site_with_front_matter_content(tmp_path: Path, capsys) -> None:
    site = write_tree(tmp_path / "jekyll", SITE)
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(site), "-o", str(out))
    assert code == 0, report
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md")) == [
        "MIGRATION.md",
        "contact.md",
        "doc/index.md",
        "faq/citoyen.md",
        "guides/publier.md",
        "index.md",
    ]

    index = (out / "index.md").read_text(encoding="utf-8")
    assert index.startswith(
        "# Données du territoire\n\n"
        "Les données publiques du territoire, ouvertes à tous.\n\n"
        "Trouvez et réutilisez les jeux de données du territoire.\n\n"
        "Les [questions des citoyens](faq/citoyen.md) ont leurs réponses.\n\n"
        "Voir [la documentation](doc/index.md) ou {ref}`écrivez-nous <ecrire>`.\n\n"
        "% {% for post in site.posts %}\n"
    )
    assert "_layouts/home.html:9: comment: layout 'home' lists" in report

    publier = (out / "guides" / "publier.md").read_text(encoding="utf-8")
    assert publier == (
        "---\ntitle: Publier un jeu de données\n---\n\n"
        "# Publier un jeu de données\n\n"
        "Tout ce qu'il faut savoir pour publier vos données.\n\n"
        "## Préparer le fichier\n\n"
        "Choisissez un format ouvert et décrivez chaque colonne du fichier.\n\n"
        "[Lire la suite](../doc/index.md#accès)\n\n"
        "## Connaître ses droits\n\n"
        "Les données publiées restent sous votre responsabilité.\n\n"
        "[Lire la suite](../faq/citoyen.md#droits)\n"
    )
    assert (
        "_guides/publier.md:4: converted: front matter 'panels' → page content"
        in report
    )

    citoyen = (out / "faq" / "citoyen.md").read_text(encoding="utf-8")
    assert citoyen.startswith(
        "---\ntitle: Questions des citoyens\npermalink: /questions/citoyens/\n---\n\n"
        "# Questions des citoyens\n\n"
        "Le portail est gratuit et ouvert à tous, sans inscription.\n\n## Droits\n"
    )

    contact = (out / "contact.md").read_text(encoding="utf-8")
    assert contact.startswith(
        "---\ntitle: Contact\npermalink: /nous-ecrire/\n---\n\n# Contact\n\n(ecrire)=\n## Nous écrire\n\n"
        "Écrivez-nous à [donnees@example.org](mailto:donnees@example.org), "
        "ou lisez [la documentation](doc/index.md).\n\n"
        "Ou à donnees@example.org, objet « demande\\_de\\_données ».\n\n"
        "- Réponse sous **cinq jours**\n- Du lundi au vendredi\n\n"
        '```bash\ncurl "https://example.org/api?q=eau&n=2"\n```\n\n'
        '```{raw} html\n<form action="/envoyer" method="post">\n'
        '  <input name="message">\n</form>\n```\n'
    )
    assert (
        "contact.html:14: review: HTML <form> kept as raw HTML: shown by HTML "
        "builders only (lines 14-16)" in report
    )
    assert "contact.html:1: review: page written in HTML" not in report
    assert "google1234.html:1: review: HTML without front matter" in report
    assert ": outside:" not in report

    # The output, migrated again as the Sphinx project it is, is unchanged.
    code, again = cli(capsys, "migrate", str(out), "-o", str(out), "--check")
    assert code == 0 and "0 files would change" in again, again

    html_out = sphinx_build(out, tmp_path / "html")
    detected = detect(site).site
    for source, built in [
        ("index.md", "index.html"),
        ("_guides/publier.md", "guides/publier.html"),
        ("_faq/citoyen.md", "faq/citoyen.html"),
    ]:
        text = (site / source).read_text(encoding="utf-8")
        strings = content_strings(detected, text, site / source)
        assert strings, source
        shown = built_text(html_out / built)
        for line, string in strings:
            assert words(string) in shown, f"{source}:{line}: {string!r}"
    assert "Réponse sous cinq jours" in built_text(html_out / "contact.html")


def test_content_strings_give_front_matter_lines(tmp_path: Path) -> None:
    site = write_tree(tmp_path / "jekyll", SITE)
    detected = detect(site).site
    text = (site / "_guides" / "publier.md").read_text(encoding="utf-8")
    assert content_strings(detected, text, site / "_guides" / "publier.md") == [
        (3, "Tout ce qu'il faut savoir pour publier vos données."),
        (5, "Préparer le fichier"),
        (7, "Choisissez un format ouvert et décrivez chaque colonne du fichier."),
        (10, "Connaître ses droits"),
        (12, "Les données publiées restent sous votre responsabilité."),
    ]
    # Without a layout, Jekyll renders no front matter field.
    assert content_strings(detected, "---\ndescription: Rien\n---\n") == []


def test_site_path_without_a_page_is_outside(tmp_path: Path, capsys) -> None:
    site = write_tree(
        tmp_path / "jekyll",
        {
            "_config.yml": "title: Données\nbaseurl: /portail\n",
            "index.md": "# Accueil\n",
            "guide/publier.md": "# Publier\n\n"
            "Voir [l'accès]({{ site.baseurl }}/doc/#acces) et [l'accueil](/portail/).\n",
        },
    )
    out = tmp_path / "out"
    code, report = cli(capsys, "migrate", str(site), "-o", str(out))
    assert code == 0, report
    publier = (out / "guide" / "publier.md").read_text(encoding="utf-8")
    # "/doc/" is no page of the site: not its index, though its last part is "index".
    assert "[l'accès](/doc/#acces) et [l'accueil](../index.md)" in publier
    assert (
        f"{site / 'guide' / 'publier.md'}:3: outside: link '/doc/#acces' points outside"
        in report
    )


def test_html_page_keeps_what_has_no_markdown(tmp_path: Path) -> None:
    site = write_tree(tmp_path / "jekyll", {"_config.yml": "title: Données\n"})
    source = site / "accueil.html"
    text = (
        "---\ntitle: Accueil\n---\n"
        "<!-- bandeau -->\n"
        '<div class="hero"><h2>Bienvenue</h2>\n'
        "<p>Un texte 100 % ouvert, avec <em>emphase</em>.\n"
        "<ul>\n{% for lien in site.data.liens %}\n"
        '  <li><a href="{{ lien.url }}">{{ lien.titre }}</a></li>\n{% endfor %}\n</ul>\n'
        "</div>\n<p>Fin\n"
    )
    source.write_text(text, encoding="utf-8")
    page = Page(source, "accueil", "", detect(site).site)
    result = migrate_text(text, page, {"accueil": page}, str(source))
    assert result.text == (
        "---\ntitle: Accueil\n---\n\n# Accueil\n\n"
        "% <!-- bandeau -->\n\n"
        "## Bienvenue\n\n"
        "Un texte 100 % ouvert, avec *emphase*.\n\n"
        "% <ul>\n% {% for lien in site.data.liens %}\n"
        '%   <li><a href="{{ lien.url }}">{{ lien.titre }}</a></li>\n% {% endfor %}\n% </ul>\n\n'
        "Fin\n"
    )
    notes = [(n.line, n.kind, n.message) for n in result.notes]
    assert (
        4,
        "comment",
        "HTML comment kept in a MyST comment: no Markdown for it",
    ) in notes
    assert (
        7,
        "comment",
        "HTML <ul> kept in a MyST comment: no Markdown for it (lines 7-11)",
    ) in notes
