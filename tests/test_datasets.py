"""The ``dataset`` block: a Table Schema documented at build time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import OTHER_OUTPUTS, other_output, snapshot, warnings_of

SCHEMA = {
    "name": "collecte",
    "title": "Collecte des déchets par commune",
    "fields": [
        {
            "name": "code_commune",
            "title": "Code INSEE",
            "type": "string",
            "description": "Code officiel de la commune.",
            "example": "75056",
            "constraints": {"required": True, "pattern": "^\\d{5}$"},
        },
        {
            "name": "annee",
            "title": "Année",
            "type": "year",
            "constraints": {"minimum": 2010, "maximum": 2030},
        },
        {
            "name": "flux",
            "type": "string",
            "format": "default",
            "constraints": {"enum": ["verre", "papier"], "unique": False},
        },
        {
            "name": "tonnage",
            "type": "number",
            "constraints": {"minLength": 1, "maxLength": 9},
        },
    ],
}

DESCRIPTOR = {
    "title": "Collecte par commune",
    "producer": "Agence de l'exemple",
    "licenses": [{"name": "etalab-2.0", "title": "Licence Ouverte 2.0"}],
    "frequency": "Annuelle",
    "coverage": "France entière",
    "updated": "2026-06-30",
    "resources": [{"title": "CSV", "path": "https://www.data.gouv.fr/fr/datasets/"}],
    "datagouv": "https://www.data.gouv.fr/fr/datasets/",
}

PAGE = "# Collecte\n\nIntro.\n\n:::{dataset} collecte/schema.json\n:::\n\nSuite.\n"


def files(
    schema: object = SCHEMA, descriptor: object | None = DESCRIPTOR, page: str = PAGE
) -> dict[str, str]:
    out = {"index.md": page}
    out["collecte/schema.json"] = (
        schema if isinstance(schema, str) else json.dumps(schema)
    )
    if descriptor is not None:
        out["collecte/datapackage.json"] = json.dumps(descriptor)
    return out


def facts(entry) -> dict[str, str]:
    """A field entry's facts: term → its text."""
    terms = entry.select("dl.circ-dataset__field-facts > dt")
    return {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in terms
    }


def html(built) -> BeautifulSoup:
    return BeautifulSoup(built.read("index.html"), "html.parser")


def test_dataset_doctree(build, file_regression) -> None:
    built = build(files())
    assert built.warnings == ""
    file_regression.check(snapshot(built), extension=".xml")


