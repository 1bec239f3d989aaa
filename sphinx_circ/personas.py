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
from sphinx.transforms import SphinxTransform
from sphinx_design.icons import get_octicon

from .config import builder_is_dsfr
from .directive import CircDirective, block_options
from .messages import _, warn
from .nodes import NON_HTML_PASSTHROUGH, is_static_html, render_template
from .persona_pages import circ_persona, persona_pages, setup_persona_pages
from .urls import find_docname, slugify

DEFAULT_GROUP = "persona"


class circ_persona_tabs(nodes.General, nodes.Element):
    """A set of persona panels (the tab list is drawn from their attributes)."""


class PersonaTabsDirective(CircDirective):
    """``:::::{persona-tabs}`` holding ``::::{persona} Title`` items."""

    kind = "personas"
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = block_options(
        "selected", "sync-group", "label"
    )

    def run_block(self) -> list[nodes.Node]:
        group = slugify(self.options.get("sync-group") or DEFAULT_GROUP)
        if not group:
            self.warn(
                f"sync-group {self.options['sync-group']!r} has no letters or digits; "
                f"using {DEFAULT_GROUP!r}"
            )
            group = DEFAULT_GROUP
        label = (self.options.get("label") or "").strip() or _("Choose your profile")
        tabs = circ_persona_tabs(
            "",
            classes=self.classes("circ-personas"),
            group=group,
            label=label,
            selected=(self.options.get("selected") or "").strip(),
        )
        self.set_source_info(tabs)
        self.state.nested_parse(self.content, self.content_offset, tabs)
        return [tabs]


class PersonaDirective(CircDirective):
    """``::::{persona} Title``: one audience, filled from a page and/or content."""

    kind = "personas"
    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = block_options(
        "key", "page", "icon", "summary", selected=directives.flag
    )

    def run_block(self) -> list[nodes.Node]:
        title = self.arguments[0].strip()
        key = slugify(self.options.get("key") or title)
        if not key:
            self.warn(
                f"persona {title!r} has no usable key: give a :key: made of letters "
                "or digits"
            )
            key = "persona"
        persona = circ_persona(
            "",
            classes=self.classes("circ-persona"),
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
                self.warn(
                    f"unknown persona icon {icon!r}: use an octicon name from "
                    "sphinx-design (e.g. 'person', 'code')"
                )
        page = (self.options.get("page") or "").strip()
        if "page" in self.options:
            docname = self.find_page(page)
            if docname:
                persona["page"] = docname
                persona_pages(self.env).note(docname, self.env.docname)
        if persona["summary"]:
            persona += nodes.paragraph(
                "", persona["summary"], classes=["circ-persona__summary"]
            )
            persona["has_summary"] = True
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, persona)
        if len(persona) == 1 + persona.get("has_summary", 0) and "page" not in persona:
            self.warn(f"persona {title!r} is empty: give it a :page: or some content")
        return [persona]

    def find_page(self, page: str) -> str | None:
        if not page:
            self.warn("persona page is empty; give a document name")
            return None
        docname = find_docname(
            page, self.env.docname, self.config.source_suffix, self.env.found_docs
        )
        if docname is None:
            self.warn(
                f"persona page {page!r} is not a document of this project; check "
                "the name (e.g. 'faq/citoyen')"
            )
        return docname


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
        title["ids"].append(self.unique_id(f"{panel_id}-title"))
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


# -- HTML ---------------------------------------------------------------------


def drawn_as_tabs(translator: Any, node: circ_persona_tabs) -> bool:
    """Whether *node* is written as tabs (a static page shows every panel)."""
    return not is_static_html(translator) and any(
        isinstance(child, circ_persona) for child in node.children
    )


def visit_tabs_html(self: Any, node: circ_persona_tabs) -> None:
    personas = [child for child in node.children if isinstance(child, circ_persona)]
    attributes = {
        "data-circ-group": node["group"],
        "data-circ-default": node["selected"],
    }
    tabs_drawn = drawn_as_tabs(self, node)
    if tabs_drawn and builder_is_dsfr(self.builder):
        # The DSFR's tabs component (circ/dsfr/persona-tabs.html).
        attributes["CLASS"] = "fr-tabs"
    self.body.append(self.starttag(node, "div", "", **attributes))
    if not tabs_drawn:
        return
    tabs = [
        {
            "key": persona["key"],
            "title": persona["title"],
            "tab_id": persona["tab_id"],
            "panel_id": persona["ids"][0],
            "selected": persona["key"] == node["selected"],
            "icon": persona.get("icon", ""),
            "summary": persona.get("summary", ""),
        }
        for persona in personas
    ]
    self.body.append(
        render_template(self, "circ/persona-tabs.html", label=node["label"], tabs=tabs)
    )


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
    selected = node["key"] == tabs["selected"]
    if not selected:
        attributes["hidden"] = "until-found"
    if builder_is_dsfr(self.builder):
        # The DSFR's panel classes; circ-personas.js moves "--selected" along.
        attributes["CLASS"] = (
            "fr-tabs__panel fr-tabs__panel--selected" if selected else "fr-tabs__panel"
        )
    self.body.append(self.starttag(node, "div", "", **attributes))


def depart_persona_html(self: Any, node: circ_persona) -> None:
    self.body.append("</div>\n")


def setup_personas(app: Sphinx) -> None:
    setup_persona_pages(app)
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
