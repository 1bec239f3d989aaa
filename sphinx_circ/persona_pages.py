"""Persona panels filled from their pages, at write time.

A persona's ``:page:`` is only noted while reading; its content is copied
into the panel by ``FillPersonaPanels`` from the page's own doctree, so pages
can be read in any order or in parallel and each page still builds on its
own. ``PersonaPagesCollector`` remembers which documents show which page, so
that editing a persona page rewrites (without re-reading) the pages showing it.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.transforms.post_transforms import SphinxPostTransform

from .headings import MAX_LEVEL, section_depth, sections_to_rubrics
from .messages import warn

#: Where the bookkeeping lives in the environment (pickled with it).
DATA_KEY = "sphinx_circ.persona_pages"


class circ_persona(nodes.General, nodes.Element):
    """One persona's panel: a title rubric, then its content."""


@dataclass
class PersonaPages:
    """Which documents show which persona page, kept in the environment."""

    #: Persona page → the documents whose tabs show it.
    shown_by: dict[str, set[str]] = field(default_factory=dict)
    #: Documents read in this build, whose showers must be rewritten.
    read: set[str] = field(default_factory=set)
    #: Pages unpickled during this write phase (never pickled): a page shown
    #: on many pages is read from disk once per process, not once per page.
    doctrees: dict[str, nodes.document] = field(default_factory=dict)

    def __getstate__(self) -> dict[str, Any]:
        return {"shown_by": self.shown_by, "read": self.read}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def note(self, page: str, shower: str) -> None:
        self.shown_by.setdefault(page, set()).add(shower)

    def showers_of(self, pages: Set[str], existing: Set[str]) -> list[str]:
        """The documents showing *pages*, directly or through another panel."""
        pending = list(pages)
        found: set[str] = set()
        while pending:
            for shower in self.shown_by.get(pending.pop(), ()):
                if shower not in found and shower in existing:
                    found.add(shower)
                    pending.append(shower)
        return sorted(found)


def persona_pages(env: BuildEnvironment) -> PersonaPages:
    # Not a domain's data: a dict of the environment that is pickled with it.
    store: dict[str, Any] = env.domaindata
    data = store.get(DATA_KEY)
    if not isinstance(data, PersonaPages):
        data = store[DATA_KEY] = PersonaPages()
    return data


class PersonaPagesCollector(EnvironmentCollector):
    """Keeps ``PersonaPages`` right across re-reads and parallel reads."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        for showers in persona_pages(env).shown_by.values():
            showers.discard(docname)

    def merge_other(
        self,
        app: Sphinx,
        env: BuildEnvironment,
        docnames: Set[str],
        other: BuildEnvironment,
    ) -> None:
        mine, theirs = persona_pages(env), persona_pages(other)
        for page, showers in theirs.shown_by.items():
            for shower in showers & docnames:
                mine.note(page, shower)
        mine.read |= theirs.read & docnames

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        persona_pages(app.env).read.add(app.env.docname)

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        data = persona_pages(env)
        data.doctrees.clear()  # reading is over: pages may have changed
        rewrite = data.showers_of(data.read, env.all_docs.keys())
        data.read = set()
        return rewrite


class FillPersonaPanels(SphinxPostTransform):
    """Copy each persona page's content into its panel, at write time."""

    default_priority = 4  # before references are resolved (10)

    def run(self, **kwargs: Any) -> None:
        self.fill(self.document, [self.env.docname])

    def fill(self, root: nodes.Element, chain: list[str]) -> None:
        for persona in list(root.findall(circ_persona)):
            if persona.get("filled"):
                continue
            persona["filled"] = True
            level = min(section_depth(persona) + 1, MAX_LEVEL)
            title = persona[0]
            assert isinstance(title, nodes.rubric)
            title["heading-level"] = level
            page = persona.get("page")
            if not page:
                continue
            if page in chain:
                warn(
                    f"persona page {page!r} shows this persona set again "
                    f"({' → '.join([*chain, page])}); its content is left out to "
                    "avoid an endless loop",
                    "personas",
                    persona,
                )
                continue
            content = self.page_content(persona, page, level)
            self.fill(content, [*chain, page])
            insert_at = 2 if persona.get("has_summary") else 1
            persona[insert_at:insert_at] = content.children
            for child in content.children:
                child.parent = persona
            if not persona["summary"]:
                self.add_summary(persona, page)

    def page_content(
        self, persona: circ_persona, page: str, level: int
    ) -> nodes.Element:
        holder = nodes.Element()
        cache = persona_pages(self.env).doctrees
        if page not in cache:
            try:
                cache[page] = self.env.get_doctree(page)
            except FileNotFoundError:
                return holder
        prefix = persona["ids"][0] if persona["ids"] else persona["key"]
        source = cache[page]
        # A label's id before the heading's own, as docutils 0.22 orders them,
        # so the panel's anchors are the same whatever docutils a site pins.
        labels = {
            source.nameids[name]
            for name, explicit in source.nametypes.items()
            if explicit and source.nameids.get(name)
        }
        body = page_body(source)
        for node in body:
            if isinstance(node, nodes.Element):
                for element in node.findall(nodes.Element):
                    _rename_ids(element, prefix, self.document, labels)
        holder.extend(sections_to_rubrics(body, level + 1, self.document))
        return holder

    def add_summary(self, persona: circ_persona, page: str) -> None:
        metadata = self.env.metadata.get(page, {})
        for key in ("subtitle", "summary"):
            text = str(metadata.get(key, "")).strip()
            if text:
                persona["summary"] = text
                lead = nodes.paragraph("", text, classes=["circ-persona__summary"])
                persona.insert(1, lead)
                return
        # Otherwise the first paragraph, for the list of links only: it is
        # already the panel's first line.
        first = next(iter(persona.findall(nodes.paragraph)), None)
        if first is not None:
            persona["summary"] = first.astext()


def page_body(doctree: nodes.document) -> list[nodes.Node]:
    """The page's content without its title (the persona's title replaces it)."""
    first = next(iter(doctree.findall(nodes.section)), None)
    if first is None:
        return [child.deepcopy() for child in doctree.children]
    before = [
        child.deepcopy()
        for child in doctree.children[: doctree.index(first)]
        if not isinstance(child, nodes.target)
    ]
    return before + [child.deepcopy() for child in first.children[1:]]


def _rename_ids(
    element: nodes.Element,
    prefix: str,
    document: nodes.document,
    labels: set[str],
) -> None:
    """Ids copied from another page get the panel's prefix, to stay unique here."""
    element["names"] = []
    renamed = []
    for node_id in sorted(element["ids"], key=lambda node_id: node_id not in labels):
        new_id = f"{prefix}-{node_id}"
        renamed.append(new_id)
        document.ids[new_id] = element
    element["ids"] = renamed
    if isinstance(element, nodes.reference) and element.get("refid"):
        element["refid"] = f"{prefix}-{element['refid']}"


def setup_persona_pages(app: Sphinx) -> None:
    app.add_env_collector(PersonaPagesCollector)
    app.add_post_transform(FillPersonaPanels)
