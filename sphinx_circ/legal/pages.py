"""The accessibility statement, the legal notice and the personal-data page.

Each is a directive that writes its page's sections from ``circ_legal``
(``legal/facts.py``), in the project's language. The text an agency writes
in the block follows what is generated (its headings become sections), and
the page's own text around the block stays as written.

Which document carries which page is kept in the environment: the footer,
the site map and the other legal pages link to it, and the build warns when
one is missing (``legal/checks.py``).
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..config import LegalFacts
from ..directive import CircDirective, block_options
from ..headings import heading_to_section, is_block_heading, parse_with_headings
from ..messages import _
from ..urls import is_external
from .conformity import Conformity, conformity
from .text import (
    address_link,
    bullets,
    compose,
    day,
    doc_link,
    para,
    percent,
    section,
    strong,
)

Kind = Literal["accessibility", "notice", "personal-data", "site-map"]
#: The four pages, in the footer's order.
KINDS: tuple[Kind, ...] = ("accessibility", "notice", "personal-data", "site-map")

#: Where the Défenseur des droits can be reached (the statement's remedies).
DEFENSEUR_FORM = "https://formulaire.defenseurdesdroits.fr/"
DEFENSEUR_DELEGATES = "https://www.defenseurdesdroits.fr/saisir/delegues"
DEFENSEUR_PHONE = "09\u00a069\u00a039\u00a000\u00a000"
DEFENSEUR_POST = "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07"
CNIL_COMPLAINT = "https://www.cnil.fr/fr/adresser-une-plainte"


def level_label(level: str) -> str:
    """The words of the level, as the RGAA requires them in French."""
    return str(
        {
            "total": _("fully compliant"),
            "partial": _("partially compliant"),
        }.get(level, _("non-compliant"))
    )


def page_title(kind: Kind) -> str:
    return str(
        {
            "accessibility": _("Accessibility statement"),
            "notice": _("Legal notice"),
            "personal-data": _("Personal data"),
            "site-map": _("Site map"),
        }[kind]
    )


# -- Where each page is ------------------------------------------------------------


def legal_pages(env: BuildEnvironment) -> dict[str, Kind]:
    """``docname: kind`` of every document carrying a legal block."""
    if not hasattr(env, "circ_legal_pages"):
        env.circ_legal_pages = {}  # type: ignore[attr-defined]
    return env.circ_legal_pages  # type: ignore[attr-defined]


def page_of(env: BuildEnvironment, kind: Kind) -> str | None:
    """The document carrying *kind* (the first by name if several do)."""
    found = sorted(doc for doc, each in legal_pages(env).items() if each == kind)
    return found[0] if found else None


def purge_page(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    legal_pages(env).pop(docname, None)


def merge_pages(
    app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment
) -> None:
    mine = legal_pages(env)
    for docname, kind in legal_pages(other).items():
        if docname in docnames:
            mine[docname] = kind


class circ_legal_ref(nodes.Inline, nodes.TextElement):
    """A link to one of the legal pages, wherever it is (resolved when the
    page is written; plain text if the site has no such page)."""


def legal_ref(kind: Kind, text: str) -> circ_legal_ref:
    return circ_legal_ref(text, text, kind=kind)


def resolve_legal_refs(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for ref in list(doctree.findall(circ_legal_ref)):
        target = page_of(app.env, ref["kind"])
        text = ref.astext()
        if target is None:
            ref.replace_self(nodes.Text(text))
            continue
        uri = app.builder.get_relative_uri(docname, target)
        ref.replace_self(nodes.reference(text, text, internal=True, refuri=uri))


# -- The blocks --------------------------------------------------------------------


class LegalDirective(CircDirective):
    """A legal page's block: the generated sections, then the block's own text."""

    kind = "legal"
    page: ClassVar[Kind]
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = block_options()

    @property
    def facts(self) -> LegalFacts:
        from . import legal_facts

        return legal_facts(self.config)

    @property
    def language(self) -> str:
        return self.config.language or "en"

    @property
    def site(self) -> nodes.Node:
        """The portal's name, linked to its address when ``html_baseurl`` is set."""
        name = str(self.config.project or "")
        base = str(self.config.html_baseurl or "")
        return (
            address_link_named(name, base)
            if base and is_external(base)
            else (nodes.Text(name))
        )

    def section(self, title: str, *children: nodes.Node) -> nodes.section:
        return section(self.state.document, title, list(children))

    def run_block(self) -> list[nodes.Node]:
        previous = legal_pages(self.env).get(self.env.docname)
        if previous is not None and previous != self.page:
            self.warn(
                f"this page already carries the {previous!r} block; a page carries "
                "one legal page"
            )
        legal_pages(self.env)[self.env.docname] = self.page
        lead, parts = self.generate()
        own_lead, own_sections = self.own_text()
        return [*lead, *own_lead, *parts, *own_sections]

    def generate(self) -> tuple[list[nodes.Node], list[nodes.section]]:
        raise NotImplementedError

    def own_text(self) -> tuple[list[nodes.Node], list[nodes.section]]:
        """The block's content: what comes before its first heading joins the
        page's opening, each heading opens a section after the generated ones."""
        if not self.content:
            return [], []
        holder = nodes.container()
        parse_with_headings(self, holder)
        lead: list[nodes.Node] = []
        sections: list[nodes.section] = []
        for child in list(holder.children):
            child.parent = None
            if is_block_heading(child):
                sections.append(heading_to_section(child, self.state.document))
            elif sections:
                sections[-1] += child
            else:
                lead.append(child)
        return lead, sections

    def contact(self, address: str) -> nodes.Node:
        return address_link(address) if address else nodes.Text("")


