"""The dataset block on real published files (``../shared/real-data``).

Every Table Schema and Data Package there is built, and the page is compared
with its source: every field, enum value, pattern and example is shown
character for character, every Markdown link of a description is a link,
and a valid file gives no warning. The files are those published on
schema.data.gouv.fr and by the Frictionless Data community; their sources
and licences are listed in ``real-data/README.md``.
"""

from __future__ import annotations

import json
import re
import shutil
from typing import Any
from urllib.parse import unquote

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import SHARED, require_shared, shared_params

from sphinx_circ.testing import BuiltSite, build_site

REAL_DATA = SHARED / "real-data"

pytestmark = pytest.mark.shared
#: What each file's page must warn about; every other file gives no warning.
EXPECTED_WARNINGS = {
    # A misspelt key, read as meant.
    "table-schemas/MTES-MCT_acceslibre-schema/schema.json": ["'contraints'"] * 2,
    # Constraints written at the field's level.
    "table-schemas/cnigfr_sites-economiques-site-eco/schema.json": [
        "'enum' belongs in 'constraints'"
    ]
    * 5,
    # The packages' data files were not copied beside their descriptors.
    "data-packages/co2-ppm/datapackage.json": ["not found next to the descriptor"] * 6,
    "data-packages/country-codes/datapackage.yml": ["not found next to the descriptor"],
    "data-packages/etalab-irve/datapackage.json": ["not found"] * 4,
    "data-packages/etalab-irve/schema-statique.json": [
        "not found next to the descriptor"
    ]
    * 2,
}


#: What machines are told each file lacks (``circ.data``): descriptions
#: shorter than search engines ask. Every other file gives none.
EXPECTED_DATA_WARNINGS = {
    "data-packages/frictionless-describe/datapackage.json": ["has 0 characters"],
    "table-schemas/etalab_schema-indice-reparabilite/schema.json": [
        "has 47 characters"
    ],
    "table-schemas/etalab_schema-lieux-covoiturage/schema.json": ["has 49 characters"],
}
BASE = "https://donnees.example.fr/"


def sources() -> list[str]:
    return sorted(
        path.relative_to(REAL_DATA).as_posix()
        for path in REAL_DATA.rglob("*")
        if path.suffix in (".json", ".yml", ".yaml") and "SOURCES" not in path.name
    )


#: The files as parameters: without the data, one that fails in CI.
SOURCES = shared_params(sources(), REAL_DATA)


