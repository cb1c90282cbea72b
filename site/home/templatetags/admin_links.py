"""Links in the admin lead only where the reader may go (issue 14): Wagtail's workflow reports link every
row to its editor, and a role that may read a report but not edit the page met «no permission» there."""

from __future__ import annotations

from django import template
from wagtail.admin.admin_url_finder import AdminURLFinder

register = template.Library()


@register.simple_tag(takes_context=True)
def edit_url_for_reader(context, instance) -> str:
    """The instance's edit address when the current user may edit it, else ""."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if instance is None:
        return ""
    return AdminURLFinder(user).get_edit_url(instance) or ""
