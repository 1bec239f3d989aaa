"""Jekyll's layouts: the front-matter fields a page's layout renders, as content.

A Jekyll page may hold its prose in its front matter (``description:``,
``panels:`` with ``title:`` and ``content:``…) and leave its HTML layout
(``_layouts/<layout>.html``, and the layouts that one sits in) to render it.
The layout is read for the fields it outputs (``{{ page.x }}``,
``{% for p in page.panels %}…{{ p.content }}``, ``href="{{ p.link }}"``) and
the page gets them as Markdown where the layout puts them, before or after
``{{ content }}``: headings for what the layout puts in ``<hN>``, links for
``href``, paragraphs for the rest. A layout the site does not hold (a
theme's) stands for a default list of prose fields. Loops over the site's
posts or collections cannot be rendered from one page: kept in a comment
and reported. The ``home`` layout also shows the site's title and
description (``_config.yml``).

Also here: the map of ``permalink:`` URLs links resolve through, and
Jekyll pages written in HTML (``contact.html``), converted when simple.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .htmltext import (
    INLINE_TAGS,
    LIQUID,
    RAW_TAGS,
    Element,
    TreeBuilder,
    blocks_in,
    blocks_of,
    convertible,
    flatten,
    last_line,
)
from .liquid import PARAM
from .model import Doc, Edit, Note, Page, Site

#: Front-matter keys never carried: the title is the page's heading already.
NOT_CONTENT = frozenset({"title", "layout", "permalink", "redirect_from", "lang"})
#: Prose fields a page's layout is taken to render when the site has no file
#: for it (a theme's layout): before the page's own content, then after it.
DEFAULT_BEFORE = ("description", "intro", "summary")
DEFAULT_AFTER = ("content", "text", "body")
ITEM_TITLES = ("title", "name", "question")
ITEM_TEXTS = ("content", "text", "body", "description", "answer")
ITEM_LINKS = ("link", "url", "href")
#: A link whose text the layout gives no words for.
LINK_TEXT = "En savoir plus"

HIDDEN = re.compile(
    r"<head\b.*?</head\s*>|<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->"
    r"|\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}"
    r"|\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}",
    re.DOTALL | re.IGNORECASE,
)
#: ``scope``, ``scope.key`` or ``scope.key.sub`` (``page.cta.text``).
EXPRESSION = re.compile(r"^(\w+)(?:\.(\w+(?:\.\w+)*))?$")
FOR = re.compile(r"^(\w+)\s+in\s+([\w.]+)")
FRONT = re.compile(r"\A\ufeff?---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
CONTENT = "content"


# -- the layout's plan ----------------------------------------------------------


@dataclass
class Output:
    """``{{ scope.key }}`` in a layout, and what the layout makes of it."""

    scope: str  # "page", "site" or a loop's variable
    key: str | None  # None: the loop's variable itself
    role: str  # text | heading | link | anchor (an element's id)
    level: int = 0  # heading level (of a heading, or a link in a heading)
    label: Output | None = None  # a link's text, from a field
    words: str = ""  # a link's text, as the layout writes it


@dataclass
class Loop:
    """``{% for var in scope.key %}`` … ``{% endfor %}`` over the page's own list."""

    var: str
    scope: str
    key: str
    body: list[Part] = field(default_factory=list)


@dataclass
class Foreign:
    """A loop over what one page cannot render (the site's posts, a collection)."""

    source: str
    path: Path | None
    line: int


Part = Output | Loop | Foreign | str


#: An id that can be a MyST target.
ANCHOR = re.compile(r"[A-Za-z0-9][\w.-]*")


def layouts_dir(site: Site) -> Path:
    return site.root / str(site.config.get("layouts_dir") or "_layouts")


def plan(site: Site, name: str) -> list[Part] | None:
    """What layout *name* renders, in order, with ``CONTENT`` for the page's own."""
    includes = tuple(str(folder) for folder in site.include_dirs)
    return cached_plan(str(layouts_dir(site)), includes, name, True, 0)


