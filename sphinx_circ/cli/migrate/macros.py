"""mkdocs-macros: ``{% include %}``, ``{{ config.x }}``, ``{{ page.meta.x }}``.

In a site whose ``mkdocs.yml`` lists the ``macros`` plugin, pages are Jinja
templates. Includes alone on their line are inlined (looked for in the
plugin's ``include_dir``, then ``docs_dir``, then ``mkdocs.yml``'s folder);
variables are resolved from ``mkdocs.yml`` (``config.*``, ``extra`` keys,
with or without ``extra.``) and the page's front matter (``page.meta.*``,
``page.title``), through the filters ``upper``, ``lower``, ``title``,
``trim``, ``default`` and ``date_localized``. Everything else stays visible:
a tag alone on its line becomes a MyST comment (MyST would read it as block
attributes and drop it), one inside a line a code span. ``{% raw %}``
markers are removed and what they hold kept as written. Code blocks are
never touched, although mkdocs-macros rendered them too: a template there is
reported. In a site without the plugin, ``{{ … }}`` and ``{% … %}`` are text.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

from . import liquid
from .model import Doc, Edit
from .tokens import literal_lines, parse, rewrite, segments

#: A Jinja expression, statement or comment, on one line.
TEMPLATE = re.compile(
    r"\{\{-?\s*(?P<expression>.*?)\s*-?\}\}"
    r"|\{%-?\s*(?P<tag>\w+)(?P<argument>.*?)\s*-?%\}"
    r"|\{#.*?#\}"
)
INCLUDE = re.compile(r"""^\s*\{%-?\s*include\s+(["'])(?P<file>[^"']+)\1\s*-?%\}\s*$""")
FILTER = re.compile(r"""^(?P<name>\w+)\s*(?:\(\s*(?P<argument>.*?)\s*\))?$""")
STRING = re.compile(r"""^(["'])(?P<text>.*)\1$""")
MAX_DEPTH = 8
#: Tags whose lines decide what is shown: the migration shows it all.
CONTROL = ("if", "elif", "else", "endif", "for", "endfor")
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def active(doc: Doc) -> bool:
    """Whether the site renders its pages with mkdocs-macros."""
    return settings(doc) is not None


def settings(doc: Doc) -> dict[str, Any] | None:
    """The macros plugin's settings (``{}`` if it has none), None without it."""
    for plugin in doc.site.config.get("plugins") or []:
        if plugin == "macros":
            return {}
        if isinstance(plugin, dict) and "macros" in plugin:
            found = plugin["macros"]
            return found if isinstance(found, dict) else {}
    return None


def convert(doc: Doc) -> None:
    if not active(doc):
        return
    for _depth in range(MAX_DEPTH):
        if not includes(doc):
            break
    protect = [m.span(1) for m in liquid.RAW.finditer(doc.text)]
    doc.apply(
        rewrite(
            doc,
            parse(doc),
            TEMPLATE,
            lambda match, line: template(doc, match, line),
            ("inline",),
            protect,
        )
    )
    liquid.raw_markers(doc)
    in_code(doc)


# -- includes ---------------------------------------------------------------------


def include_dirs(doc: Doc) -> list[Path]:
    base = doc.site.config_path.parent if doc.site.config_path else doc.site.root
    folders = []
    include_dir = (settings(doc) or {}).get("include_dir")
    if include_dir:
        folders.append(base / str(include_dir))
    return list(dict.fromkeys([*folders, doc.site.root, base]))


def find_include(doc: Doc, name: str) -> Path | None:
    for folder in include_dirs(doc):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def includes(doc: Doc) -> bool:
    """Inline the files of includes alone on their line; True if any was."""
    edits: list[Edit] = []
    for segment in segments(parse(doc)):
        if segment.kind != "inline":
            continue
        for line in range(segment.start, segment.end):
            match = INCLUDE.match(doc.lines[line])
            if match is None:
                continue
            path = find_include(doc, match.group("file"))
            if path is None:
                continue
            try:
                content = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
            except (OSError, UnicodeDecodeError):
                continue
            text = doc.lines[line]
            indent = text[: len(text) - len(text.lstrip())]
            lines = [
                indent + part if part else part
                for part in content.rstrip("\n").split("\n")
            ]
            origins = [(str(path), number + 1) for number in range(len(lines))]
            doc.note(
                line,
                "converted",
                f"mkdocs-macros include {match.group('file')!r} inlined",
            )
            # Blank lines around, as the include stood alone: no paragraph merges.
            before = [""] if line > 0 and doc.lines[line - 1].strip() else []
            after = (
                [""]
                if line + 1 < len(doc.lines) and doc.lines[line + 1].strip()
                else []
            )
            edits.append(
                Edit(
                    line,
                    line + 1,
                    [*before, *lines, *after],
                    [origins[0]] * len(before) + origins + [origins[-1]] * len(after),
                )
            )
    return doc.apply(edits)


# -- variables and tags -----------------------------------------------------------


def template(doc: Doc, match: re.Match[str], line: int) -> str | None:
    text = match.group(0)
    alone = doc.lines[line].strip() == text
    if match.group("expression") is not None:
        value = evaluate(doc, match.group("expression"))
        if value is not None:
            doc.note(line, "converted", f"mkdocs-macros {text!r} → {value!r}")
            return value
        why = "not resolved"
    elif match.group("tag") in ("raw", "endraw"):
        return None  # the markers are removed afterwards
    elif match.group("tag") == "include":
        why = include_why(doc, match.group("argument"), alone)
    elif match.group("tag") in CONTROL:
        why = "what it governs is shown in any case"
    elif text.startswith("{#"):
        why = "a template comment"
    else:
        why = "not run"
    if alone:
        doc.note(line, "comment", f"mkdocs-macros {text!r} kept as a comment: {why}")
        return "% " + text
    doc.note(line, "review", f"mkdocs-macros {text!r} kept as code in the text: {why}")
    ticks = "``" if "`" in text else "`"
    return f"{ticks}{text}{ticks}"


def include_why(doc: Doc, argument: str, alone: bool) -> str:
    name = argument.strip().strip("\"'")
    if find_include(doc, name) is None:
        where = ", ".join(liquid.shown(doc, d) for d in include_dirs(doc))
        return f"file not found (in {where})"
    return "includes nested too deeply (a loop?)" if alone else "inside a line"


def evaluate(doc: Doc, expression: str) -> str | None:
    """The text of a variable and its filters, None if it cannot be known here."""
    name, *filters = [part.strip() for part in expression.split("|")]
    value = lookup(doc, name)
    for text in filters:
        match = FILTER.match(text)
        if match is None:
            return None
        value = apply_filter(doc, value, match.group("name"), match.group("argument"))
    if value is None or isinstance(value, dict | list):
        return None
    if isinstance(value, bool):
        return "True" if value else "False"
    return str(value)


def lookup(doc: Doc, name: str) -> Any:
    string = STRING.match(name)
    if string:
        return string.group("text")
    config = doc.site.config
    found = config.get("extra")
    extra: dict[str, Any] = found if isinstance(found, dict) else {}
    parts = name.split(".")
    data: Any
    if parts[0] == "config":
        data, keys = config, parts[1:]
    elif parts[0] == "extra":
        data, keys = extra, parts[1:]
    elif parts[:2] == ["page", "meta"]:
        data, keys = doc.front, parts[2:]
    elif parts == ["page", "title"]:
        return doc.front.get("title")
    elif parts[0] in extra:
        data, keys = extra, parts
    else:
        return None
    if not keys:
        return None
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def apply_filter(doc: Doc, value: Any, name: str, argument: str | None) -> Any:
    if name in ("default", "d"):
        string = STRING.match(argument or "")
        if value is None and string:
            return string.group("text")
        return value
    if value is None:
        return None
    if name in ("upper", "lower", "title") and isinstance(value, str):
        return getattr(value, name)()
    if name == "trim" and isinstance(value, str):
        return value.strip()
    if name == "date_localized" and isinstance(value, datetime.date | str):
        return localized(doc, value)
    return None


def localized(doc: Doc, value: datetime.date | str) -> str | None:
    """A date as the site's language writes it (French: « 5 mai 2024 »)."""
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    theme = doc.site.config.get("theme")
    language = theme.get("language", "fr") if isinstance(theme, dict) else "fr"
    if str(language).split("-")[0] != "fr":
        return value.isoformat()
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day} {MONTHS[value.month - 1]} {value.year}"


def in_code(doc: Doc) -> None:
    """Report templates in code blocks: mkdocs-macros rendered them, here they are kept."""
    tokens = parse(doc)
    literal = literal_lines(tokens)
    for token in tokens:
        if token.type not in ("fence", "code_block") or token.map is None:
            continue
        for line in range(*token.map):
            if line in literal and TEMPLATE.search(doc.lines[line]):
                doc.note(
                    line,
                    "review",
                    "mkdocs-macros template in a code block kept as written "
                    "(the old site rendered it)",
                )
                break
