"""The rules of the evaluation cycle, one small typed function each.

Pure: the caller passes the facts (and "today"); nothing here touches the database. Each docstring
names its source: procedure 000 §5 (the rows of the activities table), statement 001 (the ten service
steps and the service user's commitments), seed 003 (circulars, deadline extensions by letter, two
cycles at once) and seed 004 (the indicator bank and scorecards). A breach raises
``EvaluationRuleViolation`` — a ``PermissionDenied`` — whose message is shown to the user as is.

Levelling and ranking (seed 000 rows 17–18; the seeds give no formula, so this is Sanad's, stated here
and on every scorecard):

- an agency's **percentage** = 100 × (sum of its final scores) ÷ (sum of the maximum scores of the
  indicators that apply to it), rounded half-up to two decimals;
- its **tier** (سطح) is the first of ``TIERS`` whose threshold the percentage reaches:
  عالی ≥ ۹۰، خیلی خوب ≥ ۷۵، خوب ≥ ۶۰، متوسط ≥ ۴۵، ضعیف below;
- its **rank** is competition ranking on the rounded percentage, highest first: equal percentages share
  a rank and the next rank skips (۱، ۲، ۲، ۴).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from jalali.calendar import format_jalali
from jalali.digits import to_ascii_digits, to_persian_digits
from procedures.rules import ControlRuleViolation
from records.evaluation.choices import IndicatorKind, NoticeKind, Progress


class Rule(StrEnum):
    WINDOW = "phase-window"
    TIMETABLE = "timetable"
    EXTENSION = "extension-by-letter"
    SCORE = "score-range"
    FINAL = "final-results-immutable"
    PINNED = "pinned-revision"
    TWO_PERSON = "two-person"
    ROLE = "role"
    AGENCY = "own-agency-only"
    RELEASE = "release-results"
    OBJECTION = "objection"
    PROPOSAL = "final-proposal"
    INDICATOR = "indicator"


class EvaluationRuleViolation(ControlRuleViolation):
    """A refused write in an evaluation cycle; ``str(exc)`` is the Persian message."""


def _fa(value: object) -> str:
    return to_persian_digits(str(value))


# --- The timetable (seed 000 §5, seed 003's display windows and deadlines) ---------------------------


def check_phase_dates(start: dt.date | None, end: dt.date | None, label: str) -> None:
    """A phase has a start and an end, and does not end before it starts.

    Source: procedure 000 §5 (each step of the cycle in turn); seed 003 («از ۱۳۹۹/۰۱/۰۶ تا ۱۳۹۹/۰۵/۳۱»).
    """
    if start is None or end is None:
        raise EvaluationRuleViolation(Rule.TIMETABLE, f"برای مرحله «{label}» تاریخ آغاز و پایان را بنویسید.")
    if end < start:
        raise EvaluationRuleViolation(
            Rule.TIMETABLE,
            f"پایان مرحله «{label}» ({format_jalali(end)}) پیش از آغاز آن ({format_jalali(start)}) است.",
        )


def check_started_phase_unchanged(
    *,
    today: dt.date,
    label: str,
    stored: tuple[dt.date, dt.date] | None,
    new: tuple[dt.date, dt.date] | None,
) -> None:
    """Once a phase has started, its dates move only by an extension letter, never by editing.

    Source: seed 003 — the 1398 deadlines moved by letter ۷۴۹۰۱۴ of ۱۳۹۸/۱۲/۲۴ with a new timetable;
    statement 001 commitment «رعایت زمانبندی». A phase not yet started may still be planned.
    """
    if stored is None or stored == new:
        return
    if today >= stored[0]:
        raise EvaluationRuleViolation(
            Rule.TIMETABLE,
            f"مرحله «{label}» از {format_jalali(stored[0])} آغاز شده است؛ تاریخ‌های آن با ویرایش تغییر نمی‌کند "
            "و پایان آن فقط با ثبت تمدید (با شماره و تاریخ نامه مجوز) جابه‌جا می‌شود.",
        )


def effective_end(
    planned_end: dt.date, cycle_extensions: Iterable[dt.date], agency_extensions: Iterable[dt.date] = ()
) -> dt.date:
    """The deadline that holds for one agency: the latest of the planned end and every extension to it.

    Source: seed 003 — deadlines extended for the whole cycle (letter ۷۴۹۰۱۴) or for some units only;
    an extension never shortens a deadline (``check_extension``), so the latest date is the one in force.
    """
    return max([planned_end, *cycle_extensions, *agency_extensions])


def check_window(*, today: dt.date, start: dt.date, end: dt.date, what: str) -> None:
    """A write that belongs to a phase is accepted from its first day through its (extended) last day.

    Source: statement 001 commitment «رعایت زمانبندی و فرایند تعریف شده»; seed 003 («زمان ارایه شده قابل
    تمدید نمی باشد»). Late changes are refused with the date the window closed.
    """
    if today < start:
        raise EvaluationRuleViolation(
            Rule.WINDOW, f"{what} از {format_jalali(start)} آغاز می‌شود و هنوز باز نیست."
        )
    if today > end:
        raise EvaluationRuleViolation(
            Rule.WINDOW,
            f"مهلت {what} در {format_jalali(end)} به پایان رسیده است؛ تغییر پس از مهلت پذیرفته نمی‌شود.",
        )


def days_left(today: dt.date, end: dt.date) -> int:
    """Whole days from today to the last day of a phase (0 on the last day, negative once closed)."""
    return (end - today).days


def check_extension(
    *,
    current_end: dt.date,
    new_end: dt.date | None,
    phase_start: dt.date,
    reason: str,
    letter_number: str,
    letter_date: dt.date | None,
    today: dt.date,
) -> None:
    """An extension is an event: authorised by a numbered, dated letter, with a reason, and it extends.

    Source: seed 003 — «موافقت آن سازمان با تمدید فرایندها طی نامه شماره ۷۴۹۰۱۴-۲۴/۱۲/۱۳۹۸» because of
    COVID, with a new timetable; the school-safety deadline moved ۹۸/۰۲/۰۵ → ۹۸/۰۲/۱۰.
    """
    if not letter_number.strip() or letter_date is None:
        raise EvaluationRuleViolation(Rule.EXTENSION, "تمدید فقط با شماره و تاریخ نامه مجوز ثبت می‌شود.")
    if letter_date > today:
        raise EvaluationRuleViolation(
            Rule.EXTENSION, f"تاریخ نامه مجوز ({format_jalali(letter_date)}) از امروز گذشته است."
        )
    if not " ".join(reason.split()):
        raise EvaluationRuleViolation(Rule.EXTENSION, "دلیل تمدید را بنویسید.")
    if new_end is None:
        raise EvaluationRuleViolation(Rule.EXTENSION, "مهلت جدید را بنویسید.")
    if new_end <= current_end:
        raise EvaluationRuleViolation(
            Rule.EXTENSION,
            f"مهلت جدید ({format_jalali(new_end)}) باید پس از مهلت کنونی ({format_jalali(current_end)}) باشد؛ "
            "تمدید مهلت را کوتاه نمی‌کند.",
        )
    if new_end < phase_start:
        raise EvaluationRuleViolation(Rule.EXTENSION, "مهلت جدید پیش از آغاز مرحله است.")


# --- Final results (seed 000 rows 15–16; statement 001 commitment on publishing results) -------------


def check_not_final(final: bool, what: str = "این تغییر") -> None:
    """After the council's approval the results of a cycle, and everything they rest on, never change.

    Source: procedure 000 row 16 («تایید نتایج نهایی توسط شورای توسعه مدیریت استان»); statement 001
    («اعلام ... نتایج ارزیابی عملکرد تنها پس از پایان ارزیابی»).
    """
    if final:
        raise EvaluationRuleViolation(
            Rule.FINAL,
            f"نتایج نهایی این دوره تصویب شده است و {what} پذیرفته نمی‌شود؛ نتایج نهایی تغییرناپذیر است.",
        )


def check_second_person(proposer_id: int | None, approver_id: int) -> None:
    """The final results are approved by a person other than the one who proposed them.

    Source: procedure 000 rows 15–16 (the organisation proposes, the provincial council approves); the
    two-signature practice of seed 000's header.
    """
    if proposer_id is not None and proposer_id == approver_id:
        raise EvaluationRuleViolation(
            Rule.TWO_PERSON, "نتایج نهایی را شخص دیگری جز پیشنهاددهنده باید تصویب کند."
        )


def check_pinned_unchanged(*, pinned: bool, changed: Sequence[str]) -> None:
    """An opened cycle keeps its year, procedure and opening date: the revision pinned on them stays.

    Source: mission «linking each evaluation cycle's evidence» to the revision in force; ISO 9001
    §7.5.3.2 (the version used is known). A revision published later changes nothing pinned.
    """
    if pinned and changed:
        raise EvaluationRuleViolation(
            Rule.PINNED,
            "دوره گشوده شده و بازنگری روش اجرایی حاکم بر آن ثبت شده است؛ "
            f"این مشخصات دیگر تغییر نمی‌کند: {'، '.join(changed)}.",
        )


# --- Scores (seed 000 rows 11, 13, 15; seed 004's indicator bank) -------------------------------------


def check_score(score: Decimal | None, maximum: Decimal, label: str) -> None:
    """A score is between zero and the indicator's maximum.

    Source: seed 004 (an indicator bank with scores); seed 000 rows 11 and 13 (scoring each indicator).
    """
    if score is None:
        raise EvaluationRuleViolation(Rule.SCORE, f"امتیاز شاخص «{label}» را بنویسید.")
    if score < 0 or score > maximum:
        raise EvaluationRuleViolation(
            Rule.SCORE,
            f"امتیاز شاخص «{label}» باید بین ۰ و {_fa(format_score(maximum))} باشد، نه {_fa(format_score(score))}.",
        )


def check_indicator_owner(kind: str, has_owner: bool) -> None:
    """A specific indicator belongs to one agency; general and development indicators to every agency.

    Source: seed 000 row 2 («برش استانی شاخص های اختصاصی») and §1 (general and specific indicators).
    """
    if kind == IndicatorKind.SPECIFIC and not has_owner:
        raise EvaluationRuleViolation(Rule.INDICATOR, "شاخص اختصاصی باید دستگاه صاحب آن را داشته باشد.")
    if kind != IndicatorKind.SPECIFIC and has_owner:
        raise EvaluationRuleViolation(
            Rule.INDICATOR, "فقط شاخص اختصاصی دستگاه صاحب دارد؛ شاخص عمومی و توسعه‌ای برای همه دستگاه‌هاست."
        )


def parse_score(value) -> Decimal | None:
    """A score as typed: Persian, Arabic-Indic or ASCII digits, «٫» or «.» as the decimal mark, kept to
    two decimals (half up). None when empty or not a number."""
    if value is None or value == "":
        return None
    text = to_ascii_digits(str(value)).strip().replace("٫", ".").replace("/", ".").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if not number.is_finite() or abs(number) >= 10**6:
        return None
    return number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def format_score(value: Decimal | None) -> str:
    """«۱۲٫۵» not «12.50»: trailing zeros dropped (ASCII here; templates turn digits Persian)."""
    if value is None:
        return "—"
    text = f"{Decimal(value).quantize(Decimal('0.01')):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# --- Release of initial results and objections (seed 000 row 14–15) ---------------------------------


def check_release(*, unscored: Sequence[str], assessment_closed: bool) -> None:
    """Initial results go to an agency once its self-assessment is closed and every indicator is scored.

    Source: procedure 000 rows 13–14 (initial scoring by the evaluators, then «اعلام نتایج اولیه»).
    """
    if not assessment_closed:
        raise EvaluationRuleViolation(
            Rule.RELEASE,
            "خودارزیابی این دستگاه هنوز باز است؛ نتایج پس از ثبت نهایی یا پایان مهلت اعلام می‌شود.",
        )
    if unscored:
        raise EvaluationRuleViolation(
            Rule.RELEASE, "این شاخص‌ها هنوز امتیاز ارزیاب ندارند: " + "، ".join(unscored)
        )


def check_objection(*, released: bool, accepted: bool, already: bool, reason: str) -> None:
    """An objection is filed on released results, once per indicator, with its reason.

    Source: procedure 000 row 14 («امکان ثبت اعتراض») and row 15 («بررسی اعتراض ها و امتیازدهی مجدد»).
    The time window itself is ``check_window``.
    """
    if not released:
        raise EvaluationRuleViolation(Rule.OBJECTION, "نتایج اولیه هنوز به این دستگاه اعلام نشده است.")
    if accepted:
        raise EvaluationRuleViolation(
            Rule.OBJECTION, "این دستگاه نتایج اولیه را پذیرفته است و اعتراض تازه ثبت نمی‌شود."
        )
    if already:
        raise EvaluationRuleViolation(Rule.OBJECTION, "برای این شاخص پیش‌تر اعتراض ثبت شده است.")
    if not " ".join(reason.split()):
        raise EvaluationRuleViolation(Rule.OBJECTION, "دلیل اعتراض را بنویسید.")


def check_final_proposal(problems: Sequence[str]) -> None:
    """Final results are proposed only when every agency is scored, told, and its objections answered.

    Source: procedure 000 row 15 («بررسی اعتراض ها و امتیازدهی مجدد و تایید و ارسال نتایج نهایی»).
    """
    if problems:
        raise EvaluationRuleViolation(Rule.PROPOSAL, "نتایج نهایی پیشنهاد نشد: " + " | ".join(problems))


# --- Progress, levelling and ranking (seed 000 rows 17–18; seed 004 scorecards) ---------------------


def progress_of(*, applicable: int, answered: int, closed: bool) -> Progress:
    """Complete when every indicator has an answer; once the window has closed, anything less is late.

    Source: seed 003 («لیست عدم مشارکت ... تا تاریخ») — who has not completed by the deadline.
    """
    if applicable and answered >= applicable:
        return Progress.COMPLETE
    if closed:
        return Progress.LATE
    return Progress.PARTIAL if answered else Progress.MISSING


def percentage(total: Decimal, maximum: Decimal) -> Decimal:
    """100 × total ÷ maximum, rounded half-up to two decimals (0 when nothing applies)."""
    if not maximum:
        return Decimal("0.00")
    return (Decimal(100) * Decimal(total) / Decimal(maximum)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


#: (threshold percentage, tier) from the top; the first threshold reached gives the tier.
TIERS: tuple[tuple[Decimal, str], ...] = (
    (Decimal(90), "عالی"),
    (Decimal(75), "خیلی خوب"),
    (Decimal(60), "خوب"),
    (Decimal(45), "متوسط"),
    (Decimal(0), "ضعیف"),
)


def tier_for(percent: Decimal) -> str:
    """The tier (سطح) a percentage reaches. Source: seed 000 rows 17–18 «سطح بندی»; thresholds: ``TIERS``."""
    for threshold, label in TIERS:
        if percent >= threshold:
            return label
    return TIERS[-1][1]


def competition_ranks(values: Sequence[Decimal]) -> list[int]:
    """Rank of each value, highest first; equal values share a rank and the next one skips (1, 2, 2, 4).

    Source: seed 000 row 18 «رتبه بندی».
    """
    ordered = sorted(values, reverse=True)
    first_position = {}
    for position, value in enumerate(ordered, start=1):
        first_position.setdefault(value, position)
    return [first_position[v] for v in values]


@dataclass(frozen=True)
class Standing:
    agency_id: int
    total: Decimal
    maximum: Decimal
    percent: Decimal
    tier: str
    rank: int


def standings(totals: dict[int, tuple[Decimal, Decimal]]) -> list[Standing]:
    """Levelling and ranking of every agency from (total, maximum); ordered by rank, then agency id."""
    ids = list(totals)
    percents = [percentage(*totals[i]) for i in ids]
    ranks = competition_ranks(percents)
    rows = [
        Standing(i, Decimal(totals[i][0]), Decimal(totals[i][1]), p, tier_for(p), r)
        for i, p, r in zip(ids, percents, ranks, strict=True)
    ]
    return sorted(rows, key=lambda s: (s.rank, s.agency_id))


# --- Notices (statement 001: the service user is told each step; seed 003's board) ------------------


def reminder_due(today: dt.date, deadline: dt.date) -> NoticeKind | None:
    """Which reminder a deadline calls for today: 7 days before, then 1 day before (none once passed).

    Source: seed 003 (reminders of deadlines on the board); statement 001 commitment «رعایت زمانبندی».
    A daily run that missed a day still sends the reminder late rather than never: the window is
    «≤ 7 days left» and «≤ 1 day left»; the sent-notice log keeps each one to a single sending.
    """
    left = days_left(today, deadline)
    if left < 0:
        return None
    if left <= 1:
        return NoticeKind.REMIND_1
    if left <= 7:
        return NoticeKind.REMIND_7
    return None


# --- Order of the cycle's work (seed 000 §5 rows 7–15) ------------------------------------------------


def check_cycle_opened(opened: bool) -> None:
    """Nothing is filed in a cycle before it is opened (published, with its governing revision pinned).

    Source: seed 000 row 1 (the cycle starts with the circular); seed 003 («آغاز گردیده است»).
    """
    if not opened:
        raise EvaluationRuleViolation(Rule.WINDOW, "این دوره هنوز گشوده (منتشر) نشده است.")


def check_indicators_editable(
    *, today: dt.date, self_assessment_start: dt.date | None, answered: bool
) -> None:
    """Indicators are issued before self-assessment starts; an indicator already answered stays.

    Source: seed 000 rows 1–7 (indicators issued, then row 8 self-assessment); seed 003 (the 1399 specific
    indicators were to be sent «قبل از سال ۱۳۹۹»).
    """
    if answered:
        raise EvaluationRuleViolation(
            Rule.INDICATOR, "برای این شاخص پاسخ یا امتیاز ثبت شده است و از دوره برداشته نمی‌شود."
        )
    if self_assessment_start is not None and today >= self_assessment_start:
        raise EvaluationRuleViolation(
            Rule.INDICATOR,
            f"خودارزیابی از {format_jalali(self_assessment_start)} آغاز شده است؛ شاخص‌های دوره دیگر تغییر نمی‌کند.",
        )


def check_submission_open(*, finalised_on: dt.date | None) -> None:
    """After «ثبت نهایی» the agency's self-assessment is closed, even before the deadline.

    Source: seed 003 («تکمیل و ثبت نهایی فرم ها»); statement 001 step 3.
    """
    if finalised_on is not None:
        raise EvaluationRuleViolation(
            Rule.WINDOW,
            f"خودارزیابی این دستگاه در {format_jalali(finalised_on)} ثبت نهایی شده است و دیگر تغییر نمی‌کند.",
        )


def check_finalise(*, missing: Sequence[str]) -> None:
    """«ثبت نهایی» needs an answer for every indicator that applies to the agency.

    Source: statement 001 step 3 (self-assessment in general and specific indicators with evidence).
    """
    if missing:
        raise EvaluationRuleViolation(
            Rule.WINDOW, "پیش از ثبت نهایی به این شاخص‌ها پاسخ دهید: " + "، ".join(missing)
        )


def check_review_open(*, assessment_closed: bool, released: bool) -> None:
    """Evaluators score an agency once its self-assessment is closed, until its initial results are out;
    after that a score moves only by answering an objection.

    Source: procedure 000 rows 13–15 (initial scoring, results, objections and re-scoring).
    """
    if not assessment_closed:
        raise EvaluationRuleViolation(
            Rule.WINDOW,
            "خودارزیابی این دستگاه هنوز باز است؛ امتیازدهی پس از ثبت نهایی یا پایان مهلت آغاز می‌شود.",
        )
    if released:
        raise EvaluationRuleViolation(
            Rule.RELEASE, "نتایج اولیه این دستگاه اعلام شده است؛ امتیاز فقط با بررسی اعتراض تغییر می‌کند."
        )
