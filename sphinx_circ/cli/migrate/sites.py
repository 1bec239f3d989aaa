"""Which generator built a source folder, and the pages it holds.

A folder (or its parent) holding ``mkdocs.yml`` is MkDocs: its pages are
those of ``docs_dir``. A folder holding ``conf.py`` is a Sphinx project (a
migration's own output, read again): MyST. ``.vuepress/`` means VuePress,
``_config.yml`` Jekyll (its settings fill ``{{ site.x }}``),
``pelicanconf.py`` Pelican; anything else is read as plain Markdown, with
every conversion its syntax asks for.

A site's pages leave out what it does not publish: MkDocs' ``exclude_docs``
(``mkdocs_config``), and a README.md beside an index page (the
repository's; MkDocs drops it too), each told in a note. The old site's title
(``site_name``, ``title``, ``SITENAME``) is read without running its config.
"""

from __future__ import annotations

import ast
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .mkdocs_config import Problem, excluded, exclusion, load_config, snippet_dirs
from .model import Note, Site

#: Folders that hold no pages (site generators' own, or dependencies).
SKIPPED = frozenset(
    {
        "_includes",
        "_layouts",
        "_data",
        "_sass",
        "_site",
        "_plugins",
        "_drafts",
        "_build",
        "node_modules",
        "vendor",
    }
)
#: The report the migration writes in its output; never a page to migrate.
REPORT_NAME = "MIGRATION.md"


@dataclass
class Detected:
    site: Site
    #: (line in the site's config, 0 when unknown; message) to review.
    problems: list[Problem] = field(default_factory=list)


def detect(source: Path) -> Detected:
    folder = source if source.is_dir() else source.parent
    for candidate in (folder, folder.parent):
        for name in ("mkdocs.yml", "mkdocs.yaml"):
            found = mkdocs_site(source, candidate / name)
            if found is not None:
                return found
    if (folder / "conf.py").is_file():
        # A Sphinx project (a migration's output): MyST, where {{ }} is text.
        return Detected(Site(folder, "sphinx"))
    for candidate in (folder, folder.parent):
        if (candidate / ".vuepress").is_dir() or (
            candidate / "docs" / ".vuepress"
        ).is_dir():
            return Detected(Site(candidate, "vuepress"))
        if (candidate / "_config.yml").is_file():
            return jekyll_site(candidate / "_config.yml")
        if (candidate / "pelicanconf.py").is_file():
            return Detected(Site(folder, "pelican"))
    includes = [folder / "_includes"] if (folder / "_includes").is_dir() else []
    return Detected(Site(folder, "markdown", include_dirs=includes))


def mkdocs_site(source: Path, config_path: Path) -> Detected | None:
    if not config_path.is_file():
        return None
    config, problems = load_config(config_path)
    root = config_path.parent
    docs = (root / str(config.get("docs_dir") or "docs")).resolve()
    resolved = source.resolve()
    if resolved != root.resolve() and not resolved.is_relative_to(docs):
        return None
    site = Site(docs, "mkdocs", config, config_path, snippet_dirs(config, root, docs))
    return Detected(site, problems)


