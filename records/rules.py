"""The retention rules, one small typed function each.

Pure: the caller passes the facts and "today"; nothing here touches the database. Each docstring
names its source (seed 000 §6 «فهرست سوابق», ISO 9001 §7.5.3, ISO 15489-1). A breach raises
``RecordsRuleViolation``, a ``ControlRuleViolation`` (and so a ``PermissionDenied``) whose message is
shown to the user as is, in Persian.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from jalali.calendar import add_jalali_months, add_jalali_years, format_jalali
from jalali.digits import to_persian_digits
from procedures.rules import ControlRuleViolation
from records.choices import (
    FINAL_PHASES,
    BatchStatus,
    Disposal,
    HoldKind,
    Medium,
    Method,
    PeriodUnit,
    Phase,
    Trigger,
)


class Rule(StrEnum):
    DECLARED_IMMUTABLE = "declared-record-immutable"
    CORRECTION_REASON = "metadata-correction-reason"
    TOMBSTONE_FINAL = "tombstone-final"
    DECLARATION = "declaration"
    ON_HOLD = "on-hold"
    HOLD_REASON = "hold-reason"
    HOLD_STATE = "hold-state"
    TWO_PERSON = "two-person"
    ROLE = "role"
    NOT_DUE = "not-due"
    BATCH_STATE = "batch-state"
    UPLOAD = "upload"
    KEEP_HISTORY = "keep-history"


class RecordsRuleViolation(ControlRuleViolation):
    """A refused write on a record, hold or batch; ``str(exc)`` is the Persian message."""


# --- Retention periods on the Jalali calendar ---------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A retention period as seed 000 §6 writes it: a number and a unit («۲ سال», «۶ ماه»)."""

    amount: int
    unit: str = PeriodUnit.YEARS

    @property
    def label(self) -> str:
        return f"{to_persian_digits(self.amount)} {PeriodUnit(self.unit).label}"


def add_period(start: dt.date, period: Period) -> dt.date:
    """The day a period counted from ``start`` ends, on the Jalali calendar.

    Source: seed 000 §6 (periods in Solar Hijri years and months). Month ends clamp:
    ۱۳۹۹/۱۲/۳۰ + ۱ سال = ۱۴۰۰/۱۲/۲۹; ۱۴۰۲/۰۶/۳۱ + ۱ ماه = ۱۴۰۲/۰۷/۳۰.
    """
    if period.amount < 0:
        raise ValueError("a retention period is never negative")
    if period.unit == PeriodUnit.YEARS:
        return add_jalali_years(start, period.amount)
    return add_jalali_months(start, period.amount)


def trigger_date(
    trigger: str,
    *,
    record_date: dt.date | None,
    explicit: dt.date | None,
    superseded_on: dt.date | None = None,
) -> dt.date | None:
    """The day the active period starts counting, or None while the trigger event has not happened.

    Source: ISO 15489-1 §8.5 (disposition authorities state the trigger of each period).
    A date entered on the record wins; otherwise «ایجاد» counts from the record's own date and
    «منسوخ شدن بازنگری» from the day the governing revision stopped being in force. The end of an
    evaluation cycle and the closure of a file have to be entered (issue 5 fills the cycle's end).
    """
    if explicit is not None:
        return explicit
    if trigger == Trigger.CREATION:
        return record_date
    if trigger == Trigger.SUPERSESSION:
        return superseded_on
    return None


@dataclass(frozen=True)
class RetentionDates:
    """End of the active phase, end of the archive phase, and the day disposition falls due."""

    active_until: dt.date
    archive_until: dt.date
    due_on: dt.date | None  # None when the series is kept permanently


def retention_dates(trigger_on: dt.date, active: Period, archive: Period, disposal: str) -> RetentionDates:
    """Active (جاری) then archive (راکد), counted one after the other from the trigger.

    Source: seed 000 §6 «مدت نگهداری: جاری / راکد»; ISO 15489-1 §9.9 (disposition when retention
    ends). A series kept permanently never falls due.
    """
    active_until = add_period(trigger_on, active)
    archive_until = add_period(active_until, archive)
    return RetentionDates(
        active_until=active_until,
        archive_until=archive_until,
        due_on=None if disposal == Disposal.KEEP else archive_until,
    )


def phase_on(dates: RetentionDates | None, today: dt.date) -> Phase:
    """The phase a declared record is in on ``today``; a phase ends at the start of its end day.

    Source: seed 000 §6 (active, then archive, then the disposal method). Without a trigger date the
    record stays active. After the archive phase a permanent series' record is kept, any other is due.
    """
    if dates is None or today < dates.active_until:
        return Phase.ACTIVE
    if today < dates.archive_until:
        return Phase.ARCHIVE
    return Phase.PERMANENT if dates.due_on is None else Phase.DUE


# --- Declared records: immutable content, versioned metadata ---------------------------------------


def check_declaration(*, medium: str, file_count: int, physical_location: str, already: bool) -> None:
    """A record is declared once, complete: its files if electronic, its place if on paper.

    Source: ISO 15489-1 §9.3 (capture: a record is fixed with its metadata); seed 000 §6 «محل نگهداری».
    """
    if already:
        raise RecordsRuleViolation(Rule.DECLARATION, "این سابقه پیش‌تر اعلام شده است.")
    if medium in (Medium.ELECTRONIC, Medium.BOTH) and file_count == 0:
        raise RecordsRuleViolation(
            Rule.DECLARATION, "سابقه کامپیوتری بدون فایل اعلام نمی‌شود؛ نخست فایل آن را بارگذاری کنید."
        )
    if medium in (Medium.PAPER, Medium.BOTH) and not physical_location.strip():
        raise RecordsRuleViolation(
            Rule.DECLARATION, "برای سابقه کاغذی محل نگهداری فیزیکی (بایگانی، قفسه، زونکن) را بنویسید."
        )


