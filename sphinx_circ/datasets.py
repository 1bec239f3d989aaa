"""The ``dataset`` block: documentation of one dataset from its Table Schema.

The schema (JSON, or YAML) is read with a small reader that checks what the
Frictionless Table Schema specification requires of it (see
``docs/guide/donnees.md`` for why no validation library is used). Metadata
come from the options or from a ``datapackage.json`` beside the schema. The
output is plain docutils — a definition list, a row of buttons and a table —
so every builder renders it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from .button import make_button
from .directive import CircDirective, block_options
from .messages import _
from .nodes import captioned_table, table_row
from .urls import slugify

#: Field types of the Table Schema specification.
TYPES = (
    "string", "number", "integer", "boolean", "object", "array", "date", "time",
    "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any",
)  # fmt: skip
DESCRIPTOR = "datapackage.json"
#: Metadata options, in the order they are shown.
METADATA = ("producer", "licence", "frequency", "coverage", "updated")


def metadata_labels() -> dict[str, str]:
    return {
        "producer": _("Producer"),
        "licence": _("Licence"),
        "frequency": _("Update frequency"),
        "coverage": _("Coverage"),
        "updated": _("Last update"),
    }


@dataclass
class SchemaField:
    name: str
    title: str = ""
    type: str = "string"
    format: str = ""
    description: str = ""
    example: str = ""
    constraints: dict[str, Any] = field(default_factory=dict)


@dataclass
class Schema:
    title: str = ""
    description: str = ""
    fields: list[SchemaField] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def load_file(path: Path) -> tuple[Any, str | None]:
    """Parse a JSON or YAML file; return ``(data, None)`` or ``(None, problem)``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, f"file {path.name!r} not found"
    except (OSError, UnicodeDecodeError) as error:
        return None, f"cannot read {path.name!r} ({error}); save it as UTF-8"
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            return yaml.safe_load(text), None
        except yaml.YAMLError as error:
            return None, f"{path.name!r} is not valid YAML: {error}".replace("\n", " ")
    try:
        return json.loads(text), None
    except json.JSONDecodeError as error:
        return None, (
            f"{path.name!r} is not valid JSON: {error.msg} at line {error.lineno}, "
            f"column {error.colno}"
        )


def read_schema(data: Any) -> Schema:
    """Read a Table Schema descriptor, noting every way it breaks the specification."""
    schema = Schema()
    if not isinstance(data, dict):
        schema.problems.append("a Table Schema must be an object with a 'fields' list")
        return schema
    schema.title = _text(data.get("title"))
    schema.description = _text(data.get("description"))
    fields = data.get("fields")
    if not isinstance(fields, list):
        schema.problems.append("'fields' must be a list of field descriptors")
        return schema
    if not fields:
        schema.problems.append("'fields' is empty: the schema describes no column")
    for index, raw in enumerate(fields):
        where = f"fields[{index}]"
        if not isinstance(raw, dict):
            schema.problems.append(
                f"{where} must be an object, not {type(raw).__name__}"
            )
            continue
        name = _text(raw.get("name"))
        if not name:
            schema.problems.append(f"{where} has no 'name'; every field needs one")
            name = f"({_('unnamed field')} {index + 1})"
        kind = _text(raw.get("type")) or "string"
        if kind not in TYPES:
            schema.problems.append(
                f"{where} ({name}) has unknown type {kind!r}; "
                f"use one of: {', '.join(TYPES)}"
            )
        constraints = raw.get("constraints", {})
        if not isinstance(constraints, dict):
            schema.problems.append(f"{where} ({name}): 'constraints' must be an object")
            constraints = {}
        if "enum" in constraints and not isinstance(constraints["enum"], list):
            schema.problems.append(f"{where} ({name}): 'enum' must be a list")
            constraints = {k: v for k, v in constraints.items() if k != "enum"}
        schema.fields.append(
            SchemaField(
                name=name,
                title=_text(raw.get("title")),
                type=kind,
                format=_text(raw.get("format")),
                description=_text(raw.get("description")),
                example=_text(raw.get("example")),
                constraints=constraints,
            )
        )
    return schema


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def describe_constraints(constraints: dict[str, Any]) -> list[str]:
    """Readable constraint lines, in a fixed order."""
    lines = []
    if constraints.get("required"):
        lines.append(_("required"))
    if constraints.get("unique"):
        lines.append(_("unique"))
    if "enum" in constraints:
        values = ", ".join(_text(v) for v in constraints["enum"])
        lines.append(f"{_('allowed values')} : {values}")
    if "pattern" in constraints:
        lines.append(f"{_('pattern')} : {constraints['pattern']}")
    for key, label in (("minimum", _("minimum")), ("maximum", _("maximum"))):
        if key in constraints:
            lines.append(f"{label} : {_text(constraints[key])}")
    low, high = constraints.get("minLength"), constraints.get("maxLength")
    if low is not None or high is not None:
        span = f"{_text(low) or '0'} – {_text(high) or '∞'}"
        lines.append(f"{_('length')} : {span}")
    return lines


