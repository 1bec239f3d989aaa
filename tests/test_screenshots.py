"""The screenshot script produces real pictures in headless Chromium."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, require_chromium

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_screenshots_are_taken(tmp_path: Path) -> None:
    require_chromium()
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "tools" / "screenshots.py"),
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in tmp_path.glob("*.png"))
    sizes = {
        "agence-dark.png": (1280, 860),
        "agence-light.png": (1280, 860),
        "en-tete-1024.png": (1024, 240),
        "en-tete-1280.png": (1280, 240),
        "en-tete-390.png": (390, 240),
        "portail-dark.png": (1280, 860),
        "portail-light.png": (1280, 860),
        "accueil-390.png": (390, 844),
        "accueil-390-sombre.png": (390, 844),
        "inventaire-1280.png": (1280, 860),
        "inventaire-390-sombre.png": (390, 844),
        "champs-1280-sombre.png": (1280, 860),
        "champs-390.png": (390, 844),
        "profils-1280.png": (1280, 860),
        "profils-390-sombre.png": (390, 844),
        "menu-390.png": (390, 844),
        "accessibilite-1280.png": (1280, 860),
        "pied-de-page-390-sombre.png": (390, 844),
    }
    assert names == sorted(sizes)
    for path in tmp_path.glob("*.png"):
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", data[16:24])
        assert (width, height) == sizes[path.name]
    # Dark and light pictures differ (the mode really changed).
    assert (tmp_path / "portail-dark.png").read_bytes() != (
        tmp_path / "portail-light.png"
    ).read_bytes()


def test_dsfr_screenshots_are_taken(tmp_path: Path) -> None:
    """``--dsfr``: docs/ under the DSFR theme, desktop and phone, light and dark,
    and the blocks further down their pages (tabs, inventory, form)."""
    require_chromium()
    tool = str(REPO / "tools" / "screenshots.py")
    result = subprocess.run(
        [sys.executable, tool, "--dsfr", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    sizes = {
        "dsfr-accueil-1280.png": (1280, 860),
        "dsfr-rubrique-1280-sombre.png": (1280, 860),
        "dsfr-accueil-390-sombre.png": (390, 844),
        "dsfr-rubrique-390.png": (390, 844),
        # Scrolled to their block.
        "dsfr-profils-1280-sombre.png": (1280, 860),
        "dsfr-profils-390.png": (390, 844),
        "dsfr-inventaire-1280.png": (1280, 860),
        "dsfr-demande-390-sombre.png": (390, 844),
    }
    assert sorted(p.name for p in tmp_path.glob("*.png")) == sorted(sizes)
    for name, size in sizes.items():
        data = (tmp_path / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == size
        # The same picture is in the guide.
        assert (REPO / "docs" / "_static" / "screenshots" / name).is_file()
