"""``{% save_as_collection_link %}``: on /search/, the link an editor follows to keep the search as a page."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def save_as_collection_link(context) -> str:
    """Nothing for visitors; for a signed-in editor who may add a collection somewhere, the link with the
    current query string."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
        return ""
    from smartfolders.views import allowed_parents, save_search_url

    if not allowed_parents(user):
        return ""
    return format_html(
        '<p class="search-save"><a href="{}">ذخیره به‌عنوان مجموعه</a></p>', save_search_url(request.GET)
    )
