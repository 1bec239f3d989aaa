"""What machines get: schema.org JSON-LD, the DCAT-AP catalogue, sitemap.xml,
robots.txt and Open Graph tags (``sphinx_circ.catalog``)."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import SHARED, require_shared, run_sphinx, site_pages, strip_colors

from sphinx_circ.catalog.vocabularies import (
    FILE_TYPE,
    FREQUENCY,
    IANA,
    file_format,
    frequency_uri,
)

BASE = "https://donnees.example.fr/portail/"
DCAT_AP = SHARED / "dcat-ap"

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)

CONF = f"""
extensions = ["sphinx_circ"]
html_theme = "sphinx_circ"
language = "fr"
project = "Portail d’essai"
html_title = "Portail d’essai"
html_baseurl = "{BASE}"
html_theme_options = {{"organisation_name": "Agence d’essai", "organisation_logo": "logo.png"}}
circ_legal = {{
    "publisher": {{"name": "Agence d’essai"}},
    "licence": {{"name": "Licence Ouverte 2.0",
                "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"}},
}}
"""

SCHEMA = {
    "name": "collecte",
    "title": "Collecte des déchets par commune",
    "description": "Tonnages de déchets collectés chaque année dans chaque commune, "
    "par flux (verre, papier, ordures ménagères).",
    "keywords": ["déchets", "collecte"],
    "version": "1.2.0",
    "fields": [
        {"name": "code_commune", "title": "Code INSEE", "type": "string",
         "description": "Code officiel de la commune."},
        {"name": "annee", "type": "year"},
        {"name": "tonnage", "type": "number", "description": "En **tonnes**."},
    ],
}  # fmt: skip

BESIDE = {
    "title": "Collecte par commune",
    "producer": "Observatoire d’essai",
    "licenses": [{"name": "etalab-2.0", "title": "Licence Ouverte 2.0"}],
    "frequency": "Mensuelle",
    "coverage": "Région d’essai",
    "temporal": {"start": "2020-01-01", "end": "2025-12-31"},
    "created": "2021-03-01",
    "updated": "2026-06-30",
    "resources": [
        {"title": "Tableau", "path": "collecte.csv"},
        {"title": "Carte", "path": "https://example.org/collecte.geojson"},
        {"title": "Archive", "path": "https://example.org/collecte.xyz"},
        {"title": "Sans fichier", "data": [{"a": 1}]},
    ],
}

PACKAGE = {
    "name": "paquet",
    "title": "Un paquet",
    "description": "Court </script><script>alert(1)</script> & <b>",
    "frequency": "Toutes les lunes",
    "resources": [
        {
            "name": "table",
            "path": "table.csv",
            "format": "csv",
            "bytes": 1234,
            "schema": {"fields": [{"name": "x", "type": "integer"}]},
        }
    ],
}

INVENTORY = """\
titre,url,organisation,description,statut,date,frequence
Tonnages,https://www.data.gouv.fr/fr/datasets/tonnages/,ADEME,Les tonnages,Ouvert,2025-03-15,Annuelle
Déchèteries,https://www.data.gouv.fr/fr/datasets/decheteries/,Région,Les sites,Ouvert,2025-06,Temps réel
Plus tard,,Région,À venir,En cours,2027-01,Trimestrielle
"""

PAGES = {
    "index.md": """
        ::::{hero}
        :image: hero.png
        # Accueil

        Le portail d’essai des données.
        ::::

        ```{toctree}
        collecte
        paquet
        inventaire
        autre
        ```
        """,
    "collecte.md": "# Collecte\n\n:::{dataset} collecte/schema.json\n:::\n",
    "paquet.md": "# Paquet\n\n:::{dataset} paquet/datapackage.json\n:::\n",
    "inventaire.md": "# Inventaire\n\n:::{dataset-inventory} inventaire.csv\n:::\n",
    "autre.md": "# Autre page\n\nUne page sans jeu de données, assez longue pour un résumé.\n",
}


def write_portal(src: Path, conf: str = CONF) -> Path:
    src.mkdir(parents=True, exist_ok=True)
    (src / "conf.py").write_text(conf, encoding="utf-8")
    for name, text in PAGES.items():
        (src / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    (src / "collecte").mkdir()
    (src / "collecte" / "schema.json").write_text(json.dumps(SCHEMA), encoding="utf-8")
    (src / "collecte" / "datapackage.json").write_text(
        json.dumps(BESIDE), encoding="utf-8"
    )
    (src / "collecte" / "collecte.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (src / "paquet").mkdir()
    (src / "paquet" / "datapackage.json").write_text(
        json.dumps(PACKAGE), encoding="utf-8"
    )
    (src / "paquet" / "table.csv").write_text("x\n1\n", encoding="utf-8")
    (src / "inventaire.csv").write_text(INVENTORY, encoding="utf-8")
    (src / "hero.png").write_bytes(PNG)
    (src / "logo.png").write_bytes(PNG)
    return src


def sphinx(src: Path, out: Path, *args: str) -> str:
    """Build *src* (checked as a portal's data are); return its warnings."""
    result = run_sphinx(src, out, *args, data=True)
    assert result.returncode == 0, strip_colors(result.stderr)
    return strip_colors(result.stderr)


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("catalog")
    src = write_portal(root / "src")
    return root / "html", sphinx(src, root / "html", "-d", str(root / "doctrees"))


def soup(out: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((out / page).read_text(encoding="utf-8"), "html.parser")


def jsonld(out: Path, page: str) -> list[dict[str, Any]]:
    scripts = soup(out, page).select('script[type="application/ld+json"]')
    return [json.loads(script.string) for script in scripts]


def shacl_violations(data: Path) -> list[str]:
    """The SHACL results of SEMIC's DCAT-AP 3.0.1 shapes on *data* (none is a pass)."""
    from pyshacl import validate
    from rdflib import Graph

    require_shared(DCAT_AP)
    shapes = Graph()
    for name in ("shapes.ttl", "range.ttl"):
        shapes.parse(require_shared(DCAT_AP / name))
    conforms, _report, text = validate(
        Graph().parse(data), shacl_graph=shapes, inference="none"
    )
    return [] if conforms else [text]


def graph(out: Path, name: str = "catalog.ttl") -> Any:
    from rdflib import Graph

    return Graph().parse(out / name)


DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"


def objects(g: Any, subject: Any, prop: str) -> list[Any]:
    from rdflib import URIRef

    return sorted(g.objects(subject, URIRef(prop)))


def datasets(g: Any) -> list[Any]:
    from rdflib import RDF, URIRef

    return sorted(g.subjects(RDF.type, URIRef(f"{DCAT}Dataset")))


# -- vocabularies -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Annuelle", "ANNUAL"),
        ("annuel", "ANNUAL"),
        ("Mensuelle", "MONTHLY"),
        ("Trimestrielle", "QUARTERLY"),
        ("Hebdomadaire", "WEEKLY"),
        ("Quotidienne", "DAILY"),
        ("Temps réel", "CONT"),
        ("temps-reel", "CONT"),
        ("Ponctuelle", "IRREG"),
        ("Semestrielle", "ANNUAL_2"),
        ("monthly", "MONTHLY"),
        ("IRREG", "IRREG"),
        ("Jamais", "NEVER"),
    ],
)
def test_frequencies_map_to_the_eu_table(word: str, code: str) -> None:
    assert frequency_uri(word) == f"{FREQUENCY}{code}"


