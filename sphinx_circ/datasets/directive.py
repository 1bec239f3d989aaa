"""The ``dataset`` directive: a Table Schema or a Data Package, documented.

``:::{dataset} schema.json`` documents one table; ``:::{dataset}
datapackage.json`` (or ``.yaml``) documents every resource of a package
(or the one named by ``:resource:``), each with its schema, inline or by
path. Metadata come from the options first, then from a ``datapackage.json``
beside a schema, then from the schema itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import quote

from docutils import nodes
from sphinx import addnodes

from ..directive import CircDirective, block_options
from ..messages import _
from ..urls import is_external
from .descriptors import DESCRIPTORS, Package, Reader, Resource, Schema, text
from .downloads import DownloadsWriter, package_downloads, table_downloads
from .facts import (
    METADATA,
    credits,
    details,
    item,
    link,
    metadata_labels,
    one_or_list,
    other_keys,
    tagged,
    when,
)
from .index import letter_index
from .markdown import markdown_blocks
from .record import note_dataset
from .render import (
    anchors_for,
    circ_dataset_filter,
    field_entry,
    shared_value_lists,
    summary_table,
)

CATALOGUE = "https://schema.data.gouv.fr/"
VALIDATA = "https://validata.fr/table-schema"


class DatasetDirective(CircDirective):
    """``:::{dataset} path/to/schema.json`` (or a ``datapackage.json``)."""

    kind = "dataset"
    required_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, Any]] = block_options(
        "title", "producer", "licence", "license", "frequency", "coverage",
        "updated", "download", "datagouv", "resource", "catalogue",
    )  # fmt: skip

    def run_block(self) -> list[nodes.Node]:
        path = self.data_file()
        self.reader = Reader()
        #: Field name → anchor, for the table being documented.
        self.anchors: dict[str, str] = {}
        container = nodes.container("", classes=self.classes("circ-dataset"))
        self.set_source_info(container)
        data = self.reader.load(path)
        found = self.reader.read(data, path.name) if data is not None else None
        if isinstance(found, Package):
            container.extend(self.package(found, path))
        else:
            container.extend(self.table(found, path))
        for problem in self.reader.problems:
            hint = (
                "; check the path, relative to this page"
                if "not found" in problem
                else ""
            )
            self.warn(f"dataset schema: {problem}{hint}")
        for read in self.reader.files[1:]:
            self.env.note_dependency(str(read))
        note_dataset(self, found, path)
        return [container]

    # -- one table -----------------------------------------------------------------

    def table(self, schema: Schema | None, path: Path) -> list[nodes.Node]:
        beside = self.package_beside(path) if schema is not None else None
        meta = dict(schema.meta if schema else {})
        if beside is not None:
            meta.update(beside.meta)
        meta = self.with_options(meta)
        out: list[nodes.Node] = []
        if text(meta.get("description")):
            out.extend(self.description(text(meta["description"])))
        if schema is not None:
            self.anchors = anchors_for(schema, self.state.document, "dataset")
        # The files first: a reader comes for the data.
        downloads = DownloadsWriter(self).block(
            table_downloads(self.options, meta, beside, schema, path)
        )
        if downloads is not None:
            out.append(downloads)
        for part in beside.resources if beside is not None else []:
            for file in part.paths:
                if not is_external(file) and not (path.parent / file).is_file():
                    self.reader.problems.append(
                        f"resource {part.name!r}: file {file!r} not found next to "
                        "the descriptor"
                    )
        facts = self.facts(meta, schema)
        facts.extend(self.links(meta, schema))
        if schema is not None:
            facts.extend(other_keys(schema.other))
        if beside is not None:
            facts.extend(other_keys(beside.other))
        out.append(facts)
        if schema is None or not schema.fields:
            out.append(
                nodes.paragraph(
                    "",
                    _("The fields of this dataset could not be read from its schema."),
                    classes=["circ-dataset__missing"],
                )
            )
            return out
        out.extend(self.fields(schema, text(meta.get("title")), 1))
        return out

    def package_beside(self, path: Path) -> Package | None:
        """A ``datapackage.json`` next to the schema: the dataset's metadata."""
        for name in DESCRIPTORS:
            descriptor = path.parent / name
            if descriptor.is_file():
                # Only an existing file: Sphinx re-reads a page whose
                # dependency is missing on every build.
                data = self.reader.load(descriptor)
                if data is None:
                    return None
                if not isinstance(data, dict):
                    self.reader.problems.append(f"{name!r} must be an object")
                    return None
                return self.reader.package({"resources": [], **data}, name)
        return None

    # -- a package -----------------------------------------------------------------

    def package(self, package: Package, path: Path) -> list[nodes.Node]:
        meta = self.with_options(package.meta)
        wanted = (self.options.get("resource") or "").strip()
        resources = package.resources
        if wanted:
            resources = [r for r in resources if r.name == wanted]
            if not resources:
                names = ", ".join(r.name for r in package.resources)
                self.reader.problems.append(
                    f"{path.name}: no resource named {wanted!r}; use one of: {names}"
                )
        out: list[nodes.Node] = []
        if text(meta.get("description")):
            out.extend(self.description(text(meta["description"])))
        downloads = DownloadsWriter(self).block(
            package_downloads(package, path, resources)
        )
        if downloads is not None:
            out.append(downloads)
        facts = self.facts(meta, None)
        facts.extend(self.links(meta, None))
        facts.extend(other_keys(package.other))
        out.append(facts)
        for resource in resources:
            out.extend(self.resource(resource, path.parent, len(resources) > 1))
        return out

    def resource(
        self, resource: Resource, folder: Path, several: bool
    ) -> list[nodes.Node]:
        title = text(resource.meta.get("title")) or resource.name
        out: list[nodes.Node] = []
        offset = 1
        if several or self.options.get("resource") is None:
            heading = nodes.rubric(
                "", title, classes=["circ-dataset__resource", "circ-heading-relative"]
            )
            heading["circ_offset"] = 1
            out.append(heading)
            offset = 2
        if text(resource.meta.get("description")):
            out.extend(self.description(text(resource.meta["description"])))
        facts = nodes.definition_list(classes=["circ-dataset__metadata"])
        # Its files are in the downloads at the top; a missing one is reported.
        for part in resource.paths:
            if not is_external(part) and not (folder / part).is_file():
                self.reader.problems.append(
                    f"resource {resource.name!r}: file {part!r} not found next to "
                    "the descriptor"
                )
        schema = resource.schema
        if schema is None and resource.schema_path:
            schema = self.schema_file(resource.schema_path, folder)
            if schema is not None and not is_external(resource.schema_path):
                facts += item(
                    _("Schema"),
                    self.download(folder / resource.schema_path, resource.schema_path),
                )
        if schema is not None:
            self.anchors = anchors_for(schema, self.state.document, resource.name)
        facts.extend(credits(resource.meta))
        facts.extend(self.details(resource.meta, schema))
        facts.extend(other_keys(resource.other))
        if len(facts):
            out.append(facts)
        if schema is not None and schema.fields:
            out.extend(self.fields(schema, title, offset))
        return out

    def schema_file(self, reference: str, folder: Path) -> Schema | None:
        if is_external(reference):
            self.reader.problems.append(
                f"schema {reference!r} is remote: give a local copy to document its fields"
            )
            return None
        data = self.reader.load((folder / reference).resolve(), reference)
        found = self.reader.read(data, reference) if data is not None else None
        return found if isinstance(found, Schema) else None

    # -- shared parts --------------------------------------------------------------

    def with_options(self, meta: dict[str, Any]) -> dict[str, Any]:
        meta = dict(meta)
        options = dict(self.options)
        if "license" in options:
            options.setdefault("licence", options.pop("license"))
        for key in ("title", *METADATA, "datagouv"):
            if (options.get(key) or "").strip():
                meta[key] = options[key].strip()
        if (meta.get("licence") and "licenses" not in meta) or options.get("licence"):
            meta["licenses"] = [text(meta.get("licence"))]
        return meta

    def facts(
        self, meta: dict[str, Any], schema: Schema | None
    ) -> nodes.definition_list:
        facts = nodes.definition_list(classes=["circ-dataset__metadata"])
        labels = metadata_labels()
        if text(meta.get("title")):
            facts += item(_("Dataset"), nodes.Text(text(meta["title"])))
        if text(meta.get("producer")):
            facts += item(labels["producer"], nodes.Text(text(meta["producer"])))
        # Who and which licence first, then the site's own keys, then the rest.
        facts.extend(credits(meta))
        for key in METADATA[2:]:
            if text(meta.get(key)):
                # ``updated`` may be a date or words ("chaque lundi").
                value = meta[key]
                shown = when(value, self.language) if key == "updated" else None
                fact = item(labels[key], shown or nodes.Text(text(value)))
                facts += tagged(fact) if key == "frequency" else fact
        facts.extend(self.details(meta, schema))
        return facts

    @property
    def language(self) -> str:
        return self.config.language or "en"

    def details(
        self, meta: dict[str, Any], schema: Schema | None
    ) -> list[nodes.definition_list_item]:
        return details(meta, schema, self.anchors, self.language, self.reader.problems)

    def links(self, meta: dict[str, Any], schema: Schema | None) -> list[nodes.Node]:
        items: list[nodes.Node] = []
        catalogue = (self.options.get("catalogue") or "").strip().strip("/")
        schema_url = text(meta.get("path")) if schema is not None else ""
        if catalogue:
            items.append(
                item(
                    _("Catalogue"),
                    link(
                        _("Its page on schema.data.gouv.fr"), f"{CATALOGUE}{catalogue}/"
                    ),
                )
            )
            validate = (
                f"{VALIDATA}?schema_name=schema-datagouvfr.{quote(catalogue, safe='')}"
            )
        elif schema_url.startswith(CATALOGUE):
            validate = f"{VALIDATA}?schema_url={quote(schema_url, safe='')}"
        else:
            validate = ""
        if validate:
            items.append(item(_("Validate a file"), link("validata.fr", validate)))
        if text(meta.get("datagouv")):
            items.append(
                item(
                    "data.gouv.fr",
                    link(_("The dataset on data.gouv.fr"), text(meta["datagouv"])),
                )
            )
        if schema is not None:
            examples = [
                r for r in schema.meta.get("resources") or []
                if isinstance(r, dict) and r.get("path")
            ]  # fmt: skip
            if examples:
                entries = [
                    [
                        link(
                            text(r.get("title") or r.get("name")) or text(r["path"]),
                            text(r["path"]),
                        )
                    ]
                    for r in examples
                ]
                items.append(item(_("Example files"), *one_or_list(entries)))
        return items

    def fields(self, schema: Schema, title: str, offset: int) -> list[nodes.Node]:
        anchors = self.anchors
        caption = f"{_('Fields')} – {title}" if title else _("Fields")
        serial = self.env.new_serialno("circ-dataset")
        out: list[nodes.Node] = [
            circ_dataset_filter(
                "", uid=f"circ-dataset-{serial}", count=len(schema.fields)
            ),
            summary_table(schema, anchors, caption),
        ]
        index = letter_index(schema, anchors, f"circ-dataset-{serial}")
        if index is not None:
            out.append(index)
        same = shared_value_lists(schema, anchors)
        for schema_field in schema.fields:
            entry = field_entry(
                schema_field,
                anchors[schema_field.name],
                offset,
                same.get(schema_field.name),
            )
            self.state.document.ids[anchors[schema_field.name]] = entry
            out.append(entry)
        return out

    def description(self, markdown: str) -> list[nodes.Node]:
        holder = nodes.container(classes=["circ-dataset__description"])
        holder.extend(markdown_blocks(markdown))
        return [holder]

    def download(self, path: Path, label: str) -> nodes.Node:
        """A link that copies *path* into the build (as ``:download:`` does)."""
        srcdir = Path(self.env.srcdir)
        try:
            relative = path.resolve().relative_to(srcdir.resolve()).as_posix()
        except ValueError:
            return nodes.literal(label, label)
        self.env.note_dependency(str(path))
        return addnodes.download_reference(
            "",
            "",
            nodes.literal("", label),
            reftarget="/" + relative,
            refdoc=self.env.docname,
        )
