"""Shared fixtures: build small Sphinx projects written on the fly."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures",)

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"

DEFAULT_CONF = (
    'extensions = ["sphinx_circ"]\nhtml_theme = "sphinx_circ"\nlanguage = "fr"\n'
)


@dataclass
class Built:
    app: SphinxTestApp
    warnings: str

    @property
    def outdir(self) -> Path:
        return Path(self.app.outdir)

    def read(self, name: str) -> str:
        return (self.outdir / name).read_text(encoding="utf-8")

    def doctree(self, docname: str) -> Any:
        return self.app.env.get_doctree(docname)

    def circ_warnings(self) -> list[str]:
        return [line for line in self.warnings.splitlines() if "[circ." in line]


def strip_colors(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


@pytest.fixture
def build(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> Callable[..., Built]:
    """Write *files* into a fresh project and build it with *buildername*."""

    def _build(
        files: dict[str, str],
        buildername: str = "html",
        conf: str = DEFAULT_CONF,
        confoverrides: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> Built:
        srcdir = tmp_path / "src"
        srcdir.mkdir(exist_ok=True)
        (srcdir / "conf.py").write_text(conf, encoding="utf-8")
        for name, content in files.items():
            path = srcdir / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
        app = make_app(
            buildername,
            srcdir=srcdir,
            builddir=tmp_path / "_build",
            confoverrides=confoverrides or {},
            freshenv=True,
            **kwargs,
        )
        app.build()
        return Built(app, strip_colors(app.warning.getvalue()))

    return _build


def snapshot(built: Built, docname: str = "index") -> str:
    """The resolved doctree of *docname*, with machine paths removed."""
    builder = built.app.builder
    doctree = built.app.env.get_and_resolve_doctree(docname, builder, tags=builder.tags)
    text = doctree.pformat()
    return text.replace(str(built.app.srcdir), "<src>")


def warnings_of(built: Built, kind: str) -> list[str]:
    return [line for line in built.warnings.splitlines() if f"[circ.{kind}]" in line]
