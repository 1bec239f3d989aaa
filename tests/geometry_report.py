"""The geometry checker (``tests/geometry.js``) over a built site, and its report.

    python tests/geometry_report.py BUILT_HTML_DIR [--pages GLOB ...]
        [--widths 320 390 ...] [--modes light dark] [--js on off] [--print]
        [--kinds KIND ...] [--examples N]

serves the folder on a loopback port, opens every page (or those matching
the globs, e.g. ``'donnees/*'``) in headless Chromium at each width, colour
mode and with JavaScript on and off, runs the checker and prints its problems
grouped by kind and by the elements involved, with the pages, the settings and
a few examples of each. ``--print`` checks the print layout instead (print
media, an A4 page's width). The exit status is 1 when a problem is found.

``tests/test_geometry_browser.py`` runs the same checker as tests, one per
page and setting; this entry gives the whole picture in one run.
"""

from __future__ import annotations

import argparse
import fnmatch
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

CHECKER = Path(__file__).with_name("geometry.js").read_text(encoding="utf-8")
WIDTHS = (320, 390, 768, 1024, 1280, 1440)
MODES = ("light", "dark")
HEIGHT = 900
#: An A4 page at 96 CSS pixels per inch: 210 mm.
A4_WIDTH = 794
#: Below this width targets must be 44px (WCAG 2.5.5), above it 24px (2.5.8).
PHONE = 768
#: From this width no table may sit in a box that scrolls sideways.
DESKTOP = 1024


@dataclass(frozen=True)
class Setting:
    """One way of reading the site: a window width, a colour mode, script or not."""

    width: int
    mode: str = "light"
    js: bool = True
    print: bool = False

    @property
    def id(self) -> str:
        if self.print:
            return "print-a4"
        return f"{self.width}-{self.mode}-{'js' if self.js else 'nojs'}"

    def options(self) -> dict[str, Any]:
        return {
            "minTarget": 44 if self.width < PHONE else 24,
            "tableScroll": self.width >= DESKTOP and not self.print,
            "paper": self.print,
        }


def settings(
    widths: Iterable[int] = WIDTHS,
    modes: Iterable[str] = MODES,
    scripts: Iterable[bool] = (True, False),
) -> list[Setting]:
    return [
        Setting(width, mode, js) for js in scripts for mode in modes for width in widths
    ]


PRINT = Setting(A4_WIDTH, print=True)


def open_tab(browser: Any, setting: Setting) -> Any:
    """A tab in a context of its own, reused for every page of *setting*.

    Without JavaScript the mode is the browser's colour scheme (the theme's
    dark mode needs script: it then keeps its light colours); with it, the
    reader's stored choice, set before the page's scripts run.
    """
    context = browser.new_context(
        viewport={"width": setting.width, "height": HEIGHT},
        java_script_enabled=setting.js,
        color_scheme=setting.mode,
    )
    page = context.new_page()
    if setting.js and not setting.print:
        page.add_init_script(
            f"localStorage.setItem('mode', '{setting.mode}');"
            f" localStorage.setItem('theme', '{setting.mode}');"
            # The DSFR theme's (sphinx_circ_dsfr): its display setting.
            f" localStorage.setItem('scheme', '{setting.mode}');"
        )
    if setting.print:
        page.emulate_media(media="print")
    return page


def load(page: Any, url: str, setting: Setting, *, themed: bool = True) -> None:
    """Open *url* and wait for a settled layout (the theme's mode, if *themed*)."""
    page.goto(url)
    if themed and setting.js and not setting.print:
        page.wait_for_function(
            "(document.documentElement.dataset.theme"
            f" || document.documentElement.dataset.frTheme) === '{setting.mode}'"
        )
    # Measure the settled layout: web fonts in, the mode's transitions over.
    page.evaluate(
        "document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(r)))"
        if setting.js
        else "document.fonts.ready.then(() => true)"
    )
    if setting.js:
        page.wait_for_function("document.getAnimations().length === 0")


def check(page: Any, setting: Setting) -> dict[str, Any]:
    """Run the checker on the open page: ``{"problems": [...], "stats": {...}}``."""
    result: dict[str, Any] = page.evaluate(CHECKER, setting.options())
    return result


