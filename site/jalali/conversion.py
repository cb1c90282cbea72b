"""Jalali ↔ Gregorian conversion, validation with Persian messages, and month/year arithmetic.

Dates are stored Gregorian (``datetime.date``); everything here is the bridge to the Solar Hijri
calendar people read and write. The arithmetic is jdatetime's (the 33-year leap rule of FarsiWeb's
jalali.c), and the admin date picker's JavaScript implements the same algorithm.
"""

from __future__ import annotations

import datetime

import jdatetime

from .digits import to_persian_digits
from .errors import JalaliDateError
from .months import month_name

_LOCALE = "fa_IR"  # passing it spares jdatetime a lookup of the process locale on every call

#: The widest Jalali years the calendar functions accept (jdatetime's own limits).
MIN_YEAR = jdatetime.MINYEAR
MAX_YEAR = jdatetime.MAXYEAR


def _fa(number: int) -> str:
    return to_persian_digits(number)


def is_jalali_leap(year: int) -> bool:
    """True when Esfand of ``year`` has 30 days (1399 and 1403 are leap; 1398 and 1402 are not)."""
    return jdatetime.date(year, 1, 1, locale=_LOCALE).isleap()


def jalali_days_in_month(year: int, month: int) -> int:
    """31 for months 1–6, 30 for 7–11, 29 or 30 for Esfand."""
    if not 1 <= month <= 12:
        raise JalaliDateError(_month_message(month), code="month_out_of_range")
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if is_jalali_leap(year) else 29


def _month_message(month: int) -> str:
    return f"ماه {_fa(month)} وجود ندارد؛ ماه باید عددی از ۱ تا ۱۲ باشد."


def validate_jalali(
    year: int, month: int, day: int, *, min_year: int = MIN_YEAR, max_year: int = MAX_YEAR
) -> None:
    """Raise ``JalaliDateError`` with a specific Persian message unless year/month/day is a real date."""
    if not min_year <= year <= max_year:
        message = f"سال {_fa(year)} پذیرفته نیست؛ سال شمسی باید از {_fa(min_year)} تا {_fa(max_year)} باشد."
        if 1800 <= year <= 2200:
            message += " اگر این تاریخ میلادی است، آن را به تاریخ شمسی بنویسید."
        raise JalaliDateError(message, code="year_out_of_range")
    if not 1 <= month <= 12:
        raise JalaliDateError(_month_message(month), code="month_out_of_range")
    if day < 1:
        raise JalaliDateError(
            f"روز {_fa(day)} وجود ندارد؛ روزهای ماه از ۱ شروع می‌شوند.", code="day_out_of_range"
        )
    if day > 31:
        raise JalaliDateError(
            f"روز {_fa(day)} وجود ندارد؛ هیچ ماه شمسی بیش از ۳۱ روز ندارد.", code="day_out_of_range"
        )
    name = month_name(month)
    if month == 12:
        length = jalali_days_in_month(year, 12)
        if day == 30 and length == 29:
            raise JalaliDateError(
                f"سال {_fa(year)} کبیسه نیست و اسفند آن ۲۹ روز دارد؛ ۳۰ اسفند {_fa(year)} وجود ندارد.",
                code="esfand_30_in_common_year",
            )
        if day > length:
            raise JalaliDateError(
                f"اسفند {_fa(year)} {_fa(length)} روز دارد؛ {_fa(day)} اسفند وجود ندارد.",
                code="day_out_of_range",
            )
    elif month >= 7 and day == 31:
        raise JalaliDateError(f"ماه {name} ۳۰ روز دارد؛ ۳۱ {name} وجود ندارد.", code="day_31_in_30_day_month")


def jalali_to_gregorian(year: int, month: int, day: int) -> datetime.date:
    """The Gregorian date of a Jalali year/month/day; ``JalaliDateError`` (Persian) if it does not exist."""
    validate_jalali(year, month, day)
    return jdatetime.date(year, month, day, locale=_LOCALE).togregorian()


def as_local_date(value: datetime.date) -> datetime.date:
    """A date; a datetime is first moved to the current Django time zone (Asia/Tehran) if it is aware."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            from django.utils import timezone

            value = timezone.localtime(value)
        return value.date()
    return value


def to_jalali_parts(value: datetime.date) -> tuple[int, int, int]:
    """(year, month, day) in the Jalali calendar of a date (or of an aware datetime, in Tehran time)."""
    j = jdatetime.date.fromgregorian(date=as_local_date(value), locale=_LOCALE)
    return j.year, j.month, j.day


def jalali_year_of(value: datetime.date) -> int:
    """The Jalali year a date falls in."""
    return to_jalali_parts(value)[0]


def add_jalali_months(value: datetime.date, months: int) -> datetime.date:
    """Move by whole Jalali months, clamping to the last day of the target month.

    1398/06/31 + 1 month is 1398/07/30; 1399/12/30 + 12 months is 1400/12/29. ``months`` may be negative.
    A datetime is taken as its (Tehran) date and a date is returned.
    """
    year, month, day = to_jalali_parts(value)
    index = year * 12 + (month - 1) + months
    new_year, new_month = divmod(index, 12)
    new_month += 1
    new_day = min(day, jalali_days_in_month(new_year, new_month))
    return jalali_to_gregorian(new_year, new_month, new_day)


def add_jalali_years(value: datetime.date, years: int) -> datetime.date:
    """Move by whole Jalali years; 30 Esfand of a leap year becomes 29 Esfand in a common year."""
    return add_jalali_months(value, 12 * years)


def jalali_month_bounds(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    """The first and last Gregorian dates of a Jalali month."""
    first = jalali_to_gregorian(year, month, 1)
    last = jalali_to_gregorian(year, month, jalali_days_in_month(year, month))
    return first, last


def jalali_year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    """The first (1 Farvardin) and last (29 or 30 Esfand) Gregorian dates of a Jalali year."""
    return jalali_to_gregorian(year, 1, 1), jalali_to_gregorian(year, 12, jalali_days_in_month(year, 12))


def jalali_today() -> datetime.date:
    """Today in Tehran (the current Django time zone), as a Gregorian date."""
    from django.utils import timezone

    return timezone.localdate()
