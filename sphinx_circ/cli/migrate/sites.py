"""Which generator built a source folder, and the pages it holds.

A folder (or its parent) holding ``mkdocs.yml`` is MkDocs: its pages are
those of ``docs_dir``. A folder holding ``conf.py`` is a Sphinx project (a
migration's own output, read again): MyST. ``.vuepress/`` means VuePress,
``_config.yml`` Jekyll (its settings fill ``{{ site.x }}``),
``pelicanconf.py`` Pelican; anything else is read as plain Markdown, with
every conversion its syntax asks for.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .mkdocs import load_config, snippet_dirs
from .model import Site

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
    problems: list[str] = field(default_factory=list)


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
    config, problem = load_config(config_path)
    root = config_path.parent
    docs = (root / str(config.get("docs_dir") or "docs")).resolve()
    resolved = source.resolve()
    if resolved != root.resolve() and not resolved.is_relative_to(docs):
        return None
    site = Site(docs, "mkdocs", config, config_path, snippet_dirs(config, root, docs))
    return Detected(site, [problem] if problem else [])


def jekyll_site(config_path: Path) -> Detected:
    problems = []
    try:
        config: Any = yaml.safe_load(config_path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        config = {}
        problems.append(
            f"_config.yml cannot be read ({error.__class__.__name__}): {{{{ site.x }}}} kept"
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
