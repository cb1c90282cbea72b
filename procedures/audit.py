"""Audit-log actions for controlled documents, written to Wagtail's own audit log."""

from __future__ import annotations

import logging

from wagtail.log_actions import log

logger = logging.getLogger("sanad.control")

# action -> (label shown in the admin's history, past-tense message)
LOG_ACTIONS: dict[str, tuple[str, str]] = {
    "sanad.refused": ("عملیات رد شد (قواعد کنترل سند)", "عملیات به دلیل قواعد کنترل سند رد شد"),
    "sanad.revision.approve": ("تصویب بازنگری", "بازنگری تصویب شد"),
    "sanad.revision.in_force": ("اجرای بازنگری", "بازنگری جاری شد"),
    "sanad.revision.superseded": ("منسوخ شدن بازنگری", "بازنگری منسوخ شد"),
    "sanad.revision.import": ("ورود نسخه کاغذی", "نسخه کاغذی وارد شد"),
    "sanad.withdrawal.request": ("درخواست ابطال", "ابطال سند درخواست شد"),
    "sanad.withdrawal.approve": ("ابطال سند", "سند ابطال شد"),
    "sanad.withdrawal.reject": ("رد درخواست ابطال", "درخواست ابطال رد شد"),
    "sanad.copy.issue": ("صدور نسخه کنترل‌شده", "نسخه کنترل‌شده صادر شد"),
    "sanad.copy.recall": ("فراخوان نسخه کنترل‌شده", "فراخوان نسخه کنترل‌شده ثبت شد"),
    "sanad.copy.file": ("ثبت پرونده نسخه کنترل‌شده", "پرونده PDF نسخه کنترل‌شده با چکیده SHA-256 آن ثبت شد"),
    "sanad.reference.import": ("ورود گروهی مستند", "مستند از فایل فهرست وارد شد"),
}


def _current_user():
    """The request's user when the refusal comes from a web request (set by simple_history's middleware)."""
    try:
        from simple_history.models import HistoricalRecords

        request = getattr(HistoricalRecords.context, "request", None)
    except ImportError:  # pragma: no cover - simple_history is a requirement
        return None
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def record_refusal(instance, exc, user=None) -> None:
    """Write the refusal to the audit log (and the server log) before it is raised."""
    user = user or _current_user()
    rule = getattr(exc, "rule", "")
    message = str(getattr(exc, "message", exc))
    logger.warning("refused %s on %r by %s: %s", rule, instance, user, message)
    target = instance
    if getattr(target, "pk", None) is None and hasattr(target, "get_parent"):
        try:
            target = target.get_parent()
        except Exception:
            target = None
    if target is None or getattr(target, "pk", None) is None:
        return
    entry = log(
        instance=getattr(target, "specific", target),
        action="sanad.refused",
        user=user,
        data={"rule": str(rule), "message": message, "title": str(instance)},
    )
    if entry is not None and isinstance(exc, BaseException):
        exc.audit_entry = entry


def ensure_refusal_recorded(instance, exc, user=None) -> None:
    """Record a refusal shown to a user unless its entry survived: one written inside a transaction that
    the refusal then rolled back (a workflow step, a publication) is gone, so it is written again."""
    entry = getattr(exc, "audit_entry", None)
    if entry is not None and type(entry).objects.filter(pk=entry.pk).exists():
        return
    record_refusal(instance, exc, user=user)


def record(instance, action: str, user=None, data: dict | None = None, revision=None) -> None:
    log(instance=instance, action=action, user=user, data=data or {}, revision=revision)
