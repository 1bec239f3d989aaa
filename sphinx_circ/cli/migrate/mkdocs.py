"""MkDocs and MkDocs Material: admonitions, content tabs, snippets, buttons, navigation.

``!!! note "Title"`` becomes a MyST admonition, ``??? note`` a sphinx-design
dropdown, ``=== "Label"`` tabs a tab set, ``--8<-- "file"`` the file itself,
``[Label](page.md){ .md-button }`` a button; ``[TOC]`` is dropped (the theme
shows each page's contents). Without mkdocs-macros (``macros``), templates
are text. ``mkdocs.yml``'s ``nav`` becomes toctrees (see ``navigation``).
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it.token import Token

from . import macros
from .inline import button_target
from .model import Doc, Edit, Out, colons
from .tokens import closing, parse, rewrite

SPECIFIC = (
    "attention",
    "caution",
    "danger",
    "error",
    "hint",
    "important",
    "note",
    "seealso",
    "tip",
    "warning",
)
COLOURS = {
    "info": (
        "note",
        "info",
        "abstract",
        "summary",
        "tldr",
        "todo",
        "question",
        "help",
        "faq",
    ),
    "success": ("tip", "hint", "success", "check", "done"),
    "warning": ("warning", "caution", "attention"),
    "danger": ("danger", "error", "failure", "fail", "missing", "bug"),
}
SNIPPET = re.compile(
    r"""^(?P<indent>\s*)(?P<escape>;*)--8<--\s+(?P<quote>["']?)(?P<path>[^"'\s]+)(?P=quote)\s*$"""
)
SNIPPET_FENCE = re.compile(r"^\s*(;*)--8<--\s*$")
SECTION_MARK = re.compile(
    r"^\s*(?:<!--\s*)?-*8<-+\s*\[(start|end):[\w-]+\](?:\s*-->)?\s*$"
)
BUTTON = re.compile(
    r"\[(?P<label>[^\]\n]+)\]\((?P<url>[^)\s]+)\)\{:?\s*(?P<attrs>[^}\n]*\.md-button[^}\n]*)\}"
)
TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
MAX_DEPTH = 8


def convert(doc: Doc) -> None:
    snippets(doc)
    blocks(doc)
    tokens = parse(doc)
    edits = [
        doc.removal(t.map[0], t.map[1])
        for t in tokens
        if t.type == "paragraph_open"
        and t.map
        and doc.lines[t.map[0]].strip() == "[TOC]"
    ]
    for edit in edits:
        doc.note(
            edit.start,
            "converted",
            "[TOC] removed (the theme shows each page's contents)",
        )
    doc.apply(edits)

    def button(match: re.Match[str], line: int) -> str:
        attrs = match.group("attrs")
        variant = "" if "md-button--primary" in attrs else "-outline"
        target = button_target(doc, line, match.group("url"))
        doc.note(line, "converted", "Material .md-button link → button role")
        return f"{{button{variant}}}`{match.group('label')} <{target}>`"

    doc.apply(rewrite(doc, parse(doc), BUTTON, button, ("inline",)))

    if not macros.active(doc):
        templates_as_text(doc)


def templates_as_text(doc: Doc) -> None:
    """Without mkdocs-macros, ``{{ … }}`` and ``{% … %}`` are text: kept so.

    A ``{% … %}`` opening a paragraph alone on its line is escaped: MyST
    would read it as block attributes and drop it.
    """

    def template(match: re.Match[str], line: int) -> str | None:
        text = match.group(0)
        opening = line == 0 or not doc.lines[line - 1].strip()
        if text.startswith("{%") and opening and doc.lines[line].strip() == text:
            doc.note(
                line,
                "review",
                f"template {text!r} kept as text, '\\' before it "
                "(mkdocs.yml lists no macros plugin; MyST would drop the line)",
            )
            return "\\" + text
        doc.note(
            line,
            "review",
            f"template {text!r} kept as text (mkdocs.yml lists no macros plugin)",
        )
        return None

    doc.apply(rewrite(doc, parse(doc), TEMPLATE, template, ("inline",)))


# -- snippets -------------------------------------------------------------------


def snippets(doc: Doc) -> None:
    """Inline ``--8<--`` snippets, as MkDocs' preprocessor does (code blocks too)."""
    out = Out(doc)
    changed = False
    for index, text in enumerate(doc.lines):
        match = SNIPPET.match(text)
        if match is None:
            out.add(text, index)
            continue
        changed = True
        if match.group("escape"):
            out.add(text.replace(";", "", 1), index)
            continue
        expand(doc, out, index, match.group("indent"), match.group("path"), [])
    if changed:
        doc.apply([out.edit(0, len(doc.lines))])


def expand(
    doc: Doc, out: Out, index: int, indent: str, name: str, chain: list[Path]
) -> None:
    path, lines, why = read_snippet(doc, name)
    if path is None or len(chain) >= MAX_DEPTH or path in chain:
        why = why or "snippets nested too deeply (a loop?)"
        doc.note(index, "comment", f"snippet {name!r} kept as a comment: {why}")
        out.add(f'{indent}% --8<-- "{name}"', index)
        return
    doc.note(index, "converted", f"snippet {name!r} inlined")
    for number, line in enumerate(lines):
        nested = SNIPPET.match(line)
        if nested and not nested.group("escape"):
            expand(
                doc,
                out,
                index,
                indent + nested.group("indent"),
                nested.group("path"),
                [*chain, path],
            )
            continue
        out.lines.append(indent + line if line.strip() else line)
        out.origins.append((str(path), number + 1))


def read_snippet(doc: Doc, name: str) -> tuple[Path | None, list[str], str]:
    if "://" in name:
        return None, [], "remote snippets are not fetched"
    file, _sep, selection = name.partition(":")
    for folder in [*doc.site.include_dirs, doc.page.source.parent]:
        path = folder / file
        if path.is_file():
            break
    else:
        return None, [], "file not found"
    try:
        lines = (
            path.read_text(encoding="utf-8-sig")
            .replace("\r\n", "\n")
            .rstrip("\n")
            .split("\n")
        )
    except (OSError, UnicodeDecodeError):
        return None, [], "file not readable as UTF-8"
    if selection:
        lines = select(lines, selection)
    return path, [line for line in lines if not SECTION_MARK.match(line)], ""


def select(lines: list[str], selection: str) -> list[str]:
    """Lines ``a:b`` (from 1) or the section ``name`` of a snippet."""
    numbers = selection.split(":")
    if all(n.isdigit() or n == "" for n in numbers):
        start = int(numbers[0] or 1)
        end = int(numbers[1]) if len(numbers) > 1 and numbers[1] else len(lines)
        return lines[start - 1 : end]
    begin = next((n for n, t in enumerate(lines) if f"[start:{selection}]" in t), None)
    end = next(
        (n for n, t in enumerate(lines) if f"[end:{selection}]" in t), len(lines)
    )
    return lines if begin is None else lines[begin + 1 : end]


# -- admonitions and tabs ---------------------------------------------------------


def blocks(doc: Doc) -> None:
    """Convert admonitions and tab sets, innermost first (outer fences grow)."""
    for _round in range(len(doc.lines) + 1):
        tokens = parse(doc)
        edit = next_block(doc, tokens)
        if edit is None:
            return
        doc.apply([edit])


def next_block(doc: Doc, tokens: list[Token]) -> Edit | None:
    for index, token in enumerate(tokens):
        if token.type not in ("admonition_open", "tab_open"):
            continue
        end = closing(tokens, index)
        if any(
            t.type in ("admonition_open", "tab_open") for t in tokens[index + 1 : end]
        ):
            continue
        if token.type == "admonition_open":
            return admonition(doc, token)
        edit = tabs(doc, tokens, index)
        if edit is not None:
            return edit
    return None


def body(doc: Doc, start: int, end: int, indent: str) -> Out:
    """Lines *start* to *end*, less the four spaces of a block's content."""
    out = Out(doc)
    width = len(indent) + 4
    for index in range(start, end):
        text = doc.lines[index]
        stripped = text.lstrip(" \t")
        text = text[: len(text) - len(stripped)].expandtabs(4) + stripped
        spaces = len(text) - len(text.lstrip(" "))
        out.add(
            text[min(spaces, width) :] and indent + text[min(spaces, width) :], index
        )
    return out.trimmed()


#: An admonition's first line after its marker: type, classes, quoted title.
HEADER = re.compile(
    r"""^\s*(?P<kind>[\w-]+)?(?P<plus>\+)?(?P<classes>(?:[ \t]+[\w-]+)*)"""
    r"""[ \t]*(?:(?P<quote>["'])(?P<title>.*)(?P=quote))?[ \t]*$"""
)
#: Material's float modifiers: sphinx-design has no floating admonition.
FLOATS = ("inline", "end")


def header(token: Token) -> tuple[str, list[str], str | None, bool]:
    """An admonition's type, classes, title (None: the type's) and whether open.

    ``??? "Title"`` has no type (a note); ``tip+`` opens the dropdown as
    ``???+`` does; ``""`` is an empty title.
    """
    match = HEADER.match(token.info)
    if match is None:
        kind = str(token.meta.get("tag", "note"))
        return kind, [], token.content, token.markup.endswith("+")
    kind = (match.group("kind") or "note").lower()
    classes = match.group("classes").split()
    is_open = token.markup.endswith("+") or bool(match.group("plus"))
    return kind, classes, match.group("title"), is_open


#: The title Material shows for a type, in the portal's language (French):
#: a title the page did not write is the generator's, not the author's.
DEFAULT_TITLES = {
    "abstract": "Résumé",
    "attention": "Attention",
    "bug": "Bogue",
    "caution": "Prudence",
    "check": "Succès",
    "cite": "Citation",
    "danger": "Danger",
    "done": "Fait",
    "error": "Erreur",
    "example": "Exemple",
    "fail": "Échec",
    "failure": "Échec",
    "faq": "Question",
    "help": "Aide",
    "hint": "Indication",
    "important": "Important",
    "info": "Information",
    "missing": "Manquant",
    "note": "Note",
    "question": "Question",
    "quote": "Citation",
    "seealso": "Voir aussi",
    "success": "Succès",
    "summary": "Résumé",
    "tip": "Astuce",
    "tldr": "En bref",
    "todo": "À faire",
    "warning": "Avertissement",
}


def default_title(kind: str) -> str:
    return DEFAULT_TITLES.get(kind, kind.replace("-", " ").capitalize())


def admonition(doc: Doc, token: Token) -> Edit:
    assert token.map is not None
    start, end = token.map
    text = doc.lines[start]
    indent = text[: len(text) - len(text.lstrip())]
    kind, classes, title, is_open = header(token)
    floats = [c for c in classes if c in FLOATS]
    classes = [c for c in classes if c not in FLOATS]
    content = body(doc, start + 1, end, indent)
    fence = colons(content.lines)
    head = Out(doc)
    extra = " ".join(classes)
    if token.markup.startswith("?"):
        head.add(f"{indent}{fence}{{dropdown}} {title or default_title(kind)}", start)
        if is_open:
            head.add(f"{indent}:open:", start)
        colour = next((c for c, kinds in COLOURS.items() if kind in kinds), None)
        if colour:
            head.add(f"{indent}:color: {colour}", start)
        if extra:
            head.add(f"{indent}:class-container: {extra}", start)
    elif title == "":
        # No title bar: a container styled as the admonition, which MyST's
        # admonitions (a title each) cannot be.
        head.add(
            f"{indent}{fence}{{container}} admonition {kind} {extra}".rstrip(), start
        )
    elif kind in SPECIFIC and title in (None, kind.title()):
        head.add(f"{indent}{fence}{{{kind}}}", start)
        if extra:
            head.add(f"{indent}:class: {extra}", start)
    else:
        head.add(f"{indent}{fence}{{admonition}} {title or default_title(kind)}", start)
        head.add(f"{indent}:class: {kind} {extra}".rstrip(), start)
    doc.note(
        start, "converted", f"admonition '{text.strip()}' → {head.lines[0].strip()}"
    )
    if floats:
        doc.note(
            start,
            "converted",
            f"admonition modifier '{' '.join(floats)}' dropped "
            "(no floating admonition: shown across the text's width)",
        )
    if len(head.lines) > 1:
        head.add("", start)
    head.extend(content).add(indent + fence, end - 1)
    if not doc.lines[end - 1].strip() or (
        end < len(doc.lines) and doc.lines[end].strip()
    ):
        head.add("", end - 1)
    return head.edit(start, end)


def tabs(doc: Doc, tokens: list[Token], index: int) -> Edit | None:
    """The tab set starting at *index*: this tab and the tabs right after it.

    None while a tab of the set still holds blocks to convert first.
    """
    token = tokens[index]
    level = token.level
    members = [index]
    position = closing(tokens, index) + 1
    while position < len(tokens) and tokens[position].type == "tab_open":
        if tokens[position].level != level or tokens[position].markup.startswith(
            "===!"
        ):
            break
        members.append(position)
        end = closing(tokens, position)
        if any(
            t.type in ("admonition_open", "tab_open")
            for t in tokens[position + 1 : end]
        ):
            return None
        position = end + 1
    assert token.map is not None
    start = token.map[0]
    last = tokens[members[-1]].map
    assert last is not None
    end = last[1]
    text = doc.lines[start]
    indent = text[: len(text) - len(text.lstrip())]
    items = [(tokens[m].info, tokens[m].map) for m in members]
    contents = [body(doc, m[0] + 1, m[1], indent) for _label, m in items if m]
    fence = colons([line for c in contents for line in c.lines])
    out = Out(doc).add(f"{indent}{fence}:{{tab-set}}", start)
    for (label, item_map), content in zip(items, contents, strict=True):
        assert item_map is not None
        out.add("", item_map[0]).add(
            f"{indent}{fence}{{tab-item}} {label}", item_map[0]
        )
        out.extend(content).add(indent + fence, item_map[1] - 1)
    out.add(f"{indent}{fence}:", end - 1)
    if end < len(doc.lines) and doc.lines[end].strip():
        out.add("", end - 1)
    count = f"{len(items)} tab" + ("s" if len(items) > 1 else "")
    doc.note(start, "converted", f"content tabs → tab set ({count})")
    return out.edit(start, end)
