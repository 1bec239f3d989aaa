"""Take the screenshots shown in the README and the guide, in headless Chromium.

    python tools/screenshots.py [--out docs/_static/screenshots]

Builds docs/ and the example agency site (tests/sites/agence), serves them on
a loopback port and saves their landing pages in light and dark mode; then the
header of a portal with a long name and six menu entries (tests/sites/
long-header) at three widths. Uses Debian's chromium (or CHROMIUM_PATH); no
browser is downloaded.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
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
HEADER_SITE = ROOT / "tests" / "sites" / "long-header"
HEADER_PAGE = "faq.html"
HEADER_WIDTHS = (1024, 1280, 390)
HEADER_HEIGHT = 240


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


def build(source: Path, out: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-E", str(source), str(out)], check=True
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


def take(out_dir: Path) -> list[Path]:
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not chromium:
        raise SystemExit("Debian's chromium is needed: apt-get install chromium")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=ROOT / "docs" / "_static" / "screenshots"
    )
    for path in take(parser.parse_args().out):
        print(path)


if __name__ == "__main__":
    main()
