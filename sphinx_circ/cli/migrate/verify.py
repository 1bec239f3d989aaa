"""Checking a migration against what Sphinx builds from it.

Once its pages are written, ``migrate`` builds them with Sphinx's text
builder and looks for the prose of every source page, line by line, in the
text of the page it became. The words of a line must be found in the same
order (a table cell's anywhere on the page, as the text builder wraps cells
side by side); markup that is no prose (Liquid and Vue expressions,
attribute lists, shortcodes, tags) only splits a line into runs, each
looked for on its own. A line not found is a ``lost`` note on its source
line; every warning of that build, highlighting failures included, is a
``build`` note on the line the migrated text came from. Whatever construct
a future site uses, what does not arrive is reported.
"""

from __future__ import annotations

import html
import io
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown_it.token import Token

from .front import META_LINE
from .html import ATTR, COMMENT, TAG
from .model import Note, Origin, Page
from .tokens import LITERAL_HTML, markdown

WORD = re.compile(r"\w+")
#: Markup that is no prose: Liquid, Vue and mkdocs-macros expressions,
#: kramdown and attr_list attributes, emoji and icon shortcodes, TOC markers.
NOT_PROSE = re.compile(
    r"""\{\{.*?\}\}|\{%.*?%\}
    |\]\([^()\s]*(?:\{\{[^}]*\}\}|\{%[^}]*%\})[^()]*\)
    |\{:?[ \t]*(?:[#.][\w-]+|[\w-]+(?:=(?:"[^"]*"|'[^']*'|[^\s{}]+))?)
       (?:[ \t]+(?:[#.][\w-]+|[\w-]+(?:=(?:"[^"]*"|'[^']*'|[^\s{}]+))?))*[ \t]*\}
    |(?<![\w:/]):[a-z0-9_+-]+:(?![\w/])
    |\{::\w+[^{}]*\}|\{:/\w*\}
    |\[\[toc\]\]|\[TOC\]
    |^[ \t]*;*-*8<-+.*$
    |^\*\[[^\]\n]+\]:.*$
    |^[ \t]*(?:!!!|\?\?\?\+?)(?:[ \t]+[\w-]+)*""",
    re.VERBOSE | re.IGNORECASE | re.DOTALL | re.MULTILINE,
)
#: A Liquid or kramdown comment: the old site never showed it.
LIQUID_COMMENT = re.compile(
    r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}"
    r"|\{::comment\}.*?\{:/(?:comment)?\}",
    re.DOTALL,
)
KRAMDOWN_TOC = re.compile(r"^\s*\{:\s*toc\s*\}\s*$")
#: Attributes of a component (or an image) whose value a reader sees.
TEXT_ATTRIBUTES = ("text", "title", "label", "caption", "description")
#: How much of a lost line a note quotes.
QUOTED = 70


def words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


@dataclass
class Line:
    """A line of prose of a source page: the runs of words it must show."""

    line: int  # from 1, in the source file
    text: str  # as written, for the note
    runs: list[list[str]] = field(default_factory=list)
    loose: bool = False  # a table cell: its words anywhere on the page

    def add(self, text: str) -> None:
        """Add *text*'s words: markup that is no prose ends a run.

        A tag CommonMark left in the text (Vue attributes it does not read
        as HTML) ends a run too; the text of its attributes is a run.
        """
        position = 0
        for tag in TAG.finditer(text):
            self.add_text(text[position : tag.start()])
            self.cut()
            for value in attribute_text(tag.group(0)):
                self.add_text(value)
                self.cut()
            position = tag.end()
        self.add_text(text[position:])

    def add_text(self, text: str) -> None:
        pieces = NOT_PROSE.split(text)
        for number, piece in enumerate(pieces):
            if number:
                self.cut()
            self.extend(words(piece))

    def extend(self, found: list[str]) -> None:
        """Add words to the current run (code, whose words are all prose)."""
        if not self.runs:
            self.runs.append([])
        self.runs[-1].extend(found)

    def cut(self) -> None:
        if self.runs and self.runs[-1]:
            self.runs.append([])

    @property
    def empty(self) -> bool:
        return not any(self.runs)


