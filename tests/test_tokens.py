"""The design tokens have one source: tokens.toml."""

from __future__ import annotations

import sys
import tomllib

from conftest import REPO

sys.path.insert(0, str(REPO / "tools"))
import generate_tokens

from sphinx_circ.palette import default_tokens


def test_stylesheet_tokens_are_generated_from_the_data_file(capsys) -> None:
    assert generate_tokens.main(["--check"]) == 0, capsys.readouterr().err


def test_check_finds_a_stale_block_and_a_stray_breakpoint() -> None:
    tokens = tomllib.loads(generate_tokens.TOKENS.read_text("utf-8"))
    block = generate_tokens.tokens_block(tokens)
    tokens["light"]["primary"] = "#123456"
    assert generate_tokens.tokens_block(tokens) != block
    css = "@media (max-width: 767.98px) {}\n@media (max-width: 800px) {}"
    assert generate_tokens.breakpoint_problems(css, tokens) == [
        "media query width 800px is not a breakpoint"
    ]


def test_palette_defaults_come_from_the_same_file() -> None:
    tokens = tomllib.loads(generate_tokens.TOKENS.read_text("utf-8"))
    css = generate_tokens.STYLESHEET.read_text("utf-8")
    for mode in ("light", "dark"):
        defaults = default_tokens(mode)
        for name, entry in tokens[mode].items():
            value = entry["value"] if isinstance(entry, dict) else entry
            assert f"--circ-{name}: {value};" in css
            if not value.startswith("var("):
                assert defaults[name] == value
