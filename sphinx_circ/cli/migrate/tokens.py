"""Parsing a page with markdown-it-py, and finding where its prose is.

Every step reads the page through these tokens: code blocks are found by the
parser, never by guessing at fences, and ``token.map`` gives each block's
exact lines. Rewrites of prose run only on the lines of prose blocks, with
inline code spans masked.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin

from .model import Doc, Edit

#: Replaces masked characters (code spans): matches nothing a rewrite looks for.
MASK = "\x00"
#: HTML blocks whose content is literal text, never rewritten.
LITERAL_HTML = re.compile(r"^\s*<(pre|script|style|textarea)[\s>]", re.IGNORECASE)
TAB_START = re.compile(r'^(===[!+]?)[ \t]+"([^"\n]*)"[ \t]*$')


def tabs_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """MkDocs Material content tabs: ``=== "Label"`` then content indented by 4."""
    if state.is_code_block(start):
        return False
    first = state.bMarks[start] + state.tShift[start]
    match = TAB_START.match(state.src[first : state.eMarks[start]])
    if not match:
        return False
    if silent:
        return True
    line = start + 1
    last = start + 1
    while line < end:
        if state.isEmpty(line):
            line += 1
            continue
        if state.sCount[line] - state.blkIndent < 4:
            break
        line += 1
        last = line
    old_indent, old_max = state.blkIndent, state.lineMax
    token = state.push("tab_open", "div", 1)
    token.markup, token.info, token.map = match.group(1), match.group(2), [start, last]
    state.blkIndent += 4
    state.lineMax = last
    state.md.block.tokenize(state, start + 1, last)
    state.blkIndent, state.lineMax = old_indent, old_max
    token = state.push("tab_close", "div", -1)
    state.line = last
    return True


@functools.cache
def markdown(flavour: str, inline: bool = True) -> MarkdownIt:
    """The parser for pages of *flavour*: CommonMark, tables, front matter, MyST blocks.

    Colon fences (MyST directives, VuePress containers) are parsed as
    containers so the Markdown inside them is tokenized too. Without
    *inline*, inline tokens keep their text but are not parsed (much faster).
    """
    md = MarkdownIt("commonmark", {"html": True, "inline_definitions": True})
    if not inline:
        md.disable("inline")
    md.enable("table")
    md.use(front_matter_plugin).use(myst_block_plugin)
    # A bare ":::" opens nothing (VuePress shows it as text; MyST output never has one).
    md.use(
        container_plugin,
        name="colon",
        validate=lambda params, markup: bool(params.strip()),
    )
    if flavour == "mkdocs":
        md.use(admon_plugin)
        md.block.ruler.before(
            "fence", "tabs", tabs_rule, {"alt": ["reference", "blockquote", "list"]}
        )
    return md


def parse(doc: Doc, inline: bool = False) -> list[Token]:
    """The page's tokens; with *inline*, inline tokens have their children."""
    return cached_parse(doc.site.flavour, inline, doc.text)


@functools.lru_cache(maxsize=16)
def cached_parse(flavour: str, inline: bool, text: str) -> list[Token]:
    # Steps that change nothing leave the text as it was: parse it once.
    # Callers only read the tokens.
    return markdown(flavour, inline).parse(text)


def closing(tokens: list[Token], index: int) -> int:
    """Index of the token closing the one opened at *index*."""
    level = tokens[index].level
    for position in range(index + 1, len(tokens)):
        token = tokens[position]
        if token.level == level and token.nesting == -1:
            return position
    return len(tokens) - 1


def literal_lines(tokens: list[Token]) -> set[int]:
    """Lines never rewritten: code, front matter, MyST comments, literal HTML."""
    lines: set[int] = set()
    for token in tokens:
        if token.map is None:
            continue
        literal = token.type in (
            "fence",
            "code_block",
            "front_matter",
            "myst_line_comment",
        )
        if token.type == "html_block" and LITERAL_HTML.match(token.content):
            literal = True
        if literal:
            lines.update(range(*token.map))
    return lines


@dataclass
class Segment:
    """Lines of prose (a paragraph, heading, table row, HTML block or definition)."""

    start: int
    end: int
    kind: str


