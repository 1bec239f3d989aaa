"""The DSFR theme (``html_theme = "sphinx_circ_dsfr"``): its markup against the
DSFR's documented structure, its options and their checks, the DSFR files it
ships, every builder, and the weight of a page.

The site is ``tests/sites/dsfr``: a landing page with blocks, a section of
two pages (an inventory on the section's page, a dataset), a contact page with
the request form and the four legal pages.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import (
    DEFAULT_CONF,
    REPO,
    SITES,
    require_npm_file,
    run_sphinx,
    site_pages,
    strip_colors,
    warnings_of,
)

from sphinx_circ.config import DSFR_THEME_DIR, DsfrSettings

SITE = "dsfr"
#: What a page of the site may weigh, its CSS and JS gzipped (the DSFR's
#: full stylesheet alone is 94 KB gzipped).
BUDGET_KB = 110
#: The DSFR's part of it: the bundle of its stylesheet and its script.
DSFR_BUDGET_KB = 90


@pytest.fixture(scope="module")
def site(site_factory: Any) -> Path:
    return Path(site_factory(SITE))


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def one(tree: BeautifulSoup | Tag, selector: str) -> Tag:
    found = tree.select(selector)
    assert len(found) == 1, f"{selector}: {len(found)} elements"
    return found[0]


def text(element: Tag) -> str:
    """The element's text, its spaces (not its no-break spaces) squeezed."""
    return re.sub(r"[ \t\r\n]+", " ", element.get_text(" ")).strip()


# -- The vendored DSFR ----------------------------------------------------------


def test_the_vendored_dsfr_is_the_pinned_packages() -> None:
    """``tools/vendor_dsfr.py --check``: the package's copy is what the pinned
    @gouvfr/dsfr gives (run after ``npm ci``)."""
    require_npm_file(REPO / "node_modules" / "@gouvfr" / "dsfr" / "package.json")
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "vendor_dsfr.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_the_check_reports_what_differs() -> None:
    require_npm_file(REPO / "node_modules" / "@gouvfr" / "dsfr" / "package.json")
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "vendor_dsfr", REPO / "tools" / "vendor_dsfr.py"
    )
    assert spec is not None and spec.loader is not None
    vendor = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(vendor)
    files = vendor.bundle()
    assert vendor.differences(files) == []
    files["dsfr.min.css"] += b"/* changed */"
    files["extra.css"] = b""
    del files["VERSION"]
    assert vendor.differences(files) == [
        "differs: dsfr.min.css",
        "missing: extra.css",
        "not from the DSFR: VERSION",
    ]


def test_the_pinned_version_is_the_vendored_one() -> None:
    import json

    package = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    pinned = package["devDependencies"]["@gouvfr/dsfr"]
    vendored = (DSFR_THEME_DIR / "static" / "dsfr" / "VERSION").read_text().strip()
    assert pinned == vendored  # exact: no range


def test_the_dsfr_licence_comments_are_kept() -> None:
    static = DSFR_THEME_DIR / "static" / "dsfr"
    css = (static / "dsfr.min.css").read_text(encoding="utf-8")
    js = (static / "dsfr.module.min.js").read_text(encoding="utf-8")
    assert css.startswith("/*!\n * DSFR v")
    assert "SPDX-License-Identifier: Etalab-2.0" in css
    assert js.startswith("/*! DSFR v")
    assert (static / "LICENSE.md").is_file()
    assert not list(static.rglob("*.map"))
    # Every file the stylesheet points to is shipped.
    for url in set(re.findall(r"url\(([^)\"']+)\)", css)):
        if not url.startswith("data:"):
            assert (static / url).is_file(), url


def test_theme_toml_defaults_match_the_settings() -> None:
    toml = (DSFR_THEME_DIR / "theme.toml").read_text("utf-8")
    options = tomllib.loads(toml)["options"]
    for name, value in vars(DsfrSettings()).items():
        assert name in options, f"{name} is missing from theme.toml"
        assert options[name] == value, name
    assert tomllib.loads(toml)["theme"]["inherit"] == "basic"


# -- The chrome, as the DSFR documents it -------------------------------------


