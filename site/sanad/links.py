"""Absolute links for messages sent outside a request (emails, digests, firing logs).

There is no request to build a host from, so addresses start at ``WAGTAILADMIN_BASE_URL``.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse


def absolute_url(url: str) -> str:
    """``url`` as is when already absolute, else prefixed with the site's base address."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def page_link(page) -> str:
    """The page's public address when it is live and routable, else its editor in the admin."""
    url = page.get_url() if page.live else None
    return absolute_url(url or reverse("wagtailadmin_pages:edit", args=[page.pk]))