# -- Print: what reaches the PDF ----------------------------------------------

#: What must be printed: every cell of the inventory, every field name of a
#: dataset page (in its summary table and its field headings).
PRINTED = (
    "table.circ-inventory__table th, table.circ-inventory__table td",
    ".circ-dataset__summary tbody td:first-child",
    ".circ-dataset__field-name code",
)
NEEDLES = """(selectors) => {
  const out = [];
  for (const selector of selectors) {
    for (const el of document.querySelectorAll(selector)) {
      // The text as shown on screen (innerText: no hidden helper text).
      const text = el.innerText.replace(/\\s+/g, ' ').replace(/#$/, '').trim();
      if (text) out.push({selector, text});
    }
  }
  return out;
}"""


def squash(text: str) -> str:
    """Text compared without its spacing: PDF line breaks fall anywhere."""
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    return re.sub(r"\s+", "", text)


#: A line of a PDF page: page number, left, top, bottom, text.
PdfLine = tuple[int, float, float, float, str]


def pdf_texts(pdf: Path) -> list[str]:
    """The PDF's text read three ways, each squashed (see ``missing_from_pdf``).

    ``pdftotext`` reads a table row by row, so a cell on several lines comes
    out interleaved with its neighbours; its ``-bbox-layout`` lines, chained
    down each column (same left edge, next line), give the cell back whole,
    with and without the hyphens that end a line.
    """
    plain = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    layout = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-bbox-layout", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    xhtml = "{http://www.w3.org/1999/xhtml}"
    pages: list[list[PdfLine]] = []
    for number, page in enumerate(ElementTree.fromstring(layout).iter(f"{xhtml}page")):
        lines: list[PdfLine] = []
        for line in page.iter(f"{xhtml}line"):
            words = " ".join(w.text or "" for w in line.iter(f"{xhtml}word"))
            left, top, bottom = (
                float(line.get(k, 0)) for k in ("xMin", "yMin", "yMax")
            )
            lines.append((number, left, top, bottom, words))
        pages.append(sorted(lines, key=lambda item: item[2]))

    # A table's header row, repeated at the top of each page it runs over:
    # the first lines at a left edge that other pages begin with too.
    def prefixes(lines: list[PdfLine]) -> Iterator[tuple[int, tuple[str, ...]]]:
        seen: dict[int, tuple[str, ...]] = {}
        for _, left, _, _, words in lines:
            seen[round(left)] = (*seen.get(round(left), ()), words)[:4]
            yield round(left), seen[round(left)]

    earlier: set[tuple[int, tuple[str, ...]]] = set()  # page tops already seen
    columns: list[list[PdfLine]] = []
    for number, lines in enumerate(pages):
        begun: set[int] = set()  # the left edges with a line of the body on this page
        keys = list(prefixes(lines))
        for line, key in zip(lines, keys, strict=True):
            _, left, top, _, _ = line
            if round(left) not in begun and key in earlier:
                continue  # the header again: the cell it interrupts goes on below it
            for column in reversed(columns):
                last = column[-1]
                if abs(last[1] - left) > 3:
                    continue
                below = last[0] == number and 0 <= top - last[3] <= last[3] - last[2]
                # A cell broken over two pages goes on at the top of the next.
                overleaf = last[0] == number - 1 and round(left) not in begun
                if below or overleaf:
                    column.append(line)
                    break
            else:
                columns.append([line])
            begun.add(round(left))
        earlier.update(keys)
    joined = ["\n".join(line[4] for line in column) for column in columns]
    unhyphenated = [re.sub(r"-\n", "", text) for text in joined]
    return [
        squash(plain),
        "\0".join(map(squash, joined)),
        "\0".join(map(squash, unhyphenated)),
    ]


def missing_from_pdf(needles: list[dict[str, str]], pdf: Path) -> list[dict[str, Any]]:
    """The needles the PDF does not hold as often as the page shows them."""
    texts = pdf_texts(pdf)
    wanted: dict[str, list[dict[str, str]]] = defaultdict(list)
    for needle in needles:
        wanted[squash(needle["text"])].append(needle)
    missing = []
    for key, found in wanted.items():
        printed = max(text.count(key) for text in texts)
        if printed < len(found):
            missing.append({
                "kind": "pdf-missing-text",
                "selector": found[0]["selector"],
                "shape": found[0]["selector"],
                "text": found[0]["text"],
                "shown": len(found),
                "printed": printed,
            })  # fmt: skip
    return missing


def print_to_pdf(
    page: Any, url: str, pdf: Path, *, themed: bool = True
) -> list[dict[str, str]]:
    """Print *url* to an A4 PDF as a reader would; return what it must hold."""
    page.emulate_media(media="screen")
    load(page, url, Setting(A4_WIDTH), themed=themed)
    needles: list[dict[str, str]] = page.evaluate(NEEDLES, list(PRINTED))
    page.emulate_media(media="print")
    pdf.write_bytes(page.pdf(format="A4", print_background=True))
    return needles


# -- Reporting ----------------------------------------------------------------


def describe(problem: dict[str, Any]) -> str:
    """One line: what, where, how much."""
    kind = problem["kind"]
    where = f"`{problem['selector']}`"
    text = f" «{problem['text']}»" if problem.get("text") else ""
    if kind == "text-overlap":
        return (
            f"{where}{text} over `{problem['other']}` «{problem['otherText']}»"
            f" by {problem['overlapX']}×{problem['overlapY']}px"
        )
    if kind == "text-clipped":
        return f"{where}{text} cut by `{problem['by']}` ({problem['cutX']}px across, {problem['cutY']}px down)"
    if kind == "text-outside-box":
        return f"{where}{text} runs {problem['outX']}px out of `{problem['box']}`"
    if kind == "page-scrolls-sideways":
        widest = "; ".join(
            f"`{w['selector']}` to {w['right']}px «{w['text']}»"
            for w in problem["widest"]
        )
        return (
            f"`{problem['scroller']}` scrolls to {problem['scrollWidth']}px"
            f" in {problem['clientWidth']}px: {widest}"
        )
    if kind == "table-in-scroll-box":
        return (
            f"{where}{text}: {problem['tableWidth']}px table in `{problem['box']}`"
            f" {problem['clientWidth']}px wide (scrolls to {problem['scrollWidth']})"
        )
    if kind == "target-too-small":
        return f"{where}{text}: {problem['width']}×{problem['height']}px < {problem['minimum']}"
    if kind == "tabs-wrap":
        return f"{where}: {problem['tabs']} tabs on {problem['rows']} rows ({problem['text']})"
    if kind == "word-broken":
        return f"{where} «{problem['text']}» ({problem['words']} words)"
    if kind == "pdf-missing-text":
        return f"{where}{text}: shown {problem['shown']}, printed {problem['printed']}"
    if kind == "permalink-alone":
        return f"{where}{text}: its # on a line of its own"
    return f"{where}{text}"


def group_key(problem: dict[str, Any]) -> tuple[str, str]:
    """The same defect over rows, pages and settings: kind, then element shapes."""
    shape = problem.get("shape", "")
    second = (
        problem.get("otherShape")
        or problem.get("byShape")
        or problem.get("boxShape")
        or ""
    )
    if problem["kind"] == "page-scrolls-sideways" or not second:
        return problem["kind"], shape
    joiner = {"text-overlap": " over ", "text-clipped": " cut by "}
    return problem["kind"], f"{shape}{joiner.get(problem['kind'], ' out of ')}{second}"


@dataclass
class Group:
    count: int = 0
    pages: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    settings: set[str] = field(default_factory=set)
    examples: dict[str, str] = field(default_factory=dict)


def summarise_settings(ids: Iterable[str]) -> str:
    """``320,390 light/dark js/nojs`` rather than every combination."""
    parts = [i.split("-") for i in ids]
    if any(len(p) != 3 for p in parts):
        return ", ".join(sorted(ids))
    widths = sorted({int(p[0]) for p in parts})
    modes = sorted({p[1] for p in parts}, reverse=True)
    scripts = sorted({p[2] for p in parts})
    full = len(widths) * len(modes) * len(scripts) == len(parts)
    text = f"{','.join(map(str, widths))} {'/'.join(modes)} {'/'.join(scripts)}"
    return text if full else f"{text} (not every combination: {len(parts)})"


def report(
    found: Iterable[tuple[str, Setting, dict[str, Any]]], examples: int = 3
) -> str:
    """The problems grouped by kind and shape, biggest groups first."""
    groups: dict[tuple[str, str], Group] = defaultdict(Group)
    for page, setting, problem in found:
        group = groups[group_key(problem)]
        group.count += 1
        group.pages[page] += 1
        group.settings.add(setting.id)
        line = describe(problem)
        group.examples.setdefault(problem.get("text", "") or line, f"{page}: {line}")
    lines: list[str] = []
    for kind in sorted({kind for kind, _ in groups}):
        mine = [(shape, g) for (k, shape), g in groups.items() if k == kind]
        total = sum(g.count for _, g in mine)
        lines.append(f"== {kind}: {total} ==")
        for shape, group in sorted(mine, key=lambda item: -item[1].count):
            pages = ", ".join(
                f"{p} ({n})"
                for p, n in sorted(group.pages.items(), key=lambda i: -i[1])
            )
            lines.append(f"- {shape} — {group.count}")
            lines.append(f"    at {summarise_settings(group.settings)}")
            lines.append(f"    on {pages}")
            lines.extend(
                f"    e.g. {example}"
                for example in list(group.examples.values())[:examples]
            )
    return "\n".join(lines)


# -- Command line -------------------------------------------------------------


def pages_of(site: Path, patterns: list[str] | None) -> list[str]:
    found = sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if "_static" not in path.parts and "_sources" not in path.parts
    )
    if not patterns:
        return found
    return [
        page
        for page in found
        if any(
            fnmatch.fnmatch(page, p) or fnmatch.fnmatch(page, f"{p}.html")
            for p in patterns
        )
    ]