def test_metadata_buttons_and_fields(build) -> None:
    built = build(files())
    page = html(built)
    terms = [
        dt.get_text(strip=True) for dt in page.select("dl.circ-dataset__metadata dt")
    ]
    assert terms == [
        "Jeu de données",
        "Producteur",
        "Licence",
        "Fréquence de mise à jour",
        "Couverture",
        "Dernière mise à jour",
        "data.gouv.fr",
    ]
    values = [
        dd.get_text(strip=True) for dd in page.select("dl.circ-dataset__metadata dd")
    ]
    assert values[:6] == [
        "Collecte par commune",
        "Agence de l’exemple",  # typographic apostrophe, as everywhere
        "Licence Ouverte 2.0",
        "Annuelle",
        "France entière",
        "30 juin 2026",
    ]
    # Named links, not raw addresses.
    datagouv = page.select("dl.circ-dataset__metadata dd")[-1].select_one("a")
    assert datagouv.get_text() == "Le jeu de données sur data.gouv.fr"
    # The files come first, above the metadata: the data, then the schema.
    downloads = page.select_one(".circ-dataset__downloads")
    assert downloads.find_next("dl", class_="circ-dataset__metadata") is not None
    heading = downloads.select_one(".circ-dataset__downloads-title")
    assert heading.get_text(strip=True) == "Télécharger les données"
    entries = downloads.select("li.circ-download")
    assert [e.select_one(".circ-download__title").get_text() for e in entries] == [
        "CSV", "Schéma (Table Schema)"
    ]  # fmt: skip
    data, schema = (e.select_one("a.circ-button") for e in entries)
    assert "circ-button--primary" in data["class"]
    assert data["href"] == "https://www.data.gouv.fr/fr/datasets/"
    # Its name says which file (the visible word alone would not).
    assert data.get_text(" ", strip=True) == "Télécharger CSV"
    assert "circ-button--secondary" in schema["class"]
    assert (built.outdir / schema["href"]).is_file()
    facts_line = entries[1].select_one(".circ-download__facts").get_text()
    assert facts_line.startswith("JSON · ") and "octets" in facts_line
    # A summary table of the fields, each linked to its entry.
    table = page.select_one("table.circ-dataset__summary")
    caption = table.select_one("caption .caption-text").get_text(strip=True)
    assert caption == "Champs – Collecte par commune"
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    assert headers == ["Champ", "Titre", "Type", "Obligatoire"]
    # Each cell carries its column's header, shown as a label when the rows
    # stack on a phone (tables.py).
    for tr in table.select("tbody tr"):
        labels = [label.extract().get_text() for label in tr.select(".circ-cell-label")]
        assert labels == headers
    rows = [
        [" ".join(td.get_text().split()) for td in tr.select("td")]
        for tr in table.select("tbody tr")
    ]
    assert rows[0] == ["code_commune", "Code INSEE", "texte (string)", "oui"]
    # A field name may break at its joints, and reads as written.
    name = table.select_one("tbody a code")
    assert str(name.select_one(".pre")) == '<span class="pre">code_<wbr/>commune</span>'
    assert name.get_text() == "code_commune"
    assert [a["href"] for a in table.select("tbody a")] == [
        "#code-commune", "#annee", "#flux", "#tonnage"
    ]  # fmt: skip
    # Then one entry per field, with its anchor.
    entries = page.select(".circ-dataset__field")
    assert [entry["id"] for entry in entries] == [
        "code-commune",
        "annee",
        "flux",
        "tonnage",
    ]
    first = facts(entries[0])
    assert (
        entries[0].select_one(".circ-dataset__field-name code").get_text()
        == "code_commune"
    )
    assert "Code officiel de la commune." in entries[0].get_text()
    assert first["Obligatoire"] == "oui"
    assert first["Motif"] == "^\\d{5}$"
    assert first["Exemple"] == "75056"
    assert facts(entries[1])["Valeurs"] == "≥ 2010 et ≤ 2030"
    assert facts(entries[2])["Type"] == "texte ( string )"
    values = [li.get_text() for li in entries[2].select("dd li")]
    assert values == ["verre", "papier"]
    assert facts(entries[3])["Longueur"] == "≥ 1 et ≤ 9"
    text = page.select_one("article").get_text()
    assert text.index("Intro.") < text.index("code_commune") < text.index("Suite.")


def test_options_override_the_descriptor(build) -> None:
    page = PAGE.replace(
        ":::{dataset} collecte/schema.json\n",
        ":::{dataset} collecte/schema.json\n:producer: Autre producteur\n"
        ":download: Fichier Excel <https://example.org/f.xlsx>\n",
    )
    built = build(files(page=page))
    assert built.warnings == ""
    soup = html(built)
    assert "Autre producteur" in soup.select_one("dl.circ-dataset__metadata").get_text()
    button, _schema = soup.select(".circ-download a.circ-button")
    assert button["href"] == "https://example.org/f.xlsx"
    assert button.get_text(" ", strip=True) == "Télécharger Fichier Excel (XLSX)"


def test_yaml_schema(build) -> None:
    import yaml

    page = PAGE.replace("schema.json", "schema.yaml")
    out = files(page=page, descriptor=None)
    del out["collecte/schema.json"]
    out["collecte/schema.yaml"] = yaml.safe_dump(SCHEMA, allow_unicode=True)
    built = build(out)
    assert built.warnings == ""
    assert len(html(built).select(".circ-dataset__field")) == 4


