"""The blocks drawn as DSFR components under the ``sphinx_circ_dsfr`` theme.

What is a matter of classes and nesting (buttons, bands, grids, cards,
admonitions) is set here on the resolved doctree, for the HTML builders under
the theme only: the doctree other builders read is unchanged, and nothing is
removed, only given the DSFR's classes. Blocks whose DSFR markup differs in
shape have their own template in ``templates/circ/dsfr`` (see
``nodes.theme_template``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from docutils import nodes
from sphinx.application import Sphinx

from ..config import is_dsfr_theme
from ..hero import circ_hero
from .icons import BUTTON_ICONS

#: Our button variants → the DSFR's (the DSFR has no "outline": its secondary
#: button is the outlined one).
BUTTON_VARIANTS = {
    "primary": "",
    "secondary": "fr-btn--secondary",
    "outline": "fr-btn--secondary",
    "tertiary": "fr-btn--tertiary",
}
BUTTON_SIZES = {"small": "fr-btn--sm", "medium": "", "large": "fr-btn--lg"}

#: Admonitions → the DSFR's alert (what may go wrong) or callout (what to know).
ALERTS = {
    "warning": "fr-alert--warning",
    "caution": "fr-alert--warning",
    "attention": "fr-alert--warning",
    "danger": "fr-alert--error",
    "error": "fr-alert--error",
}
CALLOUTS = ("note", "tip", "hint", "important", "seealso", "admonition")

#: sphinx-design's breakpoints (``xs`` is the base) → the DSFR grid's.
BREAKPOINTS = {"": "", "xs": "", "sm": "sm-", "md": "md-", "lg": "lg-", "xl": "xl-"}
_ROW_COLS = re.compile(r"sd-row-cols-(?:(xs|sm|md|lg|xl)-)?(\d+)$")
_COL = re.compile(r"sd-col-(?:(xs|sm|md|lg|xl)-)?(\d+|auto)$")
_GUTTER = re.compile(r"sd-g-(?:(?:xs|sm|md|lg|xl)-)?(\d+)$")
#: A grid's column counts the DSFR's twelve columns divide evenly.
EVEN_COUNTS = {1, 2, 3, 4, 6, 12}


def dsfr_classes(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Give the blocks of a page the DSFR's component classes."""
    if getattr(app.builder, "format", "") != "html" or not is_dsfr_theme(app):
        return
    for node in list(doctree.findall(nodes.Element)):
        for condition, convert in CONVERSIONS:
            if condition(node):
                convert(node)
                break


def _has(name: str) -> Callable[[nodes.Element], bool]:
    return lambda node: name in node["classes"]


def _replace(node: nodes.Element, prefix: str, *added: str) -> None:
    """Drop *node*'s classes starting with *prefix*, then add *added*."""
    node["classes"] = [
        *(name for name in node["classes"] if not name.startswith(prefix)),
        *(name for name in added if name),
    ]


# -- Buttons ------------------------------------------------------------------


def button(node: nodes.Element) -> None:
    """``fr-btn`` with its variant and size; a known icon as the DSFR's icon
    class (left of the label), in place of the drawn one."""
    classes = node["classes"]
    variant = next(
        (BUTTON_VARIANTS[c[13:]] for c in classes if c[13:] in BUTTON_VARIANTS), ""
    )
    size = next((BUTTON_SIZES[c[13:]] for c in classes if c[13:] in BUTTON_SIZES), "")
    added = ["fr-btn", variant, size]
    icon = BUTTON_ICONS.get(node.get("circ_icon", ""))
    if icon is not None:
        drawn = [child for child in node.findall(nodes.Element) if _is_icon(child)]
        for child in drawn:
            child.parent.remove(child)
        if drawn:
            added += [icon[0], "fr-btn--icon-left"]
    # The DSFR's classes alone: the blocks' own button rules would win over
    # them by specificity.
    _replace(node, "circ-button", *added)


def _is_icon(node: nodes.Element) -> bool:
    """Whether *node* is a button's drawn octicon (an ``sd_icon`` node, or raw
    HTML with sphinx-design < 0.8)."""
    svg = node.get("svg") or (node.astext() if isinstance(node, nodes.raw) else "")
    return "circ-button__icon" in str(svg)


# -- Bands --------------------------------------------------------------------


def hero(node: nodes.Element) -> None:
    """The hero's first paragraph, its lead (``fr-text--lead``)."""
    lead = next(
        (child for child in node.findall(nodes.paragraph) if child is not node), None
    )
    if lead is not None and not lead["classes"]:
        lead["classes"].append("fr-text--lead")


# -- Admonitions --------------------------------------------------------------