def test_an_unknown_frequency_has_no_iri() -> None:
    assert frequency_uri("Toutes les lunes") is None


@pytest.mark.parametrize(
    ("name", "code", "media"),
    [
        ("csv", "CSV", "text/csv"),
        (".CSV", "CSV", "text/csv"),
        ("text/csv", "CSV", "text/csv"),
        ("geojson", "GEOJSON", "application/geo+json"),
        (
            "xlsx",
            "XLSX",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("zip", "ZIP", "application/zip"),
        ("pdf", "PDF", "application/pdf"),
        ("json", "JSON", "application/json"),
    ],
)
def test_formats_map_to_file_types_and_media_types(
    name: str, code: str, media: str
) -> None:
    assert file_format(name) == (f"{FILE_TYPE}{code}", f"{IANA}{media}")


# -- warnings -----------------------------------------------------------------------


def test_what_machines_cannot_read_is_warned_at_its_block(
    portal: tuple[Path, str],
) -> None:
    _out, warnings = portal
    data = sorted(line for line in warnings.splitlines() if "[circ.data]" in line)
    assert len(data) == 3, data
    unknown_format, short, frequency = data
    assert "collecte.md:3: WARNING: dataset 'Collecte par commune'" in unknown_format
    assert (
        "format 'xyz'" in unknown_format and "EU file-type vocabulary" in unknown_format
    )
    assert "paquet.md:3: WARNING: dataset 'Un paquet'" in short
    assert "description has 46 characters" in short
    assert "'Toutes les lunes'" in frequency and "EU frequency vocabulary" in frequency
    assert "paquet.md:3:" in frequency
    # Nothing else: the resource without a file is a distribution all the same.
    assert [w for w in warnings.splitlines() if "WARNING" in w and w not in data] == []


def test_without_html_baseurl_one_warning_and_no_relative_address(
    tmp_path: Path,
) -> None:
    conf = CONF.replace(f'html_baseurl = "{BASE}"', "")
    src = write_portal(tmp_path / "src", conf)
    out = tmp_path / "html"
    warnings = sphinx(src, out, "-D", "suppress_warnings=circ.legal")
    baseurl = [w for w in warnings.splitlines() if "WARNING: html_baseurl" in w]
    assert len(baseurl) == 1, warnings
    assert "collecte.md:3: WARNING: html_baseurl is not set" in baseurl[0]
    assert "[circ.data]" in baseurl[0]
    for name in ("catalog.ttl", "catalog.jsonld", "sitemap.xml", "robots.txt"):
        assert name in baseurl[0]
        assert not (out / name).exists()
    for page in site_pages(out):
        page_soup = soup(out, page)
        assert page_soup.select('meta[property="og:url"]') == []
        assert page_soup.select_one('meta[property="og:title"]') is not None
    # The JSON-LD is written, without any address it cannot make absolute.
    (data,) = jsonld(out, "collecte.html")
    assert "url" not in data and "@id" not in data
    addresses = [d["contentUrl"] for d in data["distribution"]]
    assert addresses == [
        "https://example.org/collecte.geojson",
        "https://example.org/collecte.xyz",
    ]


def test_a_site_without_datasets_needs_no_baseurl(build) -> None:
    built = build({"index.md": "# Accueil\n\nUn portail sans données.\n"}, data=True)
    assert built.warnings == ""
    assert not (built.outdir / "sitemap.xml").exists()


def test_the_warnings_can_be_silenced(tmp_path: Path) -> None:
    conf = CONF.replace(f'html_baseurl = "{BASE}"', "")
    src = write_portal(tmp_path / "src", conf)
    warnings = sphinx(
        src, tmp_path / "html", "-D", "suppress_warnings=circ.legal,circ.data"
    )
    assert "WARNING" not in warnings


# -- JSON-LD --------------------------------------------------------------------------


def test_jsonld_of_a_dataset_page(portal: tuple[Path, str]) -> None:
    out, _ = portal
    (data,) = jsonld(out, "collecte.html")
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Dataset"
    assert data["name"] == "Collecte par commune"
    assert data["description"].startswith("Tonnages de déchets collectés")
    assert data["url"] == f"{BASE}collecte.html"
    assert data["identifier"] == f"{BASE}collecte.html#dataset-1"
    assert data["license"] == "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Observatoire d’essai",
    }
    assert data["creator"] == [
        {"@type": "Organization", "name": "Observatoire d’essai"}
    ]
    assert data["keywords"] == ["déchets", "collecte"]
    assert data["version"] == "1.2.0"
    assert data["dateModified"] == "2026-06-30"
    assert data["dateCreated"] == "2021-03-01"
    assert data["temporalCoverage"] == "2020-01-01/2025-12-31"
    assert data["spatialCoverage"] == {"@type": "Place", "name": "Région d’essai"}
    assert data["isAccessibleForFree"] is True
    downloads = data["distribution"]
    assert all(d["@type"] == "DataDownload" for d in downloads)
    local = downloads[0]
    assert re.fullmatch(
        rf"{BASE}_downloads/[0-9a-f]+/collecte\.csv", local["contentUrl"]
    )
    assert (out / local["contentUrl"].removeprefix(BASE)).is_file()
    assert local["encodingFormat"] == "text/csv"
    assert local["contentSize"] == "8 B"
    assert downloads[1]["encodingFormat"] == "application/geo+json"
    assert [v["name"] for v in data["variableMeasured"]] == [
        "code_commune",
        "annee",
        "tonnage",
    ]
    assert data["variableMeasured"][0] == {
        "@type": "PropertyValue",
        "name": "code_commune",
        "description": "Code officiel de la commune.",
        "alternateName": "Code INSEE",
    }
    assert data["variableMeasured"][2]["description"] == "En tonnes."
    assert data["includedInDataCatalog"] == {
        "@type": "DataCatalog",
        "name": "Portail d’essai",
        "url": BASE,
    }


