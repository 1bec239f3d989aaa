"""The base of every block's directive: located warnings and forgiving options.

A typo in an option never breaks the page: ``Choice`` options take their
value case-insensitively (with aliases, such as the old site's class names)
and fall back to the default with a located ``circ.<kind>`` warning listing
what is accepted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .messages import warn


class Choice:
    """An option converter for one value out of *choices* (the first is the default).

    Unlike docutils' ``directives.choice`` it never raises: an unknown value
    is kept as ``Invalid`` for ``CircDirective`` to report and replace.
    """

    def __init__(
        self, choices: Sequence[str], aliases: Mapping[str, str] | None = None
    ) -> None:
        self.choices = tuple(choices)
        self.aliases = dict(aliases or {})

    @property
    def default(self) -> str:
        return self.choices[0]

    def __call__(self, argument: str | None) -> str | Invalid:
        value = (argument or "").strip().lower() or self.default
        value = self.aliases.get(value, value)
        return value if value in self.choices else Invalid(value)


class Invalid(str):
    """An option value its ``Choice`` does not accept."""


def block_options(*text: str, **special: Callable[[str | None], Any]) -> dict[str, Any]:
    """An option spec: free-text options, then *special* ones (``new_tab`` is
    ``:new-tab:``), and ``:class:``, which every block accepts."""
    spec: dict[str, Any] = dict.fromkeys(text, directives.unchanged)
    spec.update({name.replace("_", "-"): convert for name, convert in special.items()})
    spec["class"] = directives.class_option
    return spec


class CircDirective(SphinxDirective):
    """A sphinx-circ block: subclasses set ``kind`` and write ``run_block``."""

    #: The ``circ.<kind>`` warning type of this block.
    kind: ClassVar[str] = "block"

    def run(self) -> list[nodes.Node]:
        self.check_choices()
        return self.run_block()

    def run_block(self) -> list[nodes.Node]:
        raise NotImplementedError

    def check_choices(self) -> None:
        """Give every ``Choice`` option a valid value, warning about the others."""
        for name, converter in (self.option_spec or {}).items():
            if not isinstance(converter, Choice):
                continue
            value = self.options.get(name)
            if isinstance(value, Invalid):
                self.warn(
                    f"unknown {name} {str(value)!r}; use one of: "
                    f"{', '.join(converter.choices)}. Using {converter.default!r}."
                )
                value = None
            self.options[name] = value or converter.default

    def classes(self, *own: str) -> list[str]:
        """The block's own classes, then those of its ``:class:`` option."""
        return [*own, *self.options.get("class", [])]

    def warn(self, message: str, node: nodes.Node | None = None) -> None:
        """A ``circ.<kind>`` warning at *node*, or at the directive."""
        warn(message, self.kind, node if node is not None else self.get_location())

    def data_file(self) -> Path:
        """The file the argument names (relative to the page), noted as a
        dependency so that editing it rebuilds the page."""
        relative, absolute = self.env.relfn2path(
            self.arguments[0].strip(), self.env.docname
        )
        self.env.note_dependency(relative)
        return Path(absolute)