def admonition(node: nodes.Element) -> None:
    kind = next((c for c in node["classes"] if c in ALERTS or c in CALLOUTS), "")
    if not kind:
        kind = type(node).__name__
    if kind in ALERTS:
        title, text = "fr-alert__title", ""
        node["classes"] += ["fr-alert", ALERTS[kind]]
    elif kind in CALLOUTS:
        title, text = "fr-callout__title", "fr-callout__text"
        node["classes"].append("fr-callout")
    else:
        return
    for child in node.children:
        if isinstance(child, nodes.title):
            child["classes"].append(title)
        elif text and isinstance(child, nodes.paragraph):
            child["classes"].append(text)


def is_admonition(node: nodes.Element) -> bool:
    return isinstance(node, nodes.Admonition) and type(node).__name__ in (
        *ALERTS,
        *CALLOUTS,
    )


# -- Grids --------------------------------------------------------------------


def grid(node: nodes.Element) -> None:
    """sphinx-design's grid (container > row > columns) as the DSFR's
    ``fr-grid-row`` of ``fr-col-*``, when its columns divide the twelve evenly
    (otherwise it stays sphinx-design's)."""
    rows = [child for child in node.children if isinstance(child, nodes.Element)]
    if len(rows) != 1 or "sd-row" not in rows[0]["classes"]:
        return
    row = rows[0]
    spans: dict[str, int] = {}
    gutters = False
    for name in row["classes"]:
        if match := _ROW_COLS.match(name):
            count = int(match.group(2))
            if count not in EVEN_COUNTS:
                return
            spans[BREAKPOINTS[match.group(1) or ""]] = 12 // count
        elif match := _GUTTER.match(name):
            gutters = gutters or match.group(1) != "0"
    columns = [child for child in row.children if isinstance(child, nodes.Element)]
    planned = []
    for column in columns:
        if "sd-col" not in column["classes"]:
            return
        own = dict(spans)
        for name in column["classes"]:
            if match := _COL.match(name):
                if match.group(2) == "auto":
                    return
                own[BREAKPOINTS[match.group(1) or ""]] = int(match.group(2))
        own.setdefault("", 12)
        planned.append((column, own))
    for column, own in planned:
        _replace(
            column,
            "sd-",
            *(f"fr-col-{bp}{span}" for bp, span in sorted(own.items())),
            "circ-grid__item",
        )
    _replace(row, "sd-", "fr-grid-row", "fr-grid-row--gutters" if gutters else "")
    _replace(node, "sd-", "circ-grid")


# -- Cards and tiles ----------------------------------------------------------


def card(node: nodes.Element) -> None:
    """A card of title, text and link as the DSFR's ``fr-card`` (or
    ``fr-tile`` when given the class ``tile``); cards with images, a header or
    a footer stay sphinx-design's."""
    kind = "fr-tile" if "tile" in node["classes"] else "fr-card"
    parts = [child for child in node.children if isinstance(child, nodes.Element)]
    bodies = [part for part in parts if "sd-card-body" in part["classes"]]
    links = [
        part
        for part in parts
        if part not in bodies and next(part.findall(nodes.reference), None)
    ]
    if len(bodies) != 1 or len(links) > 1 or len(node.children) != 1 + len(links):
        return
    body = bodies[0]
    title = next(
        (
            child
            for child in body.children
            if isinstance(child, nodes.Element) and "sd-card-title" in child["classes"]
        ),
        None,
    )
    text = title.next_node(nodes.TextElement) if title is not None else None
    reference = next(links[0].findall(nodes.reference)) if links else None
    if reference is not None and not isinstance(text, nodes.TextElement):
        return
    if title is not None:
        _replace(title, "sd-", f"{kind}__title")
    if reference is not None and isinstance(text, nodes.TextElement):
        # The DSFR's card is a link by its title, stretched over the card
        # (inside the title's text element: HTML writers want a link in
        # running text).
        _replace(reference, "sd-")
        reference.children = []
        for child in list(text.children):
            text.remove(child)
            reference += child
        text += reference
        node.remove(links[0])
    for child in body.children:
        if isinstance(child, nodes.paragraph):
            _replace(child, "sd-", f"{kind}__desc")
    _replace(body, "sd-", f"{kind}__content")
    wrapper = nodes.container("", classes=[f"{kind}__body"])
    node.replace(body, wrapper)
    wrapper += body
    _replace(node, "sd-", kind, "fr-enlarge-link" if reference is not None else "")


#: (which node, what it becomes), the first match applying.
CONVERSIONS: list[
    tuple[Callable[[nodes.Element], bool], Callable[[nodes.Element], None]]
] = [
    (
        lambda n: isinstance(n, nodes.reference) and "circ-button" in n["classes"],
        button,
    ),
    (lambda n: isinstance(n, circ_hero), hero),
    (is_admonition, admonition),
    (_has("sd-container-fluid"), grid),
    (_has("sd-card"), card),
]


def setup_components(app: Sphinx) -> None:
    app.connect("doctree-resolved", dsfr_classes)
