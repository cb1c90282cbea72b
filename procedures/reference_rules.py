"""When an external reference (law, regulation, circular…) was in force: one small typed pure function each.

The facts come from the caller (``ExternalReferencePage.reference_facts``, ``search.procedure_types``);
nothing here touches the database, so the page, the search and the API judge a day alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from jalali.calendar import format_jalali


class ActKind(StrEnum):
    """What a later act did to the reference (``RelationKind`` values, plus a custody withdrawal)."""

    REPLACES = "replaces"
    REPEALS = "repeals"
    AMENDS = "amends"
    WITHDRAWN = "withdrawn"


#: Acts after whose effective date the reference is no longer in force (an amendment leaves it in force).
ENDING_ACTS = frozenset({ActKind.REPLACES, ActKind.REPEALS, ActKind.WITHDRAWN})


@dataclass(frozen=True)
class Act:
    """A later act bearing on the reference, from the day it took effect.

    ``effective_on`` is None when nobody knows that day; such an ending counts on every day, since
    an obsolete document must not be taken for a valid one (ISO 9001 §7.5.3.2 d).
    """

    kind: ActKind
    effective_on: dt.date | None
    source_id: int | None = None
    source_title: str = ""
    source_number: str = ""

    @property
    def ends(self) -> bool:
        return self.kind in ENDING_ACTS

    def effective_by(self, day: dt.date) -> bool:
        return self.effective_on is None or self.effective_on <= day


@dataclass(frozen=True)
class ReferenceFacts:
    """A reference's own date (None if unknown) and the acts that replaced, repealed, amended or withdrew it."""

    date: dt.date | None
    acts: tuple[Act, ...] = ()


class Standing(StrEnum):
    IN_FORCE = "in_force"
    NOT_YET_ISSUED = "not_yet_issued"
    ENDED = "ended"


@dataclass(frozen=True)
class StatusOn:
    """How a reference stood on ``day``, and why."""

    day: dt.date
    standing: Standing
    ending: Act | None = None  # the act that had ended it by ``day``
    later_ending: Act | None = None  # the act that ended it after ``day``, if any
    amendments: tuple[Act, ...] = ()  # amendments in effect by ``day``

    @property
    def in_force(self) -> bool:
        return self.standing == Standing.IN_FORCE


def _earliest(acts: Sequence[Act]) -> Act | None:
    # An unknown day sorts first: it counts from always.
    return min(acts, key=lambda a: a.effective_on or dt.date.min, default=None)


def status_on(reference: ReferenceFacts, day: dt.date) -> StatusOn:
    """How ``reference`` stood on ``day``: in force if issued on or before it (when its date is known) and no
    replacement, repeal or withdrawal had taken effect on or before it. On the effective day itself the
    ending act already governs; the day before, the reference still did.

    Source: ISO 9001 §7.5.3.2 d (obsolete documented information identified as such, kept readable)
    and §7.5.3.1 a (the valid version available where and when needed); seed 002, whose circular
    ۳۶۷۷۳/۹۱/۲۱۰ of ۱۳۹۱/۰۹/۱۳ «جایگزین بخشنامه شماره ۳۵۶۶۵/۱۸۰۱ ... میگردد» — the older circular
    governed until the newer one took effect (domain.md, «002 — a circular»).
    """
    if reference.date is not None and reference.date > day:
        return StatusOn(
            day, Standing.NOT_YET_ISSUED, later_ending=_earliest([a for a in reference.acts if a.ends])
        )
    if not reference.acts:  # most references: nothing later bears on them (a search judges thousands)
        return StatusOn(day, Standing.IN_FORCE)
    endings = [a for a in reference.acts if a.ends]
    amendments = tuple(
        sorted(
            (a for a in reference.acts if not a.ends and a.effective_by(day)),
            key=lambda a: a.effective_on or dt.date.min,
        )
    )
    ended = _earliest([a for a in endings if a.effective_by(day)])
    later = _earliest([a for a in endings if not a.effective_by(day)])
    if ended is not None:
        return StatusOn(day, Standing.ENDED, ending=ended, amendments=amendments)
    return StatusOn(day, Standing.IN_FORCE, later_ending=later, amendments=amendments)


def in_force_on(reference: ReferenceFacts, day: dt.date) -> bool:
    """Whether ``reference`` was in force on ``day``. Source: as ``status_on``."""
    return status_on(reference, day).in_force


def effective_date_error(effective_on: dt.date | None, target_date: dt.date | None) -> str:
    """A replacement, repeal or amendment cannot take effect before the act it ends was issued.

    Source: ISO 9001 §7.5.3.2 c (control of changes: a change follows what it changes). Returns the
    Persian message, or "" when the dates agree (or one is unknown).
    """
    if effective_on and target_date and effective_on < target_date:
        return (
            f"تاریخ اجرا ({format_jalali(effective_on)}) نمی‌تواند پیش از تاریخ خود سند مرتبط "
            f"({format_jalali(target_date)}) باشد."
        )
    return ""
