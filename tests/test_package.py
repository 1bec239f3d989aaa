"""The extension and the theme install and load on their own."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
from importlib.metadata import entry_points, version
from pathlib import Path

import pytest
import yaml
from conftest import REPO, fill_placeholders

import sphinx_circ


def test_version_matches_distribution() -> None:
    assert version("sphinx-circ") == sphinx_circ.__version__


def test_theme_entry_point_is_registered() -> None:
    names = {ep.name: ep.value for ep in entry_points(group="sphinx.html_themes")}
    assert names.get("sphinx_circ") == "sphinx_circ"


def test_setup_declares_parallel_safety(build) -> None:
    built = build({"index.md": "# Accueil\n"})
    metadata = built.app.extensions["sphinx_circ"]
    assert metadata.version == sphinx_circ.__version__
    assert metadata.parallel_read_safe is True
    assert metadata.parallel_write_safe is True


def test_extension_alone_brings_myst_and_sphinx_design(build) -> None:
    built = build(
        {
            "index.md": """
            # Accueil

            :::{note}
            Une note écrite avec une clôture de deux-points.
            :::

            ::::{grid} 2
            :::{grid-item}
            Colonne A
            :::
            :::{grid-item}
            Colonne B
            :::
            ::::
            """
        },
        conf='extensions = ["sphinx_circ"]\n',
    )
    assert "myst_parser" in built.app.extensions
    assert "sphinx_design" in built.app.extensions
    assert "colon_fence" in built.app.config.myst_enable_extensions
    html = built.read("index.html")
    assert 'class="admonition note"' in html
    assert "Une note écrite" in html
    assert "sd-row" in html and "Colonne B" in html
    assert built.warnings == ""


def test_project_settings_are_kept(build) -> None:
    """A project that lists the extensions itself, or more MyST syntax, keeps them."""
    built = build(
        {"index.md": "# Accueil\n\n$x^2$\n"},
        conf=(
            'extensions = ["myst_parser", "sphinx_design", "sphinx_circ"]\n'
            'myst_enable_extensions = ["dollarmath"]\n'
        ),
    )
    enabled = built.app.config.myst_enable_extensions
    assert "dollarmath" in enabled and "colon_fence" in enabled
    assert 'class="math' in built.read("index.html")
    assert built.warnings == ""


def test_wheel_ships_the_theme_and_catalogs(tmp_path) -> None:
    """The wheel carries templates, static assets and compiled translations."""
    import subprocess
    import sys
    import zipfile
    from pathlib import Path

    repo = Path(__file__).resolve().parent.parent
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path),
            str(repo),
        ],
        check=True,
    )
    (wheel,) = tmp_path.glob("sphinx_circ-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "sphinx_circ/theme/sphinx_circ/theme.toml",
        "sphinx_circ/theme/sphinx_circ/layout.html",
        "sphinx_circ/theme/sphinx_circ/static/styles/sphinx-circ.css",
        "sphinx_circ/theme/sphinx_circ/tokens.toml",
        "sphinx_circ/templates/circ/persona-tabs.html",
        "sphinx_circ/theme/sphinx_circ/static/styles/circ-icons.css",
        "sphinx_circ/theme/sphinx_circ/static/styles/LICENSE-octicons.txt",
        "sphinx_circ/static/scripts/circ-personas.js",
        "sphinx_circ/static/styles/sphinx-circ-noscript.css",
        "sphinx_circ/locale/fr/LC_MESSAGES/sphinx_circ.mo",
        "sphinx_circ/locale/en/LC_MESSAGES/sphinx_circ.mo",
        # The DSFR theme and the DSFR's files it ships (no network at build time).
        "sphinx_circ/theme/sphinx_circ_dsfr/theme.toml",
        "sphinx_circ/theme/sphinx_circ_dsfr/layout.html",
        "sphinx_circ/theme/sphinx_circ_dsfr/static/dsfr/dsfr.min.css",
        "sphinx_circ/theme/sphinx_circ_dsfr/static/dsfr/dsfr.module.min.js",
        "sphinx_circ/theme/sphinx_circ_dsfr/static/dsfr/fonts/Marianne-Regular.woff2",
        "sphinx_circ/theme/sphinx_circ_dsfr/static/dsfr/LICENSE.md",
    ):
        assert expected in names, expected
    assert not any(name.startswith(("tests/", "docs/")) for name in names)


def test_compiled_catalogs_are_up_to_date() -> None:
    import subprocess
    import sys
    from pathlib import Path

    tool = Path(__file__).resolve().parent.parent / "tools" / "compile_catalogs.py"
    result = subprocess.run(
        [sys.executable, str(tool), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_every_interface_string_is_translated() -> None:
    """Each ``_("…")`` of the package has a French and an English translation."""
    import re
    from pathlib import Path

    from babel.messages.pofile import read_po

    package = Path(__file__).resolve().parent.parent / "sphinx_circ"
    call = re.compile(r"""\b_\(\s*(["'])(.*?)\1\s*\)""")
    strings = {
        m.group(2)
        for path in package.rglob("*.py")
        for m in call.finditer(path.read_text())
    }
    assert "Choose your profile" in strings
    for language in ("fr", "en"):
        po = package / "locale" / language / "LC_MESSAGES" / "sphinx_circ.po"
        with po.open("rb") as handle:
            translated = {m.id: m.string for m in read_po(handle) if m.id and m.string}
        assert strings - set(translated) == set(), language


README = (REPO / "README.md").read_text(encoding="utf-8")
CI_RUN = (REPO / ".ci" / "run").read_text(encoding="utf-8")


def console_lines(markdown: str) -> list[str]:
    """The commands of the ``console`` blocks of *markdown*."""
    blocks = re.findall(r"```console\n(.*?)```", markdown, re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines()]


def test_ci_runs_the_readme_test_command_exactly() -> None:
    """The README's command installs the npm packages before tox's lint needs them."""
    (command,) = [line for line in console_lines(README) if line.endswith("&& tox")]
    assert command.startswith("npm ci && ")
    commands = [
        line for line in CI_RUN.splitlines() if line and not line.startswith("#")
    ]
    assert commands[-1] == command


def test_the_readme_names_every_debian_package_ci_installs() -> None:
    (apt,) = [line for line in console_lines(README) if "apt-get install" in line]
    named = set(apt.split("install", 1)[1].split())
    installed = {
        package
        for group in re.findall(r"packages\+=\(([^)]*)\)", CI_RUN)
        for package in group.split()
    }
    assert {"chromium", "latexmk", "default-jre-headless", "npm"} <= installed
    assert installed <= named, installed - named


def test_skip_messages_give_the_readme_commands() -> None:
    """A skipped test names what the README says to run (``npm ci``, not ``npm install``)."""
    assert "npm ci" in README
    for path in (REPO / "tests").glob("*.py"):
        if path.name == "test_package.py":
            continue
        assert "npm install" not in path.read_text(encoding="utf-8"), path.name


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel, built as the release workflow builds them."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(REPO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


def check_dist(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "tools" / "check_dist.py"), *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow
def install_wheel(dist: Path, target: Path) -> Path:
    """The built wheel installed alone into *target* (for ``PYTHONPATH``)."""
    (wheel,) = dist.glob("*.whl")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps",
         "--target", str(target), str(wheel)],
        check=True,
    )  # fmt: skip
    return target


