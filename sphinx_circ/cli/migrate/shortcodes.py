"""Emoji and icon shortcodes: ``:wink:`` and ``:material-download:`` in prose.

Emoji shortcodes become their Unicode characters (the ``emoji`` package's
alias table, GitHub's and MkDocs Material's names). MkDocs Material's icon
shortcodes (``:material-*:``, ``:fontawesome-*-*:``, ``:octicons-*-16:``,
``:simple-*:``) become sphinx-design ``{octicon}`` roles where an octicon
stands for the same thing, and are otherwise removed (icons are decorative),
in the text and in the titles of admonitions and tabs.
A shortcode that is neither stays as written; at the start of a line it is
escaped, since MyST reads ``:word:`` there as a field (or, in a directive, an
option, its text lost). Code spans, code blocks, times and URLs are left alone.
"""

from __future__ import annotations

import functools
import re

import emoji

from .model import Doc, Edit
from .tokens import Replace, literal_lines, parse, rewrite, rewrite_text

#: ``:name:`` not glued to a word, a colon or a slash (times, URLs, roles).
SHORTCODE = re.compile(
    r"(?P<lead>[ \t]?)(?<![\w:/\\`{}])(?P<code>:(?P<name>[+-]1|[a-z0-9_]*[a-z][a-z0-9_+-]*):)(?![\w:/])"
    r"(?P<space>[ \t]?)"
)
ICON = re.compile(
    r"^(?:material-(?P<material>[a-z0-9-]+)"
    r"|fontawesome-(?:solid|regular|brands)-(?P<fontawesome>[a-z0-9-]+)"
    r"|octicons-(?P<octicon>[a-z0-9-]+)-(?:12|16|24)"
    r"|simple-(?P<simple>[a-z0-9-]+))$"
)
#: Material Design, Font Awesome and Simple Icons names and the octicon that
#: stands for the same thing (the names not found here are tried as octicons).
OCTICONS = {
    "account": "person",
    "account-circle": "person",
    "account-group": "people",
    "users": "people",
    "user": "person",
    "alert": "alert",
    "alert-circle": "alert",
    "triangle-exclamation": "alert",
    "exclamation-triangle": "alert",
    "information": "info",
    "information-outline": "info",
    "circle-info": "info",
    "info-circle": "info",
    "help-circle": "question",
    "circle-question": "question",
    "question-circle": "question",
    "comments": "comment-discussion",
    "comment": "comment",
    "forum": "comment-discussion",
    "message": "comment",
    "email": "mail",
    "envelope": "mail",
    "at": "mention",
    "magnify": "search",
    "magnifying-glass": "search",
    "cog": "gear",
    "cogs": "gear",
    "gears": "gear",
    "wrench": "tools",
    "tools": "tools",
    "file-document": "file",
    "file-document-outline": "file",
    "file-lines": "file",
    "file-alt": "file",
    "file-pdf-box": "file",
    "file-pdf": "file",
    "folder": "file-directory",
    "folder-open": "file-directory",
    "open-in-new": "link-external",
    "arrow-up-right-from-square": "link-external",
    "external-link-alt": "link-external",
    "launch": "link-external",
    "github": "mark-github",
    "gitlab": "git-branch",
    "git": "git-branch",
    "source-branch": "git-branch",
    "rss": "rss",
    "rss-box": "rss",
    "map-marker": "location",
    "location-dot": "location",
    "map-pin": "location",
    "clock-outline": "clock",
    "calendar-month": "calendar",
    "calendar-days": "calendar",
    "calendar-alt": "calendar",
    "check-bold": "check",
    "check-circle": "check-circle",
    "circle-check": "check-circle",
    "close": "x",
    "xmark": "x",
    "times": "x",
    "code-tags": "code",
    "code-braces": "code",
    "book-open": "book",
    "book-open-variant": "book",
    "chart-bar": "graph",
    "chart-line": "graph",
    "chart-simple": "graph",
    "table-large": "table",
    "database-outline": "database",
    "pencil-outline": "pencil",
    "pen": "pencil",
    "lead-pencil": "pencil",
    "lock-outline": "lock",
    "lock-open": "unlock",
    "lightbulb": "light-bulb",
    "lightbulb-on": "light-bulb",
    "tag-outline": "tag",
    "tags": "tag",
    "star-outline": "star",
    "heart-outline": "heart",
    "eye-outline": "eye",
    "home-outline": "home",
    "house": "home",
    "earth": "globe",
    "web": "globe",
    "earth-europe": "globe",
    "server-network": "server",
    "api": "plug",
    "link-variant": "link",
    "tray-arrow-down": "download",
    "file-download": "download",
    "cloud-download": "download",
    "tray-arrow-up": "upload",
    "cloud-upload": "upload",
    "trash-can": "trash",
    "delete": "trash",
    "bullhorn": "megaphone",
    "school": "mortar-board",
    "graduation-cap": "mortar-board",
    "rocket-launch": "rocket",
    "console": "terminal",
    "thumb-up": "thumbsup",
    "thumbs-up": "thumbsup",
    "bell-outline": "bell",
    "flag-outline": "flag",
    "plus-circle": "plus-circle",
    "circle-plus": "plus-circle",
    "scale-balance": "law",
    "scale-balanced": "law",
    "gavel": "law",
}


