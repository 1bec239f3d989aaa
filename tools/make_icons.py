"""Write the theme's icons: pydata-sphinx-theme's Font Awesome icons as SVG masks.

python tools/make_icons.py          # write circ-icons.css and circ-icons-notes.css
python tools/make_icons.py --check  # exit 1 if it is out of date

pydata-sphinx-theme draws its icons (mode switch, search, navigation,
admonition titles, external and download links) with the Font Awesome
webfont: 115 kB that every first visit downloads before its icons show.
Drawn as CSS masks of small SVGs (sphinx-design's octicons), the font is
never requested. Icons not listed here keep the font.

The SVGs are written into the stylesheet as data: URLs, one custom property
each (``--circ-icon-search``). Files would be fetched in CORS mode, as masks
are, which a page opened from the disk (file://) is refused: its icons would
all vanish. A Content-Security-Policy governs them through ``img-src``, which
must then allow ``data:`` (docs/guide/theme.md).
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import quote

import sphinx_design
from sphinx_design.icons import get_octicon_data

THEME = Path(__file__).resolve().parent.parent / "sphinx_circ" / "theme" / "sphinx_circ"
STYLESHEET = THEME / "static" / "styles" / "circ-icons.css"
#: The icons of admonitions and version notes, linked only on pages that have
#: one (sphinx_circ/assets.py): most of a portal's pages have none.
NOTES_STYLESHEET = THEME / "static" / "styles" / "circ-icons-notes.css"
#: The brand icons pydata draws before links to code forges, linked only on
#: pages that have such a link (sphinx_circ/assets.py).
FORGES_STYLESHEET = THEME / "static" / "styles" / "circ-icons-forges.css"
#: The octicons' licence, shipped beside the stylesheet that holds them.
LICENCE = THEME / "static" / "styles" / "LICENSE-octicons.txt"

#: Drawings octicons lack, from octicon shapes: name -> SVG body.
DRAWN = {
    # A circle, half filled: octicons have no light/dark "auto" icon.
    "half-circle": (
        '<path d="M8 0a8 8 0 1 1 0 16A8 8 0 0 1 8 0Zm0 1.5a6.5 6.5 0 0 0 0 13Z"></path>'
    ),
    # Font Awesome's circle-exclamation: octicon info's ring, alert's "!".
    # (octicon issue-opened, a ring around a dot, means an open issue.)
    "circle-exclamation": (
        '<path d="M0 8a8 8 0 1 1 16 0A8 8 0 0 1 0 8Zm8-6.5a6.5 6.5 0 1 0 0 13 '
        "6.5 6.5 0 0 0 0-13ZM8.75 4.5v4a.75.75 0 0 1-1.5 0v-4a.75.75 0 0 1 1.5 "
        '0ZM9 11.25a1 1 0 1 1-2 0 1 1 0 0 1 2 0Z"></path>'
    ),
    # Font Awesome's share, a curved arrow pointing forward: octicon reply,
    # mirrored. (octicon share, a box with an arrow out of it, means export.)
    "forward": '<g transform="matrix(-1 0 0 1 16 0)">{reply}</g>',
    # GitHub's mark as sphinx-design 0.8 draws it (its older releases carry
    # an older drawing): the same icon whatever version is installed.
    "github": (
        '<path d="M6.766 11.328c-2.063-.25-3.516-1.734-3.516-3.656 0-.781.281-1'
        ".625.75-2.188-.203-.515-.172-1.609.063-2.062.625-.078 1.468.25 1.968.7"
        "03.594-.187 1.219-.281 1.985-.281.765 0 1.39.094 1.953.265.484-.437 1."
        "344-.765 1.969-.687.218.422.25 1.515.046 2.047.5.593.766 1.39.766 2.20"
        "3 0 1.922-1.453 3.375-3.547 3.64.531.344.89 1.094.89 1.954v1.625c0 .46"
        "8.391.734.86.547C13.781 14.359 16 11.53 16 8.03 16 3.61 12.406 0 7.984"
        " 0 3.563 0 0 3.61 0 8.031a7.88 7.88 0 0 0 5.172 7.422c.422.156.828-.12"
        "5.828-.547v-1.25c-.219.094-.5.156-.75.156-1.031 0-1.64-.562-2.078-1.60"
        "9-.172-.422-.36-.672-.719-.719-.187-.015-.25-.093-.25-.187 0-.188.313-"
        ".328.625-.328.453 0 .844.281 1.25.86.313.452.64.655 1.031.655s.641-.14"
        ' 1-.5c.266-.265.47-.5.657-.656"></path>'
    ),
}

#: Font Awesome icon (class in pydata's templates) -> the drawing of the same
#: meaning (an octicon, or one of DRAWN).
TEMPLATE_ICONS = {
    "angle-left": "chevron-left",
    "angle-right": "chevron-right",
    "arrow-up": "arrow-up",
    "bars": "three-bars",
    "bell": "bell",
    "chevron-down": "chevron-down",
    "circle-check": "check-circle",
    "circle-exclamation": "circle-exclamation",
    "circle-half-stroke": "half-circle",
    "circle-info": "info",
    "circle-xmark": "x-circle",
    "download": "download",
    "file-lines": "file",
    "house": "home",
    "lightbulb": "light-bulb",
    "list": "list-unordered",
    "magnifying-glass": "search",
    "magnifying-glass-minus": "zoom-out",
    "moon": "moon",
    "outdent": "sidebar-expand",
    "pencil": "pencil",
    "share": "forward",
    "sun": "sun",
    "triangle-exclamation": "alert",
    "up-right-from-square": "link-external",
    "xmark": "x",
}

_TITLE = ".admonition{0} > .admonition-title::after, div.admonition{0} > .admonition-title::after"

#: Selectors of the icons pydata's stylesheet draws itself -> the Font Awesome
#: icon it draws there (pydata's variables/_admonitions.scss, _icons.scss…).
CSS_ICONS = {
    _TITLE.format(""): "bell",
    _TITLE.format(".attention"): "circle-exclamation",
    _TITLE.format(".caution"): "triangle-exclamation",
    _TITLE.format(".danger"): "triangle-exclamation",
    _TITLE.format(".error"): "circle-xmark",
    _TITLE.format(".hint"): "lightbulb",
    _TITLE.format(".important"): "circle-exclamation",
    _TITLE.format(".note"): "circle-info",
    _TITLE.format(".seealso"): "share",
    _TITLE.format(".tip"): "lightbulb",
    _TITLE.format(".admonition-todo"): "pencil",
    _TITLE.format(".warning"): "triangle-exclamation",
    ".nav-link.nav-external::after, nav.bd-links li > a.reference.external::after": (
        "up-right-from-square"
    ),
    "a.reference.download::before": "download",
    "ul.bd-breadcrumbs li.breadcrumb-item:not(.breadcrumb-home)::before": "angle-right",
    "span.versionmodified::before": "circle-exclamation",
    "div#searchbox p.highlight-link a::before": "magnifying-glass-minus",
}

#: pydata sizes these icons in the text's font; a mask box of 1em would sit
#: above the text. As tall as a line, the box centres the icon on it.
ALIGN = [
    ",\n".join(selector for selector in CSS_ICONS if selector.startswith(".admonition"))
    + " { top: 0.4rem; height: 1lh; }",
    "span.versionmodified::before { height: 1lh; line-height: inherit; "
    "vertical-align: top; }",
]


def octicon(name: str) -> str:
    return get_octicon_data()[name]["heights"]["16"]["path"]


def svg(name: str) -> str:
    body = (
        DRAWN[name].format(reply=octicon("reply")) if name in DRAWN else octicon(name)
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">{body}</svg>'


def data_url(name: str) -> str:
    """The icon as a data: URL, percent-encoded (so it holds no ``*``, no comment)."""
    return f'url("data:image/svg+xml,{quote(svg(name), safe=" =:/.,-")}")'


#: The Font Awesome classes pydata's own templates use (grep its components
#: and sections): in circ-icons.css; the others join the notes' stylesheet.
INTERFACE = {
    "angle-left", "angle-right", "arrow-up", "bars", "chevron-down",
    "circle-half-stroke", "file-lines", "house", "list", "magnifying-glass",
    "moon", "outdent", "pencil", "sun", "xmark",
}  # fmt: skip


def is_note(selector: str) -> bool:
    """Whether *selector* draws an admonition's or a version note's icon, or
    an icon no template of the theme uses."""
    if selector.startswith(".fa-solid.fa-"):
        return selector.removeprefix(".fa-solid.fa-").split(":")[0] not in INTERFACE
    return selector.startswith((".admonition", "span.versionmodified"))


def base_rules(selectors: list[str]) -> list[str]:
    """What every icon shares: a box the size of the text, painted through
    its mask in the text's colour."""
    return [
        ",\n".join(selectors) + " {",
        '  content: "";',
        "  display: inline-block;",
        "  width: 1em;",
        "  height: 1em;",
        "  vertical-align: -0.125em;",
        "  background-color: currentColor;",
        "  font-family: inherit;",
        "  mask-repeat: no-repeat;",
        "  mask-position: center;",
        "  mask-size: contain;",
        "  forced-color-adjust: none;",
        "  print-color-adjust: exact;",
        "}",
    ]


