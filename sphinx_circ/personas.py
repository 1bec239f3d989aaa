"""Persona tabs: one panel per audience, each filled from its own page.

At read time the blocks become ``circ_persona_tabs`` holding ``circ_persona``
panels (a rubric title, then any inline content). A persona's ``:page:`` is
only noted (editing the page then rewrites, without re-reading, the pages
that show it); its content is copied in at write time by ``FillPersonaPanels``, from the
page's own doctree, so pages can be read in any order or in parallel and the
page still builds on its own.

HTML is written for JavaScript first: a WAI-ARIA tab list, the first panel
shown and the others ``hidden="until-found"`` (find-in-page still reaches
them). A ``<noscript>`` stylesheet shows every panel under its heading and the
list of in-page links instead; print does the same.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective
from sphinx_design.icons import get_octicon

from .shared import (
    NON_HTML_PASSTHROUGH,
    _,
    candidate_docnames,
    is_static_html,
    section_depth,
    slugify,
    warn,
)

STORAGE_MODES = ("local", "session", "none")
DEFAULT_GROUP = "persona"


class circ_persona_tabs(nodes.General, nodes.Element):
    """A set of persona panels (the tab list is drawn from their attributes)."""


class circ_persona(nodes.General, nodes.Element):
    """One persona's panel: a title rubric, then its content."""


class PersonaTabsDirective(SphinxDirective):
    """``:::::{persona-tabs}`` holding ``::::{persona} Title`` items."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "selected": directives.unchanged,
        "sync-group": directives.unchanged,
        "label": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        group = slugify(self.options.get("sync-group") or DEFAULT_GROUP)
        if not group:
            warn(
                f"sync-group {self.options['sync-group']!r} has no letters or digits; "
                f"using {DEFAULT_GROUP!r}",
                "personas",
                location,
            )
            group = DEFAULT_GROUP
        label = (self.options.get("label") or "").strip() or _("Choose your profile")
        tabs = circ_persona_tabs(
            "",
            classes=["circ-personas", *self.options.get("class", [])],
            group=group,
            label=label,
            selected=(self.options.get("selected") or "").strip(),
        )
        self.set_source_info(tabs)
        self.state.nested_parse(self.content, self.content_offset, tabs)
        return [tabs]


class PersonaDirective(SphinxDirective):
    """``::::{persona} Title``: one audience, filled from a page and/or content."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "key": directives.unchanged,
        "page": directives.unchanged,
        "icon": directives.unchanged,
        "summary": directives.unchanged,
        "selected": directives.flag,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        title = self.arguments[0].strip()
        key = slugify(self.options.get("key") or title)
        if not key:
            warn(
                f"persona {title!r} has no usable key: give a :key: made of letters "
                "or digits",
                "personas",
                location,
            )
            key = "persona"
        persona = circ_persona(
            "",
            classes=["circ-persona", *self.options.get("class", [])],
            key=key,
            title=title,
            summary=(self.options.get("summary") or "").strip(),
            selected="selected" in self.options,
        )
        self.set_source_info(persona)
        heading = nodes.rubric(
            title, "", *self.parse_inline(title, lineno=self.lineno)[0]
        )
        heading["classes"] = ["circ-persona__title"]
        self.set_source_info(heading)
        persona += heading
        icon = (self.options.get("icon") or "").strip()
        if icon:
            try:
                persona["icon"] = get_octicon(icon, classes=["circ-persona__icon"])
            except (KeyError, ValueError):
                warn(
                    f"unknown persona icon {icon!r}: use an octicon name from "
                    "sphinx-design (e.g. 'person', 'code')",
                    "personas",
                    location,
                )
        page = (self.options.get("page") or "").strip()
        if "page" in self.options:
            docname = self.find_page(page, location)
            if docname:
                persona["page"] = docname
                shown_by(self.env).setdefault(docname, set()).add(self.env.docname)
        if persona["summary"]:
            persona += nodes.paragraph(
                "", persona["summary"], classes=["circ-persona__summary"]
            )
            persona["has_summary"] = True
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, persona)
        if len(persona) == 1 + persona.get("has_summary", 0) and "page" not in persona:
            warn(
                f"persona {title!r} is empty: give it a :page: or some content",
                "personas",
                location,
            )
        return [persona]

    def find_page(self, page: str, location: str) -> str | None:
        if not page:
            warn("persona page is empty; give a document name", "personas", location)
            return None
        for docname in candidate_docnames(
            page, self.env.docname, self.config.source_suffix
        ):
            if docname in self.env.found_docs:
                return docname
        warn(
            f"persona page {page!r} is not a document of this project; check the "
            "name (e.g. 'faq/citoyen')",
            "personas",
            location,
        )
        return None