def test_jsonld_cannot_end_its_script_element(portal: tuple[Path, str]) -> None:
    out, _ = portal
    text = (out / "paquet.html").read_text(encoding="utf-8")
    assert "alert(1)</script>" not in text
    assert "\\u003c/script\\u003e" in text
    (data,) = jsonld(out, "paquet.html")
    assert data["description"] == PACKAGE["description"]
    assert data["distribution"] == [
        {
            "@type": "DataDownload",
            "name": "table",
            "contentUrl": data["distribution"][0]["contentUrl"],
            "encodingFormat": "text/csv",
            "contentSize": "1234 B",
        }
    ]


def test_jsonld_only_on_dataset_pages(portal: tuple[Path, str]) -> None:
    out, _ = portal
    with_data = [page for page in site_pages(out) if jsonld(out, page)]
    assert with_data == ["collecte.html", "paquet.html"]


def test_jsonld_is_data_a_strict_csp_allows(portal: tuple[Path, str]) -> None:
    out, _ = portal
    page = soup(out, "collecte.html")
    inline = [s for s in page.find_all("script") if not s.get("src")]
    assert inline and all(s["type"] == "application/ld+json" for s in inline)


# -- DCAT -----------------------------------------------------------------------------


@pytest.mark.shared
@pytest.mark.parametrize("name", ["catalog.ttl", "catalog.jsonld"])
def test_catalog_passes_the_dcat_ap_shapes(portal: tuple[Path, str], name: str) -> None:
    out, _ = portal
    assert shacl_violations(out / name) == []


