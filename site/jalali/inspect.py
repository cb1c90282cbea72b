"""Wagtail's inspect view as a Persian reader expects it (issue 14): dates and times Jalali with Persian
digits, «بله»/«خیر» for yes and no, «—» for nothing, numbers in Persian digits.

Wagtail prints a model's raw values (Django's «۲۵ دسامبر ۲۰۱۶», «True», «None»). Sanad's model viewsets
that show an inspect view use this class (``inspect_view_class``)."""

from __future__ import annotations

import datetime
from typing import Any

from wagtail.admin.views.generic.models import InspectView

from .digits import to_persian_digits
from .formatting import format_jalali, format_jalali_datetime


def shown_value(value: Any) -> Any:
    """A plain value as a Persian reader reads it; anything else (components, markup) as it is."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "بله" if value else "خیر"
    if isinstance(value, datetime.datetime):
        return format_jalali_datetime(value)
    if isinstance(value, datetime.date):
        return format_jalali(value)
    if isinstance(value, int | float):
        return to_persian_digits(value)
    return value


class JalaliInspectView(InspectView):
    def get_field_display_value(self, field_name, field):
        return shown_value(super().get_field_display_value(field_name, field))