class CheckPersonaTabs(SphinxTransform):
    """Check each set once parsed: nesting, keys and the selected persona."""

    default_priority = 215

    def apply(self, **kwargs: Any) -> None:
        for persona in self.document.findall(circ_persona):
            if not isinstance(persona.parent, circ_persona_tabs):
                warn(
                    f"persona {persona['title']!r} is outside a persona-tabs block; "
                    "it is shown as a plain titled part",
                    "personas",
                    persona,
                )
        for number, tabs in enumerate(self.document.findall(circ_persona_tabs)):
            self.check(tabs, number)

    def check(self, tabs: circ_persona_tabs, number: int) -> None:
        personas = [child for child in tabs.children if isinstance(child, circ_persona)]
        for stray in tabs.children:
            if not isinstance(stray, circ_persona | nodes.comment | nodes.target):
                warn(
                    "only persona blocks belong in persona-tabs; this content is "
                    "shown above the panels",
                    "personas",
                    stray if stray.line else tabs,
                )
        if not personas:
            warn(
                "persona-tabs without any persona: add ::::{persona} Title blocks",
                "personas",
                tabs,
            )
            return
        seen: set[str] = set()
        for persona in personas:
            key = persona["key"]
            if key in seen:
                new_key = next(
                    f"{key}-{n}" for n in range(2, 1000) if f"{key}-{n}" not in seen
                )
                warn(
                    f"duplicate persona key {key!r}; give each persona its own :key: "
                    f"(this one is renamed {new_key!r})",
                    "personas",
                    persona,
                )
                persona["key"] = key = new_key
            seen.add(key)
            self.assign_ids(persona, number)
        flagged = [p for p in personas if p["selected"]]
        if len(flagged) > 1:
            warn(
                "more than one persona is :selected:; the first one is shown first",
                "personas",
                flagged[1],
            )
        selected = tabs["selected"]
        if selected and selected not in seen:
            warn(
                f"selected persona {selected!r} is not in this set; use one of: "
                f"{', '.join(p['key'] for p in personas)}",
                "personas",
                tabs,
            )
            selected = ""
        if not selected:
            selected = (flagged or personas)[0]["key"]
        tabs["selected"] = selected
        tabs["ids"] = tabs["ids"] or [self.unique_id(f"personas-{number + 1}")]

    def assign_ids(self, persona: circ_persona, number: int) -> None:
        """Give the panel its key as id, so ``#key`` links reach it."""
        panel_id = self.unique_id(persona["key"], f"personas-{number + 1}-")
        persona["ids"].append(panel_id)
        self.document.ids[panel_id] = persona
        persona["tab_id"] = self.unique_id(f"tab-{panel_id}")
        self.document.ids[persona["tab_id"]] = persona
        title = persona[0]
        assert isinstance(title, nodes.Element)
        title["ids"].append(self.unique_id(f"{panel_id}-titre"))
        self.document.ids[title["ids"][-1]] = title

    def unique_id(self, wanted: str, prefix: str = "") -> str:
        candidate = wanted
        if candidate in self.document.ids:
            candidate = f"{prefix}{wanted}" if prefix else wanted
        counter = 2
        base = candidate
        while candidate in self.document.ids:
            candidate = f"{base}-{counter}"
            counter += 1
        return candidate


#: Persona pages read from the environment during this write phase: a page
#: shown on many pages is unpickled once per process, not once per page.
_PAGE_DOCTREES: dict[str, nodes.document] = {}


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
            level = min(section_depth(persona) + 1, 6)
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
        if page not in _PAGE_DOCTREES:
            try:
                _PAGE_DOCTREES[page] = self.env.get_doctree(page)
            except FileNotFoundError:
                return holder
        prefix = persona["ids"][0] if persona["ids"] else persona["key"]
        body = page_body(_PAGE_DOCTREES[page])
        for node in body:
            if isinstance(node, nodes.Element):
                for element in node.findall(nodes.Element):
                    _rename_ids(element, prefix, self.document)
        holder.extend(sections_to_rubrics(body, level + 1))
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


def sections_to_rubrics(body: list[nodes.Node], level: int) -> list[nodes.Node]:
    """A panel is not a section: its page's sections become headings (rubrics)."""
    flat: list[nodes.Node] = []
    for node in body:
        if not isinstance(node, nodes.section):
            flat.append(node)
            continue
        rubric = nodes.rubric("", "", *node[0].children, classes=node["classes"])
        rubric["ids"] = node["ids"]
        rubric["heading-level"] = min(level, 6)
        rubric.source, rubric.line = node.source, node.line
        flat.append(rubric)
        flat.extend(sections_to_rubrics(list(node.children[1:]), level + 1))
    return flat


def _rename_ids(element: nodes.Element, prefix: str, document: nodes.document) -> None:
    """Ids copied from another page get the panel's prefix, to stay unique here."""
    element["names"] = []
    renamed = []
    for node_id in element["ids"]:
        new_id = f"{prefix}-{node_id}"
        renamed.append(new_id)
        document.ids[new_id] = element
    element["ids"] = renamed
    if isinstance(element, nodes.reference) and element.get("refid"):
        element["refid"] = f"{prefix}-{element['refid']}"


# -- HTML ---------------------------------------------------------------------


