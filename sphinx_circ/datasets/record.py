"""What a machine needs to know of each dataset of the site, kept in the environment.

The ``dataset`` block calls ``note_dataset`` once it has read its files, and
the ``dataset-inventory`` block calls ``note_inventory`` for its rows that have
an address: each gives a ``DatasetRecord``, a plain, frozen summary (no
node, no path of the machine) from which ``sphinx_circ.catalog`` writes the
JSON-LD of the page, the DCAT catalogue and the Open Graph description.
Records live in ``env.circ_datasets`` (docname → records, in page order),
purged and merged with the pages, so ``-j`` builds give the same catalogue.

Values are read as the block shows them: the block's options first, then a
``datapackage.json`` beside a schema, then the schema.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..catalog.vocabularies import (
    FILE_TYPE_NAME,
    FREQUENCY_NAME,
    file_format,
    frequency_uri,
    licence_url,
    media_type,
)
from ..messages import warn
from ..urls import is_email, is_external, is_safe_url
from .descriptors import DESCRIPTORS, Package, Reader, Resource, Schema, text

if TYPE_CHECKING:
    from .directive import DatasetDirective

#: The block's options that stand for a metadata key.
OPTION_KEYS = ("title", "producer", "frequency", "coverage", "updated", "datagouv")
#: Where schema.data.gouv.fr lists a schema given by ``:catalogue:``.
CATALOGUE = "https://schema.data.gouv.fr/"
#: What Google Dataset Search asks of a description, in characters.
DESCRIPTION_LENGTH = (50, 5000)


@dataclass(frozen=True)
class FieldRecord:
    name: str
    title: str = ""
    description: str = ""
    type: str = ""


@dataclass(frozen=True)
class ResourceRecord:
    title: str
    #: A web address, or a file's path relative to the source folder (posix).
    path: str = ""
    #: The format as written (``csv``), or the file's extension.
    format: str = ""
    #: The IANA media type (``text/csv``), given or from the format.
    mediatype: str = ""
    bytes: int | None = None
    modified: str = ""
    #: Whether the format is in the EU file-type vocabulary.
    known_format: bool = True


@dataclass(frozen=True)
class DatasetRecord:
    docname: str
    #: The block's line in its page.
    line: int
    #: Unique on the page: ``dataset-1``, ``dataset-2``, ``inventory-12``…
    key: str
    title: str
    description: str = ""
    keywords: tuple[str, ...] = ()
    licence_name: str = ""
    licence_url: str = ""
    publisher: str = ""
    #: Authors (``creator``), by name.
    creators: tuple[str, ...] = ()
    #: An e-mail address.
    contact: str = ""
    #: As written, and its EU frequency IRI when known.
    frequency: str = ""
    frequency_uri: str = ""
    temporal: str = ""
    spatial: str = ""
    created: str = ""
    modified: str = ""
    version: str = ""
    #: The Table Schema: a web address, or a file of the source folder (posix).
    schema: str = ""
    #: Its name on schema.data.gouv.fr (``:catalogue:``), e.g. ``scdl/prenoms``.
    schema_name: str = ""
    #: A page elsewhere (data.gouv.fr, the inventory row's address).
    landing_page: str = ""
    fields: tuple[FieldRecord, ...] = ()
    resources: tuple[ResourceRecord, ...] = ()
    #: ``dataset`` (a block) or ``inventory`` (a row of the inventory).
    kind: str = "dataset"


# -- environment ----------------------------------------------------------------


def records_of(env: BuildEnvironment) -> dict[str, list[DatasetRecord]]:
    if not hasattr(env, "circ_datasets"):
        env.circ_datasets = {}  # type: ignore[attr-defined]
    found: dict[str, list[DatasetRecord]] = env.circ_datasets  # type: ignore[attr-defined]
    return found


def all_records(env: BuildEnvironment) -> list[DatasetRecord]:
    """Every record of the site, pages in name order, blocks in page order."""
    records = records_of(env)
    return [record for docname in sorted(records) for record in records[docname]]


def add_record(env: BuildEnvironment, record: DatasetRecord) -> None:
    records_of(env).setdefault(record.docname, []).append(record)


def purge_records(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    records_of(env).pop(docname, None)


def merge_records(
    app: Sphinx,
    env: BuildEnvironment,
    docnames: set[str],
    other: BuildEnvironment,
) -> None:
    theirs = records_of(other)
    for docname in docnames:
        if docname in theirs:
            records_of(env)[docname] = theirs[docname]


def next_key(env: BuildEnvironment, docname: str, prefix: str) -> str:
    count = sum(1 for r in records_of(env).get(docname, []) if r.key.startswith(prefix))
    return f"{prefix}-{count + 1}"


# -- reading ----------------------------------------------------------------------


def plain_text(markdown: str) -> str:
    """A Markdown description as plain text: links by their label, no marks."""
    found = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    found = re.sub(r"(?m)^\s*(#+|>+|[-*+]|\d+\.)\s+", "", found)
    found = re.sub(r"\*+|`+", "", found)
    return " ".join(found.split())


def texts(value: Any) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    return tuple(t for t in (text(v) for v in values if not isinstance(v, dict)) if t)


def people_named(value: Any, role: str = "") -> list[dict[str, Any]]:
    """Contributors (or an author) as dictionaries, those of *role* if given."""
    values = value if isinstance(value, list) else [value]
    found = []
    for person in values:
        if isinstance(person, str) and person.strip() and not role:
            found.append({"title": person.strip()})
        elif isinstance(person, dict):
            roles = person.get("roles", person.get("role"))
            named = [
                text(r).lower() for r in (roles if isinstance(roles, list) else [roles])
            ]
            if not role or role in named:
                found.append(person)
    return found


def name_of(person: dict[str, Any]) -> str:
    return text(person.get("title") or person.get("name") or person.get("organization"))


def licence_of(meta: dict[str, Any]) -> tuple[str, str]:
    """The first licence: its name and its address (known by name if not given)."""
    if text(meta.get("licence")) and not meta.get("licenses"):
        name = text(meta["licence"])
        return name, licence_url(name)
    for licence in texts_or_dicts(meta.get("licenses") or meta.get("licences")):
        if isinstance(licence, dict):
            name = text(licence.get("title") or licence.get("name"))
            url = text(licence.get("path"))
            url = url if is_safe_url(url) else ""
            return (
                name or url,
                url or licence_url(text(licence.get("name"))) or licence_url(name),
            )
        if text(licence):
            return text(licence), licence_url(text(licence))
    return "", ""


def texts_or_dicts(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def temporal_of(meta: dict[str, Any]) -> str:
    for key in ("temporal", "temporalCoverage", "temporal_coverage"):
        value = meta.get(key)
        if isinstance(value, dict):
            start, end = text(value.get("start")), text(value.get("end"))
            if start or end:
                return f"{start}/{end}"
        elif text(value):
            return text(value)
    return ""


def fields_of(schemas: list[Schema]) -> tuple[FieldRecord, ...]:
    seen: dict[str, FieldRecord] = {}
    for schema in schemas:
        for found in schema.fields:
            seen.setdefault(
                found.name,
                FieldRecord(
                    found.name, found.title, plain_text(found.description), found.type
                ),
            )
    return tuple(seen.values())


def resource_record(
    resource: Resource, folder: Path, srcdir: Path
) -> list[ResourceRecord]:
    """One record per file of *resource* (one without any file, when it has none)."""
    title = text(resource.meta.get("title")) or resource.name
    given = text(resource.meta.get("format"))
    mediatype = text(resource.meta.get("mediatype"))
    size = resource.meta.get("bytes")
    declared = size if isinstance(size, int) and not isinstance(size, bool) else None
    modified = text(resource.meta.get("lastModified"))
    out = []
    for part in resource.paths or [""]:
        suffix = Path(urlparse(part).path).suffix[1:] if part else ""
        form = given or suffix
        found_size = declared
        path = part
        if part and not is_external(part):
            local = (folder / part).resolve()
            try:
                path = local.relative_to(srcdir.resolve()).as_posix()
            except ValueError:
                path = ""
            if local.is_file() and found_size is None:
                found_size = os.path.getsize(local)
        elif part and not is_safe_url(part):
            path = ""
        known = not form or file_format(form) is not None
        out.append(
            ResourceRecord(
                title=title if len(resource.paths) < 2 else f"{title} ({part})",
                path=path,
                format=form,
                mediatype=mediatype or media_type(form),
                bytes=found_size,
                modified=modified,
                known_format=known,
            )
        )
    return out


def with_options(meta: dict[str, Any], options: dict[str, Any]) -> dict[str, Any]:
    """*meta* with the block's options over it (as the block shows them)."""
    meta = dict(meta)
    for key in OPTION_KEYS:
        if (options.get(key) or "").strip():
            meta[key] = options[key].strip()
    licence = (options.get("licence") or options.get("license") or "").strip()
    if licence:
        meta["licence"] = licence
        meta.pop("licenses", None)
    return meta


