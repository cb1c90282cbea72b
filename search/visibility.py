"""What a visitor may find: live pages, minus those behind view restrictions they do not pass.

Anonymous visitors see only public pages (``PageQuerySet.public()``: no restriction on the page or any
ancestor). Logged-in users see restricted pages whose restriction admits them — «login» restrictions,
groups they belong to, passwords they have entered this session — exactly as Wagtail decides when the
page itself is served (``PageViewRestriction.accept_request``).
"""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet


def visible_to(queryset: PageQuerySet, request: HttpRequest | None) -> PageQuerySet:
    return restricted_for(queryset.live(), request)


def restricted_for(queryset: PageQuerySet, request: HttpRequest | None) -> PageQuerySet:
    """``queryset`` less the pages behind view restrictions ``request`` does not pass, live or not
    (archived announcements stay readable after Wagtail unpublishes them)."""
    user = getattr(request, "user", None)
    if request is None or user is None or not user.is_authenticated:
        return queryset.public()
    for restriction in PageViewRestriction.objects.select_related("page").prefetch_related("groups"):
        if not restriction.accept_request(request):
            queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
    return queryset