def test_catalog_datasets_match_the_pages(portal: tuple[Path, str]) -> None:
    from rdflib import URIRef

    out, _ = portal
    g = graph(out)
    found = {str(d) for d in datasets(g)}
    assert found == {
        f"{BASE}collecte.html#dataset-1",
        f"{BASE}paquet.html#dataset-1",
        f"{BASE}inventaire.html#inventory-2",
        f"{BASE}inventaire.html#inventory-3",
    }
    for page in ("collecte.html", "paquet.html"):
        (data,) = jsonld(out, page)
        node = URIRef(data["identifier"])
        assert objects(g, node, f"{DCAT}landingPage") == [URIRef(data["url"])]
        (title,) = objects(g, node, f"{DCT}title")
        assert str(title) == data["name"]
    # The turtle and the JSON-LD files hold the same graph.
    from rdflib.compare import isomorphic

    assert isomorphic(g, graph(out, "catalog.jsonld"))


def test_catalog_of_the_portal(portal: tuple[Path, str]) -> None:
    from rdflib import RDF, URIRef

    out, _ = portal
    g = graph(out)
    (catalog,) = g.subjects(RDF.type, URIRef(f"{DCAT}Catalog"))
    assert str(catalog) == f"{BASE}#catalog"
    (publisher,) = objects(g, catalog, f"{DCT}publisher")
    assert [
        str(n) for n in objects(g, publisher, "http://xmlns.com/foaf/0.1/name")
    ] == ["Agence d’essai"]
    assert objects(g, catalog, "http://xmlns.com/foaf/0.1/homepage") == [URIRef(BASE)]
    assert objects(g, catalog, f"{DCT}license") == [
        URIRef("https://www.etalab.gouv.fr/licence-ouverte-open-licence/")
    ]
    assert [str(t) for t in objects(g, catalog, f"{DCT}title")] == ["Portail d’essai"]
    assert [str(t) for t in objects(g, catalog, f"{DCT}description")] == [
        "Catalogue des jeux de données de Portail d’essai"
    ]


