"""Toctrees: an MkDocs ``nav`` (or ``.pages`` files), and the pages already listed.

``mkdocs.yml``'s ``nav`` becomes one hidden toctree per top-level section,
captioned with the section's name, in the site's index page. A Sphinx
toctree cannot hold a titled group without a document, so a section inside a
section becomes a page, listed in its parent's toctree under the section's
label: its folder's ``index`` page when the section lists one (it gets a
hidden toctree of the section's other entries), else a page written for it
(``folder/index.md`` when the section is a folder of its own, else a page
named after the label beside its pages) holding the label as its title and a
toctree of the entries. Labels are kept. Without a ``nav``, mkdocs-awesome-pages'
``.pages`` files give the same shape (``pages_nav``). The migration's own
per-folder toctrees then list only the pages no toctree lists yet.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .tokens import markdown

#: A nav item once read: ("page", label, docname), ("link", label, url) or
#: ("section", label, its items).
Item = tuple[str, str, Any]


@dataclass
class Nav:
    """What a site's ``nav`` becomes."""

    #: Captioned toctrees for the site's index page.
    lines: list[str] = field(default_factory=list)
    placed: set[str] = field(default_factory=set)
    #: (the entry's text, to find its line; message).
    problems: list[tuple[str, str]] = field(default_factory=list)
    #: Section pages written for sub-sections: docname → text.
    pages: dict[str, str] = field(default_factory=dict)
    #: Toctree lines added to a sub-section's own index page.
    added: dict[str, list[str]] = field(default_factory=dict)
    #: (section label, the page standing for it).
    sections: list[tuple[str, str]] = field(default_factory=list)


def nav_toctrees(nav: Any, docs: Path, docnames: dict[Path, str], index: str) -> Nav:
    """Toctrees for mkdocs.yml's ``nav``: one captioned toctree per top-level
    section in *index*, a page per sub-section (see the module's docstring)."""
    out = Nav()
    known = set(docnames.values())

    def read(items: Any) -> list[Item]:
        found: list[Item] = []
        for item in items if isinstance(items, list) else []:
            title, value = (
                next(iter(item.items()))
                if isinstance(item, dict) and len(item) == 1
                else (None, item)
            )
            label = "" if title is None else str(title)
            if isinstance(value, list):
                found.append(("section", label, read(value)))
            elif isinstance(value, str) and "://" in value:
                found.append(("link", label, value))
            elif isinstance(value, str):
                docname = docnames.get((docs / value).resolve())
                if docname is None:
                    why = f"nav entry {value!r} is not a page of the docs folder"
                    out.problems.append((value, why))
                else:
                    out.placed.add(docname)
                    found.append(("page", label, docname))
        return found

    def pages_in(items: list[Item]) -> list[str]:
        found: list[str] = []
        for kind, _label, value in items:
            if kind == "page":
                found.append(value)
            elif kind == "section":
                found += pages_in(value)
        return found

    def folder_of(items: list[Item]) -> str:
        folders = [posixpath.dirname(name) for name in pages_in(items)]
        return posixpath.commonpath(folders) if folders else ""

    def entries(items: list[Item], here: str) -> list[str]:
        lines = []
        folder = folder_of(items)
        for kind, label, value in items:
            if kind == "link":
                lines.append(f"{label or value} <{value}>")
                continue
            if kind == "section":
                value = section(label, value, folder)
                if value is None:
                    continue
            if value == here:
                continue
            rel = posixpath.relpath(value, posixpath.dirname(here) or ".")
            lines.append(f"{label} <{rel}>" if label else rel)
        return lines

    def section(label: str, items: list[Item], parent: str) -> str | None:
        own = [
            (i, v)
            for i, (kind, _l, v) in enumerate(items)
            if kind == "page" and posixpath.basename(v) == "index"
        ]
        if own:  # the section's folder index stands for it
            at, docname = own[0]
            rest = items[:at] + items[at + 1 :]
            lines = entries(rest, docname)
            if lines:
                out.added[docname] = ["```{toctree}", ":hidden:", "", *lines, "```"]
        else:
            docname = free_name(label, folder_of(items), parent)
            known.add(docname)
            lines = entries(items, docname)
            if not lines:
                why = f"nav section {label!r} is empty: left out"
                out.problems.append((f"{label}:", why))
                return None
            heading = label or posixpath.basename(posixpath.dirname(docname))
            toctree = ["```{toctree}", ":maxdepth: 1", "", *lines, "```"]
            out.pages[docname] = "\n".join([f"# {heading}", "", *toctree]) + "\n"
        out.placed.add(docname)
        out.sections.append((label, docname))
        return docname

    def free_name(label: str, folder: str, parent: str) -> str:
        # A section that is a folder of its own gets the folder's index page.
        if folder and folder != parent and f"{folder}/index" not in known:
            return f"{folder}/index"
        base = posixpath.join(folder, slug(label) or "section")
        name, n = base, 1
        while name in known:
            n += 1
            name = f"{base}-{n}"
        return name

    blocks_: list[tuple[str, list[str]]] = [("", [])]
    for kind, label, value in read(nav):
        if kind == "section":
            blocks_.append((label, entries(value, index)))
            blocks_.append(("", []))
        else:
            blocks_[-1][1].extend(entries([(kind, label, value)], index))
    for caption, lines in blocks_:
        if lines:
            option = [f":caption: {caption}"] if caption else []
            out.lines += ["", "```{toctree}", ":hidden:", *option, "", *lines, "```"]
    return out