@functools.lru_cache(maxsize=64)
def cached_plan(
    folder: str, includes: tuple[str, ...], name: str, own: bool, depth: int
) -> list[Part] | None:
    path = Path(folder) / f"{name}.html"
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    parent = None
    match = FRONT.match(text)
    if match:
        try:
            front = yaml.safe_load(match.group(1) or "")
        except yaml.YAMLError:
            front = None
        if isinstance(front, dict) and front.get("layout"):
            parent = str(front["layout"])
        # Blanked, not cut: line numbers stay those of the file.
        text = re.sub(r"[^\n]", " ", match.group(0)) + text[match.end() :]
    parts = scan(visible(text), path, own, includes)
    if parent and depth < 8:
        outer = cached_plan(folder, includes, parent, False, depth + 1)
        if outer is not None and CONTENT in outer:
            index = outer.index(CONTENT)
            parts = [*outer[:index], *parts, *outer[index + 1 :]]
    return parts


#: Settings of ``_config.yml`` a page's own layout may show as its text;
#: the others (``baseurl``, ``url``, ``lang``…) are addresses and settings.
SITE_PROSE = frozenset({"description", "tagline", "subtitle", "intro"})


def visible(text: str) -> str:
    """*text* without what a reader never sees (blanked: lines keep their numbers)."""
    return HIDDEN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def scan(
    text: str,
    path: Path,
    own: bool,
    includes: tuple[str, ...] = (),
    outer: tuple[str, ...] = (),
    depth: int = 0,
) -> list[Part]:
    """The outputs and loops of a layout's text; *own*: the page's own layout
    (its parents are the site's frame: their ``site.x`` and loops are not content);
    *outer*: the loop variables of the layout that includes this text."""
    stack: list[list[Part]] = [[]]
    loops: list[Loop | None] = []  # None: a loop whose outputs are not the page's
    variables: list[str] = list(outer)
    labels: set[int] = set()  # outputs already read as a link's text
    for match in LIQUID.finditer(text):
        if match.group(1) is not None:
            if match.start() in labels or None in loops:
                continue
            expression = match.group(1).split("|")[0].strip()
            if expression == CONTENT and not loops:
                stack[-1].append(CONTENT)
                continue
            found = EXPRESSION.match(expression)
            if not found:
                continue
            scope, key = found.groups()
            usable = (
                (scope == "page" and key and key.split(".")[0] not in NOT_CONTENT)
                or (scope == "site" and own and key in SITE_PROSE)
                or scope in variables
            )
            if not usable:
                continue
            role, level = context(text, match.start())
            if role == "attribute":
                continue
            output = Output(scope, key, role, level)
            if role == "link":
                output.label, output.words, used = link_text(text, match.end())
                labels.update(used)
            stack[-1].append(output)
            continue
        name, argument = match.group(2), match.group(3)
        if name == "for":
            found = FOR.match(argument)
            source = found.group(2) if found else ""
            scope, _dot, key = source.partition(".")
            if (
                found
                and key
                and "." not in key
                and (scope == "page" or scope in variables)
            ):
                loop = Loop(found.group(1), scope, key)
                stack[-1].append(loop)
                stack.append(loop.body)
                loops.append(loop)
                variables.append(loop.var)
                continue
            if own and None not in loops and scope in ("site", "paginator"):
                line = text.count("\n", 0, match.start()) + 1
                stack[-1].append(Foreign(match.group(0), path, line))
            loops.append(None)
        elif name == "include" and None not in loops and depth < 4:
            included = include(argument, includes)
            if included is not None:
                stack[-1] += scan(
                    included[1], included[0], own, includes, tuple(variables), depth + 1
                )
        elif name == "endfor" and loops and loops.pop() is not None:
            stack.pop()
            variables.pop()
    return stack[0]


