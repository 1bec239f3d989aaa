"""A schema as documentation: facts, a summary table, then one entry per field.

Every value taken from a data file (enum values, patterns, examples,
missing values, keys) is a ``literal`` node: shown character for character,
never smart-quoted, and easy to copy. Prose (titles, descriptions) is
Markdown, rendered by ``markdown.py``. Only plain docutils nodes are made,
plus two HTML-only nodes (the field filter and the permalinks), so every
builder renders the page.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes

from ..messages import _, ngettext, plural_forms
from ..nodes import captioned_table, is_static_html, render_template, table_row
from ..tables import STACK_CLASS, data_code
from ..urls import slugify
from .descriptors import Field, Schema, as_json
from .facts import bullets, code, codes, field_link, item, key_term
from .markdown import markdown_blocks, markdown_inline


class circ_dataset_filter(nodes.General, nodes.Element):
    """The field filter (HTML only, shown by the script)."""


class circ_permalink(nodes.Inline, nodes.Element):
    """A ``#`` link to the entry it sits in (HTML only)."""


def type_labels() -> dict[str, str]:
    """Table Schema types in the reader's language."""
    return {
        "string": _("text"),
        "number": _("decimal number"),
        "integer": _("integer"),
        "boolean": _("boolean"),
        "object": _("object"),
        "array": _("list"),
        "date": _("date"),
        "time": _("time"),
        "datetime": _("date and time"),
        "year": _("year"),
        "yearmonth": _("year and month"),
        "duration": _("duration"),
        "geopoint": _("geographic point"),
        "geojson": _("GeoJSON geometry"),
        "any": _("any value"),
    }


# -- fields ------------------------------------------------------------------


def anchors_for(
    schema: Schema, document: nodes.document, prefix: str
) -> dict[str, str]:
    """A unique id per field name: ``code_commune`` → ``code-commune``."""
    found: dict[str, str] = {}
    taken = set(document.ids)
    for schema_field in schema.fields:
        base = nodes.make_id(schema_field.name) or slugify(schema_field.name) or "field"
        anchor = base
        if anchor in taken:
            anchor = (
                nodes.make_id(f"{prefix}-{schema_field.name}") or f"{prefix}-{base}"
            )
        counter = 2
        while anchor in taken:
            anchor = f"{base}-{counter}"
            counter += 1
        taken.add(anchor)
        found[schema_field.name] = anchor
    return found


def type_text(schema_field: Field) -> list[nodes.Node]:
    label = type_labels().get(schema_field.type, schema_field.type)
    # "(string)" holds together: a bracket alone never starts a line.
    out: list[nodes.Node] = [
        nodes.Text(f"{label} "),
        nodes.inline(
            "",
            "",
            nodes.Text("("),
            code(schema_field.type),
            nodes.Text(")"),
            classes=["circ-nowrap"],
        ),
    ]
    if schema_field.format and schema_field.format != "default":
        out += [nodes.Text(", " + _("format") + " "), code(schema_field.format)]
    return out


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Þ«\"(])")