class DatasetDirective(CircDirective):
    """``:::{dataset} path/to/schema.json`` with metadata options."""

    kind = "dataset"
    required_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, Any]] = block_options(
        "title", "producer", "licence", "license", "frequency", "coverage",
        "updated", "download", "datagouv",
    )  # fmt: skip

    def run_block(self) -> list[nodes.Node]:
        path = self.data_file()
        if (path.parent / DESCRIPTOR).is_file():
            # Only an existing file: Sphinx re-reads a page whose dependency
            # is missing on every build.
            self.env.note_dependency(str(path.parent / DESCRIPTOR))
        container = nodes.container("", classes=self.classes("circ-dataset"))
        self.set_source_info(container)
        data, problem = load_file(path)
        schema = Schema()
        if problem:
            self.warn(
                f"dataset schema: {problem}; check the path, relative to this page"
            )
        else:
            schema = read_schema(data)
            for issue in schema.problems:
                self.warn(f"dataset schema {path.name!r}: {issue}")
        metadata = self.metadata(path.parent, schema)
        relative = (
            path.relative_to(self.env.srcdir).as_posix() if path.is_file() else None
        )
        container += self.metadata_list(metadata, relative)
        buttons = self.download_buttons(metadata)
        if buttons is not None:
            container += buttons
        if schema.fields:
            container += self.fields_table(schema, metadata.get("title", ""))
        else:
            container += nodes.paragraph(
                "",
                _("The fields of this dataset could not be read from its schema."),
                classes=["circ-dataset__missing"],
            )
        return [container]

    def metadata(self, folder: Path, schema: Schema) -> dict[str, Any]:
        """Options first, then the descriptor beside the schema, then the schema."""
        found: dict[str, Any] = {}
        descriptor_path = folder / DESCRIPTOR
        if descriptor_path.is_file():
            data, problem = load_file(descriptor_path)
            if problem:
                self.warn(f"dataset descriptor: {problem}")
            elif isinstance(data, dict):
                found = descriptor_metadata(data)
            else:
                self.warn(f"dataset descriptor {DESCRIPTOR!r} must be an object")
        if schema.title:
            found.setdefault("title", schema.title)
        options = dict(self.options)
        if "license" in options:
            options.setdefault("licence", options.pop("license"))
        for key in ("title", *METADATA, "datagouv"):
            if (options.get(key) or "").strip():
                found[key] = options[key].strip()
        if (options.get("download") or "").strip():
            found["resources"] = parse_downloads(options["download"])
        return found

    def metadata_list(
        self, metadata: dict[str, Any], schema_file: str | None
    ) -> nodes.Node:
        items = nodes.definition_list(classes=["circ-dataset__metadata"])
        labels = metadata_labels()
        if metadata.get("title"):
            items += _item(_("Dataset"), nodes.Text(metadata["title"]))
        for key in METADATA:
            if metadata.get(key):
                items += _item(labels[key], nodes.Text(str(metadata[key])))
        if schema_file:
            link = addnodes.download_reference(
                "",
                "",
                nodes.literal("", Path(schema_file).name),
                reftarget="/" + schema_file,
                refdoc=self.env.docname,
            )
            items += _item(_("Schema"), link)
        if metadata.get("datagouv"):
            url = metadata["datagouv"]
            items += _item("data.gouv.fr", nodes.reference("", url, refuri=url))
        return items

    def download_buttons(self, metadata: dict[str, Any]) -> nodes.Node | None:
        resources = metadata.get("resources") or []
        if not resources:
            return None
        row = nodes.paragraph("", "", classes=["circ-buttons"])
        for index, (label, url) in enumerate(resources):
            if index:
                row += nodes.Text(" ")
            row += make_button(
                url,
                [nodes.Text(f"{_('Download')} {label}".strip())],
                classes=[
                    "circ-button",
                    "circ-button--secondary",
                    "circ-button--medium",
                ],
                icon="download",
                new_tab=False,
                docname=self.env.docname,
                location=self.get_location(),
            )
        return row

    def fields_table(self, schema: Schema, title: str) -> nodes.table:
        headers = [
            _("Name"),
            _("Title"),
            _("Type"),
            _("Description"),
            _("Constraints"),
            _("Example"),
        ]
        caption = f"{_('Fields')} – {title}" if title else _("Fields")
        table, body = captioned_table(
            caption, headers, (16, 14, 10, 30, 18, 12), ["circ-dataset__fields"]
        )
        document = self.state.document
        for schema_field in schema.fields:
            kind = schema_field.type + (
                f" ({schema_field.format})" if schema_field.format else ""
            )
            constraints = nodes.bullet_list()
            for line in describe_constraints(schema_field.constraints):
                constraints += nodes.list_item("", nodes.paragraph("", line))
            row = table_row(
                [
                    nodes.paragraph("", "", nodes.literal("", schema_field.name)),
                    nodes.paragraph("", schema_field.title),
                    nodes.paragraph("", kind),
                    nodes.paragraph("", schema_field.description),
                    constraints if len(constraints) else nodes.paragraph(),
                    nodes.paragraph("", "", nodes.literal("", schema_field.example))
                    if schema_field.example
                    else nodes.paragraph(),
                ]
            )
            # ``#nom-du-champ`` links to the field's row.
            anchor = (
                nodes.make_id(schema_field.name)
                or slugify(schema_field.name)
                or "field"
            )
            if anchor in document.ids:
                anchor = nodes.make_id(f"{title or 'dataset'}-{schema_field.name}")
            if anchor not in document.ids:
                row["ids"].append(anchor)
                document.ids[anchor] = row
            body += row
        return table