def visit_tabs_html(self: Any, node: circ_persona_tabs) -> None:
    personas = [child for child in node.children if isinstance(child, circ_persona)]
    self.body.append(
        self.starttag(
            node,
            "div",
            "",
            **{"data-circ-group": node["group"], "data-circ-default": node["selected"]},
        )
    )
    if not personas or is_static_html(self):
        return
    # ``starttag`` escapes every attribute value; text goes through ``encode``.
    bare = nodes.Element()
    named = {"aria-label": node["label"]}
    tabs = [
        self.starttag(
            bare, "div", "", CLASS="circ-personas__tabs", role="tablist", **named
        )
    ]
    links = [
        self.starttag(bare, "nav", "", **(named | {"CLASS": "circ-personas__links"})),
        "<ul>",
    ]
    for persona in personas:
        selected = persona["key"] == node["selected"]
        title = self.encode(persona["title"])
        tab = {
            "type": "button",
            "role": "tab",
            "CLASS": "circ-personas__tab",
            "ids": [persona["tab_id"]],
            "aria-controls": persona["ids"][0],
            "aria-selected": "true" if selected else "false",
            "tabindex": "0" if selected else "-1",
            "data-circ-key": persona["key"],
        }
        tabs.append(
            # A fresh node: ``starttag`` extends the node's own ids list.
            self.starttag(nodes.Element(), "button", "", **tab)
            + persona.get("icon", "")
            + f"<span>{title}</span></button>"
        )
        summary = persona.get("summary", "")
        summary_html = (
            f' <span class="circ-personas__summary">{self.encode(summary)}</span>'
            if summary
            else ""
        )
        href = self.attval("#" + persona["ids"][0])
        links.append(f'<li><a href="{href}">{title}</a>{summary_html}</li>')
    tabs.append("</div>\n")
    links.append("</ul></nav>\n")
    self.body.extend([*tabs, *links])


def depart_tabs_html(self: Any, node: circ_persona_tabs) -> None:
    self.body.append("</div>\n")


def visit_persona_html(self: Any, node: circ_persona) -> None:
    tabs = node.parent
    if (
        not isinstance(tabs, circ_persona_tabs)
        or not node["ids"]
        or is_static_html(self)
    ):
        self.body.append(self.starttag(node, "div", ""))
        return
    attributes = {
        "role": "tabpanel",
        "aria-labelledby": node["tab_id"],
        "tabindex": "0",
        "data-circ-key": node["key"],
    }
    if node["key"] != tabs["selected"]:
        attributes["hidden"] = "until-found"
    self.body.append(self.starttag(node, "div", "", **attributes))


def depart_persona_html(self: Any, node: circ_persona) -> None:
    self.body.append("</div>\n")


def check_storage(app: Sphinx, config: Config) -> None:
    if config.circ_persona_storage not in STORAGE_MODES:
        warn(
            f"circ_persona_storage = {config.circ_persona_storage!r} is not one of "
            f"{', '.join(STORAGE_MODES)}; using 'local'",
            "config",
            None,
        )
        config.circ_persona_storage = "local"


# -- Rebuilding what shows a page ------------------------------------------------
# Pages are copied in at write time, so a changed persona page needs the pages
# that show it written again, not read again: Sphinx writes whatever
# ``env-updated`` returns.


def shown_by(env: Any) -> dict[str, set[str]]:
    """Persona page → the documents whose tabs show it (kept in the environment)."""
    if not hasattr(env, "circ_persona_shown_by"):
        env.circ_persona_shown_by = {}
    return env.circ_persona_shown_by


def note_read(app: Sphinx, env: Any, docnames: list[str]) -> None:
    env.circ_persona_read = set(docnames)


def forget(app: Sphinx, env: Any, docname: str) -> None:
    for showers in shown_by(env).values():
        showers.discard(docname)


def merge(app: Sphinx, env: Any, docnames: Any, other: Any) -> None:
    for page, showers in shown_by(other).items():
        shown_by(env).setdefault(page, set()).update(showers)


def to_rewrite(app: Sphinx, env: Any) -> list[str]:
    """The documents showing a page that was just read, directly or not."""
    _PAGE_DOCTREES.clear()  # reading is over: pages may have changed
    pending = list(getattr(env, "circ_persona_read", ()))
    found: set[str] = set()
    while pending:
        for shower in shown_by(env).get(pending.pop(), ()):
            if shower not in found and shower in env.all_docs:
                found.add(shower)
                pending.append(shower)
    env.circ_persona_read = set()
    return sorted(found)


def setup_personas(app: Sphinx) -> None:
    app.connect("env-before-read-docs", note_read)
    app.connect("env-purge-doc", forget)
    app.connect("env-merge-info", merge)
    app.connect("env-updated", to_rewrite)
    app.add_config_value("circ_persona_storage", "local", "html", types=[str])
    app.connect("config-inited", check_storage)
    app.add_node(
        circ_persona_tabs,
        html=(visit_tabs_html, depart_tabs_html),
        **NON_HTML_PASSTHROUGH,
    )
    app.add_node(
        circ_persona,
        html=(visit_persona_html, depart_persona_html),
        **NON_HTML_PASSTHROUGH,
    )
    app.add_directive("persona-tabs", PersonaTabsDirective)
    app.add_directive("persona", PersonaDirective)
    app.add_transform(CheckPersonaTabs)
    app.add_post_transform(FillPersonaPanels)
