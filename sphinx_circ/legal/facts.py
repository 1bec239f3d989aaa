"""Reading ``circ_legal``: the facts of ``conf.py``, typed and checked.

The types are in ``config.py``. Every value that is not what it should be
gives a ``circ.legal`` warning at the line of ``conf.py`` that sets
``circ_legal``, naming the key (``circ_legal["host"]["phone"]``), and is left
out; nothing stops the build. A value in square brackets (``"[nom de
l'hébergeur]"``, as ``sphinx-circ new`` writes them) or an address at a
domain reserved for examples is a placeholder: shown as it is, with a
``circ.placeholder`` warning until it is replaced.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..config import (
    TECHNOLOGIES,
    AccessibilityFacts,
    Derogation,
    LegalFacts,
    Licence,
    Party,
    PersonalDataFacts,
    Processing,
)
from ..placeholders import is_placeholder
from ..urls import is_email, is_safe_url

PARTY_KEYS = ("name", "address", "contact", "phone")
ACCESSIBILITY_KEYS = (
    "audit_date",
    "audited_by",
    "rgaa_version",
    "criteria_met",
    "audited_pages",
    "non_conformities",
    "derogations",
    "exempted",
    "technologies",
    "test_environment",
    "tools",
    "contact",
    "multi_year_plan",
    "action_plan",
    "statement_date",
)
PERSONAL_DATA_KEYS = ("controller", "dpo_contact", "processing", "cookies")
PROCESSING_KEYS = ("purpose", "data", "basis", "retention", "recipients")
TOP_KEYS = (
    "publisher",
    "director",
    "host",
    "licence",
    "accessibility",
    "personal_data",
)

#: What ``sphinx-circ new`` writes where a fact is still to be given.
_PLACEHOLDER = re.compile(r"^\s*\[[^\]]*\]\s*$")


def is_placeholder_text(value: str) -> bool:
    """A value to be replaced: ``[…]`` or an address at an example domain."""
    return bool(_PLACEHOLDER.match(value)) or (
        ("@" in value or "://" in value) and is_placeholder(value)
    )


@dataclass
class Reading:
    """What reading ``circ_legal`` found wrong, and the placeholders left."""

    problems: list[str] = field(default_factory=list)
    placeholders: list[tuple[str, str]] = field(default_factory=list)


def key_path(*keys: str | int) -> str:
    return "circ_legal" + "".join(f"[{key!r}]" for key in keys)


class _Reader:
    def __init__(self) -> None:
        self.reading = Reading()

    def problem(self, message: str) -> None:
        self.reading.problems.append(message)

    def mapping(self, value: Any, keys: tuple[str, ...], *path: str) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(f"{key_path(*path)} must be a dictionary; left out")
            return {}
        for key in value:
            if key not in keys:
                self.problem(
                    f"{key_path(*path)} has an unknown key {key!r}; known keys: "
                    f"{', '.join(keys)}"
                )
        return value

    def text(self, value: Any, *path: str | int) -> str:
        if value is None:
            return ""
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.problem(f"{key_path(*path)} must be text; left out")
            return ""
        value = " ".join(value.split())
        if value and is_placeholder_text(value):
            self.reading.placeholders.append((key_path(*path), value))
        return value

    def address(self, value: Any, *path: str) -> str:
        """An e-mail or a safe web address."""
        text = self.text(value, *path)
        if (
            text
            and not _PLACEHOLDER.match(text)
            and not (is_email(text) or is_safe_url(text))
        ):
            self.problem(
                f"{key_path(*path)} = {text!r} is neither an e-mail nor a safe web "
                "address (https://…); left out"
            )
            return ""
        return text

    def texts(self, value: Any, *path: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list | tuple):
            self.problem(f"{key_path(*path)} must be a list of texts; left out")
            return ()
        items = (self.text(item, *path, index) for index, item in enumerate(value))
        return tuple(item for item in items if item)

    def day(self, value: Any, *path: str) -> date | None:
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.problem(
            f"{key_path(*path)} = {value!r} is not a date (write it 2026-03-31); "
            "left out"
        )
        return None

    def percent(self, value: Any, *path: str) -> float | None:
        if value is None or value == "":
            return None
        number: float | None = None
        if isinstance(value, int | float) and not isinstance(value, bool):
            number = float(value)
        elif isinstance(value, str):
            try:
                number = float(value.strip().rstrip("%").strip().replace(",", "."))
            except ValueError:
                number = None
        if number is None or not 0 <= number <= 100:
            self.problem(
                f"{key_path(*path)} = {value!r} is not a share of criteria between "
                "0 and 100 (per cent); left out"
            )
            return None
        return number

    def items(
        self, value: Any, read: Callable[[Any, int], Any], *path: str
    ) -> tuple[Any, ...]:
        if value is None:
            return ()
        if not isinstance(value, list | tuple):
            self.problem(f"{key_path(*path)} must be a list; left out")
            return ()
        read_items = (read(item, index) for index, item in enumerate(value))
        return tuple(item for item in read_items if item is not None)

    # -- The parts ------------------------------------------------------------------

    def party(self, value: Any, name: str) -> Party:
        if isinstance(value, str):
            return Party(name=self.text(value, name))
        raw = self.mapping(value, PARTY_KEYS, name)
        return Party(
            name=self.text(raw.get("name"), name, "name"),
            address=self.text(raw.get("address"), name, "address"),
            contact=self.address(raw.get("contact"), name, "contact"),
            phone=self.text(raw.get("phone"), name, "phone"),
        )

    def licence(self, value: Any) -> Licence:
        if isinstance(value, str):
            return Licence(name=self.text(value, "licence"))
        raw = self.mapping(value, ("name", "url"), "licence")
        return Licence(
            name=self.text(raw.get("name"), "licence", "name"),
            url=self.address(raw.get("url"), "licence", "url"),
        )

    def derogation(self, value: Any, index: int) -> Derogation | None:
        path = ("accessibility", "derogations")
        raw = self.mapping(value, ("content", "reason"), *path)
        content = self.text(raw.get("content"), *path, index, "content")
        reason = self.text(raw.get("reason"), *path, index, "reason")
        if not content or not reason:
            self.problem(
                f"{key_path(*path, index)} needs a 'content' and the 'reason' for "
                "the disproportionate burden; left out"
            )
            return None
        return Derogation(content, reason)

    def accessibility(self, value: Any) -> AccessibilityFacts:
        name = "accessibility"
        raw = self.mapping(value, ACCESSIBILITY_KEYS, name)
        technologies = raw.get("technologies")
        return AccessibilityFacts(
            audit_date=self.day(raw.get("audit_date"), name, "audit_date"),
            audited_by=self.text(raw.get("audited_by"), name, "audited_by"),
            rgaa_version=self.text(raw.get("rgaa_version"), name, "rgaa_version"),
            criteria_met=self.percent(raw.get("criteria_met"), name, "criteria_met"),
            audited_pages=self.texts(raw.get("audited_pages"), name, "audited_pages"),
            non_conformities=self.texts(
                raw.get("non_conformities"), name, "non_conformities"
            ),
            derogations=self.items(
                raw.get("derogations"), self.derogation, name, "derogations"
            ),
            exempted=self.texts(raw.get("exempted"), name, "exempted"),
            technologies=TECHNOLOGIES
            if technologies is None
            else self.texts(technologies, name, "technologies"),
            test_environment=self.texts(
                raw.get("test_environment"), name, "test_environment"
            ),
            tools=self.texts(raw.get("tools"), name, "tools"),
            contact=self.address(raw.get("contact"), name, "contact"),
            multi_year_plan=self.address(
                raw.get("multi_year_plan"), name, "multi_year_plan"
            ),
            action_plan=self.address(raw.get("action_plan"), name, "action_plan"),
            statement_date=self.day(raw.get("statement_date"), name, "statement_date"),
        )

    def processing(self, value: Any, index: int) -> Processing | None:
        path = ("personal_data", "processing")
        raw = self.mapping(value, PROCESSING_KEYS, *path)
        texts = {
            key: self.text(raw.get(key), *path, index, key) for key in PROCESSING_KEYS
        }
        if not texts["purpose"]:
            self.problem(f"{key_path(*path, index)} needs its 'purpose'; left out")
            return None
        return Processing(**texts)

    def personal_data(self, value: Any) -> PersonalDataFacts:
        name = "personal_data"
        raw = self.mapping(value, PERSONAL_DATA_KEYS, name)
        return PersonalDataFacts(
            controller=self.text(raw.get("controller"), name, "controller"),
            dpo_contact=self.address(raw.get("dpo_contact"), name, "dpo_contact"),
            processing=self.items(
                raw.get("processing"), self.processing, name, "processing"
            ),
            cookies=self.texts(raw.get("cookies"), name, "cookies"),
        )


def read_legal(value: Any) -> tuple[LegalFacts, Reading]:
    """The facts of *value* (``circ_legal``), and what was wrong with it."""
    reader = _Reader()
    if not value:
        return LegalFacts(), reader.reading
    raw = reader.mapping(value, TOP_KEYS)
    facts = LegalFacts(
        publisher=reader.party(raw.get("publisher"), "publisher"),
        director=reader.text(raw.get("director"), "director"),
        host=reader.party(raw.get("host"), "host"),
        licence=reader.licence(raw.get("licence")),
        accessibility=reader.accessibility(raw.get("accessibility")),
        personal_data=reader.personal_data(raw.get("personal_data")),
        given=True,
    )
    return facts, reader.reading


def missing_notice_facts(facts: LegalFacts) -> list[str]:
    """The keys of what the legal notice must name (LCEN art. 6) and lacks."""
    required = {
        key_path("publisher", "name"): facts.publisher.name,
        key_path("publisher", "address"): facts.publisher.address,
        key_path("publisher", "contact"): facts.publisher.contact,
        key_path("director"): facts.director,
        key_path("host", "name"): facts.host.name,
        key_path("host", "address"): facts.host.address,
        key_path("host", "phone"): facts.host.phone,
    }
    return [key for key, value in required.items() if not value]
