"""The ``button`` directive and role."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import snapshot, warnings_of

TARGETS = {
    "donnees-ouvertes.md": "# Données ouvertes\n\n(jeux)=\n## Les jeux\n\nTexte.\n",
    "faq/index.md": "# FAQ\n\n```{toctree}\ncitoyen\n```\n",
    "faq/citoyen.md": "# Citoyen\n\nTexte.\n",
}

MYST_PAGE = """
# Accueil

:::{button} https://www.data.gouv.fr/fr/
Publier sur *data.gouv.fr*
:::

:::{button} /donnees-ouvertes.html
:variant: outline
:size: large
Données ouvertes
:::

:::{button} faq/citoyen
:icon: arrow-right
:::

:::{button} jeux
:variant: secondary
Voir les jeux
:::

Un paragraphe avec {button}`un bouton <https://example.org>` dedans et
{button-tertiary}`la FAQ <faq/index>`.

```{toctree}
:maxdepth: 1

donnees-ouvertes
faq/index
```
"""

RST_PAGE = """
Accueil
=======

.. button:: https://www.data.gouv.fr/fr/

   Publier sur *data.gouv.fr*

.. button:: /donnees-ouvertes.html
   :variant: outline
   :size: large

   Données ouvertes

.. button:: faq/citoyen
   :icon: arrow-right

Un paragraphe avec :button:`un bouton <https://example.org>` dedans.

.. toctree::
   :maxdepth: 1

   donnees-ouvertes
   faq/index
