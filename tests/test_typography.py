"""French typography on French pages: apostrophes and no-break spaces.

Small projects check each rule on the doctree, exactly; the checks that scan
built HTML (``curled_apostrophes``, ``breakable_spaces``) are run on docs/ in
``test_docs_typography`` and shown, here, to catch the defects they are for.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from conftest import REPO, require
from docutils import nodes

from sphinx_circ import typography

NB, NN = "\u00a0", "\u202f"
REAL_DATA = REPO.parent / "shared" / "real-data" / "table-schemas"

PAGE = """
# Typographie

Consultez l'[inventaire](index.md), d'`exemple` ou l'*accueil* et l'{abbr}`INSEE (Institut)`.

Une question ? Oui ; non ! Voici : « citation » et «collé», puis "cité".

Voir **ceci** ; puis [le lien](index.md) ? et «`x`» ou « [lien](index.md) ».
Une fin de ligne
: puis la suite.

Du code `a ; b : c ? « d » l'e` et <https://example.org/a?b=1> restent.

```text
Un bloc ; de code : « tel quel » l'a
```

{math}`a : b ; c`

<pre>brut ; : ?</pre>
"""

EXPECTED = [
    "Typographie",
    "Consultez l’inventaire, d’exemple ou l’accueil et l’INSEE.",
    f"Une question{NN}? Oui{NN}; non{NN}! Voici{NB}: «{NB}citation{NB}» et «{NB}collé{NB}», "
    f"puis «{NB}cité{NB}».",
    f"Voir ceci{NN}; puis le lien{NN}? et «{NB}x{NB}» ou «{NB}lien{NB}».\n"
    f"Une fin de ligne{NB}: puis la suite.",
    "Du code a ; b : c ? « d » l'e et https://example.org/a?b=1 restent.",
]


def texts(built: Any, docname: str = "index") -> list[str]:
    """The title and each paragraph of a page, as the doctree holds them."""
    doctree = built.doctree(docname)
    return [
        node.astext()
        for node in doctree.findall(
            lambda n: isinstance(n, nodes.title | nodes.paragraph)
        )
    ]


def build_page(build: Any, page: str = PAGE, **conf: str) -> Any:
    settings = {"language": "fr", **conf}
    conf_py = 'extensions = ["sphinx_circ"]\nhtml_theme = "sphinx_circ"\n' + "".join(
        f"{key} = {value!r}\n" for key, value in settings.items()
    )
    built = build({"index.md": page}, conf=conf_py)
    assert built.warnings == "", built.warnings
    return built


# -- HTML checks ---------------------------------------------------------------

#: Not prose: never typeset, never checked (nor maths, by its class).
CODE = {"code", "pre", "kbd", "samp", "script", "style", "template", "textarea", "svg"}
INLINE = {"a", "abbr", "b", "bdi", "cite", "em", "i", "label", "mark", "q", "s",
          "small", "span", "strong", "sub", "sup", "time", "u"}  # fmt: skip


def prose(html: str) -> str:
    """The body's text; code as ``\\x00``, each block's edges as ``\\x01``."""
    parts: list[str] = []

    def walk(element: Tag) -> None:
        for child in element.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                parts.append(str(child))
            elif isinstance(child, Tag) and (
                child.name in CODE or "math" in (child.get("class") or [])
            ):
                parts.append("\x00")
            elif isinstance(child, Tag):
                edge = "" if child.name in INLINE else "\x01"
                parts.append(edge)
                walk(child)
                parts.append(edge)

    body = BeautifulSoup(html, "html.parser").body
    assert body is not None
    walk(body)
    return "".join(parts)


def around(text: str, match: re.Match[str]) -> str:
    return text[max(0, match.start() - 30) : match.end() + 10]


def curled_apostrophes(html: str) -> list[str]:
    """``l”inventaire``, ``l”`code```: an apostrophe SmartQuotes took for a quote."""
    text = prose(html)
    return [
        around(text, m) for m in re.finditer(r"[^\W\d_][”“](?=[^\W\d_]|\x00)", text)
    ]


def breakable_spaces(html: str) -> list[str]:
    """An ordinary space before ``; ! ? : »`` or after ``«``, in prose."""
    text = prose(html)
    pattern = r"[^\s\x00\x01][ \t\r\n]+[;!?:»]|«[ \t\r\n]"
    return [around(text, m) for m in re.finditer(pattern, text)]


# -- The rules -----------------------------------------------------------------


def test_rules_on_a_french_page(build: Any) -> None:
    built = build_page(build)
    assert texts(built)[: len(EXPECTED)] == EXPECTED
    html = built.read("index.html")
    assert curled_apostrophes(html) == []
    assert breakable_spaces(html) == []


def test_code_math_raw_and_urls_are_left_as_written(build: Any) -> None:
    built = build_page(build)
    doctree = built.doctree("index")
    literals = [node.astext() for node in doctree.findall(nodes.literal)]
    assert "a ; b : c ? « d » l'e" in literals
    blocks = [node.astext() for node in doctree.findall(nodes.literal_block)]
    assert blocks == ["Un bloc ; de code : « tel quel » l'a\n"]
    assert [node.astext() for node in doctree.findall(nodes.math)] == ["a : b ; c"]
    assert [n.astext() for n in doctree.findall(nodes.raw)] == [
        "<pre>brut ; : ?</pre>\n"
    ]
    links = [n.astext() for n in doctree.findall(nodes.reference)]
    assert "https://example.org/a?b=1" in links


def test_the_checks_catch_what_the_transforms_fix(build: Any, monkeypatch) -> None:
    """Without the transforms, both HTML checks find the defects on the page."""
    monkeypatch.setattr(typography.FrenchApostrophes, "apply", lambda self: None)
    monkeypatch.setattr(typography.FrenchSpacing, "apply", lambda self: None)
    html = build_page(build).read("index.html")
    curled = curled_apostrophes(html)
    assert any("l”inventaire" in found for found in curled), curled
    assert any("d”\x00" in found for found in curled), curled
    spaces = breakable_spaces(html)
    assert any("question ?" in found for found in spaces), spaces
    assert any("ceci ;" in found for found in spaces), spaces
    assert any("ligne\n:" in found for found in spaces), spaces
    # Code keeps its spaces with the transforms too: the check skips it.
    assert not any("a ; b" in found for found in spaces), spaces


def test_english_pages_keep_their_spaces(build: Any) -> None:
    built = build_page(build, language="en")
    found = texts(built)
    assert "Une question ? Oui ; non ! Voici : « citation » et «collé»" in found[2]
    assert NB not in "".join(found[1:5]) and NN not in "".join(found[1:5])


def test_canadian_french_follows_the_same_rules(build: Any) -> None:
    assert texts(build_page(build, language="fr_CA"))[: len(EXPECTED)] == EXPECTED


def test_swiss_french_has_narrow_spaces_and_none_added_in_guillemets(
    build: Any,
) -> None:
    found = texts(build_page(build, language="fr_CH"))
    assert found[2].startswith(
        f"Une question{NN}? Oui{NN}; non{NN}! Voici{NN}: «{NN}citation{NN}» et «collé»"
    )


def test_a_passage_marked_in_another_language_is_left_alone(build: Any) -> None:
    page = "# Titre\n\n{.language-en}\nIs it? Yes: it is.\n\nEst-ce ? Oui.\n"
    found = texts(build_page(build, page=page))
    assert found[1:] == ["Is it? Yes: it is.", f"Est-ce{NN}? Oui."]


def test_without_smart_quotes_apostrophes_stay_as_typed(build: Any) -> None:
    """The site (or a builder, text and man by default) keeps ASCII quotes: the
    apostrophes stay ASCII too, but the spaces are still French."""
    page = "# Titre\n\nConsultez l'[inventaire](index.md) ; ici.\n"
    found = texts(build_page(build, page=page, smartquotes=False))  # type: ignore[arg-type]
    assert found[1] == f"Consultez l'inventaire{NN}; ici."


# -- Every builder ---------------------------------------------------------------

OUTPUTS = [
    ("text", "index.txt"),
    ("man", "projet.1"),
    ("texinfo", "projet.texi"),
    ("latex", "projet.tex"),
    ("epub", "index.xhtml"),
    ("singlehtml", "index.html"),
    ("dirhtml", "index.html"),
]


@pytest.mark.parametrize(("builder", "output"), OUTPUTS)
def test_every_builder_gets_the_spaces(build: Any, builder: str, output: str) -> None:
    page = "# Titre\n\nUne question ? Oui ; voici : « ceci ».\n"
    conf = (
        'extensions = ["sphinx_circ"]\nproject = "Projet"\nversion = "1"\n'
        'copyright = "2026"\nlanguage = "fr"\n'
    )
    built = build({"index.md": page}, buildername=builder, conf=conf)
    assert built.warnings == ""
    text = built.read(output)
    if builder == "man":
        # The man writer spells U+00A0 as groff's unbreakable space.
        assert f"Une question{NN}? Oui{NN}; voici\\ : «\\ ceci\\ »" in text
    else:
        assert f"Une question{NN}? Oui{NN}; voici{NB}: «{NB}ceci{NB}»" in text
    if builder == "latex":
        assert text.count("\\DeclareUnicodeCharacter{202F}") == 1


def test_gettext_messages_keep_the_source_text(build: Any) -> None:
    """Translators see what the author wrote, not its typesetting."""
    page = "# Titre\n\nUne question ? Oui, l'[index](index.md).\n"
    conf = 'extensions = ["sphinx_circ"]\nlanguage = "fr"\n'
    built = build({"index.md": page}, buildername="gettext", conf=conf)
    catalog = built.read("index.pot")
    assert 'msgid "Une question ? Oui, l\'[index](index.md)."' in catalog
    assert NB not in catalog and NN not in catalog


def test_a_site_declaring_the_narrow_space_itself_keeps_its_own(build: Any) -> None:
    own = r"\DeclareUnicodeCharacter{202F}{\,}"
    conf = (
        'extensions = ["sphinx_circ"]\nproject = "Projet"\nlanguage = "fr"\n'
        f"latex_elements = {{'preamble': {own!r}}}\n"
    )
    built = build(
        {"index.md": "# Titre\n\nOui ; non.\n"}, buildername="latex", conf=conf
    )
    tex = built.read("projet.tex")
    assert tex.count("{202F}") == 1 and own in tex


# -- Values from data files ------------------------------------------------------

#: Published schemas whose values hold quotes, apostrophes, guillemets, ``:`` and ``?``.
SCHEMAS = (
    "CEREMA_schema-aire-livraison",  # « » ’ ' " in a pattern, 'quoted' examples
    "cnigfr_sites-economiques-site-eco",  # "… existe : ZAC …" as an example
    "scdl_prenoms",  # L' and '? in patterns
    "atlasante_schema-dae",  # (?:…)? in patterns
)


def schema_values(schema: dict[str, Any]) -> Iterator[str]:
    for field in schema["fields"]:
        constraints = field.get("constraints", {})
        examples = [field["example"]] if "example" in field else []
        more = field.get("examples", [])
        examples += more if isinstance(more, list) else [more]
        for value in [*constraints.get("enum", []), *examples]:
            yield (
                value
                if isinstance(value, str)
                else json.dumps(value, ensure_ascii=False)
            )
        if "pattern" in constraints:
            yield constraints["pattern"]


def build_real_schemas(build: Any) -> tuple[Any, dict[str, list[str]]]:
    require(REAL_DATA.is_dir(), "the shared real data are not beside the repository")
    files = {}
    values = {}
    for name in SCHEMAS:
        text = (REAL_DATA / name / "schema.json").read_text(encoding="utf-8")
        files[f"{name}/schema.json"] = text
        files[f"{name}.md"] = f"# {name}\n\n:::{{dataset}} {name}/schema.json\n:::\n"
        values[name] = list(schema_values(json.loads(text)))
    toctree = "\n".join(SCHEMAS)
    files["index.md"] = f"# Schémas\n\n```{{toctree}}\n{toctree}\n```\n"
    return build(files), values


def changed_values(built: Any, values: dict[str, list[str]]) -> list[str]:
    """The values of each schema not found, character for character, in code."""
    missing = []
    for name, expected in values.items():
        page = BeautifulSoup(built.read(f"{name}.html"), "html.parser")
        codes = {code.get_text() for code in page.select("article code")}
        missing += [value for value in expected if value not in codes]
    return missing


def test_values_from_data_files_are_shown_as_written(build: Any) -> None:
    built, values = build_real_schemas(build)
    assert sum(map(len, values.values())) > 50
    tricky = [v for vs in values.values() for v in vs if re.search(r"['\"«:?]", v)]
    assert any(" : " in v for v in tricky) and any("«" in v for v in tricky)
    assert changed_values(built, values) == []
    # The descriptions around them are prose, and typeset.
    page = built.read("CEREMA_schema-aire-livraison.html")
    assert f"signifie{NB}:" in page


def test_the_value_check_catches_a_typeset_value(build: Any, monkeypatch) -> None:
    """Were code typeset like prose, the check would find the changed values."""
    monkeypatch.setattr(typography.Block, "editable", lambda self, index: True)
    built, values = build_real_schemas(build)
    changed = changed_values(built, values)
    assert any("existe : ZAC" in value for value in changed), changed


# -- docs/ -----------------------------------------------------------------------


@pytest.mark.slow
def test_docs_typography(docs_build: Any) -> None:
    """Every page of the French portal: no curled apostrophe, no breakable space
    before French punctuation; in English, the French rules do not apply."""
    out, _ = docs_build("html")
    pages = [p for p in sorted(out.rglob("*.html")) if "_static" not in p.parts]
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        name = path.relative_to(out).as_posix()
        assert curled_apostrophes(html) == [], name
        assert breakable_spaces(html) == [], name
    # The same build as test_docs' English one (circ.language says so, on purpose).
    english, _ = docs_build(
        "html", "-D", "language=en", "-D", "suppress_warnings=circ.language"
    )
    faq = (english / "faq" / "index.html").read_text(encoding="utf-8")
    assert breakable_spaces(faq), "the English build has French spacing"
    assert NN not in prose(faq)
