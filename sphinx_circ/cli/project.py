"""Migrating a set of pages into one Sphinx project (files, indexes, report)."""

from __future__ import annotations

import json
import os
import posixpath
import sys
from pathlib import Path

from .migrate import TOCTREE_MARK, Note, Page, add_toctree, read_source
from .migrate.home import content_strings as home_strings
from .migrate.jekyll import content_strings, html_pages
from .migrate.links import anchors
from .migrate.model import Doc, Result
from .migrate.navigation import line_of, listed, nav_toctrees, pages_nav
from .migrate.page import finish, prepare
from .migrate.report import markdown, note_line, summary
from .migrate.sites import REPORT_NAME, detect, looked_in, site_pages, site_title
from .migrate.verify import Line, Output, Verified, string_prose, verify

CONF = '''"""Sphinx configuration written by ``sphinx-circ migrate``: adjust as needed."""

project = "Portail"
language = "fr"
extensions = ["sphinx_circ"]
html_theme = "sphinx_circ"
# MIGRATION.md is the migration's report, not a page of the portal.
exclude_patterns = ["_build", "MIGRATION.md"]
# Old sites linked to headings by their text: give every heading its anchor.
myst_heading_anchors = 6
# Where the data request form sends requests: until it is set, each request
# form warns (an example address would lose the requests silently).
# circ_request_email = "donnees@votre-organisme.fr"
'''
ROOT_INDEX = "# Pages migrées\n"


def collect(sources: list[Path]) -> tuple[list[Page], list[Note]]:
    """The pages to migrate and their docnames; folders keep their structure."""
    pages: list[Page] = []
    notes: list[Note] = []
    several = len(sources) > 1
    used: set[str] = set()
    for source in sources:
        detected = detect(source)
        site = detected.site
        label = str(site.config_path or source)
        notes += [Note(label, line, "review", why) for line, why in detected.problems]
        prefix = source.resolve().name if several and source.is_dir() else ""
        found, left_out = site_pages(site, source)
        notes += left_out
        for path, name in found:
            docname = posixpath.join(prefix, name) if prefix else name
            if docname in used:
                notes.append(
                    Note(
                        str(path),
                        0,
                        "review",
                        f"{docname!r} is already a page: skipped",
                    )
                )
                continue
            used.add(docname)
            pages.append(Page(path, docname, prefix, site))
    return pages, notes


def conf(pages: list[Page], notes: list[Note]) -> str:
    """conf.py, titled as the first source's old site was (a JSON string is
    a Python one: quotes escaped, accents kept)."""
    if not pages:
        return CONF
    title, problem = site_title(pages[0].site)
    if problem:
        notes.append(problem)
    if not title:
        return CONF
    label = str(pages[0].site.config_path or pages[0].site.root)
    notes.append(Note(label, 0, "converted", f"project title {title!r} in conf.py"))
    return CONF.replace(
        'project = "Portail"',
        f"project = {json.dumps(title.strip(), ensure_ascii=False)}",
    )


def add_html_pages(sources: list[Path], pages: list[Page], notes: list[Note]) -> None:
    """Add the pages of Jekyll sites written in HTML (``contact.html``)."""
    used = {page.docname for page in pages}
    several = len(sources) > 1
    for source in sources:
        site = detect(source).site
        # The site its Markdown pages have, so their links share its permalinks.
        site = next((p.site for p in pages if p.site.root == site.root), site)
        prefix = source.resolve().name if several and source.is_dir() else ""
        for path, name in html_pages(site, source):
            if name is None:
                why = (
                    "HTML without front matter, not migrated: Jekyll copies it as it is"
                )
                notes.append(Note(str(path), 1, "review", why))
                continue
            docname = posixpath.join(prefix, name) if prefix else name
            if docname in used:
                why = (
                    f"page written in HTML, not migrated: {docname!r} is already a page"
                )
                notes.append(Note(str(path), 1, "review", why))
                continue
            used.add(docname)
            pages.append(Page(path, docname, prefix, site))


def toctrees(texts: dict[str, str]) -> dict[str, str]:
    """Give each folder's index a hidden toctree of the pages beside and below it."""
    docnames = set(texts)
    if "index" not in docnames:
        texts["index"] = ROOT_INDEX
        docnames.add("index")
    placed = listed(texts, TOCTREE_MARK)

    def entries(folder: str) -> list[str]:
        prefix = f"{folder}/" if folder else ""
        found, subfolders = [], set()
        for name in sorted(docnames):
            if not name.startswith(prefix):
                continue
            rest = name[len(prefix) :]
            if "/" in rest:
                subfolders.add(rest.split("/", 1)[0])
            elif rest != "index" and name not in placed:
                found.append(rest)
        for child in sorted(subfolders):
            path = prefix + child
            if f"{path}/index" in docnames:
                if f"{path}/index" not in placed:
                    found.append(f"{child}/index")
            else:
                found.extend(f"{child}/{entry}" for entry in entries(path))
        return found

    for name in sorted(docnames):
        if posixpath.basename(name) == "index":
            folder = posixpath.dirname(name)
            texts[name] = add_toctree(texts[name], entries(folder))
    return texts


