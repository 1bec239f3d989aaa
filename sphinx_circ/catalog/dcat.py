"""The DCAT-AP 3 catalogue of the portal: ``catalog.ttl`` and ``catalog.jsonld``.

One ``dcat:Dataset`` per ``dataset`` block (its page is its landing page)
and per row of an inventory that has an address; one ``dcat:Distribution``
per file of a dataset. Every node the catalogue names is typed and named by
an address of the site (no blank node), so the files are the same from one
build to the next, and SEMIC's DCAT-AP 3.0.1 SHACL shapes find nothing to
report (tested with pyshacl). The key → property mapping is documented in
the guide (``docs/guide/donnees.md``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from ..datasets.record import DatasetRecord, all_records
from ..legal import legal_facts
from ..messages import _
from ..urls import is_external, slugify
from . import base_url, download_url, page_url
from .jsonld import catalog_name

TURTLE = "catalog.ttl"
JSONLD = "catalog.jsonld"

NAMESPACES = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
#: The EU language table, by the site's language.
LANGUAGES = {
    "fr": "FRA",
    "en": "ENG",
    "de": "DEU",
    "es": "SPA",
    "it": "ITA",
    "nl": "NLD",
    "pt": "POR",
}
LANGUAGE = "http://publications.europa.eu/resource/authority/language/"

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$"
)
_YEAR = re.compile(r"^\d{4}$")
_MEDIA_TYPE = re.compile(r"^[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+$")


def date_literal(value: str) -> Any:
    """An ``xsd:date``, ``xsd:dateTime`` or ``xsd:gYear`` literal, or None."""
    from rdflib import Literal
    from rdflib.namespace import XSD

    value = value.strip()
    if _DATE.match(value):
        return Literal(value, datatype=XSD.date)
    if _DATETIME.match(value):
        return Literal(value, datatype=XSD.dateTime)
    if _YEAR.match(value):
        return Literal(value, datatype=XSD.gYear)
    return None


def period(value: str) -> tuple[Any, Any]:
    """The start and end of ``2020/2024``, ``2020-01-01/2020-12-31``, ``2019-2023``
    (or with a dash)."""
    parts = re.split(r"\s*(?:/|–|—|\s-\s|\.\.)\s*", value.strip(), maxsplit=1)
    if len(parts) == 1 and _YEAR.match(parts[0]):
        parts = [parts[0], parts[0]]
    if len(parts) != 2:
        return None, None
    if re.fullmatch(r"\d{4}-\d{4}", value.strip()):
        parts = value.strip().split("-")
    return date_literal(parts[0]), date_literal(parts[1])


class CatalogBuilder:
    """Builds the graph of the catalogue from the records of the environment."""

    def __init__(self, app: Sphinx) -> None:
        from rdflib import Graph, Namespace

        self.app = app
        self.base = base_url(app)
        self.graph = Graph()
        self.ns = {key: Namespace(value) for key, value in NAMESPACES.items()}
        for prefix, namespace in self.ns.items():
            self.graph.bind(prefix, namespace)
        self.language = str(app.config.language or "en").split("_")[0].split("-")[0]

    # -- helpers -------------------------------------------------------------

    def uri(self, value: str) -> Any:
        from rdflib import URIRef

        return URIRef(value)

    def text(self, value: str) -> Any:
        from rdflib import Literal

        return Literal(value, lang=self.language)

    def add(self, subject: Any, prop: str, value: Any) -> None:
        prefix, name = prop.split(":")
        self.graph.add((subject, self.ns[prefix][name], value))

    def typed(self, iri: str, kind: str) -> Any:
        from rdflib import RDF

        node = self.uri(iri)
        prefix, name = kind.split(":")
        self.graph.add((node, RDF.type, self.ns[prefix][name]))
        return node

    def agent(self, name: str) -> Any:
        from rdflib import Literal

        node = self.typed(f"{self.base}#agent-{slugify(name) or 'site'}", "foaf:Agent")
        self.add(node, "foaf:name", Literal(name))
        return node

    def document(self, url: str) -> Any:
        return self.typed(url, "foaf:Document")

    def licence(self, name: str, url: str) -> Any:
        from rdflib import Literal

        node = self.typed(
            url or f"{self.base}#licence-{slugify(name)}", "dct:LicenseDocument"
        )
        if name:
            self.add(node, "rdfs:label", Literal(name))
        return node

    def file_url(self, path: str) -> str:
        if not path:
            return ""
        return path if is_external(path) else download_url(self.app, path)

    # -- the catalogue ---------------------------------------------------------

    def publisher_name(self) -> str:
        from ..config import theme_settings

        facts = legal_facts(self.app.config)
        settings = theme_settings(self.app)
        return (
            facts.publisher.name
            or (settings.organisation_name if settings else "")
            or str(self.app.config.author or "")
            or catalog_name(self.app)
        )

    def build(self) -> Any:
        from rdflib import Literal

        catalog = self.typed(f"{self.base}#catalog", "dcat:Catalog")
        title = catalog_name(self.app)
        self.add(catalog, "dct:title", self.text(title))
        self.add(
            catalog,
            "dct:description",
            self.text(_("Catalogue of the datasets of {site}").format(site=title)),
        )
        self.add(catalog, "dct:publisher", self.agent(self.publisher_name()))
        self.add(catalog, "foaf:homepage", self.document(self.base))
        code = LANGUAGES.get(self.language)
        if code:
            self.add(
                catalog,
                "dct:language",
                self.typed(f"{LANGUAGE}{code}", "dct:LinguisticSystem"),
            )
        licence = legal_facts(self.app.config).licence
        if licence.url or licence.name:
            self.add(catalog, "dct:license", self.licence(licence.name, licence.url))
        for record in all_records(self.app.env):
            self.add(catalog, "dcat:dataset", self.dataset(record))
        self.add(catalog, "dct:identifier", Literal(f"{self.base}#catalog"))
        return self.graph

    def dataset(self, record: DatasetRecord) -> Any:
        from rdflib import Literal
        from rdflib.namespace import XSD

        page = page_url(self.app, record.docname)
        iri = f"{page}#{record.key}"
        node = self.typed(iri, "dcat:Dataset")
        self.add(node, "dct:identifier", Literal(iri))
        self.add(node, "dct:title", self.text(record.title))
        self.add(node, "dct:description", self.text(record.description or record.title))
        landing = page if record.kind == "dataset" else record.landing_page
        self.add(node, "dcat:landingPage", self.document(landing))
        if record.kind == "dataset" and record.landing_page:
            self.add(node, "foaf:page", self.document(record.landing_page))
        self.add(
            node,
            "dct:publisher",
            self.agent(record.publisher or self.publisher_name()),
        )
        for name in record.creators:
            self.add(node, "dct:creator", self.agent(name))
        for keyword in record.keywords:
            self.add(node, "dcat:keyword", self.text(keyword))
        if record.frequency_uri:
            self.add(
                node,
                "dct:accrualPeriodicity",
                self.typed(record.frequency_uri, "dct:Frequency"),
            )
        if record.spatial:
            place = self.typed(f"{iri}-spatial", "dct:Location")
            self.add(place, "skos:prefLabel", self.text(record.spatial))
            self.add(node, "dct:spatial", place)
        if record.temporal:
            start, end = period(record.temporal)
            if start is not None or end is not None:
                span = self.typed(f"{iri}-temporal", "dct:PeriodOfTime")
                if start is not None:
                    self.add(span, "dcat:startDate", start)
                if end is not None:
                    self.add(span, "dcat:endDate", end)
                self.add(node, "dct:temporal", span)
        for key, value in (
            ("dct:issued", record.created),
            ("dct:modified", record.modified),
        ):
            found = date_literal(value) if value else None
            if found is not None:
                self.add(node, key, found)
        if record.version:
            self.add(node, "dcat:version", Literal(record.version))
        schema = self.file_url(record.schema)
        if schema:
            standard = self.typed(schema, "dct:Standard")
            if record.schema_name:
                self.add(standard, "dct:identifier", Literal(record.schema_name))
            self.add(node, "dct:conformsTo", standard)
        if record.contact:
            contact = self.typed(f"{iri}-contact", "vcard:Kind")
            self.add(contact, "vcard:hasEmail", self.uri(f"mailto:{record.contact}"))
            self.add(node, "dcat:contactPoint", contact)
        for index, resource in enumerate(record.resources, 1):
            distribution = self.typed(
                f"{iri}-distribution-{index}", "dcat:Distribution"
            )
            self.add(distribution, "dct:title", self.text(resource.title))
            url = self.file_url(resource.path)
            self.add(distribution, "dcat:accessURL", self.uri(url or landing))
            if url:
                self.add(distribution, "dcat:downloadURL", self.uri(url))
            from .vocabularies import IANA, file_format

            found = file_format(resource.format) if resource.format else None
            if found is not None:
                self.add(
                    distribution,
                    "dct:format",
                    self.typed(found[0], "dct:MediaTypeOrExtent"),
                )
            media = resource.mediatype.split(";")[0].strip().lower()
            if _MEDIA_TYPE.match(media):
                self.add(
                    distribution,
                    "dcat:mediaType",
                    self.typed(f"{IANA}{media}", "dct:MediaType"),
                )
            if resource.bytes is not None:
                self.add(
                    distribution,
                    "dcat:byteSize",
                    Literal(resource.bytes, datatype=XSD.nonNegativeInteger),
                )
            modified = date_literal(resource.modified) if resource.modified else None
            if modified is not None:
                self.add(distribution, "dct:modified", modified)
            if record.licence_name or record.licence_url:
                self.add(
                    distribution,
                    "dct:license",
                    self.licence(record.licence_name, record.licence_url),
                )
            self.add(node, "dcat:distribution", distribution)
        return node


def catalog_graph(app: Sphinx) -> Any:
    return CatalogBuilder(app).build()


def write_catalog(app: Sphinx) -> None:
    """Write the catalogue at the output's root (with ``html_baseurl`` and
    at least one dataset)."""
    if not base_url(app) or not all_records(app.env):
        return
    graph = catalog_graph(app)
    outdir = Path(app.outdir)
    (outdir / TURTLE).write_text(graph.serialize(format="turtle"), encoding="utf-8")
    (outdir / JSONLD).write_text(jsonld_text(graph), encoding="utf-8")


def jsonld_text(graph: Any) -> str:
    """The graph as JSON-LD, its nodes in the order of their addresses (rdflib
    writes them in no fixed order)."""
    data = json.loads(graph.serialize(format="json-ld", context=NAMESPACES))
    if isinstance(data, dict) and isinstance(data.get("@graph"), list):
        data["@graph"].sort(key=lambda node: str(node.get("@id", "")))
        for node in data["@graph"]:
            for value in node.values():
                if isinstance(value, list):
                    value.sort(key=lambda item: json.dumps(item, sort_keys=True))
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
