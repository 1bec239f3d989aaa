"""schema.org ``Dataset`` JSON-LD for the pages holding a ``dataset`` block.

One ``<script type="application/ld+json">`` per block, in the page's head:
data, not a script a browser runs, so a strict Content-Security-Policy does
not block it. The JSON is escaped so no value can close the element.
"""

from __future__ import annotations

import json
from typing import Any

from sphinx.application import Sphinx

from ..datasets.record import DatasetRecord, records_of
from ..urls import is_external
from . import base_url, download_url, page_url


def catalog_name(app: Sphinx) -> str:
    return str(app.config.html_title or app.config.project or "").strip()


def organisation(name: str) -> dict[str, str]:
    return {"@type": "Organization", "name": name}


def resource_url(app: Sphinx, path: str) -> str:
    if not path:
        return ""
    return path if is_external(path) else download_url(app, path)


def dataset_jsonld(app: Sphinx, record: DatasetRecord) -> dict[str, Any]:
    """The schema.org ``Dataset`` of *record* (absolute addresses only)."""
    url = page_url(app, record.docname)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": record.title,
        "description": record.description or record.title,
    }
    if url:
        data["url"] = url
        data["@id"] = f"{url}#{record.key}"
        data["identifier"] = f"{url}#{record.key}"
    if record.landing_page:
        data["sameAs"] = record.landing_page
    if record.licence_url or record.licence_name:
        data["license"] = record.licence_url or record.licence_name
    publisher = record.publisher or catalog_name(app)
    if publisher:
        data["publisher"] = organisation(publisher)
    creators = record.creators or ((record.publisher,) if record.publisher else ())
    if creators:
        data["creator"] = [organisation(name) for name in creators]
    if record.keywords:
        data["keywords"] = list(record.keywords)
    if record.version:
        data["version"] = record.version
    if record.created:
        data["dateCreated"] = record.created
    if record.modified:
        data["dateModified"] = record.modified
    if record.temporal:
        data["temporalCoverage"] = record.temporal
    if record.spatial:
        data["spatialCoverage"] = {"@type": "Place", "name": record.spatial}
    if record.schema:
        schema = resource_url(app, record.schema)
        if schema:
            data["schemaVersion"] = schema
    data["isAccessibleForFree"] = True
    distribution = []
    for resource in record.resources:
        content = resource_url(app, resource.path)
        if not content:
            continue
        download: dict[str, Any] = {
            "@type": "DataDownload",
            "name": resource.title,
            "contentUrl": content,
        }
        if resource.mediatype or resource.format:
            download["encodingFormat"] = resource.mediatype or resource.format
        if resource.bytes is not None:
            download["contentSize"] = f"{resource.bytes} B"
        distribution.append(download)
    if distribution:
        data["distribution"] = distribution
    if record.fields:
        data["variableMeasured"] = [
            {
                "@type": "PropertyValue",
                "name": found.name,
                **({"description": found.description} if found.description else {}),
                **(
                    {"alternateName": found.title}
                    if found.title and found.title != found.name
                    else {}
                ),
            }
            for found in record.fields
        ]
    catalog: dict[str, Any] = {"@type": "DataCatalog", "name": catalog_name(app)}
    if base_url(app):
        catalog["url"] = base_url(app)
    data["includedInDataCatalog"] = catalog
    return data


def script_json(data: Any) -> str:
    """*data* as JSON that cannot end its ``<script>`` element early."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def page_jsonld(app: Sphinx, pagename: str) -> str:
    """The JSON-LD elements of the page's datasets (``""`` if it has none)."""
    records = [r for r in records_of(app.env).get(pagename, []) if r.kind == "dataset"]
    return "".join(
        '\n<script type="application/ld+json">\n'
        + script_json(dataset_jsonld(app, record))
        + "\n</script>"
        for record in records
    )