def first_sentence(text: str, limit: int = 160) -> str:
    """The first sentence (or line) of a Markdown description, cut at *limit*
    characters on a word boundary with an ellipsis."""
    first = text.strip().split("\n\n", 1)[0].replace("\n", " ")
    first = _SENTENCE_END.split(first, 1)[0].strip()
    if len(first) > limit:
        first = first[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return first


def summary_table(schema: Schema, anchors: dict[str, str], caption: str) -> nodes.table:
    """Field, title, type and whether it is required: the schema at a glance."""
    table, body = captioned_table(
        caption,
        [_("Field"), _("Title"), _("Type"), _("Required")],
        (30, 34, 24, 12),
        ["circ-dataset__summary", STACK_CLASS, "longtable"],
    )
    for schema_field in schema.fields:
        # Without a title, the description's first sentence says what it is.
        title = schema_field.title or first_sentence(schema_field.description)
        row = table_row(
            [
                nodes.paragraph("", "", field_link(schema_field.name, anchors)),
                nodes.paragraph("", "", *markdown_inline(title)),
                nodes.paragraph("", "", *type_text(schema_field)),
                nodes.paragraph("", _("yes") if schema_field.required else _("no")),
            ]
        )
        row["classes"].append("circ-dataset__row")
        body += row
    return table


#: Up to this many values are listed one per line; more flow in a paragraph.
SHORT_LIST = 10


#: Values a reader copies into a file (patterns, allowed values, examples):
#: the script gives each a copy button.
COPYABLE = "circ-copyable"


def copyable(value: Any) -> nodes.literal:
    literal = code(value)
    literal["classes"].append(COPYABLE)
    return literal


def value_list(values: list[Any]) -> list[nodes.Node]:
    """Values one per line, or, when there are many, flowing side by side."""
    if len(values) <= SHORT_LIST:
        return [bullets([[copyable(value)] for value in values])]
    return [nodes.paragraph("", "", *codes(values), classes=["circ-dataset__values"])]


def bound(constraints: dict[str, Any], low: str, high: str) -> list[nodes.Node]:
    """``≥ 2010 and ≤ 2030`` (or ``>``, ``<`` for exclusive bounds)."""
    parts: list[nodes.Node] = []
    for key, sign in ((low, "≥"), (f"exclusive{low.title()}", ">"),
                      (high, "≤"), (f"exclusive{high.title()}", "<")):  # fmt: skip
        if key in constraints:
            if parts:
                parts.append(nodes.Text(" " + _("and") + " "))
            parts += [nodes.Text(f"{sign} "), code(constraints[key])]
    return parts


def exact_length(constraints: dict[str, Any]) -> list[nodes.Node]:
    """``exactement 5 caractères`` when both bounds of a length are equal."""
    low, high = constraints.get("minLength"), constraints.get("maxLength")
    if low is None or low != high or not isinstance(low, int) or isinstance(low, bool):
        return []
    words = ngettext("exactly {count} character", "exactly {count} characters", low)
    return [nodes.Text(words.format(count=low))]


def field_facts(
    schema_field: Field, same_values: tuple[str, str] | None = None
) -> nodes.definition_list:
    facts = nodes.definition_list(classes=["circ-dataset__field-facts"])
    facts += item(_("Type"), *type_text(schema_field))
    constraints = schema_field.constraints
    facts += item(
        _("Required"), nodes.Text(_("yes") if schema_field.required else _("no"))
    )
    if constraints.get("unique"):
        facts += item(_("Unique"), nodes.Text(_("yes")))
    if same_values is not None:
        # A long list already shown for another field: linked, not repeated.
        name, anchor = same_values
        facts += item(
            ngettext("Allowed value", "Allowed values", len(constraints["enum"])),
            nodes.Text(_("the same as for") + " "),
            nodes.reference(
                "", "", nodes.literal(name, name), refid=anchor, internal=True
            ),
            nodes.Text(" " + values_count(len(constraints["enum"]))),
        )
    elif isinstance(constraints.get("enum"), list):
        term = ngettext("Allowed value", "Allowed values", len(constraints["enum"]))
        facts += item(term, *value_list(constraints["enum"]))
    values = bound(constraints, "minimum", "maximum")
    if values:
        facts += item(_("Values"), *values)
    length = exact_length(constraints) or bound(constraints, "minLength", "maxLength")
    if length:
        facts += item(_("Length"), *length)
    if "pattern" in constraints:
        facts += item(_("Pattern"), copyable(constraints["pattern"]))
    if "jsonSchema" in constraints:
        facts += item(_("JSON Schema"), code(constraints["jsonSchema"]))
    labels = {
        "trueValues": _("Values read as true"),
        "falseValues": _("Values read as false"),
        "decimalChar": _("Decimal separator"),
        "groupChar": _("Thousands separator"),
        "bareNumber": _("Bare number"),
        "arrayItem": _("List items"),
        "rdfType": _("RDF type"),
        "missingValues": _("Missing values"),
    }
    for key, label in labels.items():
        if key in schema_field.properties:
            value = schema_field.properties[key]
            shown = codes(value) if isinstance(value, list) else [code(value)]
            facts += item(label, *shown)
    if schema_field.examples:
        count = len(schema_field.examples)
        label = ngettext("Example", "Examples", count)
        if count == 1:
            facts += item(label, copyable(schema_field.examples[0]))
        else:
            facts += item(label, *value_list(schema_field.examples))
    for key, value in schema_field.other.items():
        facts += item(key_term(key), code(value))
    return facts


def values_count(count: int) -> str:
    """``(12 valeurs)``: how many values a list holds."""
    return ngettext("({count} value)", "({count} values)", count).format(count=count)


def field_entry(
    schema_field: Field,
    anchor: str,
    level_offset: int,
    same_values: tuple[str, str] | None = None,
) -> nodes.container:
    """One field: its name and title as a heading, its description, its facts."""
    entry = nodes.container(classes=["circ-dataset__field"], ids=[anchor])
    heading = nodes.rubric(
        "",
        "",
        data_code(schema_field.name),
        classes=["circ-dataset__field-name", "circ-heading-relative"],
        circ_offset=level_offset,
    )
    if schema_field.title:
        heading += nodes.Text(" – ")
        heading += markdown_inline(schema_field.title)
    heading += circ_permalink("", refid=anchor)
    entry += heading
    if schema_field.description:
        description = nodes.container(classes=["circ-dataset__description"])
        description.extend(markdown_blocks(schema_field.description))
        entry += description
    entry += field_facts(schema_field, same_values)
    return entry


def shared_value_lists(
    schema: Schema, anchors: dict[str, str]
) -> dict[str, tuple[str, str]]:
    """Field → the earlier field (name, anchor) whose long enum is the same."""
    first: dict[str, tuple[str, str]] = {}
    same: dict[str, tuple[str, str]] = {}
    for schema_field in schema.fields:
        values = schema_field.constraints.get("enum")
        if not isinstance(values, list) or len(values) <= SHORT_LIST:
            continue
        key = as_json(values)
        if key in first:
            same[schema_field.name] = first[key]
        else:
            first[key] = (schema_field.name, anchors[schema_field.name])
    return same


def visit_filter_html(self: Any, node: circ_dataset_filter) -> None:
    if not is_static_html(self):
        self.body.append(
            render_template(
                self,
                "circ/dataset-filter.html",
                uid=node["uid"],
                count=node["count"],
                status=plural_forms(
                    "{shown} field shown out of {total}",
                    "{shown} fields shown out of {total}",
                ),
            )
        )
    raise nodes.SkipNode


def visit_permalink_html(self: Any, node: circ_permalink) -> None:
    attributes = {"CLASS": "headerlink", "href": "#" + node["refid"]}
    attributes["title"] = _("Link to this field")
    self.body.append(self.starttag(nodes.Element(), "a", "#", **attributes) + "</a>")
    raise nodes.SkipNode
