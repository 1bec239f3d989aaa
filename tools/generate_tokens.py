"""Write the design tokens of ``tokens.toml`` into the theme's stylesheet.

    python tools/generate_tokens.py           # rewrite the tokens block
    python tools/generate_tokens.py --check   # exit 1 if it is stale (tests)

The block sits between ``/* tokens:start`` and ``/* tokens:end */`` in
``styles/sphinx-circ.css``; the rest of the stylesheet is written by hand.
``--check`` also makes sure every ``max-width`` media query uses a
breakpoint of the file, so breakpoints have one source too.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

THEME = Path(__file__).resolve().parent.parent / "sphinx_circ" / "theme" / "sphinx_circ"
TOKENS = THEME / "tokens.toml"
STYLESHEET = THEME / "static" / "styles" / "sphinx-circ.css"
#: The tokens for the blocks under another theme (linked by the extension).
HOSTED = THEME.parent.parent / "static" / "styles" / "circ-tokens.css"
#: Where the blocks read their tokens under another theme: each block's root.
BLOCK_ROOTS = (
    ".circ-hero", ".circ-section", ".circ-buttons", "a.circ-button",
    ".circ-button-text", ".circ-personas", ".circ-dataset", ".circ-inventory",
    ".circ-request",
)  # fmt: skip
START = "/* tokens:start"
END = "/* tokens:end */"
#: Table of tokens.toml → the selector its custom properties are set on.
SELECTORS = {
    "sizes": ":root",
    "breakpoints": ":root",
    # Without JavaScript no mode is set: the light tokens apply, as pydata's do.
    "light": 'html:not([data-theme]), html[data-theme="light"]',
    "dark": 'html[data-theme="dark"]',
}
PREFIXES = {"breakpoints": "breakpoint-"}


def declarations(table: dict[str, object], prefix: str) -> list[str]:
    lines = []
    for name, entry in table.items():
        if isinstance(entry, dict):
            value, doc = entry["value"], entry.get("doc", "")
        else:
            value, doc = entry, ""
        comment = f" /* {doc} */" if doc else ""
        lines.append(f"  --circ-{prefix}{name}: {value};{comment}")
    return lines


def tokens_block(tokens: dict[str, dict[str, object]]) -> str:
    blocks: dict[str, list[str]] = {}
    for table, selector in SELECTORS.items():
        blocks.setdefault(selector, []).extend(
            declarations(tokens.get(table, {}), PREFIXES.get(table, ""))
        )
    body = "\n".join(
        f"{selector} {{\n" + "\n".join(lines) + "\n}"
        for selector, lines in blocks.items()
    )
    return (
        f"{START} (written by tools/generate_tokens.py from tokens.toml: "
        f"edit that file) */\n{body}\n{END}"
    )


def value_of(entry: object) -> str:
    return str(entry["value"] if isinstance(entry, dict) else entry)


def resolved(tokens: dict[str, dict[str, object]]) -> dict[str, str]:
    """Light-mode values with ``var(--circ-x)`` replaced by x's value."""
    values = {name: value_of(e) for name, e in tokens["light"].items()}
    values |= {name: value_of(e) for name, e in tokens["sizes"].items()}
    reference = re.compile(r"^var\(--circ-([a-z0-9-]+)\)$")
    for _ in range(5):  # references of references, a few levels deep
        values = {
            name: _follow(reference, value, values) for name, value in values.items()
        }
    return values


def _follow(reference: re.Pattern[str], value: str, values: dict[str, str]) -> str:
    match = reference.match(value)
    return values.get(match.group(1), value) if match else value


def hosted_stylesheet(tokens: dict[str, dict[str, object]]) -> str:
    """circ-tokens.css: every token, mapped to the host theme's variables."""
    values = resolved(tokens)
    hosts = tokens.get("hosts", {})
    lines = []
    for name in [*tokens["sizes"], *tokens["light"]]:
        value = values[name]
        for variable in reversed(hosts.get(name, [])):
            value = f"var({variable}, {value})"
        lines.append(f"  --circ-{name}: {value};")
    for name, entry in tokens.get("breakpoints", {}).items():
        lines.append(f"  --circ-breakpoint-{name}: {value_of(entry)};")
    return (
        "/* sphinx-circ's tokens for its blocks under another theme (written by\n"
        "   tools/generate_tokens.py from tokens.toml: edit that file). */\n"
        f"{', '.join(BLOCK_ROOTS)} {{\n" + "\n".join(lines) + "\n}\n"
    )


def breakpoint_problems(css: str, tokens: dict[str, dict[str, object]]) -> list[str]:
    """``max-width`` queries whose value is not a breakpoint (or 0.02px below)."""
    allowed = set()
    for entry in tokens.get("breakpoints", {}).values():
        value = entry["value"] if isinstance(entry, dict) else entry
        pixels = float(str(value).removesuffix("px"))
        allowed |= {f"{pixels:g}px", f"{pixels - 0.02:g}px"}
    used = re.findall(r"@media[^{]*\((?:max|min)-width:\s*([\d.]+px)\)", css)
    return [
        f"media query width {width} is not a breakpoint"
        for width in used
        if width not in allowed
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="only check, write nothing"
    )
    args = parser.parse_args(argv)
    tokens = tomllib.loads(TOKENS.read_text(encoding="utf-8"))
    css = STYLESHEET.read_text(encoding="utf-8")
    start, end = css.index(START), css.index(END) + len(END)
    fresh = css[:start] + tokens_block(tokens) + css[end:]
    problems = breakpoint_problems(fresh, tokens)
    if fresh != css:
        problems.insert(0, f"{STYLESHEET.name} is stale: run tools/generate_tokens.py")
    hosted = hosted_stylesheet(tokens)
    if not HOSTED.is_file() or HOSTED.read_text(encoding="utf-8") != hosted:
        problems.insert(0, f"{HOSTED.name} is stale: run tools/generate_tokens.py")
    if args.check:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    STYLESHEET.write_text(fresh, encoding="utf-8")
    HOSTED.write_text(hosted, encoding="utf-8")
    stale = [p for p in problems if "is stale" in p]
    for problem in problems:
        if problem not in stale:
            print(problem, file=sys.stderr)
    return 1 if len(problems) > len(stale) else 0


if __name__ == "__main__":
    sys.exit(main())