def test_skip_links_and_header(site: Path) -> None:
    page = soup(site, "donnees/energie.html")
    assert page.html is not None and page.html["data-fr-scheme"] == "system"
    skiplinks = one(page, ".fr-skiplinks nav.fr-container ul.fr-skiplinks__list")
    targets = [a["href"] for a in skiplinks.select("a.fr-link")]
    assert targets == ["#content", "#circ-dsfr-navigation", "#footer"]
    for target in targets:
        assert page.select(target), target
    header = one(page, "header.fr-header[role=banner]")
    brand = one(header, ".fr-header__body .fr-container .fr-header__body-row "
                ".fr-header__brand")  # fmt: skip
    logo = one(brand, ".fr-header__brand-top .fr-header__logo p.fr-logo")
    assert [str(s) for s in logo.strings] == ["Ministère", "de l’exemple"]
    assert logo.find("br") is not None
    operator = one(brand, ".fr-header__brand-top .fr-header__operator a img")
    assert operator["alt"] == "Service des données (exemple)"
    assert (site / "donnees" / operator["src"]).resolve().is_file()
    service = one(brand, ".fr-header__service")
    assert one(service, "a")["href"] == "../index.html"
    title = one(service, "a p.fr-header__service-title")
    assert text(title) == "Données de la transition écologique"
    tagline = one(service, "p.fr-header__service-tagline")
    assert text(tagline) == "Les données ouvertes du service, pour tous"
    navbar = one(brand, ".fr-header__brand-top .fr-header__navbar")
    menu_button = one(navbar, "button.fr-btn--menu")
    assert menu_button["aria-controls"] == "circ-dsfr-modal-menu"
    assert one(navbar, "button.fr-btn--search")["aria-controls"] == (
        "circ-dsfr-modal-search"
    )
    tools = one(header, ".fr-header__tools .fr-header__tools-links ul.fr-btns-group")
    links = [(text(a), a["href"]) for a in tools.select("a.fr-btn")]
    assert links == [("Nous contacter", "../contact.html")]
    display = one(tools, "button.fr-btn.fr-icon-theme-fill")
    assert display["aria-controls"] == "fr-theme-modal"
    search = one(header, ".fr-header__search.fr-modal form.fr-search-bar[role=search]")
    assert search["action"] == "../search.html"
    field = one(search, "input.fr-input[type=search]")
    assert field["name"] == "q"
    assert one(search, "label.fr-label")["for"] == field["id"]


def test_main_navigation_marks_the_section(site: Path) -> None:
    def menu(page: str) -> list[tuple[str, str, str]]:
        nav = one(
            soup(site, page),
            "header.fr-header > .fr-header__menu.fr-modal#circ-dsfr-modal-menu"
            " > .fr-container > nav.fr-nav#circ-dsfr-navigation",
        )
        assert nav["aria-label"] == "Menu principal"
        return [
            (text(a), a["href"], a.get("aria-current", ""))
            for a in nav.select("ul.fr-nav__list > li.fr-nav__item > a.fr-nav__link")
        ]

    # The legal pages are in the footer, not the menu.
    assert menu("index.html") == [
        ("Les données", "donnees/index.html", ""),
        ("Les blocs", "blocs.html", ""),
        ("Nous contacter", "contact.html", ""),
    ]
    assert menu("donnees/energie.html")[0] == ("Les données", "index.html", "true")
    assert menu("donnees/index.html")[0] == ("Les données", "#", "page")
    assert menu("contact.html")[2] == ("Nous contacter", "#", "page")


def test_breadcrumb(site: Path) -> None:
    assert not soup(site, "index.html").select(".fr-breadcrumb")
    nav = one(soup(site, "donnees/energie.html"), "main#content nav.fr-breadcrumb")
    assert nav["aria-label"] == "Vous êtes ici\u00a0:"
    button = one(nav, "button.fr-breadcrumb__button")
    collapse = one(nav, "div.fr-collapse")
    assert button["aria-controls"] == collapse["id"]
    assert button["aria-expanded"] == "false"
    crumbs = [
        (text(a), a.get("href"), a.get("aria-current"))
        for a in collapse.select("ol.fr-breadcrumb__list > li > a.fr-breadcrumb__link")
    ]
    assert crumbs == [
        ("Accueil", "../index.html", None),
        ("Les données", "index.html", None),
        ("Énergie", None, "page"),
    ]