def run(
    browser: Any, url: str, pages: list[str], chosen: list[Setting]
) -> Iterator[tuple[str, Setting, dict[str, Any]]]:
    for setting in chosen:
        tab = open_tab(browser, setting)
        try:
            for page in pages:
                if setting.print:
                    yield from (
                        (page, setting, p) for p in check_print(tab, url + page)
                    )
                    continue
                load(tab, url + page, setting)
                for problem in check(tab, setting)["problems"]:
                    yield page, setting, problem
        finally:
            tab.context.close()


def check_print(tab: Any, url: str) -> list[dict[str, Any]]:
    """The print layout's problems, then the text the PDF lacks."""
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "page.pdf"
        needles = print_to_pdf(tab, url, pdf)
        problems: list[dict[str, Any]] = check(tab, PRINT)["problems"]
        return problems + missing_from_pdf(needles, pdf)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built HTML folder")
    parser.add_argument("--pages", nargs="+", help="globs, e.g. 'donnees/*' index")
    parser.add_argument("--widths", nargs="+", type=int, default=list(WIDTHS))
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    parser.add_argument("--js", nargs="+", choices=("on", "off"), default=["on", "off"])
    parser.add_argument(
        "--print",
        action="store_true",
        help="the A4 print layout, and the inventory's cells and field names in its PDF",
    )
    parser.add_argument("--kinds", nargs="+", help="only these kinds of problem")
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args(argv)

    from conftest import CHROMIUM, CHROMIUM_ARGS, serve
    from playwright.sync_api import sync_playwright

    if not CHROMIUM:
        parser.error("Debian's chromium is not installed (or set CHROMIUM_PATH)")
    if args.print and not shutil.which("pdftotext"):
        parser.error("pdftotext is not installed (Debian's poppler-utils)")
    pages = pages_of(args.site, args.pages)
    if not pages:
        parser.error(f"no page of {args.site} matches {args.pages}")
    chosen = (
        [PRINT]
        if args.print
        else settings(args.widths, args.modes, [js == "on" for js in args.js])
    )
    started = time.perf_counter()
    with serve(args.site) as url, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        found = [
            item
            for item in run(browser, url, pages, chosen)
            if not args.kinds or item[2]["kind"] in args.kinds
        ]
        browser.close()
    print(report(found, args.examples) or "No problem found.")
    seconds = time.perf_counter() - started
    print(
        f"\n{len(pages)} pages × {len(chosen)} settings in {seconds:.1f} s;"
        f" {len(found)} problems.",
        file=sys.stderr,
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
