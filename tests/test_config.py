"""One place for every setting: defaults, checks and the theme rule."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
from conftest import warnings_of

from sphinx_circ import config
from sphinx_circ.config import CONFIG_VALUES, THEME_DIR, ThemeSettings
from sphinx_circ.directive import Choice, Invalid


def test_theme_toml_defaults_match_the_settings() -> None:
    options = tomllib.loads((THEME_DIR / "theme.toml").read_text("utf-8"))["options"]
    defaults = ThemeSettings()
    for name, value in vars(defaults).items():
        assert name in options, f"{name} is missing from theme.toml"
        assert options[name] == value, name


def test_config_values_are_declared_once() -> None:
    names = [value.name for value in CONFIG_VALUES]
    assert len(names) == len(set(names))
    assert all(name.startswith("circ_") for name in names)


def test_choice_never_raises() -> None:
    align = Choice(("left", "center"), {"centre": "center"})
    assert align(None) == "left"
    assert align(" Centre ") == "center"
    bad = align("middle")
    assert isinstance(bad, Invalid) and bad == "middle"


SITE_THEME = """
[theme]
inherit = "sphinx_circ"
"""


def test_a_theme_inheriting_ours_gets_the_options(build, tmp_path) -> None:
    """The theme rule is by folders: a site's child theme counts as ours."""
    theme = tmp_path / "src" / "_themes" / "agence"
    theme.mkdir(parents=True)
    (theme / "theme.toml").write_text(SITE_THEME, encoding="utf-8")
    conf = (
        'extensions = ["sphinx_circ"]\nhtml_theme = "agence"\n'
        'html_theme_path = ["_themes"]\nlanguage = "fr"\n'
        'html_theme_options = {"hero_layout": "nowhere",'
        ' "footer_links": [{"name": "Mentions", "url": "index"}]}\n'
    )
    built = build({"index.md": "# Accueil\n\nTexte.\n"}, conf=conf)
    assert any("hero_layout 'nowhere'" in w for w in warnings_of(built, "theme"))
    html = built.read("index.html")
    assert "circ-footer__links" in html
    assert "scripts/circ-csp.js" in html


def test_another_theme_ignores_our_options(build) -> None:
    conf = (
        'extensions = ["sphinx_circ"]\nhtml_theme = "pydata_sphinx_theme"\n'
        'html_theme_options = {"palette": "rouge"}\n'
    )
    built = build({"index.md": "# Accueil\n"}, conf=conf)
    assert warnings_of(built, "theme") == []
    assert "circ-csp.js" not in built.read("index.html")


@pytest.mark.parametrize(
    "argv",
    # migrate's check builds what it wrote with Sphinx: without it, no Sphinx.
    [["--version"], ["migrate", "{page}", "-o", "{out}", "--no-verify"]],
    ids=["version", "migrate"],
)
def test_the_command_line_loads_no_sphinx(tmp_path: Path, argv: list[str]) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Titre\n\n<Hero>\n\n# Bonjour\n\n</Hero>\n", encoding="utf-8")
    args = [a.format(page=page, out=tmp_path / "out") for a in argv]
    script = textwrap.dedent(
        f"""
        import sys
        from sphinx_circ.cli import main
        try:
            main({args!r})
        except SystemExit:
            pass
        loaded = sorted(m for m in sys.modules
                        if m.split(".")[0] in ("sphinx", "docutils", "myst_parser",
                                               "sphinx_design", "pydata_sphinx_theme"))
        print("LOADED", loaded)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert "LOADED []" in result.stdout, result.stdout + result.stderr


def test_an_older_parent_theme_is_named(build, monkeypatch) -> None:
    """The blocks run on pydata-sphinx-theme 0.20 (sphinx-book-theme's), the
    theme is drawn for 0.24: a site on an older one is told, once."""
    files = {"index.md": "# Accueil\n"}
    assert warnings_of(build(files), "theme") == []
    monkeypatch.setattr(config, "parent_version", lambda: (0, 20))
    (warning,) = warnings_of(build(files), "theme")
    assert "pydata-sphinx-theme 0.24 or newer; with 0.20" in warning
    other = build(files, confoverrides={"html_theme": "alabaster"})
    assert warnings_of(other, "theme") == []
