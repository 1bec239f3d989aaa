"""The blocks under other themes: axe violations and page weight, per theme.

    python benchmarks/themes.py [--markdown] [--themes furo alabaster …]

For each theme installed (sphinx-book-theme pins an older pydata-sphinx-theme
than sphinx-circ's: run this script again from an environment that has it),
builds two sites under that theme:

* with the blocks: ``tests/sites/hosts`` (bands and buttons, persona tabs, a
  dataset, the request form), with the ``sphinx_circ`` extension;
* without them: the same pages written in plain Markdown (``PLAIN`` below:
  the same headings, text and links; the dataset's fields as a table, the
  request form as an e-mail link), built with myst-parser alone.

Then, in headless Chromium (Debian's, or CHROMIUM_PATH), it runs axe-core
(WCAG 2.2 A and AA rules, as the tests do) on each whole page of both sites,
in light mode and, for a theme that has one, in dark mode, and counts the
failing elements; and it sums the gzip size (level 9) of the CSS and JS files
each page loads with JavaScript on: sphinx-circ's own (``circ-*``), and every
file the page with blocks loads that the plain page does not.
"""

from __future__ import annotations

import argparse
import gzip
import html.parser
import importlib.metadata
import importlib.util
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
# The screenshot tool serves, builds and launches Chromium the same way.
sys.path.insert(0, str(ROOT / "tools"))
from screenshots import build as build_site  # noqa: E402
from screenshots import launch, served  # noqa: E402

HOSTS = ROOT / "tests" / "sites" / "hosts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
THEMES = [
    "furo",
    "alabaster",
    "sphinx_rtd_theme",
    "pydata_sphinx_theme",
    "sphinx_book_theme",
]
#: The themes that follow the reader's dark mode.
DARK = {"furo", "pydata_sphinx_theme", "sphinx_book_theme"}
#: The pages with blocks, and what each shows (in English, in French).
PAGES = {
    "index.html": ("bands and buttons", "bandes et boutons"),
    "faq/index.html": ("persona tabs", "onglets par profil"),
    "donnees.html": ("dataset", "jeu de données"),
    "demande.html": ("request form", "formulaire de demande"),
    "faq/citoyen.html": ("no block", "sans bloc"),
}
PLAIN_CONF = 'extensions = ["myst_parser"]\nlanguage = "fr"\n'
#: The pages of tests/sites/hosts that have blocks, in plain Markdown.
PLAIN = {
    "index.md": """\
# Blocs sous un autre thème

## Une bande grise

Du texte, et un bouton [Demander](demande.md).

[data.gouv.fr](https://www.data.gouv.fr/)

## Une bande de couleur

[Les questions](faq/index.md)

```{toctree}
faq/index
donnees
demande
```
""",
    "faq/index.md": """\
# FAQ

Introduction.

## Citoyen

[Citoyenne, citoyen](citoyen.md)

## Producteur

[Producteur](producteur.md)

Un complément écrit ici.

## Réutilisateur

Pour qui réutilise.

Contenu propre au réutilisateur.

```{toctree}
citoyen
producteur
```
""",
    "donnees.md": """\
# Données

## Collecte par commune

| Champ | Titre | Type | Obligatoire | Description |
| --- | --- | --- | --- | --- |
| `code_commune` | Code INSEE | chaîne | oui | Code officiel, voir [le COG][cog]. \
Motif : `^\\d{5}$`. Exemple : `75056`. |
| `flux` | | chaîne | non | Valeurs : `verre`, `papier`. |

[cog]: https://www.insee.fr/
""",
    "demande.md": """\
# Demande

Pour demander des données, écrivez à
[donnees@example.org](mailto:donnees@example.org).
""",
}
AXE_RUN = """async () => (await axe.run(document, {
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
})).violations.map(v => [v.id, v.nodes.length])"""


def build(source: Path, out: Path, theme: str) -> None:
    build_site(source, out, "-W", "-D", f"html_theme={theme}")