class Prose:
    """The lines of prose of one page, read from its tokens."""

    def __init__(self, text: str, flavour: str) -> None:
        if flavour not in ("mkdocs", "vuepress", "sphinx"):
            # Blanked out, not removed: the lines after keep their numbers.
            text = LIQUID_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
        self.source = text.split("\n")
        self.lines: dict[int, Line] = {}
        self.skip = meta_lines(self.source) if flavour in ("mkdocs", "pelican") else 0
        self.read(markdown(flavour).parse(text))

    def at(self, index: int, loose: bool = False) -> Line:
        if index not in self.lines:
            text = self.source[index] if index < len(self.source) else ""
            self.lines[index] = Line(index + 1, text.strip(), loose=loose)
        line = self.lines[index]
        line.cut()
        return line

    def read(self, tokens: list[Token]) -> None:
        cell = False
        for number, token in enumerate(tokens):
            if token.type == "admonition_title_open" and not self.titled(token):
                # "!!! tip" alone: the title is the generator's word, not the page's.
                tokens[number + 1].type = "admonition_default_title"
            if token.type in ("th_open", "td_open"):
                cell = True
            elif token.type in ("th_close", "td_close"):
                cell = False
            if token.map is None or token.map[0] < self.skip:
                continue
            start = token.map[0]
            if token.type == "inline" and not self.toc_placeholder(token.map[1]):
                self.inline(token, start, cell)
            elif token.type == "html_block" and not LITERAL_HTML.match(token.content):
                self.html(token.content, start)
            elif token.type == "tab_open" and token.info:
                self.at(start).add(token.info)
            elif token.type == "container_colon_open":
                # VuePress "::: type Title": the title is prose, the type is not.
                title = token.info.strip().partition(" ")[2]
                if title and not token.info.strip().startswith("{"):
                    self.at(start).add(title)

    def titled(self, token: Token) -> bool:
        line = self.source[token.map[0]] if token.map else ""
        return '"' in line

    def toc_placeholder(self, end: int) -> bool:
        """kramdown's ``* TOC`` item, followed by ``{:toc}``: a marker, not prose."""
        # "{:toc}" right after the item continues its paragraph, or follows it.
        near = self.source[max(end - 1, 0) : end + 1]
        return any(KRAMDOWN_TOC.match(text) for text in near)

    def inline(self, token: Token, start: int, cell: bool) -> None:
        index = start
        line = self.at(index, cell)
        for child in token.children or []:
            if child.type in ("softbreak", "hardbreak"):
                index += 1
                line = self.at(index, cell)
            elif child.type == "text":
                line.add(child.content)
            elif child.type == "code_inline":
                line.extend(words(child.content))
            elif child.type == "image":
                line.cut()
                line.add(child.content)
                line.cut()
            elif child.type == "html_inline":
                line.cut()
                for value in attribute_text(child.content):
                    line.add(value)
                    line.cut()

    def html(self, block: str, start: int) -> None:
        """Text between the tags of an HTML block, and the text of attributes."""
        block = COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), block)
        position = 0
        for match in TAG.finditer(block):
            self.html_text(block, position, match.start(), start)
            first = start + block.count("\n", 0, match.start())
            for value in attribute_text(match.group(0)):
                self.at(first).add(value)
            position = match.end()
        self.html_text(block, position, len(block), start)

    def html_text(self, block: str, begin: int, end: int, start: int) -> None:
        first = start + block.count("\n", 0, begin)
        for number, text in enumerate(block[begin:end].split("\n")):
            if text.strip():
                self.at(first + number).add(html.unescape(text))

    def result(self) -> list[Line]:
        return [line for _index, line in sorted(self.lines.items()) if not line.empty]


def meta_lines(source: list[str]) -> int:
    """How many lines of MultiMarkdown metadata open the page (not prose)."""
    count = 0
    while count < len(source) and source[count].strip():
        if not (META_LINE.match(source[count]) or source[count][:1] in " \t"):
            return 0
        count += 1
    return count


