"""The public Jalali (Solar Hijri) calendar API of Sanad: parse, find, format, convert and do arithmetic.

Dates are stored Gregorian; people read and write Jalali. Import from here, not from the
implementation modules (``conversion``, ``parsing``, ``formatting``, ``months``), which may move.
"""

from __future__ import annotations

from .conversion import (
    MAX_YEAR,
    MIN_YEAR,
    add_jalali_months,
    add_jalali_years,
    is_jalali_leap,
    jalali_days_in_month,
    jalali_month_bounds,
    jalali_to_gregorian,
    jalali_today,
    jalali_year_bounds,
    jalali_year_of,
    to_jalali_parts,
    validate_jalali,
)
from .errors import JalaliDateError
from .formatting import STYLES, format_jalali, format_jalali_datetime, format_jalali_time
from .months import LUNAR_MONTH_NAMES, PERSIAN_MONTH_NAMES, month_name, month_number
from .parsing import (
    PARSE_MAX_YEAR,
    PARSE_MIN_YEAR,
    TWO_DIGIT_YEAR_PIVOT,
    expand_two_digit_year,
    find_jalali_dates,
    parse_jalali,
    parse_jalali_datetime,
)

__all__ = [
    "LUNAR_MONTH_NAMES",
    "MAX_YEAR",
    "MIN_YEAR",
    "PARSE_MAX_YEAR",
    "PARSE_MIN_YEAR",
    "PERSIAN_MONTH_NAMES",
    "STYLES",
    "TWO_DIGIT_YEAR_PIVOT",
    "JalaliDateError",
    "add_jalali_months",
    "add_jalali_years",
    "expand_two_digit_year",
    "find_jalali_dates",
    "format_jalali",
    "format_jalali_datetime",
    "format_jalali_time",
    "is_jalali_leap",
    "jalali_days_in_month",
    "jalali_month_bounds",
    "jalali_to_gregorian",
    "jalali_today",
    "jalali_year_bounds",
    "jalali_year_of",
    "month_name",
    "month_number",
    "parse_jalali",
    "parse_jalali_datetime",
    "to_jalali_parts",
    "validate_jalali",
]
