"""Migrating a set of pages into one Sphinx project (files, indexes, report)."""

from __future__ import annotations

import posixpath
import sys
from collections import Counter
from pathlib import Path

from .migrate import (
    PAGE_SUFFIXES,
    Note,
    Page,
    add_toctree,
    migrate_text,
    read_source,
)

CONF = '''"""Sphinx configuration written by ``sphinx-circ migrate``: adjust as needed."""

project = "Portail"
language = "fr"
extensions = ["sphinx_circ"]
html_theme = "sphinx_circ"
exclude_patterns = ["_build"]
# Old sites linked to headings by their text: give every heading its anchor.
myst_heading_anchors = 6
# Where the data request form sends requests: replace this example address.
circ_request_email = "contact@example.org"
'''
ROOT_INDEX = "# Pages migrées\n"


def collect(sources: list[Path]) -> list[Page]:
    """The pages to migrate and their docnames; folders keep their structure."""
    pages: list[Page] = []
    several = len(sources) > 1
    for source in sources:
        if source.is_file():
            pages.append(Page(source, source.stem, ""))
            continue
        prefix = source.resolve().name if several else ""
        for path in sorted(source.rglob("*")):
            relative = path.relative_to(source)
            if (
                not path.is_file()
                or path.suffix.lower() not in PAGE_SUFFIXES
                or any(part.startswith((".", "_build")) for part in relative.parts)
            ):
                continue
            docname = posixpath.join(prefix, relative.with_suffix("").as_posix())
            pages.append(Page(path, docname, prefix))
    return pages


def toctrees(texts: dict[str, str]) -> dict[str, str]:
    """Give each folder's index a hidden toctree of the pages beside and below it."""
    docnames = set(texts)
    if "index" not in docnames:
        texts["index"] = ROOT_INDEX
        docnames.add("index")

    def entries(folder: str) -> list[str]:
        prefix = f"{folder}/" if folder else ""
        found, subfolders = [], set()
        for name in sorted(docnames):
            if not name.startswith(prefix):
                continue
            rest = name[len(prefix) :]
            if "/" in rest:
                subfolders.add(rest.split("/", 1)[0])
            elif rest != "index":
                found.append(rest)
        for child in sorted(subfolders):
            path = prefix + child
            if f"{path}/index" in docnames:
                found.append(f"{child}/index")
            else:
                found.extend(f"{child}/{entry}" for entry in entries(path))
        return found

    for name in sorted(docnames):
        if posixpath.basename(name) == "index":
            folder = posixpath.dirname(name)
            texts[name] = add_toctree(texts[name], entries(folder))
    return texts


def progress(done: int, total: int) -> None:
    if total < 20 or not sys.stderr.isatty():
        return
    width = 30
    filled = width * done // total
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def run_migrate(sources: list[Path], output: Path, *, check: bool, quiet: bool) -> int:
    for source in sources:
        if not source.exists():
            print(
                f"sphinx-circ migrate: {source}: no such file or folder",
                file=sys.stderr,
            )
            return 2
    pages = collect(sources)
    if not pages:
        print("sphinx-circ migrate: no page found (.md or .markdown)", file=sys.stderr)
        return 2
    by_name = {page.docname: page for page in pages}
    texts: dict[str, str] = {}
    notes: list[Note] = []
    for done, page in enumerate(pages, 1):
        label = str(page.source)
        try:
            text = read_source(page.source, label, notes)
        except OSError as error:
            print(
                f"sphinx-circ migrate: {page.source}: cannot read ({error.strerror})",
                file=sys.stderr,
            )
            return 2
        result = migrate_text(text, page, by_name, label)
        texts[page.docname] = result.text
        notes.extend(result.notes)
        progress(done, len(pages))
    texts = toctrees(texts)
    files = {output / f"{name}.md": text for name, text in texts.items()}
    if not (output / "conf.py").exists():
        files[output / "conf.py"] = CONF
    changed = [
        path
        for path, text in files.items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    if not quiet:
        for note in notes:
            line = f":{note.line}" if note.line else ""
            print(f"{note.path}{line}: {note.kind}: {note.message}")
    summary(pages, notes, changed, check)
    if check:
        return 1 if changed else 0
    for path in changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[path], encoding="utf-8")
    return 0


def summary(
    pages: list[Page], notes: list[Note], changed: list[Path], check: bool
) -> None:
    counts = Counter((note.path, note.kind) for note in notes)
    rows = []
    for page in pages:
        label = str(page.source)
        rows.append(
            (
                page.docname,
                counts[label, "converted"],
                counts[label, "repaired"],
                counts[label, "review"] + counts[label, "outside"],
            )
        )
    header = ("page", "blocks converted", "repairs", "to review")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(4)]
    line = "  ".join(f"{{:{'<' if i == 0 else '>'}{w}}}" for i, w in enumerate(widths))
    print()
    print(line.format(*header))
    print(line.format(*("-" * w for w in widths)))
    for row in rows:
        print(line.format(*row))
    totals = (
        "total",
        sum(r[1] for r in rows),
        sum(r[2] for r in rows),
        sum(r[3] for r in rows),
    )
    print(line.format(*totals))
    verb = "would change" if check else "written"
    print(f"\n{len(pages)} pages, {len(changed)} files {verb}.")
