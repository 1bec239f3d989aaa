"""VuePress text: ``{{ $page.title }}`` interpolation, ``::: tip`` containers, ``[[toc]]``.

Interpolations naming the page (its title, its front matter) are resolved
from the front matter; anything else Vue computes is kept and reported.
Containers become admonitions (a container of a type VuePress does not know
keeps its title as the admonition's, its type as a class); ``[[toc]]``
becomes the contents directive.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it.token import Token

from .model import Doc, Edit, Out
from .tokens import closing, parse, rewrite

INTERPOLATION = re.compile(r"\{\{\s*(.*?)\s*\}\}")
#: ``$page.frontmatter.key``, ``$frontmatter.key``, ``$frontmatter['key']``.
PATH = re.compile(r"""^\$?(?:page\.)?frontmatter((?:\.\w+|\[['"][^'"]+['"]\])+)$""")
ADMONITIONS = {
    "tip": "tip",
    "warning": "warning",
    "danger": "danger",
    "note": "note",
    "info": "note",
    "important": "important",
    "caution": "caution",
}
CONTAINER_INFO = re.compile(r"^\s*([\w-]+)\s*(.*)$")
#: markdown-it-py reads VuePress's ``[[toc]]`` as a paragraph of its own.
TOC = re.compile(r"^\[\[toc\]\]$", re.IGNORECASE)


def frontmatter_path(doc: Doc, expression: str) -> tuple[bool, Any]:
    """(whether *expression* names the front matter, the value it names)."""
    expression = expression.replace("$page.frontmatter", "$frontmatter")
    match = PATH.match(expression)
    if not match or not expression.startswith("$"):
        return False, None
    data: Any = doc.front
    for key in re.findall(r"""\.(\w+)|\[['"]([^'"]+)['"]\]""", match.group(1)):
        name = key[0] or key[1]
        if not isinstance(data, dict) or name not in data:
            return True, None
        data = data[name]
    return True, data


def page_title(doc: Doc, tokens: list[Token]) -> str | None:
    if doc.front.get("title"):
        return str(doc.front["title"])
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h1":
            return tokens[index + 1].content.strip()
    return None


def resolve(doc: Doc, expression: str, tokens: list[Token]) -> tuple[bool, Any]:
    """(whether *expression* is one this migration knows, its value or None)."""
    expression = expression.strip()
    if expression in ("$page.title", "$title"):
        return True, page_title(doc, tokens)
    return frontmatter_path(doc, expression)


def interpolate(doc: Doc) -> None:
    tokens = parse(doc)
    protect = vpre_ranges(doc, tokens)

    def replace(match: re.Match[str], line: int) -> str | None:
        expression = match.group(1)
        known, value = resolve(doc, expression, tokens)
        if not expression.startswith("$") and doc.site.liquid:
            return None  # Liquid's, read by the Liquid step
        if not known or value is None or isinstance(value, dict | list):
            why = (
                "its value is not in the front matter"
                if known
                else "Vue computes it at run time"
            )
            doc.note(line, "review", f"Vue {match.group(0)!r} kept as written: {why}")
            return None
        doc.note(line, "converted", f"Vue {match.group(0)!r} → {str(value)!r}")
        return str(value)

    doc.apply(rewrite(doc, tokens, INTERPOLATION, replace, protect=protect))


def vpre_ranges(doc: Doc, tokens: list[Token]) -> list[tuple[int, int]]:
    """Character ranges inside ``::: v-pre`` containers (never interpolated)."""
    ranges = []
    offsets = [0]
    for text in doc.lines:
        offsets.append(offsets[-1] + len(text) + 1)
    for token in tokens:
        if (
            token.type == "container_colon_open"
            and token.info.strip() == "v-pre"
            and token.map
        ):
            ranges.append(
                (offsets[token.map[0]], offsets[min(token.map[1] + 1, len(doc.lines))])
            )
    return ranges


#: A colon fence with at most a type: a container that shows nothing by itself.
BARE_FENCE = re.compile(r"^\s*:{3,}\s*[\w-]*\s*$")


def containers(doc: Doc) -> None:
    """VuePress ``::: tip Title`` containers become MyST admonitions or dropdowns."""
    while True:
        tokens = parse(doc)
        index = next(
            (
                i
                for i, t in enumerate(tokens)
                if t.type == "container_colon_open"
                and t.map
                and not t.info.strip().startswith("{")
            ),
            None,
        )
        if index is None:
            return stray_fences(doc)
        doc.apply(container(doc, tokens, index))


def stray_fences(doc: Doc) -> None:
    """A ``:::`` line closing no container (VuePress shows it as text)."""
    edits: list[Edit] = []
    for token in parse(doc):
        if token.type != "paragraph_open" or not token.map:
            continue
        start, end = token.map
        if end - start == 1 and re.fullmatch(r":{3,}", doc.lines[start].strip()):
            doc.note(start, "review", "VuePress ':::' closing no container: removed")
            edits.append(doc.removal(start, end))
    doc.apply(edits)


def depth(tokens: list[Token], index: int) -> int:
    """How deep colon fences nest inside the one opened at *index*."""
    deepest, level = 0, 0
    for token in tokens[index + 1 : closing(tokens, index)]:
        if token.type == "container_colon_open":
            level += 1
            deepest = max(deepest, level)
        elif token.type == "container_colon_close":
            level -= 1
    return deepest


def enclosed(tokens: list[Token], index: int) -> bool:
    """Whether the colon fence opened at *index* is inside another."""
    level = 0
    for token in tokens[:index]:
        if token.type == "container_colon_open":
            level += 1
        elif token.type == "container_colon_close":
            level -= 1
    return level > 0


def container(doc: Doc, tokens: list[Token], index: int) -> list[Edit]:
    """The edits converting one container (line counts change: one at a time)."""
    token = tokens[index]
    assert token.map is not None
    start, end = token.map
    closed = end < len(doc.lines) and doc.lines[end].strip().startswith(token.markup)
    if (
        closed
        and enclosed(tokens, index)
        and len(doc.lines[end].strip()) > len(token.markup)
    ):
        closed = False  # a longer fence closes the container around, not this one
    indent = doc.lines[start][: len(doc.lines[start]) - len(doc.lines[start].lstrip())]
    # VuePress nests containers of one length; MyST needs outer fences longer.
    fence = ":" * max(len(token.markup), 3 + depth(tokens, index))
    match = CONTAINER_INFO.match(token.info)
    name, title = (match.group(1), match.group(2).strip()) if match else ("", "")
    name = name.lower()  # VuePress reads "::: Tip" as "::: tip"
    # Inner containers with neither title nor content will be removed too.
    empty = all(
        not text.strip() or BARE_FENCE.match(text)
        for text in doc.lines[start + 1 : end]
    )
    head = Out(doc)
    if empty and name != "v-pre":
        return empty_container(doc, start, end, closed, indent, name, title)
    if name in ADMONITIONS and not title:
        head.add(f"{indent}{fence}{{{ADMONITIONS[name]}}}", start)
    elif name in ADMONITIONS:
        head.add(f"{indent}{fence}{{admonition}} {title}", start)
        head.add(f"{indent}:class: {ADMONITIONS[name]}", start)
    elif name == "details":
        head.add(f"{indent}{fence}{{dropdown}} {title or 'Détails'}", start)
    elif title:
        # A site's own type (a glossary term…): its title is content.
        head.add(f"{indent}{fence}{{admonition}} {title}", start)
        head.add(f"{indent}:class: {name}", start)
    else:
        kind = "v-pre container" if name == "v-pre" else f"container '{name}'"
        doc.note(start, "converted" if name == "v-pre" else "review",
                 f"VuePress {kind}: its markers removed, its content kept")  # fmt: skip
        return [
            Edit(start, start + 1, []),
            *([Edit(end, end + 1, [])] if closed else []),
        ]
    following = doc.lines[start + 1].lstrip() if start + 1 < len(doc.lines) else ""
    if len(head.lines) > 1 and following.startswith(":"):
        # A body opening with a fence would be read as one more option.
        head.add(indent, start)
    what = head.lines[0].strip()
    if name not in ADMONITIONS and name != "details":
        what += f" (:class: {name}, a type of the old site)"
    doc.note(start, "converted", f"VuePress '::: {name}' → {what}")
    tail = Edit(
        end, end + 1 if closed else end, [indent + fence], [doc.origin(end - 1)]
    )
    return [head.edit(start, start + 1), tail]


def empty_container(
    doc: Doc, start: int, end: int, closed: bool, indent: str, name: str, title: str
) -> list[Edit]:
    """A container with no body: an admonition needs one, so the title becomes
    it (a plain paragraph for a type with no admonition); with no title
    either, nothing is left to show."""
    stop = end + 1 if closed else end
    out = Out(doc)
    if not title:
        doc.note(start, "review", f"VuePress '::: {name}' holds nothing: removed")
        return [doc.removal(start, stop)]
    if name in ADMONITIONS:
        out.add(f"{indent}:::{{{ADMONITIONS[name]}}}", start)
        out.add(f"{indent}{title}", start)
        out.add(f"{indent}:::", start)
        what = f":::{{{ADMONITIONS[name]}}} holding its title"
    else:
        out.add(f"{indent}**{title}**", start)
        what = "its title in bold"
    doc.note(start, "converted", f"VuePress '::: {name}' with no content → {what}")
    return [out.edit(start, stop)]


def toc(doc: Doc) -> None:
    """VuePress's ``[[toc]]`` on its own line → the contents directive."""
    edits: list[Edit] = []
    for token in parse(doc):
        if token.type != "paragraph_open" or not token.map:
            continue
        start, end = token.map
        if end - start != 1 or not TOC.match(doc.lines[start].strip()):
            continue
        text = doc.lines[start]
        indent = text[: len(text) - len(text.lstrip())]
        out = Out(doc)
        for line in ("```{contents}", ":local:", "```"):
            out.add(indent + line, start)
        edits.append(out.edit(start, end))
        doc.note(start, "converted", "VuePress [[toc]] → contents directive")
    doc.apply(edits)
