"""Property-based fuzzing: generated arguments, options and content for every block.

Hypothesis writes 2,000 documents; they are built together in one Sphinx
project (a build per document would take hours), and no exception may escape
from any of them, whatever the input.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

DOCUMENTS = 2000

# Text that stresses parsers: markup characters, quotes, HTML, schemes, accents.
ALPHABET = st.sampled_from(
    [
        *list("abcXYZ éàÉç09 -_/.:#<>&\"'`*{}[]()\\|=;,!?%@\t"),
        "javascript:",
        "data:",
        "\u202e",
        "…",
    ]
)
TEXT = st.lists(ALPHABET, max_size=30).map("".join)
LINE = TEXT.map(lambda text: text.replace("\n", " "))
WORDS = {
    "align": ["left", "center", "right", "centre"],
    "style": ["default", "color", "grey", "dark", "white", "section-grey"],
    "variant": ["primary", "secondary", "outline", "tertiary", "button-outline"],
    "size": ["small", "medium", "large", "sm"],
    "icon": ["download", "person", "arrow-right"],
}


def option(name: str) -> st.SearchStrategy[str]:
    value = st.one_of(st.sampled_from(WORDS.get(name, ["x"])), LINE, st.just(""))
    return value.map(lambda text: f":{name}: {text}".rstrip())


def options(names: list[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(names).flatmap(option), max_size=4)


TARGETS = st.one_of(
    st.sampled_from(["https://example.org", "mailto:a@b.fr", "autre", "/autre.html", "#x", "",
                     "javascript:alert(1)", "JAVA\tSCRIPT:x", "data:text/html,x", "faq/", "../x"]),
    LINE,
)  # fmt: skip
CONTENT = st.lists(
    st.one_of(
        LINE,
        st.sampled_from(
            ["# Titre", "## Sous-titre", "### Plus bas", "", "- item", "Texte."]
        ),
    ),
    max_size=6,
).map("\n".join)


def fence(colons: int, name: str, argument: str, opts: list[str], body: str) -> str:
    marks = ":" * colons
    return "\n".join([f"{marks}{{{name}}} {argument}".rstrip(), *opts, "", body, marks])


@st.composite
def block(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(st.sampled_from(["hero", "section", "button", "persona-tabs", "persona",
                                 "dataset", "dataset-inventory", "data-request", "role"]))  # fmt: skip
    colons = 3 + (2 - depth) * 2
    if kind == "role":
        role = draw(st.sampled_from(["button", "button-outline", "button-secondary"]))
        return f"Texte {{{role}}}`{draw(LINE)} <{draw(TARGETS)}>` fin."
    if kind == "button":
        return fence(3, "button", draw(TARGETS), draw(options(["variant", "size", "icon", "new-tab", "class"])),
                     draw(LINE))  # fmt: skip
    if kind in ("dataset", "dataset-inventory"):
        path = draw(
            st.one_of(
                st.sampled_from(["schema.json", "inventaire.csv", "absent.json", ""]),
                LINE,
            )
        )
        return fence(
            3, kind, path, draw(options(["title", "producer", "download", "class"])), ""
        )
    if kind == "data-request":
        return fence(
            3, kind, "", draw(options(["email", "url", "subject"])), draw(LINE)
        )
    if kind == "persona":
        return fence(colons, "persona", draw(LINE), draw(options(["key", "page", "icon", "summary", "selected"])),
                     draw(CONTENT))  # fmt: skip
    inner = ""
    if depth < 2 and draw(st.booleans()):
        inner = "\n\n".join(draw(st.lists(block(depth + 1), max_size=2)))
    names = {"hero": ["image", "image-alt", "align", "class"], "section": ["style", "name", "class"],
             "persona-tabs": ["selected", "sync-group", "label", "class"]}[kind]  # fmt: skip
    return fence(colons, kind, "", draw(options(names)), draw(CONTENT) + "\n\n" + inner)


@st.composite
def document(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(block(), min_size=1, max_size=3))
    return "---\norphan: true\n---\n\n" + "\n\n".join(blocks) + "\n"


def test_no_exception_escapes_from_generated_documents(
    make_app, tmp_path: Path
) -> None:
    documents: list[str] = []

    @settings(max_examples=DOCUMENTS, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(document())
    def collect(text: str) -> None:
        documents.append(text)

    collect()
    assert len(documents) >= DOCUMENTS * 0.9  # hypothesis may skip a few duplicates
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["sphinx_circ"]\nlanguage = "fr"\n', encoding="utf-8"
    )
    (src / "index.md").write_text("# Index\n", encoding="utf-8")
    (src / "autre.md").write_text("---\norphan: true\n---\n# Autre\n", encoding="utf-8")
    (src / "schema.json").write_text('{"fields": [{"name": "a"}]}', encoding="utf-8")
    (src / "inventaire.csv").write_text("titre,statut\nA,Ouvert\n", encoding="utf-8")
    for number, text in enumerate(documents):
        (src / f"doc{number:04d}.md").write_text(text, encoding="utf-8")
    app = make_app("html", srcdir=src, builddir=tmp_path / "_build", freshenv=True)
    app.build()  # an exception here fails the test
    warnings = app.warning.getvalue()
    assert "Traceback" not in warnings and "Exception occurred" not in warnings
    # No dangerous URL ever reaches the HTML, whatever the input.
    for page in Path(app.outdir).glob("doc*.html"):
        html = page.read_text(encoding="utf-8")
        for match in re.finditer(r'(?:href|src)="([^"]*)"', html):
            url = re.sub(r"[\x00-\x20]", "", match.group(1)).lower()
            assert not url.startswith(("javascript:", "data:", "vbscript:")), (
                page.name,
                url,
            )
