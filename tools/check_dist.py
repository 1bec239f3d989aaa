"""Check the release files before they are published.

python -m build && python tools/check_dist.py dist [--tag v0.1.0]

The release workflow (.github/workflows/release.yml) runs it on the files it
built; it exits 1, listing every problem, when:

* dist/ does not hold exactly one sdist and one wheel, both of the version
  written in sphinx_circ/__init__.py (and of the tag, when given);
* ``twine check --strict`` finds fault with their metadata or description;
* the metadata lack the licence expression or a project URL, or keep the
  licence classifier PEP 639 replaces;
* CHANGELOG.md has no section for the version (or, for a tag, one still
  marked "unreleased");
* the wheel lacks the theme, the catalogs or py.typed;
* the sdist lacks what its tests need (tests/, docs/, tools/, benchmarks/,
  package.json and its lock, tox.ini).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_URLS = ("Documentation", "Source", "Issues", "Changelog")
WHEEL_FILES = (
    "sphinx_circ/py.typed",
    "sphinx_circ/theme/sphinx_circ/theme.toml",
    "sphinx_circ/theme/sphinx_circ/static/styles/circ-icons.css",
    "sphinx_circ/locale/fr/LC_MESSAGES/sphinx_circ.mo",
    "sphinx_circ/locale/en/LC_MESSAGES/sphinx_circ.mo",
)
SDIST_FILES = (
    "pyproject.toml",
    "tox.ini",
    ".ci/run",
    "README.md",
    "CHANGELOG.md",
    "LICENSE",
    "package.json",
    "package-lock.json",
    "sphinx_circ/py.typed",
    "tests/conftest.py",
    "tools/generate_tokens.py",
    "tools/make_icons.py",
    "tools/compile_catalogs.py",
    "benchmarks/bench.py",
    "docs/conf.py",
)


def source_version(root: Path = ROOT) -> str:
    text = (root / "sphinx_circ" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    if not match:
        raise SystemExit("no __version__ in sphinx_circ/__init__.py")
    return match.group(1)


def changelog_heading(version: str, root: Path = ROOT) -> str | None:
    """The heading of *version*'s section in CHANGELOG.md, if it has one."""
    text = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(version)}\b.*$", text, re.MULTILINE)
    return match.group(0) if match else None


def wheel_problems(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        headers = Parser().parsestr(archive.read(metadata).decode("utf-8"))
    problems = [f"{wheel.name}: no {name}" for name in WHEEL_FILES if name not in names]
    if headers.get("License-Expression") != "MIT":
        problems.append(f"{wheel.name}: License-Expression is not MIT")
    classifiers = headers.get_all("Classifier") or []
    problems += [
        f"{wheel.name}: licence classifier {c!r} (PEP 639: the expression alone)"
        for c in classifiers
        if c.startswith("License ::")
    ]
    urls = {url.split(",")[0] for url in headers.get_all("Project-URL") or []}
    problems += [
        f"{wheel.name}: no {label} project URL"
        for label in PROJECT_URLS
        if label not in urls
    ]
    if any(name.startswith(("tests/", "docs/", "tools/")) for name in names):
        problems.append(f"{wheel.name}: ships tests, docs or tools")
    return problems


def sdist_problems(sdist: Path) -> list[str]:
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    problems = [f"{sdist.name}: no {name}" for name in SDIST_FILES if name not in names]
    problems += [
        f"{sdist.name}: ships {name}"
        for name in sorted(names)
        if name.startswith(("node_modules/", "docs/_build/", ".tox/"))
    ][:5]
    return problems


def check(dist: Path, tag: str | None = None) -> list[str]:
    version = source_version()
    sdists = sorted(dist.glob("*.tar.gz"))
    wheels = sorted(dist.glob("*.whl"))
    if len(sdists) != 1 or len(wheels) != 1:
        return [
            f"{dist}: expected one sdist and one wheel, found {len(sdists)} and {len(wheels)}"
        ]
    (sdist,), (wheel,) = sdists, wheels
    problems = []
    for path in (sdist, wheel):
        if f"-{version}" not in path.name:
            problems.append(f"{path.name}: not version {version}")
    if tag is not None and tag != f"v{version}":
        problems.append(f"tag {tag!r} is not v{version} (sphinx_circ/__init__.py)")
    heading = changelog_heading(version)
    if heading is None:
        problems.append(f"CHANGELOG.md has no '## {version}' section")
    elif tag is not None and "unreleased" in heading.lower():
        problems.append(f"CHANGELOG.md: {heading!r} is still marked unreleased")
    twine = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", str(sdist), str(wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    if twine.returncode != 0:
        problems.append(f"twine check: {twine.stdout}{twine.stderr}".strip())
    return problems + wheel_problems(wheel) + sdist_problems(sdist)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dist", type=Path, help="the folder python -m build wrote")
    parser.add_argument("--tag", help="the Git tag being released (v<version>)")
    args = parser.parse_args(argv)
    problems = check(args.dist, args.tag)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{args.dist}: sphinx-circ {source_version()} is ready to publish")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
