"""The dataset page's downloads, first: each file with its format, size and date.

A reader comes for the data. Above the metadata, the block lists every file
of the dataset (the Data Package's resources, the ``:download:`` option, or
the schema's example files when there is no data), each with a primary
download button, then the schema itself as a secondary one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from docutils import nodes
from sphinx import addnodes

from .._compat import octicon_node
from ..button import make_button
from ..dates import date_node, read_date
from ..headings import relative_heading
from ..messages import _
from ..nodes import screen_reader_text
from ..urls import is_external
from .descriptors import Package, Resource, Schema, text
from .facts import human_size, parse_downloads

#: A file's format as its suffix names it, when the descriptor does not.
FORMATS = {"xls": "XLS", "xlsx": "XLSX", "ods": "ODS", "geojson": "GeoJSON"}


@dataclass(frozen=True)
class Download:
    """One file a reader can download."""

    title: str
    #: An address, or a file of the project (``local``).
    target: str
    local: Path | None = None
    form: str = ""
    size: int | None = None
    #: The file's date as the descriptor writes it.
    when: Any = None
    #: The schema and example files: secondary buttons.
    secondary: bool = False
    #: A page where the files are (data.gouv.fr), not a file.
    page: bool = False


def file_format(part: str, declared: Any = None) -> str:
    """``CSV``: the declared format, else the file's suffix."""
    form = text(declared) or Path(urlparse(part).path).suffix[1:]
    return FORMATS.get(form.lower(), form.upper())


def resource_downloads(
    resource: Resource, folder: Path, fallback_when: Any = None
) -> list[Download]:
    """Every file of *resource* (a resource in parts gives one per part)."""
    title = text(resource.meta.get("title")) or resource.name
    when = resource.meta.get("lastModified") or fallback_when
    declared = resource.meta.get("bytes")
    found = []
    for index, part in enumerate(resource.paths):
        label = title if len(resource.paths) == 1 else f"{title} ({index + 1})"
        local = None if is_external(part) else (folder / part).resolve()
        size = (
            declared if isinstance(declared, int) and len(resource.paths) == 1 else None
        )
        if local is not None and local.is_file():
            size = os.path.getsize(local)
        found.append(
            Download(
                label, part, local, file_format(part, resource.meta.get("format")),
                size, when,
            )
        )  # fmt: skip
    return found


def dated(meta: dict[str, Any]) -> Any:
    """The dataset's own date: ``updated`` when it is a date, else ``lastModified``."""
    updated = meta.get("updated")
    if updated is not None and read_date(updated) is not None:
        return updated
    return meta.get("lastModified")


def table_downloads(
    options: dict[str, Any],
    meta: dict[str, Any],
    beside: Package | None,
    schema: Schema | None,
    path: Path,
) -> list[Download]:
    """A table's files: ``:download:``, else its package's resources, else the
    schema's example files; then the schema."""
    found: list[Download] = []
    when = dated(meta)
    if (options.get("download") or "").strip():
        for label, url in parse_downloads(options["download"]):
            form = file_format(url)
            found.append(Download(label or form or url, url, None, form, None, when))
    elif beside is not None:
        for resource in beside.resources:
            found += resource_downloads(resource, path.parent, when)
    if not found and schema is not None:
        for example in schema.meta.get("resources") or []:
            if isinstance(example, dict) and text(example.get("path")):
                url = text(example["path"])
                title = text(example.get("title") or example.get("name")) or url
                found.append(
                    Download(
                        title, url, None, file_format(url, example.get("format")),
                        secondary=True,
                    )
                )  # fmt: skip
    if not found and text(meta.get("datagouv")):
        # No file here: the page where the producer publishes them.
        found.append(
            Download(
                str(_("The files on data.gouv.fr")), text(meta["datagouv"]), page=True
            )
        )
    if path.is_file() and schema is not None:
        found.append(schema_download(path))
    return found


