"""``sphinx-circ migrate``: VuePress, Jekyll and Pelican pages to MyST.

Each page is repaired (mojibake, with ftfy), its front matter is tidied, and
its HTML components become sphinx-circ blocks: ``<Hero>`` → hero,
``<Section class="section-…">`` → section, ``<Button>`` → button,
``<div class="row">`` → sphinx-design grid, ``<DemandeForm>`` → data-request,
and a ``buttons:`` list → persona tabs. Liquid links and kramdown attributes
become their MyST equivalents. Anything else is kept verbatim in a comment
and reported with its line, so nothing is lost. Running it on its own output
changes nothing.

This module runs past 400 lines on purpose: it is one pipeline of line
rewrites, due to be replaced whole by a converter driven by a Markdown
parser; splitting it first would only spread what that rewrite removes.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import ftfy
import yaml

from ..urls import slugify

#: Page files the migration reads when given a folder.
PAGE_SUFFIXES = (".md", ".markdown")
#: Marks the toctree the migration adds to an index, so a rerun replaces it.
TOCTREE_MARK = "% sphinx-circ migrate: pages"


@dataclass
class Note:
    """Something the migration did or wants a person to look at."""

    path: str
    line: int
    kind: str  # repaired | converted | review | outside
    message: str


@dataclass
class Page:
    """A page to migrate: where it comes from and the docname it becomes."""

    source: Path
    docname: str  # relative to the output folder, no suffix
    site_root: str  # output subfolder standing for the old site's "/"


@dataclass
class Result:
    text: str
    notes: list[Note] = field(default_factory=list)


# -- reading -------------------------------------------------------------------


def read_source(path: Path, label: str, notes: list[Note]) -> str:
    """Decode a page, repairing mojibake (UTF-8 read as cp1252) with ftfy."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        notes.append(Note(label, 1, "repaired", "not UTF-8: read as Windows-1252"))
    text = text.replace("\r\n", "\n")
    fixed = ftfy.fix_encoding(text)
    if fixed != text:
        before, after = text.split("\n"), fixed.split("\n")
        changed = [
            i + 1 for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b
        ]
        shown = ", ".join(map(str, changed[:12])) + (" …" if len(changed) > 12 else "")
        notes.append(
            Note(
                label,
                changed[0] if changed else 1,
                "repaired",
                f"repaired mojibake (UTF-8 read as cp1252) on lines {shown}",
            )
        )
    return fixed


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter text or None, body, line number of the body)."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            after = text.find("\n", end + 4)
            after = len(text) if after == -1 else after + 1
            front = text[4:end]
            return front, text[after:], front.count("\n") + 4
    return None, text, 1


# -- the component tree ----------------------------------------------------------

