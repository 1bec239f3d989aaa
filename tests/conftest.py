"""Shared fixtures: build small Sphinx projects written on the fly."""

from __future__ import annotations

import ast
import contextlib
import functools
import gzip
import http.server
import os
import re
import shutil
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import pytest
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures",)

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
#: Test projects, one folder each (``tests/sites/<name>``).
SITES = REPO / "tests" / "sites"

DEFAULT_CONF = (
    'extensions = ["sphinx_circ"]\nhtml_theme = "sphinx_circ"\nlanguage = "fr"\n'
)


#: Added to a test project's conf.py: a project of one or two pages is not a
#: portal, and need not say it lacks its legal pages (tests/test_legal.py
#: builds with ``legal=True``).
NO_LEGAL_PAGES = (
    '\nsuppress_warnings = [*globals().get("suppress_warnings", []), "circ.legal"]\n'
)

#: Likewise, a test project is not a published portal: it need not say that
#: its datasets lack a site address or a long enough description for search
#: engines (tests/test_catalog.py builds with ``data=True``).
NO_DATA_CHECKS = (
    '\nsuppress_warnings = [*globals().get("suppress_warnings", []), "circ.data"]\n'
)

#: A project named for the builders that name their output after it.
NAMED_CONF = (
    'extensions = ["sphinx_circ"]\nproject = "Projet"\nversion = "1"\n'
    'copyright = "2026"\nlanguage = "fr"\n'
)
#: Builders other than HTML, with the file each writes for a one-page project.
OTHER_OUTPUTS = [
    ("latex", "projet.tex"),
    ("text", "index.txt"),
    ("epub", "index.xhtml"),
]


@dataclass
class Built:
    app: SphinxTestApp
    warnings: str

    @property
    def outdir(self) -> Path:
        return Path(self.app.outdir)

    def read(self, name: str) -> str:
        return (self.outdir / name).read_text(encoding="utf-8")

    def doctree(self, docname: str) -> Any:
        return self.app.env.get_doctree(docname)

    def circ_warnings(self) -> list[str]:
        return [line for line in self.warnings.splitlines() if "[circ." in line]


def read_site(name: str) -> dict[str, str]:
    """The pages and data of ``tests/sites/<name>`` (not its conf.py), by path."""
    root = SITES / name
    return {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name != "conf.py"
    }


def cli(capsys: Any, *args: str) -> tuple[int, str]:
    """Run ``sphinx-circ`` with *args* in process: its exit code and output."""
    from sphinx_circ.cli import main

    code = main(list(args))
    return code, capsys.readouterr().out


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Write *files* (path → text) under *root*, folders made; return *root*."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def strip_colors(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


