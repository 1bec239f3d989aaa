"""Toctrees: an MkDocs ``nav``, and the pages already listed in some toctree.

``mkdocs.yml``'s ``nav`` becomes one hidden toctree per section, captioned
with the section's name, in the site's index page; the migration's own
per-folder toctrees then list only the pages no toctree lists yet.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from .tokens import markdown


def nav_toctrees(
    nav: Any, docs: Path, docnames: dict[Path, str], index: str
) -> tuple[list[str], set[str], list[str]]:
    """Toctrees for mkdocs.yml's ``nav`` (one per section, captioned).

    Returns the lines, the docnames they place, and problems to report.
    """
    folder = posixpath.dirname(index)
    blocks_: list[tuple[str, list[str]]] = [("", [])]
    placed: set[str] = set()
    problems: list[str] = []

    def entry(title: str | None, target: str) -> str | None:
        if "://" in target:
            return f"{title or target} <{target}>"
        docname = docnames.get((docs / target).resolve())
        if docname is None:
            problems.append(f"nav entry {target!r} is not a page of the docs folder")
            return None
        placed.add(docname)
        if docname == index:
            return None
        rel = posixpath.relpath(docname, folder or ".")
        return f"{title} <{rel}>" if title else rel

    def walk(items: Any, section: str | None, depth: int) -> None:
        for item in items if isinstance(items, list) else []:
            title, value = (
                next(iter(item.items()))
                if isinstance(item, dict) and len(item) == 1
                else (None, item)
            )
            if isinstance(value, list):
                if depth == 0:
                    blocks_.append((str(title or ""), []))
                else:
                    problems.append(
                        f"nav section {title!r} inside {section!r} flattened into it"
                    )
                walk(value, str(title or section), depth + 1)
                if depth == 0:
                    blocks_.append(("", []))
            elif isinstance(value, str):
                line = entry(str(title) if title else None, value)
                if line:
                    blocks_[-1][1].append(line)

    walk(nav, None, 0)
    lines: list[str] = []
    for caption, entries in blocks_:
        if entries:
            option = [f":caption: {caption}"] if caption else []
            lines += ["", "```{toctree}", ":hidden:", *option, "", *entries, "```"]
    return lines, placed, problems


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
