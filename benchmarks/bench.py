"""Build-time and page-weight benchmark: sphinx-circ against plain sphinx-design.

    python benchmarks/bench.py [--pages 300] [--rounds 3] [--lighthouse]

Generates the same site twice — with sphinx-circ's blocks, and with the
closest plain sphinx-design + pydata-sphinx-theme equivalent — builds both
alternately with sphinx-circ's content under Sphinx's ``basic`` theme (the
floor), and prints medians, the ratios, time per page, the gzipped bytes a
page transfers, the ``-j 2``
speed-up, how many documents are re-read after editing one persona page,
the output size, and the CSS and JS bytes sphinx-circ adds. ``--lighthouse``
also runs Lighthouse (npm package, Debian's chromium) on pages of docs/.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The same content under Sphinx's own theme: the floor of a build's cost.
BASIC = ("-q", "-E", "-D", "html_theme=basic")
PERSONAS = ("citoyen", "producteur", "reutilisateur", "developpeur", "integrateur")

CIRC_PAGE = """\
::::{{hero}}
# Page {i}

Un portail de données, page {i}.

:::{{button}} {next}
Page suivante
:::

:::{{button}} https://example.org/{i}
:variant: outline
Site externe
:::
::::

{sections}

:::::{{grid}} 1 1 3 3

::::{{grid-item}}
Colonne A de la page {i}.
::::

::::{{grid-item}}
Colonne B de la page {i}.
::::

::::{{grid-item}}
Colonne C de la page {i}.
::::
:::::

:::::{{persona-tabs}}
{personas}
:::::
"""

CIRC_SECTION = """\
::::{{section}}
:style: {style}

## Section {n}

Texte de la section {n} de la page {i}.

:::{{button}} {here}
Lien {n}
:::
::::
"""

BASE_PAGE = """\
# Page {i}

:::{{container}} hero
Un portail de données, page {i}.

```{{button-ref}} {next}
:ref-type: doc
:color: primary
Page suivante
```

```{{button-link}} https://example.org/{i}
:color: primary
:outline:
Site externe
```
:::

{sections}

::::{{grid}} 1 1 3 3

:::{{grid-item}}
Colonne A de la page {i}.
:::

:::{{grid-item}}
Colonne B de la page {i}.
:::

:::{{grid-item}}
Colonne C de la page {i}.
:::
::::

:::::{{tab-set}}
:sync-group: persona

{personas}
:::::
"""

BASE_SECTION = """\
## Section {n}

:::{{container}} section-{style}
Texte de la section {n} de la page {i}.

