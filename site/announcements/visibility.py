"""Page privacy applied to lists and to pages the board serves on their behalf (ended announcements)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from wagtail.models import Page, PageViewRestriction


def visible_to(queryset, request: HttpRequest):
    """Drop pages under a view restriction this request does not satisfy (Wagtail's own rule)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_superuser:
        return queryset
    for restriction in PageViewRestriction.objects.select_related("page"):
        if not restriction.accept_request(request):
            queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
    return queryset


def refused_response(page: Page, request: HttpRequest) -> HttpResponse | None:
    """What Wagtail would answer for a restricted page this request may not see, else None."""
    from wagtail.wagtail_hooks import require_wagtail_login

    for restriction in page.get_view_restrictions():
        if restriction.accept_request(request):
            continue
        # Password restrictions are not used for announcements; treat every refusal as "log in".
        response = require_wagtail_login(next=request.get_full_path())
        add_never_cache_headers(response)
        return response
    return None
