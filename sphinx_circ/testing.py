"""Helpers for a portal's own tests: build the site, read its pages and warnings.

    from sphinx_circ.testing import build_site

    def test_portal_builds_cleanly(tmp_path):
        site = build_site("docs", tmp_path)
        assert site.circ_warnings() == []
        assert "Les données" in site.page("index.html")

Any test runner works; no pytest plugin is needed. The build runs in the
test's own process, as ``sphinx-build`` would, with the project's conf.py.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils

_COLOURS = re.compile(r"\x1b\[[0-9;]*m")
_CIRC = re.compile(r"\[circ\.([a-z-]+)\]$")


@dataclass
class BuiltSite:
    """A built portal: its output folder, its warnings, its pages."""

    app: Sphinx
    warnings: list[str]

    @property
    def outdir(self) -> Path:
        return Path(self.app.outdir)

    def page(self, name: str) -> str:
        """The text of an output file (``faq/index.html``)."""
        return (self.outdir / name).read_text(encoding="utf-8")

    def doctree(self, docname: str) -> Any:
        """The document as Sphinx read it (before the write phase)."""
        return self.app.env.get_doctree(docname)

    def circ_warnings(self, kind: str | None = None) -> list[str]:
        """sphinx-circ's warnings (``[circ.<kind>]``), of one kind if given."""
        found = []
        for warning in self.warnings:
            match = _CIRC.search(warning)
            if match and kind in (None, match.group(1)):
                found.append(warning)
        return found


def build_site(
    srcdir: str | Path,
    outdir: str | Path,
    *,
    builder: str = "html",
    confoverrides: dict[str, Any] | None = None,
    jobs: int = 1,
) -> BuiltSite:
    """Build the Sphinx project in *srcdir* into *outdir* (a fresh build)."""
    source = Path(srcdir).resolve()
    output = Path(outdir).resolve()
    warnings = io.StringIO()
    with patch_docutils(source), docutils_namespace():
        app = Sphinx(
            source,
            source,
            output / builder,
            output / ".doctrees",
            builder,
            # Warnings name their type (``[circ.button]``) on every Sphinx.
            confoverrides={"show_warning_types": True, **(confoverrides or {})},
            status=None,
            warning=warnings,
            freshenv=True,
            parallel=jobs,
        )
        app.build()
    lines = _COLOURS.sub("", warnings.getvalue()).splitlines()
    return BuiltSite(app, [line for line in lines if line.strip()])
