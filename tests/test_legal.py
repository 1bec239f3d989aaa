"""The legal pages, the footer's accessibility mention and the build's checks."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import DEFAULT_CONF, Built, run_sphinx, site_pages

from sphinx_circ.config import AccessibilityFacts
from sphinx_circ.legal.conformity import conformity, expiry, rgaa_version
from sphinx_circ.legal.facts import read_legal

NBSP = "\u00a0"
TODAY = date(2026, 12, 4)


def audit(rate: float | None, **facts: Any) -> AccessibilityFacts:
    listed = (
        ("Un graphique sans alternative.",) if rate is not None and rate < 100 else ()
    )
    values: dict[str, Any] = {
        "audit_date": date(2026, 3, 1),
        "rgaa_version": "4.1.2",
        "criteria_met": rate,
        "non_conformities": listed,
    }
    values.update(facts)
    return AccessibilityFacts(**values)


# -- The level ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rate", "level"),
    [(None, "none"), (0, "none"), (49, "none"), (49.9, "none"), (50, "partial"),
     (99, "partial"), (99.9, "partial"), (100, "total")],
)  # fmt: skip
def test_level_follows_the_share_of_criteria_met(
    rate: float | None, level: str
) -> None:
    assert conformity(audit(rate), TODAY).level == level


def test_no_audit_is_non_conforme() -> None:
    state = conformity(AccessibilityFacts(), TODAY)
    assert (state.level, state.invalid) == ("none", "none")


def test_an_audit_is_valid_three_years_to_the_day() -> None:
    facts = audit(100, audit_date=date(2023, 12, 4))
    assert conformity(facts, TODAY).level == "total"
    assert conformity(facts, date(2026, 12, 5)) == conformity(
        AccessibilityFacts(), TODAY
    ).__class__("none", "expired")
    # An audit of 29 February runs to 28 February three years on.
    assert expiry(date(2024, 2, 29)) == date(2027, 2, 28)


@pytest.mark.parametrize(
    ("version", "invalid"),
    [("4.1", ""), ("4.1.2", ""), ("RGAA 4.1.1", ""), ("5", ""), ("4.0", "replaced"),
     ("3", "replaced"), ("3.2017", "replaced"), ("quatre", "version"), ("", "version")],
)  # fmt: skip
def test_an_audit_on_a_replaced_rgaa_is_not_valid(version: str, invalid: str) -> None:
    state = conformity(audit(100, rgaa_version=version), TODAY)
    assert state.invalid == invalid
    assert state.level == ("total" if not invalid else "none")


def test_rgaa_versions_are_read() -> None:
    assert rgaa_version("4.1.2") == (4, 1)
    assert rgaa_version("v4") == (4, 0)
    assert rgaa_version("4,1") is None


def test_full_compliance_with_listed_failures_is_partial() -> None:
    state = conformity(audit(100, non_conformities=("Un lien vide.",)), TODAY)
    assert state.level == "partial"
    assert "100 %" in state.contradictions[0]


def test_a_future_audit_is_not_valid() -> None:
    assert conformity(audit(80, audit_date=date(2027, 1, 1)), TODAY).invalid == "future"


def test_facts_of_the_wrong_kind_are_left_out_with_their_key() -> None:
    facts, reading = read_legal(
        {
            "publisher": {"name": "Agence", "adress": "typo", "contact": "javascript:x"},
            "host": "Hébergeur",
            "accessibility": {"audit_date": "hier", "criteria_met": "120 %",
                              "derogations": [{"content": "PDF"}]},
            "personal_data": {"processing": [{"data": "courriel"}]},
            "oops": 1,
        }
    )  # fmt: skip
    assert facts.publisher.name == "Agence" and facts.publisher.contact == ""
    assert facts.host.name == "Hébergeur"
    assert facts.accessibility.audit_date is None
    assert facts.accessibility.criteria_met is None
    assert facts.accessibility.derogations == ()
    assert facts.personal_data.processing == ()
    text = "\n".join(reading.problems)
    for expected in ("'adress'", "['publisher']['contact']", "'hier'", "'120 %'",
                     "['derogations'][0]", "['processing'][0]", "'oops'"):  # fmt: skip
        assert expected in text, expected
    assert len(reading.problems) == 7


def test_percentages_may_be_written_the_french_way() -> None:
    facts, reading = read_legal({"accessibility": {"criteria_met": "72,5 %"}})
    assert facts.accessibility.criteria_met == 72.5 and not reading.problems


# -- A portal with its legal pages --------------------------------------------------

FACTS: dict[str, Any] = {
    "publisher": {"name": "Agence d’essai", "address": "1 rue de la Paix, 75002 Paris",
                  "contact": "contact@agence-essai.fr"},
    "director": "Claude Martin, directrice",
    "host": {"name": "Hébergeur d’essai", "address": "2 quai de Seine, 75019 Paris",
             "phone": "01 02 03 04 05"},
    "licence": {"name": "Licence Ouverte 2.0",
                "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"},
    "accessibility": {
        "audit_date": "2026-06-30", "audited_by": "Audit d’essai", "rgaa_version": "4.1.2",
        "criteria_met": 75, "audited_pages": ["index", "sub/b", "https://ailleurs.fr/"],
        "non_conformities": ["Un graphique sans alternative (critère 1.8)."],
        "derogations": [{"content": "Les archives PDF", "reason": "trop coûteuses"}],
        "contact": "accessibilite@agence-essai.fr",
        "multi_year_plan": "https://agence-essai.fr/schema",
    },
    "personal_data": {
        "dpo_contact": "dpd@agence-essai.fr",
        "processing": [{"purpose": "Lettre d’information", "data": "adresse électronique",
                        "basis": "consentement", "retention": "jusqu’au désabonnement"}],
    },
}  # fmt: skip

PAGES = {
    "index.md": """
        # Accueil

        ```{toctree}
        :hidden:

        a
        sub/index
        accessibilite
        mentions
        donnees
        plan
        ```
        """,
    "a.md": "# Page A\n\nTexte.\n",
    "sub/index.md": "# Rubrique\n\n```{toctree}\n\nb\n```\n",
    "sub/b.md": "# Page B\n\nTexte.\n",
    "orpheline.md": "---\norphan: true\n---\n\n# Page orpheline\n",
    "accessibilite.md": """
        # Déclaration d’accessibilité

        :::{accessibility-statement}
        Texte d’introduction de l’agence.

        ## Notre démarche

        Texte de la démarche.
        :::

        ## Après le bloc

        Texte après le bloc.
        """,
    "mentions.md": "# Mentions légales\n\n:::{legal-notice}\n:::\n",
    "donnees.md": "# Données personnelles\n\n:::{personal-data}\n:::\n",
    "plan.md": "# Plan du site\n\n:::{site-map}\n:::\n",
}
CONF = (
    DEFAULT_CONF + "project = 'Portail d’essai'\ncopyright = '2026, Agence d’essai'\n"
)


def conf_with(facts: dict[str, Any] | None = None, extra: str = "") -> str:
    return CONF + f"circ_legal = {facts if facts is not None else FACTS!r}\n" + extra


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The build's "today" (an audit's age depends on it)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796342400")  # 2026-12-04


def legal_build(build: Any, builder: str = "html", **kwargs: Any) -> Built:
    kwargs.setdefault("conf", conf_with())
    return build(PAGES, buildername=builder, legal=True, **kwargs)


def soup(built: Built, name: str) -> BeautifulSoup:
    page = BeautifulSoup(built.read(name), "html.parser")
    for permalink in page.select("a.headerlink"):
        permalink.decompose()
    return page


def text_of(node: Any) -> str:
    """The words of *node*, its blocks apart (an e-mail address, cloaked in
    spans, is not one)."""
    return " ".join(node.get_text(" ").split())


def words(node: Any) -> str:
    """The words of *node* as it reads inline (a date in ``<time>``…)."""
    return " ".join(node.get_text().split())


def test_a_complete_portal_builds_without_a_warning(build: Any) -> None:
    built = legal_build(build)
    assert built.warnings == ""


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml"])
def test_every_page_shows_the_level_linked_to_the_statement(
    build: Any, builder: str
) -> None:
    built = legal_build(build, builder)
    pages = [built.outdir / name for name in site_pages(built.outdir)]
    assert len(pages) >= (1 if builder == "singlehtml" else 9)
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        footer = page.select_one("footer .circ-legal")
        assert footer is not None, path
        mention = footer.select_one(".circ-legal__accessibility a")
        assert (
            text_of(mention)
            == f"Accessibilité{NBSP}: partiellement conforme".replace(NBSP, " ")
            or mention.get_text() == f"Accessibilité{NBSP}: partiellement conforme"
        )
        assert mention.get_text() == f"Accessibilité{NBSP}: partiellement conforme"
        names = [text_of(a) for a in footer.select(".circ-legal__links a")]
        assert names[1:] == ["Mentions légales", "Données personnelles", "Plan du site"]
        # Each link leads to its page.
        for link, expected in zip(
            footer.select(".circ-legal__links a"),
            ("accessibilite", "mentions", "donnees", "plan"),
            strict=True,
        ):
            href = link["href"]
            if link.get("aria-current") == "page":
                assert href == "#", href
            elif builder == "singlehtml":
                assert href.endswith(f"#document-{expected}"), href
            else:
                target = (path.parent / href.split("#")[0]).resolve()
                if target.is_dir():
                    target = target / "index.html"
                assert target.is_file(), href
                assert target.stem == expected or target.parent.name == expected, href
        licence = footer.select_one(".circ-legal__licence")
        assert "© 2026, Agence d’essai." in text_of(licence)
        assert licence.select_one("a")["href"].startswith("https://www.etalab.gouv.fr/")


def test_the_footer_marks_the_page_it_is_on(build: Any) -> None:
    built = legal_build(build)
    footer = soup(built, "mentions.html").select_one(".circ-legal")
    assert footer.select_one('[aria-current="page"]').get_text() == "Mentions légales"
    assert soup(built, "a.html").select_one(".circ-legal [aria-current]") is None


@pytest.mark.parametrize(
    ("rate", "level"), [(49, "non conforme"), (50, "partiellement conforme"),
                        (100, "totalement conforme")],
)  # fmt: skip
def test_the_mention_is_derived_from_the_audit(
    build: Any, rate: float, level: str
) -> None:
    facts = dict(FACTS)
    facts["accessibility"] = dict(FACTS["accessibility"], criteria_met=rate)
    if rate == 100:
        facts["accessibility"]["non_conformities"] = []
    built = legal_build(build, conf=conf_with(facts))
    mention = soup(built, "a.html").select_one(".circ-legal__accessibility")
    assert mention.get_text() == f"Accessibilité{NBSP}: {level}"
    statement = text_of(soup(built, "accessibilite.html").select_one("main"))
    assert f"est {level} avec le référentiel" in statement


def test_the_statement_says_what_the_facts_say(build: Any) -> None:
    built = legal_build(build)
    page = soup(built, "accessibilite.html")
    main = page.select_one("main")
    titles = [text_of(h) for h in main.select("h2")]
    assert titles == [
        "État de conformité", "Résultats des tests", "Contenus non accessibles",
        "Établissement de cette déclaration d’accessibilité",
        "Schéma pluriannuel et plan d’actions", "Retour d’information et contact",
        "Voies de recours", "Notre démarche", "Après le bloc",
    ]  # fmt: skip
    assert [text_of(h) for h in main.select("h3")] == [
        "Non-conformités", "Dérogations pour charge disproportionnée",
        "Contenus non soumis à l’obligation d’accessibilité",
        "Technologies utilisées pour la réalisation du site",
        "Pages du site ayant fait l’objet de la vérification de conformité",
    ]  # fmt: skip
    text = text_of(main)
    assert "Agence d’essai s’engage à rendre ses sites internet accessibles" in text
    assert "L’audit réalisé le 30 juin 2026 par Audit d’essai révèle que 75 %" in text
    assert "Un graphique sans alternative (critère 1.8)." in text
    assert f"Les archives PDF{NBSP}: trop coûteuses" in main.get_text()
    assert "Cette déclaration a été établie le 30 juin 2026." in words(main)
    # The agency's own text stays, before and after.
    assert "Texte d’introduction de l’agence." in text
    assert "Texte de la démarche." in text and "Texte après le bloc." in text
    # Audited pages: a document by its title and link, an address as a link.
    audited = [text_of(li) for li in main.select("h3 ~ ul")[-1].select("li")]
    assert audited == ["Accueil", "Page B", "ailleurs.fr"]
    # The remedies name the Défenseur des droits, its form and its address.
    remedies = main.select_one("section#voies-de-recours")
    assert remedies.select_one('a[href="https://formulaire.defenseurdesdroits.fr/"]')
    assert "Libre réponse 71120" in text_of(remedies)
    assert (
        "accessibilite@agence-essai.fr" in main.select_one("a[href^=mailto]").get_text()
    )
    # Its sections are in the page's contents.
    toc = [text_of(a) for a in page.select("nav.page-toc a")]
    assert "Voies de recours" in toc


def test_the_notice_and_the_personal_data_page(build: Any) -> None:
    built = legal_build(build)
    notice = soup(built, "mentions.html").select_one("main")
    text = text_of(notice)
    for fact in ("Agence d’essai", "1 rue de la Paix, 75002 Paris", "Claude Martin",
                 "Hébergeur d’essai", "01 02 03 04 05", "Licence Ouverte 2.0"):  # fmt: skip
        assert fact in text, fact
    assert notice.select_one('a[href="accessibilite.html"]').get_text() == (
        "déclaration d’accessibilité"
    )
    assert notice.select_one('a[href="donnees.html"]')
    data = text_of(soup(built, "donnees.html").select_one("main"))
    assert "Lettre d’information" in data and "consentement" in data
    assert "ne dépose aucun cookie" in data
    assert "CNIL" in data
    assert (
        "dpd@agence-essai.fr"
        in soup(built, "donnees.html").select_one("main").get_text()
    )


def test_the_legal_pages_stay_out_of_the_menu(build: Any) -> None:
    built = legal_build(build)
    menu = [text_of(a) for a in soup(built, "a.html").select(".circ-menu a")]
    assert "Page A" in menu and "Rubrique" in menu
    assert not {"Mentions légales", "Plan du site"} & set(menu)


def toctree_documents(built: Built) -> list[str]:
    env = built.app.env
    found, queue = [], [env.config.root_doc]
    while queue:
        docname = queue.pop(0)
        if docname in found:
            continue
        found.append(docname)
        queue.extend(env.toctree_includes.get(docname, []))
    return found


def test_the_site_map_lists_every_document_of_the_toctree(build: Any) -> None:
    built = legal_build(build)
    listing = soup(built, "plan.html").select_one("main ul.circ-sitemap")
    links = [(a["href"], text_of(a)) for a in listing.select("a")]
    expected = toctree_documents(built)
    # The site map's own entry is a link to the page it is on ("#").
    docs = [
        ("plan.html" if href == "#" else href).removesuffix(".html")
        for href, _ in links
    ]
    assert sorted(docs) == sorted(expected)
    assert len(docs) == len(set(docs))
    assert ("orpheline.html", "Page orpheline") not in links
    # Nested as the toctrees are.
    nested = listing.select_one('a[href="sub/index.html"]').find_parent("li")
    assert [text_of(a) for a in nested.select(":scope > ul a")] == ["Page B"]


def test_the_site_map_follows_a_new_page(build: Any, tmp_path: Path) -> None:
    built = legal_build(build)
    src = Path(built.app.srcdir)
    (src / "c.md").write_text("# Page C\n", encoding="utf-8")
    index = (src / "index.md").read_text(encoding="utf-8")
    (src / "index.md").write_text(index.replace("a\n", "a\nc\n", 1), encoding="utf-8")
    built.app.build()
    listing = built.read("plan.html")
    assert 'href="c.html"' in listing


@pytest.mark.parametrize(
    ("builder", "output"),
    [("text", "accessibilite.txt"), ("latex", "projet.tex"), ("epub", "accessibilite.xhtml")],
)  # fmt: skip
def test_the_pages_in_other_outputs(build: Any, builder: str, output: str) -> None:
    conf = conf_with().replace("project = 'Portail d’essai'", "project = 'Projet'")
    built = legal_build(build, builder, conf=conf + "version = '1'\n")
    assert built.warnings == ""
    text = built.read(output)
    for expected in ("État de conformité", "Voies de recours", "Notre démarche",
                     "Texte après le bloc.", "Libre réponse 71120"):  # fmt: skip
        assert expected in text, expected
    if builder == "text":
        plan = built.read("plan.txt")
        assert "Page B" in plan and "Page orpheline" not in plan
    if builder == "latex":
        assert "{Page B}" in text and "{Page orpheline}" not in text


def test_english_pages_and_footer(build: Any) -> None:
    built = legal_build(
        build, conf=conf_with().replace('language = "fr"', 'language = "en"')
    )
    assert built.warnings == ""
    mention = soup(built, "a.html").select_one(".circ-legal__accessibility").get_text()
    assert mention == "Accessibility: partially compliant"
    main = text_of(soup(built, "accessibilite.html").select_one("main"))
    assert "Compliance status" in main and "Remedies" in main
    assert "30 June 2026" in main and "75%" in main


# -- Warnings ----------------------------------------------------------------------


def legal_warnings(built: Built, kind: str = "legal") -> list[str]:
    return [w for w in built.warnings.splitlines() if f"[circ.{kind}]" in w]


def conf_line(built: Built, text: str) -> int:
    lines = (
        (Path(built.app.srcdir) / "conf.py").read_text(encoding="utf-8").splitlines()
    )
    return next(i for i, line in enumerate(lines, 1) if line.startswith(text))


def test_a_portal_without_legal_pages_is_told_once(build: Any) -> None:
    built = build({"index.md": "# Accueil\n"}, legal=True)
    warnings = legal_warnings(built)
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(f"{built.app.srcdir / 'conf.py'}:1: WARNING: ")
    for named in ("accessibility statement", "legal notice", "personal-data page",
                  "site map", "circ_legal"):  # fmt: skip
        assert named in warnings[0]


def test_a_missing_statement_and_notice_facts_are_located(build: Any) -> None:
    pages = {k: v for k, v in PAGES.items() if k != "accessibilite.md"}
    facts = dict(FACTS, host={"name": "Hébergeur"}, director="")
    built = build(pages, conf=conf_with(facts) + "suppress_warnings = ['toc.not_readable']\n",
                  legal=True)  # fmt: skip
    line = conf_line(built, "circ_legal")
    location = f"{built.app.srcdir / 'conf.py'}:{line}: WARNING: "
    warnings = legal_warnings(built)
    assert any(
        w.startswith(location) and "no accessibility statement" in w for w in warnings
    ), warnings
    lacking = next(w for w in warnings if "legal notice lacks" in w)
    assert lacking.startswith(location)
    for key in ("['director']", "['host']['address']", "['host']['phone']"):
        assert key in lacking


def test_an_expired_audit_and_a_replaced_rgaa_warn(build: Any) -> None:
    facts = dict(FACTS)
    facts["accessibility"] = dict(FACTS["accessibility"], audit_date="2023-12-03")
    built = legal_build(build, conf=conf_with(facts))
    line = conf_line(built, "circ_legal")
    [warning] = legal_warnings(built)
    assert warning.startswith(f"{built.app.srcdir / 'conf.py'}:{line}: WARNING: ")
    assert "2023-12-03 is more than 3 years old" in warning
    assert soup(built, "a.html").select_one(
        ".circ-legal__accessibility"
    ).get_text() == (f"Accessibilité{NBSP}: non conforme")
    assert "date de plus de trois ans" in text_of(soup(built, "accessibilite.html"))

    facts["accessibility"] = dict(FACTS["accessibility"], rgaa_version="4.0")
    built = legal_build(build, conf=conf_with(facts))
    [warning] = legal_warnings(built)
    assert "RGAA 4.0, which has been replaced" in warning


def test_full_compliance_claimed_with_failures_warns(build: Any) -> None:
    facts = dict(FACTS)
    facts["accessibility"] = dict(FACTS["accessibility"], criteria_met=100)
    built = legal_build(build, conf=conf_with(facts))
    [warning] = legal_warnings(built)
    assert "100 % (totalement conforme) while non_conformities lists 1" in warning
    assert (
        "partiellement conforme"
        in soup(built, "a.html").select_one(".circ-legal__accessibility").get_text()
    )


def test_legal_warnings_are_silenced_and_fail_under_w(build: Any) -> None:
    facts = dict(FACTS, director="")
    built = legal_build(
        build, conf=conf_with(facts, "suppress_warnings = ['circ.legal']\n")
    )
    assert built.warnings == ""
    src = Path(built.app.srcdir)
    (src / "conf.py").write_text(conf_with(facts), encoding="utf-8")
    failed = run_sphinx(src, src.parent / "w", "-W", legal=True)
    assert failed.returncode != 0
    assert "legal notice lacks" in failed.stderr


def test_placeholders_warn_at_their_line(build: Any) -> None:
    facts = dict(FACTS, director="[nom du directeur]")
    facts["host"] = dict(FACTS["host"], phone="[téléphone]")
    conf = conf_with().replace(repr(FACTS), "{\n" + ",\n".join(
        f"    {key!r}: {value!r}" for key, value in facts.items()) + ",\n}")  # fmt: skip
    built = legal_build(build, conf=conf)
    warnings = legal_warnings(built, "placeholder")
    assert len(warnings) == 2, warnings
    director = conf_line(built, "    'director'")
    assert warnings[0].startswith(f"{built.app.srcdir / 'conf.py'}:{director}: ")
    assert (
        "circ_legal['director'] is still the placeholder '[nom du directeur]'"
        in (warnings[0])
    )
    assert legal_warnings(built) == []
    # Shown as written meanwhile.
    assert "[nom du directeur]" in text_of(soup(built, "mentions.html"))


def test_bad_facts_warn_without_stopping_the_build(build: Any) -> None:
    built = legal_build(build, conf=conf_with({"publisher": ["Agence"], "director": 3}))
    warnings = legal_warnings(built)
    assert any("circ_legal['publisher'] must be a dictionary" in w for w in warnings)
    assert (built.outdir / "mentions.html").is_file()


def test_a_host_theme_places_the_footer_block(build: Any) -> None:
    conf = conf_with().replace(
        'html_theme = "sphinx_circ"', 'html_theme = "pydata_sphinx_theme"'
    )
    conf += "html_theme_options = {'footer_center': ['circ/legal-footer.html']}\n"
    built = legal_build(build, conf=conf)
    mention = soup(built, "a.html").select_one("footer .circ-legal__accessibility a")
    assert mention.get_text() == f"Accessibilité{NBSP}: partiellement conforme"
    assert mention["href"] == "accessibilite.html"
    assert re.search(r"État de conformité", built.read("accessibilite.html"))


@pytest.mark.parametrize(
    ("builder", "output"),
    [("man", "projet.1"), ("texinfo", "projet.texi"), ("gettext", "accessibilite.pot"),
     ("linkcheck", "output.txt")],
)  # fmt: skip
def test_every_other_builder_writes_the_pages(
    build: Any, builder: str, output: str
) -> None:
    conf = conf_with().replace("project = 'Portail d’essai'", "project = 'Projet'")
    # The test machine reaches no outside site: links are not followed.
    conf += "version = '1'\nlinkcheck_ignore = [r'.*']\n"
    built = legal_build(build, builder, conf=conf)
    assert built.warnings == ""
    text = built.read(output)
    if builder in ("man", "texinfo"):
        assert (
            "Voies de recours" in text.replace("\\-", "-") or "VOIES DE RECOURS" in text
        )
        assert "Page B" in text
    elif builder == "gettext":
        assert "Texte après le bloc." in text


def test_a_second_statement_is_reported_at_its_page(build: Any) -> None:
    pages = dict(
        PAGES, **{"b2.md": "# Autre déclaration\n\n:::{accessibility-statement}\n:::\n"}
    )
    pages["index.md"] = pages["index.md"].replace("plan\n", "plan\nb2\n")
    built = build(pages, conf=conf_with(), legal=True)
    [warning] = legal_warnings(built)
    assert "b2.md" in warning.split(": WARNING")[0]
    assert "2 pages carry the accessibility-statement block" in warning
    href = soup(built, "a.html").select_one(".circ-legal__accessibility a")["href"]
    assert href == "accessibilite.html"
