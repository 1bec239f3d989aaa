"""Jekyll's Liquid: includes, ``{% raw %}``, ``{{ site.x }}``, links and the rest.

Jekyll runs Liquid before Markdown; here it is read from the parsed page, so
nothing inside a code block is touched — with one exception: in a Jekyll
site, the ``{% raw %}`` markers themselves, which only ever escaped Liquid
and were never shown, are removed from code blocks too.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path, PurePosixPath
from typing import Any

from .htmltext import html_markdown
from .model import Doc, Edit
from .tokens import line_offsets, literal_lines, parse, rewrite, segments

RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}", re.DOTALL)
RAW_MARK = re.compile(r"\{%-?\s*(?:end)?raw\s*-?%\}")
INCLUDE = re.compile(
    r"\{%-?\s*include(?P<relative>_relative)?\s+(?P<file>[^\s%]+)(?P<params>.*?)-?%\}"
)
PARAM = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
INCLUDE_VAR = re.compile(r"\{\{-?\s*include\.(\w+)[^}]*?-?\}\}")
HIGHLIGHT = re.compile(r"^\s*\{%-?\s*highlight\s+(\w[\w+-]*)[^%]*-?%\}\s*$")
END_HIGHLIGHT = re.compile(r"^\s*\{%-?\s*endhighlight\s*-?%\}\s*$")
COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}", re.DOTALL)
TAG = re.compile(r"\{%-?\s*(\w+)(.*?)-?%\}")
OUTPUT = re.compile(r"\{\{-?\s*+(?!\$)(.*?)\s*-?\}\}")
#: Includes included by includes: deeper than this is taken for a loop.
MAX_DEPTH = 8
HTML_SUFFIXES = (".html", ".htm")
#: Includes inlined: Markdown and text as they are, HTML written as Markdown.
INCLUDED_SUFFIXES = ("", ".md", ".markdown", ".txt", *HTML_SUFFIXES)


def convert(doc: Doc) -> None:
    highlights(doc)
    depth = 0
    while depth < MAX_DEPTH and includes(doc, final=False):
        depth += 1
    includes(doc, final=True, too_deep=depth == MAX_DEPTH)
    comments(doc)
    tokens = parse(doc)
    protect = [m.span(1) for m in RAW.finditer(doc.text)]
    edits = rewrite(
        doc, tokens, TAG, lambda m, line: tag(doc, m, line), protect=protect
    )
    doc.apply(edits)
    tokens = parse(doc)
    protect = [m.span(1) for m in RAW.finditer(doc.text)]
    doc.apply(
        rewrite(
            doc, tokens, OUTPUT, lambda m, line: output(doc, m, line), protect=protect
        )
    )
    raw_markers(doc)


def highlights(doc: Doc) -> None:
    """``{% highlight lang %}`` blocks become fenced code blocks."""
    literal = literal_lines(parse(doc))
    edits: list[Edit] = []
    line = 0
    while line < len(doc.lines):
        match = HIGHLIGHT.match(doc.lines[line])
        if match is None or line in literal:
            line += 1
            continue
        end = next(
            (
                n
                for n in range(line + 1, len(doc.lines))
                if END_HIGHLIGHT.match(doc.lines[n])
            ),
            None,
        )
        if end is None:
            break
        body = doc.lines[line + 1 : end]
        runs = [len(run) for text in body for run in re.findall(r"`{3,}", text)]
        ticks = "`" * max([3, *(run + 1 for run in runs)])
        lines = [f"{ticks}{match.group(1)}", *body, ticks]
        edits.append(Edit(line, end + 1, lines, doc.origins[line : end + 1]))
        doc.note(line, "converted", "Liquid highlight block → fenced code block")
        line = end + 1
    doc.apply(edits)


def includes(doc: Doc, final: bool, too_deep: bool = False) -> bool:
    """Inline the Markdown files ``{% include %}`` names; True if any was inlined.

    The *final* round keeps the includes left in comments and reports them.
    """
    tokens = parse(doc)
    protect = [m.span(1) for m in RAW.finditer(doc.text)]
    edits: list[Edit] = []
    for segment in segments(tokens):
        for line in range(segment.start, segment.end):
            text = doc.lines[line]
            matches = [
                m
                for m in INCLUDE.finditer(text)
                if not in_ranges(doc, line, m, protect)
            ]
            if not matches:
                continue
            alone = len(matches) == 1 and text.strip() == matches[0].group(0)
            if not final:
                edit = include_edit(doc, line, matches, alone)
                if edit is not None:
                    edits.append(edit)
                continue
            if alone:
                why = (
                    "includes nested too deeply (a loop?)"
                    if too_deep
                    else why_not(doc, line, matches[0])
                )
                doc.note(
                    line,
                    "comment",
                    f"Liquid {matches[0].group(0)!r} kept as a comment: {why}",
                )
                indent = text[: len(text) - len(text.lstrip())]
                edits.append(Edit(line, line + 1, [f"{indent}% {text.strip()}"]))
                continue
            for match in matches:
                doc.note(
                    line,
                    "review",
                    f"Liquid {match.group(0)!r} inside a line kept as written",
                )
    doc.apply(edits)
    return bool(edits) and not final


def include_edit(
    doc: Doc, line: int, matches: list[re.Match[str]], alone: bool
) -> Edit | None:
    """Inline an include alone on its line, or one-line includes inside a line."""
    if alone:
        found = include_file(doc, line, matches[0])
        return None if found is None else inline_include(doc, line, matches[0], *found)
    text = doc.lines[line]
    for match in reversed(matches):
        found = include_file(doc, line, match)
        if found is None or "\n" in found[1]:
            return None
        text = text[: match.start()] + found[1] + text[match.end() :]
    for match in matches:
        doc.note(line, "converted", f"Liquid include {match.group('file')!r} inlined")
    return Edit(line, line + 1, [text], [doc.origin(line)])


def in_ranges(
    doc: Doc, line: int, match: re.Match[str], ranges: list[tuple[int, int]]
) -> bool:
    offset = sum(len(text) + 1 for text in doc.lines[:line]) + match.start()
    return any(start <= offset < end for start, end in ranges)


def inline_include(
    doc: Doc, line: int, match: re.Match[str], path: Path, content: str
) -> Edit:
    text = doc.lines[line]
    indent = text[: len(text) - len(text.lstrip())]
    lines = [indent + part if part else part for part in content.split("\n")]
    origins = [(str(path), number + 1) for number in range(len(lines))]
    doc.note(line, "converted", f"Liquid include {match.group('file')!r} inlined")
    return Edit(line, line + 1, lines, origins)


def include_path(doc: Doc, line: int, match: re.Match[str]) -> Path | None:
    name = match.group("file").strip("\"'")  # Jekyll accepts it quoted too
    if "{{" in name:
        return None
    if match.group("relative"):
        here = Path(doc.origin(line)[0]).parent
        folders = [here]
    else:
        folders = doc.site.include_dirs
    for folder in folders:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def include_file(doc: Doc, line: int, match: re.Match[str]) -> tuple[Path, str] | None:
    path = include_path(doc, line, match)
    if path is None or path.suffix.lower() not in INCLUDED_SUFFIXES:
        return None
    try:
        content = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        return None
    params = {
        m.group(1): next((g for g in m.groups()[1:] if g is not None), "")
        for m in PARAM.finditer(match.group("params"))
    }
    content = INCLUDE_VAR.sub(lambda m: params.get(m.group(1), ""), content)
    if path.suffix.lower() in HTML_SUFFIXES:
        lines = html_markdown(content)
        if lines is None:
            return None
        content = "\n".join(lines)
    return path, content.rstrip("\n")


def why_not(doc: Doc, line: int, match: re.Match[str]) -> str:
    path = include_path(doc, line, match)
    if path is None:
        where = ", ".join(shown(doc, d) for d in doc.site.include_dirs)
        return f"file not found (in {where or 'no _includes folder'})"
    if path.suffix.lower() in HTML_SUFFIXES:
        return "its HTML has no Markdown equivalent (a form, a loop…)"
    return f"{path.suffix or 'this'} file is not Markdown"


def shown(doc: Doc, folder: Path) -> str:
    """*folder* as the report shows it: relative to the site, when inside it."""
    for base in (
        doc.site.config_path.parent if doc.site.config_path else None,
        doc.site.root,
    ):
        if base is not None and folder.is_relative_to(base):
            return folder.relative_to(base).as_posix() + "/"
    return str(folder)


def comments(doc: Doc) -> None:
    """``{% comment %}`` blocks spanning whole lines become MyST comments."""
    literal = literal_lines(parse(doc))
    starts = line_offsets(doc.lines)
    edits: list[Edit] = []
    for match in COMMENT.finditer(doc.text):
        first = bisect.bisect_right(starts, match.start()) - 1
        last = bisect.bisect_right(starts, match.end() - 1) - 1
        if literal.intersection(range(first, last + 1)):
            continue
        if doc.lines[first].strip().startswith("{%") and doc.lines[
            last
        ].rstrip().endswith("%}"):
            lines = [
                "% " + text if text.strip() else "%"
                for text in doc.lines[first : last + 1]
            ]
            edits.append(Edit(first, last + 1, lines, doc.origins[first : last + 1]))
            doc.note(
                first,
                "comment",
                "Liquid comment kept as a MyST comment" + doc.span(first, last + 1),
            )
    doc.apply(edits)


def tag(doc: Doc, match: re.Match[str], line: int) -> str | None:
    name, argument = match.group(1), match.group(2).strip()
    if name in ("raw", "endraw", "include", "include_relative"):
        return None  # removed at the end / already reported
    if name == "link":
        parts = PurePosixPath(argument.split()[0] if argument else "").parts
        path = "/".join(p.removeprefix("_") for p in parts)
        doc.note(line, "converted", f"Liquid link to {argument!r} → '/{path}'")
        return "/" + path
    if doc.lines[line].strip() == match.group(0):
        doc.note(line, "comment", f"Liquid {match.group(0)!r} kept as a comment")
        return "% " + match.group(0)
    doc.note(line, "review", f"Liquid {match.group(0)!r} kept as written")
    return None


def output(doc: Doc, match: re.Match[str], line: int) -> str | None:
    """``{{ site.x }}``, ``{{ page.x }}`` and ``{{ "/x" | relative_url }}``."""
    expression, *filters = [part.strip() for part in match.group(1).split("|")]
    value = lookup(doc, expression)
    for name in filters:
        if value is None or name not in ("relative_url", "absolute_url", "strip"):
            value = None
            break
        if name == "absolute_url":
            value = str(doc.site.config.get("url", "")).rstrip("/") + str(value)
    if value is None or isinstance(value, dict | list):
        doc.note(line, "review", f"Liquid {match.group(0)!r} kept as written")
        return None
    doc.note(line, "converted", f"Liquid {match.group(0)!r} → {str(value)!r}")
    return str(value)


def lookup(doc: Doc, expression: str) -> Any:
    if re.fullmatch(r"""(["']).*\1""", expression):
        return expression[1:-1]
    if expression == "site.baseurl":
        return ""  # pages are linked by document now, not below a prefix
    scope, _dot, path = expression.partition(".")
    data: Any = {"site": doc.site.config, "page": doc.front}.get(scope)
    for key in path.split(".") if path else []:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return None if data is doc.site.config or data is doc.front else data


def raw_markers(doc: Doc) -> None:
    """Remove ``{% raw %}`` markers: their content stays exactly as written.

    In a Jekyll site, Liquid ran over code blocks too, so markers there were
    never shown either; elsewhere code blocks are left exactly as written.
    """
    literal = set() if doc.site.flavour == "jekyll" else literal_lines(parse(doc))
    edits: list[Edit] = []
    for line, text in enumerate(doc.lines):
        if not RAW_MARK.search(text) or line in literal:
            continue
        if not RAW_MARK.sub("", text).strip():
            edits.append(doc.removal(line, line + 1))
        else:
            edits.append(
                Edit(line, line + 1, [RAW_MARK.sub("", text)], [doc.origin(line)])
            )
    if edits:
        count = f"{len(edits)} line" + ("s" if len(edits) > 1 else "")
        # mkdocs-macros reads the same markers (with Jinja, not Liquid).
        engine = "Jinja" if doc.site.flavour == "mkdocs" else "Liquid"
        doc.note(edits[0].start, "converted", f"{engine} raw markers removed ({count})")
    doc.apply(edits)