def test_side_menu_of_a_section(site: Path) -> None:
    for page in ("index.html", "contact.html", "mentions-legales.html"):
        assert not soup(site, page).select(".fr-sidemenu"), page
    nav = one(soup(site, "donnees/energie.html"), "nav.fr-sidemenu")
    title = one(nav, ".fr-sidemenu__inner .fr-collapse .fr-sidemenu__title")
    assert nav["aria-labelledby"] == title["id"]
    assert text(title) == "Les données"
    button = one(nav, ".fr-sidemenu__inner > button.fr-sidemenu__btn")
    assert (
        button["aria-controls"] == one(nav, ".fr-sidemenu__inner > .fr-collapse")["id"]
    )
    items = nav.select("ul.fr-sidemenu__list > li.fr-sidemenu__item")
    entries = [
        (text(one(item, "a.fr-sidemenu__link")), item.get("class")) for item in items
    ]
    assert [name for name, _ in entries] == ["Énergie", "Déchets"]
    active = one(nav, "li.fr-sidemenu__item--active > a.fr-sidemenu__link")
    assert active["aria-current"] == "page" and active["href"] == "#"


def test_footer_with_the_legal_mentions(site: Path) -> None:
    page = soup(site, "donnees/energie.html")
    footer = one(page, "footer.fr-footer#footer[role=contentinfo]")
    brand = one(footer, ".fr-container .fr-footer__body .fr-footer__brand a p.fr-logo")
    assert [str(s) for s in brand.strings] == ["Ministère", "de l’exemple"]
    content = one(footer, ".fr-footer__body .fr-footer__content")
    assert "démonstration" in text(one(content, "p.fr-footer__content-desc"))
    sites = [a["href"] for a in content.select(
        "ul.fr-footer__content-list > li.fr-footer__content-item > a.fr-footer__content-link"
    )]  # fmt: skip
    assert "https://www.info.gouv.fr" in sites and "https://www.data.gouv.fr" in sites
    partners = one(footer, ".fr-footer__partners")
    assert text(one(partners, "h2.fr-footer__partners-title")) == "Nos partenaires"
    logo = one(partners, ".fr-footer__partners-logos a.fr-footer__partners-link img")
    assert logo["alt"] == "Partenaire exemple"
    bottom = one(footer, ".fr-footer__bottom ul.fr-footer__bottom-list")
    items = bottom.select("li.fr-footer__bottom-item")
    first = one(items[0], "a.fr-footer__bottom-link")
    # The accessibility mention comes first, linked to the statement.
    assert text(first) == "Accessibilité\u00a0: non conforme"
    assert first["href"] == "../accessibilite.html"
    names = [text(item) for item in items]
    assert names[1:4] == ["Mentions légales", "Données personnelles", "Plan du site"]
    assert names[-1] == "Paramètres d’affichage"
    copy = one(footer, ".fr-footer__bottom .fr-footer__bottom-copy p")
    assert "Licence Ouverte 2.0" in text(copy)
    assert one(copy, "a")["href"].startswith("https://www.etalab.gouv.fr/")
    statement = soup(site, "accessibilite.html")
    current = statement.select_one(".fr-footer__bottom-link[aria-current=page]")
    assert current is not None and text(current).startswith("Accessibilité")


def test_display_settings_dialog(site: Path) -> None:
    dialog = one(soup(site, "index.html"), "dialog#fr-theme-modal.fr-modal")
    assert dialog["aria-labelledby"] == "fr-theme-modal-title"
    assert text(one(dialog, "#fr-theme-modal-title")) == "Paramètres d’affichage"
    radios = dialog.select(
        "#fr-display.fr-display fieldset.fr-fieldset .fr-radio-group.fr-radio-rich"
        " input[type=radio][name=fr-radios-theme]"
    )
    assert [radio["value"] for radio in radios] == ["light", "dark", "system"]
    for radio in radios:
        assert dialog.select_one(f"label[for={radio['id']}]") is not None


