"""Template filters showing stored Gregorian dates as Jalali: ``{{ doc.issued|jalali }}``."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django import template
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.safestring import SafeData, mark_safe

from jalali.calendar import format_jalali, format_jalali_datetime
from jalali.digits import to_persian_digits

register = template.Library()


def _coerce(value: Any) -> datetime.date | None:
    """A date/datetime from a value or an ISO string (StreamField JSON keeps dates as strings)."""
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and value.strip():
        text = value.strip()
        try:
            return parse_datetime(text) or parse_date(text)
        except ValueError:
            return None
    return None


def _show(value: Any, style: str, with_time: bool = False) -> str:
    if value is None or value == "":
        return ""
    coerced = _coerce(value)
    if coerced is None:
        return str(value)
    if with_time:
        return format_jalali_datetime(coerced, style)  # type: ignore[arg-type]
    return format_jalali(coerced, style)


@register.filter(name="jalali")
def jalali(value: Any) -> str:
    """«۱۳۹۵/۱۰/۰۵»; aware datetimes as their Tehran date; "" for None."""
    return _show(value, "numeric")


@register.filter(name="jalali_long")
def jalali_long(value: Any) -> str:
    """«۵ دی ۱۳۹۵»."""
    return _show(value, "long")


@register.filter(name="jalali_ascii")
def jalali_ascii(value: Any) -> str:
    """«1395/10/05», for file names, exports and ``datetime`` attributes."""
    return _show(value, "ascii")


@register.filter(name="jalali_datetime")
def jalali_datetime(value: Any, style: str = "numeric") -> str:
    """«۱۴۰۳/۰۵/۰۱ ۱۴:۳۰» in Tehran time; ``|jalali_datetime:"long"`` gives «۱ مرداد ۱۴۰۳، ساعت ۱۴:۳۰»."""
    return _show(value, style, with_time=True)


@register.filter(name="fa_digits")
def fa_digits(value: Any) -> str:
    """ASCII and Arabic-Indic digits to Persian: «سند 12» → «سند ۱۲»; "" for None."""
    if value is None:
        return ""
    return to_persian_digits(value)


_MARKUP = re.compile(r"(<[^>]*>|&#?[0-9A-Za-z]+;)")


@register.filter(name="fa_digits_text")
def fa_digits_text(value: Any) -> str:
    """``fa_digits`` for a value that may already be HTML: digits in its text become Persian, those in
    tags (links, ids) and character references stay as they are; plain text is escaped as usual."""
    if value is None:
        return ""
    if isinstance(value, SafeData):
        parts = _MARKUP.split(str(value))
        return mark_safe("".join(p if i % 2 else to_persian_digits(p) for i, p in enumerate(parts)))  # noqa: S308 - only text between tags changes
    return to_persian_digits(value)
