"""The sphinx_circ HTML theme: a pydata-sphinx-theme child fit for a public portal."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import pydata_sphinx_theme
import pytest
from bs4 import BeautifulSoup
from conftest import DEFAULT_CONF, require_program, sphinx_build


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_theme_loads_from_its_entry_point_alone(tmp_path: Path) -> None:
    """``html_theme`` is enough: the entry point loads the extension too.

    Run as a user would, in a fresh process: themes found through entry points
    are loaded once per process.
    """
    (tmp_path / "conf.py").write_text('html_theme = "sphinx_circ"\nlanguage = "fr"\n')
    (tmp_path / "index.rst").write_text(
        "Accueil\n=======\n\nBienvenue sur le portail.\n"
    )
    sphinx_build(tmp_path, tmp_path / "out")
    page = soup((tmp_path / "out" / "index.html").read_text(encoding="utf-8"))
    assert page.html["lang"] == "fr"
    stylesheets = [link["href"] for link in page.select("link[rel=stylesheet]")]
    assert any("styles/sphinx-circ.css" in href for href in stylesheets)
    assert any("pydata-sphinx-theme.css" in href for href in stylesheets)
    assert (tmp_path / "out" / "_static" / "styles" / "sphinx-circ.css").is_file()
    assert "Bienvenue sur le portail." in page.select_one("article").get_text()
    # Readers download the assets without the developers' comments.
    package = Path(__file__).parent.parent / "sphinx_circ"
    sources = sorted(
        path
        for folder in (package / "static", package / "theme" / "sphinx_circ" / "static")
        for path in folder.rglob("*")
        if path.suffix in (".css", ".js") and "/* " in path.read_text("utf-8")
    )
    assert len(sources) >= 8
    for source in sources:
        served = tmp_path / "out" / "_static" / source.parent.name / source.name
        text = served.read_text("utf-8")
        # The theme stylesheet keeps its opening comment: how to restyle.
        body = text.split("*/", 1)[1] if source.name == "sphinx-circ.css" else text
        assert "/*" not in body, served
        assert len(text) < len(source.read_text("utf-8")), served
        if source.suffix == ".js":
            # Stripping comments must leave a script that still parses.
            node = require_program("node", "nodejs")
            check = subprocess.run(
                [node, "--check", str(served)], capture_output=True, text=True
            )
            assert check.returncode == 0, check.stderr
    css = (tmp_path / "out" / "_static" / "styles" / "sphinx-circ.css").read_text()
    assert css.startswith("/* sphinx-circ: restyle a portal")  # how to restyle


def test_portal_defaults(build) -> None:
    built = build({"index.md": "# Accueil\n\nTexte.\n"})
    html = built.read("index.html")
    page = soup(html)
    # No advertising slot in the primary sidebar.
    assert "ethical" not in html.lower()
    # The light/dark switch is kept.
    assert page.select_one(".theme-switch-button") is not None
    # French interface strings from Sphinx and pydata-sphinx-theme.
    assert "Aller au contenu principal" in html or "Passer au contenu principal" in html
    assert page.body["class"] == ["circ-layout-default"]


def test_english_interface(build) -> None:
    built = build({"index.md": "# Home\n"}, confoverrides={"language": "en"})
    page = soup(built.read("index.html"))
    assert page.html["lang"] == "en"
    assert "Skip to main content" in page.get_text()


def test_landing_layout_drops_sidebars(build) -> None:
    built = build(
        {
            "index.md": """
            ---
            layout: landing
            ---
            # Accueil

            ## Une rubrique

            ```{toctree}
            autre
            ```
            """,
            "autre.md": "# Autre page\n\n## Sous-partie\n\nTexte.\n",
        }
    )
    landing = soup(built.read("index.html"))
    assert landing.body["class"] == ["circ-layout-landing"]
    assert landing.select_one("#pst-secondary-sidebar") is None
    assert "hide-on-wide" in landing.select_one("#pst-primary-sidebar")["class"]
    other = soup(built.read("autre.html"))
    assert other.body["class"] == ["circ-layout-default"]
    assert other.select_one("#pst-secondary-sidebar") is not None


def test_unknown_layout_warns(build) -> None:
    built = build({"index.md": "---\nlayout: fullscreen\n---\n# Accueil\n"})
    assert "index.md:1: WARNING: unknown layout 'fullscreen'" in built.warnings
    assert "[circ.layout]" in built.warnings
    assert soup(built.read("index.html")).body["class"] == ["circ-layout-default"]


def test_foreign_layouts_are_accepted_quietly(build) -> None:
    built = build({"index.md": "---\nlayout: page\n---\n# Accueil\n"})
    assert built.warnings == ""


def test_landing_layout_from_rst_field(build) -> None:
    built = build({"index.rst": ":layout: landing\n\nAccueil\n=======\n\nTexte.\n"})
    assert built.warnings == ""
    assert soup(built.read("index.html")).body["class"] == ["circ-layout-landing"]


def test_icons_are_generated_and_each_has_its_drawing() -> None:
    """circ-icons.css is what tools/make_icons.py writes: each icon a data: URL
    (files would not load from the disk), each rule drawing a defined icon."""
    repo = Path(__file__).parent.parent
    result = subprocess.run(
        [sys.executable, str(repo / "tools" / "make_icons.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
    defined = icon_drawings()
    assert len(defined) >= 20
    for name, svg in defined.items():
        assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"'), name
        assert svg.endswith("</svg>"), name
    assert set(drawn_icons().values()) == set(defined)
    static = repo / "sphinx_circ" / "theme" / "sphinx_circ" / "static"
    assert "url(" not in ICON_CSS.replace('url("data:image/svg+xml,', "")
    assert (static / "styles" / "LICENSE-octicons.txt").is_file()


def test_sidebars_only_where_they_hold_something(build) -> None:
    """The section's navigation where the section has pages, as pydata draws it
    (its collapse button first); nothing, not even the button, beside a page
    alone in its section, nor on the home page. A site may leave the button
    out."""
    files = {
        "index.md": "# Accueil\n\n```{toctree}\nrubrique/index\nseule\n```\n",
        "rubrique/index.md": "# Rubrique\n\n```{toctree}\npage\n```\n",
        "rubrique/page.md": "# Une page\n\nTexte.\n",
        "seule.md": "# Seule\n\nTexte.\n",
    }

    def sidebar(built, page: str):
        return soup(built.read(page)).select_one("#pst-primary-sidebar")

    built = build(files)
    section = sidebar(built, "rubrique/page.html")
    assert section.select_one("nav.bd-docs-nav a[href='#']").get_text(strip=True) == (
        "Une page"
    )
    assert section.select_one("#pst-collapse-sidebar-button") is not None
    assert "hide-on-wide" not in section["class"]
    for page in ("seule.html", "index.html"):
        alone = sidebar(built, page)
        assert alone.select_one(".bd-docs-nav, #pst-collapse-sidebar-button") is None
        assert "hide-on-wide" in alone["class"], page
    chosen = build(files, confoverrides={"html_sidebars": {"**": ["sidebar-nav-bs"]}})
    chosen_section = sidebar(chosen, "rubrique/page.html")
    assert chosen_section.select_one("#pst-collapse-sidebar-button") is None
    assert chosen_section.select_one("nav.bd-docs-nav")


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            "---\ndescription: Les données de l'eau.\n---\n# Eau\n\nTexte.\n",
            "Les données de l'eau.",
        ),
        (
            "::::{hero}\n# Titre\n\nUne accroche.\n::::\n\nPuis du texte.\n",
            "Une accroche.",
        ),
        ("# Titre\n\nPremier paragraphe.\n\nSecond.\n", "Premier paragraphe."),
        ("# Titre\n\n" + "mot " * 60 + "\n", ("mot " * 40).strip() + "…"),
    ],
    ids=["front-matter", "hero", "first-paragraph", "cut"],
)
def test_every_page_has_a_description(build, page: str, expected: str) -> None:
    built = build({"index.md": page})
    tags = soup(built.read("index.html")).select('meta[name="description"]')
    assert [tag["content"] for tag in tags] == [expected]


def test_a_page_description_is_not_doubled(build) -> None:
    page = "---\nmyst:\n  html_meta:\n    description: La mienne.\n---\n# Titre\n\nTexte.\n"
    built = build({"index.md": page})
    tags = soup(built.read("index.html")).select('meta[name="description"]')
    assert [tag["content"] for tag in tags] == ["La mienne."]


def test_the_organisation_logo_is_the_icon(build) -> None:
    options = {"organisation_logo": "logo.svg"}
    conf = DEFAULT_CONF + f"html_theme_options = {options!r}\n"
    files = {
        "index.md": "# Accueil\n",
        "logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
    }
    built = build(files, conf=conf)
    icon = soup(built.read("index.html")).select_one('link[rel="icon"]')
    assert icon is not None and icon["href"].endswith("logo.svg")
    assert (built.outdir / icon["href"]).is_file()
    # A site's own icon wins.
    built = build(files, conf=conf + 'html_favicon = "logo.svg"\n')
    assert soup(built.read("index.html")).select('link[rel="icon"]')


#: The Font Awesome icons pydata-sphinx-theme draws on admonitions and version
#: notes, by code point (its variables/_icons.scss), and the theme's drawing
#: of the same meaning, checked by eye against the parent's.
SAME_MEANING = {
    0xF0F3: ("bell", "bell"),
    0xF05A: ("circle-info", "info"),
    # Not octicon issue-opened, a ring around a dot: an open issue.
    0xF06A: ("circle-exclamation", "circle-exclamation"),
    0xF071: ("triangle-exclamation", "alert"),
    0xF057: ("circle-xmark", "x-circle"),
    0xF0EB: ("lightbulb", "light-bulb"),
    # A curved arrow pointing on; not octicon share, a box with an arrow
    # leaving it (export).
    0xF064: ("share", "forward"),
    0xF303: ("pencil", "pencil"),
}


def parent_icons() -> dict[str, int]:
    """pydata's icon of each admonition and version note: its code point."""

    css = (
        Path(pydata_sphinx_theme.__file__).parent
        / "theme/pydata_sphinx_theme/static/styles/pydata-sphinx-theme.css"
    ).read_text(encoding="utf-8")
    values = dict(re.findall(r"--pst-icon-([\w-]+):([^;}]+)", css))

    def code_point(name: str) -> int:
        value = values[name].strip()
        if alias := re.fullmatch(r"var\(--pst-icon-([\w-]+)\)", value):
            return code_point(alias[1])
        text = value.strip("\"'")
        return int(text[1:], 16) if text.startswith("\\") else ord(text)

    return {
        name: code_point(name)
        for name in values
        if name.startswith(("admonition-", "versionmodified-"))
    }


