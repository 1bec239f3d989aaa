"""The ``data-request`` block: a form to ask for data, with no server.

Submitting composes a prefilled e-mail to ``circ_request_email`` (and/or
opens ``circ_request_url`` with the answers as query parameters). The form
is HTML only and hidden until the script shows it; every output also gets
plain instructions with the address, which the script hides once the form
is usable.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx

from .directive import CircDirective, block_options
from .messages import _, warn
from .nodes import NON_HTML_SKIP, is_static_html, render_template
from .placeholders import is_placeholder, placeholder_message
from .urls import is_email, is_web_url


def fields() -> list[dict[str, Any]]:
    """The original portal's fields, in its order (``name``: submitted key)."""
    return [
        {
            "name": "description",
            "label": _("Describe the data you are looking for"),
            "kind": "textarea",
            "required": True,
        },
        {"name": "title", "label": _("Title of the request"), "kind": "text"},
        {"name": "organisation", "label": _("Your organisation"), "kind": "text"},
        {
            "name": "scale",
            "label": _("Geographic scale"),
            "kind": "select",
            "choices": [
                _("Municipality"),
                _("Department"),
                _("Region"),
                _("National"),
                _("European"),
            ],
        },
        {
            "name": "frequency",
            "label": _("Update frequency"),
            "kind": "select",
            "choices": [
                _("Real time"),
                _("Daily"),
                _("Monthly"),
                _("Yearly"),
                _("Once"),
            ],
        },
        {
            "name": "reuse",
            "label": _("What will you do with the data?"),
            "kind": "textarea",
        },
    ]


class circ_request_form(nodes.General, nodes.Element):
    """The form itself (HTML only)."""


class RequestDirective(CircDirective):
    """``:::{data-request}``: the form, and instructions for every other output."""

    kind = "request"
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = block_options("email", "url", "subject")

    def run_block(self) -> list[nodes.Node]:
        email = (
            self.options.get("email") or self.config.circ_request_email or ""
        ).strip()
        url = (self.options.get("url") or self.config.circ_request_url or "").strip()
        if url and not is_web_url(url):
            self.warn(
                f"request URL {url!r} must be an http or https address; it is left out"
            )
            url = ""
        if email and not is_email(email):
            self.warn(f"request e-mail {email!r} is not an address; it is left out")
            email = ""
        # The settings' example addresses are flagged once, at their line in conf.py.
        for option in ("email", "url"):
            value = self.options.get(option, "").strip()
            if is_placeholder(value):
                warn(
                    placeholder_message(f":{option}:", value),
                    "placeholder",
                    self.get_location(),
                )
        if not (email or url):
            self.warn(
                "data-request needs somewhere to send requests: set circ_request_email "
                "(or circ_request_url) in conf.py, or the :email: option"
            )
        subject = (self.options.get("subject") or "").strip() or _("Data request")
        container = nodes.container("", classes=self.classes("circ-request"))
        self.set_source_info(container)
        fallback = nodes.container("", classes=["circ-request__fallback"])
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, fallback)
        instructions = nodes.paragraph()
        if email:
            instructions += nodes.Text(_("Write to") + " ")
            instructions += nodes.reference("", email, refuri=f"mailto:{email}")
            instructions += nodes.Text(" " + _("and tell us:"))
        elif url:
            instructions += nodes.Text(_("Send your request at") + " ")
            instructions += nodes.reference("", url, refuri=url)
            instructions += nodes.Text(" " + _("and tell us:"))
        else:
            instructions += nodes.Text(_("Tell us:"))
        fallback += instructions
        wanted = nodes.bullet_list()
        for item in fields():
            wanted += nodes.list_item("", nodes.paragraph("", str(item["label"])))
        fallback += wanted
        container += fallback
        serial = self.env.new_serialno("circ-request")
        container += circ_request_form(
            "", uid=f"circ-request-{serial}", email=email, url=url, subject=str(subject)
        )
        return [container]


def visit_form_html(self: Any, node: circ_request_form) -> None:
    if is_static_html(self) or not (node["email"] or node["url"]):
        raise nodes.SkipNode
    self.body.append(
        render_template(
            self,
            "circ/request-form.html",
            email=node["email"],
            url=node["url"],
            subject=node["subject"],
            uid=node["uid"],
            fields=fields(),
        )
        + "\n"
    )
    raise nodes.SkipNode


def setup_request(app: Sphinx) -> None:
    app.add_node(circ_request_form, html=(visit_form_html, None), **NON_HTML_SKIP)
    app.add_directive("data-request", RequestDirective)
