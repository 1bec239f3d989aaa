"""Take the screenshots shown in the README and the guide, in headless Chromium.

    python tools/screenshots.py [--out docs/_static/screenshots]

Builds docs/ and the example agency site (tests/sites/agence), serves them on
a loopback port and saves their landing pages in light and dark mode; then
the portal's pages as a reader sees them on a desktop (1280px) and on a phone
(390px): the landing page, the inventory, a dataset's fields, the FAQ's
persona tabs and the phone menu; then the header of a portal with a long
name and six menu entries (tests/sites/long-header) at three widths. Uses
Debian's chromium (or CHROMIUM_PATH); no browser is downloaded.

    python tools/screenshots.py --themes [THEME ...]

instead saves the blocks' page (tests/sites/hosts) under other themes, those
named or every one installed, in light mode and, for a theme that has one, in
dark mode, cropped below the last block (``pngquant``, where installed, makes
them smaller). sphinx-book-theme needs an environment of its own.

    python tools/screenshots.py --dsfr

instead saves the portal in docs/ under the DSFR theme (``sphinx_circ_dsfr``):
its landing page, a page of a section, the FAQ's persona tabs, the inventory
and the request form, on a desktop (1280px) and on a phone (390px), in light
and dark mode (``dsfr-*.png``).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SITES = {"portail": ROOT / "docs", "agence": ROOT / "tests" / "sites" / "agence"}
MODES = ("light", "dark")
VIEWPORT = {"width": 1280, "height": 860}
#: The header of a long-named portal: page, widths (the narrowest desktop one
#: with its "Plus" dropdown open), and the height kept.
#: The portal's pages on a desktop and on a phone: name -> (page, element
#: scrolled to the top, width, mode). A phone is 390 x 844.
PAGES = {
    "accueil-390": ("index.html", None, 390, "light"),
    "accueil-390-sombre": ("index.html", None, 390, "dark"),
    "inventaire-1280": ("inventaire.html", ".circ-inventory__table", 1280, "light"),
    "inventaire-390-sombre": ("inventaire.html", ".circ-inventory__table", 390, "dark"),
    "champs-1280-sombre": ("donnees/aires-de-livraison.html", ".circ-dataset__summary", 1280, "dark"),
    "champs-390": ("donnees/aires-de-livraison.html", ".circ-dataset__summary", 390, "light"),
    "profils-1280": ("faq/index.html", ".circ-personas", 1280, "light"),
    "profils-390-sombre": ("faq/index.html", ".circ-personas", 390, "dark"),
    "menu-390": ("faq/citoyen.html", "menu", 390, "light"),
    "accessibilite-1280": ("accessibilite.html", None, 1280, "light"),
    "pied-de-page-390-sombre": ("plan-du-site.html", ".bd-footer", 390, "dark"),
}  # fmt: skip
PHONE = {"width": 390, "height": 844}
HEADER_SITE = ROOT / "tests" / "sites" / "long-header"
HEADER_PAGE = "faq.html"
HEADER_WIDTHS = (1024, 1280, 390)
HEADER_HEIGHT = 240
#: Every block (tests/sites/hosts) under other themes: theme → short name.
HOSTS_SITE = ROOT / "tests" / "sites" / "hosts"
HOST_THEMES = {
    "furo": "furo",
    "alabaster": "alabaster",
    "sphinx_rtd_theme": "rtd",
    "pydata_sphinx_theme": "pydata",
    "sphinx_book_theme": "book",
}
#: The themes that follow the reader's dark mode.
HOST_DARK = {"furo", "pydata_sphinx_theme", "sphinx_book_theme"}
HOST_VIEWPORT = {"width": 1024, "height": 900}
#: A short title: pydata-sphinx-theme's own header overlaps a long one with
#: its menu at this width (sphinx-circ's theme puts them on two rows).
HOST_TITLE = ("-D", "project=Portail de données", "-D", "html_title=Portail de données")


#: The portal under the DSFR theme: name -> (page, width, mode).
DSFR_PAGES = {
    "dsfr-accueil-1280": ("index.html", 1280, "light"),
    "dsfr-rubrique-1280-sombre": ("donnees/decheteries.html", 1280, "dark"),
    "dsfr-accueil-390-sombre": ("index.html", 390, "dark"),
    "dsfr-rubrique-390": ("donnees/decheteries.html", 390, "light"),
}
#: Pages whose block is further down: scrolled to it (CSS selector).
DSFR_BLOCKS = {
    "dsfr-profils-1280-sombre": ("faq/index.html", 1280, "dark", ".circ-personas"),
    "dsfr-profils-390": ("faq/index.html", 390, "light", ".circ-personas"),
    "dsfr-inventaire-1280": ("inventaire.html", 1280, "light", ".circ-inventory"),
    "dsfr-demande-390-sombre": ("demande.html", 390, "dark", ".circ-request"),
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build(source: Path, out: Path, *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-E", *args, str(source), str(out)],
        check=True,
    )


def open_page(browser: Any, viewport: dict[str, int], mode: str, url: str) -> Any:
    context = browser.new_context(viewport=viewport, color_scheme=mode)
    # The theme reads the reader's choice from local storage.
    context.add_init_script(
        f"localStorage.setItem('mode', '{mode}');"
        f"localStorage.setItem('theme', '{mode}');"
    )
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page


def launch(driver: Any) -> Any:
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not chromium:
        raise SystemExit("Debian's chromium is needed: apt-get install chromium")
    return driver.chromium.launch(
        executable_path=chromium,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    )


def take(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as driver:
        browser = launch(driver)
        for name, source in SITES.items():
            html = Path(tmp) / name
            build(source, html)
            with served(html) as url:
                for mode in MODES:
                    page = open_page(browser, VIEWPORT, mode, f"{url}index.html")
                    path = out_dir / f"{name}-{mode}.png"
                    page.screenshot(path=str(path))
                    written.append(path)
                    page.context.close()
                if name == "portail":
                    written += take_pages(browser, url, out_dir)
        html = Path(tmp) / "long-header"
        build(HEADER_SITE, html)
        with served(html) as url:
            for width in HEADER_WIDTHS:
                viewport = {"width": width, "height": HEADER_HEIGHT}
                page = open_page(browser, viewport, "light", url + HEADER_PAGE)
                if width == HEADER_WIDTHS[0]:
                    page.get_by_role("button", name="Plus").click()
                path = out_dir / f"en-tete-{width}.png"
                page.screenshot(path=str(path))
                written.append(path)
                page.context.close()
        browser.close()
    return written


def take_pages(browser: Any, url: str, out_dir: Path) -> list[Path]:
    """The portal's pages of ``PAGES``: ``<name>.png``, a screen each."""
    written = []
    for name, (page_name, element, width, mode) in PAGES.items():
        viewport = PHONE if width == PHONE["width"] else {**VIEWPORT, "width": width}
        page = open_page(browser, viewport, mode, url + page_name)
        page.wait_for_function("document.getAnimations().length === 0")
        if element == "menu":
            page.locator(".primary-toggle").click()
            page.wait_for_function("document.getAnimations().length === 0")
        elif element:
            # The element a little below the header, as a reader scrolls to it.
            page.evaluate(
                "s => scrollTo(0, document.querySelector(s).getBoundingClientRect()"
                ".top + scrollY - 120)",
                element,
            )
        path = out_dir / f"{name}.png"
        page.screenshot(path=str(path))
        shrink(path)
        written.append(path)
        page.context.close()
    return written