def test_catalog_dataset_and_distributions(portal: tuple[Path, str]) -> None:
    from rdflib import URIRef

    out, _ = portal
    g = graph(out)
    node = URIRef(f"{BASE}collecte.html#dataset-1")
    assert objects(g, node, f"{DCT}accrualPeriodicity") == [
        URIRef(f"{FREQUENCY}MONTHLY")
    ]
    assert [str(k) for k in objects(g, node, f"{DCAT}keyword")] == [
        "collecte",
        "déchets",
    ]
    assert [str(d) for d in objects(g, node, f"{DCT}issued")] == ["2021-03-01"]
    assert [str(d) for d in objects(g, node, f"{DCT}modified")] == ["2026-06-30"]
    (schema,) = objects(g, node, f"{DCT}conformsTo")
    assert str(schema).startswith(f"{BASE}_downloads/") and str(schema).endswith(
        "/schema.json"
    )
    (period,) = objects(g, node, f"{DCT}temporal")
    assert [str(d) for d in objects(g, period, f"{DCAT}startDate")] == ["2020-01-01"]
    distributions = objects(g, node, f"{DCAT}distribution")
    assert len(distributions) == 4
    by_title = {str(objects(g, d, f"{DCT}title")[0]): d for d in distributions}
    table = by_title["Tableau"]
    assert objects(g, table, f"{DCT}format") == [URIRef(f"{FILE_TYPE}CSV")]
    assert objects(g, table, f"{DCAT}mediaType") == [URIRef(f"{IANA}text/csv")]
    assert [int(s) for s in objects(g, table, f"{DCAT}byteSize")] == [8]
    (download,) = objects(g, table, f"{DCAT}downloadURL")
    assert (out / str(download).removeprefix(BASE)).is_file()
    carte = by_title["Carte"]
    assert objects(g, carte, f"{DCT}format") == [URIRef(f"{FILE_TYPE}GEOJSON")]
    # An unknown format is left out; a resource without a file is reached
    # from the dataset's page.
    assert objects(g, by_title["Archive"], f"{DCT}format") == []
    assert objects(g, by_title["Sans fichier"], f"{DCAT}accessURL") == [
        URIRef(f"{BASE}collecte.html")
    ]
    assert objects(g, by_title["Sans fichier"], f"{DCAT}downloadURL") == []


def test_catalog_inventory_rows(portal: tuple[Path, str]) -> None:
    from rdflib import URIRef

    out, _ = portal
    g = graph(out)
    row = URIRef(f"{BASE}inventaire.html#inventory-3")
    assert objects(g, row, f"{DCAT}landingPage") == [
        URIRef("https://www.data.gouv.fr/fr/datasets/decheteries/")
    ]
    assert objects(g, row, f"{DCT}accrualPeriodicity") == [URIRef(f"{FREQUENCY}CONT")]
    assert [str(d) for d in objects(g, row, f"{DCT}issued")] == ["2025-06-01"]
    (publisher,) = objects(g, row, f"{DCT}publisher")
    assert [
        str(n) for n in objects(g, publisher, "http://xmlns.com/foaf/0.1/name")
    ] == ["Région"]