def check_record_write(
    *,
    declared: bool,
    phase: str,
    changed: Iterable[str],
    reason: str,
) -> None:
    """After declaration only metadata moves, each change with its reason; a tombstone never moves.

    Source: ISO 9001 §7.5.3.2 c (control of changes), ISO 15489-1 §5.2.2 (integrity: records are
    protected from unauthorised alteration). ``changed`` are the names of fields that differ.
    """
    changed = set(changed)
    if not changed:
        return
    if phase in FINAL_PHASES:
        raise RecordsRuleViolation(
            Rule.TOMBSTONE_FINAL,
            "این سابقه تعیین تکلیف شده است؛ از آن فقط نشانه (مشخصات) باقی است و تغییر نمی‌کند.",
        )
    if declared and not " ".join(reason.split()):
        raise RecordsRuleViolation(
            Rule.CORRECTION_REASON, "اصلاح مشخصات سابقه اعلام‌شده فقط با ذکر دلیل اصلاح ممکن است."
        )


def check_files_frozen(*, declared: bool) -> None:
    """The files of a declared record are its content: none is added, replaced or removed.

    Source: ISO 15489-1 §5.2.2 (integrity), ISO 9001 §7.5.3.2 b (protection from loss of integrity).
    """
    if declared:
        raise RecordsRuleViolation(Rule.DECLARED_IMMUTABLE, "محتوا و فایل‌های سابقه اعلام‌شده تغییرناپذیر است.")


# --- Holds ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HoldFact:
    kind: str
    reason: str
    placed_on: dt.date


def check_not_on_hold(holds: Sequence[HoldFact], action: str) -> None:
    """A hold (audit, legal, pending objection) freezes disposition and deletion.

    Source: ISO 15489-1 §9.9 (disposition is suspended while records are needed for legal action,
    audit or investigation); the objection window of the evaluation cycle (seed 001 step 6).
    """
    if not holds:
        return
    reasons = "؛ ".join(f"{HoldKind(h.kind).label}: {h.reason}" for h in holds)
    raise RecordsRuleViolation(
        Rule.ON_HOLD, f"{action} ممکن نیست: این سابقه در توقیف است ({reasons}). نخست توقیف باید رفع شود."
    )


def check_hold_reason(reason: str) -> None:
    """Who, when and why: a hold states why. Source: ISO 15489-1 §9.9 (documented suspension)."""
    if not " ".join(reason.split()):
        raise RecordsRuleViolation(Rule.HOLD_REASON, "دلیل توقیف (یا رفع آن) را بنویسید.")


def check_second_person(first_id: int | None, second_id: int, *, what: str) -> None:
    """Two people: whoever asked for a release, or prepared a batch, does not approve it.

    Source: ISO 15489-1 §9.9 (disposition authorised); the two-signature practice of seed 000's
    header applied to disposition and to the release of holds.
    """
    if first_id is not None and first_id == second_id:
        raise RecordsRuleViolation(
            Rule.TWO_PERSON, f"{what} باید به تایید شخص دیگری برسد؛ شما درخواست‌دهنده آن هستید."
        )


# --- Disposition --------------------------------------------------------------------------------------


def check_due(*, phase: str, due_on: dt.date | None, today: dt.date) -> None:
    """Only a declared record whose retention has run out is disposed of.

    Source: seed 000 §6 (periods), ISO 15489-1 §9.9.
    """
    if phase == Phase.DRAFT:
        raise RecordsRuleViolation(Rule.NOT_DUE, "سابقه اعلام‌نشده تعیین تکلیف نمی‌شود.")
    if phase in FINAL_PHASES:
        raise RecordsRuleViolation(Rule.NOT_DUE, "این سابقه پیش‌تر تعیین تکلیف شده است.")
    if due_on is None:
        raise RecordsRuleViolation(Rule.NOT_DUE, "این سابقه نگهداری دائم است و موعد امحا ندارد.")
    if today < due_on:
        raise RecordsRuleViolation(
            Rule.NOT_DUE, f"موعد تعیین تکلیف این سابقه {format_jalali(due_on)} است و هنوز نرسیده است."
        )


def method_for(disposal: str, decided: str | None = None) -> Method:
    """What happens to a due record: the series' method, or for «بررسی در پایان دوره» the decision taken.

    Source: seed 000 §6 «نحوه امحاء»; ISO 15489-1 §9.9 (review at the end of retention).
    """
    if disposal == Disposal.REVIEW:
        if not decided:
            raise RecordsRuleViolation(
                Rule.BATCH_STATE,
                "برای سابقه‌ای که «بررسی در پایان دوره» دارد، تصمیم (امحا، انتقال یا نگهداری) را انتخاب کنید.",
            )
        return Method(decided)
    return Method(disposal)


_BATCH_NEXT = {
    "prepared": {"approved", "cancelled"},
    "approved": {"executed", "cancelled"},
    "executed": set(),
    "cancelled": set(),
}


def check_batch_transition(current: str, target: str) -> None:
    """A batch is prepared, approved by another person, then executed once (or cancelled before).

    Source: ISO 15489-1 §9.9 (authorised, documented disposition).
    """
    if target not in _BATCH_NEXT[current]:
        raise RecordsRuleViolation(
            Rule.BATCH_STATE,
            f"فهرست تعیین تکلیف در وضعیت «{BatchStatus(current).label}» است و «{BatchStatus(target).label}» نمی‌شود.",
        )
