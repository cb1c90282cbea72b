"""People by name, not by log-in (issue 14): Wagtail's reports print user names such as «officer»."""

from __future__ import annotations

from typing import Any

from django import template
from django.apps import apps
from django.contrib.auth import get_user_model

from accounts.models import display_name

register = template.Library()


@register.simple_tag(takes_context=True)
def person_name(context, user: Any = None, username: str = "") -> str:
    """The person's full name from a user, a user's id or a log-in name; «—» when there is none.

    Wagtail's aging-pages report passes an id and a log-in name; other screens pass the user. Names found
    by id or log-in are kept on the request, so a report of many rows by a few people asks once per person."""
    User = get_user_model()
    if isinstance(user, User):
        return display_name(user)
    by_pk = user not in (None, "")
    if not by_pk and not username:
        return "—"
    request = context.get("request")
    known = request.__dict__.setdefault("_sanad_person_names", {}) if request is not None else {}
    key = ("pk", str(user)) if by_pk else ("username", username)
    if key not in known:
        found = User.objects.filter(**({"pk": user} if by_pk else {User.USERNAME_FIELD: username})).first()
        known[key] = display_name(found) if found is not None else (username or "—")
    return known[key]


@register.filter
def app_name(app_label: str) -> str:
    """An installed app's verbose name (Persian for Sanad's apps) in place of its code."""
    try:
        return str(apps.get_app_config(app_label).verbose_name)
    except LookupError:
        return app_label
