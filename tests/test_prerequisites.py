"""A missing prerequisite skips locally with its remedy, and fails in CI.

Each test runs a few of the suite's own tests in a fresh pytest, with one
prerequisite taken away: Chromium (a wrong CHROMIUM_PATH), Node.js, the
shared data beside the repository, sphinx-book-theme's environment.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

pytestmark = pytest.mark.slow


def run_pytest(*args: str, ci: bool, cwd: Path = REPO, **env: str) -> tuple[int, str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("CI", "PYTEST_ADDOPTS")}
    if ci:
        environ["CI"] = "1"
    environ.update(env)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rsfE", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env=environ,
    )
    return result.returncode, result.stdout + result.stderr


def counts(output: str) -> dict[str, int]:
    """The summary line's counts: ``{"passed": 3, "skipped": 1}``."""
    summary = output.strip().splitlines()[-1]
    return {word: int(n) for n, word in re.findall(r"(\d+) (\w+)", summary)}


def test_a_wrong_chromium_path_says_so(tmp_path: Path) -> None:
    missing = str(tmp_path / "chromium")
    test = "tests/test_theme_browser.py::test_an_undrawn_icon_is_detected"
    code, output = run_pytest(test, ci=False, CHROMIUM_PATH=missing)
    assert code == 0, output
    assert counts(output) == {"skipped": 1}, output
    assert f"CHROMIUM_PATH={missing!r} is not an executable file" in output
    code, output = run_pytest(test, ci=True, CHROMIUM_PATH=missing)
    assert code == 1, output
    assert "skipped" not in counts(output), output
    assert "is not an executable file (required in CI)" in output


def test_scripts_are_parsed_by_node_or_the_test_fails(tmp_path: Path) -> None:
    """Without Node.js the check of the served scripts cannot pass vacuously."""
    test = "tests/test_theme.py::test_theme_loads_from_its_entry_point_alone"
    empty = tmp_path / "bin"
    empty.mkdir()
    code, output = run_pytest(test, ci=True, PATH=str(empty))
    assert code == 1, output
    assert "node is not installed (apt install nodejs) (required in CI)" in output
    code, output = run_pytest(test, ci=False, PATH=str(empty))
    assert code == 0 and counts(output) == {"skipped": 1}, output


def test_tests_on_shared_data_fail_without_it(tmp_path: Path) -> None:
    """A copy of the tests with nothing beside it: no test vanishes or skips."""
    copy = tmp_path / "repo"
    shutil.copytree(REPO / "tests", copy / "tests")
    shutil.copy(REPO / "pyproject.toml", copy)
    assert not (tmp_path / "shared").exists()
    tests = ["tests/test_datasets_real.py", "tests/test_cli.py", "-m", "shared"]
    code, output = run_pytest(*tests, ci=True, cwd=copy)
    assert code == 1, output
    found = counts(output)
    assert "skipped" not in found and "passed" not in found, output
    # Three tests per file of the data, one test each, and the corpus's.
    assert found.get("failed", 0) + found.get("error", found.get("errors", 0)) >= 6
    assert "shared data belong beside the repository (required in CI)" in output
    code, output = run_pytest(*tests, ci=False, cwd=copy)
    assert code == 0, output
    assert counts(output)["skipped"] >= 6, output


def test_book_theme_tests_run_only_in_their_environment() -> None:
    code, output = run_pytest(
        "--collect-only", "-q", "tests/test_other_themes.py", ci=True
    )
    assert code == 0 and "sphinx_book_theme" not in output, output
    assert re.search(r"\d+/\d+ tests collected \(\d+ deselected\)", output), output
    code, output = run_pytest(
        "--collect-only", "-q", "tests/test_other_themes.py", ci=True,
        CIRC_BOOK_THEME="1",
    )  # fmt: skip
    assert code == 0 and "sphinx_book_theme" in output, output
    assert "deselected" not in output
