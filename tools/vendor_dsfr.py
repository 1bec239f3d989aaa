"""Copy the parts of the Système de Design de l'État the sphinx_circ_dsfr theme
uses, from the pinned npm package, into the theme's static folder.

The theme ships them, so a build needs no network. Run after changing the
version in package.json (``npm ci`` first)::

    python tools/vendor_dsfr.py          # write sphinx_circ/theme/sphinx_circ_dsfr/static/dsfr/
    python tools/vendor_dsfr.py --check  # exit 1 when the package's copy differs

What is copied:

* one stylesheet, ``dsfr.min.css``: the core, the dark scheme and the
  components the chrome and the blocks use, each file's licence comment kept,
  ``url()`` paths rewritten for the bundle's place, the ``.woff`` fallbacks of
  the fonts dropped (every browser the DSFR supports reads ``.woff2``), and the
  rules of the few icon classes the theme names;
* one script, ``dsfr.module.min.js``: the core and the components with
  behaviour the chrome uses, each in a block of its own (their top-level
  names would clash in one module otherwise);
* the ``.woff2`` fonts, the icons the stylesheet points to, the display
  dialog's pictograms, the favicon.

The DSFR is under the Etalab 2.0 licence (its ``LICENSE.md`` is copied too);
its use is restricted to the websites of the State (see the guide).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import posixpath
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "node_modules" / "@gouvfr" / "dsfr"
DIST = PACKAGE / "dist"
TARGET = ROOT / "sphinx_circ" / "theme" / "sphinx_circ_dsfr" / "static" / "dsfr"

#: Stylesheets, in the order of their dependencies (dist-relative, no ``.min.css``).
STYLESHEETS = (
    "core/core",
    "scheme/scheme",
    # The chrome.
    "component/link/link",
    "component/logo/logo",
    "component/button/button",
    "component/form/form",
    "component/input/input",
    "component/radio/radio",
    "component/checkbox/checkbox",
    "component/select/select",
    "component/search/search",
    "component/modal/modal",
    "component/navigation/navigation",
    "component/header/header",
    "component/skiplink/skiplink",
    "component/breadcrumb/breadcrumb",
    "component/sidemenu/sidemenu",
    "component/footer/footer",
    "component/display/display",
    # What the blocks are drawn with.
    "component/tab/tab",
    "component/card/card",
    "component/tile/tile",
    "component/callout/callout",
    "component/alert/alert",
    "component/badge/badge",
    "component/tag/tag",
)
#: Scripts, core first (dist-relative, no ``.module.min.js``).
SCRIPTS = (
    "core/core",
    "scheme/scheme",
    "component/button/button",
    "component/modal/modal",
    "component/navigation/navigation",
    "component/header/header",
    "component/breadcrumb/breadcrumb",
    "component/sidemenu/sidemenu",
    "component/display/display",
    # Not the tabs' script: the persona tabs (the only tabs the theme draws)
    # are driven by circ-personas.js (deep links, the address, the remembered
    # persona, hidden="until-found" panels), where the DSFR's would take them
    # over (it sets the panels' state and hidden, lays them out absolutely
    # with a height it computes, and handles the same keys).
)


def button_icons() -> dict[str, str]:
    """The icons buttons may carry (``sphinx_circ/dsfr/icons.py``, read as a
    file: the tool needs none of the package's dependencies)."""
    path = ROOT / "sphinx_circ" / "dsfr" / "icons.py"
    spec = importlib.util.spec_from_file_location("circ_dsfr_icons", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    icons: dict[str, tuple[str, str]] = module.BUTTON_ICONS
    return {name: f"utility/icons/{family}/{family}" for name, family in icons.values()}


#: Icon utility classes the templates and the blocks name, and the file
#: holding each's rules.
ICONS = {
    "fr-icon-arrow-up-fill": "utility/icons/icons-arrows/icons-arrows",
    "fr-icon-theme-fill": "utility/icons/icons-system/icons-system",
    **button_icons(),
}
#: The pictograms of the display settings' dialog (referenced by the layout).
ARTWORK = (
    "artwork/pictograms/environment/sun.svg",
    "artwork/pictograms/environment/moon.svg",
    "artwork/pictograms/system/system.svg",
)
#: The favicon files the layout links.
FAVICON = ("favicon.svg", "favicon.ico", "apple-touch-icon.png")

_URL = re.compile(r"url\((['\"]?)([^'\")]+)\1\)")
_WOFF = re.compile(r',url\([^)]+\.woff\) format\("woff"\)')
_LICENCE = re.compile(r"^/\*!.*?\*/\s*", re.DOTALL)


def package_version() -> str:
    data = json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))
    return str(data["version"])


