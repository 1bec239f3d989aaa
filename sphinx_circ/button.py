"""The ``button`` block and role: a link styled as a call to action.

External targets become plain references at once. Internal targets (a
document, written the old site's way or Sphinx's, or a reference label) stay
pending until the write phase, where ``resolve_button`` turns them into
references with the builder's own URIs, so html, dirhtml, singlehtml and epub
all link correctly, or into plain text with a located warning.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import ReferenceRole
from sphinx.util.nodes import make_refnode

from ._compat import octicon_node
from .directive import Choice, CircDirective, block_options
from .messages import _, warn
from .nodes import screen_reader_text
from .urls import find_docname, is_external, is_safe_url

VARIANTS = ("primary", "secondary", "outline", "tertiary")
VARIANT_ALIASES = {f"button-{v}": v for v in VARIANTS}
SIZES = ("medium", "small", "large")  # the first is the default
SIZE_ALIASES = {"sm": "small", "md": "medium", "lg": "large"}

#: Marks pending buttons for ``ResolveButtons``.
BUTTON_XREF = "circ-button"


def button_classes(variant: str, size: str, extra: list[str]) -> list[str]:
    return ["circ-button", f"circ-button--{variant}", f"circ-button--{size}", *extra]


def make_button(
    target: str,
    label: list[nodes.Node],
    *,
    classes: list[str],
    icon: str,
    new_tab: bool,
    docname: str,
    location: Any,
    rawtext: str = "",
) -> nodes.Element:
    """Build a button: a reference, a pending reference, or plain text on error."""
    target = target.strip()
    icon_name = ""
    content: list[nodes.Node] = []
    if icon:
        try:
            content.append(octicon_node(icon, classes=["circ-button__icon"]))
            # Kept by name so a theme can draw it its own way (the DSFR's
            # icon classes, see dsfr/components.py).
            icon_name = icon
        except (KeyError, ValueError):
            warn(
                f"unknown button icon {icon!r}: use an octicon name from "
                "sphinx-design (e.g. 'download', 'arrow-right')",
                "button",
                location,
            )
    content.extend(label)

    def plain(reason: str) -> nodes.Element:
        warn(reason, "button", location)
        text = nodes.inline(rawtext, "", *(label or [nodes.Text(target)]))
        text["classes"] = ["circ-button-text"]
        return text

    if not target:
        return plain(
            "button with an empty target: give a URL or a document; "
            "its label is shown as plain text"
        )
    if not is_safe_url(target):
        return plain(
            f"button target {target!r} uses an unsafe URL scheme; "
            "use http, https, mailto or tel"
        )
    if new_tab:
        content.append(screen_reader_text(f" ({_('opens in a new tab')})"))
    if is_external(target) or target.startswith("#"):
        reference = nodes.reference(
            rawtext,
            "",
            *(content or [nodes.Text(target)]),
            refuri=target,
            classes=classes,
        )
        if icon_name:
            reference["circ_icon"] = icon_name
        if new_tab:
            reference["target"] = "_blank"
            reference["rel"] = "noopener noreferrer"
        return reference
    pending = addnodes.pending_xref(
        rawtext,
        nodes.inline("", "", *content),
        refdomain="",
        reftype=BUTTON_XREF,
        reftarget=target,
        refdoc=docname,
        refexplicit=bool(label),
        circ_classes=classes,
        circ_new_tab=new_tab,
    )
    if icon_name:
        pending["circ_icon"] = icon_name
    return pending


class ButtonDirective(CircDirective):
    """``:::{button} TARGET`` with the label as content."""

    kind = "button"
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = block_options(
        "icon",
        variant=Choice(VARIANTS, VARIANT_ALIASES),
        size=Choice(SIZES, SIZE_ALIASES),
        new_tab=directives.flag,
    )

    def run_block(self) -> list[nodes.Node]:
        variant, size = self.options["variant"], self.options["size"]
        label: list[nodes.Node] = []
        text = " ".join(line.strip() for line in self.content).strip()
        if text:
            label, messages = self.parse_inline(text, lineno=self.content_offset + 1)
            label += messages
        button = make_button(
            self.arguments[0] if self.arguments else "",
            label,
            classes=button_classes(variant, size, self.options.get("class", [])),
            icon=(self.options.get("icon") or "").strip(),
            new_tab="new-tab" in self.options,
            docname=self.env.docname,
            location=self.get_location(),
        )
        self.set_source_info(button)
        row = nodes.paragraph("", "", button, classes=["circ-buttons"])
        self.set_source_info(row)
        return [row]


class ButtonRole(ReferenceRole):
    """``{button}`Label <target>``` inside a paragraph."""

    def __init__(self, variant: str = "primary") -> None:
        super().__init__()
        self.variant = variant

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        label: list[nodes.Node] = (
            [nodes.Text(self.title)] if self.has_explicit_title else []
        )
        button = make_button(
            self.target,
            label,
            classes=button_classes(self.variant, "medium", []),
            icon="",
            new_tab=False,
            docname=self.env.docname,
            location=self.get_location(),
            rawtext=self.rawtext,
        )
        self.set_source_info(button)
        return [button], []


class MergeButtonRows(SphinxTransform):
    """Consecutive ``button`` blocks share one row that wraps on small screens."""

    default_priority = 210

    def apply(self, **kwargs: Any) -> None:
        rows = [row for row in self.document.findall(nodes.paragraph) if _is_row(row)]
        for row in rows:
            if row.parent is None:
                continue  # already merged into the row before it
            following = _next_sibling(row)
            while following is not None and _is_row(following):
                row += nodes.Text(" ")
                row.extend(following.children)
                following.parent.remove(following)
                following.parent = None
                following = _next_sibling(row)


def _is_row(node: nodes.Node) -> bool:
    return isinstance(node, nodes.paragraph) and "circ-buttons" in node["classes"]


def _next_sibling(node: nodes.Element) -> nodes.Node | None:
    siblings = node.parent.children
    index = siblings.index(node) + 1
    return siblings[index] if index < len(siblings) else None


def resolve_button(
    app: Sphinx,
    env: BuildEnvironment,
    pending: addnodes.pending_xref,
    content: nodes.Element,
) -> nodes.Element | None:
    """``missing-reference`` handler: link an internal button, or warn once and
    leave its label as text.

    Sphinx calls it for the pending references no domain claims, during the
    write phase, with the builder at hand for its own URIs.
    """
    if pending.get("reftype") != BUTTON_XREF:
        return None
    target: str = pending["reftarget"]
    fromdoc: str = pending["refdoc"]
    docname, anchor, title = find_target(env, target, fromdoc)
    if docname is None:
        warn(
            f"button target {target!r} is neither a document nor a label of this "
            "project; check the name (documents are written like 'faq/citoyen' or "
            "'/donnees-ouvertes.html')",
            "button",
            pending,
        )
        content["classes"].append("circ-button-text")
        if not pending["refexplicit"]:
            content += nodes.Text(target)
        # Returned rather than left to Sphinx, which would warn a second time
        # (``ref.circ-button``) under -n.
        return content
    if not pending["refexplicit"]:
        content += nodes.Text(title)
    reference = make_refnode(
        app.builder, fromdoc, docname, anchor or "", content.children
    )
    reference["classes"] = list(pending["circ_classes"])
    if pending.get("circ_icon"):
        reference["circ_icon"] = pending["circ_icon"]
    if pending.get("circ_new_tab"):
        reference["target"] = "_blank"
        reference["rel"] = "noopener noreferrer"
    return reference


def find_target(
    env: BuildEnvironment, target: str, fromdoc: str
) -> tuple[str | None, str | None, str]:
    """Return ``(docname, anchor, title)`` for *target*, or ``(None, None, "")``."""
    path, _sep, anchor = target.partition("#")
    docname = find_docname(path, fromdoc, env.config.source_suffix, env.all_docs)
    if docname is not None:
        title = env.titles[docname].astext() if docname in env.titles else docname
        return docname, anchor or None, title
    std: Any = env.get_domain("std")
    label = target.lower()
    if label in std.labels:
        docname, anchor_id, title = std.labels[label]
        return docname, anchor_id, title
    if label in std.anonlabels:
        docname, anchor_id = std.anonlabels[label]
        return docname, anchor_id, target
    return None, None, ""


def setup_button(app: Sphinx) -> None:
    app.add_directive("button", ButtonDirective)
    app.add_role("button", ButtonRole())
    for variant in VARIANTS[1:]:
        app.add_role(f"button-{variant}", ButtonRole(variant))
    app.add_transform(MergeButtonRows)
    app.connect("missing-reference", resolve_button)