OPEN = re.compile(r"^<(Hero|Section|div)((?:\s+[^>]*)?)>$")
CLOSE = re.compile(r"^</(Hero|Section|div)>$")
SELF = re.compile(r"^<([A-Z][A-Za-z]*)((?:\s+[^>]*?)?)\s*(?:/>|></\1>)$")
BUTTON = re.compile(r"<Button((?:\s+[^>]*)?)>(.*?)</Button>")
ATTR = re.compile(r"""([:\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
BREAK = re.compile(r"^<br\s*/?>$", re.IGNORECASE)
ANCHOR = re.compile(
    r"""^<(?:span|a)\s+(?:id|name)=["']([^"']+)["']\s*(?:/>|>(?:</(?:span|a)>)?)$"""
)


def attributes(text: str) -> dict[str, str]:
    return {
        m.group(1): m.group(2) if m.group(2) is not None else m.group(3) or ""
        for m in ATTR.finditer(text)
    }


@dataclass
class Block:
    """A component from the old page, with its text lines and nested blocks."""

    kind: str  # root | Hero | Section | row | column | container | div
    attrs: dict[str, str]
    line: int
    children: list[Any] = field(default_factory=list)  # (line, text) or Block


def parse_blocks(body: str, first_line: int, label: str, notes: list[Note]) -> Block:
    root = Block("root", {}, first_line)
    stack = [root]
    fence: str | None = None
    for offset, raw in enumerate(body.split("\n")):
        line = first_line + offset
        stripped = raw.strip()
        if fence is not None or stripped.startswith(("```", "~~~")):
            marker = stripped[:3]
            if fence is None and marker in ("```", "~~~"):
                fence = marker
            elif fence is not None and stripped.startswith(fence):
                fence = None
            stack[-1].children.append((line, raw))
            continue
        opening = OPEN.match(stripped)
        if opening:
            name, attrs = opening.group(1), attributes(opening.group(2))
            kind = name
            if name == "div":
                classes = attrs.get("class", "").split()
                if "row" in classes:
                    kind = "row"
                elif "container" in classes:
                    kind = "container"
                elif stack[-1].kind == "row" and not classes:
                    kind = "column"
            block = Block(kind, attrs, line)
            stack[-1].children.append(block)
            stack.append(block)
            continue
        closing = CLOSE.match(stripped)
        if closing and len(stack) > 1:
            stack.pop()
            continue
        stack[-1].children.append((line, raw))
    if len(stack) > 1:
        notes.append(
            Note(label, stack[-1].line, "review", f"<{stack[-1].kind}> is never closed")
        )
    return root


# -- rendering ----------------------------------------------------------------------


class Renderer:
    """Turn the block tree of one page into MyST."""

    def __init__(
        self,
        page: Page,
        pages: dict[str, Page],
        label: str,
        notes: list[Note],
        source: str,
    ):
        self.page = page
        self.pages = pages
        self.label = label
        self.notes = notes
        self.source_lines = source.split("\n")
        self.has_hero = False

    def note(self, line: int, kind: str, message: str) -> None:
        self.notes.append(Note(self.label, line, kind, message))

    def line_of(self, needle: str) -> int:
        """The first source line holding *needle* (0 when it was generated)."""
        for number, line in enumerate(self.source_lines, 1):
            if needle in line:
                return number
        return 0

    # Directive fences must grow with nesting: the outer one has more colons.
    def depth(self, block: Block) -> int:
        inner = [self.depth(c) for c in block.children if isinstance(c, Block)]
        lines = [c for c in block.children if isinstance(c, tuple)]
        has_button = any(BUTTON.search(text) for _line, text in lines)
        own = 1 if block.kind in ("Hero", "Section", "row", "column") else 0
        base = max([*inner, 1 if has_button else 0])
        return base + own

    def render(self, block: Block) -> list[str]:
        out: list[str] = []
        children = block.children
        text_lines = dedent([c for c in children if isinstance(c, tuple)])
        dedented = iter(text_lines)
        for child in children:
            if isinstance(child, Block):
                out.extend(self.render_block(child))
            else:
                line, text = next(dedented)
                out.extend(self.render_line(line, text))
        return out

    def render_block(self, block: Block) -> list[str]:
        inner = self.render(block)
        colons = ":" * (2 + self.depth(block))
        if block.kind == "Hero":
            self.has_hero = True
            self.note(block.line, "converted", "<Hero> → hero")
            return ["", f"{colons}{{hero}}", *trim(inner), colons, ""]
        if block.kind == "Section":
            classes = block.attrs.get("class", "").split()
            styles = [
                c.removeprefix("section-") for c in classes if c.startswith("section-")
            ]
            style = styles[0] if styles else "default"
            if style not in ("default", "color", "grey", "dark", "white"):
                self.note(
                    block.line,
                    "review",
                    f"unknown section class {style!r}: default style used",
                )
                style = "default"
            self.note(block.line, "converted", f"<Section> → section ({style})")
            option = [f":style: {style}"] if style != "default" else []
            return ["", f"{colons}{{section}}", *option, "", *trim(inner), colons, ""]
        if block.kind == "row":
            columns = [c for c in block.children if isinstance(c, Block)]
            count = max(len(columns), 1)
            self.note(
                block.line, "converted", f'<div class="row"> → grid of {count} columns'
            )
            loose = [c for c in block.children if isinstance(c, tuple) and c[1].strip()]
            if loose:
                self.note(
                    loose[0][0], "review", "text directly in a row kept before the grid"
                )
            return [
                "",
                f"{colons}{{grid}} 1 1 {count} {count}",
                ":gutter: 4",
                "",
                *trim(inner),
                colons,
                "",
            ]
        if block.kind == "column":
            return ["", f"{colons}{{grid-item}}", *trim(inner), colons, ""]
        if block.kind == "container":
            self.note(
                block.line, "converted", '<div class="container"> removed (layout only)'
            )
            return inner
        # Any other <div>: its content is kept, the tag noted for review.
        self.note(
            block.line, "review", f"<div {block.attrs}> removed; its content is kept"
        )
        return inner

    def render_line(self, line: int, text: str) -> list[str]:
        stripped = text.strip()
        if re.match(r"^ {1,3}#{1,6}\s", text):
            text = text.lstrip(" ")  # an indented heading is still a heading
        if BREAK.match(stripped):
            self.note(line, "converted", "<br> removed")
            return []
        anchor = ANCHOR.match(stripped)
        if anchor:
            self.note(
                line, "converted", f"HTML anchor {anchor.group(1)!r} → MyST target"
            )
            return [f"({anchor.group(1)})=", ""]
        component = SELF.match(stripped)
        if component and component.group(1) != "Button":
            return self.component(
                line, component.group(1), attributes(component.group(2)), stripped
            )
        buttons = list(BUTTON.finditer(text))
        if buttons and BUTTON.sub("", text).strip() == "" and len(buttons) == 1:
            return self.button_block(line, buttons[0])
        if buttons:
            return [BUTTON.sub(lambda m: self.button_role(line, m), text)]
        return [text]

    def component(
        self, line: int, name: str, attrs: dict[str, str], raw: str
    ) -> list[str]:
        if name == "DemandeForm":
            self.note(
                line,
                "converted",
                "<DemandeForm> → data-request (set circ_request_email in conf.py)",
            )
            return ["", ":::{data-request}", ":::", ""]
        self.note(
            line, "review", f"<{name}> has no sphinx-circ equivalent: kept as a comment"
        )
        return [f"% {raw}"]

    def target(self, line: int, url: str) -> str | None:
        """A button target: a URL, or the docname a site path names (None: outside)."""
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url) or url.startswith(("#", "//")):
            return url
        docname = self.resolve(url)
        if docname is None:
            self.note(
                line, "outside", f"link {url!r} points outside the migrated pages"
            )
            return url
        return docname

    def resolve(self, url: str) -> str | None:
        """The migrated docname an old-site path names, if it is in the set."""
        path, _sep, fragment = url.partition("#")
        path = path.strip()
        if not path:
            return None
        base = (
            self.page.site_root
            if path.startswith("/")
            else posixpath.dirname(self.page.docname)
        )
        path = path.strip("/") if path.startswith("/") else path
        for suffix in (".html", ".md", ".markdown"):
            path = path.removesuffix(suffix)
        if url.rstrip("#").endswith("/") or path in ("", "."):
            path = posixpath.join(path, "index")
        candidate = (
            posixpath.normpath(posixpath.join(base, path))
            if base
            else posixpath.normpath(path)
        )
        candidate = candidate.lstrip("./") if candidate.startswith("./") else candidate
        if candidate in self.pages:
            return candidate + (f"#{fragment}" if fragment else "")
        slugged = {slugify(name): name for name in self.pages}
        for key in (slugify(candidate), slugify(posixpath.basename(candidate))):
            if key in slugged:
                return slugged[key] + (f"#{fragment}" if fragment else "")
        return None

    def button_parts(
        self, line: int, match: re.Match[str]
    ) -> tuple[str, str, str | None]:
        attrs = attributes(match.group(1))
        label = match.group(2).strip()
        url = attrs.get("url", attrs.get("href", "")).strip()
        variant = ""
        for cls in attrs.get("_class", attrs.get("class", "")).split():
            name = cls.removeprefix("button-")
            if name in ("outline", "secondary", "tertiary"):
                variant = name
        if not url:
            self.note(
                line, "review", f"button {label!r} has no URL: kept as a visible TODO"
            )
            return label, variant, None
        target = self.target(line, url)
        return label, variant, target

    def button_block(self, line: int, match: re.Match[str]) -> list[str]:
        label, variant, target = self.button_parts(line, match)
        if target is None:
            return ["", f"**{label}** (TODO : lien à compléter)", ""]
        self.note(line, "converted", "<Button> → button")
        target = "/" + target if self.is_doc(target) else target
        options = [f":variant: {variant}"] if variant else []
        return ["", f":::{{button}} {target}", *options, label, ":::", ""]

    def button_role(self, line: int, match: re.Match[str]) -> str:
        label, variant, target = self.button_parts(line, match)
        if target is None:
            return f"**{label}** (TODO : lien à compléter)"
        self.note(line, "converted", "<Button> → button role")
        target = "/" + target if self.is_doc(target) else target
        role = f"button-{variant}" if variant else "button"
        return f"{{{role}}}`{label} <{target}>`"

    def is_doc(self, target: str) -> bool:
        return target.split("#")[0] in self.pages


def dedent(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Remove the indentation HTML wrappers added (it would make code blocks)."""
    indents = [len(t) - len(t.lstrip(" ")) for _l, t in lines if t.strip()]
    cut = min(indents) if indents else 0
    return [(line, text[cut:] if text.strip() else "") for line, text in lines]


def trim(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


# -- text-level conversions --------------------------------------------------------

LIQUID_LINK = re.compile(
    r"\{\{\s*site\.baseurl\s*\}\}\s*\{%\s*link\s+([^%]+?)\s*%\}|\{%\s*link\s+([^%]+?)\s*%\}"
)
LIQUID_OTHER = re.compile(r"\{%.*?%\}|\{\{.*?\}\}")
MD_LINK = re.compile(r"(\]\()([^)\s]+)(\))")
TOC_GROUP = re.compile(r"^\{:\s*\.no_toc\s*\}\n[-*] TOC\n\{:\s*toc\s*\}$", re.MULTILINE)
IAL = re.compile(r"^\{:\s*([^}]*)\}\s*$")
HEADING = re.compile(r"^(#{1,6})(\s+.*)$")


def convert_liquid(text: str, renderer: Renderer) -> str:
    def link(match: re.Match[str]) -> str:
        target = (match.group(1) or match.group(2)).strip()
        # Jekyll collections live in "_name/" folders, published as "name/".
        parts = PurePosixPath(target).parts
        cleaned = "/".join(
            p.removeprefix("_") if i == 0 else p for i, p in enumerate(parts)
        )
        docname = renderer.resolve("/" + cleaned)
        line = renderer.line_of(match.group(0))
        if docname is None:
            renderer.note(
                line,
                "outside",
                f"Liquid link to {target!r} is outside the migrated pages",
            )
            return cleaned
        renderer.note(line, "converted", f"Liquid link to {target!r} → document link")
        return relative_link(renderer.page.docname, docname)

    converted = LIQUID_LINK.sub(link, text)
    for match in LIQUID_OTHER.finditer(converted):
        line = renderer.line_of(match.group(0))
        renderer.note(line, "review", f"Liquid {match.group(0)!r} kept as written")
    return converted


def relative_link(from_doc: str, docname: str) -> str:
    path, _sep, fragment = docname.partition("#")
    rel = posixpath.relpath(path + ".md", posixpath.dirname(from_doc) or ".")
    return rel + (f"#{fragment}" if fragment else "")


def convert_links(lines: list[str], renderer: Renderer) -> list[str]:
    """Links to the old site's pages (``/inventaire.html``, ``../faq/``) → documents.

    Links that name no migrated page are left as written and reported.
    """

    def fix(match: re.Match[str]) -> str:
        url = match.group(2)
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url) or url.startswith(("#", "//")):
            return match.group(0)
        docname = renderer.resolve(url)
        if docname is None:
            line = renderer.line_of(url)
            renderer.note(
                line, "outside", f"link {url!r} points outside the migrated pages"
            )
            return match.group(0)
        return (
            match.group(1)
            + relative_link(renderer.page.docname, docname)
            + match.group(3)
        )

    return [MD_LINK.sub(fix, line) for line in lines]


def convert_kramdown(lines: list[str], renderer: Renderer) -> list[str]:
    text = "\n".join(lines)
    if TOC_GROUP.search(text):
        renderer.note(
            renderer.line_of("{:toc}"),
            "converted",
            "kramdown table of contents → contents directive",
        )
        text = TOC_GROUP.sub("```{contents}\n:local:\n```", text)
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        match = IAL.match(line.strip())
        if not match:
            out.append(line)
            continue
        attrs = match.group(1).strip()
        if attrs in ("toc", ".no_toc"):
            renderer.note(
                renderer.line_of(line.strip()),
                "review",
                f"kramdown {{:{attrs}}} has no equivalent here: removed",
            )
            continue
        # kramdown puts attributes after a block, MyST before it.
        start = len(out)
        while start > 0 and out[start - 1].strip():
            start -= 1
        out.insert(start, "{" + attrs + "}")
        line_number = renderer.line_of(line.strip())
        renderer.note(
            line_number, "converted", f"kramdown {{: {attrs}}} → MyST block attributes"
        )
    return out


def fix_headings(lines: list[str], renderer: Renderer) -> list[str]:
    """Headings must not skip levels (MyST would warn): ``#`` then ``###`` → ``##``."""
    out = []
    previous = 0
    fence = False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            fence = not fence
        match = None if fence else HEADING.match(line)
        if match:
            level = len(match.group(1))
            if previous and level > previous + 1:
                renderer.note(
                    renderer.line_of(match.group(2).strip()),
                    "converted",
                    f"heading level {level} after {previous}: lowered",
                )
                level = previous + 1
            elif not previous and level > 1:
                level = 1 if not renderer.has_hero else level
            line = "#" * level + match.group(2)
            previous = level
        out.append(line)
    return out


# -- front matter --------------------------------------------------------------------

DROPPED_LAYOUTS = ("page", "post", "default", "home", "faq")


def convert_front_matter(
    front: dict[str, Any], renderer: Renderer, line: int
) -> tuple[dict[str, Any], list[str]]:
    """Tidy the front matter; return it and the persona block its buttons make."""
    out = dict(front)
    persona_block: list[str] = []
    buttons = out.pop("buttons", None)
    if isinstance(buttons, list) and buttons:
        persona_block = personas_from_buttons(buttons, renderer, line)
    elif buttons is not None:
        out["buttons"] = buttons
        renderer.note(line, "review", "front matter 'buttons' is not a list: kept")
    layout = out.pop("layout", None)
    if layout == "landing":
        out["layout"] = layout
    elif layout not in (None, *DROPPED_LAYOUTS):
        out["layout"] = layout
        renderer.note(line, "review", f"layout {layout!r} kept as written")
    for key in ("template", "permalink"):
        if key in out:
            renderer.note(
                line, "review", f"front matter {key!r} has no effect in Sphinx"
            )
    return out, persona_block


def personas_from_buttons(
    buttons: list[Any], renderer: Renderer, line: int
) -> list[str]:
    block = ["", ":::::{persona-tabs}"]
    for item in buttons:
        if not isinstance(item, dict) or not item.get("title"):
            renderer.note(
                line, "review", f"persona button {item!r} has no title: skipped"
            )
            continue
        title = str(item["title"]).strip()
        page = str(item.get("default") or item.get("page") or "").strip()
        block += ["", f"::::{{persona}} {title}"]
        docname = renderer.resolve("/" + page) if page else None
        if docname:
            block.append(f":page: /{docname}")
        else:
            if page:
                renderer.note(
                    line,
                    "outside",
                    f"persona page {page!r} is outside the migrated pages",
                )
            block.append(f"TODO : contenu de la page « {page or title} ».")
        block.append("::::")
    renderer.note(
        line, "converted", f"front matter buttons → persona tabs ({len(buttons)})"
    )
    return [*block, ":::::", ""]


def dump_front_matter(front: dict[str, Any]) -> str:
    if not front:
        return ""
    text = yaml.safe_dump(
        front, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000
    )
    return f"---\n{text}---\n\n"


# -- a whole page -----------------------------------------------------------------------


def migrate_text(text: str, page: Page, pages: dict[str, Page], label: str) -> Result:
    notes: list[Note] = []
    front_text, body, body_line = split_front_matter(text)
    front: dict[str, Any] = {}
    renderer = Renderer(page, pages, label, notes, text)
    preserved_front = ""
    if front_text is not None:
        try:
            loaded = yaml.safe_load(front_text)
        except yaml.YAMLError as error:
            loaded = None
            notes.append(
                Note(
                    label,
                    2,
                    "review",
                    f"front matter is not valid YAML ({error.__class__.__name__}): kept in a comment",
                )
            )
            preserved_front = (
                "\n".join(f"% {line}" for line in front_text.split("\n")) + "\n\n"
            )
        if isinstance(loaded, dict):
            front = loaded
        elif loaded is not None and not preserved_front:
            notes.append(
                Note(
                    label,
                    2,
                    "review",
                    "front matter is not a mapping: kept in a comment",
                )
            )
            preserved_front = (
                "\n".join(f"% {line}" for line in front_text.split("\n")) + "\n\n"
            )
    tree = parse_blocks(body, body_line, label, notes)
    lines = renderer.render(tree)
    front, personas = convert_front_matter(front, renderer, 2)
    if renderer.has_hero:
        front["layout"] = "landing"
    lines = convert_liquid("\n".join(lines), renderer).split("\n")
    lines = convert_links(lines, renderer)
    lines = convert_kramdown(lines, renderer)
    if not any(
        HEADING.match(line) and line.startswith("# ") for line in lines
    ) and front.get("title"):
        lines = [f"# {front['title']}", "", *lines]
        notes.append(
            Note(label, 1, "converted", "title from the front matter → page heading")
        )
    lines = fix_headings(lines, renderer)
    lines = [*lines, *personas]
    body_text = "\n".join(collapse_blank(lines)).strip("\n") + "\n"
    return Result(dump_front_matter(front) + preserved_front + body_text, notes)


def collapse_blank(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        line = line.rstrip()
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return out


def add_toctree(text: str, entries: list[str]) -> str:
    """Add (or replace) the hidden toctree listing a folder's other pages."""
    if TOCTREE_MARK in text:
        text = text[: text.index(TOCTREE_MARK)].rstrip("\n") + "\n"
    if not entries:
        return text
    block = "\n".join([TOCTREE_MARK, "```{toctree}", ":hidden:", "", *entries, "```"])
    return text.rstrip("\n") + "\n\n" + block + "\n"