@pytest.fixture
def build(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> Callable[..., Built]:
    """Write *files* into a fresh project and build it with *buildername*."""

    def _build(
        files: dict[str, str],
        buildername: str = "html",
        conf: str = DEFAULT_CONF,
        confoverrides: dict[str, Any] | None = None,
        legal: bool = False,
        data: bool = False,
        **kwargs: Any,
    ) -> Built:
        srcdir = tmp_path / "src"
        srcdir.mkdir(exist_ok=True)
        overrides = {"show_warning_types": True, **(confoverrides or {})}
        quiet = [] if legal else ["circ.legal"]
        quiet += [] if data else ["circ.data"]
        conf += "" if legal else NO_LEGAL_PAGES
        conf += "" if data else NO_DATA_CHECKS
        if quiet and "suppress_warnings" in overrides:
            overrides["suppress_warnings"] = [*overrides["suppress_warnings"], *quiet]
        (srcdir / "conf.py").write_text(conf, encoding="utf-8")
        for name, content in files.items():
            path = srcdir / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
        app = make_app(
            buildername,
            srcdir=srcdir,
            builddir=tmp_path / "_build",
            # Sphinx < 8 names the warning type only when asked to.
            confoverrides=overrides,
            freshenv=True,
            **kwargs,
        )
        app.build()
        return Built(app, strip_colors(app.warning.getvalue()))

    return _build


def other_output(
    build: Callable[..., Built], files: dict[str, str], builder: str, output: str
) -> str:
    """Build *files* with *builder*, without a warning; return the *output* file."""
    built = build(files, buildername=builder, conf=NAMED_CONF)
    assert built.warnings == ""
    return (built.outdir / output).read_text(encoding="utf-8")


def snapshot(built: Built, docname: str = "index") -> str:
    """The resolved doctree of *docname*, with machine paths removed."""
    builder = built.app.builder
    doctree = built.app.env.get_and_resolve_doctree(docname, builder)
    text = doctree.pformat()
    return normalise_doctree(text.replace(str(built.app.srcdir), "<src>"))


#: sphinx-design before 0.8 gives an icon as a raw HTML node, since as ``sd_icon``.
_RAW_ICON = re.compile(
    r'^( *)<raw format="html" xml:space="preserve">\n\1    (<svg [^\n]*</svg>)$',
    re.MULTILINE,
)


def normalise_doctree(text: str) -> str:
    """One spelling for what only differs by dependency version, not by meaning.

    docutils before 0.22 prints boolean attributes as ``True``/``False``.
    """
    text = text.replace('="True"', '="1"').replace('="False"', '="0"')
    return _RAW_ICON.sub(r'\1<sd_icon svg="\2">', text)


def warnings_of(built: Built, kind: str) -> list[str]:
    return [line for line in built.warnings.splitlines() if f"[circ.{kind}]" in line]


# -- Prerequisites ------------------------------------------------------------
# What the tests need besides Python packages (README, "Two commands"): Debian's
# chromium, Java, latexmk, Node.js, the npm packages of package-lock.json and
# the shared data beside the repository. Locally a missing one skips the
# tests that need it, saying how to install it; in CI (CI set) it fails them,
# so the suite cannot pass by being skipped.

#: Data kept beside the repository, not in it (CI puts it there).
SHARED = REPO.parent / "shared"
NPM_CI = f"run `npm ci` in {REPO}"


def require(available: object, reason: str) -> None:
    """Skip the test unless *available*; in CI, fail it."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (required in CI)", pytrace=False)
    pytest.skip(reason)


def find_chromium() -> tuple[str | None, str]:
    """Debian's chromium (or CHROMIUM_PATH's), and why it is missing if it is."""
    chosen = os.environ.get("CHROMIUM_PATH")
    if chosen:
        if os.path.isfile(chosen) and os.access(chosen, os.X_OK):
            return chosen, ""
        return None, f"CHROMIUM_PATH={chosen!r} is not an executable file"
    found = shutil.which("chromium")
    return (
        found,
        "" if found else "Debian's chromium is not installed (apt install chromium)",
    )


CHROMIUM, CHROMIUM_MISSING = find_chromium()


def require_chromium() -> str:
    require(CHROMIUM, CHROMIUM_MISSING)
    assert CHROMIUM is not None
    return CHROMIUM


def require_program(name: str, package: str) -> str:
    """The path of the program *name*, from the Debian *package*."""
    found = shutil.which(name)
    require(found, f"{name} is not installed (apt install {package})")
    assert found is not None
    return found


def require_npm_file(path: Path) -> Path:
    """A file of node_modules (pinned by package-lock.json)."""
    name = path.relative_to(REPO / "node_modules").parts[0]
    require(path.is_file(), f"{name} is not installed: {NPM_CI}")
    return path


def require_shared(path: Path) -> Path:
    require(
        path.exists(),
        f"{path} is missing: the shared data belong beside the repository",
    )
    return path


def shared_params(values: list[str], folder: Path) -> list[Any]:
    """Parameters read from shared data, or one that fails (CI) or skips (locally)
    when the data are missing: a test does not vanish with its data."""
    if values:
        return values
    return [pytest.param(None, id=f"missing-{folder.name}")]


# -- Browser tests ------------------------------------------------------------
# They drive Debian's chromium through Playwright (never a downloaded browser).

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = require_chromium()
    try:
        import playwright.sync_api as playwright
    except ImportError:
        require(False, "Playwright is not installed (pip install -e '.[test]')")
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A desktop-sized tab; the test fails if a script of the page throws."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == []


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extra_headers: ClassVar[dict[str, str]] = {}

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _GzipHandler(_QuietHandler):
    """Compress text files, as any production host (Read the Docs included) does."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml")

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepted and path.suffix in self.COMPRESSIBLE and path.is_file()):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve(
    directory: Path, headers: dict[str, str] | None = None, *, compress: bool = False
) -> Iterator[str]:
    """Serve *directory* on a free loopback port, with *headers*; yield its URL."""
    base = _GzipHandler if compress else _QuietHandler
    handler_class = type("Handler", (base,), {"extra_headers": headers or {}})
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def suppressed_warnings(src: Path) -> list[str]:
    """The ``suppress_warnings`` list *src*'s conf.py writes out, if any."""
    try:
        tree = ast.parse((src / "conf.py").read_text(encoding="utf-8"))
    except (OSError, SyntaxError):
        return []
    for statement in tree.body:
        if (
            isinstance(statement, ast.Assign)
            and any(
                isinstance(t, ast.Name) and t.id == "suppress_warnings"
                for t in statement.targets
            )
            and isinstance(statement.value, ast.List)
        ):
            return [str(item) for item in ast.literal_eval(statement.value)]
    return []


