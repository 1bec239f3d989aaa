"""French typography on French pages: apostrophes and no-break spaces.

Two transforms of the doctree, so every builder gets the same text:

* ``FrenchApostrophes`` runs just before docutils' SmartQuotes and makes an
  ASCII apostrophe between a letter and the start of a word U+2019, also when
  a link, a role or a code span follows it (``l'[lien](…)``): SmartQuotes
  reads one text node at a time, takes the ``'`` that ends a node for a
  closing quote and writes ``”``;
* ``FrenchSpacing`` runs just after SmartQuotes (so it also sees the « »
  SmartQuotes makes of ``"…"``) and puts a no-break space where French wants
  one: U+202F NARROW NO-BREAK SPACE before ``;`` ``!`` ``?``, U+00A0 NO-BREAK
  SPACE before ``:`` and inside « ». It replaces the space the author typed;
  inside « » it also adds one where none was typed.

Only prose is touched: never literals, code, literal blocks, raw, math, a
URL shown as a link, nor anything SmartQuotes leaves alone (the dataset and
inventory blocks show values from data files as ``literal`` nodes). Each
block of text is read as a whole, so a space that ends one node and the
``;`` that starts the next are seen together.

Regional variants: ``fr_CA`` follows the same rules. Canadian usage differs
only in wanting no space before ``;`` ``!`` ``?``; the transform never adds
one there, so an author writing the Canadian way gets exactly what they
typed, and one who typed a space gets one that cannot start a line. ``fr_CH``
gets narrow no-break spaces throughout and none added inside « », as Swiss
typography (and docutils' own ``fr-ch`` quotes, «…») has it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms import SphinxSmartQuotes, SphinxTransform
from sphinx.util.nodes import is_smartquotable

APOSTROPHE = "\u2019"
NBSP = "\u00a0"
NNBSP = "\u202f"

#: Breakable spaces an author types (U+2009 THIN SPACE breaks a line too).
_SPACE = "[ \t\r\n\u2009]"
#: What can follow a closing quote: after one of these, ``'`` is not an apostrophe.
_CLOSERS = ".,;:!?)]}»…'\"’”"
#: A ``'`` after a letter, followed by something that begins a word.
_APOSTROPHE = re.compile(rf"(?<=[^\W\d_])'(?=[^\s{re.escape(_CLOSERS)}])")


@dataclass(frozen=True)
class Rules:
    """Which no-break space goes where, for one variety of French."""

    before_semicolon: str  # and before ! ?
    before_colon: str
    guillemets: str
    #: Whether a space is added inside « » where none was typed.
    add_in_guillemets: bool


FRENCH = Rules(NNBSP, NBSP, NBSP, add_in_guillemets=True)
SWISS_FRENCH = Rules(NNBSP, NNBSP, NNBSP, add_in_guillemets=False)


def rules_for(language: str | None) -> Rules | None:
    """The rules for a language tag (``fr``, ``fr_CA``, ``fr-ch``), or ``None``."""
    tag = (language or "").lower().replace("_", "-")
    if tag != "fr" and not tag.startswith("fr-"):
        return None
    return SWISS_FRENCH if tag.split("-")[1:2] == ["ch"] else FRENCH


# -- Text blocks ---------------------------------------------------------------


def _is_url_text(node: nodes.Text) -> bool:
    """A URL shown as its own link text (``<https://…>``, a bare e-mail)."""
    parent: nodes.Node | None = node.parent
    while parent is not None and not isinstance(parent, nodes.reference):
        if not isinstance(parent, nodes.Inline):
            return False
        parent = parent.parent
    if parent is None:
        return False
    uri = str(parent.get("refuri", ""))
    text = str(node)
    return bool(uri) and (uri == text or uri == f"mailto:{text}")


class Block:
    """The text nodes of one block (a paragraph, a title…), read as one string."""

    def __init__(self, element: nodes.TextElement) -> None:
        self.texts = [
            text
            for text in element.findall(nodes.Text)
            if not isinstance(text.parent, nodes.option_string)
        ]
        self.pieces = [str(text) for text in self.texts]
        self.joined = "".join(self.pieces)
        self.starts: list[int] = []
        position = 0
        for piece in self.pieces:
            self.starts.append(position)
            position += len(piece)
        self._editable: dict[int, bool] = {}
        #: Positions of the joined string already replaced (never twice).
        self._taken: set[int] = set()
        #: Per text node: (start, end, replacement), in its own offsets.
        self.edits: dict[int, list[tuple[int, int, str]]] = {}

    def owner(self, position: int) -> int:
        """The index of the text node holding the joined string's *position*."""
        return bisect_right(self.starts, position) - 1

    def editable(self, index: int) -> bool:
        if index not in self._editable:
            text = self.texts[index]
            self._editable[index] = is_smartquotable(text) and not _is_url_text(text)
        return self._editable[index]

    def replace(self, start: int, end: int, replacement: str) -> bool:
        """Replace ``joined[start:end]`` if every node it spans may be edited."""
        first, last = self.owner(start), self.owner(max(start, end - 1))
        if not all(self.editable(i) for i in range(first, last + 1)):
            return False
        if self._taken.intersection(range(start, end)):
            return False
        self._taken.update(range(start, end))
        for index in range(first, last + 1):
            offset = self.starts[index]
            local_start = max(start, offset) - offset
            local_end = min(end, offset + len(self.pieces[index])) - offset
            new = replacement if index == first else ""
            self.edits.setdefault(index, []).append((local_start, local_end, new))
        return True

    def insert(self, position: int, text: str, index: int) -> None:
        """Insert *text* at *position*, in the text node *index* (which holds
        the character next to it)."""
        if self.editable(index):
            local = position - self.starts[index]
            self.edits.setdefault(index, []).append((local, local, text))

    def apply(self) -> None:
        for index, edits in self.edits.items():
            piece = self.pieces[index]
            for start, end, new in sorted(edits, reverse=True):
                piece = piece[:start] + new + piece[end:]
            old = self.texts[index]
            parent = old.parent
            # By identity: Text nodes are strings, and ``replace`` would take
            # the first equal one (two "\n" in a paragraph, say).
            position = next(i for i, child in enumerate(parent) if child is old)
            parent[position] = nodes.Text(piece)


def text_blocks(document: nodes.document) -> list[tuple[nodes.TextElement, str]]:
    """Each block of text outside code, with its language (as SmartQuotes reads
    them: a ``language-xx`` class marks a passage in another language)."""
    default = document.settings.language_code
    blocks = []
    for element in document.findall(nodes.TextElement):
        if isinstance(element, SphinxSmartQuotes.nodes_to_skip):
            continue
        if isinstance(element.parent, nodes.TextElement):
            continue  # an inline: read with its block
        blocks.append((element, element.get_language_code(default)))
    return blocks


# -- Transforms ----------------------------------------------------------------


class FrenchApostrophes(SphinxTransform):
    """An apostrophe becomes U+2019, also before a link, a role or a code span."""

    # Before SmartQuotes (750), which would make the ``'`` a closing quote.
    default_priority = 745

    def apply(self, **kwargs: Any) -> None:
        # Only where SmartQuotes curls the other apostrophes: with smart quotes
        # off (``smartquotes = False``, or the text and man builders by
        # default) every apostrophe stays as typed.
        quotes = SphinxSmartQuotes(self.document, startnode=None)
        action = str(self.config.smartquotes_action)
        if not quotes.is_available() or not (
            "q" in action or action in ("1", "2", "3")
        ):
            return
        for element, language in text_blocks(self.document):
            if rules_for(language) is None or "'" not in element.astext():
                continue
            block = Block(element)
            for match in _APOSTROPHE.finditer(block.joined):
                block.replace(match.start(), match.end(), APOSTROPHE)
            block.apply()


#: A typed space before French punctuation (after a visible character).
_BEFORE_SEMICOLON = re.compile(rf"(?<=\S){_SPACE}+(?=[;!?])")
_BEFORE_COLON = re.compile(rf"(?<=\S){_SPACE}+(?=:)")
#: « and what follows it; what precedes ».
_AFTER_OPENING = re.compile(rf"«({_SPACE}*)(?=\S)")
_BEFORE_CLOSING = re.compile(rf"(?<=\S)({_SPACE}*)»")
_TRIGGERS = re.compile(r"[;!?:«»]")


class FrenchSpacing(SphinxTransform):
    """No-break spaces before ``; ! ? :`` and inside « », in French text."""

    # After SmartQuotes (750), whose « » then get their spaces too, and before
    # the doctree-read event (880), so titles reach the tables of contents
    # and the search index with them.
    default_priority = 760

    def apply(self, **kwargs: Any) -> None:
        for element, language in text_blocks(self.document):
            rules = rules_for(language)
            if rules is None or not _TRIGGERS.search(element.astext()):
                continue
            block = Block(element)
            self.space(block, rules)
            block.apply()

    def space(self, block: Block, rules: Rules) -> None:
        joined = block.joined
        for pattern, space in (
            (_BEFORE_SEMICOLON, rules.before_semicolon),
            (_BEFORE_COLON, rules.before_colon),
        ):
            for match in pattern.finditer(joined):
                # The punctuation must be prose too (not a code span's ``;``).
                if block.editable(block.owner(match.end())):
                    block.replace(match.start(), match.end(), space)
        for match in _AFTER_OPENING.finditer(joined):
            mark = block.owner(match.start())
            if not block.editable(mark) or joined[match.end()] == "»":
                continue
            if match.group(1):
                block.replace(match.start(1), match.end(1), rules.guillemets)
            elif rules.add_in_guillemets:
                block.insert(match.end(), rules.guillemets, mark)
        for match in _BEFORE_CLOSING.finditer(joined):
            mark = block.owner(match.end() - 1)
            if not block.editable(mark) or joined[match.start() - 1] == "«":
                continue
            if match.group(1):
                block.replace(match.start(1), match.end(1), rules.guillemets)
            elif rules.add_in_guillemets:
                block.insert(match.start(), rules.guillemets, mark)


#: pdflatex has no U+202F. A glue rather than a kern, so that babel's French
#: punctuation, which puts its own space there, can take it away; a plain space
#: in PDF bookmarks.
LATEX_NARROW_SPACE = r"""
\providecommand*{\sphinxcircnnbsp}{\leavevmode\nobreak\hskip.16667em\relax}
\DeclareUnicodeCharacter{202F}{\sphinxcircnnbsp}
\ifdefined\pdfstringdefDisableCommands
  \pdfstringdefDisableCommands{\def\sphinxcircnnbsp{ }}
\fi
"""


def declare_latex_space(app: Sphinx, config: Config) -> None:
    """Let pdflatex typeset the narrow no-break space (xelatex and lualatex
    take it from the font)."""
    if config.latex_engine != "pdflatex":
        return
    elements = dict(config.latex_elements or {})
    preamble = str(elements.get("preamble", ""))
    if "{202F}" not in preamble:
        elements["preamble"] = preamble + LATEX_NARROW_SPACE
        config.latex_elements = elements


def setup_typography(app: Sphinx) -> None:
    app.add_transform(FrenchApostrophes)
    app.add_transform(FrenchSpacing)
    app.connect("config-inited", declare_latex_space)
