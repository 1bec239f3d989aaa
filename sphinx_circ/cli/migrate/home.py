"""VuePress's home page, written in its front matter, becomes a hero and a grid.

VuePress's default theme draws a page whose front matter says ``home: true``
from keys of that front matter (``heroText``, ``tagline``, ``actionText`` and
``actionLink`` or ``actions``, ``features``, ``footer``): here they become a
hero block with its buttons, a grid of cards, and a closing paragraph.
"""

from __future__ import annotations

import posixpath
from typing import Any

import yaml

from .inline import button_target
from .links import find_asset, is_external
from .model import Doc, Edit, Out

#: Front-matter keys only VuePress's home page reads: dropped once converted.
HOME_KEYS = (
    "home",
    "heroImage",
    "heroImageDark",
    "heroAlt",
    "heroText",
    "tagline",
    "actionText",
    "actionLink",
    "actions",
    "features",
    "footer",
    "footerHtml",
)


#: The keys whose text the home page shows (in ``actions`` and ``features``
#: items too): what the built page must show.
SHOWN = frozenset(
    {"heroText", "tagline", "actionText", "text", "title", "details", "footer"}
)


def content_strings(text: str) -> list[tuple[int, str]]:
    """(line from 1, string) of each front-matter text a VuePress home page shows."""
    if not text.startswith("---\n"):
        return []
    end = text.find("\n---", 4)
    try:
        node = yaml.compose(text[4:end] if end > 0 else "", Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(node, yaml.MappingNode) or not any(
        k.value == "home" and v.value == "true" for k, v in node.value
    ):
        return []
    found: list[tuple[int, str]] = []

    def walk(value: yaml.Node, key: str) -> None:
        if isinstance(value, yaml.ScalarNode) and key in SHOWN and value.value.strip():
            found.append((value.start_mark.line + 2, value.value))
        elif isinstance(value, yaml.SequenceNode) and key in ("actions", "features"):
            for item in value.value:
                if isinstance(item, yaml.MappingNode):
                    for k, v in item.value:
                        walk(v, str(k.value))

    for key_node, value_node in node.value:
        walk(value_node, str(key_node.value))
    return found


def convert(doc: Doc) -> None:
    if doc.front.get("home") is not True:
        return
    line = doc.front_lines.get("home", 0)
    out = Out(doc)
    hero = hero_lines(doc, line)
    for text in hero:
        out.add(text, line)
    features = doc.front.get("features")
    cards = (
        [f for f in features if isinstance(f, dict)]
        if isinstance(features, list)
        else []
    )
    if cards:
        out.add("", line).add(
            f"::::{{grid}} 1 1 {min(len(cards), 3)} {min(len(cards), 3)}", line
        )
        out.add(":gutter: 4", line)
        for card in cards:
            title = str(card.get("title") or "").strip()
            out.add("", line).add(f":::{{grid-item-card}} {title}".rstrip(), line)
            out.add(str(card.get("details") or "").strip(), line).add(":::", line)
        out.add("::::", line)
    if doc.front.get("footer"):
        out.add("", line).add(str(doc.front["footer"]).strip(), line)
    start = doc.front_span[1] if doc.front_span else 0
    if start < len(doc.lines) and doc.lines[start].strip():
        out.add("", line)
    doc.apply([Edit(start, start, ["", *out.lines], [doc.origin(line), *out.origins])])
    doc.front_dropped.update(key for key in HOME_KEYS if key in doc.front)
    parts = "hero" + (f", grid of {len(cards)} cards" if cards else "")
    doc.note(line, "converted", f"VuePress home page (front matter) → {parts}")


def hero_lines(doc: Doc, line: int) -> list[str]:
    front = doc.front
    title = str(front.get("heroText") or front.get("title") or "").strip()
    lines: list[str] = []
    image = front.get("heroImage")
    if isinstance(image, str) and image.strip():
        lines.append(f":image: {hero_image(doc, line, image.strip())}")
        if front.get("heroAlt"):
            lines.append(f":image-alt: {front['heroAlt']}")
        lines.append("")
    lines.append(f"# {title}" if title else "# TODO : titre de la page")
    if not title:
        doc.note(
            line, "review", "VuePress home page without heroText or title: give it one"
        )
    if front.get("tagline"):
        lines += ["", str(front["tagline"]).strip()]
    for text, link, kind in actions(front):
        target = button_target(doc, line, link)
        variant = [":variant: secondary"] if kind == "secondary" else []
        lines += ["", f":::{{button}} {target}", *variant, text, ":::"]
    fence = "::::" if any(text.startswith(":::{") for text in lines) else ":::"
    return [f"{fence}{{hero}}", *lines, fence]


def actions(front: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(text, link, kind) of each button: VuePress 2's ``actions``, or 1's pair."""
    found = []
    if isinstance(front.get("actions"), list):
        for action in front["actions"]:
            if isinstance(action, dict) and action.get("text") and action.get("link"):
                found.append(
                    (
                        str(action["text"]),
                        str(action["link"]),
                        str(action.get("type", "")),
                    )
                )
    elif front.get("actionText") and front.get("actionLink"):
        found.append((str(front["actionText"]), str(front["actionLink"]), ""))
    return found


def hero_image(doc: Doc, line: int, image: str) -> str:
    if is_external(image):
        return image
    found = find_asset(doc.page, image)
    if found is None:
        doc.note(line, "outside", f"image {image!r} was not found beside the page")
        return image
    target, source = found
    doc.assets[target] = source
    doc.note(line, "converted", f"image {image!r} copied to {target!r}")
    return posixpath.relpath(target, posixpath.dirname(doc.page.docname) or ".")
