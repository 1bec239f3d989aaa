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
START = "/* tokens:start"
END = "/* tokens:end */"
#: Table of tokens.toml → the selector its custom properties are set on.
SELECTORS = {
    "sizes": ":root",
    "breakpoints": ":root",
    "light": 'html[data-theme="light"]',
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
    if args.check:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    STYLESHEET.write_text(fresh, encoding="utf-8")
    for problem in problems[1:]:
        print(problem, file=sys.stderr)
    return 1 if problems[1:] else 0


if __name__ == "__main__":
    sys.exit(main())