def test_parallel_build_writes_the_same_files(
    portal: tuple[Path, str], tmp_path: Path
) -> None:
    out, _ = portal
    src = write_portal(tmp_path / "src")
    parallel = tmp_path / "html"
    sphinx(src, parallel, "-j", "2")
    for name in ("catalog.ttl", "catalog.jsonld", "sitemap.xml", "robots.txt"):
        assert (parallel / name).read_text(encoding="utf-8") == (out / name).read_text(
            encoding="utf-8"
        ), name


# -- sitemap, robots.txt, Open Graph ------------------------------------------------


def sitemap(out: Path) -> list[str]:
    text = (out / "sitemap.xml").read_text(encoding="utf-8")
    return re.findall(r"<loc>([^<]+)</loc>", text)


def test_sitemap_lists_every_page(portal: tuple[Path, str]) -> None:
    out, _ = portal
    pages = [p for p in site_pages(out) if p not in ("genindex.html", "search.html")]
    assert sitemap(out) == [f"{BASE}{page}" for page in pages]
    text = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert text.count('hreflang="fr"') == len(pages)
    from xml.etree import ElementTree

    ElementTree.fromstring(text.encode())
    assert (out / "robots.txt").read_text(encoding="utf-8") == (
        f"User-agent: *\nAllow: /\n\nSitemap: {BASE}sitemap.xml\n"
    )


def test_sitemap_of_a_dirhtml_site(tmp_path: Path) -> None:
    src = write_portal(tmp_path / "src")
    out = tmp_path / "dirhtml"
    sphinx(src, out, "-b", "dirhtml")
    assert sitemap(out) == [
        f"{BASE}autre/",
        f"{BASE}collecte/",
        BASE,
        f"{BASE}inventaire/",
        f"{BASE}paquet/",
    ]
    (data,) = jsonld(out, "collecte/index.html")
    assert data["url"] == f"{BASE}collecte/"
    assert (out / "catalog.ttl").is_file()


def test_a_site_robots_txt_is_kept(tmp_path: Path) -> None:
    src = write_portal(tmp_path / "src", CONF + 'html_extra_path = ["extra"]\n')
    (src / "extra").mkdir()
    (src / "extra" / "robots.txt").write_text("User-agent: *\nDisallow:\n")
    out = tmp_path / "html"
    sphinx(src, out)
    assert (out / "robots.txt").read_text() == "User-agent: *\nDisallow:\n"
    assert (out / "sitemap.xml").is_file()


def meta(page: BeautifulSoup) -> dict[str, str]:
    found = {}
    for tag in page.select("meta[property], meta[name]"):
        found[tag.get("property") or tag["name"]] = tag.get("content", "")
    return found


def test_open_graph_on_every_page(portal: tuple[Path, str]) -> None:
    out, _ = portal
    for page in site_pages(out):
        tags = meta(soup(out, page))
        assert tags["og:title"], page
        assert tags["og:type"] == "website"
        assert tags["og:site_name"] == "Portail d’essai"
        assert tags["og:locale"] == "fr_FR"
        assert tags["og:url"] == f"{BASE}{page}", page
        assert tags["og:image"].startswith(BASE), page
        assert tags["twitter:card"] == "summary_large_image"
        assert tags["twitter:title"] == tags["og:title"]


def test_open_graph_summary_and_image(portal: tuple[Path, str]) -> None:
    out, _ = portal
    home = meta(soup(out, "index.html"))
    assert home["og:image"].startswith(f"{BASE}_images/hero")
    assert home["og:description"] == "Le portail d’essai des données."
    other = meta(soup(out, "autre.html"))
    assert other["og:image"] == f"{BASE}_static/logo.png"
    assert (out / "_static" / "logo.png").is_file()
    assert other["og:title"] == "Autre page"
    assert other["og:description"].startswith("Une page sans jeu de données")
    assert other["description"] == other["og:description"]
    dataset = meta(soup(out, "collecte.html"))
    assert dataset["og:description"].startswith("Tonnages de déchets collectés")


