"""Statuses and a dataset's short facts as DSFR badges and tags.

Under the ``sphinx_circ_dsfr`` theme, for the HTML builders only, on the
resolved doctree: an inventory's statuses become ``fr-badge``\\ s and the
short facts of a dataset (format, licence, frequency, keywords) ``fr-tag``\\ s.
The doctree the other builders (and the other theme) read is left as it is.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ..config import builder_is_dsfr
from ..datasets.facts import TAGS

#: An inventory status → the DSFR badge variant of its meaning (each has
#: its icon, so the colour is never the only sign).
BADGE_VARIANTS = {
    "open": "success",
    "in-progress": "new",
    "read-only": "info",
    "closed": "error",
}
#: The class the inventory script reads a row's status from under the theme.
STATUS_PREFIX = "circ-status--"


def badge_classes(key: str) -> list[str]:
    variant = BADGE_VARIANTS.get(key, "info")
    return ["fr-badge", "fr-badge--sm", f"fr-badge--{variant}", STATUS_PREFIX + key]


def as_badge(node: nodes.inline) -> None:
    """``circ-badge circ-badge--open`` → the DSFR's badge (the sphinx_circ
    classes go: circ-data.css colours them)."""
    prefix = "circ-badge--"
    keys = [c.removeprefix(prefix) for c in node["classes"] if c.startswith(prefix)]
    kept = [c for c in node["classes"] if not c.startswith("circ-badge")]
    node["classes"] = kept + badge_classes(keys[0] if keys else "")


def tag(paragraph: nodes.paragraph) -> None:
    """A value as a tag: its link when it is one (a clickable tag), else itself."""
    children = [c for c in paragraph.children if c.astext().strip()]
    if len(children) == 1 and isinstance(children[0], nodes.reference):
        children[0]["classes"].append("fr-tag")
    else:
        paragraph["classes"].append("fr-tag")


def as_tags(fact: nodes.definition_list_item) -> None:
    """A fact's value (one paragraph, or a list) as a tag or a group of tags."""
    definition = next(iter(fact.findall(nodes.definition)), None)
    if definition is None:
        return
    values = fact[TAGS]
    if isinstance(values, list):
        # Keywords, written "a, b, c" elsewhere: one tag each.
        group = nodes.bullet_list()
        for value in values:
            group += nodes.list_item("", nodes.paragraph("", str(value)))
        definition.children = []
        definition += group
    for child in definition.children:
        if isinstance(child, nodes.paragraph):
            tag(child)
        elif isinstance(child, nodes.bullet_list):
            child["classes"].append("fr-tags-group")
            for entry in child.findall(nodes.paragraph):
                tag(entry)


def dsfr_data_markup(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Statuses as badges, short facts as tags, under the DSFR theme."""
    if app.builder.format != "html" or not builder_is_dsfr(app.builder):
        return
    for inline in list(doctree.findall(nodes.inline)):
        if "circ-badge" in inline["classes"]:
            as_badge(inline)
        elif "circ-download__format" in inline["classes"]:
            inline["classes"] += ["fr-tag", "fr-tag--sm"]
    for fact in list(doctree.findall(nodes.definition_list_item)):
        if fact.get(TAGS):
            as_tags(fact)


def setup_data(app: Sphinx) -> None:
    app.connect("doctree-resolved", dsfr_data_markup)
