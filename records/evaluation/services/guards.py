"""What every write of the evaluation cycle checks first, and how it refuses: the day it stands on,
roles, an opened and not yet final cycle, the agency's participation and its own users.

A refusal is written to the audit log of what was refused (``procedures.audit.record_refusal``), then raised.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from procedures.audit import record_refusal
from records.evaluation import access, rules
from records.evaluation.rules import EvaluationRuleViolation, Rule
from records.services.history import versioned

__all__ = [
    "check",
    "cycle_not_final",
    "cycle_open",
    "moment",
    "own_agency",
    "participates",
    "refuse",
    "require",
    "today_or_default",
    "versioned",
]


def today_or_default(today: dt.date | None) -> dt.date:
    """``today``, or today in Tehran: each write takes a day so the demo can replay 1398."""
    return today or timezone.localdate()


def moment(today: dt.date | None) -> dt.datetime:
    """When something is recorded: now, or noon of ``today`` when a past day is replayed (the demo)."""
    now = timezone.now()
    if today is None or today == timezone.localdate(now):
        return now
    return timezone.make_aware(dt.datetime.combine(today, dt.time(12, 0)))


def refuse(target, exc: EvaluationRuleViolation, user) -> None:
    """Write the refusal to the audit log of ``target``, then raise it."""
    record_refusal(target, exc, user=user)
    raise exc


def check(target, user, rule, **facts) -> None:
    """Apply one rule of ``records.evaluation.rules`` to ``facts``; refuse what it refuses."""
    try:
        rule(**facts)
    except EvaluationRuleViolation as exc:
        refuse(target, exc, user)


def require(target, user, allowed: bool, message: str) -> None:
    if not allowed:
        refuse(target, EvaluationRuleViolation(Rule.ROLE, message), user)


def cycle_open(cycle, user) -> None:
    check(cycle, user, rules.check_cycle_opened, opened=bool(cycle.live and cycle.pinned_revision_id))


def cycle_not_final(cycle, user, what: str = "این تغییر") -> None:
    check(cycle, user, rules.check_not_final, final=cycle.is_final, what=what)


def participates(cycle, agency, user) -> None:
    if not cycle.agencies.filter(pk=agency.pk).exists():
        refuse(
            cycle,
            EvaluationRuleViolation(Rule.AGENCY, f"«{agency.name}» در این دوره مشمول ارزیابی نیست."),
            user,
        )


def own_agency(cycle, agency, user) -> None:
    """Only the agency's own users file its self-assessment and objections (not even evaluators do it for them)."""
    if not access.is_own_agency(user, agency.pk):
        refuse(
            cycle,
            EvaluationRuleViolation(Rule.AGENCY, "فقط کاربران همین دستگاه خودارزیابی آن را ثبت می‌کنند."),
            user,
        )