#: Both icon stylesheets: the interface's, and the notes' (linked on pages
#: with an admonition or a version note).
ICON_CSS = "".join(
    (
        Path(__file__).parent.parent
        / "sphinx_circ/theme/sphinx_circ/static/styles"
        / name
    ).read_text(encoding="utf-8")
    for name in ("circ-icons.css", "circ-icons-notes.css")
)


def icon_drawings() -> dict[str, str]:
    """Each icon of circ-icons.css (``--circ-icon-<name>``) -> its SVG."""
    return {
        name: unquote(svg)
        for name, svg in re.findall(
            r'--circ-icon-([\w-]+): url\("data:image/svg\+xml,([^"]+)"\);', ICON_CSS
        )
    }


def drawn_icons() -> dict[str, str]:
    """Each selector of circ-icons.css -> the icon drawn there."""
    drawn = {}
    for selectors, icon in re.findall(
        r"([^{}]+)\{ content: \"\"; mask-image: var\(--circ-icon-([\w-]+)\); \}",
        ICON_CSS,
    ):
        for selector in selectors.split(","):
            drawn[" ".join(selector.split())] = icon
    return drawn


def test_icons_keep_the_parent_meaning() -> None:
    """Every admonition and version note shows the parent icon's meaning."""
    parent, drawn = parent_icons(), drawn_icons()
    assert len(parent) >= 16  # twelve admonitions, four or five version notes
    for name, point in parent.items():
        kind, _, variant = name.partition("-")
        if kind == "admonition":
            special = {"default": "", "todo": ".admonition-todo"}
            css_class = special.get(variant, f".{variant}")
            selector = f".admonition{css_class} > .admonition-title::after"
        else:
            selector = "span.versionmodified::before"
        assert point in SAME_MEANING, f"{name}: new icon U+{point:X}"
        font_awesome, meaning = SAME_MEANING[point]
        assert drawn[selector] == meaning, name
        # The same icon in pydata's templates is drawn alike.
        assert drawn[f".fa-solid.fa-{font_awesome}::before"] == meaning, name


