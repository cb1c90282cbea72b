"""What a rule does. Each action takes a firing, does its work or raises; the raise is what marks the
firing failed and schedules the retry (``contentrules.running.perform``). Actions are safe to repeat:
a retry after a partial failure sends again, never loses."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail

from contentrules.choices import Action
from contentrules.models import DigestEntry, Firing
from jalali.digits import to_persian_digits


class ActionError(Exception):
    """An action that cannot be done as configured; the message is Persian and shown in the admin."""


def group_emails(group) -> list[str]:
    """The addresses of the active members of ``group``, without duplicates, in a stable order."""
    users = get_user_model().objects.filter(groups=group, is_active=True).exclude(email="").order_by("pk")
    return list(dict.fromkeys(users.values_list("email", flat=True)))


def message_body(firing: Firing) -> str:
    """The firing's text with the rule and the link, as every email and notice carries it."""
    lines = [firing.body, ""]
    if firing.link:
        lines.append(f"پیوند: {firing.link}")
    lines.append(f"قاعده: {firing.rule_title}")
    lines.append("این پیام را سامانه سند بر پایه قواعد محتوا فرستاده است.")
    return "\n".join(lines)


def email_group(firing: Firing) -> str:
    if firing.group is None:
        raise ActionError("گروه گیرندگان این قاعده حذف شده است.")
    recipients = group_emails(firing.group)
    if not recipients:
        raise ActionError(f"گروه «{firing.group.name}» هیچ عضو فعالی با نشانی ایمیل ندارد.")
    send_mail(
        firing.subject, message_body(firing), settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=False
    )
    return f"ایمیل به {to_persian_digits(len(recipients))} گیرنده"


def add_to_digest(firing: Firing) -> str:
    if firing.group is None:
        raise ActionError("گروه گیرندگان این قاعده حذف شده است.")
    # One entry per firing, so a retry never lists the same thing twice in a digest.
    DigestEntry.objects.get_or_create(
        firing=firing, defaults={"group": firing.group, "subject": firing.subject, "link": firing.link}
    )
    return f"افزوده به گزارش روزانه «{firing.group.name}»"


def notify_distribution_list(firing: Firing) -> str:
    if firing.page is None:
        raise ActionError("این رویداد به صفحه‌ای وابسته نیست و فهرست توزیع ندارد.")
    # Imported here: the distribution app is built alongside this one and must not be needed to load rules.
    from distribution.services import notify_distribution

    count = notify_distribution(
        firing.page.specific, subject=firing.subject, body=message_body(firing), event=firing.event
    )
    return f"اطلاع به {to_persian_digits(count)} گیرنده فهرست توزیع"


ACTIONS = {
    Action.EMAIL_GROUP: email_group,
    Action.DIGEST: add_to_digest,
    Action.DISTRIBUTION: notify_distribution_list,
}


def run_action(firing: Firing) -> str:
    """Do the firing's action; return a short Persian result for the listing."""
    try:
        action = ACTIONS[Action(firing.action)]
    except (KeyError, ValueError):
        raise ActionError(f"اقدام «{firing.action}» شناخته نیست.") from None
    return action(firing)