def package_beside(path: Path) -> Package | None:
    for name in DESCRIPTORS:
        descriptor = path.parent / name
        if descriptor.is_file():
            reader = Reader()
            data = reader.load(descriptor)
            if not isinstance(data, dict):
                return None
            return reader.package({"resources": [], **data}, name)
    return None


def schema_of(resource: Resource, folder: Path) -> Schema | None:
    if resource.schema is not None:
        return resource.schema
    if not resource.schema_path or is_external(resource.schema_path):
        return None
    reader = Reader()
    data = reader.load((folder / resource.schema_path).resolve())
    found = reader.read(data, resource.schema_path) if data is not None else None
    return found if isinstance(found, Schema) else None


def source_path(path: Path, srcdir: Path) -> str:
    try:
        return path.resolve().relative_to(srcdir.resolve()).as_posix()
    except ValueError:
        return ""


def note_dataset(
    directive: DatasetDirective, found: Schema | Package | None, path: Path
) -> None:
    """Record what the block documents (called at the end of its ``run``).

    A block whose file could not be read (it says so, ``circ.dataset``)
    documents nothing a machine could use: it is not recorded."""
    if found is None:
        return
    env = directive.env
    srcdir = Path(env.srcdir)
    options = dict(directive.options)
    docname = env.docname
    line = directive.lineno
    schemas: list[Schema] = []
    resources: list[ResourceRecord] = []
    schema_ref = ""
    #: Keys outside the specifications that say when the data were taken.
    extra: dict[str, Any] = {}
    if isinstance(found, Package):
        extra.update(found.other)
        meta = with_options(found.meta, options)
        wanted = (options.get("resource") or "").strip()
        chosen = [r for r in found.resources if not wanted or r.name == wanted]
        for resource in chosen:
            resources += resource_record(resource, path.parent, srcdir)
            schema = schema_of(resource, path.parent)
            if schema is not None:
                schemas.append(schema)
            if not schema_ref and resource.schema_path:
                schema_ref = (
                    resource.schema_path
                    if is_safe_url(resource.schema_path)
                    else source_path(path.parent / resource.schema_path, srcdir)
                )
        if wanted and len(chosen) == 1 and not text(meta.get("title")):
            meta["title"] = text(chosen[0].meta.get("title")) or chosen[0].name
    else:
        meta = dict(found.meta) if found is not None else {}
        beside = package_beside(path) if found is not None else None
        if found is not None:
            extra.update(found.other)
        if beside is not None:
            extra.update(beside.other)
            meta.update(beside.meta)
            for resource in beside.resources:
                resources += resource_record(resource, path.parent, srcdir)
        meta = with_options(meta, options)
        if found is not None:
            schemas.append(found)
            written = text(found.meta.get("path"))
            schema_ref = (
                written
                if is_safe_url(written) and is_external(written)
                else source_path(path, srcdir)
                if path.is_file()
                else ""
            )
    for label, url in downloads(options.get("download") or ""):
        form = Path(urlparse(url).path).suffix[1:]
        resources.append(
            ResourceRecord(
                title=label or url.rsplit("/", 1)[-1],
                path=url,
                format=form,
                mediatype=media_type(form),
                known_format=not form or file_format(form) is not None,
            )
        )
    catalogue = (options.get("catalogue") or "").strip().strip("/")
    if catalogue and not schema_ref:
        schema_ref = f"{CATALOGUE}{catalogue}/"
    licence_name, licence_address = licence_of(meta)
    publisher = text(meta.get("producer"))
    if not publisher:
        named = people_named(meta.get("contributors"), "publisher")
        publisher = name_of(named[0]) if named else ""
    authors = people_named(meta.get("author")) + people_named(
        meta.get("contributors"), "author"
    )
    emails = [
        text(p.get("email"))
        for p in people_named(meta.get("contributors"))
        + people_named(meta.get("author"))
        if is_email(text(p.get("email")))
    ]
    contact = text(meta.get("contact")) if is_email(text(meta.get("contact"))) else ""
    frequency = text(meta.get("frequency"))
    record = DatasetRecord(
        docname=docname,
        line=line,
        key=next_key(env, docname, "dataset"),
        title=text(meta.get("title"))
        or text(meta.get("name"))
        or (path.parent.name if path.stem == "datapackage" else path.stem),
        description=plain_text(text(meta.get("description"))),
        keywords=texts(meta.get("keywords")),
        licence_name=licence_name,
        licence_url=licence_address,
        publisher=publisher,
        creators=tuple(n for n in (name_of(p) for p in authors) if n),
        contact=contact or (emails[0] if emails else ""),
        frequency=frequency,
        frequency_uri=frequency_uri(frequency) or "" if frequency else "",
        temporal=temporal_of({**extra, **meta}),
        spatial=text(meta.get("coverage") or meta.get("spatial")),
        created=text(meta.get("created")),
        modified=text(meta.get("updated") or meta.get("lastModified")),
        version=text(meta.get("version")),
        schema=schema_ref,
        schema_name=catalogue,
        landing_page=text(meta.get("datagouv") or meta.get("homepage"))
        if is_safe_url(text(meta.get("datagouv") or meta.get("homepage")))
        else "",
        fields=fields_of(schemas),
        resources=tuple(resources),
    )
    add_record(env, record)