def take_themes(out_dir: Path, themes: list[str]) -> list[Path]:
    """The blocks' page under each of *themes* installed: ``blocs-<short>-<mode>.png``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as driver:
        browser = launch(driver)
        for theme in themes or list(HOST_THEMES):
            if importlib.util.find_spec(theme) is None:
                print(f"{theme} is not installed: skipped", file=sys.stderr)
                continue
            html = Path(tmp) / theme
            build(HOSTS_SITE, html, "-D", f"html_theme={theme}", *HOST_TITLE)
            with served(html) as url:
                for mode in MODES if theme in HOST_DARK else MODES[:1]:
                    page = open_page(browser, HOST_VIEWPORT, mode, f"{url}index.html")
                    page.wait_for_function("document.getAnimations().length === 0")
                    # From the top of the page (the theme's own header and
                    # sidebar show which theme it is) to below the last block.
                    bottom = page.evaluate(
                        "Math.max(...[...document.querySelectorAll('.circ-section')]"
                        ".map(e => e.getBoundingClientRect().bottom + scrollY))"
                    )
                    height = min(HOST_VIEWPORT["height"], int(bottom) + 12)
                    clip = {
                        "x": 0,
                        "y": 0,
                        "width": HOST_VIEWPORT["width"],
                        "height": height,
                    }
                    path = out_dir / f"blocs-{HOST_THEMES[theme]}-{mode}.png"
                    page.screenshot(path=str(path), clip=clip)
                    shrink(path)
                    written.append(path)
                    page.context.close()
        browser.close()
    return written


def take_dsfr(out_dir: Path) -> list[Path]:
    """docs/ under the DSFR theme: ``dsfr-<page>-<width>[-sombre].png``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as driver:
        browser = launch(driver)
        html = Path(tmp) / "dsfr"
        build(ROOT / "docs", html, "-D", "html_theme=sphinx_circ_dsfr")
        with served(html) as url:
            shots = {
                **{name: (*shot, "") for name, shot in DSFR_PAGES.items()},
                **DSFR_BLOCKS,
            }
            for name, (page_name, width, mode, block) in shots.items():
                viewport = PHONE if width == PHONE["width"] else VIEWPORT
                context = browser.new_context(viewport=viewport, color_scheme=mode)
                # The DSFR keeps the reader's display setting as "scheme".
                context.add_init_script(f"localStorage.setItem('scheme', '{mode}');")
                page = context.new_page()
                page.goto(url + page_name)
                page.wait_for_load_state("networkidle")
                page.wait_for_function("document.getAnimations().length === 0")
                if block:
                    page.evaluate(
                        "s => document.querySelector(s).scrollIntoView()", block
                    )
                path = out_dir / f"{name}.png"
                page.screenshot(path=str(path))
                shrink(path)
                written.append(path)
                context.close()
        browser.close()
    return written


def shrink(path: Path) -> None:
    """Reduce *path* to a palette of 256 colours, if pngquant is installed."""
    if shutil.which("pngquant"):
        subprocess.run(
            [
                "pngquant",
                "--force",
                "--skip-if-larger",
                "--output",
                str(path),
                str(path),
            ],
            check=False,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=ROOT / "docs" / "_static" / "screenshots"
    )
    parser.add_argument(
        "--themes",
        nargs="*",
        metavar="THEME",
        help="only the blocks under other themes (default: every one installed)",
    )
    parser.add_argument(
        "--dsfr", action="store_true", help="only docs/ under the DSFR theme"
    )
    args = parser.parse_args()
    themes = args.themes
    if args.dsfr:
        paths = take_dsfr(args.out)
    elif themes is None:
        paths = take(args.out)
    else:
        paths = take_themes(args.out, themes)
    for path in paths:
        print(path)


if __name__ == "__main__":
    main()