def test_editing_the_schema_rebuilds_the_page(build) -> None:
    built = build(files())
    app = built.app
    reread: list[str] = []
    app.connect(
        "env-before-read-docs", lambda _a, _e, docnames: reread.extend(docnames)
    )
    schema_path = Path(app.srcdir) / "collecte" / "schema.json"
    changed = dict(
        SCHEMA, fields=[*SCHEMA["fields"], {"name": "nouveau", "type": "integer"}]
    )
    schema_path.write_text(json.dumps(changed), encoding="utf-8")
    app.build()
    assert reread == ["index"]
    assert html(built).find(id="nouveau") is not None


@pytest.mark.parametrize(
    ("builder", "output"),
    OTHER_OUTPUTS,
)
def test_tables_survive_other_outputs(build, builder: str, output: str) -> None:
    text = other_output(build, files(), builder, output)
    for expected in (
        "Producteur",
        "Licence Ouverte 2.0",
        "Code INSEE",
        "annee",
        "tonnage",
        "Obligatoire",
    ):
        assert expected in text.replace(r"\_", "_"), (builder, expected)


# -- bad input -------------------------------------------------------------------


def test_missing_file(build) -> None:
    out = files()
    del out["collecte/schema.json"]
    built = build(out)
    (warning,) = warnings_of(built, "dataset")
    assert (
        "index.md:5: WARNING: dataset schema: file 'schema.json' not found" in warning
    )
    page = html(built)
    assert page.select_one(".circ-dataset__missing") is not None
    assert "Suite." in page.get_text()


def test_invalid_json(build) -> None:
    built = build(files(schema='{"fields": [\n  {"name": "a",}\n]}'))
    (warning,) = warnings_of(built, "dataset")
    assert (
        "index.md:5: WARNING: dataset schema: 'schema.json' is not valid JSON"
        in warning
    )
    assert "line 2" in warning


def test_invalid_yaml(build) -> None:
    out = files(page=PAGE.replace("schema.json", "schema.yaml"), descriptor=None)
    out["collecte/schema.yaml"] = "fields: [a, b\n  c: ]"
    built = build(out)
    (warning,) = warnings_of(built, "dataset")
    assert "is not valid YAML" in warning


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        ({"fields": {"name": "a"}}, "'fields' must be a list"),
        ([1, 2], "must be an object with a 'fields' list"),
        ({"fields": []}, "'fields' is empty"),
        (
            {"fields": [{"name": "a", "type": "text"}]},
            "fields[0] (a) has unknown type 'text'",
        ),
        ({"fields": [{"type": "string"}]}, "fields[0] has no 'name'"),
        ({"fields": ["a"]}, "fields[0] must be an object, not str"),
        (
            {"fields": [{"name": "a", "constraints": []}]},
            "'constraints' must be an object",
        ),
        (
            {"fields": [{"name": "a", "constraints": {"enum": "x"}}]},
            "'enum' must be a list",
        ),
    ],
)
def test_schema_breaking_the_specification(build, schema: object, message: str) -> None:
    built = build(files(schema=schema))
    warnings = warnings_of(built, "dataset")
    assert any(message in w and "index.md:5: WARNING:" in w for w in warnings), warnings
    assert "Traceback" not in built.warnings


def test_field_without_name_is_still_shown(build) -> None:
    schema = {"fields": [{"type": "string", "title": "Sans nom"}, {"name": "b"}]}
    built = build(files(schema=schema))
    rows = html(built).select(".circ-dataset__field")
    assert len(rows) == 2
    assert "champ sans nom 1" in rows[0].get_text()
    assert "Sans nom" in rows[0].get_text()


def test_user_strings_are_escaped(build) -> None:
    schema = {
        "fields": [{"name": "<b>x</b>", "description": "<script>alert(1)</script>"}]
    }
    built = build(files(schema=schema))
    raw = built.read("index.html")
    assert "<script>alert(1)</script>" not in raw
    assert "&lt;script&gt;" in raw