def downloads(value: str) -> list[tuple[str, str]]:
    from .facts import parse_downloads

    return [(label, url) for label, url in parse_downloads(value) if is_safe_url(url)]


def check_records(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn (``circ.data``) about what machines cannot read in the records,
    for the builders that write the catalogue and the pages' data."""
    if app.builder.name not in ("html", "dirhtml"):
        return
    for record in all_records(env):
        check_record(record, (record.docname, record.line))


def check_record(record: DatasetRecord, location: Any) -> None:
    """Warn (``circ.data``) about what machines cannot read in *record*."""
    subject = (
        f"inventory line {record.key.removeprefix('inventory-')} ({record.title!r})"
        if record.kind == "inventory"
        else f"dataset {record.title or record.key!r}"
    )
    if record.frequency and not record.frequency_uri:
        warn(
            f"{subject}: update frequency {record.frequency!r} is not in "
            f"{FREQUENCY_NAME}; "
            "write one of: Quotidienne, Hebdomadaire, Mensuelle, Trimestrielle, "
            "Annuelle, Ponctuelle, Temps réel (or daily, weekly, monthly…)",
            "data",
            location,
        )
    for resource in record.resources:
        if not resource.known_format:
            warn(
                f"{subject}: format {resource.format!r} of {resource.title!r} is not in "
                f"{FILE_TYPE_NAME}; catalogues leave its format out",
                "data",
                location,
            )
    if record.kind == "dataset":
        low, high = DESCRIPTION_LENGTH
        length = len(record.description)
        if not low <= length <= high:
            warn(
                f"{subject}: its description has {length} characters; search "
                f"engines (Google Dataset Search) ask {low} to {high}: describe "
                "the data in the descriptor's 'description'",
                "data",
                location,
            )


def note_inventory(env: BuildEnvironment, entries: list[Any], line: int) -> None:
    """Record the inventory's rows that have an address (``inventory.Entry``)."""
    for entry in entries:
        if not entry.url:
            continue
        frequency = getattr(entry, "frequency", "")
        record = DatasetRecord(
            docname=env.docname,
            line=line,
            key=f"inventory-{entry.line}",
            title=entry.title or entry.url,
            description=entry.description,
            publisher=entry.organisation,
            frequency=frequency,
            frequency_uri=frequency_uri(frequency) or "" if frequency else "",
            # The (estimated) publication date of a dataset already open.
            created=entry.when.isoformat()
            if entry.when and entry.status == "open"
            else "",
            landing_page=entry.url,
            kind="inventory",
        )
        add_record(env, record)


__all__ = [
    "DatasetRecord",
    "FieldRecord",
    "ResourceRecord",
    "all_records",
    "merge_records",
    "note_dataset",
    "note_inventory",
    "purge_records",
]
