"""The facts of a dataset, package or resource: who, which licence, when, where.

Shared by the directive (datasets and packages) and ``render`` (fields):
the small node builders, the descriptors' standard keys as definitions,
sphinx-circ's own metadata keys and the sizes of downloadable files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from babel.numbers import format_decimal
from docutils import nodes

from ..dates import date_node, read_date
from ..messages import _, ngettext
from ..tables import breakable, data_code
from ..urls import is_safe_url
from .descriptors import Schema, as_json, text

#: sphinx-circ's own metadata options, in the order they are shown.
METADATA = ("producer", "licence", "frequency", "coverage", "updated")


def metadata_labels() -> dict[str, str]:
    """Labels of sphinx-circ's own keys (a licence is shown with the others)."""
    return {
        "producer": _("Producer"),
        "frequency": _("Update frequency"),
        "coverage": _("Coverage"),
        "updated": _("Last update"),
    }


def code(value: Any) -> nodes.literal:
    """A data value, shown exactly as the file writes it (wrapped at its joints)."""
    return data_code(as_json(value))


def codes(values: Iterable[Any], separator: str = ", ") -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for index, value in enumerate(values):
        if index:
            out.append(nodes.Text(separator))
        out.append(code(value))
    return out


def readable(url: str) -> str:
    """An address as a reader reads it: no scheme, no ``www.``, no final slash."""
    shown = re.sub(r"^[a-z]+://(www\.)?", "", url.strip(), flags=re.I)
    return shown.rstrip("/") or url


def link(label: str, url: str) -> nodes.Node:
    if url and is_safe_url(url):
        shown = nodes.Text(label) if label else breakable(readable(url))
        return nodes.reference("", "", shown, refuri=url)
    return nodes.Text(label or url)


