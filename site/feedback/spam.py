"""Keeping robots out of the feedback forms: a honeypot field and a per-IP rate limit in the cache."""

from __future__ import annotations

import hashlib

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

#: A field people never see (hidden by CSS, skipped by keyboard and screen readers) but form-filling
#: robots do; named like something a robot wants to fill.
HONEYPOT_FIELD = "website"


def honeypot_field() -> forms.CharField:
    return forms.CharField(
        label="این خانه را خالی بگذارید",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1", "class": "hp-input"}),
    )


def client_ip(request: HttpRequest) -> str:
    """The address the request came from. Behind a proxy, configure it to set REMOTE_ADDR
    (X-Forwarded-For is not trusted here: anyone can write it)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(scope: str, ip: str) -> str:
    digest = hashlib.sha256(ip.encode()).hexdigest()[:32]  # no raw addresses in the cache
    return f"sanad:rate:{scope}:{digest}"


def over_limit(scope: str, request: HttpRequest, limit: int, window_seconds: int) -> bool:
    """Count this request against ``scope`` for its IP; True once more than ``limit`` in the window."""
    key = _key(scope, client_ip(request))
    if cache.add(key, 1, timeout=window_seconds):
        return limit < 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window_seconds)
        count = 1
    return count > limit


def submission_over_limit(request: HttpRequest) -> bool:
    return over_limit(
        "feedback",
        request,
        settings.SANAD_FEEDBACK_RATE_LIMIT,
        settings.SANAD_FEEDBACK_RATE_WINDOW_SECONDS,
    )


def lookup_over_limit(request: HttpRequest) -> bool:
    return over_limit(
        "tracking",
        request,
        settings.SANAD_TRACKING_LOOKUP_LIMIT,
        settings.SANAD_FEEDBACK_RATE_WINDOW_SECONDS,
    )
