"""The ``dataset-inventory`` block: the inventory of datasets and its calendar.

Read from a CSV file at build time. The full table is always in the page;
in HTML a small script adds a text filter and status toggles with live
counts (the controls are hidden until the script shows them).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx

from .datasets.record import note_inventory
from .dates import When, date_node
from .directive import CircDirective, block_options
from .headings import relative_heading
from .messages import _, plural_forms
from .nodes import (
    NON_HTML_SKIP,
    captioned_table,
    is_static_html,
    render_template,
    table_row,
)
from .tables import STACK_CLASS
from .urls import is_safe_url, slugify

#: Status key → the original site's label (colours live in the stylesheet).
STATUSES = {
    "open": "Ouvert",
    "in-progress": "En cours d'ouverture",
    "read-only": "Consultable uniquement",
    "closed": "Fermé",
}
#: How inventories write each status (slugged), in French or English.
STATUS_ALIASES = {
    "ouvert": "open",
    "open": "open",
    "en-cours-d-ouverture": "in-progress",
    "en-cours": "in-progress",
    "in-progress": "in-progress",
    "consultable-uniquement": "read-only",
    "consultable": "read-only",
    "read-only": "read-only",
    "ferme": "closed",
    "closed": "closed",
}
#: Accepted column names (French or English) for each column.
COLUMNS = {
    "title": ("titre", "title", "nom", "name"),
    "url": ("url", "lien", "link"),
    "organisation": ("organisation", "organization", "producteur", "producer"),
    "description": ("description",),
    "system": (
        "systeme",
        "système",
        "systeme-source",
        "source",
        "source-system",
        "system",
    ),
    "status": ("statut", "status", "etat"),
    "frequency": ("frequence", "fréquence", "frequency", "periodicite", "périodicité"),
    "date": (
        "date",
        "date-de-publication",
        "publication",
        "date-estimee",
        "estimated-date",
    ),
}
#: Dates as written in inventories: 2026-03-15, 2026-03, 15/03/2026, 03/2026.
DATE_FORMATS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("y", "m", "d")),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), ("y", "m")),
    (re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{1,2})/(\d{4})$"), ("m", "y")),
)


def status_labels() -> dict[str, str]:
    return {
        "open": _("Open"),
        "in-progress": _("Being opened"),
        "read-only": _("Viewable only"),
        "closed": _("Closed"),
    }


@dataclass
class Entry:
    line: int
    title: str
    url: str
    organisation: str
    description: str
    system: str
    status: str  # a STATUSES key, or "" when unknown
    raw_status: str
    when: date | None
    raw_date: str
    #: The update frequency as written (for the DCAT catalogue only).
    frequency: str = ""


def parse_date(text: str) -> date | None:
    text = text.strip()
    for pattern, order in DATE_FORMATS:
        match = pattern.match(text)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            try:
                return date(parts["y"], parts["m"], parts.get("d", 1))
            except ValueError:
                return None
    return None


def read_inventory(text: str) -> tuple[list[Entry], list[tuple[int, str]]]:
    """Read the CSV text; return entries and ``(line, problem)`` pairs."""
    problems: list[tuple[int, str]] = []
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    columns = {slugify(name): name for name in reader.fieldnames or []}
    mapping = {}
    for key, names in COLUMNS.items():
        found = next(
            (columns[slugify(n)] for n in names if slugify(n) in columns), None
        )
        if found:
            mapping[key] = found
    if "title" not in mapping:
        problems.append((1, "the CSV has no title column ('titre' or 'title')"))
    entries = []
    for row in reader:
        line = reader.line_num

        def cell(key: str, row: dict[str, Any] = row) -> str:
            return str(row.get(mapping.get(key, ""), "") or "").strip()

        title = cell("title")
        if not title:
            problems.append((line, "row without a title; give each dataset a title"))
        raw_status = cell("status")
        status = STATUS_ALIASES.get(slugify(raw_status), "")
        if not status:
            problems.append(
                (
                    line,
                    f"unknown status {raw_status!r}; use one of: "
                    + ", ".join(STATUSES.values()),
                )
            )
        raw_date = cell("date")
        when = parse_date(raw_date) if raw_date else None
        if raw_date and when is None:
            problems.append(
                (
                    line,
                    f"cannot read the date {raw_date!r}; "
                    "write it as 2026-03-15 or 2026-03",
                )
            )
        url = cell("url")
        if url and not is_safe_url(url):
            problems.append((line, f"unsafe URL {url!r} left out; use http or https"))
            url = ""
        entries.append(
            Entry(
                line,
                title,
                url,
                cell("organisation"),
                cell("description"),
                cell("system"),
                status,
                raw_status,
                when,
                raw_date,
                cell("frequency"),
            )
        )
    return entries, problems


class circ_inventory_controls(nodes.General, nodes.Element):
    """The filter box and status toggles (HTML only, shown by the script)."""


class InventoryDirective(CircDirective):
    """``:::{dataset-inventory} path/to/inventory.csv``."""

    kind = "inventory"
    required_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, Any]] = block_options()

    def run_block(self) -> list[nodes.Node]:
        path = self.data_file()
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            self.warn(
                f"inventory file {path.name!r} not found; "
                "check the path, relative to this page"
            )
            return [nodes.paragraph("", _("The inventory could not be read."))]
        except (OSError, UnicodeDecodeError) as error:
            self.warn(
                f"cannot read inventory {path.name!r} ({error}); save it as UTF-8"
            )
            return [nodes.paragraph("", _("The inventory could not be read."))]
        entries, problems = read_inventory(text)
        for line, problem in problems:
            # Named by the CSV's own line, where the fix is made.
            self.warn(f"inventory {path.name!r}, line {line}: {problem}")
        container = nodes.container("", classes=self.classes("circ-inventory"))
        self.set_source_info(container)
        container += self.summary(entries)
        serial = self.env.new_serialno("circ-inventory")
        container += circ_inventory_controls("", uid=f"circ-inventory-{serial}")
        container += self.table(entries)
        container += self.calendar(entries)
        note_inventory(self.env, entries, self.lineno)
        return [container]

    def summary(self, entries: list[Entry]) -> nodes.Node:
        counts = Counter(entry.status for entry in entries)
        labels = status_labels()
        items = nodes.bullet_list(classes=["circ-inventory__counts"])
        for key in STATUSES:
            item = nodes.paragraph(
                "", "", badge(key, labels[key]), nodes.Text(f" {counts[key]}")
            )
            items += nodes.list_item(
                "", item, classes=[f"circ-inventory__count--{key}"]
            )
        return items

    def table(self, entries: list[Entry]) -> nodes.table:
        headers = [
            _("Dataset"),
            _("Organisation"),
            _("Description"),
            _("Source system"),
            _("Status"),
            _("Estimated publication"),
        ]
        table, body = captioned_table(
            _("Inventory of datasets"),
            headers,
            (22, 16, 30, 12, 10, 10),
            ["circ-inventory__table", STACK_CLASS],
        )
        labels = status_labels()
        language = self.config.language or "en"
        for entry in entries:
            title: nodes.Node = nodes.Text(entry.title or "—")
            if entry.url:
                title = nodes.reference("", entry.title or entry.url, refuri=entry.url)
            status = (
                badge(entry.status, labels[entry.status])
                if entry.status
                else nodes.Text(entry.raw_status or "—")
            )
            when = (
                month_node(entry.when, language)
                if entry.when
                else nodes.Text(entry.raw_date)
            )
            body += table_row(
                [
                    nodes.paragraph("", "", title),
                    nodes.paragraph("", entry.organisation),
                    nodes.paragraph("", entry.description),
                    nodes.paragraph("", entry.system),
                    nodes.paragraph("", "", status),
                    nodes.paragraph("", "", when),
                ]
            )
        return table

    def calendar(self, entries: list[Entry]) -> list[nodes.Node]:
        """Publications to come (not yet open, with a date), grouped by month."""
        upcoming = sorted(
            (
                e
                for e in entries
                if e.when and e.status in ("in-progress", "read-only", "closed")
            ),
            key=lambda e: (e.when, e.title),
        )
        heading = relative_heading(
            _("Publication calendar"), 1, "circ-inventory__calendar-title"
        )
        out: list[nodes.Node] = [heading]
        if not upcoming:
            out.append(nodes.paragraph("", _("No publication is scheduled.")))
            return out
        language = self.config.language or "en"
        months = nodes.definition_list(classes=["circ-inventory__calendar"])
        current: nodes.bullet_list | None = None
        last = None
        for entry in upcoming:
            assert entry.when is not None
            key = (entry.when.year, entry.when.month)
            if key != last:
                current = nodes.bullet_list()
                months += nodes.definition_list_item(
                    "",
                    nodes.term("", "", month_node(entry.when, language)),
                    nodes.definition("", current),
                )
                last = key
            assert current is not None
            current += nodes.list_item(
                "",
                nodes.paragraph(
                    "",
                    f"{entry.title} ({entry.organisation})"
                    if entry.organisation
                    else entry.title,
                ),
            )
        out.append(months)
        return out


def month_node(when: date, language: str) -> nodes.Node:
    """The month of a publication, in words (``<time datetime="2026-03">``)."""
    return date_node(When(when, "month", f"{when:%Y-%m}"), language)


def badge_classes(key: str) -> str:
    return f"circ-badge circ-badge--{key}"


def badge(key: str, label: str) -> nodes.inline:
    return nodes.inline("", label, classes=badge_classes(key).split())


def visit_controls_html(self: Any, node: circ_inventory_controls) -> None:
    if is_static_html(self):
        raise nodes.SkipNode
    labels = status_labels()
    statuses = [(key, labels[key]) for key in STATUSES]
    self.body.append(
        render_template(
            self,
            "circ/inventory-controls.html",
            uid=node["uid"],
            statuses=statuses,
            status=plural_forms(
                "{shown} dataset shown out of {total}",
                "{shown} datasets shown out of {total}",
            ),
        )
        + "\n"
    )
    raise nodes.SkipNode


def setup_inventory(app: Sphinx) -> None:
    app.add_node(
        circ_inventory_controls, html=(visit_controls_html, None), **NON_HTML_SKIP
    )
    app.add_directive("dataset-inventory", InventoryDirective)