def test_an_unchanged_project_is_not_read_again(build) -> None:
    """Without a datapackage.json, nothing missing is recorded as a dependency."""
    built = build(files(descriptor=None))
    reread: list[str] = []
    built.app.connect(
        "env-before-read-docs", lambda _a, _e, docnames: reread.extend(docnames)
    )
    built.app.build()
    assert reread == []


# -- Data Packages, keys and Markdown -------------------------------------------

PACKAGE = {
    "name": "collectes",
    "title": "Collectes",
    "description": "Deux tables, voir [le guide](https://example.org/guide).",
    "contributors": [{"title": "Agence", "role": "publisher"}],
    "licenses": [
        {
            "name": "etalab-2.0",
            "title": "Licence Ouverte 2.0",
            "path": "https://example.org/lo",
        }
    ],
    "resources": [
        {
            "name": "communes",
            "title": "Par commune",
            "path": ["communes-1.csv", "communes-2.csv"],
            "format": "csv",
            "schema": {"fields": [{"name": "code", "type": "string"}]},
        },
        {
            "name": "regions",
            "path": "https://example.org/regions.csv",
            "schema": "regions-schema.json",
        },
    ],
}


def package_files(page: str = "") -> dict[str, str]:
    return {
        "index.md": page or "# Paquet\n\n:::{dataset} paquet/datapackage.json\n:::\n",
        "paquet/datapackage.json": json.dumps(PACKAGE),
        "paquet/communes-1.csv": "code\n75056\n",
        "paquet/communes-2.csv": "code\n13055\n",
        "paquet/regions-schema.json": json.dumps(
            {
                "fields": [
                    {
                        "name": "region",
                        "type": "integer",
                        "contraints": {"required": True},
                    }
                ]
            }
        ),
    }


def test_a_data_package_documents_every_resource(build) -> None:
    built = build(package_files())
    warnings = warnings_of(built, "dataset")
    assert (
        len(warnings) == 1
        and "unknown key 'contraints'; read as 'constraints'" in warnings[0]
    )
    page = html(built)
    assert (
        page.select_one(".circ-dataset__description a")["href"]
        == "https://example.org/guide"
    )
    assert "Agence (éditeur)" in page.get_text()
    assert (
        page.find("a", string="Licence Ouverte 2.0")["href"] == "https://example.org/lo"
    )
    headings = [h.get_text(strip=True) for h in page.select(".circ-dataset__resource")]
    assert headings == ["Par commune", "regions"]
    # Both parts of the first resource are copied into the build, with sizes,
    # in the downloads at the top, with the remote file and the descriptor.
    entries = page.select(".circ-dataset__downloads li.circ-download")
    titles = [e.select_one(".circ-download__title").get_text() for e in entries]
    assert titles == [
        "Par commune (1)", "Par commune (2)", "regions", "Descripteur (Data Package)"
    ]  # fmt: skip
    parts = [e.select_one("a.download") for e in entries[:2]]
    assert all((built.outdir / a["href"]).is_file() for a in parts)
    assert entries[0].select_one(".circ-download__facts").get_text() == (
        "CSV · 11\u00a0octets"
    )
    assert entries[2].select_one("a")["href"] == "https://example.org/regions.csv"
    # Inline and relative schemas are both documented; the misspelt key counts.
    entries = page.select(".circ-dataset__field")
    assert [e.select_one("code").get_text() for e in entries] == ["code", "region"]
    assert facts(entries[1])["Obligatoire"] == "oui"


def test_one_resource_of_a_package(build) -> None:
    page = "# Paquet\n\n:::{dataset} paquet/datapackage.json\n:resource: regions\n:::\n"
    built = build(package_files(page))
    assert [e["id"] for e in html(built).select(".circ-dataset__field")] == ["region"]
    titles = [t.get_text() for t in html(built).select(".circ-download__title")]
    assert titles == ["regions", "Descripteur (Data Package)"]
    page = page.replace("regions", "departements")
    built = build(package_files(page))
    assert any(
        "no resource named 'departements'" in w for w in warnings_of(built, "dataset")
    )