#: Licences open data uses, by their identifier: (name, page), so that a
#: descriptor naming one only by its identifier still shows it named and linked.
KNOWN_LICENCES = {
    "etalab-2.0": ("Licence Ouverte 2.0", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"),
    "lo-2.0": ("Licence Ouverte 2.0", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"),
    "etalab-1.0": ("Licence Ouverte 1.0", "https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf"),
    "odbl-1.0": ("Open Database License (ODbL) 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
    "odc-by-1.0": ("Open Data Commons Attribution 1.0", "https://opendatacommons.org/licenses/by/1-0/"),
    "pddl-1.0": ("Open Data Commons PDDL 1.0", "https://opendatacommons.org/licenses/pddl/1-0/"),
    "cc-by-4.0": ("Creative Commons BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "cc-by-sa-4.0": ("Creative Commons BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    "cc0-1.0": ("Creative Commons Zero 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
}  # fmt: skip
_LICENCE_TITLES = {
    title.lower(): (title, url) for title, url in KNOWN_LICENCES.values()
}


def known_licence(name: str) -> tuple[str, str] | None:
    key = name.strip().lower()
    return KNOWN_LICENCES.get(key) or _LICENCE_TITLES.get(key)


def item(term: str | nodes.Node, *definition: nodes.Node) -> nodes.definition_list_item:
    """A definition: inline nodes go in a paragraph, block nodes as they are."""
    body = nodes.definition()
    inline = [n for n in definition if isinstance(n, nodes.Inline | nodes.Text)]
    if len(inline) == len(definition):
        body += nodes.paragraph("", "", *definition)
    else:
        body.extend(definition)
    label = term if isinstance(term, nodes.Node) else nodes.Text(str(term))
    return nodes.definition_list_item("", nodes.term("", "", label), body)


#: The attribute marking a fact whose values are short labels: the DSFR
#: theme draws them as tags (``dsfr/data.py``); no output writes it.
TAGS = "circ_tags"


def tagged(
    fact: nodes.definition_list_item, values: list[str] | None = None
) -> nodes.definition_list_item:
    """Mark *fact* as short labels (*values*: the words, when it shows them
    joined in one line)."""
    fact[TAGS] = values or True
    return fact


def role_labels() -> dict[str, str]:
    """Contributor roles of Data Package (v1's, then v2's examples), by key
    in lower case."""
    return {
        "author": _("author"),
        "contributor": _("contributor"),
        "maintainer": _("maintainer"),
        "publisher": _("publisher"),
        "wrangler": _("data wrangler"),
        "creator": _("creator"),
        "contact": _("contact"),
        "rightsholder": _("rights holder"),
        "datacurator": _("data curator"),
    }


def roles(person: dict[str, Any]) -> list[nodes.Node]:
    """A contributor's roles in the reader's language; one the specifications
    do not name is a value of the file, shown as written."""
    found = person.get("roles", person.get("role"))
    labels = role_labels()
    out: list[nodes.Node] = []
    for role in found if isinstance(found, list) else [found]:
        if not text(role):
            continue
        if out:
            out.append(nodes.Text(", "))
        label = labels.get(text(role).lower())
        out.append(nodes.Text(label) if label else code(text(role)))
    return out


def bullets(entries: Iterable[list[nodes.Node]]) -> nodes.bullet_list:
    out = nodes.bullet_list()
    for entry in entries:
        out += nodes.list_item("", nodes.paragraph("", "", *entry))
    return out


def people(values: Any) -> list[list[nodes.Node]]:
    """Contributors (or an author) with their role, e-mail or page."""
    if isinstance(values, dict | str):
        values = [values]
    found: list[list[nodes.Node]] = []
    for person in values if isinstance(values, list) else []:
        if isinstance(person, str):
            found.append([nodes.Text(person)])
            continue
        if not isinstance(person, dict):
            continue
        name = text(person.get("title") or person.get("name"))
        url = text(person.get("path"))
        email = text(person.get("email"))
        entry: list[nodes.Node] = [link(name, url) if url else nodes.Text(name)]
        details = roles(person)
        organisation = text(person.get("organization") or person.get("organisation"))
        if organisation:
            details += [nodes.Text(", ")] if details else []
            details.append(nodes.Text(organisation))
        if details:
            entry += [nodes.Text(" ("), *details, nodes.Text(")")]
        if email and "@" in email:
            entry += [
                nodes.Text(" "),
                nodes.reference("", "", breakable(email), refuri=f"mailto:{email}"),
            ]
        found.append(entry)
    return found


def licences(values: Any) -> list[list[nodes.Node]]:
    found = []
    for licence in values if isinstance(values, list) else [values]:
        if isinstance(licence, dict):
            known = known_licence(text(licence.get("name")))
            label = text(licence.get("title")) or (known[0] if known else "")
            label = label or text(licence.get("name"))
            url = text(licence.get("path")) or (known[1] if known else "")
            found.append([link(label, url)])
        elif text(licence):
            known = known_licence(text(licence))
            found.append(
                [link(text(licence), known[1]) if known else nodes.Text(text(licence))]
            )
    return found


def sources(values: Any) -> list[list[nodes.Node]]:
    found = []
    for source in values if isinstance(values, list) else []:
        if isinstance(source, dict):
            label = text(source.get("title") or source.get("name"))
            found.append([link(label, text(source.get("path")))])
    return found


def one_or_list(entries: list[list[nodes.Node]]) -> list[nodes.Node]:
    if len(entries) == 1:
        return entries[0]
    return [bullets(entries)]


def field_link(name: str, anchors: dict[str, str]) -> nodes.Node:
    literal = data_code(name)
    if name in anchors:
        return nodes.reference("", "", literal, refid=anchors[name], internal=True)
    return literal


def credits(meta: dict[str, Any]) -> list[nodes.definition_list_item]:
    """Who made the data and under which licence: author, contributors, licences."""
    items: list[nodes.definition_list_item] = []
    found = people(meta.get("author"))
    if found:
        items.append(item(_("Author"), *one_or_list(found)))
    found = people(meta.get("contributors"))
    if found:
        term = ngettext("Contributor", "Contributors", len(found))
        items.append(item(term, *one_or_list(found)))
    found = licences(meta.get("licenses") or meta.get("licences") or [])
    if found:
        term = ngettext("Licence", "Licences", len(found))
        items.append(tagged(item(term, *one_or_list(found))))
    return items


def when(value: Any, language: str) -> nodes.Node:
    """A date in words (``<time>`` in HTML), or the value as written."""
    found = read_date(value)
    return date_node(found, language) if found else nodes.Text(text(value))


def details(
    meta: dict[str, Any],
    schema: Schema | None,
    anchors: dict[str, str],
    language: str,
    problems: list[str],
) -> list[nodes.definition_list_item]:
    """Versions, dates, links and the schema's keys, each when present."""
    items: list[nodes.definition_list_item] = []
    if text(meta.get("version")):
        items.append(item(_("Version"), nodes.Text(text(meta["version"]))))
    for key, term in (("created", _("Created")), ("lastModified", _("Last modified"))):
        if text(meta.get(key)):
            if read_date(meta[key]) is None:
                problems.append(
                    f"{key!r} is not a date: {text(meta[key])!r} is shown as written; "
                    "write it as 2024-01-04 (ISO 8601)"
                )
            items.append(item(term, when(meta[key], language)))
    if text(meta.get("homepage")):
        items.append(item(_("Home page"), link("", text(meta["homepage"]))))
    keywords = meta.get("keywords")
    if isinstance(keywords, list) and keywords:
        words = [text(word) for word in keywords]
        shown = item(_("Keywords"), nodes.Text(", ".join(words)))
        items.append(tagged(shown, words))
    found = sources(meta.get("sources"))
    if found:
        items.append(
            item(ngettext("Source", "Sources", len(found)), *one_or_list(found))
        )
    if text(meta.get("image")):
        items.append(item(_("Image"), link(_("See the image"), text(meta["image"]))))
    if schema is not None:
        items.extend(schema_keys(schema, anchors))
    return items


def key_labels() -> dict[str, str]:
    """Keys of Table Schema 2 that sphinx-circ reads as they are, by name."""
    return {
        "categories": _("Categories"),
        "categoriesOrdered": _("Ordered categories"),
        "delimiter": _("Separator of the items"),
        "itemType": _("Type of the items"),
        "fieldsMatch": _("Matching of the fields"),
        "uniqueKeys": _("Unique keys"),
    }


def key_term(key: str) -> nodes.Node:
    """A key's label: in words for a key of the specifications; a producer's
    own key (``profiles``) is shown as written, as code, not as a word."""
    label = key_labels().get(key)
    return nodes.Text(label) if label else nodes.literal(key, key)


def other_keys(other: dict[str, Any]) -> list[nodes.definition_list_item]:
    """Keys outside what the blocks lay out, values as JSON."""
    return [item(key_term(str(key)), code(value)) for key, value in other.items()]


def schema_keys(
    schema: Schema, anchors: dict[str, str]
) -> list[nodes.definition_list_item]:
    items = []
    if schema.missing_values is not None:
        shown = [v for v in schema.missing_values]
        values: list[nodes.Node] = codes(shown) if shown else []
        if "" in shown:
            values.append(nodes.Text(" " + _("(an empty cell)")))
        term = ngettext("Missing value", "Missing values", len(shown))
        items.append(item(term, *values))
    if schema.primary_key:
        names: list[nodes.Node] = []
        for index, name in enumerate(schema.primary_key):
            if index:
                names.append(nodes.Text(", "))
            names.append(field_link(name, anchors))
        items.append(item(_("Primary key"), *names))
    entries = []
    for key in schema.foreign_keys:
        own = key.get("fields")
        reference = key.get("reference")
        ref: dict[str, Any] = reference if isinstance(reference, dict) else {}
        own_list = own if isinstance(own, list) else [own]
        theirs = ref.get("fields")
        theirs_list = theirs if isinstance(theirs, list) else [theirs]
        entry: list[nodes.Node] = codes(own_list)
        target = text(ref.get("resource")) or _("this table")
        entry += [nodes.Text(" → "), nodes.Text(f"{target} : "), *codes(theirs_list)]
        entries.append(entry)
    if entries:
        items.append(item(_("Foreign keys"), *one_or_list(entries)))
    return items


def human_size(size: int, language: str) -> str:
    """``12,3 ko`` in French, ``12.3 kB`` in English (a no-break space between)."""
    units = [_("bytes"), _("kB"), _("MB"), _("GB")]
    value = float(size)
    for unit in units:
        if value < 1000 or unit is units[-1]:
            break
        value /= 1000
    pattern = "#,##0" if unit is units[0] else "#,##0.0"
    try:
        number = format_decimal(value, pattern, locale=language.replace("-", "_"))
    except Exception:  # an unknown locale must not break the build
        number = f"{value:.1f}"
    return f"{number}\u00a0{unit}"


def parse_downloads(text_value: str) -> list[tuple[str, str]]:
    """``:download:`` lines, each ``Label <url>`` or a bare URL."""
    found = []
    for line in text_value.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.endswith(">") and "<" in line:
            label, _sep, url = line[:-1].rpartition("<")
            found.append((label.strip(), url.strip()))
        else:
            found.append(("", line))
    return found