def page_name(source: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", source).strip("-").lower()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    require_shared(REAL_DATA)
    src = tmp_path_factory.mktemp("real-data") / "src"
    shutil.copytree(REAL_DATA, src / "data")
    (src / "conf.py").write_text(
        'extensions = ["sphinx_circ"]\nhtml_theme = "sphinx_circ"\nlanguage = "fr"\n'
        f'exclude_patterns = ["data"]\nhtml_baseurl = "{BASE}"\n',
        encoding="utf-8",
    )
    names = [page_name(source) for source in sources()]
    (src / "index.md").write_text(
        "# Données réelles\n\n```{toctree}\n" + "\n".join(names) + "\n```\n",
        encoding="utf-8",
    )
    for source, name in zip(sources(), names, strict=True):
        (src / f"{name}.md").write_text(
            f"# {name}\n\n:::{{dataset}} data/{source}\n:::\n", encoding="utf-8"
        )
    # The schemas of many producers, not a portal: no legal pages to ask for.
    return build_site(
        src, src.parent / "out", confoverrides={"suppress_warnings": ["circ.legal"]}
    )


def load(source: str) -> Any:
    text = (REAL_DATA / source).read_text(encoding="utf-8")
    return (
        yaml.safe_load(text) if source.endswith((".yml", ".yaml")) else json.loads(text)
    )


def schemas_of(data: dict[str, Any], source: str) -> list[dict[str, Any]]:
    """The Table Schemas a file documents: itself, or its resources' schemas."""
    if "fields" in data:
        return [data]
    found = []
    for resource in data.get("resources", []):
        schema = resource.get("schema")
        if isinstance(schema, str):
            path = (REAL_DATA / source).parent / schema
            schema = (
                load(path.relative_to(REAL_DATA).as_posix()) if path.is_file() else None
            )
        if isinstance(schema, dict):
            found.append(schema)
    return found


def shown(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def code_texts(page: BeautifulSoup) -> set[str]:
    return {code.get_text() for code in page.select("article code")}


@pytest.mark.parametrize("source", SOURCES)
def test_every_value_is_shown_as_written(built: BuiltSite, source: str) -> None:
    page = BeautifulSoup(built.page(f"{page_name(source)}.html"), "html.parser")
    codes = code_texts(page)
    data = load(source)
    for schema in schemas_of(data, source):
        for field in schema["fields"]:
            assert field["name"] in codes, field["name"]
            constraints = {
                **field.get("constraints", {}),
                **field.get("contraints", {}),
            }
            if "enum" in field:
                constraints.setdefault("enum", field["enum"])
            for value in constraints.get("enum", []):
                assert shown(value) in codes, (field["name"], value)
            if "pattern" in constraints:
                assert constraints["pattern"] in codes, field["name"]
            examples = [field["example"]] if "example" in field else []
            more = field.get("examples", [])
            examples += more if isinstance(more, list) else [more]
            for value in examples:
                assert shown(value) in codes, (field["name"], value)


@pytest.mark.parametrize("source", SOURCES)
def test_markdown_links_are_links(built: BuiltSite, source: str) -> None:
    page = BeautifulSoup(built.page(f"{page_name(source)}.html"), "html.parser")
    # Links are written percent-encoded, as a browser would send them.
    hrefs = {unquote(a.get("href", "")) for a in page.select("article a")}
    text = (REAL_DATA / source).read_text(encoding="utf-8")
    for url in re.findall(r"\]\((https?://[^)\s\"]+)\)", text):
        assert url in hrefs, url


@pytest.mark.parametrize("source", SOURCES)
def test_warnings_only_where_the_file_is_wrong(built: BuiltSite, source: str) -> None:
    page = [w for w in built.circ_warnings() if f"/{page_name(source)}.md:" in w]
    for kind, expected in (
        ("dataset", EXPECTED_WARNINGS.get(source, [])),
        ("data", EXPECTED_DATA_WARNINGS.get(source, [])),
    ):
        mine = [w for w in page if f"[circ.{kind}]" in w]
        assert len(mine) == len(expected), mine
        for warning, fragment in zip(mine, expected, strict=True):
            assert fragment in warning


def test_no_other_warning(built: BuiltSite) -> None:
    others = [
        w
        for w in built.warnings
        if "[circ.dataset]" not in w and "[circ.data]" not in w
    ]
    assert others == []


@pytest.mark.parametrize("source", SOURCES)
def test_json_ld_of_every_page(built: BuiltSite, source: str) -> None:
    """schema.org ``Dataset`` data, each name and type as Google reads them."""
    page = BeautifulSoup(built.page(f"{page_name(source)}.html"), "html.parser")
    (script,) = page.select('script[type="application/ld+json"]')
    data = json.loads(script.string)
    assert data["@type"] == "Dataset" and data["name"]
    assert isinstance(data["description"], str) and data["description"]
    assert data["url"] == f"{BASE}{page_name(source)}.html"
    assert data["includedInDataCatalog"]["url"] == BASE
    for download in data.get("distribution", []):
        assert download["@type"] == "DataDownload"
        assert download["contentUrl"].startswith(("https://", "http://"))
    names = [v["name"] for v in data.get("variableMeasured", [])]
    fields = [f["name"] for s in schemas_of(load(source), source) for f in s["fields"]]
    assert names == list(dict.fromkeys(fields))


def test_catalogue_passes_the_dcat_ap_shapes(built: BuiltSite) -> None:
    """One dataset per page, and no violation of SEMIC's DCAT-AP 3.0.1 shapes."""
    from pyshacl import validate
    from rdflib import RDF, Graph, Namespace

    shapes = Graph()
    for name in ("shapes.ttl", "range.ttl"):
        shapes.parse(require_shared(SHARED / "dcat-ap" / name))
    catalogue = Graph().parse(built.outdir / "catalog.ttl")
    dcat = Namespace("http://www.w3.org/ns/dcat#")
    found = {str(d) for d in catalogue.subjects(RDF.type, dcat.Dataset)}
    assert found == {f"{BASE}{page_name(s)}.html#dataset-1" for s in sources()}
    conforms, _graph, text = validate(catalogue, shacl_graph=shapes, inference="none")
    assert conforms, text


def test_values_are_never_smart_quoted(built: BuiltSite) -> None:
    """A pattern with quotes and backslashes keeps both (``scdl_prenoms``)."""
    page = built.page(f"{page_name('table-schemas/scdl_prenoms/schema.json')}.html")
    soup = BeautifulSoup(page, "html.parser")
    patterns = [
        code.get_text()
        for dd in soup.select("dl.circ-dataset__field-facts dd")
        for code in dd.select("code")
        if "\\\\" in code.get_text() or "'" in code.get_text()
    ]
    assert patterns, "no pattern with a backslash or an apostrophe was found"
    assert not any("’" in p or "”" in p for p in patterns)