def plain_site(folder: Path) -> Path:
    """tests/sites/hosts with its pages of blocks in plain Markdown."""
    shutil.copytree(HOSTS, folder)
    (folder / "conf.py").write_text(PLAIN_CONF, encoding="utf-8")
    for name, text in PLAIN.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


class _Assets(html.parser.HTMLParser):
    """The stylesheets and scripts a page loads with JavaScript on."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.noscript = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "noscript":
            self.noscript += 1
        elif self.noscript:
            return
        elif tag == "link" and values.get("rel") == "stylesheet" and values["href"]:
            self.found.append(values["href"])
        elif tag == "script" and values.get("src"):
            self.found.append(str(values["src"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "noscript":
            self.noscript -= 1


def assets(out: Path, page: str) -> set[Path]:
    parser = _Assets()
    parser.feed((out / page).read_text(encoding="utf-8"))
    base = (out / page).parent
    return {
        (base / url.split("?")[0]).resolve()
        for url in parser.found
        if "://" not in url and not url.startswith("//")
    }


def gzip_size(paths: set[Path]) -> int:
    return sum(len(gzip.compress(path.read_bytes(), 9)) for path in paths)


@dataclass
class Figures:
    theme: str
    #: Failing elements (all pages), by mode, with and without the blocks.
    axe: dict[tuple[str, bool], int] = field(default_factory=dict)
    #: The rules that fail, by mode, with and without the blocks.
    rules: dict[tuple[str, bool], set[str]] = field(default_factory=dict)
    #: Bytes (gzip) of sphinx-circ's CSS+JS, and of everything added, by page.
    circ: dict[str, int] = field(default_factory=dict)
    added: dict[str, int] = field(default_factory=dict)
    added_files: dict[str, list[str]] = field(default_factory=dict)


def scan(browser: Any, url: str, mode: str) -> list[tuple[str, int]]:
    context = browser.new_context(
        viewport={"width": 1024, "height": 900}, color_scheme=mode
    )
    # pydata-sphinx-theme and its children read the reader's choice here.
    context.add_init_script(
        f"localStorage.setItem('mode', '{mode}');"
        f"localStorage.setItem('theme', '{mode}');"
    )
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_function("document.getAnimations().length === 0")
    page.add_script_tag(path=str(AXE))
    found = [(rule, count) for rule, count in page.evaluate(AXE_RUN)]
    context.close()
    return found


def measure(browser: Any, theme: str, tmp: Path) -> Figures:
    figures = Figures(theme)
    with_blocks, without = tmp / f"{theme}-blocks", tmp / f"{theme}-plain"
    build(HOSTS, with_blocks, theme)
    build(plain_site(tmp / f"{theme}-plain-src"), without, theme)
    for page in PAGES:
        loaded, plain = assets(with_blocks, page), assets(without, page)
        added = loaded - {with_blocks / p.relative_to(without) for p in plain}
        figures.circ[page] = gzip_size({p for p in added if "circ-" in p.name})
        figures.added[page] = gzip_size(added)
        figures.added_files[page] = sorted(p.name for p in added)
    modes = ["light", "dark"] if theme in DARK else ["light"]
    for blocks, folder in ((True, with_blocks), (False, without)):
        with served(folder) as url:
            for mode in modes:
                total, rules = 0, set()
                for page in PAGES:
                    for rule, count in scan(browser, url + page, mode):
                        total += count
                        rules.add(rule)
                figures.axe[mode, blocks] = total
                figures.rules[mode, blocks] = rules
    return figures


def kilobytes(size: int, french: bool = False) -> str:
    text = f"{size / 1000:.1f}"
    return text.replace(".", ",") if french else text


def axe_cell(figures: Figures, mode: str, blocks: bool) -> str:
    if (mode, blocks) not in figures.axe:
        return "—"
    count = figures.axe[mode, blocks]
    # Names in code, so that a narrow column wraps them at their joints.
    rules = ", ".join(f"`{rule}`" for rule in sorted(figures.rules[mode, blocks]))
    return f"{count} ({rules})" if rules else "0"


def label(theme: str) -> str:
    """The theme and its version (the one sphinx-book-theme pins, for it)."""
    text = f"`{theme}` {importlib.metadata.version(theme.replace('_', '-'))}"
    if theme == "sphinx_book_theme":
        text += f" (pydata {importlib.metadata.version('pydata-sphinx-theme')})"
    return text


def axe_rows(results: list[Figures]) -> list[list[str]]:
    return [
        [
            label(figures.theme),
            axe_cell(figures, "light", True),
            axe_cell(figures, "light", False),
            axe_cell(figures, "dark", True),
            axe_cell(figures, "dark", False),
        ]
        for figures in results
    ]


def size_rows(results: list[Figures], french: bool = False) -> list[list[str]]:
    """One row per page: sphinx-circ's files, then the others, for each set of
    themes that load the same (the CSS and JS do not depend on the theme)."""
    groups: dict[tuple[tuple[int, ...], tuple[int, ...]], list[str]] = {}
    for figures in results:
        key = (tuple(figures.circ.values()), tuple(figures.added.values()))
        groups.setdefault(key, []).append(figures.theme)
    circ_label, other_label = (
        ("circ-*, ko gzip", "autres, ko gzip")
        if french
        else ("circ-*, kB gzip", "others, kB gzip")
    )
    header = ["Page" if french else "page"]
    for themes in groups.values():
        suffix = "" if len(groups) == 1 else f" ({', '.join(themes)})"
        header += [circ_label + suffix, other_label + suffix]
    rows = [header]
    for index, (page, labels) in enumerate(PAGES.items()):
        row = [f"{page} ({labels[french]})"]
        for circ, added in groups:
            other = added[index] - circ[index]
            row += [kilobytes(circ[index], french), kilobytes(other, french)]
        rows.append(row)
    return rows


AXE_HEADERS = ["theme", "light, blocks", "light, plain", "dark, blocks", "dark, plain"]
#: The guide is in French.
AXE_HEADERS_FR = [
    "Thème",
    "Clair, avec les blocs",
    "Clair, sans",
    "Sombre, avec les blocs",
    "Sombre, sans",
]


def markdown(rows: list[list[str]]) -> None:
    print("| " + " | ".join(rows[0]) + " |")
    print("|" + " --- |" * len(rows[0]))
    for row in rows[1:]:
        print("| " + " | ".join(row) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--themes", nargs="+", default=THEMES, metavar="THEME")
    parser.add_argument(
        "--markdown", action="store_true", help="print the guide's table"
    )
    args = parser.parse_args()
    if not AXE.is_file():
        raise SystemExit("axe-core is needed: npm ci")
    results = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as driver:
        browser = launch(driver)
        for theme in args.themes:
            if importlib.util.find_spec(theme) is None:
                print(f"{theme} is not installed: skipped", file=sys.stderr)
                continue
            results.append(measure(browser, theme, Path(tmp)))
        browser.close()
    if args.markdown:
        markdown([AXE_HEADERS_FR, *axe_rows(results)])
        print()
        markdown(size_rows(results, french=True))
        return
    print(f"axe: failing elements on {len(PAGES)} pages, whole pages (failing rules)")
    for row in axe_rows(results):
        print()
        for header, cell in zip(AXE_HEADERS, row, strict=True):
            print(f"{header}: {cell}")
    print()
    print()
    print("CSS+JS each page loads that the plain page does not (columns for")
    print("each set of themes that load the same files):")
    for row in size_rows(results):
        print(" | ".join(row))
    if results:
        print()
        for page in PAGES:
            files = ", ".join(results[0].added_files[page])
            print(f"added to {page}: {files}")


if __name__ == "__main__":
    main()