"""


def html_buttons(html: str) -> list:
    return BeautifulSoup(html, "html.parser").select("article a.circ-button")


def test_button_doctree_myst(build, file_regression) -> None:
    built = build({"index.md": MYST_PAGE, **TARGETS})
    assert built.warnings == ""
    file_regression.check(snapshot(built), extension=".xml")


def test_button_doctree_rst(build, file_regression) -> None:
    built = build({"index.rst": RST_PAGE, **TARGETS})
    assert built.warnings == ""
    file_regression.check(snapshot(built), extension=".xml")


def test_button_html(build) -> None:
    built = build({"index.md": MYST_PAGE, **TARGETS})
    buttons = html_buttons(built.read("index.html"))
    by_text = {a.get_text(" ", strip=True): a for a in buttons}
    external = by_text["Publier sur data.gouv.fr"]
    assert external["href"] == "https://www.data.gouv.fr/fr/"
    assert external.select_one("em").get_text() == "data.gouv.fr"
    assert "circ-button--primary" in external["class"]
    outline = by_text["Données ouvertes"]
    assert outline["href"] == "donnees-ouvertes.html"
    assert {"circ-button--outline", "circ-button--large"} <= set(outline["class"])
    # Without a label, an internal button shows the target page's title.
    titled = by_text["Citoyen"]
    assert titled["href"] == "faq/citoyen.html"
    assert titled.select_one("svg.sd-octicon-arrow-right")["aria-hidden"] == "true"
    label = by_text["Voir les jeux"]
    assert label["href"] == "donnees-ouvertes.html#jeux"
    assert "circ-button--secondary" in label["class"]
    inline = by_text["un bouton"]
    assert inline.parent.name == "p" and "dedans" in inline.parent.get_text()
    assert by_text["la FAQ"]["href"] == "faq/index.html"
    assert "circ-button--tertiary" in by_text["la FAQ"]["class"]
    # Consecutive button blocks share one row.
    rows = BeautifulSoup(built.read("index.html"), "html.parser").select(
        "p.circ-buttons"
    )
    assert len(rows) == 1
    assert len(rows[0].select("a.circ-button")) == 4


@pytest.mark.parametrize(
    ("builder", "href"),
    [
        ("dirhtml", "../../donnees-ouvertes/"),
        ("singlehtml", "#document-donnees-ouvertes"),
        ("epub", "../donnees-ouvertes.xhtml"),
    ],
)
def test_internal_targets_follow_the_builder(build, builder: str, href: str) -> None:
    page = "faq/citoyen"
    files = {
        "index.md": "# Accueil\n\n```{toctree}\ndonnees-ouvertes\nfaq/citoyen\n```\n",
        "donnees-ouvertes.md": "# Données ouvertes\n",
        "faq/citoyen.md": "# Citoyen\n\n:::{button} /donnees-ouvertes.html\nDonnées\n:::\n",
    }
    conf = 'extensions = ["sphinx_circ"]\nversion = "1"\ncopyright = "2026"\n'
    built = build(files, buildername=builder, conf=conf)
    assert built.warnings == ""
    name = {
        "dirhtml": f"{page}/index.html",
        "singlehtml": "index.html",
        "epub": f"{page}.xhtml",
    }[builder]
    buttons = BeautifulSoup(built.read(name), "html.parser").select("a.circ-button")
    assert buttons, name
    assert buttons[-1]["href"] == href


def test_new_tab_is_safe_and_announced(build) -> None:
    built = build(
        {
            "index.md": (
                "# Accueil\n\n:::{button} https://example.org\n:new-tab:\nSite\n:::\n\n"
                ":::{button} autre\n:new-tab:\nAutre\n:::\n\n```{toctree}\nautre\n```\n"
            ),
            "autre.md": "# Autre\n",
        }
    )
    for button in html_buttons(built.read("index.html")):
        assert button["target"] == "_blank"
        assert set(button["rel"]) == {"noopener", "noreferrer"}
        hidden = button.select_one(".circ-visually-hidden")
        assert hidden.get_text() == " (ouvre un nouvel onglet)"


def test_empty_target_warns_and_keeps_the_label(build) -> None:
    built = build(
        {
            "index.md": "# Accueil\n\nAvant.\n\n:::{button}\nDocumentation\n:::\n\nAprès.\n"
        }
    )
    (warning,) = warnings_of(built, "button")
    assert "index.md:5: WARNING: button with an empty target" in warning
    html = built.read("index.html")
    page = BeautifulSoup(html, "html.parser")
    assert page.select("article a.circ-button") == []
    assert page.select_one(".circ-button-text").get_text() == "Documentation"
    assert "Avant." in html and "Après." in html


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
    ],
)
def test_unsafe_scheme_is_never_emitted(build, url: str) -> None:
    built = build({"index.md": f"# Accueil\n\n:::{{button}} {url}\nCliquer\n:::\n"})
    (warning,) = warnings_of(built, "button")
    assert "index.md:3: WARNING:" in warning and "unsafe URL scheme" in warning
    html = built.read("index.html").lower()
    assert "script:alert" not in html.replace("\t", "") and "data:text" not in html
    assert "vbscript:" not in html


def test_unsafe_scheme_in_role(build) -> None:
    built = build(
        {"index.md": "# Accueil\n\nVoir {button}`ici <javascript:alert(1)>`.\n"}
    )
    (warning,) = warnings_of(built, "button")
    assert "index.md:3: WARNING:" in warning
    assert "javascript:" not in built.read("index.html")


def test_missing_internal_target_warns_at_its_line(build) -> None:
    built = build(
        {
            "index.md": "# Accueil\n\nTexte.\n\n:::{button} /nulle-part.html\nPerdu\n:::\n"
        }
    )
    (warning,) = warnings_of(built, "button")
    assert "index.md:5: WARNING: button target '/nulle-part.html' is neither" in warning
    page = BeautifulSoup(built.read("index.html"), "html.parser")
    assert page.select_one(".circ-button-text").get_text() == "Perdu"
    assert page.select("article a.circ-button") == []


@pytest.mark.parametrize("page", [
    ":::{button} /nulle-part.html\nPerdu\n:::\n",
    "Voir {button}`Perdu </nulle-part.html>`.\n",
    ":::{button} nulle-part\n:::\n",
])  # fmt: skip
def test_a_missing_target_warns_once_with_nitpicky(build, page: str) -> None:
    """One located ``circ.button`` warning, not a second ``ref.circ-button`` one."""
    built = build(
        {"index.md": f"# Accueil\n\n{page}"}, confoverrides={"nitpicky": True}
    )
    warnings = [line for line in built.warnings.splitlines() if "WARNING" in line]
    assert len(warnings) == 1, warnings
    assert "index.md:3: WARNING: button target" in warnings[0]
    assert warnings[0].endswith("[circ.button]")
    page_html = BeautifulSoup(built.read("index.html"), "html.parser")
    assert page_html.select_one(".circ-button-text").get_text() in (
        "Perdu",
        "nulle-part",
    )


def test_unknown_variant_lists_the_valid_ones(build) -> None:
    built = build(
        {
            "index.md": "# Accueil\n\n:::{button} https://example.org\n:variant: fancy\nOK\n:::\n"
        }
    )
    (warning,) = warnings_of(built, "button")
    assert (
        "index.md:3: WARNING: unknown variant 'fancy'; use one of: primary, secondary, outline, tertiary"
        in warning
    )
    (button,) = html_buttons(built.read("index.html"))
    assert "circ-button--primary" in button["class"]


def test_original_class_names_are_accepted(build) -> None:
    built = build(
        {
            "index.md": "# Accueil\n\n:::{button} https://example.org\n:variant: button-outline\nOK\n:::\n"
        }
    )
    assert built.warnings == ""
    (button,) = html_buttons(built.read("index.html"))
    assert "circ-button--outline" in button["class"]


def test_unknown_size_and_icon_warn(build) -> None:
    built = build(
        {
            "index.md": "# Accueil\n\n:::{button} https://example.org\n:size: huge\n:icon: nope\nOK\n:::\n"
        }
    )
    warnings = warnings_of(built, "button")
    assert any("unknown size 'huge'" in w for w in warnings)
    assert any("unknown button icon 'nope'" in w for w in warnings)
    assert all("index.md:3:" in w for w in warnings)


def test_warnings_can_be_suppressed(build) -> None:
    built = build(
        {"index.md": "# Accueil\n\n:::{button}\nVide\n:::\n"},
        confoverrides={"suppress_warnings": ["circ.button"]},
    )
    assert built.warnings == ""
