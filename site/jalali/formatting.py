"""Showing stored Gregorian dates as Jalali text: «۱۳۹۵/۱۰/۰۵», «۵ دی ۱۳۹۵», or ASCII «1395/10/05»."""

from __future__ import annotations

import datetime

from .conversion import to_jalali_parts
from .digits import to_persian_digits
from .months import month_name

#: The styles ``format_jalali`` knows.
STYLES = ("numeric", "long", "ascii")


def format_jalali(value: datetime.date | datetime.datetime | None, style: str = "numeric") -> str:
    """A date as Jalali text; "" for None. Aware datetimes are shown as their date in Tehran.

    ``numeric`` «۱۳۹۵/۱۰/۰۵» (Persian digits, what users see and type), ``long`` «۵ دی ۱۳۹۵»,
    ``ascii`` «1395/10/05» (file names, CSV exports, machine-facing text).
    """
    if value is None:
        return ""
    year, month, day = to_jalali_parts(value)
    if style == "numeric":
        return to_persian_digits(f"{year:04d}/{month:02d}/{day:02d}")
    if style == "ascii":
        return f"{year:04d}/{month:02d}/{day:02d}"
    if style == "long":
        return to_persian_digits(f"{day} {month_name(month)} {year}")
    raise ValueError(f"Unknown Jalali date style {style!r}; use one of {', '.join(STYLES)}.")


def _local(value: datetime.datetime) -> datetime.datetime:
    if value.tzinfo is not None:
        from django.utils import timezone

        return timezone.localtime(value)
    return value


def format_jalali_time(value: datetime.datetime | datetime.time, ascii_digits: bool = False) -> str:
    """«۱۴:۳۰», with seconds «۱۴:۳۰:۱۵» only when there are any, so a round trip loses nothing."""
    if isinstance(value, datetime.datetime):
        value = _local(value).time()
    text = f"{value.hour:02d}:{value.minute:02d}"
    if value.second:
        text += f":{value.second:02d}"
    return text if ascii_digits else to_persian_digits(text)


def format_jalali_datetime(value: datetime.datetime | None, style: str = "numeric") -> str:
    """A datetime in Tehran time: «۱۴۰۳/۰۵/۰۱ ۱۴:۳۰», long «۱ مرداد ۱۴۰۳، ساعت ۱۴:۳۰»; "" for None."""
    if value is None:
        return ""
    if not isinstance(value, datetime.datetime):
        return format_jalali(value, style)
    local = _local(value)
    date_text = format_jalali(local, style)
    time_text = format_jalali_time(local, ascii_digits=style == "ascii")
    if style == "long":
        return f"{date_text}، ساعت {time_text}"
    return f"{date_text} {time_text}"