def test_back_to_top_and_search_page(site: Path) -> None:
    page = soup(site, "donnees/energie.html")
    top = one(page, "a.fr-link.fr-icon-arrow-up-fill.fr-link--icon-left")
    assert top["href"] == "#top" and page.select("#top")
    search = soup(site, "search.html")
    form = one(search, "main form.fr-search-bar[role=search]")
    assert one(form, "input")["name"] == "q"
    assert search.select_one("#search-results") is not None
    sources = [s.get("src", "") for s in search.select("script")]
    assert any(src.endswith("searchtools.js") for src in sources)


@pytest.mark.slow
def test_every_page_passes_the_nu_html_checker(site: Path) -> None:
    from test_docs import nu_errors

    assert nu_errors([site / name for name in site_pages(site)]) == []


def test_no_inline_script_or_style(site: Path) -> None:
    """A strict Content-Security-Policy holds (script-src 'self'; style-src 'self')."""
    for name in site_pages(site):
        page = soup(site, name)
        assert not page.select("[style]"), name
        assert not page.select("style"), name
        # A dataset's JSON-LD is a data block, which the policy does not run.
        inline = [
            s
            for s in page.select("script")
            if not s.get("src") and s.get("type") != "application/ld+json"
        ]
        assert inline == [], name


def test_the_blocks_work_under_the_theme(site: Path) -> None:
    page = soup(site, "index.html")
    assert page.select(".circ-hero") and page.select(".circ-personas [role=tablist]")
    links = [link["href"] for link in page.select("link[rel=stylesheet]")]
    for stylesheet in ("circ-tokens.css", "circ-base.css", "circ-personas.css"):
        assert any(stylesheet in href for href in links), stylesheet
    scripts = [s.get("src", "") for s in page.select("script")]
    assert any("circ-personas.js" in src for src in scripts)
    assert any(src.endswith("dsfr/dsfr.module.min.js") for src in scripts)


def test_pydata_features_stay_with_the_other_theme(site: Path) -> None:
    """Every table stacks on a phone under sphinx_circ (pydata's layout); here
    a table scrolls in its own box, as the DSFR's tables do."""
    page = soup(site, "donnees/energie.html")
    assert not page.select("table.circ-stack")


# -- Dataset facts, statuses and the request form -----------------------------

#: The DSFR badge of each inventory status (sphinx_circ/dsfr/data.py).
BADGES = {
    "open": "success",
    "in-progress": "new",
    "read-only": "info",
    "closed": "error",
}


def test_the_request_form_has_the_dsfr_fields(site: Path) -> None:
    form = one(soup(site, "contact.html"), "form.circ-request__form")
    assert not form.select(".circ-button, .circ-request__field")
    groups = form.select(":scope > .fr-input-group, :scope > .fr-select-group")
    names = []
    for group in groups:
        label = one(group, ":scope > label.fr-label")
        control = one(group, f"#{label['for']}")
        kind = "fr-select" if control.name == "select" else "fr-input"
        assert kind in control["class"], control
        assert ("fr-select-group" in group["class"]) == (control.name == "select")
        names.append(control["name"])
    assert names == [
        "description", "title", "organisation", "scale", "frequency", "reuse",
    ]  # fmt: skip
    description = one(form, "textarea[name=description]")
    assert description.has_attr("required")
    error = one(form, f"#{description['id']}-error")
    assert error.has_attr("hidden") and "fr-error-text" in error["class"]
    submit = one(form, ":scope > button[type=submit]")
    assert submit["class"] == ["fr-btn"]
    result = one(form, ".circ-request__result")
    assert [b["class"] for b in result.select("[data-circ-copy]")] == [
        ["fr-btn", "fr-btn--secondary"],
        ["fr-btn", "fr-btn--secondary"],
    ]
    assert "fr-input" in one(result, "textarea.circ-request__message")["class"]


BLOCKS = {
    "index.md": """
        # Données

        :::{dataset} dechets.json
        :frequency: Annuelle
        :download: Tonnages <https://example.org/tonnages.csv>
        :::

        :::{dataset-inventory} inventaire.csv
        :::

        :::{data-request}
        :email: donnees@example.org
        :::
        """,
    "dechets.json": (SITES / SITE / "donnees" / "dechets.json").read_text("utf-8"),
    "inventaire.csv": (SITES / SITE / "donnees" / "inventaire.csv").read_text("utf-8"),
}


