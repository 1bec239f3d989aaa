"""Property test of ``sphinx-circ migrate`` on generated pages.

Hypothesis writes pages mixing prose, code blocks (holding every construct
the migration converts elsewhere) and components. For each page, no line of
a code block may change; then all pages are built together with Sphinx's
text builder, and every prose word of each page must be in its text. Text
glued from pieces of every syntax, in every flavour, must migrate without an
error, and its output must migrate to itself.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinx_circ.cli.migrate import Page, Site, migrate_text
from sphinx_circ.cli.migrate.tokens import markdown
from sphinx_circ.cli.project import CONF

PAGES = 200

#: What the migration rewrites outside code: inside code it must stay.
CONSTRUCTS = [
    "<Hero>",
    "</Hero>",
    '<Section class="section-grey"><template #title>## Titre</template>',
    '<Button url="/autre.html">Autre</Button>',
    "<DatasetList",
    '    :items="$frontmatter.datasets"',
    "/>",
    "{{ $page.title }}",
    "{{ site.title }}",
    "{% link _faq/autre.md %}",
    "{% raw %}brut{% endraw %}",
    "{% include note.md %}",
    "[lien](/autre.html)",
    "{: .table }",
    "{:toc}",
    "::: tip",
    ":::",
    "!!! note",
    '=== "Onglet"',
    '--8<-- "extrait.md"',
    "[TOC]",
    '<span id="ancre"></span>',
    "```",
    "% pas un commentaire",
    ":tada: :fontawesome-solid-comments:",
    "[[toc]]",
    "::: lexique Moteur de règles",
    '<Button link="/autre.html" text="Voir" />',
    '```js title="exemple.js"',
    "!!! warning inline end",
    "{{ config.extra.contact }}",
    "{::comment}",
    "",
]
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèà", min_size=4, max_size=9)
SENTENCE = st.lists(WORDS, min_size=1, max_size=8)


@st.composite
def code_block(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.sampled_from(CONSTRUCTS), min_size=1, max_size=6))
    kind = draw(st.sampled_from(["backticks", "tildes", "indented"]))
    if kind == "indented":
        return "\n".join("    " + line if line else "" for line in [*lines, "fin"])
    if kind == "tildes":
        return "\n".join(["~~~text", *lines, "~~~"])
    return "\n".join(
        ["````text", *[line.replace("````", "") for line in lines], "````"]
    )


@st.composite
def prose(draw: st.DrawFn, words: list[str], heading: str = "") -> str:
    sentence = draw(SENTENCE)
    words += sentence
    return heading + " ".join(sentence).capitalize() + ("" if heading else ".")


@st.composite
def block(draw: st.DrawFn, words: list[str], depth: int = 0) -> str:
    kinds = [
        "paragraph",
        "heading",
        "code",
        "inline-button",
        "unknown",
        "attributes",
        "anchor",
        "shortcode",
        "button-text",
        "empty-titled",
    ]
    if depth < 2:
        kinds += ["section", "container", "row", "wrapper", "tip", "titled"]
    kind = draw(st.sampled_from(kinds))
    if kind == "paragraph":
        return draw(prose(words))
    if kind == "heading":
        return draw(prose(words, "#" * draw(st.integers(2, 4)) + " "))
    if kind == "code":
        return draw(code_block())
    if kind == "inline-button":
        return draw(prose(words)) + ' <Button url="/autre.html">Voir</Button>'
    if kind == "unknown":
        return '<Carte\n    :zoom="12"\n    centre="nantes"\n/>'
    if kind == "attributes":
        return draw(prose(words)) + "\n{: .encadre }"
    if kind == "anchor":
        return '<a name="ancre"></a>\n\n' + draw(prose(words, "## "))
    if kind == "shortcode":
        # At the start of a line, MyST would read ":tada:" as a field list.
        return ":tada: " + draw(prose(words)) + " :smile:"
    if kind == "button-text":
        label = draw(prose(words, " ")).strip()
        return f'<Button link="/autre.html" text="{label}" />'
    if kind == "empty-titled":
        kind_name = draw(st.sampled_from(["tip", "Warning", "lexique"]))
        return f"::: {kind_name} {draw(prose(words, ' ')).strip()}\n:::"
    inner = "\n\n".join(draw(st.lists(block(words, depth + 1), min_size=1, max_size=3)))
    if kind == "section":
        title = draw(prose(words, "## "))
        text = draw(prose(words))
        return (
            f'<Section class="section-color">\n<template #title>{title}</template>\n'
            f"<template v-slot:description>\n\n{text}\n\n</template>\n\n{inner}\n\n</Section>"
        )
    if kind == "titled":
        inner = re.sub(r"(?m)^:::+[ \t]*$", "::: x", inner)
        kind_name = draw(st.sampled_from(["tip", "Danger", "lexique", "details"]))
        title = draw(prose(words, " ")).strip()
        return f"::: {kind_name} {title}\n{inner}\n:::"
    if kind == "tip":
        # A ":::" line closes a container even inside a code block (in VuePress
        # as in MyST): such a page is broken before any migration.
        inner = re.sub(r"(?m)^:::+[ \t]*$", "::: x", inner)
        return f"::: tip\n{inner}\n:::"
    if kind == "container":
        return f'<div class="container">\n\n{inner}\n\n</div>'
    if kind == "wrapper":
        return f'<Encadre type="info">\n\n{inner}\n\n</Encadre>'
    other = "\n\n".join(draw(st.lists(block(words, 2), min_size=1, max_size=2)))
    return f'<div class="row">\n<div>\n\n{inner}\n\n</div>\n<div>\n\n{other}\n\n</div>\n</div>'


@st.composite
def page(draw: st.DrawFn) -> tuple[str, list[str]]:
    words: list[str] = []
    title = draw(prose(words, "# "))
    hero = draw(st.booleans())
    head = f"<Hero>\n\n{title}\n\n</Hero>" if hero else title
    blocks = draw(st.lists(block(words), min_size=1, max_size=5))
    return "\n\n".join([head, *blocks]) + "\n", words


def code_contents(text: str) -> Counter[str]:
    return Counter(
        token.content
        for token in markdown("markdown").parse(text)
        if token.type in ("fence", "code_block")
    )


def migrate(text: str, name: str, flavour: str = "markdown") -> str:
    """*text* migrated; read again as a migration's output is with ``sphinx``."""
    source = Path(f"{name}.md")
    site = Site(Path("."), flavour)
    pages = {
        name: Page(source, name, "", site),
        "autre": Page(Path("autre.md"), "autre", "", site),
    }
    return migrate_text(text, pages[name], pages, str(source)).text


