"""Golden tests of ``sphinx-circ migrate``, one folder per construct.

Each folder of ``tests/test_migrate/`` holds ``input.md`` (with the site's
files beside it: ``_config.yml``, ``_includes/``, ``mkdocs.yml``…), the MyST
it must become (``expected.md``) and the notes it must give (``notes.txt``,
``file:line: kind: message``). ``pages.txt`` names the other pages of the
site, for links. Run with ``SPHINX_CIRC_REGENERATE=1`` to write the expected
files again, then read the diff before committing it.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, strip_colors

from sphinx_circ.cli.migrate import Page, Site, migrate_text, read_source
from sphinx_circ.cli.migrate.sites import detect
from sphinx_circ.cli.migrate.tokens import markdown
from sphinx_circ.cli.project import CONF

CASES = REPO / "tests" / "test_migrate"
CASE_NAMES = sorted(p.name for p in CASES.iterdir() if p.is_dir())
REGENERATE = bool(os.environ.get("SPHINX_CIRC_REGENERATE"))


def other_pages(folder: Path) -> list[str]:
    """The other pages of a case's site (``pages.txt``), for its links."""
    names = folder / "pages.txt"
    return names.read_text(encoding="utf-8").split() if names.exists() else []


def migrate_case(folder: Path, source: Path | None = None, site: Site | None = None):
    source = source or folder / "input.md"
    site = site or detect(source).site
    page = Page(source, "input", "", site)
    names = other_pages(folder)
    pages = {"input": page, **{n: Page(folder / f"{n}.md", n, "", site) for n in names}}
    notes = []
    text = read_source(source, str(source), notes)
    result = migrate_text(text, page, pages, str(source))
    lines = []
    for note in [*notes, *result.notes]:
        path = Path(note.path)
        where = (
            path.relative_to(folder).as_posix()
            if path.is_relative_to(folder)
            else path.name
        )
        lines.append(f"{where}:{note.line}: {note.kind}: {note.message}")
    return result, "\n".join(lines) + "\n"


def code_blocks(text: str, flavour: str = "markdown") -> list[str]:
    """The content of every code block of a page, in order."""
    return [
        token.content
        for token in markdown(flavour).parse(text)
        if token.type in ("fence", "code_block")
    ]


@pytest.mark.parametrize("case", CASE_NAMES)
def test_golden(case: str) -> None:
    folder = CASES / case
    result, notes = migrate_case(folder)
    expected, expected_notes = folder / "expected.md", folder / "notes.txt"
    if REGENERATE:
        expected.write_text(result.text, encoding="utf-8")
        expected_notes.write_text(notes, encoding="utf-8")
    assert result.text == expected.read_text(encoding="utf-8")
    assert notes == expected_notes.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASE_NAMES)
def test_golden_output_migrates_to_itself(case: str, tmp_path: Path) -> None:
    folder = CASES / case
    output = (folder / "expected.md").read_text(encoding="utf-8")
    # Read again as a migration's output is: a page of a Sphinx project.
    again, _notes = migrate_case(folder, folder / "expected.md", Site(folder, "sphinx"))
    assert again.text == output


def reported(warning: str, notes: str) -> bool:
    """Whether a build warning is about something a note reported."""
    if "[toc.no_title]" in warning:
        return "without a title" in notes
    for line in notes.splitlines():
        if ": converted:" in line or ": repaired:" in line:
            continue
        for target in re.findall(r"'([^']+)'", line):
            name = target.strip("/#").split("/")[-1].split("#")[-1]
            if f"'{target}'" in warning or (
                name and name.removesuffix(".html") in warning
            ):
                return True
    return False


@pytest.mark.parametrize("case", CASE_NAMES)
def test_golden_output_builds_with_only_reported_warnings(
    case: str, make_app, tmp_path: Path
) -> None:
    folder = CASES / case
    result, notes = migrate_case(folder)
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text(
        "# Index\n\n```{toctree}\ninput\n```\n", encoding="utf-8"
    )
    (src / "input.md").write_text(result.text, encoding="utf-8")
    for name in other_pages(folder):
        stub = src / f"{name}.md"
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text(
            "---\norphan: true\n---\n# Page\n\n## Droits\n", encoding="utf-8"
        )
    for target, source in result.assets.items():
        (src / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, src / target)
    # A fixture's pages are not a whole portal: no legal pages to ask for.
    app = make_app("html", srcdir=src, builddir=tmp_path / "_build", freshenv=True,
                   confoverrides={"nitpicky": True, "show_warning_types": True,
                                  "suppress_warnings": ["circ.legal"]})  # fmt: skip
    app.build()
    warnings = [
        w for w in strip_colors(app.warning.getvalue()).splitlines() if "WARNING" in w
    ]
    unreported = [w for w in warnings if not reported(w, notes)]
    assert not unreported, notes