def icon_rules(rules: list[tuple[str, str]]) -> list[str]:
    """The data: URL of each icon *rules* use, then each icon's selectors."""
    by_icon: dict[str, list[str]] = {}
    for selector, icon in rules:
        by_icon.setdefault(icon, []).append(selector)
    lines = [
        ":root {",
        *(f"  --circ-icon-{icon}: {data_url(icon)};" for icon in sorted(by_icon)),
        "}",
    ]
    for icon, selectors in sorted(by_icon.items()):
        rule = f' {{ content: ""; mask-image: var(--circ-icon-{icon}); }}'
        lines.append(",\n".join(selectors) + rule)
    return lines


def all_rules() -> list[tuple[str, str]]:
    """(selector, drawing) of every icon the theme draws."""
    return [
        *((f".fa-solid.fa-{fa}::before", icon) for fa, icon in TEMPLATE_ICONS.items()),
        *((selector, TEMPLATE_ICONS[fa]) for selector, fa in CSS_ICONS.items()),
    ]


def empty_elements(notes: bool) -> list[str]:
    """An empty element in the icon font still loads it, for its line metrics."""
    classes = [fa for fa in TEMPLATE_ICONS if (fa not in INTERFACE) == notes]
    return [
        ",\n".join(f".fa-solid.fa-{fa}" for fa in classes) + " {",
        "  font-family: inherit;",
        "}",
    ]