def assert_words_built(
    make_app: Any, tmp_path: Path, migrated: list[tuple[str, str, list[str]]]
) -> None:
    """Build every migrated page with the text builder: each page's prose
    words must all be in its text."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "autre.md").write_text("# Autre\n", encoding="utf-8")
    names = [f"page{n:03d}" for n in range(len(migrated))]
    toctree = "\n".join(["autre", *names])
    (src / "index.md").write_text(
        f"# Index\n\n```{{toctree}}\n{toctree}\n```\n", encoding="utf-8"
    )
    for name, (_text, output, _words) in zip(names, migrated, strict=True):
        (src / f"{name}.md").write_text(output, encoding="utf-8")
    app = make_app("text", srcdir=src, builddir=tmp_path / "_build", freshenv=True)
    app.build()
    for name, (text, output, words) in zip(names, migrated, strict=True):
        built = (Path(app.outdir) / f"{name}.txt").read_text(encoding="utf-8").lower()
        missing = [word for word in words if word not in built]
        assert not missing, (
            f"{name}: {missing}\n--- input\n{text}\n--- output\n{output}"
        )


def test_code_is_kept_and_prose_is_in_the_text_build(make_app, tmp_path: Path) -> None:
    migrated: list[tuple[str, str, list[str]]] = []

    @settings(max_examples=PAGES, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(page())
    def check(generated: tuple[str, list[str]]) -> None:
        text, words = generated
        name = f"page{len(migrated):03d}"
        output = migrate(text, name)
        assert code_contents(output) == code_contents(text), output
        assert migrate(output, name, "sphinx") == output  # idempotent
        migrated.append((text, output, words))

    check()
    assert len(migrated) >= PAGES * 0.9  # hypothesis may skip a few duplicates
    assert_words_built(make_app, tmp_path, migrated)


#: Pieces of every syntax the migration reads, to be glued at random.
PIECES = st.sampled_from(
    [*"ab /=\"'`{}[]()%#:!?-*|\\\n\t ", "<Hero>", "<Hero>a</Hero>", "<template #title>a</template>",
     '<Section class="section-grey">', "<Section>\n\n</Section>", '<Button url="/a">a</Button>',
     '<Button url="/a">', "<div>\n\n</div>", '<div class="row">', "<div>", '<span id="a">', "<br>",
     "<script>", "<!-- x -->", "{% raw %}", "{% endraw %}", "{{ $page.title }}", "{{ site.x }}",
     "{% include a.md %}", ":::", "::: tip", "::: Lexique a", ":tada:", "[[toc]]",
     '<Button link="/a" text="a" />', '```js{2}', "!!! note inline end", "{::comment}", "!!! note", '=== "a"', "    ", "```", "~~~", "{: .x}",
     '--8<-- "a"', "---\n", "[a](/b.html)"]
)  # fmt: skip


@settings(max_examples=300, derandomize=True, database=None, deadline=None,
          suppress_health_check=list(HealthCheck))  # fmt: skip
@given(
    st.lists(PIECES, max_size=40).map("".join),
    st.sampled_from(["markdown", "vuepress", "jekyll", "mkdocs", "pelican", "sphinx"]),
)
def test_any_text_migrates_once_and_for_all(text: str, flavour: str) -> None:
    output = migrate(text, "page", flavour)  # no exception, whatever the text
    assert migrate(output, "page", "sphinx") == output


@st.composite
def jekyll_page(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A collection page whose prose lives in its front matter (a theme's
    layout shows ``description``, ``intro`` and a list of panels)."""
    words: list[str] = []
    front = ["---", "layout: page", f"title: {draw(prose(words, ' ')).strip()}"]
    for key in draw(st.sets(st.sampled_from(["description", "intro"]), min_size=1)):
        front.append(f"{key}: {draw(prose(words))}")
    panels = draw(st.integers(0, 3))
    if panels:
        front.append("panels:")
    for _panel in range(panels):
        front.append(f"  - title: {draw(prose(words, ' ')).strip()}")
        lines = draw(st.lists(prose(words), min_size=1, max_size=3))
        front += ["    content: >-", *(f"      {line}" for line in lines)]
    body = draw(st.lists(block(words, 2), max_size=2))
    return "\n".join([*front, "---", "", *body]) + "\n", words


def test_front_matter_prose_is_in_the_text_build(make_app, tmp_path: Path) -> None:
    migrated: list[tuple[str, str, list[str]]] = []

    @settings(max_examples=60, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(jekyll_page())
    def check(generated: tuple[str, list[str]]) -> None:
        text, words = generated
        name = f"page{len(migrated):03d}"
        output = migrate(text, name, "jekyll")
        assert migrate(output, name, "sphinx") == output  # idempotent
        migrated.append((text, output, words))

    check()
    assert_words_built(make_app, tmp_path, migrated)