def schema_download(path: Path) -> Download:
    return Download(
        str(_("Table Schema")), path.name, path.resolve(), file_format(path.name),
        os.path.getsize(path), secondary=True,
    )  # fmt: skip


def package_downloads(
    package: Package, path: Path, resources: list[Resource]
) -> list[Download]:
    """The files of *resources* (those the block documents), then the descriptor."""
    found: list[Download] = []
    when = dated(package.meta)
    for resource in resources:
        found += resource_downloads(resource, path.parent, when)
    found.append(
        Download(
            str(_("Data Package descriptor")), path.name, path.resolve(),
            file_format(path.name), os.path.getsize(path), secondary=True,
        )
    )  # fmt: skip
    return found


class DownloadsWriter:
    """Writes the downloads block for a directive (its page, its file links)."""

    def __init__(self, directive: Any) -> None:
        self.directive = directive

    @property
    def language(self) -> str:
        return self.directive.config.language or "en"

    def block(self, downloads: list[Download]) -> nodes.container | None:
        if not downloads:
            return None
        block = nodes.container(classes=["circ-dataset__downloads"])
        block += relative_heading(
            str(_("Download the data")), 1, "circ-dataset__downloads-title"
        )
        listing = nodes.bullet_list(classes=["circ-downloads"])
        for download in downloads:
            listing += self.entry(download)
        block += listing
        return block

    def facts(self, download: Download) -> list[nodes.Node]:
        """``CSV · 1,2 Mo · 30 juin 2026``: what a reader checks before downloading."""
        parts: list[nodes.Node] = []
        if download.form:
            parts.append(
                nodes.inline(
                    download.form, download.form, classes=["circ-download__format"]
                )
            )
        if download.size is not None:
            parts.append(nodes.Text(human_size(download.size, self.language)))
        found = read_date(download.when) if download.when is not None else None
        if found is not None:
            parts.append(date_node(found, self.language))
        out: list[nodes.Node] = []
        for index, part in enumerate(parts):
            if index:
                out.append(nodes.Text(" · "))
            out.append(part)
        return out

    def entry(self, download: Download) -> nodes.list_item:
        entry = nodes.list_item(classes=["circ-download"])
        entry += nodes.paragraph(
            "",
            "",
            nodes.strong(download.title, download.title),
            classes=["circ-download__title"],
        )
        facts = self.facts(download)
        if facts:
            entry += nodes.paragraph("", "", *facts, classes=["circ-download__facts"])
        entry += nodes.paragraph(
            "", "", self.button(download), classes=["circ-download__action"]
        )
        return entry

    def button(self, download: Download) -> nodes.Node:
        variant = (
            "circ-button--secondary" if download.secondary else "circ-button--primary"
        )
        classes = ["circ-button", variant, "circ-button--medium"]
        # The visible word is short; its name says which file (WCAG 2.4.4).
        what = (
            f"{download.title} ({download.form})" if download.form else download.title
        )
        verb = _("See") if download.page else _("Download")
        label: list[nodes.Node] = [
            nodes.Text(str(verb)),
            screen_reader_text(f" {what}"),
        ]
        directive = self.directive
        if download.local is None:
            return make_button(
                download.target, label, classes=classes,
                icon="link-external" if download.page else "download", new_tab=False,
                docname=directive.env.docname, location=directive.get_location(),
            )  # fmt: skip
        if not download.local.is_file():
            return nodes.literal(download.target, download.target)
        srcdir = Path(directive.env.srcdir).resolve()
        try:
            relative = download.local.relative_to(srcdir).as_posix()
        except ValueError:
            return nodes.literal(download.target, download.target)
        directive.env.note_dependency(str(download.local))
        reference = addnodes.download_reference(
            "",
            "",
            reftarget="/" + relative,
            refdoc=directive.env.docname,
            classes=classes,
        )
        reference += octicon_node("download", classes=["circ-button__icon"])
        # Named for the themes that draw icons their own way (the DSFR's).
        reference["circ_icon"] = "download"
        reference.extend(label)
        return reference