def slug(text: str) -> str:
    """A file name for a section's label: ASCII, lower case, hyphens."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


def listed(texts: dict[str, str], mark: str) -> set[str]:
    """Documents already in a toctree of some page (before *mark*, where the migration adds its own)."""
    found: set[str] = set()
    for name, text in texts.items():
        text = text.split(mark)[0]
        if "toctree" not in text:
            continue
        folder = posixpath.dirname(name)
        for token in markdown("markdown", inline=False).parse(text):
            if token.type != "fence" or not token.info.strip().startswith("{toctree}"):
                continue
            for line in token.content.splitlines():
                entry = line.strip()
                if not entry or entry.startswith(":") or "://" in entry:
                    continue
                if entry.endswith(">") and "<" in entry:
                    entry = entry.rsplit("<", 1)[1][:-1]
                found.add(posixpath.normpath(posixpath.join(folder, entry.lstrip("/"))))
    return found


#: .pages options that only change how MkDocs draws its menu.
PAGES_IGNORED = frozenset(
    {
        "collapse",
        "collapse_single_pages",
        "hide",
        "order",
        "sort_type",
        "order_by",
        "nav",
        "arrange",
        "title",
    }
)


@dataclass
class PagesNav:
    """A nav read from ``.pages`` files, and (file, line, message) to review."""

    nav: list[Any] = field(default_factory=list)
    problems: list[tuple[str, int, str]] = field(default_factory=list)


def pages_nav(docs: Path, docnames: dict[Path, str]) -> PagesNav:
    """mkdocs-awesome-pages' ``.pages`` files as a ``nav`` (same shape as mkdocs.yml's).

    A folder lists its index first, its pages, then its sub-folders, by name
    (MkDocs' order); ``nav:`` (``arrange:`` before v2) reorders and labels
    them, ``...`` standing for those it does not name; ``title:`` names the
    folder's section, ``hide: true`` leaves it out of the menu (its pages stay
    in a hidden toctree), ``collapse: true`` lists a lone page without its
    section.
    """
    out = PagesNav()
    pages = {
        path.relative_to(docs).as_posix()
        for path in docnames
        if path.is_relative_to(docs)
    }

    def meta(folder: Path) -> dict[str, Any]:
        path = folder / ".pages"
        if not path.is_file():
            return {}
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            why = f".pages cannot be read ({error.__class__.__name__}): default order"
            out.problems.append((str(path), 0, why))
            return {}
        data = data if isinstance(data, dict) else {}
        for key in data:
            if key not in PAGES_IGNORED:
                out.problems.append(
                    (
                        str(path),
                        line_of(path, str(key)),
                        f".pages option {key!r} not read",
                    )
                )
        return data

    def title_of(folder: Path, data: dict[str, Any]) -> str:
        if data.get("title"):
            return str(data["title"])
        # MkDocs' own title for a folder.
        name = folder.name.replace("-", " ").replace("_", " ")
        return name[:1].upper() + name[1:] if name[:1].islower() else name

    def children(folder: Path) -> dict[str, Any]:
        rel = folder.relative_to(docs).as_posix()
        prefix = "" if rel == "." else rel + "/"
        files = sorted(
            p[len(prefix) :]
            for p in pages
            if p.startswith(prefix) and "/" not in p[len(prefix) :]
        )
        files.sort(key=lambda f: f.rsplit(".", 1)[0].lower() not in ("index", "readme"))
        subs = sorted(
            {
                p[len(prefix) :].split("/", 1)[0]
                for p in pages
                if p.startswith(prefix) and "/" in p[len(prefix) :]
            }
        )
        found: dict[str, Any] = {f: prefix + f for f in files}
        for sub in subs:
            found[sub] = folder / sub
        return found

    def item(label: str | None, value: Any) -> Any:
        if isinstance(value, Path):
            data = meta(value)
            if data.get("hide") is True:
                return None
            nav = folder_nav(value, data)
            if not nav:
                return None
            collapse = data.get("collapse_single_pages") or data.get("collapse")
            if collapse and len(nav) == 1:
                return nav[0]
            return {label or title_of(value, data): nav}
        return {label: value} if label else value

    def folder_nav(folder: Path, data: dict[str, Any]) -> list[Any]:
        available = children(folder)
        spec = data.get("nav", data.get("arrange"))
        if not isinstance(spec, list):
            spec = ["..."]
        named: list[tuple[str | None, Any] | None] = []  # None: where "..." goes
        used: set[str] = set()
        for entry in spec:
            label, target = (
                next(iter(entry.items()))
                if isinstance(entry, dict) and len(entry) == 1
                else (None, entry)
            )
            target = str(target).strip()
            if target.startswith("..."):
                if target != "...":
                    where = folder / ".pages"
                    out.problems.append(
                        (
                            str(where),
                            line_of(where, target),
                            f".pages entry {target!r}: read as '...'",
                        )
                    )
                named.append(None)
            elif "://" in target:
                named.append((str(label), target))
            elif target.rstrip("/") in available:
                used.add(target.rstrip("/"))
                named.append(
                    (
                        None if label is None else str(label),
                        available[target.rstrip("/")],
                    )
                )
            else:
                where = folder / ".pages"
                out.problems.append(
                    (
                        str(where),
                        line_of(where, target),
                        f".pages entry {target!r} is not a page or folder here: left out",
                    )
                )
        nav: list[Any] = []
        for one in named:
            pairs = (
                [(None, v) for k, v in available.items() if k not in used]
                if one is None
                else [one]
            )
            for label, value in pairs:
                made = item(label, value)
                if made is not None:
                    nav.append(made)
        return nav

    out.nav = folder_nav(docs, meta(docs))
    return out


def line_of(path: Path, text: str) -> int:
    """The first line of *path* holding *text* (0 when none does)."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return 0
    return next((n for n, line in enumerate(lines, 1) if text in line), 0)
