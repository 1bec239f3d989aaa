"""Links and images: old-site paths become links to the migrated documents.

``/inventaire.html``, ``../faq/``, ``{filename}/x.md`` (Pelican) and MkDocs'
relative ``.md`` paths name migrated pages; their anchors are checked against
the target's headings. A link naming no migrated page is left as written and
reported with its exact line, so the build's warnings are all in the report.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import unquote

from markdown_it.token import Token
from mdit_py_plugins.anchors.index import slugify as myst_slugify
from mdit_py_plugins.anchors.index import unique_slug

from ...urls import slugify
from .jekyll import permalinked, without_baseurl
from .model import Doc, Edit, Page
from .tokens import markdown, parse, rewrite

SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
#: A link destination after ``](``: in angle brackets, or with balanced parentheses.
DESTINATION = re.compile(
    r"(?P<lead>\]\(\s*)(?P<dest><[^<>\n]*>|(?:[^\s()<>\\]|\\.|\((?:[^\s()\\]|\\.)*\))+)"
)
DEFINITION = re.compile(r"^(?P<lead>\s{0,3}\[[^\]]+\]:\s*)(?P<dest><[^<>\n]*>|\S+)")
PELICAN = re.compile(r"^(?:\{(filename|static|attach)\}|\|(filename|static|attach)\|)")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico")


def is_external(url: str) -> bool:
    return bool(SCHEME.match(url)) or url.startswith(("#", "//"))


def resolve(page: Page, pages: Mapping[str, Page], url: str) -> str | None:
    """The migrated docname (with any ``#fragment``) an old-site path names."""
    path, _sep, fragment = url.partition("#")
    path = path.split("?", 1)[0].strip()
    if not path:
        return None
    suffix = f"#{fragment}" if fragment else ""
    if path.startswith("/") and page.site.flavour == "jekyll":
        published = permalinked(page, pages, path)
        if published is not None:
            return published + suffix
        path = without_baseurl(page.site, path)
    for docname in candidates(page, path):
        if docname in pages:
            return docname + suffix
    slugged = {slugify(name): name for name in pages}
    last = candidates(page, path)[0]
    # "/doc/" is not the site's index because its last part is "index".
    names = (
        [last]
        if posixpath.basename(last) == "index"
        else [last, posixpath.basename(last)]
    )
    for key in map(slugify, names):
        if key in slugged:
            return slugged[key] + suffix
    return None


def candidates(page: Page, path: str) -> list[str]:
    """Docnames *path* may name, most likely first."""
    absolute = path.startswith("/")
    base = page.site_root if absolute else posixpath.dirname(page.docname)
    folder = path.endswith("/") or path in (".", "./")
    path = path.strip("/") if absolute else path.rstrip("/")
    for suffix in (".html", ".htm", ".md", ".markdown"):
        if path.lower().endswith(suffix):
            path = path[: -len(suffix)]
            break
    names = [posixpath.join(path, "index"), path] if folder else [path]
    if not folder and posixpath.basename(path) != "index":
        names.append(posixpath.join(path, "index"))  # Jekyll's pretty URLs
    if posixpath.basename(path).lower() == "readme":  # VuePress, MkDocs: the index
        names.append(posixpath.join(posixpath.dirname(path), "index"))
    if absolute:  # Jekyll publishes collection "_faq/" as "faq/"
        parts = path.split("/")
        if parts[0].startswith("_"):
            names.append("/".join([parts[0][1:], *parts[1:]]))
    found = []
    for name in names:
        joined = posixpath.normpath(posixpath.join(base, name) if base else name or ".")
        found.append(joined.removeprefix("./"))
    return list(dict.fromkeys(found))


def relative_link(from_doc: str, docname: str) -> str:
    path, _sep, fragment = docname.partition("#")
    rel = posixpath.relpath(path + ".md", posixpath.dirname(from_doc) or ".")
    return rel + (f"#{fragment}" if fragment else "")


# -- anchors ------------------------------------------------------------------


def ascii_id(text: str) -> str:
    """The id docutils gives a title (MyST accepts it as well as its own slug)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"^[-0-9]+|-+$", "", re.sub(r"[^a-z0-9]+", "-", folded.lower()))


def kramdown_id(text: str) -> str:
    """kramdown's header id: ASCII letters, digits and dashes only."""
    text = re.sub(r"^[^a-zA-Z]+", "", text)
    return re.sub(r"[^a-zA-Z0-9 -]", "", text).replace(" ", "-").lower()


#: A page's anchors (its headings' and its targets'), the ids other
#: generators gave its headings → anchor, and its explicit targets.
PageAnchors = tuple[set[str], dict[str, str], set[str]]


#: A link with plain text to a ``#target`` (what a role's text can hold).
REFERENCE = re.compile(
    r"(?<![!\]])\[(?P<text>[^\[\]`<>*_\n]+)\]\(#(?P<target>[\w.-]+)\)"
)


def anchors(doc: Doc) -> PageAnchors:
    """A page's anchors, and the ids other generators gave its headings → anchor."""
    found: set[str] = set()
    targets: set[str] = set()
    others: dict[str, str] = {}
    slugs: set[str] = set()
    tokens = parse(doc, inline=True)
    for index, token in enumerate(tokens):
        if token.type == "myst_target":
            found.add(token.content.strip())
            targets.add(token.content.strip())
        if token.type != "heading_open":
            continue
        inline = tokens[index + 1]
        title = "".join(c.content for c in inline.children or [] if c.content)
        slug = unique_slug(myst_slugify(title), slugs)
        slugs.add(slug)
        found.update({slug, ascii_id(title)})
        # docutils' ASCII id is found by "page.md#id" with newer myst-parser
        # only: it is rewritten to MyST's slug, as other generators' ids are.
        for other in (kramdown_id(title), slugify(title), ascii_id(title)):
            if other != slug:
                others.setdefault(other, slug)
    return found, others, targets


# -- the pass -----------------------------------------------------------------


class Links:
    """Rewrite one page's links; *anchors* are every migrated page's anchors."""

    def __init__(self, doc: Doc, anchors: Mapping[str, PageAnchors]):
        self.doc = doc
        self.anchors = anchors
        #: Targets of other pages the links name: written as ``{ref}`` after.
        self.referenced: dict[str, str] = {}

    def run(self) -> None:
        tokens = parse(self.doc, inline=True)
        self.targets = link_targets(tokens)
        edits: list[Edit] = rewrite(
            self.doc, tokens, DESTINATION, self.inline, ("inline",)
        )
        edits += rewrite(
            self.doc, tokens, DEFINITION_LINE, self.definition, ("definition",)
        )
        self.doc.apply(edits)
        if self.referenced:
            self.references()

    def references(self) -> None:
        """``[text](#target)`` to another page's target → ``{ref}`text <target>```.

        "page.md#target" finds only headings with myst-parser 4.0, and a bare
        "#target" may find a heading of another page too: ``{ref}`` finds
        targets only, with every version.
        """

        def replace(match: re.Match[str], line: int) -> str | None:
            target = match.group("target")
            if target not in self.referenced:
                return None
            self.doc.note(
                line,
                "converted",
                f"link to target {target!r} of {self.referenced[target]!r} → ref role",
            )
            return f"{{ref}}`{match.group('text')} <{target}>`"

        tokens = parse(self.doc, inline=True)
        self.doc.apply(rewrite(self.doc, tokens, REFERENCE, replace, ("inline",)))

    def inline(self, match: re.Match[str], line: int) -> str | None:
        dest = match.group("dest")
        if normalize(dest) not in self.targets:
            return None  # not a link in the parsed page (text that looks like one)
        new = self.fix(dest.strip("<>"), line, self.targets[normalize(dest)])
        return None if new is None else match.group("lead") + new

    def definition(self, match: re.Match[str], line: int) -> str | None:
        dest = match.group("dest")
        new = self.fix(dest.strip("<>"), line, "link")
        return None if new is None else match.group("lead") + new

    def fix(self, url: str, line: int, kind: str) -> str | None:
        doc = self.doc
        pelican = PELICAN.match(url)
        if pelican:
            url = "/" + url[pelican.end() :].lstrip("/")
        if url.startswith("#"):
            if any(unquote(url[1:]) in a[2] for a in self.anchors.values()):
                return None  # a target, on this page or another
            return self.fragment(doc.page.docname, url[1:], line, url)
        if is_external(url):
            return None
        if kind == "image":
            copied = self.copy_asset(url, line)
            if copied is not None:
                return copied if copied != url else None
            doc.note(line, "outside", f"image {url!r} was not found beside the page")
            return url if pelican else None
        docname = resolve(doc.page, doc.pages, url)
        if docname is None:
            doc.note(line, "outside", f"link {url!r} points outside the migrated pages")
            return url if pelican else None
        path, _sep, fragment = docname.partition("#")
        if fragment:
            checked = self.fragment(path, fragment, line, url)
            fragment = (checked or "#" + fragment)[1:]
        if fragment and path != doc.page.docname and self.is_target(path, fragment):
            self.referenced[unquote(fragment)] = path
            return "#" + fragment  # then the whole link becomes a ref role
        target = path + (f"#{fragment}" if fragment else "")
        return relative_link(doc.page.docname, target)

    def is_target(self, docname: str, fragment: str) -> bool:
        """Whether *fragment* is an explicit target of *docname*, not a heading's."""
        if docname not in self.anchors:
            return False
        return unquote(fragment) in self.anchors[docname][2]

    def fragment(self, docname: str, fragment: str, line: int, url: str) -> str | None:
        """``#fragment``, rewritten to the anchor MyST gives the same heading."""
        if docname not in self.anchors or not fragment:
            return None
        found, others, targets = self.anchors[docname]
        fragment = unquote(fragment)
        if fragment in targets or fragment in others.values():
            return None
        if fragment in others:
            self.doc.note(
                line, "converted", f"anchor '#{fragment}' → '#{others[fragment]}'"
            )
            return "#" + others[fragment]
        if fragment in found:
            return None
        self.doc.note(line, "review", f"anchor in {url!r} names no heading or target")
        return None

    def copy_asset(self, url: str, line: int) -> str | None:
        """Copy an image found beside the old page; return the link to it."""
        found = find_asset(self.doc.page, url)
        if found is None:
            return None
        target, source = found
        self.doc.assets[target] = source
        self.doc.note(line, "converted", f"image {url!r} copied to {target!r}")
        return posixpath.relpath(
            target, posixpath.dirname(self.doc.page.docname) or "."
        )


def find_asset(page: Page, url: str) -> tuple[str, Path] | None:
    """(output path, file) of an image of the old site *url* names, if found."""
    path = url.split("#")[0].split("?")[0]
    if not path.lower().endswith(IMAGE_SUFFIXES) or is_external(path):
        return None
    absolute = path.startswith("/")
    root = page.site.root if page.site.root.is_dir() else page.source.parent
    # VuePress serves "/x.png" from .vuepress/public/.
    places = [root / path.lstrip("/"), root / ".vuepress" / "public" / path.lstrip("/")]
    source = (
        next((p for p in places if p.is_file()), None)
        if absolute
        else page.source.parent / path
    )
    if source is None or not source.is_file():
        return None
    folder = page.site_root if absolute else posixpath.dirname(page.docname)
    target = posixpath.normpath(posixpath.join(folder, path.lstrip("/")))
    return None if target.startswith("../") else (target, source)


DEFINITION_LINE = re.compile(DEFINITION.pattern, re.MULTILINE)


def normalize(dest: str) -> str:
    dest = dest.strip()
    if dest.startswith("<") and dest.endswith(">"):
        dest = dest[1:-1]
    return markdown("markdown").normalizeLink(re.sub(r"\\(.)", r"\1", dest))


def link_targets(tokens: list[Token]) -> dict[str, str]:
    """The hrefs and image sources markdown-it found, with their kind."""
    found: dict[str, str] = {}
    for token in tokens:
        for child in token.children or []:
            if child.type == "link_open":
                found.setdefault(str(child.attrs.get("href", "")), "link")
            elif child.type == "image":
                found[str(child.attrs.get("src", ""))] = "image"
    return found
