"""The display window of an announcement (seed 003: «تاریخ نمایش از ۱۳۹۹/۰۱/۰۶ تا ۱۳۹۹/۰۵/۳۱»).

People give whole Jalali days; Wagtail schedules by instants. The window opens at 00:00 Tehran time
on its first day and closes at 00:00 of the day after its last day, so the last day is shown whole.
Pure functions: the caller passes "now".
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings

from jalali.calendar import PERSIAN_MONTH_NAMES, to_jalali_parts
from jalali.digits import to_persian_digits


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def window_opens_at(first_day: dt.date) -> dt.datetime:
    """The instant the window opens: the start of its first day in the organisation's time zone."""
    return dt.datetime.combine(first_day, dt.time.min, tzinfo=_zone())


def window_closes_at(last_day: dt.date) -> dt.datetime:
    """The instant the window closes: the start of the day after its last day."""
    return dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time.min, tzinfo=_zone())


def last_day_of(closes_at: dt.datetime) -> dt.date:
    """The inverse of ``window_closes_at``: the last whole day shown."""
    return closes_at.astimezone(_zone()).date() - dt.timedelta(days=1)


def window_state(opens_at: dt.datetime | None, closes_at: dt.datetime | None, now: dt.datetime) -> str:
    """The state at ``now``: «upcoming», «showing» or «ended»; an open end means until withdrawn."""
    if opens_at is not None and now < opens_at:
        return "upcoming"
    if closes_at is not None and now >= closes_at:
        return "ended"
    return "showing"


def jalali_year_month(day: dt.date) -> tuple[int, int]:
    year, month, _ = to_jalali_parts(day)
    return year, month


def month_label(year: int, month: int) -> str:
    """«فروردین ۱۳۹۹»."""
    return f"{PERSIAN_MONTH_NAMES[month - 1]} {to_persian_digits(str(year))}"
