"""The accessibility level, derived from the audit as the RGAA rules it.

* **totalement conforme**: every applicable criterion is met;
* **partiellement conforme**: at least 50 % are;
* **non conforme**: fewer, or no valid audit: none at all, one more than
  three years old, or one made on an RGAA version since replaced.

The level is never written by hand: ``conformity`` computes it, with the
reasons a statement or a warning gives.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Literal

from ..config import AccessibilityFacts

Level = Literal["total", "partial", "none"]

#: The RGAA versions in force: an audit on an older one is no longer valid.
#: RGAA 4.1 (2021, its 4.1.1 and 4.1.2 corrections) replaced 4.0 (2019),
#: which replaced 3 (2016–2017).
CURRENT_RGAA = (4, 1)
#: How long an audit stays valid.
AUDIT_YEARS = 3
#: The share of criteria that makes a portal partially compliant.
PARTIAL_THRESHOLD = 50.0

_VERSION = re.compile(r"^\s*(?:RGAA\s*)?v?(\d+)(?:\.(\d+))?(?:\.\d+)*\s*$", re.I)


def today() -> date:
    """The build's day: ``SOURCE_DATE_EPOCH``'s when set (reproducible builds,
    tests), else the clock's."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def rgaa_version(text: str) -> tuple[int, int] | None:
    """``"4.1.2"`` as ``(4, 1)``; None when *text* is not a version."""
    match = _VERSION.match(text)
    if not match:
        return None
    return int(match[1]), int(match[2] or 0)


def expiry(audit: date) -> date:
    """The last day an audit of *audit* is valid (three years on)."""
    try:
        return audit.replace(year=audit.year + AUDIT_YEARS)
    except ValueError:  # 29 February
        return audit.replace(year=audit.year + AUDIT_YEARS, day=28)


@dataclass(frozen=True)
class Conformity:
    """The level, and what the audit's facts say against it."""

    level: Level
    #: Why no valid audit stands: ``"none"``, ``"expired"``, ``"replaced"``,
    #: ``"version"`` (not an RGAA version), ``"future"``, ``"rate"`` (no share
    #: of criteria given); empty when the audit is valid.
    invalid: str = ""
    #: Facts that contradict each other (``circ.legal`` warnings).
    contradictions: tuple[str, ...] = field(default=())


def conformity(facts: AccessibilityFacts, on: date | None = None) -> Conformity:
    """The level of a portal whose audit is *facts*, on the day *on*."""
    on = on or today()
    contradictions: list[str] = []
    if facts.audit_date is None:
        return Conformity("none", "none")
    version = rgaa_version(facts.rgaa_version) if facts.rgaa_version else None
    if facts.audit_date > on:
        return Conformity("none", "future")
    if on > expiry(facts.audit_date):
        return Conformity("none", "expired")
    if version is None:
        return Conformity("none", "version")
    if version < CURRENT_RGAA:
        return Conformity("none", "replaced")
    if facts.criteria_met is None:
        return Conformity("none", "rate")
    rate = facts.criteria_met
    listed = len(facts.non_conformities)
    if rate >= 100 and listed:
        contradictions.append(
            f"criteria_met is 100 % (totalement conforme) while non_conformities "
            f"lists {listed}: the level shown is partiellement conforme"
        )
        return Conformity("partial", "", tuple(contradictions))
    if rate < 100 and not listed:
        contradictions.append(
            f"criteria_met is {rate:g} % but non_conformities lists none: the "
            "statement must say which criteria fail"
        )
    level: Level = (
        "total" if rate >= 100 else "partial" if rate >= PARTIAL_THRESHOLD else "none"
    )
    return Conformity(level, "", tuple(contradictions))
