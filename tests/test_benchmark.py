"""The benchmark runs (at a small size: it is a measurement, not a timed test)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import REPO

pytestmark = pytest.mark.slow


def test_benchmark_prints_its_figures() -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "bench.py"),
            "--pages",
            "4",
            "--rounds",
            "1",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for label in (
        "baseline (sphinx-design) median:",
        "sphinx-circ median:",
        "ratio sphinx-circ / baseline:",
        "time per page (sphinx-circ):",
        "-j 2 speed-up (sphinx-circ):",
        "output size:",
        "kB gzip",
        "-j 2 speed-up (baseline):",
        "basic-theme floor median:",
        "ratio sphinx-circ / basic:",
        "transferred per page (gzip, HTML + CSS + JS): sphinx-circ",
        "docs/ transferred (gzip, HTML + CSS + JS): landing",
    ):
        assert label in out, label
    assert "documents re-read after editing one persona page: 1" in out