def form_contract(page: BeautifulSoup) -> list[tuple[str, ...]]:
    """What the script and a reader rely on in the form: the form's data,
    each control's tag, id, name, required, autocomplete and label."""
    form = one(page, "form.circ-request__form")
    found: list[tuple[str, ...]] = [
        tuple(f"{k}={v}" for k, v in sorted(form.attrs.items()) if k != "class")
    ]
    for control in form.select("input, textarea, select, button"):
        label = page.select_one(f"label[for='{control.get('id')}']")
        found.append(
            (
                control.name,
                control.get("id", ""),
                control.get("name", ""),
                control.get("type", ""),
                str(control.has_attr("required")),
                control.get("autocomplete", ""),
                control.get("data-circ-copy", ""),
                text(label) if label else text(control),
            )
        )
    return found


def test_the_blocks_keep_their_contract_under_the_theme(build: Any) -> None:
    """The DSFR's markup, the same fields, ids and hooks as under sphinx_circ."""
    dsfr = BeautifulSoup(
        build(BLOCKS, conf=dsfr_conf("{}")).read("index.html"), "html.parser"
    )
    circ = BeautifulSoup(build(BLOCKS).read("index.html"), "html.parser")
    assert form_contract(dsfr) == form_contract(circ)
    assert dsfr.select("form.circ-request__form .fr-input-group > .fr-input")
    assert dsfr.select("form.circ-request__form .fr-select-group > .fr-select")
    # Under sphinx_circ, nothing of the DSFR's.
    blocks = ".circ-dataset, .circ-inventory, .circ-request"
    assert not circ.select(f":is({blocks}) [class*='fr-']")
    assert circ.select(".circ-inventory__table .circ-badge.circ-badge--open")
    assert circ.select(".circ-inventory__toggle[data-circ-status=open]")
    # The same statuses, row by row.
    rows = ".circ-inventory__table tbody tr"
    statuses = [
        next(c for c in badge["class"] if c.startswith("circ-badge--"))[12:]
        for badge in circ.select(f"{rows} .circ-badge")
    ]
    badges = dsfr.select(f"{rows} p > span.fr-badge")
    assert len(badges) == len(statuses) == 6
    for key, badge in zip(statuses, badges, strict=True):
        assert badge["class"] == [
            "fr-badge", "fr-badge--sm", f"fr-badge--{BADGES[key]}", f"circ-status--{key}",
        ]  # fmt: skip
    assert [text(b) for b in badges] == [
        text(b) for b in circ.select(f"{rows} .circ-badge")
    ]
    assert not dsfr.select(".circ-badge")


def test_inventory_statuses_are_dsfr_badges(site: Path) -> None:
    page = soup(site, "donnees/index.html")
    counts = page.select(".circ-inventory__counts .fr-badge")
    assert [(b["class"][2], text(b)) for b in counts] == [
        ("fr-badge--success", "Ouvert"),
        ("fr-badge--new", "En cours d’ouverture"),
        ("fr-badge--info", "Consultable uniquement"),
        ("fr-badge--error", "Fermé"),
    ]
    controls = one(page, ".circ-inventory__controls")
    group = one(controls, ".fr-input-group")
    label = one(group, "label.fr-label")
    assert one(group, "input.fr-input.circ-inventory__filter")["id"] == label["for"]
    assert one(label, "span.fr-hint-text")
    toggles = controls.select(
        "fieldset.fr-fieldset ul.fr-tags-group > li > button.fr-tag[aria-pressed=true]"
    )
    assert [t["data-circ-status"] for t in toggles] == list(BADGES)