def segments(tokens: list[Token]) -> list[Segment]:
    """The prose blocks of a page, in order, each once."""
    literal = literal_lines(tokens)
    found: dict[tuple[int, int], str] = {}
    for token in tokens:
        if token.map is None or token.type not in (
            "inline",
            "html_block",
            "definition",
        ):
            continue
        start, end = token.map
        if any(line in literal for line in range(start, end)):
            continue
        found.setdefault((start, end), token.type)
    ordered = sorted(found.items())
    out: list[Segment] = []
    for (start, end), kind in ordered:
        if out and start < out[-1].end:  # table rows share lines with their table
            continue
        out.append(Segment(start, end, kind))
    return out


def mask_code_spans(text: str) -> str:
    """*text* with inline code spans (backticks included) masked, newlines kept."""
    out = list(text)
    position = 0
    length = len(text)
    while position < length:
        if text[position] == "\\":
            position += 2
            continue
        if text[position] != "`":
            position += 1
            continue
        run_end = position
        while run_end < length and text[run_end] == "`":
            run_end += 1
        run = run_end - position
        search = run_end
        closing_at = -1
        while True:
            found = text.find("`" * run, search)
            if found == -1:
                break
            after = found + run
            if (found == 0 or text[found - 1] != "`") and (
                after >= length or text[after] != "`"
            ):
                closing_at = found
                break
            search = after
            while search < length and text[search] == "`":
                search += 1
        if closing_at == -1:
            position = run_end
            continue
        for index in range(position, closing_at + run):
            if out[index] != "\n":
                out[index] = MASK
        position = closing_at + run
    return "".join(out)


Replace = Callable[[re.Match[str], int], str | None]


def rewrite(
    doc: Doc,
    tokens: list[Token],
    pattern: re.Pattern[str],
    replace: Replace,
    kinds: tuple[str, ...] = ("inline", "html_block", "definition"),
    protect: list[tuple[int, int]] | None = None,
) -> list[Edit]:
    """Edits replacing each match of *pattern* in prose by ``replace(match, line)``.

    *line* is the current line index of the match; ``None`` keeps the match.
    Matches touching a code span, or a *protect* range of the page's text
    (character offsets), are left alone.
    """
    edits: list[Edit] = []
    starts = line_offsets(doc.lines) if protect else []
    for segment in segments(tokens):
        if segment.kind not in kinds:
            continue
        text = "\n".join(doc.lines[segment.start : segment.end])
        masked = mask_ranges(text, starts[segment.start], protect) if protect else text
        edit = rewrite_text(text, segment.start, pattern, replace, masked)
        if edit is None:
            continue
        same = len(edit) == segment.end - segment.start
        origins = doc.origins[segment.start : segment.end] if same else None
        edits.append(Edit(segment.start, segment.end, edit, origins))
    return edits


def line_offsets(lines: list[str]) -> list[int]:
    """Offset of each line in the page's text, and one past the end."""
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    return offsets


def mask_ranges(text: str, base: int, ranges: list[tuple[int, int]]) -> str:
    """*text* (at offset *base* in the page) with *ranges* masked."""
    out = list(text)
    for start, end in ranges:
        for index in range(max(start - base, 0), min(end - base, len(text))):
            if out[index] != "\n":
                out[index] = PROTECT
    return "".join(out)


#: Stands for a protected character: matches read a masked copy of the text,
#: replacements are written into the original.
PROTECT = "\x01"


def rewrite_text(
    text: str,
    first: int,
    pattern: re.Pattern[str],
    replace: Replace,
    masked: str | None = None,
) -> list[str] | None:
    """The lines of *text* (starting at line *first*) rewritten, or None if unchanged."""
    masked = text if masked is None else masked
    masked = mask_code_spans(masked) if "`" in masked else masked
    pieces: list[str] = []
    position = 0
    for match in pattern.finditer(masked):
        if MASK in match.group(0) or PROTECT in match.group(0):
            continue
        line = first + text.count("\n", 0, match.start())
        new = replace(match, line)
        if new is None:
            continue
        pieces += [text[position : match.start()], new]
        position = match.end()
    if not pieces:
        return None
    pieces.append(text[position:])
    return "".join(pieces).split("\n")


def walk(tokens: list[Token], types: tuple[str, ...]) -> Iterator[tuple[int, Token]]:
    for index, token in enumerate(tokens):
        if token.type in types:
            yield index, token