def navigation(pages: list[Page], texts: dict[str, str], notes: list[Note]) -> None:
    """Write each MkDocs site's ``nav`` (or its ``.pages`` files) as toctrees:
    captioned ones in its index page, a page per sub-section."""
    sites = {id(p.site): p for p in pages if p.site.flavour == "mkdocs"}
    for first in sites.values():
        site = first.site
        label = str(site.config_path)
        members = [p for p in pages if p.site is site]
        docnames = {p.source.resolve(): p.docname for p in members}
        # MkDocs before 1.0 called it "pages".
        nav = site.config.get("nav") or site.config.get("pages")
        if site.config.get("not_in_nav"):
            # Pages outside the nav are in a hidden toctree: Sphinx does not warn.
            why = "not_in_nav not needed: pages outside the nav are in a hidden toctree"
            notes.append(Note(label, 0, "converted", why))
        if nav and any(site.root.rglob(".pages")):
            why = ".pages files not read: mkdocs.yml's nav gives the menu"
            notes.append(Note(label, 0, "review", why))
        elif not nav and any(site.root.rglob(".pages")):
            read = pages_nav(site.root.resolve(), docnames)
            notes += [
                Note(path, line, "review", why) for path, line, why in read.problems
            ]
            nav, label = read.nav, str(site.root / ".pages")
        if not nav:
            continue
        index = posixpath.join(first.site_root, "index") if first.site_root else "index"
        found = nav_toctrees(nav, site.root, docnames, index)
        where = (
            site.config_path
            if nav is not None and label == str(site.config_path)
            else None
        )
        notes += [
            Note(label, line_of(where, text) if where else 0, "review", why)
            for text, why in found.problems
        ]
        if index not in texts:
            title = site.config.get("site_name") or first.site_root or "Documentation"
            texts[index] = f"# {title}\n"
        for name, lines in [(index, found.lines), *found.added.items()]:
            text = texts[name].split(TOCTREE_MARK)[0].rstrip("\n")
            if "\n".join(lines).strip() not in text:
                texts[name] = text + "\n\n" + "\n".join(lines).strip("\n") + "\n"
        for name, text in found.pages.items():
            texts.setdefault(name, text)
        for section, name in found.sections:
            how = "written" if name in found.pages else "given its toctree"
            notes.append(
                Note(
                    label,
                    0,
                    "converted",
                    f"nav section {section!r}: page {name!r} {how}",
                )
            )
        notes.append(Note(label, 0, "converted", f"nav → toctrees in {index!r}"))


def progress(done: int, total: int) -> None:
    if total < 20 or not sys.stderr.isatty():
        return
    width = 30
    filled = width * done // total
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def migrate_pages(
    pages: list[Page], notes: list[Note], sources: dict[str, str] | None = None
) -> tuple[dict[str, Result], bool]:
    """Every page migrated; and whether a page could not be read.

    *sources* receives each page's text as read (repaired), by docname.
    """
    by_name = {page.docname: page for page in pages}
    docs: dict[str, Doc] = {}
    results: dict[str, Result] = {}
    unreadable = False
    for done, page in enumerate(pages, 1):
        label = str(page.source)
        try:
            text = read_source(page.source, label, notes)
        except OSError as error:
            print(
                f"sphinx-circ migrate: {page.source}: cannot read ({error.strerror})",
                file=sys.stderr,
            )
            unreadable = True
            continue
        if sources is not None:
            sources[page.docname] = text
        try:
            docs[page.docname] = prepare(text, page, by_name, label)
        except Exception as error:
            why = f"{error.__class__.__name__}: {error}"
            notes.append(
                Note(label, 1, "review", f"not converted ({why}): copied as it is")
            )
            results[page.docname] = Result(text)
        progress(done, len(pages))
    known = {name: anchors(doc) for name, doc in docs.items()}
    for name, doc in docs.items():
        results[name] = finish(doc, known)
    return results, unreadable