def test_dataset_facts_are_dsfr_tags(site: Path) -> None:
    page = soup(site, "donnees/dechets.html")
    facts = one(page, "dl.circ-dataset__metadata")

    def value(term: str) -> Tag:
        dt = next(dt for dt in facts.select("dt") if text(dt) == term)
        found = dt.find_next_sibling("dd")
        assert isinstance(found, Tag)
        return found

    licence = one(value("Licence"), "a.fr-tag")
    assert text(licence) == "Licence Ouverte 2.0"
    assert licence["href"].startswith("https://www.etalab.gouv.fr/")
    assert text(one(value("Fréquence de mise à jour"), "p.fr-tag")) == "Annuelle"
    keywords = value("Mots-clés").select("ul.fr-tags-group > li > p.fr-tag")
    assert [text(k) for k in keywords] == ["déchets", "déchèteries", "tonnages"]
    # Other facts stay text; a file's format is a small tag.
    assert not value("Producteur").select(".fr-tag")
    formats = page.select(".circ-download__facts > span.fr-tag.fr-tag--sm")
    assert [text(f) for f in formats] == ["CSV", "JSON"]
    # The field filter is the DSFR's input.
    assert one(page, ".circ-dataset__filter.fr-input-group input.fr-input")


@pytest.mark.parametrize("builder", ["text", "latex"])
def test_other_builders_write_the_same_under_either_theme(
    build: Any, builder: str
) -> None:
    """Badges and tags are the HTML's: a text or LaTeX build reads the same."""
    name = "index.txt" if builder == "text" else "portail.tex"
    conf = 'project = "Portail"\n'
    dsfr = build(BLOCKS, builder, conf=conf + dsfr_conf("{}")).read(name)
    circ = build(BLOCKS, builder, conf=conf + DEFAULT_CONF).read(name)
    assert dsfr == circ
    assert "déchets, déchèteries, tonnages" in dsfr
    assert "Licence Ouverte 2.0" in dsfr and "Fermé" in dsfr


# -- Weight ---------------------------------------------------------------------


def page_weight(site: Path, page: str) -> dict[str, int]:
    """The gzipped bytes of the CSS and JS *page* loads (its own, not fonts)."""
    tree = soup(site, page)
    folder = (site / page).parent
    refs = [link["href"] for link in tree.select("link[rel=stylesheet]")]
    refs += [s["src"] for s in tree.select("script[src]")]
    # The noscript and print stylesheets are not loaded on screen with script.
    refs = [ref for ref in refs if "noscript" not in ref]
    sizes = {}
    for ref in refs:
        path = (folder / ref.split("?")[0]).resolve()
        sizes[path.name] = len(gzip.compress(path.read_bytes(), 9))
    return sizes


def test_page_weight_is_under_budget(site: Path, figures: list[str]) -> None:
    heaviest = (0, "")
    for page in site_pages(site):
        sizes = page_weight(site, page)
        total = sum(sizes.values())
        dsfr = sizes["dsfr.min.css"] + sizes["dsfr.module.min.js"]
        assert dsfr < DSFR_BUDGET_KB * 1024, page
        assert total < BUDGET_KB * 1024, (page, sizes)
        heaviest = max(heaviest, (total, page))
    sizes = page_weight(site, "donnees/energie.html")
    figures.append(
        "DSFR theme, CSS+JS gzip: DSFR stylesheet "
        f"{sizes['dsfr.min.css'] / 1024:.1f} KB, script "
        f"{sizes['dsfr.module.min.js'] / 1024:.1f} KB; a page of text "
        f"{sum(sizes.values()) / 1024:.1f} KB; the heaviest "
        f"({heaviest[1]}) {heaviest[0] / 1024:.1f} KB"
    )


def test_two_marianne_weights_are_preloaded(site: Path) -> None:
    preloads = soup(site, "index.html").select("link[rel=preload][as=font]")
    assert [Path(link["href"]).name for link in preloads] == [
        "Marianne-Regular.woff2",
        "Marianne-Bold.woff2",
    ]
    for link in preloads:
        assert link.has_attr("crossorigin")


# -- Options and their warnings ----------------------------------------------------

PAGES = {"index.md": "# Accueil\n\nUne page.\n"}


def dsfr_conf(options: str) -> str:
    return (
        'extensions = ["sphinx_circ"]\nproject = "Portail"\n'
        'html_theme = "sphinx_circ_dsfr"\nlanguage = "fr"\n'
        f"html_theme_options = {options}\n"
    )


