"""The front matter: read with each key's line, tidied, and its persona buttons.

A front matter nothing changes is kept as written (comments, quoting and key
order included); one that changes is written again as YAML.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .jekyll import content_strings
from .links import resolve
from .model import Doc, Edit
from .tokens import parse

__all__ = ["content_strings", "dump", "load", "tidy"]

DROPPED_LAYOUTS = ("page", "post", "default", "home", "faq", "doc", "article")
#: MultiMarkdown metadata (MkDocs, Pelican): ``Key: value`` lines opening the page.
META_LINE = re.compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$")


def load(doc: Doc) -> tuple[int, int] | None:
    """Read the front matter into ``doc.front``; return its line range, if any."""
    for token in parse(doc):
        if token.type == "front_matter" and token.map:
            start, end = token.map
            break
    else:
        if doc.site.flavour in ("mkdocs", "pelican"):
            return meta(doc)
        return None
    text = "\n".join(doc.lines[start + 1 : end - 1])
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        loaded = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f", line {doc.origin(start + 1 + mark.line)[1]}" if mark else ""
        why = f"front matter is not valid YAML ({error.__class__.__name__}{where})"
        comment(doc, start, end, why)
        return None
    if loaded is None:
        return (start, end)
    if not isinstance(loaded, dict) or not isinstance(node, yaml.MappingNode):
        comment(doc, start, end, "front matter is not a mapping")
        return None
    doc.front = loaded
    for key_node, value_node in node.value:
        key = str(key_node.value)
        doc.front_lines[key] = start + 1 + key_node.start_mark.line
        if key == "buttons" and isinstance(value_node, yaml.SequenceNode):
            for number, item in enumerate(value_node.value):
                doc.front_lines[f"buttons.{number}"] = start + 1 + item.start_mark.line
    return (start, end)


def meta(doc: Doc) -> tuple[int, int] | None:
    """MultiMarkdown metadata lines at the top of the page, read as front matter."""
    found: dict[str, Any] = {}
    line = 0
    key = ""
    while line < len(doc.lines) and doc.lines[line].strip():
        match = META_LINE.match(doc.lines[line])
        if match:
            key = match.group(1).lower()
            found[key] = match.group(2).strip()
            doc.front_lines[key] = line
        elif key and doc.lines[line].startswith((" ", "\t")):
            found[key] = f"{found[key]} {doc.lines[line].strip()}".strip()
        else:
            return None
        line += 1
    if not found:
        return None
    doc.front = found
    doc.note(0, "converted", "MultiMarkdown metadata → front matter")
    return (0, line)


def comment(doc: Doc, start: int, end: int, why: str) -> None:
    doc.note(start, "comment", f"{why}: kept in a comment")
    lines = ["% " + line if line else "%" for line in doc.lines[start:end]]
    doc.apply([Edit(start, end, lines, doc.origins[start:end])])


def tidy(doc: Doc, span: tuple[int, int] | None) -> list[str]:
    """Tidy the front matter in place; return the persona block its buttons make."""
    front = {k: v for k, v in doc.front.items() if k not in doc.front_dropped}
    line = span[0] if span else 0
    persona_block: list[str] = []
    buttons = front.pop("buttons", None)
    if isinstance(buttons, list) and buttons:
        persona_block = personas(doc, buttons)
    elif buttons is not None:
        front["buttons"] = buttons
        doc.note(
            doc.front_lines.get("buttons", line),
            "review",
            "front matter 'buttons' is not a list: kept",
        )
    layout = front.pop("layout", None)
    if layout == "landing" or doc.has_hero:
        front["layout"] = "landing"
    elif layout not in (None, *DROPPED_LAYOUTS):
        front["layout"] = layout
        doc.note(
            doc.front_lines.get("layout", line),
            "review",
            f"layout {layout!r} kept as written",
        )
    for key in ("template", "permalink", "redirect_from", "hide"):
        if key in front:
            doc.note(
                doc.front_lines.get(key, line),
                "review",
                f"front matter {key!r} has no effect in Sphinx",
            )
    if front != doc.front or (span and not doc.lines[span[0]].startswith("---")):
        text = dump(front)
        lines = text.split("\n")[:-1] if text else []
        start, end = span or (0, 0)
        if not span and lines:
            lines.append("")
        doc.apply([Edit(start, end, lines, [doc.origin(start)] * len(lines))])
        doc.front_span = (start, start + len(lines)) if lines else None
    doc.front = front
    return persona_block


def personas(doc: Doc, buttons: list[Any]) -> list[str]:
    block = ["", ":::::{persona-tabs}"]
    for number, item in enumerate(buttons):
        line = doc.front_lines.get(
            f"buttons.{number}", doc.front_lines.get("buttons", 0)
        )
        if not isinstance(item, dict) or not item.get("title"):
            doc.note(line, "review", f"persona button {item!r} has no title: skipped")
            continue
        title = str(item["title"]).strip()
        page = str(item.get("default") or item.get("page") or "").strip()
        block += ["", f"::::{{persona}} {title}"]
        docname = resolve(doc.page, doc.pages, "/" + page) if page else None
        if docname:
            block.append(f":page: /{docname}")
        else:
            if page:
                doc.note(
                    line,
                    "outside",
                    f"persona page {page!r} is outside the migrated pages",
                )
            block.append(f"TODO : contenu de la page « {page or title} ».")
        block.append("::::")
    line = doc.front_lines.get("buttons", 0)
    doc.note(line, "converted", f"front matter buttons → persona tabs ({len(buttons)})")
    return [*block, ":::::", ""]


def dump(front: dict[str, Any]) -> str:
    if not front:
        return ""
    text = yaml.safe_dump(
        front, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000
    )
    return f"---\n{text}---\n"