def test_a_json_schema_is_named_as_such(build) -> None:
    schema = {"$schema": "http://json-schema.org/draft-07/schema#", "properties": {}}
    built = build(files(schema=schema))
    (warning,) = warnings_of(built, "dataset")
    assert "is a JSON Schema, not a Table Schema" in warning


def test_keys_out_of_place_are_read_and_other_keys_shown(build) -> None:
    schema = {
        "custom_checks": [{"name": "french-siret-value"}],
        "fields": [{"name": "a", "enum": ["x", "y"], "profiles": ["Commune"]}],
    }
    built = build(files(schema=schema, descriptor=None))
    (warning,) = warnings_of(built, "dataset")
    assert "'enum' belongs in 'constraints'" in warning
    entry = html(built).select_one(".circ-dataset__field")
    assert facts(entry)["Valeurs autorisées"] == "x y"
    assert facts(entry)["profiles"] == '["Commune"]'
    assert (
        "french-siret-value"
        in html(built).select_one("dl.circ-dataset__metadata").get_text()
    )


def test_descriptions_are_markdown_without_raw_html(build) -> None:
    schema = {
        "fields": [
            {
                "name": "a",
                "description": "Voir [ici](https://example.org/a) et <b>gras</b>.\n\n- un\n- deux",
            }
        ]
    }
    built = build(files(schema=schema, descriptor=None))
    description = html(built).select_one(
        ".circ-dataset__field .circ-dataset__description"
    )
    assert description.select_one("a")["href"] == "https://example.org/a"
    assert description.select_one("b") is None
    assert "<b>gras</b>" in description.get_text()
    assert [li.get_text(strip=True) for li in description.select("li")] == [
        "un",
        "deux",
    ]


def test_descriptors_of_the_wrong_shape_never_break_the_build(build) -> None:
    """Every key holding the wrong kind of value: shown or skipped, never a traceback."""
    schema = {
        "title": ["pas", "un", "texte"],
        "description": 12,
        "contributors": "Agence",
        "licenses": {"title": "LO"},
        "keywords": "un mot",
        "sources": [1, None],
        "missingValues": "NA",
        "primaryKey": {"a": 1},
        "foreignKeys": [{"fields": {"x": 1}, "reference": "ailleurs"}, 3],
        "resources": "exemple.csv",
        "fields": [
            {
                "name": 5,
                "title": None,
                "type": ["string"],
                "examples": {"a": 1},
                "constraints": {"enum": "x", "minimum": {"y": 2}, "pattern": 3},
                "trueValues": "oui",
            },
            {"name": "b", "description": ["liste"], "arrayItem": 7},
        ],
    }
    built = build(files(schema=schema, descriptor=None))
    assert "Traceback" not in built.warnings
    assert all("[circ.dataset]" in w for w in warnings_of(built, "dataset"))
    assert any("'enum' must be a list" in w for w in warnings_of(built, "dataset"))
    entries = html(built).select(".circ-dataset__field")
    assert [e.select_one("code").get_text() for e in entries] == ["5", "b"]
    assert facts(entries[0])["Exemple"] == '{"a": 1}'


def test_equal_length_bounds_read_as_an_exact_length(build) -> None:
    schema = json.loads(json.dumps(SCHEMA))
    schema["fields"][0]["constraints"] = {"minLength": 5, "maxLength": 5}
    schema["fields"][3]["constraints"] = {"minLength": 1, "maxLength": 1}
    page = html(build(files(schema=schema)))
    entries = page.select(".circ-dataset__field")
    assert facts(entries[0])["Longueur"] == "exactement 5 caractères"
    assert facts(entries[3])["Longueur"] == "exactement 1 caractère"