def jekyll_site(config_path: Path) -> Detected:
    problems: list[Problem] = []
    try:
        config: Any = yaml.safe_load(config_path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        config = {}
        problems.append(
            (
                0,
                f"_config.yml cannot be read ({error.__class__.__name__}): {{{{ site.x }}}} kept",
            )
        )
    config = config if isinstance(config, dict) else {}
    root = config_path.parent
    includes = root / str(config.get("includes_dir") or "_includes")
    return Detected(Site(root, "jekyll", config, config_path, [includes]), problems)


def page_files(site: Site, source: Path) -> list[tuple[Path, str]]:
    """(file, docname without prefix) of each page of *source* in *site*."""
    base = site.root if site.flavour == "mkdocs" and source.is_dir() else source
    if base.is_file():
        return [(base, base.stem)]
    excluded = (
        {str(e).strip("/") for e in site.config.get("exclude") or []}
        if site.flavour == "jekyll"
        else set()
    )
    found: list[tuple[Path, str]] = []
    for path in sorted(base.rglob("*")):
        relative = path.relative_to(base)
        parts = relative.parts
        if (
            not path.is_file()
            or path.suffix.lower() not in (".md", ".markdown")
            or any(p.startswith((".", "_build")) or p in SKIPPED for p in parts)
            or relative.as_posix() in excluded
            or parts[0] in excluded
            or (len(parts) == 1 and path.name == REPORT_NAME and is_report(path))
        ):
            continue
        name = relative.with_suffix("").as_posix()
        if site.flavour == "jekyll":  # collections "_faq/" are published as "faq/"
            name = "/".join(p.removeprefix("_") for p in name.split("/"))
        found.append((path, name))
    return readme_as_index(site, found)


def readme_as_index(
    site: Site, found: list[tuple[Path, str]]
) -> list[tuple[Path, str]]:
    """VuePress and MkDocs serve a folder's README.md as its index."""
    if site.flavour not in ("vuepress", "mkdocs"):
        return found
    names = {name for _path, name in found}
    out = []
    for path, name in found:
        folder, base = posixpath.split(name)
        index = posixpath.join(folder, "index")
        if base.lower() == "readme" and index not in names:
            name = index
        out.append((path, name))
    return out


def is_report(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as handle:
            return REPORT_MARK in handle.read(400)
    except (OSError, UnicodeDecodeError):
        return False


#: Opens the report, so a later run over the output leaves it out.
REPORT_MARK = "<!-- sphinx-circ migrate report -->"


def site_pages(site: Site, source: Path) -> tuple[list[tuple[Path, str]], list[Note]]:
    """The pages of *source* to migrate, without those the site does not
    publish (``exclude_docs``, a repository's README.md), each told in a note."""
    found = page_files(site, source)
    if not source.is_dir():
        return found, []
    notes: list[Note] = []
    kept: list[tuple[Path, str]] = []
    patterns = exclusion(site.config) if site.flavour == "mkdocs" else []
    names = {name for _path, name in found}
    for path, name in found:
        if patterns and excluded(path.relative_to(site.root).as_posix(), patterns):
            why = "matches exclude_docs in mkdocs.yml: not migrated as a page"
            notes.append(Note(str(path), 0, "review", why))
            continue
        if is_repository_readme(site, name, names):
            why = (
                "README.md beside index.md: left out, as MkDocs does"
                if site.flavour == "mkdocs"
                else "README.md beside the site's index is the repository's: left out"
            )
            notes.append(Note(str(path), 0, "review", why))
            continue
        kept.append((path, name))
    return kept, notes


def is_repository_readme(site: Site, name: str, names: set[str]) -> bool:
    """A README.md beside an index page: MkDocs leaves it out of the site,
    and at a Jekyll or plain site's root it describes the repository."""
    folder, base = posixpath.split(name)
    if base.lower() != "readme" or site.flavour in ("vuepress", "sphinx"):
        return False
    if site.flavour == "mkdocs":
        return posixpath.join(folder, "index") in names
    if folder:
        return False
    return "index" in names or (site.root / "index.html").is_file()


def looked_in(sources: list[Path]) -> str:
    """Where the pages were looked for: the MkDocs config and docs folder."""
    places = []
    for source in sources:
        site = detect(source).site
        if site.flavour == "mkdocs" and site.config_path:
            places.append(f"{site.root} (docs_dir of {site.config_path})")
        else:
            places.append(str(source))
    return " in " + ", ".join(places)


JS_TITLE = re.compile(
    r"^(?P<indent>[ \t]*)['\"]?title['\"]?\s*:\s*(?P<value>.*?)\s*,?\s*$"
)
PROPERTY = re.compile(r"^([ \t]*)['\"]?[\w$-]+['\"]?\s*:")
PY_TITLE = re.compile(r"^SITENAME\s*=\s*(?P<value>.*?)\s*(?:#.*)?$")
STRING = re.compile(r"""^[uUrR]?(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`$\\]*`)$""")


def site_title(site: Site) -> tuple[str | None, Note | None]:
    """The old site's title, or None; and a note when a title is computed by code
    (read with regular expressions: a config is never executed)."""
    config = site.config
    if site.flavour == "mkdocs" and site.config_path:
        value = config.get("site_name")
        return (str(value) if value else None), None
    if site.flavour == "jekyll":
        value = config.get("title")
        return (str(value) if value else None), None
    if site.flavour == "vuepress":
        for folder in (site.root / ".vuepress", site.root / "docs" / ".vuepress"):
            for name in (
                "config.yml",
                "config.yaml",
                "config.js",
                "config.ts",
                "config.mjs",
            ):
                if (folder / name).is_file():
                    return title_in(folder / name, JS_TITLE)
    if site.flavour == "pelican":
        for folder in (site.root, site.root.parent):
            if (folder / "pelicanconf.py").is_file():
                return title_in(folder / "pelicanconf.py", PY_TITLE)
    return None, None


def title_in(path: Path, pattern: re.Pattern[str]) -> tuple[str | None, Note | None]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None, None
    # The site's title is a property of the config's outer object: as little
    # indented as any property (deeper ones are sidebar groups or locales).
    properties = [len(m.group(1)) for line in lines if (m := PROPERTY.match(line))]
    found = [
        (number, m)
        for number, line in enumerate(lines, 1)
        if (m := pattern.match(line))
        and len(m.groupdict().get("indent") or "") <= min(properties, default=0)
    ]
    if not found:
        return None, None
    number, match = found[0]
    value = match.group("value")
    if path.suffix in (".yml", ".yaml"):
        try:
            loaded = yaml.safe_load(value)
        except yaml.YAMLError:
            loaded = None
        if isinstance(loaded, str | int | float) and str(loaded).strip():
            return str(loaded), None
    elif STRING.match(value):
        quoted = value.lstrip("uUrR")
        if quoted.startswith("`"):
            return quoted[1:-1], None
        try:
            literal = ast.literal_eval(quoted)
        except (ValueError, SyntaxError):
            literal = None
        if isinstance(literal, str) and literal.strip():
            return literal, None
    why = f"the title is computed ({value}): project = 'Portail' kept in conf.py"
    return None, Note(str(path), number, "review", why)
