"""Every text/background pair of the theme reaches WCAG AA, in light and dark mode."""

from __future__ import annotations

import pytest

from sphinx_circ.palette import (
    NON_TEXT_PAIRS,
    TEXT_PAIRS,
    check_pairs,
    contrast,
    default_tokens,
    parse_colour,
    worst_contrast,
)


def tokens(mode: str) -> dict[str, str]:
    return dict(default_tokens(mode))


def test_known_ratios() -> None:
    white, _ = parse_colour("#fff")
    black, _ = parse_colour("#000000")
    assert contrast(white, black) == pytest.approx(21)
    blue, _ = parse_colour("#0053b3")
    assert contrast(white, blue) == pytest.approx(7.27, abs=0.01)
    # A translucent backing is judged over the worst backdrop.
    assert worst_contrast("#ffffff", "rgb(0 0 0 / 50%)") < contrast(white, black)


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_every_pair_is_defined(mode: str) -> None:
    defined = tokens(mode)
    for text, background in (*TEXT_PAIRS, *NON_TEXT_PAIRS):
        assert text in defined and background in defined, (text, background)


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_every_pair_reaches_aa(mode: str) -> None:
    failures = check_pairs(tokens(mode))
    assert failures == [], "\n".join(
        f"{mode}: --circ-{text} on --circ-{background}: {ratio:.2f} < {minimum}"
        for text, background, ratio, minimum in failures
    )


def test_the_check_catches_a_bad_pair() -> None:
    bad = tokens("light") | {"section-grey-text": "#9aa5b1"}
    failures = check_pairs(bad)
    assert [(t, b) for t, b, _r, _m in failures] == [
        ("section-grey-text", "section-grey-bg")
    ]


def test_original_look_is_the_default() -> None:
    light = tokens("light")
    assert light["section-grey-bg"] == "#ebeff3"
    assert light["button-bg"] == "#0053b3"
    assert light["button-hover-bg"] == "#003b80"
    assert light["button-radius"] == "3px"
    # The original 5em on a desktop, less on a phone.
    assert light["section-padding"].endswith(" 5em)")
    assert light["content-width"] == "1200px"