def convert(doc: Doc) -> None:
    """Replace the shortcodes of the page's prose (icons only in MkDocs pages)."""
    icons = doc.site.flavour == "mkdocs"

    def replace(match: re.Match[str], line: int) -> str | None:
        code, name = match.group("code"), match.group("name")
        if name in OPTIONS and directive_option(doc, line):
            return None
        lead, space = match.group("lead"), match.group("space")
        character = emoji_character(code)
        if character is not None:
            doc.note(line, "converted", f"emoji {code!r} → {character}")
            return lead + character + space
        icon = ICON.match(name) if icons else None
        if icon is not None:
            octicon = octicon_for(icon)
            if octicon is not None:
                doc.note(line, "converted", f"icon {code!r} → octicon {octicon!r}")
                return f"{lead}{{octicon}}`{octicon}`{space}"
            doc.note(
                line,
                "review",
                f"icon {code!r} removed (no octicon for it; icons are decorative)",
            )
            return " " if lead and space else ""  # no space left doubled or trailing
        if not icons and not starts_line(doc, line, match):
            return None  # another site's ":word:" is text
        if starts_line(doc, line, match):
            doc.note(
                line,
                "review",
                f"shortcode {code!r} unknown: kept as written, '\\' before it "
                "(MyST reads ':word:' opening a line as a field)",
            )
            return f"{lead}\\{code}{space}"
        doc.note(line, "review", f"shortcode {code!r} unknown: kept as written")
        return None

    doc.apply(rewrite(doc, parse(doc), SHORTCODE, replace, ("inline",)))
    if icons:
        titles(doc, replace)
    labels(doc)


#: A button role the migration wrote: its label is inside backticks, where
#: the prose rewrite does not look.
BUTTON_ROLE = re.compile(r"\{button(?:-[\w]+)?\}`(?P<label>[^`<]*)")


def labels(doc: Doc) -> None:
    """Shortcodes in button labels: emoji as characters, icons left out (a
    role cannot hold another)."""

    def replace(match: re.Match[str], line: int) -> str | None:
        code = match.group("code")
        character = emoji_character(code)
        if character is not None:
            doc.note(line, "converted", f"emoji {code!r} → {character}")
            return match.group("lead") + character + match.group("space")
        if ICON.match(match.group("name")):
            doc.note(line, "review", f"icon {code!r} removed from a button's label")
            return " " if match.group("lead") and match.group("space") else ""
        return None

    edits: list[Edit] = []
    literal = literal_lines(parse(doc))
    for index, text in enumerate(doc.lines):
        if index in literal or "{button" not in text:
            continue
        pieces, position = [], 0
        for role in BUTTON_ROLE.finditer(text):
            label = rewrite_text(role.group("label"), index, SHORTCODE, replace)
            if label is None:
                continue
            new = label[0].rstrip() + (" " if role.group("label").endswith(" ") else "")
            pieces += [text[position : role.start("label")], new]
            position = role.end("label")
        if pieces:
            edits.append(Edit(index, index + 1, ["".join([*pieces, text[position:]])]))
    doc.apply(edits)


#: The directives whose title (argument) the MkDocs step wrote from a page's
#: admonition or tab: MyST reads it as inline text, shortcodes included.
TITLED = re.compile(
    r"^(?P<head>\s*:{3,}\{(?:admonition|dropdown|tab-item)\}[ \t]+)(?P<title>.+)$"
)


def titles(doc: Doc, replace: Replace) -> None:
    """Shortcodes in the titles of admonitions, dropdowns and tabs."""
    literal = literal_lines(parse(doc))
    edits: list[Edit] = []
    for index, text in enumerate(doc.lines):
        match = TITLED.match(text)
        if match is None or index in literal:
            continue
        title = rewrite_text(match.group("title"), index, SHORTCODE, replace)
        if title is not None:
            edits.append(Edit(index, index + 1, [match.group("head") + title[0]]))
    doc.apply(edits)


#: Options of the directives the migration writes: below a directive's
#: first line, ``:name:`` is one of them, not a shortcode.
OPTIONS = frozenset(
    (
        "class",
        "class-container",
        "open",
        "color",
        "caption",
        "name",
        "linenos",
        "lineno-start",
        "emphasize-lines",
        "hidden",
        "maxdepth",
        "titlesonly",
        "glob",
        "sync",
        "selected",
        "icon",
    )
)
#: A MyST directive's first line (a colon or backtick fence and a name).
DIRECTIVE = re.compile(r"^\s*(?::{3,}|`{3,}|~{3,})\{[\w:-]+\}")
OPTION = re.compile(r"^\s*:[\w-]+:")


def directive_option(doc: Doc, line: int) -> bool:
    """Whether *line* is one of the options right below a directive's first line."""
    for index in range(line, -1, -1):
        if DIRECTIVE.match(doc.lines[index]):
            return index < line
        if not OPTION.match(doc.lines[index]):
            return False
    return False


def starts_line(doc: Doc, line: int, match: re.Match[str]) -> bool:
    """Whether *match* opens its line (after indentation or a list or quote mark)."""
    text = doc.lines[line]
    code = match.group("code")
    before = text[: text.find(code)] if code in text else ""
    return not re.sub(r"^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])\s+)?", "", before)


@functools.cache
def emoji_character(code: str) -> str | None:
    character = emoji.emojize(code, language="alias")
    return None if character == code else character


@functools.cache
def octicon_names() -> frozenset[str]:
    from sphinx_design.icons import get_octicon_data

    return frozenset(get_octicon_data())


def octicon_for(icon: re.Match[str]) -> str | None:
    names = octicon_names()
    if icon.group("octicon"):
        return icon.group("octicon") if icon.group("octicon") in names else None
    name = icon.group("material") or icon.group("fontawesome") or icon.group("simple")
    found = OCTICONS.get(name)
    if found is None:
        bare = re.sub(r"-(?:outline|circle|box|variant|alt|solid)$", "", name)
        found = OCTICONS.get(bare, bare)
    return found if found in names else None