#: pydata-sphinx-theme's credits, in French.
SPHINX_CREDIT = "Créé en utilisant"
THEME_CREDIT = "Construit avec le"


def test_footer_credits_are_off_by_default(build) -> None:
    """A portal's footer shows its copyright and links, not the tools and versions."""
    built = build({"index.md": "# Accueil\n"}, confoverrides={"copyright": "2026"})
    footer = soup(built.read("index.html")).select_one("footer.bd-footer").get_text(" ")
    assert "2026" in footer
    assert SPHINX_CREDIT not in footer and THEME_CREDIT not in footer


def test_footer_credits_come_back_with_the_parent_options(build) -> None:
    """The parent's footer options bring the credits back beside the portal's links."""
    options = {
        "footer_start": ["copyright", "sphinx-version"],
        "footer_end": ["theme-version"],
        "footer_links": [{"name": "Mentions légales", "url": "index"}],
    }
    conf = DEFAULT_CONF + f'copyright = "2026"\nhtml_theme_options = {options!r}\n'
    built = build({"index.md": "# Accueil\n"}, conf=conf)
    assert built.warnings == ""
    footer = soup(built.read("index.html")).select_one("footer.bd-footer")
    start = footer.select_one(".footer-items__start").get_text(" ")
    assert "2026" in start and SPHINX_CREDIT in start
    assert "Sphinx" in start
    end = footer.select_one(".footer-items__end").get_text(" ")
    assert THEME_CREDIT in end and "PyData" in end
    links = footer.select(".footer-items__center .circ-footer__links a")
    assert [link.get_text() for link in links] == ["Mentions légales"]


