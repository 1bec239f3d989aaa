"""Colour tokens and WCAG contrast: which text sits on which background.

``tokens.toml`` defines the ``--circ-…`` tokens for light and dark mode;
``TEXT_PAIRS`` names every text/background combination the blocks produce,
so a test and the build can check each one reaches AA. This module owns the
``palette`` theme option: reading an agency's overrides, checking their
contrast, and writing them as a stylesheet. It imports nothing of the
package, so the configuration can use it.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

#: (text token, background token) for text: WCAG AA asks 4.5:1.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "background"),
    ("primary", "background"),
    ("primary", "section-grey-bg"),
    ("primary", "section-white-bg"),
    ("section-grey-text", "section-grey-bg"),
    ("section-color-text", "section-color-bg"),
    ("section-color-text", "section-color-bg-end"),
    ("section-dark-text", "section-dark-bg"),
    ("section-white-text", "section-white-bg"),
    ("hero-text", "hero-bg"),
    ("hero-text", "hero-backing"),
    ("button-text", "button-bg"),
    ("button-text", "button-hover-bg"),
    ("button-secondary-text", "button-secondary-bg"),
    ("button-secondary-text", "background"),
    ("button-secondary-text", "section-grey-bg"),
    ("button-secondary-text", "section-white-bg"),
    ("button-on-band-text", "button-on-band-bg"),
    ("on-primary", "primary"),
    ("status-open-text", "status-open-bg"),
    ("status-in-progress-text", "status-in-progress-bg"),
    ("status-read-only-text", "status-read-only-bg"),
    ("status-closed-text", "status-closed-bg"),
    ("error", "background"),
)

#: (indicator token, background token) for focus rings: 3:1 (WCAG 1.4.11).
NON_TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("focus", "background"),
    ("focus", "section-grey-bg"),
    ("focus-on-band", "section-color-bg"),
    ("focus-on-band", "section-color-bg-end"),
    ("focus-on-band", "hero-bg"),
    ("focus-on-band", "section-dark-bg"),
    ("border", "background"),
)

#: The design tokens: the one place their default values are written (the
#: stylesheet's custom properties are generated from it).
TOKENS = Path(__file__).parent / "theme" / "sphinx_circ" / "tokens.toml"
MODES = ("light", "dark")

#: Token names before they were English, still read in a site's palette.
RENAMED_TOKENS = {
    f"status-{old}-{part}": f"status-{new}-{part}"
    for old, new in (
        ("ouvert", "open"),
        ("en-cours", "in-progress"),
        ("consultable", "read-only"),
        ("ferme", "closed"),
    )
    for part in ("bg", "text")
}

TEXT_MINIMUM = 4.5
NON_TEXT_MINIMUM = 3.0

_HEX = re.compile(r"^#([0-9a-f]{3}|[0-9a-f]{6})$", re.IGNORECASE)
_RGB = re.compile(
    r"^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)\s*(?:[/,]\s*([\d.]+)(%?))?\s*\)$",
    re.IGNORECASE,
)

RGB = tuple[float, float, float]


def parse_colour(value: str) -> tuple[RGB, float]:
    """Parse ``#rgb``, ``#rrggbb`` or ``rgb(r g b / a%)`` into (rgb, alpha)."""
    value = value.strip()
    if match := _HEX.match(value):
        digits = match.group(1)
        if len(digits) == 3:
            digits = "".join(ch * 2 for ch in digits)
        rgb = tuple(int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
        return (rgb[0], rgb[1], rgb[2]), 1.0
    if match := _RGB.match(value):
        red, green, blue = (int(match.group(i)) / 255 for i in (1, 2, 3))
        alpha = 1.0
        if match.group(4) is not None:
            alpha = float(match.group(4)) / (100 if match.group(5) else 1)
        return (red, green, blue), alpha
    raise ValueError(f"not a colour: {value!r}")


def composite(top: str, backdrop: RGB) -> RGB:
    """The colour seen when *top* (maybe translucent) lies over *backdrop*."""
    rgb, alpha = parse_colour(top)
    red, green, blue = (
        alpha * c + (1 - alpha) * b for c, b in zip(rgb, backdrop, strict=True)
    )
    return red, green, blue


def luminance(rgb: RGB) -> float:
    """WCAG relative luminance."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(foreground: RGB, background: RGB) -> float:
    """WCAG contrast ratio, from 1 to 21."""
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def worst_contrast(text: str, background: str) -> float:
    """Contrast of two token values; a translucent background is judged over
    both white and black (what an image behind it may show), the worse kept."""
    ratios = []
    for backdrop in ((1.0, 1.0, 1.0), (0.0, 0.0, 0.0)):
        under = composite(background, backdrop)
        ratios.append(contrast(composite(text, under), under))
    return min(ratios)


def check_pairs(
    tokens: dict[str, str],
) -> list[tuple[str, str, float, float]]:
    """Return (text, background, ratio, minimum) for every pair below its minimum."""
    failures = []
    for pairs, minimum in (
        (TEXT_PAIRS, TEXT_MINIMUM),
        (NON_TEXT_PAIRS, NON_TEXT_MINIMUM),
    ):
        for text, background in pairs:
            ratio = worst_contrast(tokens[text], tokens[background])
            if ratio < minimum:
                failures.append((text, background, ratio, minimum))
    return failures


@cache
def stylesheet_tokens(mode: str) -> dict[str, str]:
    """The ``--circ-…`` tokens of *mode* as ``tokens.toml`` writes them (``var()`` kept).

    Shared sizes first, then the mode's colours, as the stylesheet sets them.
    """
    tables = tomllib.loads(TOKENS.read_text(encoding="utf-8"))
    tokens: dict[str, str] = {}
    for table in ("sizes", mode):
        for name, entry in tables[table].items():
            tokens[name] = str(entry["value"] if isinstance(entry, dict) else entry)
    return tokens


_VAR = re.compile(r"^var\(--circ-([a-z0-9-]+)\)$")


def resolve(tokens: dict[str, str]) -> dict[str, str]:
    """Replace ``var(--circ-x)`` values by x's value, as the browser would."""

    def value(name: str, seen: tuple[str, ...] = ()) -> str:
        raw = tokens[name]
        match = _VAR.match(raw)
        if match is None or match.group(1) in seen or match.group(1) not in tokens:
            return raw
        return value(match.group(1), (*seen, name))

    return {name: value(name) for name in tokens}


def default_tokens(mode: str) -> dict[str, str]:
    """The default value of every token in *mode* (name without prefix)."""
    return resolve(stylesheet_tokens(mode))


def is_colour(value: str) -> bool:
    try:
        parse_colour(value)
    except ValueError:
        return False
    return True


def colour_tokens(mode: str) -> list[str]:
    """Token names that hold a colour (the others are spacings and sizes)."""
    return [name for name, value in default_tokens(mode).items() if is_colour(value)]


def effective_tokens(mode: str, overrides: dict[str, str]) -> dict[str, str]:
    """Every token's value once an agency's *overrides* apply (``var()`` follows)."""
    return resolve(stylesheet_tokens(mode) | overrides)


def tokens_css(overrides: dict[str, dict[str, str]]) -> str:
    """A stylesheet setting the overridden tokens, per mode."""
    blocks = []
    for mode in MODES:
        values = overrides.get(mode) or {}
        if values:
            lines = "".join(
                f"  --circ-{name}: {value};\n" for name, value in values.items()
            )
            # Without JavaScript no mode is set: the light tokens apply.
            selector = f'html[data-theme="{mode}"]'
            if mode == "light":
                selector = f"html:not([data-theme]), {selector}"
            blocks.append(f"{selector} {{\n{lines}}}\n")
    return "".join(blocks)


def read_palette(palette: Any) -> tuple[dict[str, dict[str, str]], list[str]]:
    """The valid token overrides per mode, and a problem for each one left out."""
    if not palette:
        return {}, []
    if not isinstance(palette, dict):
        return {}, [
            "palette must be a dict: {'light': {'primary': '#0053b3'}, 'dark': {…}}"
        ]
    found: dict[str, dict[str, str]] = {}
    problems: list[str] = []
    for mode, values in palette.items():
        if mode not in MODES or not isinstance(values, dict):
            problems.append(
                f"palette key {mode!r} must be 'light' or 'dark', each a dict"
            )
            continue
        known = colour_tokens(mode)
        for name, value in values.items():
            token = str(name).removeprefix("--circ-")
            if token in RENAMED_TOKENS:
                problems.append(
                    f"palette token {name!r} is now called "
                    f"{RENAMED_TOKENS[token]!r}; the old name still works"
                )
                token = RENAMED_TOKENS[token]
            if token not in known:
                problems.append(
                    f"unknown palette token {name!r} ({mode}); use one of: "
                    + ", ".join(known)
                )
            elif not is_colour(str(value)):
                problems.append(
                    f"palette {mode} {token} = {value!r} is not a colour; write it "
                    "as #rrggbb or rgb(r g b)"
                )
            else:
                found.setdefault(mode, {})[token] = str(value).strip()
    return found, problems


def contrast_problems(palette: dict[str, dict[str, str]]) -> list[str]:
    """Every text/background pair an agency's overrides put below AA."""
    problems = []
    for mode in MODES:
        if not palette.get(mode):
            continue
        tokens = effective_tokens(mode, palette[mode])
        for text, background, ratio, minimum in check_pairs(tokens):
            problems.append(
                f"palette ({mode} mode): --circ-{text} on --circ-{background} "
                f"has a contrast of {ratio:.2f}:1, below the {minimum}:1 "
                "WCAG AA asks"
            )
    return problems