def test_the_release_files_pass_the_release_checks(dist: Path) -> None:
    """twine check, metadata (licence expression, project URLs), contents."""
    result = check_dist(str(dist))
    assert result.returncode == 0, result.stdout
    assert f"sphinx-circ {sphinx_circ.__version__} is ready to publish" in result.stdout
    wrong = check_dist(str(dist), "--tag", "v0.0.1")
    assert wrong.returncode == 1
    assert f"tag 'v0.0.1' is not v{sphinx_circ.__version__}" in wrong.stdout


@pytest.mark.slow
def test_the_sdist_runs_its_own_tests_on_the_wheel(dist: Path, tmp_path: Path) -> None:
    """Unpacked, the sdist collects every test and runs those that use its
    tools/, benchmarks/ and package files, against the installed wheel."""
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path, filter="data")
    (source,) = tmp_path.glob("sphinx_circ-*")
    site = install_wheel(dist, tmp_path / "site")
    # -P: the package comes from the wheel, not from the sdist's own folder.
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("PYTEST_ADDOPTS", None)

    def python(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-P", *args],
            cwd=source,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    found = python("-c", "import sphinx_circ; print(sphinx_circ.__file__)")
    assert found.stdout.startswith(str(site)), found.stdout + found.stderr
    collected = python("-m", "pytest", "-p", "no:cacheprovider", "--collect-only", "-q")
    assert collected.returncode == 0, collected.stdout[-3000:]
    assert "error" not in collected.stdout.splitlines()[-1], collected.stdout[-3000:]
    ran = python(
        "-m", "pytest", "-p", "no:cacheprovider", "-q",
        "tests/test_tokens.py",
        "tests/test_theme.py::test_icons_are_generated_and_each_has_its_drawing",
        "tests/test_package.py::test_compiled_catalogs_are_up_to_date",
        "tests/test_package.py::test_version_matches_distribution",
        "tests/test_package.py::test_ci_runs_the_readme_test_command_exactly",
    )  # fmt: skip
    assert ran.returncode == 0, ran.stdout[-3000:]
    assert " passed" in ran.stdout and "skipped" not in ran.stdout, ran.stdout


def test_the_release_workflow_checks_and_tests_before_publishing() -> None:
    """A tag builds, checks, tests from the sdist, then publishes without a token."""
    workflow = yaml.safe_load(
        (REPO / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    )
    trigger = workflow.get("on", workflow.get(True))  # YAML 1.1 reads "on" as true
    assert trigger == {"push": {"tags": ["v*"]}}
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    build = "\n".join(step.get("run", "") for step in jobs["build"]["steps"])
    assert "python -m build" in build
    assert 'tools/check_dist.py dist --tag "$GITHUB_REF_NAME"' in build
    test = "\n".join(step.get("run", "") for step in jobs["test"]["steps"])
    assert "tar -xzf dist/*.tar.gz" in test and "npm ci" in test
    assert "python -P -m pytest" in test
    # Every Debian package .ci/run may install, as the README names them.
    installed = re.findall(r"packages\+=\(([^)]*)\)", CI_RUN)
    for package in " ".join(installed).split():
        assert package in test, package
    publish = jobs["publish"]
    assert set(publish["needs"]) == {"build", "test"}
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["environment"]["name"] == "pypi"
    assert publish["steps"][-1]["uses"].startswith("pypa/gh-action-pypi-publish@")
    assert not any("password" in str(step) for step in publish["steps"])
    # Only publishing may ask for an identity token.
    assert [name for name, job in jobs.items() if "permissions" in job] == ["publish"]


@pytest.mark.slow
def test_a_portal_builds_with_sphinx_circ_installed_from_the_wheel(
    dist: Path, tmp_path: Path
) -> None:
    """Before the first release: the wheel built from a clone is all a portal needs."""
    site = install_wheel(dist, tmp_path / "site")
    env = {**os.environ, "PYTHONPATH": str(site)}

    def python(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-P", *args],
            cwd=tmp_path, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip

    made = python("-m", "sphinx_circ.cli", "new", "portail", "--language", "fr")
    assert made.returncode == 0, made.stderr
    fill_placeholders(tmp_path / "portail")
    built = python("-m", "sphinx", "-nW", "-q", "portail", "html")
    assert built.returncode == 0, built.stderr
    page = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    assert "_static/styles/sphinx-circ.css" in page
    # The theme and the catalogs came from the wheel.
    where = python("-c", "import sphinx_circ; print(sphinx_circ.__file__)")
    assert where.stdout.startswith(str(site))