def test_defaults_bloc_marque_and_service_name(build: Any) -> None:
    built = build(PAGES, conf=dsfr_conf("{}"))
    assert built.circ_warnings() == []
    page = BeautifulSoup(built.read("index.html"), "html.parser")
    logo = one(page, ".fr-header__logo p.fr-logo")
    assert [str(s) for s in logo.strings] == ["République", "Française"]
    assert text(one(page, ".fr-header__service-title")) == "Portail"
    assert not page.select(".fr-header__operator")
    assert not page.select(".fr-header__service-tagline")
    assert not page.select(".fr-footer__partners")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ('{"bloc_marque": []}', "bloc_marque is empty"),
        ('{"bloc_marque": 3}', "bloc_marque must be a list of lines"),
        ('{"operator_logo": "logo.svg"}', "operator_logo 'logo.svg' not found"),
        ('{"operator_logo": "index.md"}', "operator_logo has no operator_logo_alt"),
        (
            '{"footer_partners": [{"name": "P", "url": "https://p.example"}]}',
            "footer_partners: ",
        ),
        ('{"footer_partners": "P"}', "footer_partners must be a list"),
    ],
)
def test_what_the_bloc_marque_needs_is_checked(
    build: Any, options: str, message: str
) -> None:
    built = build(PAGES, conf=dsfr_conf(options))
    warnings = warnings_of(built, "dsfr")
    assert len(warnings) == 1, built.warnings
    assert message in warnings[0]
    # Located at the line of html_theme_options in conf.py.
    assert re.search(r"conf\.py:5: WARNING", warnings[0]), warnings[0]
    page = BeautifulSoup(built.read("index.html"), "html.parser")
    assert page.select(".fr-header__logo p.fr-logo")
    assert not page.select(".fr-header__operator")


def test_the_options_of_the_other_theme_are_not_read(build: Any) -> None:
    from sphinx_circ.config import dsfr_settings, is_circ_theme, is_dsfr_theme

    built = build(PAGES, conf=dsfr_conf("{}"))
    assert is_dsfr_theme(built.app) and not is_circ_theme(built.app)
    assert dsfr_settings(built.app) is not None
    other = build(PAGES)
    assert is_circ_theme(other.app) and not is_dsfr_theme(other.app)
    assert dsfr_settings(other.app) is None


@pytest.mark.slow
def test_docs_build_under_the_theme(docs_build: Any) -> None:
    """docs/ builds without a warning under the DSFR theme (``-nW``; ``tox -e
    dsfr`` adds the other builders that draw the HTML theme)."""
    out, _ = docs_build("html", "-D", "html_theme=sphinx_circ_dsfr")
    index = out / "index.html"
    assert "fr-header" in index.read_text(encoding="utf-8")


# -- Every builder ------------------------------------------------------------------


@pytest.mark.parametrize(
    "builder", ["dirhtml", "singlehtml", "latex", "text", "man", "texinfo", "epub"]
)
def test_every_builder_on_the_site(builder: str, tmp_path: Path) -> None:
    result = run_sphinx(
        SITES / SITE, tmp_path / builder, "-nW", "--keep-going", "-b", builder,
        "-d", str(tmp_path / "doctrees"), legal=True,
    )  # fmt: skip
    assert result.returncode == 0, strip_colors(result.stderr)


# -- Persona tabs: the DSFR's tabs component ------------------------------------

TABS = """
# Foire aux questions

:::::{persona-tabs}
::::{persona} Citoyen
:icon: person

Pour tous.
::::
::::{persona} Producteur
Pour les producteurs.
::::
:::::
"""


