"""The public test helper builds a site and reads it as a portal's tests would."""

from __future__ import annotations

from pathlib import Path

from conftest import SITES

from sphinx_circ.testing import build_site


def test_build_site_reads_pages_and_warnings(tmp_path: Path) -> None:
    site = build_site(SITES / "agence", tmp_path)
    assert site.outdir == tmp_path / "html"
    assert "<html" in site.page("index.html")
    assert site.circ_warnings() == []
    assert site.doctree("index").astext()


def test_build_site_sorts_warnings_by_kind(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["sphinx_circ"]\n', encoding="utf-8")
    (src / "index.md").write_text(
        "# Accueil\n\n:::{button}\nSans cible\n:::\n\n::::{section}\n:style: rose\n\nTexte.\n::::\n",
        encoding="utf-8",
    )
    site = build_site(src, tmp_path / "out", builder="text")
    assert len(site.circ_warnings()) == 2
    [button] = site.circ_warnings("button")
    assert "index.md:3" in button and "empty target" in button
    [section] = site.circ_warnings("section")
    assert "'rose'" in section
    assert "Sans cible" in site.page("index.txt")
