"""Theme options: organisation, palette, footer and layout, with their warnings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, sphinx_build, warnings_of

AGENCY = REPO / "tests" / "sites" / "agence"


def conf(options: dict[str, Any], extra: str = "") -> str:
    return (
        'extensions = ["sphinx_circ"]\nhtml_theme = "sphinx_circ"\nlanguage = "fr"\n'
        f"html_theme_options = {options!r}\n{extra}"
    )


def soup(built, name: str = "index.html") -> BeautifulSoup:
    return BeautifulSoup(built.read(name), "html.parser")


def test_organisation_becomes_the_logo(build) -> None:
    options = {
        "organisation_name": "Agence test",
        "organisation_url": "https://example.org/",
        "organisation_logo": "logo.svg",
    }
    built = build(
        {
            "index.md": "# Accueil\n",
            "logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
        },
        conf=conf(options),
    )
    assert built.warnings == ""
    brand = soup(built).select_one("a.navbar-brand")
    assert brand["href"] == "https://example.org/"
    images = brand.select("img")
    assert images and all(img["alt"] == "Agence test" for img in images)
    assert all("logo.svg" in img["src"] for img in images)


def test_missing_logo_warns(build) -> None:
    built = build(
        {"index.md": "# Accueil\n"}, conf=conf({"organisation_logo": "absent.svg"})
    )
    (warning,) = warnings_of(built, "theme")
    assert "organisation logo 'absent.svg' not found" in warning


def test_palette_becomes_a_stylesheet(build) -> None:
    palette = {"light": {"primary": "#00664a"}, "dark": {"primary": "#7fd1b0"}}
    built = build({"index.md": "# Accueil\n"}, conf=conf({"palette": palette}))
    assert built.warnings == ""
    css = (built.outdir / "_static" / "styles" / "circ-palette.css").read_text()
    assert 'html[data-theme="light"] {\n  --circ-primary: #00664a;\n}' in css
    assert 'html[data-theme="dark"] {\n  --circ-primary: #7fd1b0;\n}' in css
    links = [link["href"] for link in soup(built).select("link[rel=stylesheet]")]
    theme = next(i for i, href in enumerate(links) if "sphinx-circ.css" in href)
    palette_at = next(i for i, href in enumerate(links) if "circ-palette.css" in href)
    assert palette_at > theme  # loaded after the defaults it overrides
    # Generated files stay out of the published site.
    assert not (built.outdir / "circ-static").exists()


def test_no_palette_no_stylesheet(build) -> None:
    built = build({"index.md": "# Accueil\n"}, conf=conf({}))
    assert "circ-palette.css" not in built.read("index.html")


@pytest.mark.parametrize(
    ("palette", "message"),
    [
        (
            {"light": {"brand": "#000000"}},
            "unknown palette token 'brand' (light); use one of: primary",
        ),
        (
            {"light": {"primary": "bleu"}},
            "palette light primary = 'bleu' is not a colour",
        ),
        (
            {"sepia": {"primary": "#000000"}},
            "palette key 'sepia' must be 'light' or 'dark'",
        ),
        ("#000000", "palette must be a dict"),
    ],
)
def test_bad_palette_values_warn(build, palette: Any, message: str) -> None:
    built = build({"index.md": "# Accueil\n"}, conf=conf({"palette": palette}))
    warnings = warnings_of(built, "theme")
    assert any(message in w for w in warnings), warnings
    assert (built.outdir / "index.html").is_file()


def test_low_contrast_is_named_with_its_ratio(build) -> None:
    palette = {"light": {"primary": "#7fb0ff"}}  # too light for white button text
    built = build({"index.md": "# Accueil\n"}, conf=conf({"palette": palette}))
    warnings = warnings_of(built, "theme")
    assert any(
        "palette (light mode): --circ-button-text on --circ-button-bg has a contrast of 2."
        in w
        and "below the 4.5:1 WCAG AA asks" in w
        for w in warnings
    ), warnings


def test_contrast_warning_can_be_silenced_or_fail_the_build(build) -> None:
    palette = {"dark": {"text": "#222222"}}
    quiet = build(
        {"index.md": "# Accueil\n"},
        conf=conf({"palette": palette}, 'suppress_warnings = ["circ.theme"]\n'),
    )
    assert quiet.warnings == ""


def test_footer_links_and_legal_text(build) -> None:
    options = {
        "footer_links": [
            {"name": "Mentions légales", "url": "mentions"},
            {"name": "Contact", "url": "mailto:contact@example.org"},
            {"name": "Piège", "url": "javascript:alert(1)"},
            "pas un lien",
        ],
        "legal_text": "Licence <Ouverte> 2.0",
    }
    built = build(
        {
            "index.md": "# Accueil\n\n```{toctree}\nsous/page\nmentions\n```\n",
            "mentions.md": "# Mentions\n",
            "sous/page.md": "# Page\n",
        },
        conf=conf(options),
    )
    warnings = warnings_of(built, "theme")
    assert len(warnings) == 2 and all("left out" in w for w in warnings)
    footer = soup(built, "sous/page.html").select_one(".circ-footer")
    links = {a.get_text(): a["href"] for a in footer.select("a")}
    assert links == {
        "Mentions légales": "../mentions.html",
        "Contact": "mailto:contact@example.org",
    }
    assert footer.select_one("nav")["aria-label"] == "Liens de pied de page"
    assert (
        footer.select_one(".circ-footer__legal").get_text() == "Licence <Ouverte> 2.0"
    )
    assert "javascript:" not in built.read("index.html")


def test_hero_layout(build) -> None:
    hero = "::::{hero}\n# Titre\n::::\n\nTexte.\n"
    built = build(
        {
            "index.md": hero + "\n```{toctree}\nexplicite\nsans\n```\n",
            "explicite.md": "---\nlayout: default\n---\n" + hero,
            "sans.md": "# Sans hero\n",
        },
        conf=conf({"hero_layout": "landing"}),
    )
    assert built.warnings == ""
    assert soup(built).body["class"] == ["circ-layout-landing"]
    assert soup(built, "explicite.html").body["class"] == ["circ-layout-default"]
    assert soup(built, "sans.html").body["class"] == ["circ-layout-default"]


def test_bad_hero_layout_warns(build) -> None:
    built = build(
        {"index.md": "# Accueil\n"}, conf=conf({"hero_layout": "plein-ecran"})
    )
    (warning,) = warnings_of(built, "theme")
    assert (
        "hero_layout 'plein-ecran' is not a layout; use one of: default, landing"
        in warning
    )


def test_unknown_option_warns(build) -> None:
    built = build(
        {"index.md": "# Accueil\n"}, conf=conf({"couleur_principale": "#000"})
    )
    assert "unsupported theme option 'couleur_principale'" in built.warnings


def test_example_agency_builds_with_only_configuration(tmp_path: Path) -> None:
    out = sphinx_build(AGENCY, tmp_path / "html")
    page = BeautifulSoup(
        (out / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert page.body["class"] == ["circ-layout-landing"]  # hero_layout
    assert "Agence de l'eau (exemple)" in page.select_one("a.navbar-brand").get_text(
        " "
    )
    assert page.select_one("a.navbar-brand img")["src"].endswith("logo.svg")
    css = (out / "_static" / "styles" / "circ-palette.css").read_text(encoding="utf-8")
    assert "--circ-primary: #00664a;" in css and "--circ-primary: #7fd1b0;" in css
    footer = page.select_one(".circ-footer")
    assert next(a.get_text() for a in footer.select("a")) == "Mentions légales"
    # Nothing in the agency's project is a template or a stylesheet of its own.
    assert sorted(p.suffix for p in AGENCY.rglob("*") if p.is_file()) == [
        ".md",
        ".md",
        ".md",
        ".md",
        ".py",
        ".svg",
        ".svg",
    ]


def test_palette_reads_the_former_status_token_names(build) -> None:
    palette = {"light": {"status-ouvert-bg": "#00ff00"}}
    built = build({"index.md": "# Accueil\n"}, conf=conf({"palette": palette}))
    [warning] = warnings_of(built, "theme")
    assert "'status-ouvert-bg' is now called 'status-open-bg'" in warning
    css = (built.outdir / "_static" / "styles" / "circ-palette.css").read_text()
    assert "--circ-status-open-bg: #00ff00;" in css
