"""Code blocks' titles, line numbers and highlighted lines.

MkDocs Material writes ```` ```bash title="install.sh" linenums="1"
hl_lines="2 3" ```` (or ``{ .bash title="…" }``), VuePress ```` ```js{4} ````,
```` ```js:line-numbers ```` and ``title="…"``: MyST reads only the
language, the rest would be lost. Such a block becomes a ``{code-block}``
directive with ``:caption:``, ``:linenos:``/``:lineno-start:`` and
``:emphasize-lines:``; only its opening line changes (a blank line
separates the options from the code, which MyST removes), so the code stays
byte for byte. Attributes with no equivalent are reported.
"""

from __future__ import annotations

import functools
import re

from .model import Doc, Edit
from .tokens import parse

#: ``lang`` (maybe ``.lang`` in braces), VuePress's line-number switch and
#: highlighted lines, then ``key="value"`` attributes.
INFO = re.compile(
    r"^\.?(?P<lang>[\w+#.-]*)(?::(?P<numbers>line-numbers|no-line-numbers))?"
    r"[ \t]*(?:\{(?P<lines>[\d,\s-]+)\})?[ \t]*(?P<attrs>.*)$"
)
ATTR = re.compile(
    r"""(?P<key>[\w-]+)=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>\S+))"""
)
#: A MyST directive fence (```` ```{name} ````): already what MyST reads.
DIRECTIVE = re.compile(r"^\{[\w:-]+\}")
RANGES = re.compile(r"^\d+(?:-\d+)?$")


def convert(doc: Doc) -> None:
    edits: list[Edit] = []
    for token in parse(doc):
        if token.type != "fence" or token.map is None:
            continue
        info = token.info.strip()
        if not info or DIRECTIVE.match(info):
            continue
        edit = fence(doc, token.map[0], token.markup, info)
        if edit is not None:
            edits.append(edit)
    doc.apply(edits)


def fence(doc: Doc, start: int, markup: str, info: str) -> Edit | None:
    braces = info.startswith("{") and info.endswith("}")
    match = INFO.match(info[1:-1].strip() if braces else info)
    if match is None:
        return None
    lang = match.group("lang")
    unhighlighted = bool(lang) and not highlighted(lang)
    if unhighlighted:
        doc.note(
            start,
            "converted",
            f"code block language {lang!r} unknown to Pygments: highlighted as text",
        )
        lang = "text"
    options: list[str] = []
    unknown: list[str] = []
    attrs = match.group("attrs")
    for attr in ATTR.finditer(attrs):
        key = attr.group("key")
        value = next(v for v in attr.group("dq", "sq", "bare") if v is not None)
        option = fence_option(key, value)
        if option is None:
            unknown.append(attr.group(0))
        elif option:
            options.append(option)
    # Words left: ``.class`` and ``#id`` of an attribute list, or anything.
    unknown += ATTR.sub("", attrs).split()
    if match.group("numbers") == "line-numbers":
        options.append(":linenos:")
    if lines(match.group("lines") or ""):
        options.append(f":emphasize-lines: {lines(match.group('lines'))}")
    # MyST reads an info string's first word as the language: kept as
    # written when that word is the language, rewritten when it is not.
    rewritten = bool(options) or braces or bool(match.group("numbers")) or unhighlighted
    if unknown:
        what = "dropped" if rewritten else "kept as written, MyST ignores them"
        doc.note(
            start,
            "review",
            f"code block attributes {' '.join(unknown)!r} {what} (no equivalent)",
        )
    if not options:
        if not rewritten:
            return None
        if not (unhighlighted and info == match.group("lang")):  # noted above
            doc.note(start, "converted", f"code block '{info}' → language {lang!r}")
        return Edit(start, start + 1, [opening(doc, start, markup, lang)])
    text = doc.lines[start]
    prefix = text[: text.index(markup)]
    head = f"{prefix}{markup}{{code-block}} {lang}".rstrip()
    new = [head, *(prefix + option for option in sorted(options, key=ORDER))]
    new.append(prefix.rstrip() if ">" in prefix else "")
    shown = ", ".join(option.split(":")[1] for option in new[1:-1])
    doc.note(start, "converted", f"code block '{info}' → {{code-block}} ({shown})")
    return Edit(start, start + 1, new, [doc.origin(start)] * len(new))


#: Names Sphinx highlights that are no Pygments lexer's.
SPHINX_LANGUAGES = frozenset({"default", "none", "guess"})


@functools.cache
def highlighted(lang: str) -> bool:
    """Whether Sphinx can highlight *lang* (else every build warns about it)."""
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    if lang.lower() in SPHINX_LANGUAGES:
        return True
    try:
        get_lexer_by_name(lang)
    except ClassNotFound:
        return False
    return True


def opening(doc: Doc, start: int, markup: str, lang: str) -> str:
    """The fence's opening line with only its language left."""
    text = doc.lines[start]
    return text[: text.index(markup)] + markup + lang


def fence_option(key: str, value: str) -> str | None:
    """The ``{code-block}`` option for a fence attribute ("" for none needed)."""
    if key == "title":
        return f":caption: {value}" if value.strip() else ""
    if key == "linenums":
        if value.strip() in ("", "0", "1"):
            return ":linenos:"
        return f":lineno-start: {value.strip()}" if value.strip().isdigit() else None
    if key == "hl_lines":
        return f":emphasize-lines: {lines(value)}" if lines(value) else None
    return None


def lines(value: str) -> str:
    """Highlighted lines as Sphinx writes them: ``1-3,5``."""
    parts = [p for p in re.split(r"[\s,]+", value.strip()) if p]
    return ",".join(p for p in parts if RANGES.match(p))


def ORDER(option: str) -> int:  # noqa: N802 - a sort key, read as a constant
    """Options in one order whatever the fence's: caption first."""
    for rank, name in enumerate((":caption:", ":linenos:", ":lineno-start:")):
        if option.startswith(name):
            return rank
    return 3
