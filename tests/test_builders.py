"""Every builder renders every block, with nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest

CONF = (
    'extensions = ["sphinx_circ"]\nhtml_theme = "sphinx_circ"\nlanguage = "fr"\n'
    'project = "Portail"\nversion = "1"\ncopyright = "2026"\n'
    'latex_documents = [("index", "portail.tex", "Portail", "Auteur", "manual")]\n'
    'man_pages = [("index", "portail", "Portail", ["Auteur"], 1)]\n'
    'texinfo_documents = [("index", "portail", "Portail", "Auteur", "portail", "x", "y")]\n'
)

PAGE = """
---
layout: landing
---

::::{hero}
# Titre du portail

Accroche du bandeau.

:::{button} autre
Bouton du bandeau
:::
::::

::::{section}
Texte de la bande sans titre.
::::

::::::{section}
:style: color

## Titre de la bande colorée

Texte de la bande colorée avec {button}`un bouton en ligne <https://example.org/ligne>`.

:::::{grid} 1 1 2 2

::::{grid-item}
Colonne gauche.

:::{button} https://example.org/gauche
:variant: outline
Bouton gauche
:::
::::

::::{grid-item}
Colonne droite.
::::
:::::
::::::

Paragraphe final.

"""

#: The blocks live on a page below the root, as a portal's pages do: LaTeX,
#: man and Texinfo use the root page's title as the book's own title.
ROOT = "# Portail\n\n```{toctree}\naccueil\nautre\n```\n"

TEXTS = (
    "Titre du portail",
    "Accroche du bandeau.",
    "Bouton du bandeau",
    "Texte de la bande sans titre.",
    "Titre de la bande colorée",
    "un bouton en ligne",
    "Colonne gauche.",
    "Bouton gauche",
    "Colonne droite.",
    "Paragraphe final.",
)

OUTPUTS = {
    "text": "accueil.txt",
    "latex": "portail.tex",
    "man": "portail.1",
    "texinfo": "portail.texi",
    "epub": "accueil.xhtml",
    "singlehtml": "index.html",
    "dirhtml": "accueil/index.html",
    "html": "accueil.html",
}

#: How each output marks the band's heading as a heading.
HEADING_MARKS = {
    "text": "Titre de la bande colorée\n=",
    "latex": r"\section{Titre de la bande colorée}",
    "man": ".SS Titre de la bande colorée",
    "texinfo": "@section Titre de la bande colorée",
    "epub": "<h2>Titre de la bande colorée",
    "singlehtml": "<h3>Titre de la bande colorée",  # pages nest one level down
    "dirhtml": "<h2>Titre de la bande colorée",
    "html": "<h2>Titre de la bande colorée",
}

#: How each output writes the external button as a link (or the ways it may).
LINK_MARKS: dict[str, str | tuple[str, ...]] = {
    "text": "Bouton gauche",
    "latex": r"\sphinxhref{https://example.org/gauche}{Bouton gauche}",
    "man": (
        r"Bouton gauche \%<https://\:example\:.org/\:gauche>",
        # Older man writers (Sphinx 7.4, docutils 0.20) make a terminal hyperlink.
        r"\X'tty: link https://example.org/gauche'\fI\%Bouton gauche",
    ),
    "texinfo": "Bouton gauche@footnote{https://example.org/gauche}",
    "epub": 'href="https://example.org/gauche"',
    "singlehtml": 'href="https://example.org/gauche"',
    "dirhtml": 'href="https://example.org/gauche"',
    "html": 'href="https://example.org/gauche"',
}


def normalise(text: str) -> str:
    # Writers escape or re-wrap text; compare on collapsed, unescaped text.
    for old, new in (
        ("\\-", "-"),
        ("\\(aq", "'"),
        ("’", "'"),
        ("\n", " "),
        ("  ", " "),
    ):
        text = text.replace(old, new)
    return text.lower()  # man upper-cases top-level headings


@pytest.mark.parametrize("builder", sorted(OUTPUTS))
def test_builder_keeps_every_block(build, builder: str) -> None:
    built = build(
        {"index.md": ROOT, "accueil.md": PAGE, "autre.md": "# Autre page\n\nTexte.\n"},
        buildername=builder,
        conf=CONF,
    )
    assert built.warnings == ""
    output = (Path(built.app.outdir) / OUTPUTS[builder]).read_text(encoding="utf-8")
    flat = normalise(output)
    for text in TEXTS:
        assert normalise(text) in flat, (builder, text)
    assert HEADING_MARKS[builder] in output
    marks = LINK_MARKS[builder]
    assert (
        any(mark in output for mark in marks)
        if isinstance(marks, tuple)
        else (marks in output)
    )


@pytest.mark.parametrize("builder", ["gettext", "linkcheck"])
def test_other_builders_run(build, builder: str) -> None:
    built = build(
        {"index.md": ROOT, "accueil.md": PAGE, "autre.md": "# Autre page\n"},
        buildername=builder,
        conf=CONF + "linkcheck_ignore = [r'https://example\\.org/.*']\n",
    )
    assert "Traceback" not in built.warnings
    if builder == "gettext":
        catalog = (Path(built.app.outdir) / "accueil.pot").read_text(encoding="utf-8")
        for text in ("Titre du portail", "Accroche du bandeau.", "Bouton gauche"):
            assert text in catalog
