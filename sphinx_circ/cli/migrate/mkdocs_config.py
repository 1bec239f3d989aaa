"""Reading ``mkdocs.yml``: its YAML tags, ``exclude_docs``, snippets' folders.

MkDocs' own tags are applied as MkDocs does: ``!ENV VAR`` and
``!ENV [VAR1, VAR2, default]`` take the first variable set in the
environment, else the last item (``null`` for a lone name); ``!relative
$config_dir/sub`` and ``!relative $docs_dir/sub`` become paths once
``docs_dir`` is known (a bare ``!relative``, the current page's folder, is read
as the docs folder). Any other tag (``!!python/name:…``) keeps its text and is
named in a note with its line. ``exclude_docs`` holds gitignore-style
patterns (MkDocs ≥ 1.5), matched here without a dependency.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

#: A config problem: (line in mkdocs.yml, 0 when unknown; message).
Problem = tuple[int, str]


@dataclass(frozen=True)
class Relative:
    """A ``!relative`` path, resolved once the docs folder is known."""

    base: str  # "$config_dir", "$docs_dir" or "" (the current page's folder)
    rest: str
    line: int


class Loader(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` whatever tags it holds (``!!python/name:``, ``!ENV``)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.problems: list[Problem] = []


def _scalar_value(loader: yaml.SafeLoader, text: str) -> Any:
    # An environment variable is typed as YAML would type it ("true", "3").
    tag = loader.resolve(yaml.ScalarNode, text, (True, False))
    return loader.construct_object(yaml.ScalarNode(tag, text))


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    default: Any = None
    if isinstance(node, yaml.SequenceNode):
        children = list(node.value)
        if len(children) > 1:
            default = loader.construct_object(children.pop())
        names = [loader.construct_scalar(c) for c in children]
    else:
        names = [loader.construct_scalar(node)]
    for name in names:
        if str(name) in os.environ:
            return _scalar_value(loader, os.environ[str(name)])
    return default


def _relative_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    value = str(loader.construct_scalar(node) or "")
    prefix, _, rest = value.partition("/")
    line = node.start_mark.line + 1
    if prefix.startswith("$"):
        if prefix not in ("$config_dir", "$docs_dir"):
            _problem(loader, line, f"!relative {value!r}: unknown prefix, kept as text")
            return value
        return Relative(prefix, rest, line)
    return Relative("", value, line)


#: Python objects Material's settings name for the Markdown extensions
#: whose syntax the migration converts itself (emoji, superfences).
CONVERTED_OBJECTS = (
    "!!python/name:material.extensions.emoji.",
    "!!python/name:pymdownx.",
)


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    if not tag.startswith(CONVERTED_OBJECTS):
        _problem(
            loader,
            node.start_mark.line + 1,
            f"YAML tag {tag!r} read as its plain value (what it does in MkDocs is lost)",
        )
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


def _problem(loader: yaml.SafeLoader, line: int, message: str) -> None:
    if isinstance(loader, Loader):
        loader.problems.append((line, message))


Loader.add_constructor("!ENV", _env_tag)
Loader.add_constructor("!relative", _relative_tag)
Loader.add_multi_constructor("", _any_tag)


def load_config(path: Path) -> tuple[dict[str, Any], list[Problem]]:
    """mkdocs.yml's settings (``!relative`` paths resolved), and its problems."""
    try:
        loader = Loader(path.read_text(encoding="utf-8-sig"))
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        why = f"{path.name} cannot be read ({error.__class__.__name__}): no navigation"
        return {}, [(0, why)]
    config = data if isinstance(data, dict) else {}
    problems = list(loader.problems)
    root = path.parent
    docs_dir = config.get("docs_dir")
    if isinstance(docs_dir, Relative):
        docs_dir = config["docs_dir"] = str(_resolve(docs_dir, root, root / "docs"))
    if docs_dir is not None and not isinstance(docs_dir, str):
        problems.append((0, f"docs_dir {docs_dir!r} is not a folder name: 'docs' used"))
        config["docs_dir"] = docs_dir = None
    docs = root / (docs_dir or "docs")
    return _resolved(config, root, docs, problems), problems


def _resolve(value: Relative, root: Path, docs: Path) -> Path:
    base = root if value.base == "$config_dir" else docs
    return (base / value.rest).resolve() if value.rest else base.resolve()


def _resolved(value: Any, root: Path, docs: Path, problems: list[Problem]) -> Any:
    if isinstance(value, Relative):
        if not value.base:
            problems.append(
                (
                    value.line,
                    "!relative (the current page's folder) read as the docs folder",
                )
            )
        return str(_resolve(value, root, docs))
    if isinstance(value, dict):
        return {k: _resolved(v, root, docs, problems) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolved(v, root, docs, problems) for v in value]
    return value


def snippet_dirs(config: dict[str, Any], root: Path, docs: Path) -> list[Path]:
    """Where ``--8<--`` looks: pymdownx.snippets' base_path (from mkdocs.yml's folder)."""
    bases: list[str] = ["."]
    for extension in config.get("markdown_extensions") or []:
        if isinstance(extension, dict) and isinstance(
            extension.get("pymdownx.snippets"), dict
        ):
            base = extension["pymdownx.snippets"].get("base_path", ".")
            bases = base if isinstance(base, list) else [base]
    return [*(root / str(b) for b in bases), docs]


#: MkDocs' default ``exclude_docs``: hidden files and a templates folder.
DEFAULT_EXCLUDED = (".*", "/templates/")


def exclusion(config: dict[str, Any]) -> list[tuple[bool, re.Pattern[str]]]:
    """``exclude_docs``' patterns as (negated, regex on the page's path)."""
    text = config.get("exclude_docs")
    lines = str(text).splitlines() if isinstance(text, str) else []
    patterns = []
    for line in [*DEFAULT_EXCLUDED, *lines]:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        patterns.append((negated, _gitignore(line.removeprefix("!"))))
    return patterns


def excluded(path: str, patterns: list[tuple[bool, re.Pattern[str]]]) -> bool:
    """Whether the page at *path* (relative to docs_dir, "/"-separated) is excluded."""
    result = False
    for negated, pattern in patterns:
        if pattern.search(path):
            result = not negated
    return result


def _gitignore(pattern: str) -> re.Pattern[str]:
    # A pattern holding a "/" (other than a trailing one) is anchored to the
    # docs folder; else it matches at any depth. "dir/" matches what is under it.
    folder = pattern.endswith("/")
    pattern = pattern.rstrip("/")
    anchored = "/" in pattern
    pattern = pattern.lstrip("/")
    out = ""
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out += "(?:.*/)?"
            i += 3
        elif pattern.startswith("**", i):
            out += ".*"
            i += 2
        elif pattern[i] == "*":
            out += "[^/]*"
            i += 1
        elif pattern[i] == "?":
            out += "[^/]"
            i += 1
        else:
            out += re.escape(pattern[i])
            i += 1
    start = "^" if anchored else "(?:^|/)"
    end = "/" if folder else "(?:$|/)"
    return re.compile(start + out + end)
