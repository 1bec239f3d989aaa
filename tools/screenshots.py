"""Take the screenshots shown in the README and the guide, in headless Chromium.

    python tools/screenshots.py [--out docs/_static/screenshots]

Builds docs/ and the example agency site (tests/sites/agence), serves them on
a loopback port and saves their landing pages in light and dark mode. Uses
Debian's chromium (or CHROMIUM_PATH); no browser is downloaded.
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

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SITES = {"portail": ROOT / "docs", "agence": ROOT / "tests" / "sites" / "agence"}
MODES = ("light", "dark")
VIEWPORT = {"width": 1280, "height": 860}


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
                    context = browser.new_context(viewport=VIEWPORT, color_scheme=mode)
                    # The theme reads the reader's choice from local storage.
                    context.add_init_script(
                        f"localStorage.setItem('mode', '{mode}');"
                        f"localStorage.setItem('theme', '{mode}');"
                    )
                    page = context.new_page()
                    page.goto(f"{url}index.html")
                    page.wait_for_load_state("networkidle")
                    path = out_dir / f"{name}-{mode}.png"
                    page.screenshot(path=str(path))
                    written.append(path)
                    context.close()
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