def include(argument: str, includes: tuple[str, ...]) -> tuple[Path, str] | None:
    """The file ``{% include file a=b %}`` names, its ``include.a`` replaced by ``b``."""
    name, _space, rest = argument.strip().partition(" ")
    path = next((Path(d) / name for d in includes if (Path(d) / name).is_file()), None)
    if path is None:
        return None
    try:
        text = visible(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return None
    params = {m[0]: m for m in PARAM.findall(rest)}

    def output(match: re.Match[str]) -> str:
        found = params.get(match.group(1))
        if found is None:
            return ""
        _key, double, single, bare = found
        if bare:
            return "{{ " + bare + match.group(2) + " }}"
        return "" if match.group(2) else double or single

    text = re.sub(r"\{\{-?\s*include\.(\w+)((?:\.\w+)*)[^}]*\}\}", output, text)
    return path, re.sub(
        r"\binclude\.(\w+)",
        lambda m: (
            params[m.group(1)][3]
            if params.get(m.group(1), ("",) * 4)[3]
            else m.group(0)
        ),
        text,
    )


def context(text: str, position: int) -> tuple[str, int]:
    """Whether an output is text, in a heading, a link's ``href`` or another attribute."""
    opened, closed = text.rfind("<", 0, position), text.rfind(">", 0, position)
    level = heading_level(text, opened if opened > closed else position)
    if opened > closed:
        attribute = re.search(
            r"([\w-]+)\s*=\s*[\"']?[^\"'<>=]*$", text[opened:position]
        )
        if attribute and attribute.group(1).lower() == "href":
            return "link", level
        if attribute and attribute.group(1).lower() == "id":
            return "anchor", 0
        return "attribute", 0
    return ("heading", level) if level else ("text", 0)


def heading_level(text: str, position: int) -> int:
    tags = list(re.finditer(r"<(/?)h([1-6])\b", text[:position], re.IGNORECASE))
    return int(tags[-1].group(2)) if tags and not tags[-1].group(1) else 0


def link_text(text: str, position: int) -> tuple[Output | None, str, set[int]]:
    """The text of the ``<a>`` whose ``href`` ends at *position*: a field, or words."""
    start = text.find(">", position) + 1
    end = re.compile(r"</a\s*>", re.IGNORECASE).search(text, start)
    inner = text[start : end.start() if end else start]
    for match in LIQUID.finditer(inner):
        found = EXPRESSION.match((match.group(1) or "").split("|")[0].strip())
        if found:
            scope, key = found.groups()
            return Output(scope, key, "text"), "", {start + match.start()}
    words = " ".join(re.sub(r"<[^>]*>|\{[{%].*?[}%]\}", " ", inner).split())
    return None, words, set()


def default_plan(front: dict[str, Any], home: bool, posts: bool) -> list[Part]:
    """What a layout the site does not hold is taken to render: prose fields."""
    before: list[Part] = [Output("site", "description", "text")] if home else []
    after: list[Part] = []
    for key, value in front.items():
        if key in DEFAULT_BEFORE:
            before.append(Output("page", key, "text"))
        elif key in DEFAULT_AFTER:
            after.append(Output("page", key, "text"))
        elif isinstance(value, list) and any(
            isinstance(i, dict) and any(k in i for k in (*ITEM_TITLES, *ITEM_TEXTS))
            for i in value
        ):
            body: list[Part] = []
            keys = {k for i in value if isinstance(i, dict) for k in i}
            for name in ITEM_TITLES:
                if name in keys:
                    body.append(Output("item", name, "heading", 2))
                    break
            body += [Output("item", n, "text") for n in ITEM_TEXTS if n in keys]
            body += [Output("item", n, "link") for n in ITEM_LINKS if n in keys][:1]
            after.append(Loop("item", "page", key, body))
    if home and posts:
        after.append(Foreign("liste des articles (layout « home » du thème)", None, 0))
    return [*before, CONTENT, *after]


# -- the page's values, with their lines ------------------------------------------

#: A value and its line in the front matter (from 0; -1: not from the front matter).
Located = tuple[Any, int]


def located(node: yaml.Node) -> Located:
    line = node.start_mark.line
    if isinstance(node, yaml.ScalarNode):
        if node.tag != "tag:yaml.org,2002:str":
            return (None, line)
        # A block scalar's text starts on the line after its "|" or ">".
        return (node.value, line + (1 if node.style in ("|", ">") else 0))
    if isinstance(node, yaml.SequenceNode):
        return ([located(n) for n in node.value], line)
    if isinstance(node, yaml.MappingNode):
        return ({str(k.value): located(v) for k, v in node.value}, line)
    return (None, line)


def from_config(value: Any) -> Located:
    if isinstance(value, dict):
        return ({str(k): from_config(v) for k, v in value.items()}, -1)
    if isinstance(value, list):
        return ([from_config(v) for v in value], -1)
    return (value if isinstance(value, str) else None, -1)


@dataclass
class Block:
    """Markdown lines the page gets, from a front-matter line (or -1)."""

    lines: list[str]
    line: int
    key: str | None = None  # the front-matter key it comes from
    strings: list[tuple[int, str]] = field(default_factory=list)
    foreign: Foreign | None = None
    what: str = ""  # the layout's expression, for the note
    #: Other front-matter keys it shows (a link's text, from its own field).
    also: list[str] = field(default_factory=list)


def render(
    parts: list[Part], scopes: dict[str, Located], key: str | None = None
) -> list[Block | str]:
    """The blocks *parts* make from the values in *scopes*."""
    out: list[Block | str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, Foreign):
            out.append(Block([], -1, foreign=part))
        elif isinstance(part, Loop):
            items, _line = lookup(scopes, part.scope, part.key)
            if not isinstance(items, list):
                continue
            carried = top(part.key) if part.scope == "page" else key
            for item in items:
                inner = render(part.body, {**scopes, part.var: item}, carried)
                out += [b for b in inner if isinstance(b, Block)]
        else:
            block = output_block(
                part, scopes, top(part.key) if part.scope == "page" else key
            )
            if block is not None:
                block.what = f"{part.scope}.{part.key}" if part.key else part.scope
                out.append(block)
    return out


def top(key: str | None) -> str | None:
    """The front-matter key a dotted path (``cta.text``) starts from."""
    return key.split(".")[0] if key else key


def lookup(scopes: dict[str, Located], scope: str, key: str | None) -> Located:
    found: Located = scopes.get(scope, (None, -1))
    for name in key.split(".") if key else []:
        value = found[0]
        if not isinstance(value, dict) or name not in value:
            return (None, -1)
        found = value[name]
    return found


def output_block(
    part: Output, scopes: dict[str, Located], key: str | None
) -> Block | None:
    value, line = lookup(scopes, part.scope, part.key)
    strings = []
    if part.role == "link":
        words = part.words or LINK_TEXT
        if part.label is not None:
            label, label_line = lookup(scopes, part.label.scope, part.label.key)
            if isinstance(label, str) and label.strip():
                words = " ".join(label.split())
                if label_line >= 0:
                    strings.append((label_line, label))
            if not isinstance(value, str) or not value.strip():
                # No address: the link's text is still shown.
                role = "heading" if part.level else "text"
                return output_block(
                    Output(part.label.scope, part.label.key, role, part.level),
                    scopes,
                    key,
                )
        if not isinstance(value, str) or not value.strip():
            return None
        url = value.strip()
        url = f"<{url}>" if " " in url else url
        prefix = "#" * max(2, part.level) + " " if part.level else ""
        block = Block([f"{prefix}[{words}]({url})"], line, key, strings)
        if part.label is not None and part.label.scope == "page" and strings:
            block.also.append(str(top(part.label.key)))
        return block
    if part.role == "anchor":
        # Links to "page/#id" found the element: a MyST target before what follows.
        name = value.strip() if isinstance(value, str) else ""
        return Block([f"({name})="], line, key) if ANCHOR.fullmatch(name) else None
    if isinstance(value, list) and value and all(isinstance(v, str) for v, _l in value):
        lines = [f"- {' '.join(v.split())}" for v, _l in value]
        strings = [(n, v) for v, n in value if n >= 0]
        return Block(lines, line, key, strings)
    if not isinstance(value, str) or not value.strip():
        return None
    strings = [(line, value)] if line >= 0 else []
    if part.role == "heading":
        return Block(
            [f"{'#' * max(2, part.level)} {' '.join(value.split())}"],
            line,
            key,
            strings,
        )
    # The page's lines opening with "%" are escaped already: these too.
    lines = [
        re.sub(r"^(\s*)%", r"\1\\%", text.rstrip())
        for text in value.strip("\n").split("\n")
    ]
    return Block(lines, line, key, strings)


# -- the step -------------------------------------------------------------------


def layout_name(site: Site, front: Mapping[str, Any], relative: str) -> str | None:
    """The page's layout: its front matter's, or the one ``defaults:`` gives it."""
    if front.get("layout"):
        return str(front["layout"])
    found = None
    parts = relative.split("/")
    kind = "pages"
    if len(parts) > 1 and parts[0].startswith("_"):
        kind = parts[0][1:]
    for entry in site.config.get("defaults") or []:
        if not isinstance(entry, dict):
            continue
        scope, values = entry.get("scope") or {}, entry.get("values") or {}
        if not isinstance(scope, dict) or not isinstance(values, dict):
            continue
        if not values.get("layout"):
            continue
        path = str(scope.get("path") or "").strip("/")
        if path and relative != path and not relative.startswith(path + "/"):
            continue
        if scope.get("type") and scope["type"] != kind:
            continue
        found = str(values["layout"])
    return found


def relative_path(site: Site, source: Path) -> str:
    try:
        return source.resolve().relative_to(site.root.resolve()).as_posix()
    except ValueError:
        return source.name


def looped(parts: list[Part]) -> list[str]:
    """The page's lists the layout loops over."""
    return [p.key for p in parts if isinstance(p, Loop) and p.scope == "page"]


def page_blocks(
    site: Site, front: Mapping[str, Any], node: yaml.Node, relative: str
) -> tuple[str | None, bool, list[Block | str]]:
    """(layout, whether its file was found, the blocks it renders)."""
    name = layout_name(site, front, relative)
    if name is None:
        return None, False, []
    parts = plan(site, name)
    found = parts is not None
    if parts is None:
        posts = (site.root / "_posts").is_dir()
        parts = default_plan(dict(front), name == "home", posts)
    scopes = {"page": located(node), "site": from_config(site.config)}
    return name, found, shift_headings(render(parts, scopes))


def shift_headings(blocks: list[Block | str]) -> list[Block | str]:
    """The layout's shallowest heading becomes a section ("##") of the page,
    the others keep their depth below it: no level is skipped."""
    levels = [
        len(line) - len(line.lstrip("#"))
        for b in blocks
        if isinstance(b, Block)
        for line in b.lines[:1]
        if line.startswith("#")
    ]
    if not levels or min(levels) == 2:
        return blocks
    shift = 2 - min(levels)
    for block in blocks:
        if isinstance(block, Block) and block.lines and block.lines[0].startswith("#"):
            depth = len(block.lines[0]) - len(block.lines[0].lstrip("#"))
            block.lines[0] = "#" * (depth + shift) + block.lines[0][depth:]
    return blocks


def content_strings(
    site: Site, text: str, source: Path | None = None
) -> list[tuple[int, str]]:
    """(line from 1, string) of each front-matter string the migration carries
    into the page's content: what its built page must show."""
    match = FRONT.match(text)
    if not match or not match.group(1):
        return []
    try:
        node = yaml.compose(match.group(1), Loader=yaml.SafeLoader)
        front = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return []
    if not isinstance(front, dict) or not isinstance(node, yaml.MappingNode):
        return []
    relative = relative_path(site, source) if source else ""
    _name, _found, blocks = page_blocks(site, front, node, relative)
    strings = [s for b in blocks if isinstance(b, Block) for s in b.strings]
    return [(line + 2, string) for line, string in strings]


def convert(doc: Doc) -> None:
    """Write the front-matter fields the page's layout renders as its content."""
    if doc.page.source.suffix.lower() in (".html", ".htm"):
        html_body(doc)
    if doc.front_span is None or not doc.front:
        return
    start, end = doc.front_span
    try:
        node = yaml.compose(
            "\n".join(doc.lines[start + 1 : end - 1]), Loader=yaml.SafeLoader
        )
    except yaml.YAMLError:
        return
    if not isinstance(node, yaml.MappingNode):
        return
    relative = relative_path(doc.site, doc.page.source)
    name, found, blocks = page_blocks(doc.site, doc.front, node, relative)
    if name is None:
        return
    where = f"layout {name!r}"
    renders = (
        f"as {where} renders it"
        if found
        else f"{where} is not in the site: taken to render it"
    )
    before: list[Block] = []
    after: list[Block] = []
    place = before
    carried: dict[str, int] = {}
    for block in blocks:
        if isinstance(block, str):
            place = after
            continue
        if block.foreign is not None:
            block.lines = [f"% {' '.join(block.foreign.source.split())}"]
            why = f"{where} lists the site's posts or pages: not rendered, kept in a comment"
            if block.foreign.path is not None:
                doc.notes.append(
                    Note(
                        str(block.foreign.path),
                        block.foreign.line,
                        "comment",
                        why,
                        doc.label,
                    )
                )
            else:
                doc.note(doc.front_lines.get("layout", start), "comment", why)
        elif block.key is None:
            doc.note(
                doc.front_lines.get("layout", start),
                "converted",
                f"'{{{{ {block.what} }}}}' → page content ({renders})",
            )
        else:
            for key in [block.key, *block.also]:
                carried[key] = carried.get(key, 0) + 1
        place.append(block)
    if name == "home":
        shown = any(b.what == "site.description" for b in [*before, *after])
        before[:0] = home_title(doc) + ([] if shown else home_description(doc))
    for key in carried:
        doc.front_dropped.add(key)
        doc.note(
            doc.front_lines.get(key, start),
            "converted",
            f"front matter {key!r} → page content ({renders})",
        )
    for key in looped(plan(doc.site, name) or []):
        if key not in carried and doc.front.get(key):
            doc.note(
                doc.front_lines.get(key, start),
                "review",
                f"front matter {key!r}: {where} loops over it but shows none of its"
                " fields as text (an include?): kept in the front matter",
            )
    if carried and found:
        # Its fields are the page's content now; the theme gives the rest.
        doc.front_dropped.add("layout")
        doc.note(
            doc.front_lines.get("layout", start),
            "converted",
            f"layout {name!r} rendered into the page: dropped",
        )
    edits = []
    if before:
        lines, origins = block_lines(doc, before, end)
        tail = [""] if end == len(doc.lines) or doc.lines[end].strip() else []
        edits.append(
            Edit(
                end,
                end,
                ["", *lines, *tail],
                [*origins[:1], *origins, *origins[-1:] * len(tail)],
            )
        )
    if after:
        last = len(doc.lines)
        while last > end and not doc.lines[last - 1].strip():
            last -= 1
        lines, origins = block_lines(doc, after, end)
        edits.append(
            Edit(
                last,
                len(doc.lines),
                ["", *lines, ""],
                [origins[0], *origins, origins[-1]],
            )
        )
    if edits:
        doc.apply(edits)


def home_description(doc: Doc) -> list[Block]:
    """The site's description, on a home page whose layout leaves it to its
    frame (a footer, a banner): the home page is where a reader looks for it."""
    description = doc.site.config.get("description")
    if not isinstance(description, str) or not description.strip():
        return []
    doc.note(
        doc.front_lines.get("layout", 0),
        "converted",
        "site description (_config.yml) → page content",
    )
    return [Block([" ".join(description.split())], -1, what="site.description")]


def home_title(doc: Doc) -> list[Block]:
    """The site's title, heading a home page that has none."""
    title = doc.site.config.get("title")
    if doc.front.get("title") or not isinstance(title, str) or not title.strip():
        return []
    if any(re.match(r"^#\s", text) for text in doc.lines):
        return []
    doc.note(
        doc.front_lines.get("layout", 0),
        "converted",
        "site title (_config.yml) → page heading",
    )
    return [Block([f"# {' '.join(title.split())}"], -1)]


def block_lines(
    doc: Doc, blocks: list[Block], end: int
) -> tuple[list[str], list[tuple[str, int]]]:
    start = doc.front_span[0] if doc.front_span else 0
    lines: list[str] = []
    origins: list[tuple[str, int]] = []
    for block in blocks:
        origin = (
            doc.origin(start + 1 + block.line)
            if block.line >= 0
            else doc.origin(end - 1)
        )
        if lines:
            lines.append("")
            origins.append(origin)
        lines += block.lines
        origins += [origin] * len(block.lines)
    return lines, origins


# -- permalinks -------------------------------------------------------------------


def url_key(url: str) -> str:
    """A site path as the permalink map knows it: ``/faq/citoyen/`` → ``faq/citoyen``."""
    path = url.split("#", 1)[0].split("?", 1)[0].strip().strip("/")
    path = path.removesuffix(".html").removesuffix(".htm")
    return "" if path == "index" else path.removesuffix("/index")


def permalink(source: Path) -> str | None:
    """The ``permalink:`` of a page's front matter, unless it is a pattern."""
    try:
        with source.open(encoding="utf-8-sig") as handle:
            head = handle.read(20_000)
    except (OSError, UnicodeDecodeError):
        return None
    match = FRONT.match(head)
    if not match:
        return None
    try:
        front = yaml.safe_load(match.group(1) or "")
    except yaml.YAMLError:
        return None
    value = front.get("permalink") if isinstance(front, dict) else None
    if not isinstance(value, str) or ":" in value or not value.startswith("/"):
        return None
    return value


def permalinks(site: Site, pages: Mapping[str, Page]) -> dict[str, str]:
    """The docname of each page of *site* a ``permalink:`` publishes, by URL."""
    if site.permalinks is None:
        found: dict[str, str] = {}
        for page in pages.values():
            if page.site is site or page.site.root == site.root:
                url = permalink(page.source)
                if url is not None:
                    found.setdefault(url_key(url), page.docname)
        site.permalinks = found
    return site.permalinks


def permalinked(page: Page, pages: Mapping[str, Page], path: str) -> str | None:
    """The docname of the page a ``permalink:`` publishes at *path*, if any."""
    published = permalinks(page.site, pages)
    if not published:
        return None
    keys = [url_key(path), url_key(without_baseurl(page.site, path))]
    return next((published[k] for k in keys if k in published), None)


def without_baseurl(site: Site, path: str) -> str:
    """An absolute path written with the site's ``baseurl`` (``/portail/doc/``), without it."""
    baseurl = "/" + str(site.config.get("baseurl") or "").strip("/")
    if baseurl != "/" and (path == baseurl or path.startswith(baseurl + "/")):
        return path[len(baseurl) :] or "/"
    return path


# -- pages written in HTML --------------------------------------------------------


def html_body(doc: Doc) -> None:
    """A page written in HTML: simple blocks as Markdown, the rest in comments."""
    start = doc.front_span[1] if doc.front_span else 0
    body = doc.lines[start:]
    builder = TreeBuilder()
    builder.feed("\n".join(body))
    builder.close()
    lines: list[str] = []
    origins: list[tuple[str, int]] = []
    kept = 0

    def add(block: list[str], index: int) -> None:
        if lines:
            lines.append("")
            origins.append(doc.origin(index))
        lines.extend(block)
        origins.extend([doc.origin(index)] * len(block))

    text_run: list[Element | str] = []
    commented = 0  # lines before this one are in a comment already
    for node in [*flatten(builder.root), None]:
        if node is not None and (
            isinstance(node, str) or (node.tag in INLINE_TAGS and convertible(node))
        ):
            text_run.append(node)
            continue
        for line, block in blocks_in(text_run):
            add(block, start + max(line, 1) - 1)
        text_run = []
        if node is None:
            break
        if convertible(node):
            for line, block in blocks_of(node):
                add(block, start + line - 1)
            continue
        first, last = start + node.start - 1, start + last_line(node)
        if node.tag in RAW_TAGS and first >= commented and first < last:
            # It works as written on an HTML page (a form posting elsewhere,
            # a table, an embed): kept as HTML rather than hidden.
            doc.note(
                first,
                "review",
                f"HTML <{node.tag}> kept as raw HTML: shown by HTML builders only"
                + doc.span(first, last),
            )
            add(["```{raw} html", *doc.lines[first:last], "```"], first)
            origins[len(origins) - (last - first) - 1 : -1] = doc.origins[first:last]
            commented = last
            continue
        what = {"!": "HTML comment", "?": "processing instruction"}.get(
            node.tag, f"HTML <{node.tag}>"
        )
        doc.note(
            first,
            "comment",
            f"{what} kept in a MyST comment: no Markdown for it"
            + doc.span(first, last),
        )
        kept += 1
        first = max(first, commented)  # a line shared with the block before
        if first < last:
            add([f"% {t}" if t.strip() else "%" for t in doc.lines[first:last]], first)
            origins[len(origins) - (last - first) :] = doc.origins[first:last]
            commented = last
    doc.note_at(
        1,
        "converted",
        "page written in HTML → Markdown (headings, paragraphs, links, lists)",
    )
    if kept:
        doc.note_at(
            1,
            "review",
            f"page written in HTML: {kept} block(s) kept in comments, to rewrite",
        )
    doc.apply(
        [Edit(start, len(doc.lines), ["", *lines], [doc.origin(start), *origins])]
    )


def html_pages(site: Site, source: Path) -> list[tuple[Path, str | None]]:
    """(file, docname) of each page of a Jekyll site written in HTML; the
    docname is None for a file without front matter (Jekyll copies it as it is)."""
    # Here, not above: sites imports the steps, which import this module.
    from .sites import SKIPPED

    if site.flavour != "jekyll" or not source.is_dir():
        return []
    excluded = {str(e).strip("/") for e in site.config.get("exclude") or []}
    found: list[tuple[Path, str | None]] = []
    for path in sorted(source.rglob("*.html")):
        relative = path.relative_to(source)
        parts = relative.parts
        if (
            not path.is_file()
            or any(p.startswith((".", "_build")) or p in SKIPPED for p in parts)
            or parts[0] in excluded
            or relative.as_posix() in excluded
        ):
            continue
        try:
            with path.open(encoding="utf-8-sig") as handle:
                page = bool(FRONT.match(handle.read(20_000)))
        except (OSError, UnicodeDecodeError):
            page = False
        if not page:
            found.append((path, None))
            continue
        name = relative.with_suffix("").as_posix()
        found.append((path, "/".join(p.removeprefix("_") for p in name.split("/"))))
    return found
