"""benchmarks/themes.py prints the guide's figures (one theme: it is a measurement)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import AXE, REPO, require_chromium, require_npm_file

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_the_themes_benchmark_prints_the_guide_tables() -> None:
    require_chromium()
    require_npm_file(AXE)
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "themes.py"),
         "--themes", "alabaster", "--markdown"],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("| Thème | Clair, avec les blocs |")
    # alabaster has no dark mode; its own link colours fail in both sites.
    row = lines[2].split(" | ")
    assert row[0].startswith("| `alabaster` ")
    assert row[1] == row[2]
    assert row[3:] == ["—", "— |"]
    assert "| Page | circ-*, ko gzip | autres, ko gzip |" in lines
    sizes = {line.split(" | ")[0]: line for line in lines if "html (" in line}
    assert sizes["| faq/citoyen.html (sans bloc)"].split(" | ")[1] == "0,0"
    assert sizes["| index.html (bandes et boutons)"].split(" | ")[1] != "0,0"