def address_link_named(name: str, url: str) -> nodes.Node:
    return nodes.reference(name, name, refuri=url) if name else address_link(url)


class AccessibilityStatement(LegalDirective):
    """``:::{accessibility-statement}``: the RGAA statement, from the facts."""

    page = "accessibility"

    def generate(self) -> tuple[list[nodes.Node], list[nodes.section]]:
        facts = self.facts
        audit = facts.accessibility
        state = conformity(audit)
        publisher = facts.publisher.name or str(self.config.author or "")
        lead: list[nodes.Node] = [
            para(
                str(
                    _(
                        "{publisher} is committed to making its websites accessible, "
                        "in accordance with article 47 of law no. 2005-102 of "
                        "11 February 2005."
                    )
                ),
                publisher=publisher,
            ),
            para(
                str(_("This accessibility statement applies to {site}.")),
                site=self.site,
            ),
        ]
        return lead, [
            self.status(state),
            self.results(state),
            self.inaccessible(),
            self.preparation(),
            *self.plans(),
            self.feedback(),
            self.remedies(),
        ]

    def status(self, state: Conformity) -> nodes.section:
        audit = self.facts.accessibility
        level = strong(level_label(state.level))
        parts: dict[str, Any] = {
            "site": self.site,
            "level": level,
            "version": audit.rgaa_version,
        }
        if audit.audit_date is not None:
            parts["date"] = day(audit.audit_date, self.language)
        reason = {
            "none": _(
                "{site} is {level}: no audit of its accessibility has been "
                "carried out yet."
            ),
            "expired": _(
                "{site} is {level}: its last audit, of {date}, is more than "
                "three years old."
            ),
            "replaced": _(
                "{site} is {level}: its last audit, of {date}, followed "
                "RGAA {version}, which has since been replaced."
            ),
            "future": _(
                "{site} is {level}: no valid audit result measures its accessibility."
            ),
        }
        if state.invalid:
            text = reason.get(state.invalid, reason["future"])
        elif state.level == "total":
            text = _(
                "{site} is {level} with the French accessibility framework "
                "(RGAA), version {version}."
            )
        else:
            text = _(
                "{site} is {level} with the French accessibility framework "
                "(RGAA), version {version}, because of the non-conformities "
                "listed below."
            )
        return self.section(str(_("Compliance status")), para(str(text), **parts))

    def results(self, state: Conformity) -> nodes.section:
        audit = self.facts.accessibility
        if audit.audit_date is None:
            body: nodes.Node = para(str(_("No audit has been carried out yet.")))
        else:
            parts: dict[str, Any] = {"date": day(audit.audit_date, self.language)}
            if audit.criteria_met is None:
                text = _("The audit of {date} gives no share of criteria met.")
            else:
                parts["rate"] = strong(percent(audit.criteria_met, self.language))
                text = _(
                    "The audit carried out on {date} shows that {rate} of the "
                    "applicable RGAA criteria are met."
                )
                if audit.audited_by:
                    text = _(
                        "The audit carried out on {date} by {auditor} shows that "
                        "{rate} of the applicable RGAA criteria are met."
                    )
                    parts["auditor"] = audit.audited_by
            body = para(str(text), **parts)
        return self.section(str(_("Test results")), body)

    def listing(self, items: list[list[nodes.Node]]) -> nodes.Node:
        return bullets(items) if items else para(str(_("None.")))

    def inaccessible(self) -> nodes.section:
        audit = self.facts.accessibility
        return self.section(
            str(_("Non-accessible content")),
            self.section(
                str(_("Non-conformities")),
                self.listing([[nodes.Text(item)] for item in audit.non_conformities]),
            ),
            self.section(
                str(_("Disproportionate burden")),
                self.listing(
                    [
                        compose(
                            str(_("{content}: {reason}")),
                            content=item.content,
                            reason=item.reason,
                        )
                        for item in audit.derogations
                    ]
                ),
            ),
            self.section(
                str(_("Content not subject to the obligation")),
                self.listing([[nodes.Text(item)] for item in audit.exempted]),
            ),
        )

    def page_entry(self, page: str) -> list[nodes.Node]:
        docname = page.strip().removesuffix(".md").strip("/") or self.config.root_doc
        if docname in self.env.found_docs:
            return [doc_link(docname, self.env.docname)]
        if is_external(page):
            return [address_link(page)]
        return [nodes.Text(page)]

    def preparation(self) -> nodes.section:
        audit = self.facts.accessibility
        children: list[nodes.Node] = []
        written = audit.statement_date or audit.audit_date
        if written is not None:
            children.append(
                para(
                    str(_("This statement was prepared on {date}.")),
                    date=day(written, self.language),
                )
            )
        for title, items in (
            (_("Technologies relied on"), audit.technologies),
            (_("Test environment"), audit.test_environment),
            (_("Evaluation tools"), audit.tools),
        ):
            if items:
                children.append(
                    self.section(str(title), bullets([[nodes.Text(i)] for i in items]))
                )
        if audit.audited_pages:
            children.append(
                self.section(
                    str(_("Pages audited")),
                    bullets([self.page_entry(page) for page in audit.audited_pages]),
                )
            )
        return self.section(str(_("Preparation of this statement")), *children)

    def plans(self) -> list[nodes.section]:
        audit = self.facts.accessibility
        items = [
            compose(str(label), link=address_link(url))
            for label, url in (
                (_("Multi-year accessibility plan: {link}"), audit.multi_year_plan),
                (_("Action plan of the current year: {link}"), audit.action_plan),
            )
            if url
        ]
        return (
            [self.section(str(_("Accessibility plans")), bullets(items))]
            if items
            else []
        )

    def feedback(self) -> nodes.section:
        contact = self.facts.accessibility.contact or self.facts.publisher.contact
        children: list[nodes.Node] = [
            para(
                str(
                    _(
                        "If you cannot access a content or a service, contact the "
                        "portal's team to be directed to an accessible alternative "
                        "or to obtain the content in another form."
                    )
                )
            )
        ]
        if contact:
            children.append(
                para(str(_("Contact: {contact}")), contact=self.contact(contact))
            )
        return self.section(str(_("Feedback and contact")), *children)

    def remedies(self) -> nodes.section:
        return self.section(
            str(_("Remedies")),
            para(
                str(
                    _(
                        "If you reported a lack of accessibility that prevents you "
                        "from accessing a content or a service of the portal and "
                        "did not obtain a satisfactory answer, you may:"
                    )
                )
            ),
            bullets(
                [
                    compose(
                        str(
                            _(
                                "write to the Défenseur des droits with its online "
                                "form: {link}"
                            )
                        ),
                        link=address_link(DEFENSEUR_FORM),
                    ),
                    compose(
                        str(
                            _(
                                "contact the Défenseur des droits' delegate in your "
                                "region: {link}"
                            )
                        ),
                        link=address_link(DEFENSEUR_DELEGATES),
                    ),
                    compose(
                        str(_("call the Défenseur des droits on {phone}")),
                        phone=DEFENSEUR_PHONE,
                    ),
                    compose(
                        str(
                            _(
                                "send a letter by post, free of charge (no stamp "
                                "needed), to: {address}"
                            )
                        ),
                        address=DEFENSEUR_POST,
                    ),
                ]
            ),
        )