def run_sphinx(
    src: Path, out: Path, *args: str, legal: bool = False, data: bool | None = None
) -> subprocess.CompletedProcess[str]:
    """Run sphinx-build (fresh environment, quiet) in a new process, as a user would.

    Unless *legal*, the project is not told it lacks its legal pages (see
    ``NO_LEGAL_PAGES``); unless *data* (by default, *legal*), nor what its
    datasets lack for machines (``NO_DATA_CHECKS``).
    """
    data = legal if data is None else data
    # Sphinx < 8 names the warning type only when asked to.
    command = [sys.executable, "-m", "sphinx", "-q", "-E", "-D", "show_warning_types=1"]
    quiet = ([] if legal else ["circ.legal"]) + ([] if data else ["circ.data"])
    if quiet:
        quiet = [*suppressed_warnings(src), *quiet]
        command += ["-D", f"suppress_warnings={','.join(quiet)}"]
    return subprocess.run(
        [*command, *args, str(src), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )


def sphinx_build(src: Path, out: Path, *args: str, legal: bool = False) -> Path:
    """Build *src* with sphinx-build in a fresh process; fail on any warning."""
    result = run_sphinx(src, out, "-nW", *args, legal=legal)
    assert result.returncode == 0, strip_colors(result.stderr)
    return out


DocsBuild = Callable[..., tuple[Path, str]]


@pytest.fixture(scope="session")
def docs_build(tmp_path_factory: pytest.TempPathFactory) -> DocsBuild:
    """Build docs/ with a builder once per test session: ``(output, stderr)``.

    Every builder runs with ``-nW --keep-going``, in a fresh process; extra
    arguments (``-D language=en``) make a separate build.
    """
    built: dict[tuple[str, ...], tuple[Path, str]] = {}

    def _build(builder: str = "html", *extra: str) -> tuple[Path, str]:
        key = (builder, *extra)
        if key not in built:
            root = tmp_path_factory.mktemp(f"docs-{builder}")
            out = root / builder
            # Non-HTML outputs are named after the project: a stable name.
            named = [] if builder == "html" else ["-D", "project=sphinx-circ"]
            result = run_sphinx(
                DOCS, out, "-nW", "--keep-going", "-b", builder, *named, *extra,
                "-d", str(root / "doctrees"), legal=True,
            )  # fmt: skip
            assert result.returncode == 0, strip_colors(result.stderr)
            built[key] = (out, strip_colors(result.stderr))
        return built[key]

    return _build


@pytest.fixture(scope="session")
def site_factory(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """Build ``tests/sites/<name>`` once per session per set of ``-D`` settings.

    ``site_factory("persona-sync", circ_persona_storage="none")`` returns the
    HTML output folder; the build fails the test on any warning.
    """
    built: dict[tuple[str, ...], Path] = {}

    def _build(name: str, **settings: str) -> Path:
        defines = [
            arg for key, value in settings.items() for arg in ("-D", f"{key}={value}")
        ]
        key = (name, *defines)
        if key not in built:
            out = tmp_path_factory.mktemp(f"site-{name}") / "html"
            built[key] = sphinx_build(
                SITES / name, out, "-d", str(out.parent / "doctrees"), *defines
            )
        return built[key]

    return _build


@pytest.fixture(scope="session")
def docs_site(docs_build: DocsBuild) -> Path:
    """The portal in docs/, built once for the session (HTML)."""
    return docs_build("html")[0]


def site_pages(out: Path) -> list[str]:
    """Every page of a built site, as paths relative to its root."""
    return sorted(
        path.relative_to(out).as_posix()
        for path in out.rglob("*.html")
        if "_static" not in path.parts and "_sources" not in path.parts
    )


@pytest.fixture(scope="session")
def docs_url(docs_site: Path) -> Iterator[str]:
    with serve(docs_site) as url:
        yield url


def axe_violations(page: Any, context: str = "document") -> list[dict[str, Any]]:
    """Run axe-core's WCAG 2.2 A/AA rules on the page; return the violations."""
    page.add_script_tag(path=str(require_npm_file(AXE)))
    result = page.evaluate(
        """async (context) => (await axe.run(context === 'document' ? document : context, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
        })).violations.map(v => ({id: v.id, help: v.help,
            nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}))""",
        context,
    )
    return list(result)


def goto_in_mode(page: Any, url: str, mode: str) -> None:
    """Open *url* in light or dark mode, chosen before the page's own scripts run.

    The theme reads the reader's choice from local storage as the page loads;
    switching afterwards would scan colours in the middle of a transition.
    """
    # pydata-sphinx-theme keeps the reader's choice ("mode") and its result ("theme").
    page.add_init_script(
        f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}');"
    )
    page.goto(url)
    page.wait_for_function(f"document.documentElement.dataset.theme === '{mode}'")
    # The mode applies after the first paint: let the colour transitions of
    # the theme's buttons end, or axe would read a colour half-way.
    page.wait_for_function("document.getAnimations().length === 0")


#: sphinx-book-theme pins an older pydata-sphinx-theme than the sphinx_circ
#: theme is drawn for, so it cannot share its environment: its tests (marked
#: ``book``) run where CIRC_BOOK_THEME is set (tox's ``book`` env, which
#: installs it), and are deselected elsewhere, neither skipped nor passed.
BOOK_THEME = bool(os.environ.get("CIRC_BOOK_THEME"))


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    """Mark every test that drives Chromium as ``browser`` (``-m "not browser"``);
    leave out the ``book`` tests unless CIRC_BOOK_THEME is set."""
    kept, left_out = [], []
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
        if item.get_closest_marker("book") and not BOOK_THEME:
            left_out.append(item)
        else:
            kept.append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


# -- Printed figures ----------------------------------------------------------
# Speed goals are shown by measured figures, not by timed tests: a test adds
# its lines here and they are printed after the run, in a "figures" section.

_FIGURES = pytest.StashKey[list[str]]()


@pytest.fixture(scope="session")
def figures(request: pytest.FixtureRequest) -> list[str]:
    """Lines of measured figures, printed at the end of the test run."""
    return request.config.stash.setdefault(_FIGURES, [])


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    lines = config.stash.get(_FIGURES, [])
    if lines:
        terminalreporter.section("figures")
        for line in lines:
            terminalreporter.write_line(line)


def fill_placeholders(project: Path) -> None:
    """Replace every example address and ``[…]`` fact ``new`` wrote."""
    from sphinx_circ.cli.new import TEXTS

    conf = project / "conf.py"
    text = conf.read_text(encoding="utf-8")
    text = text.replace("contact@example.org", "donnees@agence-essai.fr")
    text = text.replace(
        "https://donnees.example.org/", "https://donnees.agence-essai.fr/"
    )
    for texts in TEXTS.values():
        text = text.replace(texts["publisher_contact"], "contact@agence-essai.fr")
    text = re.sub(r'"\[[^\]"]*\]"', '"Un fait de l’agence"', text)
    conf.write_text(text, encoding="utf-8")