@pytest.mark.parametrize(("language", "label"), [("fr", "Plus"), ("en", "More")])
def test_the_header_dropdown_speaks_the_site_language(
    build, language: str, label: str
) -> None:
    names = [f"page{number}" for number in range(12)]
    files = {"index.md": "# Accueil\n\n```{toctree}\n" + "\n".join(names) + "\n```\n"}
    files |= {f"{name}.md": f"# Page {name}\n" for name in names}
    built = build(files, confoverrides={"language": language})
    page = soup(built.read("index.html"))
    toggle = page.select_one(".circ-menu .circ-menu__toggle")
    assert toggle is not None and toggle.get_text(strip=True) == label
    # Past header_links_before_dropdown (8), entries go under it.
    more = page.select(".circ-menu > ul > .circ-menu__item--more")
    assert [item.get_text(strip=True) for item in more] == [
        f"Page page{number}" for number in range(8, 12)
    ]


def test_the_version_switcher_is_named_by_its_text(build) -> None:
    options = {
        "navbar_end": ["version-switcher", "theme-switcher"],
        "switcher": {"json_url": "_static/switcher.json", "version_match": "1.0"},
    }
    built = build(
        {"index.md": "# Accueil\n"}, confoverrides={"html_theme_options": options}
    )
    page = soup(built.read("index.html"))
    button = page.select_one(".version-switcher__button")
    assert button.get_text(strip=True) == "Choisir la version"
    label_id, own_id = button["aria-labelledby"].split()
    assert own_id == button["id"] and not button.has_attr("aria-label")
    assert page.select_one(f"#{label_id}").get_text() == "Version"


def test_served_css_drops_what_means_nothing_and_keeps_strings() -> None:
    from sphinx_circ.assets import strip_comments

    source = (
        "/* why */\n"
        ".a :is(h1, h2) > b,\n.c:hover {\n"
        '  content: " : ; , > ";\n'
        "  width: calc(100% - var(--x));\n}\n"
        "@media (max-width: 767.98px) {\n  .d { margin: 0 auto; }\n}\n"
    )
    assert strip_comments(source, css=True) == (
        '.a :is(h1,h2)>b,.c:hover{content:" : ; , > ";'
        "width:calc(100% - var(--x));}"
        "@media (max-width:767.98px){.d{margin:0 auto;}}"
    )
    # Scripts only lose their comments and indentation.
    assert strip_comments("/* a */\n  if (a) {\n    b(': ');\n  }\n") == (
        "if (a) {\nb(': ');\n}\n"
    )


def test_note_icons_only_where_a_page_has_a_note(build) -> None:
    built = build(
        {
            "index.md": "# Accueil\n\n```{toctree}\nnote\n```\n",
            "note.md": "# Note\n\n:::{note}\nÀ savoir.\n:::\n",
        }
    )

    def links(name: str) -> list[str]:
        hrefs = [link["href"] for link in soup(built.read(name)).select("link")]
        return [h.split("?")[0] for h in hrefs if "circ-icons" in h]

    assert links("index.html") == ["_static/styles/circ-icons.css"]
    assert links("note.html") == [
        "_static/styles/circ-icons.css",
        "_static/styles/circ-icons-notes.css",
    ]
