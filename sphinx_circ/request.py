"""The ``data-request`` block: a form to ask for data, with no server.

Submitting composes a prefilled e-mail to ``circ_request_email`` (and/or
opens ``circ_request_url`` with the answers as query parameters). The form
is HTML only and hidden until the script shows it; every output also gets
plain instructions with the address, which the script hides once the form
is usable.
"""

from __future__ import annotations

from html import escape
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .shared import NON_HTML_SKIP, _, html_tag, is_safe_url, is_static_html, warn


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


class RequestDirective(SphinxDirective):
    """``:::{data-request}``: the form, and instructions for every other output."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "email": directives.unchanged,
        "url": directives.unchanged,
        "subject": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        location = self.get_location()
        email = (
            self.options.get("email") or self.config.circ_request_email or ""
        ).strip()
        url = (self.options.get("url") or self.config.circ_request_url or "").strip()
        if url and (
            not is_safe_url(url) or not url.lower().startswith(("http://", "https://"))
        ):
            warn(
                f"request URL {url!r} must be an http or https address; it is left out",
                "request",
                location,
            )
            url = ""
        if email and ("@" not in email or any(c in email for c in "<>\"' ")):
            warn(
                f"request e-mail {email!r} is not an address; it is left out",
                "request",
                location,
            )
            email = ""
        if not (email or url):
            warn(
                "data-request needs somewhere to send requests: set circ_request_email "
                "(or circ_request_url) in conf.py, or the :email: option",
                "request",
                location,
            )
        subject = (self.options.get("subject") or "").strip() or _("Data request")
        container = nodes.container("", classes=["circ-request"])
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
    if is_static_html(self):
        raise nodes.SkipNode
    if not (node["email"] or node["url"]):
        raise nodes.SkipNode
    parts = [
        html_tag(
            "form",
            None,
            class_="circ-request__form",
            data_circ_email=node["email"],
            data_circ_url=node["url"],
            data_circ_subject=node["subject"],
            novalidate=True,
            hidden=True,
        ),
        html_tag(
            "p",
            escape(_("Fields marked * are required.")),
            class_="circ-request__legend",
        ),
    ]
    for item in fields():
        parts.append(field_html(item, f"{node['uid']}-{item['name']}"))
    action = _("Prepare the e-mail") if node["email"] else _("Send the request")
    button = "circ-button circ-button--primary circ-button--medium"
    parts.append(html_tag("button", escape(action), type="submit", class_=button))
    # Shown once the e-mail is composed: a mail program may be missing.
    result = (
        escape(_("If no e-mail program opened,"))
        + " "
        + html_tag(
            "a", escape(_("write the prepared e-mail")), class_="circ-request__mail"
        )
    )
    parts.append(
        html_tag("p", result, class_="circ-request__result", role="status", hidden=True)
    )
    self.body.append("".join(parts) + "</form>\n")
    raise nodes.SkipNode


def field_html(item: dict[str, Any], field_id: str) -> str:
    required = bool(item.get("required"))
    star = ' <span aria-hidden="true">*</span>' if required else ""
    parts = [html_tag("label", escape(str(item["label"])) + star, for_=field_id)]
    common = {"id": field_id, "name": item["name"]}
    if item["kind"] == "textarea":
        parts.append(html_tag("textarea", "", rows="4", required=required, **common))
    elif item["kind"] == "select":
        choices = [html_tag("option", "—", value="")]
        choices += [html_tag("option", escape(str(c))) for c in item["choices"]]
        parts.append(html_tag("select", "".join(choices), **common))
    else:
        parts.append(html_tag("input", None, type="text", required=required, **common))
    if required:
        message = escape(_("Please describe the data you need."))
        error_id = f"{field_id}-error"
        parts.append(
            html_tag(
                "p", message, id=error_id, class_="circ-request__error", hidden=True
            )
        )
    return html_tag("div", "".join(parts), class_="circ-request__field")


def setup_request(app: Sphinx) -> None:
    app.add_config_value("circ_request_email", "", "env", types=[str])
    app.add_config_value("circ_request_url", "", "env", types=[str])
    app.add_node(circ_request_form, html=(visit_form_html, None), **NON_HTML_SKIP)
    app.add_directive("data-request", RequestDirective)
