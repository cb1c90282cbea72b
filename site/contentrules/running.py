"""Running a firing's action: ``perform`` claims the row, runs the action and marks it succeeded, or
failed with the error and the time of the next attempt (backoff); after ``CONTENTRULES_MAX_ATTEMPTS`` it is
«ناموفق نهایی» and the site administrators are emailed. Every step is in Wagtail's audit log.

Called by the task (``contentrules.tasks.run_firing_task``) and by ``contentrules.services`` (a failure to
enqueue, a crashed run); it imports neither, so the task and the services that enqueue it do not import
each other.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import models, transaction
from django.utils import timezone
from wagtail.log_actions import log

from contentrules.actions import ActionError, run_action
from contentrules.choices import Status
from contentrules.models import Firing
from jalali.calendar import format_jalali_datetime
from jalali.digits import to_persian_digits
from sanad.links import absolute_url

logger = logging.getLogger("sanad.contentrules")


def max_attempts() -> int:
    return int(getattr(settings, "CONTENTRULES_MAX_ATTEMPTS", 5))


def retry_delay(attempts: int) -> dt.timedelta:
    """Exponential backoff: base, 2×base, 4×base … after the 1st, 2nd, 3rd failed attempt."""
    base = int(getattr(settings, "CONTENTRULES_RETRY_MINUTES", 15))
    return dt.timedelta(minutes=base * 2 ** max(attempts - 1, 0))


def audit(firing: Firing, action: str, **data) -> None:
    log(
        instance=firing,
        action=action,
        data={"rule": firing.rule_title, "object": firing.object_title, **data},
    )


def perform(firing_id: int) -> str:
    """Claim the firing, run its action, record the outcome. Returns the new status."""
    now = timezone.now()
    # The conditional update is the claim: two workers given the same firing run it once.
    claimed = Firing.objects.filter(pk=firing_id, status__in=[Status.PENDING, Status.FAILED]).update(
        status=Status.RUNNING, attempts=models.F("attempts") + 1, started_at=now
    )
    if not claimed:
        return "skipped"
    firing = Firing.objects.select_related("group", "page").get(pk=firing_id)
    try:
        with transaction.atomic():  # the action's own writes (digest entry …) go with its success
            result = run_action(firing)
    except Exception as exc:
        if not isinstance(exc, ActionError):
            logger.exception("content-rule firing %s failed", firing_id)
        record_failure(firing, _error_text(exc))
        return firing.status
    with transaction.atomic():
        firing.status = Status.SUCCEEDED
        firing.result = result[:255]
        firing.last_error = ""
        firing.next_attempt_at = None
        firing.finished_at = timezone.now()
        firing.save(update_fields=["status", "result", "last_error", "next_attempt_at", "finished_at"])
        audit(firing, "contentrules.succeeded", result=firing.result, attempts=firing.attempts)
    return firing.status


def _error_text(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if isinstance(exc, ActionError) else f"{type(exc).__name__}: {text}"


@transaction.atomic
def record_failure(firing: Firing, error: str, *, claimed: bool = True) -> None:
    """Failed: retry later with backoff, or give up after the last attempt and tell the administrators."""
    if not claimed:  # a claim counts the attempt; a failure before any claim counts here
        firing.attempts += 1
    firing.last_error = error[:5000]
    if firing.attempts >= max_attempts():
        firing.status = Status.GIVEN_UP
        firing.next_attempt_at = None
        firing.finished_at = timezone.now()
    else:
        firing.status = Status.FAILED
        firing.next_attempt_at = timezone.now() + retry_delay(firing.attempts)
    firing.save(update_fields=["status", "attempts", "last_error", "next_attempt_at", "finished_at"])
    if firing.status == Status.GIVEN_UP:
        audit(firing, "contentrules.given_up", error=firing.last_error, attempts=firing.attempts)
        transaction.on_commit(lambda: report_given_up(firing), robust=True)
    else:
        audit(firing, "contentrules.failed", error=firing.last_error, attempts=firing.attempts)


def administrator_emails() -> list[str]:
    """Active superusers with an address, and ``settings.ADMINS``."""
    users = get_user_model().objects.filter(is_superuser=True, is_active=True).exclude(email="")
    emails = [u.email for u in users.order_by("pk")] + [email for _, email in getattr(settings, "ADMINS", [])]
    return list(dict.fromkeys(emails))


def report_given_up(firing: Firing) -> None:
    """Email the site administrators that a rule's action failed for good (the dashboard shows it too)."""
    recipients = administrator_emails()
    if not recipients:
        logger.error("content-rule firing %s given up and no administrator has an email address", firing.pk)
        return
    subject = f"اقدام قاعده محتوا ناموفق ماند: {firing.rule_title}"[:255]
    body = "\n".join(
        [
            f"اقدام «{firing.get_action_display()}» قاعده «{firing.rule_title}» برای «{firing.object_title}» "
            f"پس از {to_persian_digits(firing.attempts)} تلاش انجام نشد.",
            f"رویداد: {firing.get_event_display()} — {format_jalali_datetime(firing.happened_at)}",
            f"آخرین خطا: {firing.last_error}",
            "",
            f"فهرست اجرای قواعد: {absolute_url('/admin/contentrules/firings/')}",
            "پس از رفع مشکل می‌توانید از همان‌جا «تلاش دوباره» را بزنید.",
        ]
    )
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=False)
    except Exception:  # the firing stays «ناموفق نهایی» on the dashboard either way
        logger.exception("could not email administrators about firing %s", firing.pk)
