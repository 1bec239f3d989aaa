"""Dates in the reader's language: ``4 janvier 2024``, ``4 January 2024``.

The dataset block (``created``, ``lastModified``, ``updated``) and the
inventory (its publication months) write dates the same way, with Babel's
month names. In HTML a date is a ``<time>`` element that keeps the value as
the file wrote it in ``datetime``; other outputs show the words alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from babel.dates import format_date
from docutils import nodes
from sphinx.application import Sphinx

from .nodes import NON_HTML_PASSTHROUGH

Precision = Literal["day", "month", "year"]

_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class When:
    """A date, how precisely it was given, and its machine-readable form."""

    day: date
    precision: Precision
    #: An HTML ``datetime`` value: ``2024-01-04``, ``2024-01``, an ISO date-time.
    machine: str


def read_date(value: Any) -> When | None:
    """An ISO 8601 date, date-time, year-month or year; ``None`` if it is not one.

    YAML gives dates as ``date`` objects, JSON as text.
    """
    if isinstance(value, datetime):
        return When(value.date(), "day", value.isoformat())
    if isinstance(value, date):
        return When(value, "day", value.isoformat())
    text = str(value).strip() if isinstance(value, str | int) else ""
    if _YEAR.match(text):
        return When(date(int(text), 1, 1), "year", text)
    match = _YEAR_MONTH.match(text)
    if match:
        try:
            return When(date(int(match[1]), int(match[2]), 1), "month", text)
        except ValueError:
            return None
    if len(text) == 10:
        try:
            day = date.fromisoformat(text)
            return When(day, "day", day.isoformat())
        except ValueError:
            return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return When(moment.date(), "day", moment.isoformat())


def date_label(when: When, language: str) -> str:
    """``4 janvier 2024``, ``mars 2025``, ``2024``, in *language* (English
    ``4 January 2024``); the ISO form if Babel does not know the language."""
    if when.precision == "year":
        return str(when.day.year)
    locale = language.replace("-", "_")
    if when.precision == "month":
        pattern = "LLLL y"
    elif locale.split("_")[0] == "fr" and when.day.day == 1:
        pattern = "d'er' MMMM y"  # French writes the first of the month 1er
    else:
        pattern = "d MMMM y"
    try:
        return format_date(when.day, pattern, locale=locale)
    except Exception:  # an unknown locale must not break the build
        return when.machine[:10] if when.precision == "day" else when.machine


class circ_time(nodes.Inline, nodes.TextElement):
    """A date in words, its ISO value in ``datetime`` (``<time>`` in HTML)."""


def date_node(when: When, language: str) -> circ_time:
    return circ_time("", date_label(when, language), datetime=when.machine)


def visit_time_html(self: Any, node: circ_time) -> None:
    self.body.append(self.starttag(node, "time", "", datetime=node["datetime"]))


def depart_time_html(self: Any, node: circ_time) -> None:
    self.body.append("</time>")


def setup_dates(app: Sphinx) -> None:
    app.add_node(
        circ_time, html=(visit_time_html, depart_time_html), **NON_HTML_PASSTHROUGH
    )