def test_persona_tabs_are_the_dsfrs_tabs(site: Path) -> None:
    """The DSFR's documented structure (fr-tabs), our ids, data and links kept."""
    block = one(soup(site, "index.html"), ".circ-personas")
    assert "fr-tabs" in block["class"] and block["data-circ-group"] == "persona"
    tablist = one(block, ":scope > ul.fr-tabs__list[role=tablist]")
    assert tablist["aria-label"] == "Choisir votre profil"
    items = tablist.find_all(recursive=False)
    assert [item.name for item in items] == ["li", "li"]
    assert all(item["role"] == "presentation" for item in items)
    tabs = [one(item, ":scope > button.fr-tabs__tab[role=tab]") for item in items]
    panels = block.select(":scope > div.circ-persona.fr-tabs__panel[role=tabpanel]")
    assert [p["id"] for p in panels] == ["habitants", "collectivites"]
    for tab, panel, selected in zip(tabs, panels, (True, False), strict=True):
        assert tab["type"] == "button"
        assert tab["id"] == f"tab-{panel['id']}"
        assert tab["aria-controls"] == panel["id"]
        assert panel["aria-labelledby"] == tab["id"]
        assert tab["data-circ-key"] == panel["data-circ-key"] == panel["id"]
        assert tab["aria-selected"] == ("true" if selected else "false")
        assert tab["tabindex"] == ("0" if selected else "-1")
        assert ("fr-tabs__panel--selected" in panel["class"]) is selected
        assert panel.get("hidden") == (None if selected else "until-found")
    assert [text(tab) for tab in tabs] == ["Habitants", "Collectivités"]
    # Without JavaScript, a list of links to the panels instead of the tabs.
    links = block.select(":scope > nav.circ-personas__links a.fr-link")
    assert [(text(a), a["href"]) for a in links] == [
        ("Habitants", "#habitants"),
        ("Collectivités", "#collectivites"),
    ]
    # The other theme's tab list is not there as well.
    assert not block.select(".circ-personas__tabs, .circ-personas__tab")


def test_the_dsfr_tab_script_is_left_out() -> None:
    """circ-personas.js drives the tabs: the DSFR's tab script, which would
    take the fr-tabs markup over, is not in the bundle."""
    static = DSFR_THEME_DIR / "static" / "dsfr"
    js = (static / "dsfr.module.min.js").read_text(encoding="utf-8")
    assert "TabsGroup" not in js and "tabs__panel" not in js
    # Its stylesheet is: the tabs are drawn with it.
    assert ".fr-tabs__tab" in (static / "dsfr.min.css").read_text(encoding="utf-8")


@pytest.mark.parametrize("theme", ["sphinx_circ_dsfr", "sphinx_circ"])
def test_persona_tabs_markup_follows_the_theme(build: Any, theme: str) -> None:
    conf = dsfr_conf("{}") if theme == "sphinx_circ_dsfr" else None
    built = build({"index.md": TABS}, **({"conf": conf} if conf else {}))
    assert built.circ_warnings() == []
    block = one(
        BeautifulSoup(built.read("index.html"), "html.parser"), ".circ-personas"
    )
    panels = block.select(":scope > [role=tabpanel]")
    assert [p["id"] for p in panels] == ["citoyen", "producteur"]
    if theme == "sphinx_circ_dsfr":
        assert "fr-tabs" in block["class"]
        tabs = block.select(":scope > .fr-tabs__list > li > .fr-tabs__tab")
        assert len(tabs) == 2
        # A persona's icon, as it is (an octicon's inline SVG), before its name.
        icon = tabs[0].find(True)
        assert icon is not None and icon.name == "svg"
        assert "circ-persona__icon" in icon["class"]
        assert not tabs[1].select("svg")
        assert [p["class"] for p in panels] == [
            ["circ-persona", "fr-tabs__panel", "fr-tabs__panel--selected"],
            ["circ-persona", "fr-tabs__panel"],
        ]
    else:
        # Unchanged under the other theme: its own template, no DSFR class.
        tabs = block.select(":scope > div.circ-personas__tabs[role=tablist] > button")
        assert [tab["class"] for tab in tabs] == [["circ-personas__tab"]] * 2
        assert [p["class"] for p in panels] == [["circ-persona"]] * 2
        assert "fr-tabs" not in str(block)
    assert block.select(":scope > nav.circ-personas__links")


@pytest.mark.parametrize(
    ("builder", "output"),
    [("text", "index.txt"), ("latex", "portail.tex"), ("epub", "index.xhtml")],
)
def test_other_builders_show_every_persona_under_the_theme(
    build: Any, builder: str, output: str
) -> None:
    conf = dsfr_conf("{}") + 'version = "1"\ncopyright = "2026"\n'
    built = build({"index.md": TABS}, buildername=builder, conf=conf)
    assert built.circ_warnings() == []
    written = (built.outdir / output).read_text(encoding="utf-8")
    assert written.index("Pour tous.") < written.index("Pour les producteurs.")
    assert "fr-tabs" not in written and "until-found" not in written