class LegalNotice(LegalDirective):
    """``:::{legal-notice}``: who publishes the portal, who directs it, who hosts it."""

    page = "notice"

    def lines(self, *items: tuple[str, Any]) -> list[nodes.Node]:
        return [para(str(template), value=value) for template, value in items if value]

    def generate(self) -> tuple[list[nodes.Node], list[nodes.section]]:
        facts = self.facts
        publisher, host = facts.publisher, facts.host
        sections = [
            self.section(
                str(_("Publisher")),
                *self.lines(
                    ("{value}", publisher.name),
                    (_("Address: {value}"), publisher.address),
                    (
                        _("Contact: {value}"),
                        publisher.contact and self.contact(publisher.contact),
                    ),
                    (_("Phone: {value}"), publisher.phone),
                ),
            ),
            self.section(
                str(_("Director of publication")),
                *self.lines(("{value}", facts.director)),
            ),
            self.section(
                str(_("Hosting")),
                *self.lines(
                    ("{value}", host.name),
                    (_("Address: {value}"), host.address),
                    (_("Phone: {value}"), host.phone),
                    (
                        _("Contact: {value}"),
                        host.contact and self.contact(host.contact),
                    ),
                ),
            ),
        ]
        if facts.licence.name:
            licence: nodes.Node = (
                nodes.reference(
                    facts.licence.name, facts.licence.name, refuri=facts.licence.url
                )
                if facts.licence.url
                else nodes.Text(facts.licence.name)
            )
            sections.append(
                self.section(
                    str(_("Reuse")),
                    para(
                        str(
                            _(
                                "Unless stated otherwise, the portal's content is "
                                "published under the {licence}."
                            )
                        ),
                        licence=licence,
                    ),
                )
            )
        state = conformity(facts.accessibility)
        sections.append(
            self.section(
                str(_("Accessibility")),
                para(
                    str(_("{site} is {level}. Read its {statement}.")),
                    site=self.site,
                    level=strong(level_label(state.level)),
                    statement=legal_ref(
                        "accessibility", str(_("accessibility statement"))
                    ),
                ),
            )
        )
        sections.append(
            self.section(
                str(_("Personal data")),
                para(
                    str(
                        _(
                            "How the portal processes personal data is set out on the "
                            "page {page}."
                        )
                    ),
                    page=legal_ref("personal-data", page_title("personal-data")),
                ),
            )
        )
        return [], sections