def descriptor_metadata(data: dict[str, Any]) -> dict[str, Any]:
    """Metadata from a datapackage-style descriptor (its common keys)."""
    found: dict[str, Any] = {}
    for key in ("title", "producer", "frequency", "coverage", "updated", "datagouv"):
        if _text(data.get(key)):
            found[key] = _text(data[key])
    if "producer" not in found:
        for contributor in data.get("contributors") or []:
            if isinstance(contributor, dict) and contributor.get("title"):
                found["producer"] = _text(contributor["title"])
                break
    licences = data.get("licenses") or data.get("licences") or []
    if isinstance(licences, list) and licences and isinstance(licences[0], dict):
        found["licence"] = _text(licences[0].get("title") or licences[0].get("name"))
    elif _text(data.get("licence")):
        found["licence"] = _text(data["licence"])
    if "updated" not in found and _text(data.get("lastModified")):
        found["updated"] = _text(data["lastModified"])
    resources = []
    for resource in data.get("resources") or []:
        if isinstance(resource, dict) and _text(resource.get("path")):
            label = _text(resource.get("title") or resource.get("name"))
            resources.append((label, _text(resource["path"])))
    if resources:
        found["resources"] = resources
    return found


def parse_downloads(text: str) -> list[tuple[str, str]]:
    """``:download:`` lines, each ``Label <url>`` or a bare URL."""
    found = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.endswith(">") and "<" in line:
            label, _sep, url = line[:-1].rpartition("<")
            found.append((label.strip(), url.strip()))
        else:
            found.append(("", line))
    return found


def _item(term: str, definition: nodes.Node) -> nodes.definition_list_item:
    return nodes.definition_list_item(
        "",
        nodes.term("", str(term)),
        nodes.definition("", nodes.paragraph("", "", definition)),
    )


def setup_datasets(app: Sphinx) -> None:
    app.add_directive("dataset", DatasetDirective)
