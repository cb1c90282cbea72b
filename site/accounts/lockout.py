"""Brute-force protection as people meet it: the Persian lockout page and the administrator's unlock.

django-axes counts failed logins in the database (so every worker shares the count); these are the two
places where Sanad speaks for it. ``lockout_response`` is ``AXES_LOCKOUT_CALLABLE``; ``unlock`` is the
one audited way to lift a lockout before it cools off.
"""

from __future__ import annotations

from dataclasses import dataclass

from axes.models import AccessAttempt
from django.conf import settings
from django.db import transaction
from django.shortcuts import render
from wagtail.log_actions import log

from jalali.digits import to_persian_digits

LOG_ACTIONS = {
    "sanad.login.unlock": ("رفع قفل ورود", "قفل ورود به دست مدیر سامانه برداشته شد"),
}


def lockout_response(request, original_response=None, credentials=None):
    """HTTP 429 with the reason in Persian and when to try again."""
    hours = to_persian_digits(str(settings.AXES_COOLOFF_TIME))
    limit = to_persian_digits(str(settings.AXES_FAILURE_LIMIT))
    return render(
        request,
        "accounts/locked_out.html",
        {"failure_limit": limit, "cooloff_hours": hours},
        status=429,
    )


@dataclass(frozen=True)
class Lock:
    """A user name or address that has reached the failure limit."""

    attempt_id: int
    username: str
    ip_address: str
    failures: int
    last_attempt: object


def current_locks() -> list[Lock]:
    attempts = AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
    return [
        Lock(a.pk, a.username or "", a.ip_address or "", a.failures_since_start, a.attempt_time)
        for a in attempts.order_by("-attempt_time")
    ]


@transaction.atomic
def unlock(attempt_id: int, *, by) -> int:
    """Lift the lockout of one user name and address; audited on the user when there is one."""
    from axes.utils import reset
    from django.contrib.auth import get_user_model

    attempt = AccessAttempt.objects.get(pk=attempt_id)
    user = get_user_model().objects.filter(username=attempt.username).first()
    data = {
        "username": attempt.username,
        "ip_address": attempt.ip_address,
        "failures": attempt.failures_since_start,
    }
    log(instance=user or attempt, action="sanad.login.unlock", user=by, data=data)
    count = 0
    if attempt.username:
        count += reset(username=attempt.username)
    if attempt.ip_address:
        count += reset(ip=attempt.ip_address)
    return count
