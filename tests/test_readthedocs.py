"""Read the Docs: the language it passes with -D, and the addons it injects."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import DEFAULT_CONF, warnings_of

PAGE = {"index.md": "# Accueil\n\nTexte.\n"}


def test_a_language_given_with_d_that_conf_py_contradicts_warns(build) -> None:
    """Read the Docs passes -D language=<its project's>: left at English, a
    French portal would get an English interface, silently."""
    built = build(PAGE, confoverrides={"language": "en"})
    (warning,) = warnings_of(built, "language")
    # DEFAULT_CONF sets the language on its third line.
    assert "/conf.py:3: WARNING: the interface language is 'en'" in warning
    assert "conf.py sets 'fr'" in warning
    assert "set the Read the Docs project's language to 'fr'" in warning
    assert BeautifulSoup(built.read("index.html"), "html.parser").html["lang"] == "en"


@pytest.mark.parametrize(
    ("conf", "overrides"),
    [
        (DEFAULT_CONF, {"language": "fr"}),  # Read the Docs set to French
        (DEFAULT_CONF, {"language": "fr_FR"}),  # the same interface
        ('extensions = ["sphinx_circ"]\n', {"language": "en"}),  # conf.py says none
        (DEFAULT_CONF, {}),
    ],
)
def test_the_same_language_gives_no_warning(build, conf: str, overrides: dict) -> None:
    built = build(PAGE, conf=conf, confoverrides=overrides)
    assert warnings_of(built, "language") == []


def test_the_language_warning_can_be_suppressed(build) -> None:
    built = build(
        PAGE,
        confoverrides={"language": "en", "suppress_warnings": ["circ.language"]},
    )
    assert built.warnings == ""


def addons_parts(built) -> tuple[list[str], list[str]]:
    page = BeautifulSoup(built.read("index.html"), "html.parser")
    meta = [m["content"] for m in page.select('meta[name="readthedocs-addons-api-version"]')]  # fmt: skip
    scripts = [
        s["src"] for s in page.select("script[src]") if "readthedocs" in s["src"]
    ]
    return meta, scripts


def test_on_read_the_docs_the_pages_read_its_addons(build, monkeypatch) -> None:
    monkeypatch.setenv("READTHEDOCS", "True")
    built = build(PAGE)
    meta, scripts = addons_parts(built)
    assert meta == ["1"]
    (script,) = scripts
    assert script.startswith("_static/scripts/circ-readthedocs.js")
    page = BeautifulSoup(built.read("index.html"), "html.parser")
    assert page.select_one(f'script[src="{script}"]').has_attr("defer")
    assert (built.outdir / "_static" / "scripts" / "circ-readthedocs.js").is_file()
    assert built.warnings == ""


def test_elsewhere_and_under_another_theme_nothing_is_added(build, monkeypatch) -> None:
    assert addons_parts(build(PAGE)) == ([], [])
    monkeypatch.setenv("READTHEDOCS", "True")
    other = build(PAGE, confoverrides={"html_theme": "alabaster"})
    assert addons_parts(other) == ([], [])
