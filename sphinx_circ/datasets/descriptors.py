"""Reading Table Schemas and Data Packages, keeping every key of the specs.

A file is a Table Schema (it has ``fields``), a Data Package (it has
``resources`` and no ``fields``), or neither: a JSON Schema, say, gets a
warning saying so. Every problem is a plain sentence in ``problems``; the
directive turns them into located ``circ.dataset`` warnings. Keys outside
the specifications are kept and shown, except those that look like a
misspelt key (``contraints``) or a constraint out of place (a field-level
``enum``): those are read as meant, with a warning naming them.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..messages import _

#: Field types of the Table Schema specification.
TYPES = (
    "string", "number", "integer", "boolean", "object", "array", "date", "time",
    "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any",
)  # fmt: skip
CONSTRAINTS = (
    "required", "unique", "minLength", "maxLength", "minimum", "maximum",
    "exclusiveMinimum", "exclusiveMaximum", "pattern", "enum", "jsonSchema",
)  # fmt: skip
#: Field keys shown as properties of their own (besides name, title…).
FIELD_PROPERTIES = (
    "trueValues", "falseValues", "decimalChar", "groupChar", "bareNumber",
    "arrayItem", "rdfType", "missingValues",
)  # fmt: skip
FIELD_KEYS = (
    "name", "title", "type", "format", "description", "example", "examples",
    "constraints", *FIELD_PROPERTIES,
)  # fmt: skip
#: Descriptive keys shared by schemas, packages and resources.
DESCRIPTIVE = (
    "name", "id", "title", "description", "version", "created", "lastModified",
    "homepage", "keywords", "licenses", "contributors", "author", "contact",
    "sources", "image", "path", "profile", "$schema", "countryCode",
)  # fmt: skip
#: (A schema of schema.data.gouv.fr lists its example files in ``resources``.)
SCHEMA_KEYS = (
    *DESCRIPTIVE, "fields", "missingValues", "primaryKey", "foreignKeys", "resources",
)  # fmt: skip
#: sphinx-circ's own keys, documented in the guide.
EXTENSIONS = ("producer", "frequency", "coverage", "updated", "datagouv", "licence")
PACKAGE_KEYS = (*DESCRIPTIVE, "resources", *EXTENSIONS)
RESOURCE_KEYS = (
    *DESCRIPTIVE, "data", "format", "mediatype", "encoding", "bytes", "hash",
    "schema", "dialect", "type", "scheme",
)  # fmt: skip
DESCRIPTORS = ("datapackage.json", "datapackage.yaml", "datapackage.yml")


@dataclass
class Field:
    name: str
    title: str = ""
    type: str = "string"
    format: str = ""
    description: str = ""
    examples: list[Any] = field(default_factory=list)
    constraints: dict[str, Any] = field(default_factory=dict)
    #: ``trueValues``, ``decimalChar``… as written.
    properties: dict[str, Any] = field(default_factory=dict)
    #: Keys outside the specification, kept and shown.
    other: dict[str, Any] = field(default_factory=dict)

    @property
    def required(self) -> bool:
        return bool(self.constraints.get("required"))


@dataclass
class Schema:
    fields: list[Field] = field(default_factory=list)
    #: Descriptive keys (title, version, licenses…) as written.
    meta: dict[str, Any] = field(default_factory=dict)
    missing_values: list[Any] | None = None
    primary_key: list[str] = field(default_factory=list)
    foreign_keys: list[dict[str, Any]] = field(default_factory=list)
    other: dict[str, Any] = field(default_factory=dict)


@dataclass
class Resource:
    name: str
    meta: dict[str, Any] = field(default_factory=dict)
    other: dict[str, Any] = field(default_factory=dict)
    paths: list[str] = field(default_factory=list)
    schema: Schema | None = None
    #: The schema's file, when given by path (relative to the descriptor).
    schema_path: str = ""


@dataclass
class Package:
    meta: dict[str, Any] = field(default_factory=dict)
    other: dict[str, Any] = field(default_factory=dict)
    resources: list[Resource] = field(default_factory=list)


@dataclass
class Reader:
    """Reads descriptors, collecting a sentence for every problem."""

    problems: list[str] = field(default_factory=list)
    #: Every file read, for the page's dependencies.
    files: list[Path] = field(default_factory=list)

    def load(self, path: Path, label: str = "") -> Any:
        """Parse a JSON or YAML file; ``None`` (and a problem) if it cannot be."""
        label = label or path.name
        try:
            content = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            self.problems.append(f"file {label!r} not found")
            return None
        except (OSError, UnicodeDecodeError) as error:
            self.problems.append(f"cannot read {label!r} ({error}); save it as UTF-8")
            return None
        self.files.append(path)
        if path.suffix.lower() in (".yaml", ".yml"):
            try:
                return yaml.safe_load(content)
            except yaml.YAMLError as error:
                message = f"{path.name!r} is not valid YAML: {error}"
                self.problems.append(message.replace("\n", " "))
                return None
        try:
            return json.loads(content)
        except json.JSONDecodeError as error:
            self.problems.append(
                f"{path.name!r} is not valid JSON: {error.msg} at line {error.lineno}, "
                f"column {error.colno}"
            )
            return None

    def read(self, data: Any, where: str) -> Schema | Package | None:
        """A Table Schema or a Data Package, by what *data* holds."""
        if not isinstance(data, dict):
            self.problems.append(
                f"{where}: a Table Schema must be an object with a 'fields' list"
            )
            return None
        if "fields" in data:
            return self.schema(data, where)
        if "resources" in data:
            return self.package(data, where)
        if "properties" in data or "json-schema.org" in str(data.get("$schema", "")):
            self.problems.append(
                f"{where} is a JSON Schema, not a Table Schema: the dataset block "
                "documents Table Schemas (with a 'fields' list) and Data Packages"
            )
            return None
        self.problems.append(
            f"{where} has neither 'fields' (a Table Schema) nor 'resources' "
            "(a Data Package)"
        )
        return None

    # -- Table Schema ----------------------------------------------------------

    def schema(self, data: dict[str, Any], where: str) -> Schema:
        schema = Schema()
        self.sort_keys(data, SCHEMA_KEYS, where, schema.meta, schema.other)
        fields = data.get("fields")
        if not isinstance(fields, list):
            self.problems.append(
                f"{where}: 'fields' must be a list of field descriptors"
            )
            fields = []
        elif not fields:
            self.problems.append(
                f"{where}: 'fields' is empty: the schema describes no column"
            )
        for index, raw in enumerate(fields):
            found = self.field(raw, index, f"{where}: fields[{index}]")
            if found is not None:
                schema.fields.append(found)
        missing = data.get("missingValues")
        if missing is not None:
            schema.missing_values = missing if isinstance(missing, list) else [missing]
        key = data.get("primaryKey")
        if key is not None:
            schema.primary_key = [
                str(k) for k in (key if isinstance(key, list) else [key])
            ]
        foreign = data.get("foreignKeys")
        if isinstance(foreign, list):
            schema.foreign_keys = [k for k in foreign if isinstance(k, dict)]
        for name in ("fields", "missingValues", "primaryKey", "foreignKeys"):
            schema.meta.pop(name, None)
        return schema

    def field(self, raw: Any, index: int, where: str) -> Field | None:
        if not isinstance(raw, dict):
            self.problems.append(f"{where} must be an object, not {type(raw).__name__}")
            return None
        name = text(raw.get("name"))
        if not name:
            self.problems.append(f"{where} has no 'name'; every field needs one")
        label = f"{where} ({name})" if name else where
        known: dict[str, Any] = {}
        other: dict[str, Any] = {}
        self.sort_keys(raw, FIELD_KEYS, label, known, other)
        constraints = known.get("constraints", {})
        if not isinstance(constraints, dict):
            self.problems.append(f"{label}: 'constraints' must be an object")
            constraints = {}
        constraints = dict(constraints)
        for key in [k for k in other if k in CONSTRAINTS]:
            self.problems.append(
                f"{label}: {key!r} belongs in 'constraints'; it is read as a constraint"
            )
            constraints.setdefault(key, other.pop(key))
        if "enum" in constraints and not isinstance(constraints["enum"], list):
            self.problems.append(f"{label}: 'enum' must be a list")
            constraints["enum"] = [constraints["enum"]]
        kind = text(known.get("type")) or "string"
        if kind not in TYPES:
            self.problems.append(
                f"{label} has unknown type {kind!r}; use one of: {', '.join(TYPES)}"
            )
        examples = (
            list(known["examples"]) if isinstance(known.get("examples"), list) else []
        )
        if "examples" in known and not isinstance(known["examples"], list):
            examples = [known["examples"]]
        if "example" in known:
            examples.insert(0, known["example"])
        return Field(
            name=name or f"({_('unnamed field')} {index + 1})",
            title=text(known.get("title")),
            type=kind,
            format=text(known.get("format")),
            description=text(known.get("description")),
            examples=examples,
            constraints=constraints,
            properties={k: known[k] for k in FIELD_PROPERTIES if k in known},
            other=other,
        )

    # -- Data Package ----------------------------------------------------------

    def package(
        self, data: dict[str, Any], where: str, folder: Path | None = None
    ) -> Package:
        package = Package()
        self.sort_keys(data, PACKAGE_KEYS, where, package.meta, package.other)
        package.meta.pop("resources", None)
        resources = data.get("resources")
        if not isinstance(resources, list):
            self.problems.append(f"{where}: 'resources' must be a list")
            return package
        for index, raw in enumerate(resources):
            if not isinstance(raw, dict):
                self.problems.append(f"{where}: resources[{index}] must be an object")
                continue
            resource = Resource(name=text(raw.get("name")) or f"resource-{index + 1}")
            label = f"{where}: resources[{index}] ({resource.name})"
            self.sort_keys(raw, RESOURCE_KEYS, label, resource.meta, resource.other)
            path = raw.get("path")
            paths = path if isinstance(path, list) else [path] if path else []
            resource.paths = [str(p) for p in paths]
            schema = raw.get("schema")
            if isinstance(schema, dict):
                resource.schema = self.schema(schema, f"{label}: schema")
            elif isinstance(schema, str) and schema:
                resource.schema_path = schema
            for key in ("path", "schema"):
                resource.meta.pop(key, None)
            package.resources.append(resource)
        return package

    # -- keys --------------------------------------------------------------------

    def sort_keys(
        self,
        data: dict[str, Any],
        known: tuple[str, ...],
        where: str,
        into: dict[str, Any],
        other: dict[str, Any],
    ) -> None:
        """Known keys into *into*; a likely misspelling is read as meant, with
        a problem; any other key is kept in *other*."""
        for key, value in data.items():
            key = str(key)
            if key in known:
                into[key] = value
                continue
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.9)
            if close and close[0] not in data and _plain(close[0]) == _plain(key):
                # Another naming convention (``last_modified``), not a mistake.
                into[close[0]] = value
            elif close and close[0] not in data:
                self.problems.append(
                    f"{where}: unknown key {key!r}; read as {close[0]!r} "
                    f"(check its spelling)"
                )
                into[close[0]] = value
            else:
                other[key] = value


def _plain(key: str) -> str:
    return key.lower().replace("_", "").replace("-", "")


def text(value: Any) -> str:
    """A descriptor's scalar as text (``True`` is ``true``, as JSON writes it)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def as_json(value: Any) -> str:
    """A value exactly as JSON writes it, strings as they are."""
    if isinstance(value, str):
        return value
    # YAML reads dates as dates: shown as the ISO text the file holds.
    return json.dumps(value, ensure_ascii=False, default=str)