def notes_stylesheet() -> str:
    rules = [(selector, icon) for selector, icon in all_rules() if is_note(selector)]
    lines = [
        "/* Generated by tools/make_icons.py: the icons of admonitions and version",
        " * notes, and those no template of the theme uses (see circ-icons.css),",
        " * on the pages that have one. */",
        *base_rules([selector for selector, _icon in rules]),
        *empty_elements(notes=True),
        *ALIGN,
        *icon_rules(rules),
    ]
    return "\n".join(lines) + "\n"


#: pydata's selectors for the brand icons of links to code forges (drawn in
#: its stylesheet with a 108 KB brand font) -> the drawing: GitHub's mark; a
#: repository for GitLab, whose mark octicons lack.
FORGE_ICONS = {"a.github::before": "github", "a.gitlab::before": "repo"}


def forges_stylesheet() -> str:
    rules = list(FORGE_ICONS.items())
    lines = [
        "/* Generated by tools/make_icons.py: the icons of links to code forges",
        " * (pydata-sphinx-theme marks them), on the pages that have one. */",
        *base_rules([selector for selector, _icon in rules]),
        *icon_rules(rules),
    ]
    return "\n".join(lines) + "\n"


def stylesheet() -> str:
    own = [(selector, icon) for selector, icon in all_rules() if not is_note(selector)]
    lines = [
        "/* Generated by tools/make_icons.py: pydata-sphinx-theme's Font Awesome",
        " * icons drawn as masks of sphinx-design's octicons (MIT), so the icon",
        " * font is never downloaded. The icon takes the text colour. The icons",
        " * of admonitions and version notes are in circ-icons-notes.css. */",
        *base_rules([selector for selector, _icon in own]),
        *empty_elements(notes=False),
        *icon_rules(own),
    ]
    return "\n".join(lines) + "\n"


def outputs() -> dict[Path, str]:
    licence = Path(sphinx_design.__file__).parent / "compiled" / "octicon_LICENSE"
    return {
        STYLESHEET: stylesheet(),
        NOTES_STYLESHEET: notes_stylesheet(),
        FORGES_STYLESHEET: forges_stylesheet(),
        LICENCE: licence.read_text(encoding="utf-8"),
    }


def main(check: bool) -> int:
    files = outputs()
    stale = [
        path
        for path, text in files.items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]
    if check:
        for path in stale:
            print(f"out of date: {path}")
        return 1 if stale else 0
    for path in stale:
        path.write_text(files[path], encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv[1:]))