def attribute_text(tag: str) -> list[str]:
    """Values a reader sees in a tag's attributes: a component's label, an image's alt."""
    match = TAG.match(tag.strip())
    if match is None or match.group("close"):
        return []
    name = match.group("name")
    wanted: tuple[str, ...] = ("alt",) if name.lower() == "img" else ()
    if name[0].isupper() or "-" in name:
        wanted = TEXT_ATTRIBUTES
    found = []
    for attr in ATTR.finditer(match.group("attrs")):
        if attr.group(1).lower() in wanted:
            found.append(attr.group(2) or attr.group(3) or attr.group(4) or "")
    return [value for value in found if value.strip()]


def page_prose(text: str, flavour: str) -> list[Line]:
    """The lines of prose of a page's body (front matter and code excluded)."""
    return Prose(text, flavour).result()


def string_prose(line: int, text: str) -> list[Line]:
    """A front-matter string carried into the page, read as Markdown, at *line*."""
    found = Prose(text, "markdown").result()
    for item in found:
        item.line = line
    return found


class Built:
    """The words of a built page, to look runs up in.

    The text builder wraps lines, and breaks a word longer than a line (a
    URL, a code span) anywhere: words are looked for in the page's words
    joined without what separated them, which no wrapping changes.
    """

    def __init__(self, text: str) -> None:
        self.joined = "".join(words(text))

    def shows(self, line: Line) -> bool:
        runs = [run for run in line.runs if run]
        if line.loose:
            return all(word in self.joined for run in runs for word in run)
        return all("".join(run) in self.joined for run in runs)


@dataclass
class Share:
    """Lines of prose of a page (body, then front matter) and how many arrived."""

    body: int = 0
    body_kept: int = 0
    front: int = 0
    front_kept: int = 0

    def add(self, other: Share) -> None:
        self.body += other.body
        self.body_kept += other.body_kept
        self.front += other.front
        self.front_kept += other.front_kept


def percent(kept: int, total: int) -> str:
    if not total:
        return "-"
    share = 100 * kept / total
    # Never round a loss up to 100 %.
    shown = f"{share:.1f}".rstrip("0").rstrip(".") if kept < total else "100"
    if kept < total and shown == "100":
        shown = "99.9"
    return f"{shown} %"


def compare(
    label: str, lines: Iterable[Line], built: Built, front: bool = False
) -> tuple[int, int, list[Note]]:
    """(lines, lines found, a ``lost`` note per line not found)."""
    total = kept = 0
    notes = []
    for line in lines:
        total += 1
        if built.shows(line):
            kept += 1
            continue
        quoted = line.text if len(line.text) <= QUOTED else line.text[:QUOTED] + "…"
        where = "front matter " if front else ""
        notes.append(
            Note(
                label,
                line.line,
                "lost",
                f"{where}text not in the built page: {quoted!r}",
            )
        )
    return total, kept, notes


@dataclass
class Verified:
    """What the check found: its notes, and the share kept per page."""

    notes: list[Note] = field(default_factory=list)
    shares: dict[str, Share] = field(default_factory=dict)
    #: Why the check could not run, if it could not.
    failed: str = ""

    @property
    def lost(self) -> int:
        return sum(1 for note in self.notes if note.kind == "lost")


#: Warnings and errors of the build, as Sphinx writes them.
WARNING = re.compile(
    r"^(?:(?P<path>.+?):(?:(?P<line>\d+):)?\s)?(?P<level>WARNING|ERROR|SEVERE|CRITICAL): (?P<message>.*)$"
)


@dataclass
class Output:
    """A written page: its source, its text as read, where each line came from."""

    page: Page
    source_text: str
    origins: list[Origin]
    front_prose: list[Line] = field(default_factory=list)


def verify(output: Path, pages: dict[str, Output]) -> Verified:
    """Build *output* with the text builder and compare every page with its source."""
    checked = Verified()
    with tempfile.TemporaryDirectory(prefix="sphinx-circ-migrate-") as work:
        try:
            texts, warnings = build(output, Path(work))
        except Exception as error:  # an extension of the project may fail in any way
            checked.failed = f"{error.__class__.__name__}: {error}".strip()
            return checked
    for docname, out in pages.items():
        label = str(out.page.source)
        built = Built(texts.get(docname, ""))
        share = Share()
        lines = page_prose(out.source_text, out.page.site.flavour)
        share.body, share.body_kept, notes = compare(label, lines, built)
        share.front, share.front_kept, more = compare(
            label, out.front_prose, built, front=True
        )
        checked.notes += sorted(notes + more, key=lambda n: n.line)
        checked.shares[docname] = share
    checked.notes += sorted(
        warning_notes(output, pages, warnings), key=lambda n: (n.page, n.path, n.line)
    )
    return checked