# -- docs/ ----------------------------------------------------------------------------

DocsBuild = Callable[..., tuple[Path, str]]


@pytest.mark.slow
def test_docs_machine_outputs(docs_build: DocsBuild) -> None:
    """docs/ sets html_baseurl as Read the Docs would: every output is written,
    the JSON-LD of every dataset page matches the catalogue, which passes the
    DCAT-AP shapes, and every page has its Open Graph tags."""
    from rdflib import URIRef

    out, _ = docs_build("html")
    base = "https://sphinx-circ.readthedocs.io/fr/latest/"
    pages = site_pages(out)
    g = graph(out)
    documented = set()
    for page in pages:
        tags = meta(soup(out, page))
        assert tags["og:url"] == f"{base}{page}" and tags["og:title"], page
        for data in jsonld(out, page):
            assert data["@type"] == "Dataset" and data["url"] == f"{base}{page}"
            assert 50 <= len(data["description"]) <= 5000, page
            assert data["variableMeasured"], page
            assert objects(g, URIRef(data["identifier"]), f"{DCT}title"), page
            documented.add(page)
    assert documented == {
        f"donnees/{name}.html"
        for name in (
            "aires-de-livraison",
            "decheteries",
            "dechets-menagers",
            "filieres-rep",
        )
    }
    inventory = [d for d in datasets(g) if "#inventory-" in str(d)]
    rows = (Path(__file__).parent.parent / "docs" / "inventaire.csv").read_text(
        encoding="utf-8"
    )
    with_url = [line for line in rows.splitlines()[1:] if ",https://" in line]
    assert len(inventory) == len(with_url)
    # Its French frequencies are read in the EU table.
    for row in inventory:
        (frequency,) = objects(g, row, f"{DCT}accrualPeriodicity")
        assert str(frequency).startswith(FREQUENCY), row
    assert len(datasets(g)) == len(documented) + len(with_url)
    assert sitemap(out) == [
        f"{base}{p}" for p in pages if p not in ("genindex.html", "search.html")
    ]
    assert shacl_violations(out / "catalog.ttl") == []


def test_a_site_keeps_its_own_sitemap_and_open_graph_extensions(
    tmp_path: Path,
) -> None:
    """With sphinx-sitemap or sphinxext-opengraph in its extensions, a site
    gets theirs, not twice the same tags or two writers of one file."""
    conf = CONF.replace(
        'extensions = ["sphinx_circ"]',
        'extensions = ["sphinx_circ", "sphinx_sitemap", "sphinxext.opengraph"]\n'
        'sitemap_url_scheme = "{link}"\nogp_social_cards = {"enable": False}',
    )
    src = write_portal(tmp_path / "src", conf)
    out = tmp_path / "html"
    sphinx(src, out, "-D", "suppress_warnings=circ.legal,circ.data")
    page = soup(out, "autre.html")
    assert len(page.select('meta[property="og:title"]')) == 1
    assert page.select('meta[name="twitter:card"]') == []
    text = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "hreflang" not in text and f"<loc>{BASE}autre.html</loc>" in text
    assert f"Sitemap: {BASE}sitemap.xml" in (out / "robots.txt").read_text()
    assert jsonld(out, "collecte.html")


def test_a_block_whose_file_is_missing_is_not_a_dataset(build) -> None:
    conf = CONF.replace("circ_legal", "_legal").replace(
        "html_theme_options", "_options"
    )
    built = build(
        {"index.md": "# Accueil\n\n:::{dataset} absent.json\n:::\n"},
        conf=conf,
        data=True,
    )
    assert [
        w
        for w in built.warnings.splitlines()
        if "WARNING" in w and "[circ.dataset]" not in w
    ] == []
    assert "application/ld+json" not in built.read("index.html")
    assert not (built.outdir / "catalog.ttl").exists()
    assert (built.outdir / "sitemap.xml").is_file()
