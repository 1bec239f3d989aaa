"""The legal mentions of every page's footer.

``circ/legal-footer.html`` (overridable) shows the links to the legal pages,
"Accessibilité : <level>" linked to the statement, and the copyright and
licence line. The theme puts it in its footer; any other theme can place it
(``footer_center`` in a pydata-based theme, an ``{% include %}`` elsewhere).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from ..messages import _
from .conformity import conformity
from .pages import KINDS, level_label, page_of

#: The footer's names of the pages (the statement's is the level mention).
FOOTER_NAMES = {
    "notice": lambda: _("Legal notice"),
    "personal-data": lambda: _("Personal data"),
    "site-map": lambda: _("Site map"),
}


def legal_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    from . import legal_facts

    facts = legal_facts(app.config)
    level = conformity(facts.accessibility).level
    links = []
    for kind in KINDS:
        docname = page_of(app.env, kind)
        if kind == "accessibility":
            text = str(_("Accessibility: {level}")).replace(
                "{level}", level_label(level)
            )
        else:
            text = str(FOOTER_NAMES[kind]())
        # As the site map links pages (pathto gives "#" for them in singlehtml).
        href = app.builder.get_relative_uri(pagename, docname) if docname else ""
        if docname == pagename:
            href = "#"
        if href or kind == "accessibility":
            links.append(
                {
                    "text": text,
                    "href": href,
                    "current": docname == pagename,
                    "kind": kind,
                }
            )
    context["circ_legal_links"] = links
    context["circ_legal_label"] = _("Legal information")
    context["circ_licence"] = None
    if facts.licence.name:
        # The licence's name is a link where the sentence puts it.
        sentence = str(
            _("Unless stated otherwise, the content is under the {licence}.")
        )
        before, _slot, after = sentence.partition("{licence}")
        context["circ_licence"] = {
            "before": before,
            "name": facts.licence.name,
            "url": facts.licence.url,
            "after": after,
        }