```{{button-ref}} {here}
:ref-type: doc
:color: primary
Lien {n}
```
:::
"""


def generate(root: Path, pages: int, circ: bool, part_size: int = 25) -> Path:
    """Write the site: *pages* pages in parts of *part_size* (0: all at the top).

    Parts model a real portal, whose datasets are grouped by theme: with
    every page at the top, pydata-sphinx-theme lists all of them in the
    header of every page, which makes any build grow with the square of N.
    """
    src = root / ("circ" if circ else "baseline")
    (src / "personas").mkdir(parents=True)
    extensions = '["sphinx_circ"]' if circ else '["myst_parser", "sphinx_design"]'
    theme = "sphinx_circ" if circ else "pydata_sphinx_theme"
    conf = (
        f'project = "Banc"\nlanguage = "fr"\nextensions = {extensions}\n'
        f'html_theme = "{theme}"\nmyst_enable_extensions = ["colon_fence"]\n'
    )
    if not circ:
        # The baseline includes the persona pages instead of linking them.
        conf += 'exclude_patterns = ["personas/*"]\n'
    (src / "conf.py").write_text(conf, encoding="utf-8")
    for key in PERSONAS:
        (src / "personas" / f"{key}.md").write_text(
            f"# {key.capitalize()}\n\nLe texte du profil {key}.\n\n## Une question ?\n\nUne réponse.\n",
            encoding="utf-8",
        )

    def name(i: int) -> str:
        return f"part-{i // part_size}/page-{i}" if part_size else f"page-{i}"

    top = [name(i) for i in range(pages)]
    if part_size:
        top = []
        for first in range(0, pages, part_size):
            part = f"part-{first // part_size}"
            (src / part).mkdir()
            children = "\n".join(
                name(i).split("/")[1]
                for i in range(first, min(first + part_size, pages))
            )
            (src / part / "index.md").write_text(
                f"# Partie {first // part_size}\n\n```{{toctree}}\n{children}\n```\n",
                encoding="utf-8",
            )
            top.append(f"{part}/index")
    if circ:
        top += [f"personas/{k}" for k in PERSONAS]
    toctree = "\n".join(top)
    (src / "index.md").write_text(
        f"# Banc d'essai\n\n```{{toctree}}\n{toctree}\n```\n", encoding="utf-8"
    )
    styles = ("grey", "color", "white")
    for i in range(pages):
        here, nxt = "/" + name(i), "/" + name((i + 1) % pages)
        if circ:
            sections = "\n".join(
                CIRC_SECTION.format(i=i, n=n, style=s, here=here)
                for n, s in enumerate(styles, 1)
            )
            personas = "\n".join(
                f"::::{{persona}} {k.capitalize()}\n:page: /personas/{k}\n::::"
                for k in PERSONAS
            )
            text = CIRC_PAGE.format(i=i, next=nxt, sections=sections, personas=personas)
        else:
            sections = "\n".join(
                BASE_SECTION.format(i=i, n=n, style=s, here=here)
                for n, s in enumerate(styles, 1)
            )
            personas = "\n".join(
                f"::::{{tab-item}} {k.capitalize()}\n:sync: {k}\n\n```{{include}} /personas/{k}.md\n"
                ":heading-offset: 2\n```\n::::"
                for k in PERSONAS
            )
            text = BASE_PAGE.format(i=i, next=nxt, sections=sections, personas=personas)
        (src / f"{name(i)}.md").write_text(text, encoding="utf-8")
    return src


def build(src: Path, out: Path, *extra: str) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", *extra, str(src), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"build of {src.name} failed:\n{result.stderr[-2000:]}")
    return elapsed, result.stdout


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def theme_assets(out: Path) -> list[Path]:
    """The CSS and JS sphinx-circ ships (the theme's and the blocks'), as served in *out*.

    The sources are commented for their editors; what a reader downloads is
    the copy in ``_static``, stripped of its comments at build time.
    """
    package = ROOT / "sphinx_circ"
    folders = (package / "theme" / "sphinx_circ" / "static", package / "static")
    return sorted(
        out / "_static" / path.relative_to(folder)
        for folder in folders
        for path in folder.rglob("*")
        if path.suffix in (".css", ".js")
    )


def lighthouse(pages: list[str], runs: int = 3) -> None:
    """Median of *runs* Lighthouse runs per page (scores vary from run to run)."""
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not binary.exists() or not chromium:
        print(
            "lighthouse: skipped (npm install lighthouse, and Debian's chromium, are needed)"
        )
        return
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import serve  # the tests' small loopback server

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "docs"
        build(ROOT / "docs", out, "-q")
        # Compressed, as Read the Docs and any production host serve pages.
        with serve(out, compress=True) as url:
            print(
                f"lighthouse, mobile, median of {runs} runs:\n"
                f"{'page':32} {'perf.':>6} {'a11y':>5} {'b.p.':>5} {'SEO':>5} "
                f"{'FCP':>7} {'LCP':>7} {'TBT':>6} {'CLS':>5}"
            )
            for page in pages:
                reports = []
                for _run in range(runs):
                    report = Path(tmp) / "report.json"
                    subprocess.run(
                        [
                            str(binary),
                            url + page,
                            "--quiet",
                            "--output=json",
                            f"--output-path={report}",
                            "--only-categories=performance,accessibility,"
                            "best-practices,seo",
                            "--form-factor=mobile",
                            "--chrome-flags=--headless --no-sandbox --disable-gpu "
                            "--disable-background-networking",
                        ],
                        check=True,
                        env=os.environ | {"CHROME_PATH": chromium},
                    )
                    reports.append(json.loads(report.read_text()))
                reports.sort(key=lambda r: r["categories"]["performance"]["score"])
                median = reports[len(reports) // 2]
                audits = median["audits"]
                scores = median["categories"]
                print(
                    f"{page:32} {scores['performance']['score'] * 100:6.0f} "
                    f"{scores['accessibility']['score'] * 100:5.0f} "
                    f"{scores['best-practices']['score'] * 100:5.0f} "
                    f"{scores['seo']['score'] * 100:5.0f} "
                    f"{audits['first-contentful-paint']['numericValue'] / 1000:6.1f}s "
                    f"{audits['largest-contentful-paint']['numericValue'] / 1000:6.1f}s "
                    f"{audits['total-blocking-time']['numericValue']:4.0f}ms "
                    f"{audits['cumulative-layout-shift']['numericValue']:5.2f}"
                )


def scaling(sizes: list[int], rounds: int, part_size: int) -> None:
    """Time per page at each size, sphinx-circ and the same content under
    Sphinx's ``basic`` theme: linear scaling keeps both flat."""
    print(
        f"{'pages':>6} {'median (s)':>11} {'per page (ms)':>14} "
        f"{'basic (ms)':>11} {'ratio':>6}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for pages in sizes:
            src = generate(Path(tmp) / str(pages), pages, True, part_size)
            circ, basic = [], []
            for _round in range(rounds):
                circ.append(build(src, Path(tmp) / f"out-{pages}", "-q", "-E")[0])
                basic.append(build(src, Path(tmp) / f"basic-{pages}", *BASIC)[0])
            median, floor = statistics.median(circ), statistics.median(basic)
            print(
                f"{pages:6} {median:11.2f} {1000 * median / pages:14.1f} "
                f"{1000 * floor / pages:11.1f} {median / floor:6.2f}"
            )


def transferred(out: Path, page: str) -> int:
    """The gzipped bytes a reader downloads for *page*: its HTML, the
    stylesheets and scripts it links (fonts and images aside)."""
    html = (out / page).read_text(encoding="utf-8")
    total = len(gzip.compress(html.encode(), 9))
    # rel and href in either order (the theme's layout writes href first).
    linked = [
        href
        for tag in re.findall(r"<link\b[^>]*>", html)
        if re.search(r'\brel="stylesheet"', tag)
        for href in re.findall(r'\bhref="([^"]+)"', tag)
    ]
    linked += re.findall(r'<script[^>]*src="([^"]+)"', html)
    folder = (out / page).parent
    for ref in dict.fromkeys(linked):
        path = folder / ref.split("?")[0]
        if path.is_file():
            total += len(gzip.compress(path.read_bytes(), 9))
    return total


#: The portal's pages the weight targets are set for.
PORTAL_PAGES = {
    "landing": "index.html",
    "FAQ": "faq/index.html",
    "dataset": "donnees/dechets-menagers.html",
}


def portal_weights() -> None:
    """What a reader downloads for three pages of ``docs/`` (gzip)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "docs"
        build(ROOT / "docs", out, "-q")
        sizes = ", ".join(
            f"{label} {transferred(out, page) / 1000:.1f} kB"
            for label, page in PORTAL_PAGES.items()
        )
        print(f"docs/ transferred (gzip, HTML + CSS + JS): {sizes}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--part-size",
        type=int,
        default=25,
        help="pages per part of the site (0: every page at the top)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        nargs="+",
        default=[2],
        metavar="N",
        help="parallel builds to compare with the serial one (default: -j 2)",
    )
    parser.add_argument("--lighthouse", action="store_true")
    parser.add_argument(
        "--scaling",
        type=int,
        nargs="*",
        metavar="N",
        help="also time sphinx-circ builds of N pages each (e.g. 100 1000)",
    )
    args = parser.parse_args()
    if not 1 <= args.pages <= 5000:
        parser.error("--pages must be between 1 and 5000")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sources = {
            kind: generate(root, args.pages, kind == "circ", args.part_size)
            for kind in ("baseline", "circ")
        }
        # Serial and parallel builds, alternating, so drift hits all alike.
        jobs = [1, *args.jobs]
        times: dict[tuple[str, int], list[float]] = {
            (kind, n): [] for kind in sources for n in jobs
        }
        times["basic", 1] = []
        for _round in range(args.rounds):
            for kind, src in sources.items():
                for n in jobs:
                    extra = ("-j", str(n)) if n > 1 else ()
                    elapsed, _ = build(
                        src, root / f"out-{kind}-{n}", "-q", "-E", *extra
                    )
                    times[kind, n].append(elapsed)
            # The floor: sphinx-circ's content under Sphinx's basic theme.
            times["basic", 1].append(
                build(sources["circ"], root / "out-basic-1", *BASIC)[0]
            )
        median = {key: statistics.median(values) for key, values in times.items()}
        medians = {kind: median[kind, 1] for kind in sources}
        # Re-reads after editing one persona page (an incremental build).
        build(sources["circ"], root / "out-inc", "-q")
        persona = sources["circ"] / "personas" / "citoyen.md"
        persona.write_text(
            persona.read_text(encoding="utf-8") + "\nUne ligne de plus.\n",
            encoding="utf-8",
        )
        _elapsed, log = build(sources["circ"], root / "out-inc")
        reread = re.search(r"(\d+) added, (\d+) changed, (\d+) removed", log)
        changed = int(reread.group(1)) + int(reread.group(2)) if reread else -1
        print(
            f"pages: {args.pages} in parts of {args.part_size}, rounds: {args.rounds}, "
            f"cpus: {os.cpu_count()}"
        )
        print(f"baseline (sphinx-design) median: {medians['baseline']:.2f} s")
        print(f"sphinx-circ median:              {medians['circ']:.2f} s")
        print(
            f"ratio sphinx-circ / baseline:    {medians['circ'] / medians['baseline']:.3f}"
        )
        print(f"basic-theme floor median:        {median['basic', 1]:.2f} s")
        print(
            f"ratio sphinx-circ / basic:       {medians['circ'] / median['basic', 1]:.3f}"
        )
        print(
            f"time per page (sphinx-circ):     {1000 * medians['circ'] / args.pages:.1f} ms"
        )
        page = "part-0/page-0.html" if args.part_size else "page-0.html"
        print(
            "transferred per page (gzip, HTML + CSS + JS): "
            + ", ".join(
                f"{label} {transferred(root / out, page) / 1000:.1f} kB"
                for label, out in (
                    ("sphinx-circ", "out-circ-1"),
                    ("baseline", "out-baseline-1"),
                    ("basic", "out-basic-1"),
                )
            )
        )
        for n in args.jobs:
            for kind, label in (("circ", "sphinx-circ"), ("baseline", "baseline")):
                print(
                    f"{f'-j {n} speed-up ({label}):':32} "
                    f"{medians[kind] / median[kind, n]:.2f}x"
                )
        print(f"documents re-read after editing one persona page: {changed}")
        print(f"output size: baseline {size(root / 'out-baseline-1') / 1e6:.1f} MB, "
              f"sphinx-circ {size(root / 'out-circ-1') / 1e6:.1f} MB")  # fmt: skip
        assets = theme_assets(root / "out-circ-1")
        raw = sum(p.stat().st_size for p in assets)
        packed = sum(len(gzip.compress(p.read_bytes(), 9)) for p in assets)
        print(
            f"CSS + JS added by sphinx-circ: {raw / 1000:.1f} kB raw, {packed / 1000:.1f} kB gzip"
        )
        for path in assets:
            data = path.read_bytes()
            print(
                f"  {path.relative_to(root / 'out-circ-1')}: {len(data)} B, "
                f"{len(gzip.compress(data, 9))} B gzip"
            )
    portal_weights()
    if args.scaling:
        scaling(args.scaling, args.rounds, args.part_size)
    if args.lighthouse:
        lighthouse(list(PORTAL_PAGES.values()))


if __name__ == "__main__":
    main()