def test_a_field_without_title_is_summed_up_by_its_description(build) -> None:
    schema = json.loads(json.dumps(SCHEMA))
    del schema["fields"][0]["title"]
    schema["fields"][0]["description"] = (
        "Code officiel de la commune. Il compte cinq chiffres.\n\nSuite."
    )
    page = html(build(files(schema=schema)))
    row = page.select_one("table.circ-dataset__summary tbody tr")
    for label in row.select(".circ-cell-label"):
        label.extract()
    assert [" ".join(td.get_text().split()) for td in row.select("td")][1] == (
        "Code officiel de la commune."
    )


def test_licences_known_by_their_identifier_are_named_and_linked(build) -> None:
    descriptor = json.loads(json.dumps(DESCRIPTOR))
    descriptor["licenses"] = [{"name": "ODbL-1.0"}]
    page = html(build(files(descriptor=descriptor)))
    link = page.find("a", string="Open Database License (ODbL) 1.0")
    assert link["href"] == "https://opendatacommons.org/licenses/odbl/1-0/"


def test_patterns_values_and_examples_are_marked_for_copying(build) -> None:
    page = html(build(files()))
    copyable = [c.get_text() for c in page.select("code.circ-copyable")]
    assert "^\\d{5}$" in copyable and "75056" in copyable
    assert "verre" in copyable and "papier" in copyable
    words = page.select_one(".circ-dataset__filter")
    assert words["data-circ-copy"] == "Copier"
    assert words["data-circ-announce"] == "Copié\u00a0: {value}"


def test_a_large_schema_gets_a_letter_index_in_the_contents(build) -> None:
    schema = json.loads(json.dumps(SCHEMA))
    names = [f"{letter}champ_{n}" for letter in "bacé" for n in range(12)]
    schema["fields"] = [{"name": name, "type": "string"} for name in names]
    schema["primaryKey"] = []
    built = build(files(schema=schema, descriptor=None))
    page = html(built)
    index = page.select_one(".circ-dataset__index")
    initials = [p.select_one("strong").get_text() for p in index.select("p")]
    assert initials == ["A", "B", "C", "E"]  # "é" files under E
    first = index.select("p")[0].select("a")
    assert [a.get_text() for a in first][:2] == ["achamp_0", "achamp_1"]
    assert all(page.select_one(a["href"]) is not None for a in index.select("a"))
    # "On this page" leads to each initial.
    toc = [a.get_text() for a in page.select("nav.page-toc a")]
    assert [t for t in toc if len(t) == 1] == ["A", "B", "C", "E"]
    small = html(build(files()))
    assert small.select_one(".circ-dataset__index") is None


def test_a_resource_without_a_file_is_documented_without_a_download(build) -> None:
    descriptor = {
        "title": "Paquet",
        "resources": [
            {"name": "sans-fichier", "schema": {"fields": [{"name": "code"}]}},
        ],
    }
    out = {
        "index.md": "# Paquet\n\n:::{dataset} paquet/datapackage.json\n:::\n",
        "paquet/datapackage.json": json.dumps(descriptor),
    }
    built = build(out)
    assert warnings_of(built, "dataset") == []
    page = html(built)
    titles = [t.get_text() for t in page.select(".circ-download__title")]
    assert titles == ["Descripteur (Data Package)"]
    assert [e["id"] for e in page.select(".circ-dataset__field")] == ["code"]


def test_without_files_the_page_leads_to_data_gouv(build) -> None:
    descriptor = json.loads(json.dumps(DESCRIPTOR))
    descriptor["resources"] = []
    page = html(build(files(descriptor=descriptor)))
    first = page.select_one(".circ-download")
    assert first.select_one(".circ-download__title").get_text() == (
        "Les fichiers sur data.gouv.fr"
    )
    button = first.select_one("a.circ-button")
    assert button["href"] == DESCRIPTOR["datagouv"]
    assert button.get_text(" ", strip=True).startswith("Voir ")