def rebase(css: str, source: str, used: set[str]) -> str:
    """*css* of the dist file *source* with its ``url()`` relative to the
    bundle, at the top of ``dsfr/``; every local file pointed to joins *used*."""
    folder = posixpath.dirname(source)

    def replace(match: re.Match[str]) -> str:
        url = match.group(2)
        if url.startswith(("data:", "#", "http:", "https:")):
            return match.group(0)
        path = posixpath.normpath(posixpath.join(folder, url))
        used.add(path)
        return f"url({path})"

    return _URL.sub(replace, _WOFF.sub("", css))


def icon_rules(name: str, source: str) -> str:
    """The rules of the icon class *name* in *source* (a utility stylesheet)."""
    css = (DIST / f"{source}.min.css").read_text(encoding="utf-8")
    pattern = re.compile(
        r"\." + re.escape(name) + r":after,\." + re.escape(name) + r":before\{[^}]*\}"
    )
    rules = pattern.findall(_LICENCE.sub("", css))
    if not rules:
        raise SystemExit(f"vendor_dsfr: no rule for {name} in {source}")
    # The first is the mask (the others are for browsers without masks).
    return rules[0]


def bundle() -> dict[str, bytes]:
    """Every file of ``static/dsfr/`` (relative path → content)."""
    files: dict[str, bytes] = {}
    used: set[str] = set()
    parts = []
    for name in STYLESHEETS:
        source = f"{name}.min.css"
        css = (DIST / source).read_text(encoding="utf-8")
        parts.append(rebase(css, source, used).strip())
    icons = "".join(
        rebase(icon_rules(name, source), f"{source}.min.css", used)
        for name, source in ICONS.items()
    )
    parts.append(icons)
    files["dsfr.min.css"] = ("\n".join(parts) + "\n").encode()
    scripts = []
    for name in SCRIPTS:
        js = (DIST / f"{name}.module.min.js").read_text(encoding="utf-8")
        licence = _LICENCE.match(js)
        head = licence.group(0).strip() + "\n" if licence else ""
        body = js[licence.end() :] if licence else js
        scripts.append(f"{head}{{\n{body.strip()}\n}}")
    files["dsfr.module.min.js"] = ("\n".join(scripts) + "\n").encode()
    for path in sorted(used):
        if path.endswith(".woff"):
            continue
        files[path] = (DIST / path).read_bytes()
    for path in ARTWORK:
        files[path] = (DIST / path).read_bytes()
    for name in FAVICON:
        files[f"favicon/{name}"] = (DIST / "favicon" / name).read_bytes()
    files["LICENSE.md"] = (PACKAGE / "LICENSE.md").read_bytes()
    files["VERSION"] = (package_version() + "\n").encode()
    return files


def differences(files: dict[str, bytes]) -> list[str]:
    """What differs between *files* and the package's copy."""
    problems = []
    present = {
        path.relative_to(TARGET).as_posix()
        for path in TARGET.rglob("*")
        if path.is_file()
    }
    for path in sorted(files):
        target = TARGET / path
        if not target.is_file():
            problems.append(f"missing: {path}")
        elif target.read_bytes() != files[path]:
            problems.append(f"differs: {path}")
    problems += [f"not from the DSFR: {path}" for path in sorted(present - set(files))]
    return problems


def write(files: dict[str, bytes]) -> None:
    for path in TARGET.rglob("*"):
        if path.is_file() and path.relative_to(TARGET).as_posix() not in files:
            path.unlink()
    for path, content in files.items():
        target = TARGET / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when the package's copy differs"
    )
    args = parser.parse_args(argv)
    if not DIST.is_dir():
        print(f"vendor_dsfr: {DIST} not found; run npm ci", file=sys.stderr)
        return 2
    files = bundle()
    if args.check:
        problems = differences(files)
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    write(files)
    total = sum(len(content) for content in files.values())
    print(
        f"vendor_dsfr: {len(files)} files, {total // 1024} KB, DSFR {package_version()}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
