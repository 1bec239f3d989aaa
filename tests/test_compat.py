"""The private Sphinx and MyST APIs of ``sphinx_circ._compat`` still behave.

Each test fails when the installed Sphinx, MyST-Parser or sphinx-design
changes what sphinx-circ relies on, naming the API in its failure.
"""

from __future__ import annotations

from typing import Any

import pytest
from docutils import nodes

from sphinx_circ import _compat, hero

HERO_PAGE = {
    "index.md": """
        ::::{hero}
        # Titre du portail

        Accroche.
        ::::

        ## Plus bas

        Texte.
        """
}


def test_script_asset_is_what_sphinx_writes() -> None:
    script = _compat.script_asset("scripts/x.js", 300, defer="", id="x")
    assert script.filename == "scripts/x.js"
    assert script.priority == 300
    assert script.attributes == {"defer": "", "id": "x"}


def test_myst_renderer_keeps_its_levels(build, monkeypatch) -> None:
    """MyST's ``_renderer._level_to_section`` is there when a hero is parsed."""
    results: list[bool] = []

    def recording(state: Any) -> bool:
        results.append(_compat.declare_myst_title_level(state))
        return results[-1]

    monkeypatch.setattr(hero, "declare_myst_title_level", recording)
    built = build(HERO_PAGE)
    assert results == [True], "MyST's renderer no longer has _level_to_section"
    assert "H2" not in built.warnings, built.warnings


def test_title_visitor_override_draws_the_banner(build) -> None:
    built = build(HERO_PAGE)
    html = built.read("index.html")
    html = html[html.index("<body") :]  # the head's description quotes the tagline
    banner = html.index('data-circ="hero"')
    assert banner < html.index("<h1>") < html.index("Accroche")


def test_octicon_node_carries_the_svg() -> None:
    node = _compat.octicon_node("download", classes=["x"])
    svg = node.get("svg") or node.astext()
    assert svg.startswith("<svg") and ' x"' in svg
    with pytest.raises((KeyError, ValueError)):
        _compat.octicon_node("no-such-icon", classes=[])
    assert isinstance(node, nodes.Node)


def test_a_late_template_folder_is_found(tmp_path, build) -> None:
    """Sphinx's template loader keeps its folders in ``loaders`` (entry-point themes)."""
    built = build({"index.md": "# Accueil\n"})
    folder = tmp_path / "late"
    (folder / "circ").mkdir(parents=True)
    (folder / "circ" / "late.html").write_text("tard", encoding="utf-8")
    assert _compat.add_template_folder(built.app.builder, str(folder))
    assert built.app.builder.templates.render("circ/late.html", {}) == "tard"


def test_conf_py_values_are_kept_apart_from_overrides(build) -> None:
    """``Config._raw_config`` holds conf.py's own values, whatever -D says."""
    built = build(
        {"index.md": "# Accueil\n"},
        confoverrides={"language": "en", "suppress_warnings": ["circ.language"]},
    )
    config = built.app.config
    assert config.language == "en"
    assert _compat.conf_py_value(config, "language") == "fr", (
        "Sphinx's Config no longer keeps conf.py's values in _raw_config"
    )
    assert _compat.conf_py_value(config, "html_title") is _compat.UNSET
