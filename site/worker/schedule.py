"""What runs when: the one schedule of Sanad's periodic jobs, read by ``manage.py run_scheduler``.

Each entry is a management command and a five-field cron expression (minute hour day month weekday,
Sunday = 0, server time). The scheduler only enqueues; the worker (``manage.py db_worker``) runs them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Job:
    name: str
    cron: str
    command: str
    args: tuple[str, ...] = ()
    why: str = ""


SCHEDULE: tuple[Job, ...] = (
    Job("publish-scheduled", "*/5 * * * *", "publish_scheduled", why="announcements appear and expire"),
    Job("content-rules", "*/15 * * * *", "run_content_rules", why="overdue reviews, deadlines, retries"),
    Job("retention", "15 2 * * *", "apply_retention", ("--apply",), why="records move between phases"),
    Job("acknowledgement-logs", "30 3 * * *", "capture_acknowledgement_logs", ("--apply",)),
    Job("cycle-notices", "0 7 * * *", "send_cycle_notices", why="evaluation-cycle reminders, once each"),
    Job("daily-digest", "0 7 * * *", "send_daily_digest", why="content rules: one digest per group"),
    Job("subscription-digest", "5 7 * * *", "send_subscription_digests", why="subscribers' daily digest"),
    Job("fixity", "30 2 * * 0", "verify_fixity", why="re-hash every stored record file"),
    Job("audit-digest", "55 23 * * *", "write_audit_digest", ("--email",), why="the chain head of the day"),
    Job(
        "integrity",
        "0 3 * * *",
        "verify_integrity",
        ("--digest", str(settings.SANAD_AUDIT_DIGEST_DIR)),
        why="tamper check",
    ),
)


class CronError(ValueError):
    pass


def _field_matches(spec: str, value: int, low: int, high: int) -> bool:
    for part in spec.split(","):
        step = 1
        if "/" in part:
            part, step_text = part.split("/", 1)
            step = int(step_text)
            if step < 1:
                raise CronError(f"گام نادرست در «{spec}»")
        if part == "*":
            start, end = low, high
        elif "-" in part:
            start, end = (int(x) for x in part.split("-", 1))
        else:
            start = end = int(part)
        if not (low <= start <= end <= high):
            raise CronError(f"مقدار بیرون از بازه در «{spec}»")
        if start <= value <= end and (value - start) % step == 0:
            return True
    return False


def is_due(cron: str, moment: dt.datetime) -> bool:
    """Whether ``cron`` fires at ``moment``'s minute (standard cron: day and weekday both given = either)."""
    fields = cron.split()
    if len(fields) != 5:
        raise CronError(f"عبارت زمان‌بندی باید پنج بخش داشته باشد: «{cron}»")
    minute, hour, day, month, weekday = fields
    weekday_now = (moment.weekday() + 1) % 7  # Python: Monday = 0; cron: Sunday = 0
    day_ok = _field_matches(day, moment.day, 1, 31)
    weekday_ok = _field_matches(weekday, weekday_now, 0, 6)
    # Cron's own rule: with both day and weekday restricted, either one matching is enough.
    both_restricted = day != "*" and weekday != "*"
    date_ok = (day_ok or weekday_ok) if both_restricted else (day_ok and weekday_ok)
    return (
        _field_matches(minute, moment.minute, 0, 59)
        and _field_matches(hour, moment.hour, 0, 23)
        and _field_matches(month, moment.month, 1, 12)
        and date_ok
    )


def due_jobs(moment: dt.datetime, schedule: tuple[Job, ...] = SCHEDULE) -> list[Job]:
    return [job for job in schedule if is_due(job.cron, moment)]
