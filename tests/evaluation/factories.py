"""Builders for evaluation tests: agencies, a bank, a cycle with its timetable. Never the demo content.

Timetables are laid out around the real today (``day(0)``, read on every call) because a started phase's dates are frozen by
the page's ``save``; the services take ``today`` and are driven through the cycle by passing later days.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from jalali.calendar import jalali_year_of
from records.evaluation.choices import IndicatorKind, PhaseKind
from records.evaluation.models import Agency, AgencyMember, CyclePhase, EvaluationCyclePage, Indicator


def __getattr__(name: str):
    """``YEAR``, today's Solar Hijri year, read when a test asks, not when the module is imported: a suite
    that starts before midnight in Tehran and runs past it must not lay out yesterday's timetable."""
    if name == "YEAR":
        return jalali_year_of(timezone.localdate())
    raise AttributeError(name)


def day(offset: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=offset)


# (kind, start offset, end offset) from today: self-assessment is open now, ten days left.
STANDARD_TIMETABLE = [
    (PhaseKind.INDICATORS, -40, -31),
    (PhaseKind.BRIEFING, -35, -31),
    (PhaseKind.SELF_ASSESSMENT, -30, 10),
    (PhaseKind.REVIEW, 11, 20),
    (PhaseKind.INITIAL_RESULTS, 21, 22),
    (PhaseKind.OBJECTIONS, 21, 30),
    (PhaseKind.RESCORING, 31, 35),
    (PhaseKind.COUNCIL, 36, 37),
    (PhaseKind.FINAL_RESULTS, 38, 40),
    (PhaseKind.LEVELLING, 41, 45),
    (PhaseKind.AWARD, 46, 50),
    (PhaseKind.ANALYSIS, 51, 60),
]


def agency(code: str, name: str | None = None, *, emails: str = "", parent=None, **extra) -> Agency:
    return Agency.objects.create(
        code=code,
        name=name or f"دستگاه {code}",
        contact_emails=emails or f"contact-{code}@agency.example",
        parent=parent,
        **extra,
    )


def member(user, of: Agency) -> AgencyMember:
    return AgencyMember.objects.create(user=user, agency=of)


def indicator(code: str, max_score="10", kind=IndicatorKind.GENERAL, owner=None, **extra) -> Indicator:
    return Indicator.objects.create(
        code=code,
        title=extra.pop("title", f"شاخص {code}"),
        kind=kind,
        max_score=Decimal(max_score),
        evidence_required=extra.pop("evidence_required", "صورت‌جلسه و گزارش"),
        owner=owner,
        **extra,
    )


def cycle(
    index,
    procedure,
    *,
    year: int,
    opened_on: dt.date | None = None,
    agencies=(),
    series=None,
    timetable=STANDARD_TIMETABLE,
    live: bool = True,
    slug: str | None = None,
) -> EvaluationCyclePage:
    page = EvaluationCyclePage(
        title=f"ارزیابی عملکرد سال {year}",
        slug=slug or f"cycle-{year}",
        year=year,
        procedure=procedure,
        opened_on=opened_on or day(-40),
        evidence_series=series,
        live=live,
        phases=[CyclePhase(kind=k, starts_on=day(a), ends_on=day(b)) for k, a, b in timetable],
        agencies=list(agencies),
    )
    index.add_child(instance=page)
    return EvaluationCyclePage.objects.get(pk=page.pk)
