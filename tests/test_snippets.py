"""The guide's examples (docs/snippets/) as regression fixtures.

The guide shows each example from its file, and the live ones are the same
file included: what the guide says and what the tests check cannot drift.
Each snippet is built as a page of the portal (so its links resolve) and
its resolved doctree is compared with ``tests/test_snippets/<name>.xml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import DOCS, normalise_doctree

from sphinx_circ.testing import BuiltSite, build_site

SNIPPETS = sorted(path.stem for path in (DOCS / "snippets").glob("*.md"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    src = tmp_path_factory.mktemp("snippets") / "docs"
    shutil.copytree(DOCS, src, ignore=shutil.ignore_patterns("_build"))
    # The snippets become pages of their own, beside those that include them.
    return build_site(
        src,
        src.parent / "out",
        confoverrides={"exclude_patterns": ["_build"]},
    )


def test_every_snippet_is_used_by_the_guide() -> None:
    guide = "\n".join(path.read_text("utf-8") for path in (DOCS / "guide").glob("*.md"))
    assert len(SNIPPETS) >= 25
    for name in SNIPPETS:
        assert f"../snippets/{name}.md" in guide, name


@pytest.mark.parametrize("name", SNIPPETS)
def test_snippet_doctree(built: BuiltSite, name: str, file_regression: Any) -> None:
    app = built.app
    doctree = app.env.get_and_resolve_doctree(f"snippets/{name}", app.builder)
    text = normalise_doctree(doctree.pformat().replace(str(Path(app.srcdir)), "<src>"))
    file_regression.check(text, extension=".xml", basename=name)