class PersonalData(LegalDirective):
    """``:::{personal-data}``: what is processed, by whom, and the reader's rights."""

    page = "personal-data"

    def generate(self) -> tuple[list[nodes.Node], list[nodes.section]]:
        facts = self.facts
        data = facts.personal_data
        controller = (
            data.controller or facts.publisher.name or str(self.config.author or "")
        )
        contact = data.dpo_contact or facts.publisher.contact
        sections = [
            self.section(
                str(_("Controller")),
                para(
                    str(
                        _(
                            "The controller of the personal data processed through the "
                            "portal is {controller}."
                        )
                    ),
                    controller=controller,
                ),
            )
        ]
        if data.dpo_contact:
            sections.append(
                self.section(
                    str(_("Data protection officer")),
                    para(
                        str(
                            _("You can reach the data protection officer at {contact}.")
                        ),
                        contact=self.contact(data.dpo_contact),
                    ),
                )
            )
        sections.append(self.section(str(_("Data processed")), *self.processing()))
        sections.append(
            self.section(str(_("Cookies and audience measurement")), *self.cookies())
        )
        rights: list[nodes.Node] = [
            para(
                str(
                    _(
                        "Under the General Data Protection Regulation and the French "
                        "Data Protection Act, you may access your data, have them "
                        "corrected or erased, object to their processing or have it "
                        "restricted."
                    )
                )
            )
        ]
        if contact:
            rights.append(
                para(
                    str(_("To exercise these rights, write to {contact}.")),
                    contact=self.contact(contact),
                )
            )
        rights.append(
            para(
                str(
                    _(
                        "If you consider that your rights are not respected, you may "
                        "lodge a complaint with the CNIL: {link}."
                    )
                ),
                link=address_link(CNIL_COMPLAINT),
            )
        )
        sections.append(self.section(str(_("Your rights")), *rights))
        return [], sections

    def processing(self) -> list[nodes.Node]:
        data = self.facts.personal_data
        children: list[nodes.Node] = []
        if not data.processing:
            children.append(
                para(str(_("The portal itself collects no personal data.")))
            )
        for item in data.processing:
            children.append(nodes.paragraph("", "", strong(item.purpose)))
            details = [
                compose(str(template), value=value)
                for template, value in (
                    (_("Data: {value}"), item.data),
                    (_("Legal basis: {value}"), item.basis),
                    (_("Retention: {value}"), item.retention),
                    (_("Recipients: {value}"), item.recipients),
                )
                if value
            ]
            if details:
                children.append(bullets(details))
        if self.config.circ_request_email or self.config.circ_request_url:
            children.append(
                para(
                    str(
                        _(
                            "The data request form stores nothing: it prepares a "
                            "message that you choose to send. What you write in it "
                            "is used only to answer your request."
                        )
                    )
                )
            )
        return children

    def cookies(self) -> list[nodes.Node]:
        data = self.facts.personal_data
        children: list[nodes.Node] = []
        if data.cookies:
            children.append(para(str(_("The portal uses:"))))
            children.append(bullets([[nodes.Text(item)] for item in data.cookies]))
        else:
            children.append(
                para(
                    str(
                        _(
                            "The portal sets no cookie and uses no audience "
                            "measurement or tracking tool."
                        )
                    )
                )
            )
        if self.config.circ_persona_storage == "none":
            text = _(
                "Your display choice (light or dark mode) is kept in your "
                "browser only and is never sent."
            )
        else:
            text = _(
                "Your display choice (light or dark mode) and the profile you "
                "choose in the questions and answers are kept in your browser "
                "only and are never sent."
            )
        children.append(para(str(text)))
        return children