def warning_notes(
    output: Path, pages: dict[str, Output], warnings: list[str]
) -> list[Note]:
    """A ``build`` note per warning, on the source line the warned text came from."""
    notes = []
    root = output.resolve()
    # A warning repeated (one per resolving pass, say) is one note.
    for text in dict.fromkeys(warnings):
        match = WARNING.match(text)
        if match is None:
            continue
        message = f"{match.group('level').lower()}: {match.group('message').strip()}"
        path = match.group("path") or ""
        number = int(match.group("line") or 0)
        docname = docname_of(root, path)
        out = pages.get(docname) if docname else None
        if out is None:
            notes.append(Note(path or str(output), number, "build", message))
            continue
        label = str(out.page.source)
        if out.origins and 0 < number <= len(out.origins):
            origin, line = out.origins[number - 1]
        else:
            origin, line = label, number
        notes.append(Note(origin, line, "build", message, label))
    return notes


def docname_of(root: Path, path: str) -> str | None:
    path = path.split(":", 1)[0] if not Path(path).exists() else path
    try:
        relative = Path(path).resolve().relative_to(root)
    except (ValueError, OSError):
        return None
    return relative.with_suffix("").as_posix()


def build(output: Path, work: Path) -> tuple[dict[str, str], list[str]]:
    """The text of every page of *output*, and the warnings of building it."""
    from sphinx.application import Sphinx
    from sphinx.util.console import nocolor
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    nocolor()
    stream = io.StringIO()
    # As sphinx-build does: what the build registers in docutils goes with it,
    # so a second migration in the same process builds as the first.
    with patch_docutils(output), docutils_namespace():
        app = Sphinx(
            str(output),
            str(output),
            str(work / "text"),
            str(work / "doctrees"),
            "text",
            status=None,
            warning=stream,
            freshenv=True,
        )
        app.connect("doctree-read", raw_html_as_text)
        app.connect("doctree-resolved", highlight(app))
        app.build()
    texts = {}
    for path in (work / "text").rglob("*.txt"):
        name = path.relative_to(work / "text").with_suffix("").as_posix()
        texts[name] = path.read_text(encoding="utf-8", errors="replace")
    return texts, stream.getvalue().splitlines()


def raw_html_as_text(_app: Any, doctree: Any) -> None:
    """Raw HTML a page keeps is shown by HTML builders: count its text.

    An abbreviation's expansion shows on hover in HTML, inline in text: left
    out, as it would split the sentence around it.
    """
    from docutils import nodes

    for abbreviation in doctree.findall(nodes.abbreviation):
        abbreviation.attributes.pop("explanation", None)
    for raw in list(doctree.findall(nodes.raw)):
        if "html" in raw.get("format", "").split():
            text = html.unescape(TAG.sub(" ", COMMENT.sub(" ", raw.astext())))
            raw.replace_self(nodes.paragraph("", text))


def highlight(app: Any) -> Callable[[Any, Any, str], None]:
    """Highlight code as the HTML builder does, for its warnings (the text builder does not)."""
    from docutils import nodes
    from sphinx.highlighting import PygmentsBridge

    bridge = PygmentsBridge("html")

    def run(_app: Any, doctree: Any, _docname: str) -> None:
        for block in doctree.findall(nodes.literal_block):
            if block.rawsource != block.astext():
                continue  # parsed literals hold markup, not code
            language = block.get("language", "default")
            if language == "default":
                language = app.config.highlight_language
            options = app.config.highlight_options.get(language, {})
            arguments = dict(block.get("highlight_args", {}))
            arguments["force"] = block.get("force", False)
            bridge.highlight_block(
                block.rawsource, language, opts=options, location=block, **arguments
            )

    return run
