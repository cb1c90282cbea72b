"""What the evaluation cycle reads about itself: the indicators that apply to an agency, its submission,
its self-assessment window and progress, the totals and what still stands in the way of final results.

The services, the notices, the admin screens and the scorecard all ask these; nothing here writes, except
``submission_for`` making an agency's empty submission row when asked to (``create=True``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Case, Q, Sum, Value, When
from django.utils import timezone

from jalali.calendar import format_jalali
from records.evaluation import rules
from records.evaluation.choices import IndicatorKind, ObjectionStatus, PhaseKind, Progress
from records.evaluation.models import Answer, CycleIndicator, Objection, Review, Submission


def applicable_indicators(cycle, agency_id: int):
    """The cycle's general and development indicators, and the agency's own specific ones, in that order."""
    kind_order = Case(
        When(kind=IndicatorKind.GENERAL, then=Value(0)),
        When(kind=IndicatorKind.DEVELOPMENT, then=Value(1)),
        default=Value(2),
    )
    return (
        CycleIndicator.objects.filter(cycle_id=cycle.pk)
        .filter(Q(owner__isnull=True) | Q(owner_id=agency_id))
        .order_by(kind_order, "code")
    )


def submission_for(cycle, agency, *, create: bool = True) -> Submission | None:
    submission = Submission.objects.filter(cycle_id=cycle.pk, agency_id=agency.pk).first()
    if submission is None and create:
        submission, _ = Submission.objects.get_or_create(cycle_id=cycle.pk, agency_id=agency.pk)
    return submission


def assessment_window(cycle, agency_id: int) -> tuple[dt.date, dt.date] | None:
    return cycle.window(PhaseKind.SELF_ASSESSMENT, agency_id)


def assessment_closed(submission: Submission, today: dt.date) -> bool:
    """Closed by «ثبت نهایی» or because the agency's (extended) deadline has passed."""
    if submission.finalised_at:
        return True
    window = assessment_window(submission.cycle, submission.agency_id)
    return bool(window and today > window[1])


def progress(cycle, agency, today: dt.date | None = None) -> Progress:
    today = today or timezone.localdate()
    applicable = applicable_indicators(cycle, agency.pk).count()
    answered = Answer.objects.filter(submission__cycle_id=cycle.pk, submission__agency_id=agency.pk).count()
    window = assessment_window(cycle, agency.pk)
    submission = submission_for(cycle, agency, create=False)
    closed = bool((window and today > window[1]) or (submission and submission.finalised_at))
    return rules.progress_of(applicable=applicable, answered=answered, closed=closed)


def totals(cycle) -> dict[int, tuple[Decimal, Decimal]]:
    """(sum of evaluators' scores, sum of maxima) of every participating agency over its indicators."""
    result = {}
    for agency in cycle.agencies.all():
        indicators = applicable_indicators(cycle, agency.pk)
        maximum = indicators.aggregate(m=Sum("max_score"))["m"] or Decimal(0)
        total = Review.objects.filter(
            submission__cycle_id=cycle.pk, submission__agency_id=agency.pk, indicator__in=indicators
        ).aggregate(s=Sum("score"))["s"] or Decimal(0)
        result[agency.pk] = (total, maximum)
    return result


def final_problems(cycle, today: dt.date) -> list[str]:
    """Why the cycle's final results cannot be proposed yet (empty when they can)."""
    problems = []
    for agency in cycle.agencies.all().order_by("code"):
        submission = submission_for(cycle, agency, create=False)
        if submission is None or not submission.released_at:
            problems.append(f"نتایج اولیه «{agency.name}» اعلام نشده است")
            continue
        if Objection.objects.filter(submission=submission, status=ObjectionStatus.OPEN).exists():
            problems.append(f"اعتراض بررسی‌نشده از «{agency.name}» باقی است")
        window = cycle.window(PhaseKind.OBJECTIONS, agency.pk)
        if window and today <= window[1] and not submission.accepted_at:
            problems.append(f"مهلت اعتراض «{agency.name}» تا {format_jalali(window[1])} باز است")
    if not CycleIndicator.objects.filter(cycle_id=cycle.pk).exists():
        problems.append("شاخصی برای این دوره ابلاغ نشده است")
    return problems
