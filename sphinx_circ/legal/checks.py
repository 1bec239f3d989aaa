"""What the build says about the legal pages: located ``circ.legal`` warnings.

Facts that are not what they should be are reported when the configuration
is read (``report_reading``); what the whole site lacks, once every document
is read (``check_site``), for the HTML builders that publish a website.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..config import LEGAL_CONFIG, LegalFacts, is_portal_theme
from ..messages import warn
from ..placeholders import assignment_line, value_line
from .conformity import AUDIT_YEARS, conformity, expiry
from .facts import Reading, missing_notice_facts
from .pages import KINDS, Kind, legal_pages

#: The directive of each page, as a warning names it.
DIRECTIVES = {
    "accessibility": "accessibility-statement",
    "notice": "legal-notice",
    "personal-data": "personal-data",
    "site-map": "site-map",
}
WHAT = {
    "accessibility": "an accessibility statement",
    "notice": "a legal notice",
    "personal-data": "a personal-data page",
    "site-map": "a site map",
}
GUIDE = "see the guide's page « Pages légales »"


def conf_location(app: Sphinx) -> str:
    """``conf.py:<line>`` of ``circ_legal`` (its first line if unset: Sphinx
    would read a location without a line as a document's name)."""
    conf_py = Path(app.confdir) / "conf.py"
    line = (
        assignment_line(conf_py, LEGAL_CONFIG)
        if LEGAL_CONFIG not in app.config.overrides
        else None
    )
    return f"{conf_py}:{line or 1}"


def report_reading(app: Sphinx, reading: Reading) -> None:
    location = conf_location(app)
    for problem in reading.problems:
        warn(problem, "legal", location)
    conf_py = Path(app.confdir) / "conf.py"
    for key, value in reading.placeholders:
        line = (
            value_line(conf_py, LEGAL_CONFIG, value)
            if LEGAL_CONFIG not in app.config.overrides
            else None
        )
        warn(
            f"{key} is still the placeholder {value!r}: replace it with the "
            "portal's own fact, or the legal pages publish it as it is",
            "placeholder",
            f"{conf_py}:{line}" if line else location,
        )


def publishes_website(app: Sphinx) -> bool:
    builder = app.builder
    return builder.format == "html" and not builder.name.startswith("epub")


def check_site(app: Sphinx, env: BuildEnvironment, facts: LegalFacts) -> None:
    """Warn about what a French public website must carry and this one lacks."""
    pages = set(legal_pages(env).values())
    if not publishes_website(app) or not (pages or facts.given or is_portal_theme(app)):
        return
    location = conf_location(app)
    missing = [kind for kind in KINDS if kind not in pages]
    if not pages and not facts.given:
        # A portal that has not started on them hears it once.
        warn(
            "this portal has no legal pages: a French public website must publish "
            "an accessibility statement, a legal notice, a personal-data page and "
            "a site map, and show its accessibility level on every page. Set "
            f"{LEGAL_CONFIG} in conf.py and write the pages with the blocks "
            f"{', '.join(DIRECTIVES[kind] for kind in KINDS)} ({GUIDE})",
            "legal",
            location,
        )
        return
    carriers: dict[Kind, list[str]] = {}
    for docname, each in sorted(legal_pages(env).items()):
        carriers.setdefault(each, []).append(docname)
    for each, docnames in carriers.items():
        if len(docnames) > 1:
            warn(
                f"{len(docnames)} pages carry the {DIRECTIVES[each]} block; the "
                f"footer links the first, {docnames[0]!r}",
                "legal",
                (docnames[1], None),
            )
    for kind in missing:
        warn(
            f"the portal has no {WHAT[kind].split(' ', 1)[1]}: put the "
            f"{DIRECTIVES[kind]} block on a page of the site ({GUIDE})",
            "legal",
            location,
        )
    lacking = missing_notice_facts(facts)
    if lacking:
        warn(
            "the legal notice lacks what the law requires it to name: "
            f"{', '.join(lacking)}",
            "legal",
            location,
        )
    audit = facts.accessibility
    if not (audit.contact or facts.publisher.contact):
        warn(
            f"the accessibility statement gives no way to report a problem: set "
            f"{LEGAL_CONFIG}['accessibility']['contact'] (an e-mail or a web address)",
            "legal",
            location,
        )
    state = conformity(audit)
    if state.invalid == "expired" and audit.audit_date is not None:
        warn(
            f"the accessibility audit of {audit.audit_date.isoformat()} is more than "
            f"{AUDIT_YEARS} years old (it expired on {expiry(audit.audit_date)}"
            "): the portal is shown as non conforme until a new audit",
            "legal",
            location,
        )
    elif state.invalid == "replaced":
        warn(
            f"the accessibility audit followed RGAA {audit.rgaa_version}, which has "
            "been replaced: the portal is shown as non conforme until an audit on "
            "the RGAA in force",
            "legal",
            location,
        )
    elif state.invalid == "version":
        warn(
            f"{LEGAL_CONFIG}['accessibility']['rgaa_version'] = "
            f"{audit.rgaa_version!r} is not an RGAA version (write it 4.1): the "
            "portal is shown as non conforme",
            "legal",
            location,
        )
    elif state.invalid == "future" and audit.audit_date is not None:
        warn(
            f"the accessibility audit is dated {audit.audit_date.isoformat()}, after "
            "today: the portal is shown as non conforme",
            "legal",
            location,
        )
    elif state.invalid == "rate":
        warn(
            f"the accessibility audit gives no share of criteria met: set "
            f"{LEGAL_CONFIG}['accessibility']['criteria_met'] (per cent); the portal "
            "is shown as non conforme",
            "legal",
            location,
        )
    for contradiction in state.contradictions:
        warn(contradiction, "legal", location)