def run_migrate(
    sources: list[Path],
    output: Path,
    *,
    check: bool,
    quiet: bool,
    strict: bool = False,
    verify_build: bool = True,
) -> int:
    for source in sources:
        if not source.exists():
            print(
                f"sphinx-circ migrate: {source}: no such file or folder",
                file=sys.stderr,
            )
            return 2
    pages, notes = collect(sources)
    add_html_pages(sources, pages, notes)
    if not pages:
        print(
            f"sphinx-circ migrate: no page found (.md or .markdown){looked_in(sources)}",
            file=sys.stderr,
        )
        return 2
    read: dict[str, str] = {}
    results, unreadable = migrate_pages(pages, notes, read)
    texts = {name: result.text for name, result in results.items()}
    for result in results.values():
        notes.extend(result.notes)
    navigation(pages, texts, notes)
    files: dict[Path, str | bytes] = {
        output / f"{name}.md": text for name, text in toctrees(texts).items()
    }
    for result in results.values():
        for target, source in result.assets.items():
            try:
                files[output / target] = source.read_bytes()
            except OSError as error:
                notes.append(
                    Note(str(source), 0, "review", f"not copied: {error.strerror}")
                )
    if not (output / "conf.py").exists():
        files[output / "conf.py"] = conf(pages, notes)
    changed = [path for path, content in files.items() if differs(path, content)]
    migrated = [page for page in pages if page.docname in results]
    afterwards: list[str] = []
    verified: Verified | None = None
    why_not = "--check writes nothing to build" if check else "--no-verify"
    if not check:
        # Files first: the printing below may stop early (piped into head).
        try:
            write(files, changed)
            if verify_build:
                verified = check_build(output, migrated, results, read)
                notes.extend(verified.notes)
            afterwards = write_report(
                sources, output, migrated, notes, verified, why_not
            )
        except OSError as error:
            where = error.filename or output
            print(
                f"sphinx-circ migrate: {where}: cannot write ({error.strerror})",
                file=sys.stderr,
            )
            return 2
    try:
        for note in [] if quiet else notes:
            print(note_line(note))
        summary(migrated, notes, changed, check, verified, why_not)
        for line in afterwards:
            print(line)
    except BrokenPipeError:
        # The reader stopped reading; send what is left to nowhere, quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if unreadable:
        return 2
    if strict and verified is not None and (verified.lost or verified.failed):
        return 1
    return 1 if check and changed else 0


def check_build(
    output: Path, pages: list[Page], results: dict[str, Result], read: dict[str, str]
) -> Verified:
    """Build the written project and compare each page with its source."""
    print("Checking: building the migrated pages with Sphinx's text builder…",
          file=sys.stderr)  # fmt: skip
    outputs = {
        page.docname: Output(
            page,
            read[page.docname],
            results[page.docname].origins,
            front_prose(page, read[page.docname]),
        )
        for page in pages
        if page.docname in read
    }
    return verify(output, outputs)


def front_prose(page: Page, text: str) -> list[Line]:
    """The front-matter strings the old site showed as the page's content: a
    Jekyll layout's fields, a VuePress home page's."""
    if page.site.flavour == "jekyll":
        strings = content_strings(page.site, text, page.source)
    elif page.site.flavour in ("vuepress", "markdown"):
        strings = home_strings(text)
    else:
        return []
    return [line for number, string in strings for line in string_prose(number, string)]


def write(files: dict[Path, str | bytes], changed: list[Path]) -> None:
    for path in changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        content = files[path]
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def differs(path: Path, content: str | bytes) -> bool:
    if not path.is_file():
        return True
    if isinstance(content, bytes):
        return path.read_bytes() != content
    return path.read_text(encoding="utf-8", errors="replace") != content


def write_report(
    sources: list[Path],
    output: Path,
    pages: list[Page],
    notes: list[Note],
    verified: Verified | None = None,
    why_not: str = "",
) -> list[str]:
    """Write MIGRATION.md, unless migrating a folder in place where one is
    already (it keeps the first migration's report); return what to tell."""
    out = output.resolve()
    in_place = any(
        s.resolve() == out or s.resolve().is_relative_to(out) for s in sources
    )
    if in_place and (output / REPORT_NAME).exists():
        return []
    output.mkdir(parents=True, exist_ok=True)
    (output / REPORT_NAME).write_text(
        markdown(sources, pages, notes, verified, why_not), encoding="utf-8"
    )
    told = [f"Report: {output / REPORT_NAME}"]
    conf = (output / "conf.py").read_text(encoding="utf-8", errors="replace")
    if REPORT_NAME not in conf:
        told.append(
            f"Add {REPORT_NAME!r} to exclude_patterns in {output / 'conf.py'}: it is not a page."
        )
    return told
