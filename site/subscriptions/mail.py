"""The e-mail of a subscription: Persian, right to left, HTML and plain text, one per user and batch.

Each reference is listed with its type, number, Jalali date, authority and an absolute link; each
subscription the mail answers has its own unsubscribe link (signed, no login needed).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from jalali.calendar import format_jalali
from jalali.digits import to_persian_digits
from sanad.links import absolute_url, page_link
from subscriptions.tokens import unsubscribe_token


def unsubscribe_url(subscription) -> str:
    return absolute_url(reverse("subscriptions_unsubscribe", args=[unsubscribe_token(subscription)]))


def _item(notice) -> dict:
    page = notice.page.specific
    return {
        "kind": notice.get_kind_display(),
        "title": page.title,
        "type": page.get_ref_type_display() if hasattr(page, "get_ref_type_display") else "",
        "number": to_persian_digits(getattr(page, "number", "") or ""),
        "date": format_jalali(page.date) if getattr(page, "date", None) else "",
        "authority": page.authority.name if getattr(page, "authority_id", None) else "",
        "link": page_link(page),
    }


def build_message(user, notices, *, digest: bool) -> EmailMultiAlternatives:
    subscriptions, listed, items = [], set(), []
    for notice in notices:
        if notice.subscription not in subscriptions:
            subscriptions.append(notice.subscription)
        if notice.revision_id not in listed:  # two subscriptions matching one publication: listed once
            listed.add(notice.revision_id)
            items.append(_item(notice))
    context = {
        "user": user,
        "name": user.get_full_name() or user.get_username(),
        "digest": digest,
        "items": items,
        "count": to_persian_digits(len(items)),
        "today": format_jalali(timezone.localdate()),
        "subscriptions": [
            {
                "describe": s.describe(),
                "unsubscribe": unsubscribe_url(s),
                "delivery": s.get_delivery_display(),
            }
            for s in subscriptions
        ],
        "manage_url": absolute_url(reverse("subscriptions_mine")),
    }
    subject = (
        f"خلاصه روزانه مستندات سند — {context['today']} — {context['count']} مورد"
        if digest
        else f"سند — {context['items'][0]['kind']}: {context['items'][0]['title']}"
        if len(items) == 1
        else f"سند — {context['count']} مستند تازه یا تغییریافته"
    )
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("subscriptions/mail/notice.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={"List-Unsubscribe": f"<{context['subscriptions'][0]['unsubscribe']}>"},
    )
    message.attach_alternative(render_to_string("subscriptions/mail/notice.html", context), "text/html")
    return message
