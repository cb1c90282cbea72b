"""People by name, not by log-in (issue 14): Wagtail's reports print user names such as «officer»."""

from __future__ import annotations

from typing import Any

from django import template
from django.apps import apps
from django.contrib.auth import get_user_model

from accounts.models import display_name

register = template.Library()


@register.simple_tag
def person_name(user: Any = None, username: str = "") -> str:
    """The person's full name from a user, a user's id or a log-in name; «—» when there is none.

    Wagtail's aging-pages report passes an id and a log-in name; other screens pass the user."""
    User = get_user_model()
    if isinstance(user, User):
        return display_name(user)
    found = None
    if user not in (None, ""):
        found = User.objects.filter(pk=user).first()
    elif username:
        found = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
    if found is not None:
        return display_name(found)
    return username or "—"


@register.filter
def app_name(app_label: str) -> str:
    """An installed app's verbose name (Persian for Sanad's apps) in place of its code."""
    try:
        return str(apps.get_app_config(app_label).verbose_name)
    except LookupError:
        return app_label
