"""Persona tabs: panels filled from pages, accessible HTML, every output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import read_site, snapshot, warnings_of

RST_FAQ = """
FAQ
===

.. persona-tabs::

   .. persona:: Citoyen
      :page: citoyen

   .. persona:: Réutilisateur
      :key: reuse

      Contenu propre au réutilisateur.

.. toctree::
   :maxdepth: 1

   citoyen
   producteur
"""


def site(faq: str | None = None, name: str = "faq/index.md") -> dict[str, str]:
    """The ``personas`` test site, its FAQ page replaced by *faq* if given."""
    files = read_site("personas")
    if faq is not None:
        del files["faq/index.md"]
        files[name] = faq
    return files


def faq_page(built, name: str = "faq/index.html") -> BeautifulSoup:
    return BeautifulSoup(built.read(name), "html.parser")


def test_personas_doctree_myst(build, file_regression) -> None:
    built = build(site())
    assert built.warnings == ""
    file_regression.check(snapshot(built, "faq/index"), extension=".xml")


def test_personas_doctree_rst(build, file_regression) -> None:
    built = build(site(RST_FAQ, "faq/index.rst"))
    assert built.warnings == ""
    file_regression.check(snapshot(built, "faq/index"), extension=".xml")


def test_tabs_follow_the_aria_pattern(build) -> None:
    built = build(site())
    page = faq_page(built)
    tablist = page.select_one("[role=tablist]")
    assert tablist["aria-label"] == "Votre profil"
    tabs = tablist.select("button[role=tab]")
    assert [t.get_text(strip=True) for t in tabs] == [
        "Citoyen",
        "Producteur",
        "Réutilisateur",
    ]
    # :selected: chooses the first tab shown; only it is in the tab order.
    assert [t["aria-selected"] for t in tabs] == ["false", "true", "false"]
    assert [t["tabindex"] for t in tabs] == ["-1", "0", "-1"]
    for tab in tabs:
        assert tab["type"] == "button"
        panel = page.find(id=tab["aria-controls"])
        assert panel["role"] == "tabpanel"
        assert panel["aria-labelledby"] == tab["id"]
        assert panel["tabindex"] == "0"
    panels = page.select("[role=tabpanel]")
    assert [p["id"] for p in panels] == ["citoyen", "producteur", "reutilisateur"]
    # Hidden panels stay findable by the browser's find-in-page.
    assert [p.get("hidden") for p in panels] == ["until-found", None, "until-found"]
    assert tabs[0].select_one("svg")["aria-hidden"] == "true"


def test_panels_are_filled_from_their_pages(build) -> None:
    built = build(site())
    page = faq_page(built)
    citoyen = page.find(id="citoyen")
    text = citoyen.get_text(" ", strip=True)
    # The page's subtitle leads the panel; its title gives way to the persona's.
    assert (
        citoyen.select_one(".circ-persona__summary").get_text()
        == "Pour les habitants curieux."
    )
    assert "Premier paragraphe citoyen." in text and "mot-unique-citoyen" in text
    assert "Citoyenne, citoyen" not in text
    title = citoyen.select_one("h2.circ-persona__title")
    assert title.get_text(strip=True) == "Citoyen"
    # Page headings become headings one level below, with unique anchors.
    question = citoyen.select_one("h3")
    assert question.get_text(strip=True).startswith("Est-ce gratuit")
    # Its label and slug both still work, prefixed by the persona's key.
    assert question["id"] == "citoyen-gratuit"
    assert citoyen.find(id="citoyen-est-ce-gratuit") is not None
    # Page content first, then the persona's own content.
    producteur = page.find(id="producteur").get_text(" ", strip=True)
    assert producteur.index("Avec un schéma.") < producteur.index(
        "Un complément écrit ici."
    )
    reuse = page.find(id="reutilisateur")
    assert (
        reuse.select_one(".circ-persona__summary").get_text() == "Pour qui réutilise."
    )
    # The list of links readers get without JavaScript.
    links = page.select(".circ-personas__links a")
    assert [a["href"] for a in links] == ["#citoyen", "#producteur", "#reutilisateur"]
    summaries = [
        s.get_text()
        for s in page.select(".circ-personas__links .circ-personas__summary")
    ]
    assert summaries == [
        "Pour les habitants curieux.",
        "Premier paragraphe producteur.",
        "Pour qui réutilise.",
    ]


def test_the_persona_page_still_builds_alone(build) -> None:
    built = build(site())
    alone = faq_page(built, "faq/citoyen.html")
    assert alone.select_one("h1").get_text(strip=True).startswith("Citoyenne, citoyen")
    assert alone.find(id="est-ce-gratuit") is not None


def test_script_and_noscript_styles(build) -> None:
    built = build(site())
    page = faq_page(built)
    script = next(
        s for s in page.select("script[src]") if "circ-personas.js" in s["src"]
    )
    assert script.has_attr("defer")
    assert script["data-circ-storage"] == "local"
    noscript = [n for n in page.select("head noscript") if n.select_one("link")]
    assert "sphinx-circ-noscript.css" in noscript[0].select_one("link")["href"]
    assert (built.outdir / "_static" / "scripts" / "circ-personas.js").is_file()
    assert (built.outdir / "_static" / "styles" / "sphinx-circ-noscript.css").is_file()
    # Pages without tabs do not load the no-script styles.
    assert "sphinx-circ-noscript.css" not in built.read("index.html")
    # No inline script of ours.
    assert "circ" not in " ".join(
        s.get_text() for s in page.select("script:not([src])")
    )


def test_search_reaches_every_panel(build) -> None:
    built = build(site())
    index_js = built.read("searchindex.js")
    data = json.loads(index_js[index_js.index("(") + 1 : index_js.rindex(")")])
    docs = data["docnames"]
    hits = data["terms"]["zorglub"]
    hits = hits if isinstance(hits, list) else [hits]
    assert docs.index("faq/index") in hits and docs.index("faq/citoyen") in hits


def test_storage_setting_reaches_the_script(build) -> None:
    built = build(site(), confoverrides={"circ_persona_storage": "session"})
    assert 'data-circ-storage="session"' in built.read("faq/index.html")


def test_bad_storage_setting_warns(build) -> None:
    built = build(site(), confoverrides={"circ_persona_storage": "cookie"})
    (warning,) = warnings_of(built, "config")
    assert "circ_persona_storage = 'cookie'" in warning
    assert 'data-circ-storage="local"' in built.read("faq/index.html")


def test_editing_a_persona_page_rewrites_what_shows_it(build) -> None:
    built = build(site())
    app = built.app
    reread: list[str] = []
    written: list[str] = []
    app.connect(
        "env-before-read-docs", lambda _app, _env, docnames: reread.extend(docnames)
    )
    app.connect("html-page-context", lambda _app, name, *_args: written.append(name))
    citoyen = Path(app.srcdir) / "faq" / "citoyen.md"
    citoyen.write_text(
        citoyen.read_text(encoding="utf-8").replace(
            "mot-unique-citoyen", "texte-modifie"
        ),
        encoding="utf-8",
    )
    app.build()
    # Only the edited page is read again; the FAQ showing it is written again.
    assert reread == ["faq/citoyen"]
    assert {"faq/citoyen", "faq/index"} <= set(written)
    assert "texte-modifie" in faq_page(built).find(id="citoyen").get_text()


@pytest.mark.parametrize(
    ("builder", "output"),
    [
        ("text", "faq/index.txt"),
        ("latex", "projet.tex"),
        ("man", "projet.1"),
        ("texinfo", "projet.texi"),
        ("epub", "faq/index.xhtml"),
        ("singlehtml", "index.html"),
    ],
)
def test_every_output_keeps_every_panel_in_order(
    build, builder: str, output: str
) -> None:
    conf = (
        'extensions = ["sphinx_circ"]\nproject = "Projet"\nversion = "1"\n'
        'copyright = "2026"\nlanguage = "fr"\n'
    )
    built = build(site(), buildername=builder, conf=conf)
    assert built.warnings == ""
    text = (Path(built.app.outdir) / output).read_text(encoding="utf-8")
    text = re.sub(
        r"\s+", " ", text.replace("\\-", "-").replace(r"\sphinxhyphen{}", "-")
    )
    order = [
        "Premier paragraphe citoyen.",
        "mot-unique-citoyen",
        "Premier paragraphe producteur.",
        "Un complément écrit ici.",
        "Contenu propre au réutilisateur.",
    ]
    position = 0
    for part in order:  # each after the one before
        position = text.index(part, position)
    for title in ("Citoyen", "Producteur", "Réutilisateur"):
        assert title in text or title.upper() in text


# -- bad input ------------------------------------------------------------------


# MyST (5.x) numbers the lines of a directive nested in another one, when the
# outer one has no options, one line too far: the expected lines below follow it.


def faq_with(body: str) -> dict[str, str]:
    return site("# FAQ\n\n" + body + "\n\n```{toctree}\ncitoyen\nproducteur\n```\n")


def test_empty_tab_set(build) -> None:
    built = build(faq_with(":::::{persona-tabs}\n:::::"))
    (warning,) = warnings_of(built, "personas")
    assert "faq/index.md:3: WARNING: persona-tabs without any persona" in warning


def test_duplicate_keys(build) -> None:
    built = build(
        faq_with(
            ":::::{persona-tabs}\n::::{persona} Citoyen\nA\n::::\n"
            "::::{persona} Citoyen\nB\n::::\n:::::"
        )
    )
    (warning,) = warnings_of(built, "personas")
    assert "faq/index.md:8: WARNING: duplicate persona key 'citoyen'" in warning
    assert "renamed 'citoyen-2'" in warning
    page = faq_page(built)
    assert [p["id"] for p in page.select("[role=tabpanel]")] == ["citoyen", "citoyen-2"]
    assert "B" in page.find(id="citoyen-2").get_text()


def test_two_selected(build) -> None:
    built = build(
        faq_with(
            ":::::{persona-tabs}\n::::{persona} A\n:selected:\nA\n::::\n"
            "::::{persona} B\n:selected:\nB\n::::\n:::::"
        )
    )
    (warning,) = warnings_of(built, "personas")
    assert "faq/index.md:9: WARNING: more than one persona is :selected:" in warning
    tabs = faq_page(built).select("[role=tab]")
    assert [t["aria-selected"] for t in tabs] == ["true", "false"]


def test_unknown_selected_key(build) -> None:
    built = build(
        faq_with(
            # The blank line ends the options for myst-parser 4 too.
            ":::::{persona-tabs}\n:selected: martien\n\n::::{persona} A\nA\n::::\n:::::"
        )
    )
    (warning,) = warnings_of(built, "personas")
    assert (
        "faq/index.md:3: WARNING: selected persona 'martien' is not in this set; use one of: a"
        in warning
    )


def test_missing_page(build) -> None:
    built = build(
        faq_with(
            ":::::{persona-tabs}\n::::{persona} A\n:page: nulle-part\nTexte.\n::::\n:::::"
        )
    )
    (warning,) = warnings_of(built, "personas")
    assert (
        "faq/index.md:5: WARNING: persona page 'nulle-part' is not a document"
        in warning
    )
    assert "Texte." in faq_page(built).find(id="a").get_text()


def test_cycle(build) -> None:
    files = site()
    files["faq/citoyen.md"] = (
        "# Citoyen\n\nAvant.\n\n:::::{persona-tabs}\n::::{persona} Retour\n"
        ":page: index\n::::\n:::::\n"
    )
    built = build(files)
    warnings = warnings_of(built, "personas")
    assert warnings, built.warnings
    assert any("shows this persona set again" in w for w in warnings)
    assert "Traceback" not in built.warnings
    assert "Avant." in faq_page(built).find(id="citoyen").get_text()


def test_self_inclusion(build) -> None:
    built = build(
        faq_with(
            ":::::{persona-tabs}\n::::{persona} Moi\n:page: index\nTexte.\n::::\n:::::"
        )
    )
    (warning,) = warnings_of(built, "personas")
    assert (
        "faq/index.md:5: WARNING: persona page 'faq/index' shows this persona set again"
        in warning
    )


def test_persona_outside_a_set(build) -> None:
    built = build(faq_with("::::{persona} Seul\nContenu seul.\n::::"))
    (warning,) = warnings_of(built, "personas")
    assert (
        "faq/index.md:3: WARNING: persona 'Seul' is outside a persona-tabs block"
        in warning
    )
    page = faq_page(built)
    assert "Contenu seul." in page.get_text()
    assert page.select_one(".circ-persona__title").get_text(strip=True) == "Seul"


def test_empty_persona_and_bad_icon(build) -> None:
    built = build(
        faq_with(":::::{persona-tabs}\n::::{persona} Vide\n:icon: licorne\n::::\n:::::")
    )
    warnings = warnings_of(built, "personas")
    assert any(
        "faq/index.md:5: WARNING: unknown persona icon 'licorne'" in w for w in warnings
    )
    assert any(
        "faq/index.md:5: WARNING: persona 'Vide' is empty" in w for w in warnings
    )


def test_stray_content_in_a_set(build) -> None:
    built = build(
        faq_with(
            ":::::{persona-tabs}\nUn paragraphe égaré.\n\n::::{persona} A\nA\n::::\n:::::"
        )
    )
    (warning,) = warnings_of(built, "personas")
    assert "only persona blocks belong in persona-tabs" in warning
    assert "Un paragraphe égaré." in built.read("faq/index.html")


def test_persona_needs_a_title(build) -> None:
    built = build(faq_with(":::::{persona-tabs}\n::::{persona}\nA\n::::\n:::::"))
    assert (
        "faq/index.md:5: ERROR: Directive 'persona': 1 argument(s) required"
        in built.warnings
    )
    assert "Traceback" not in built.warnings


@pytest.mark.parametrize(
    ("language", "label"),
    [("fr", "Choisir votre profil"), ("en", "Choose your profile")],
)
def test_default_label_is_translated(build, language: str, label: str) -> None:
    built = build(
        faq_with(":::::{persona-tabs}\n::::{persona} A\nA\n::::\n:::::"),
        confoverrides={"language": language},
    )
    assert faq_page(built).select_one("[role=tablist]")["aria-label"] == label
