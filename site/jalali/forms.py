"""Form fields that accept Jalali dates in every real-world form and store Gregorian values.

``JalaliDateField`` replaces ``forms.DateField`` and ``JalaliDateTimeField`` replaces
``forms.DateTimeField`` (Wagtail's scheduled publishing uses it). Both also accept ISO Gregorian
(«2024-07-22», «2024-07-22T14:30») for scripts and tests, and report problems in Persian.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import from_current_timezone

from .calendar import (
    JalaliDateError,
    format_jalali,
    format_jalali_datetime,
    parse_jalali,
    parse_jalali_datetime,
)
from .conversion import as_local_date
from .digits import to_ascii_digits, to_persian_digits
from .widgets import JalaliDateInput, JalaliDateTimeInput, jalali_widget

__all__ = ["JalaliDateField", "JalaliDateInput", "JalaliDateTimeField", "JalaliDateTimeInput"]

#: Gregorian ISO input is recognised only from this year on, far above any Jalali year people write.
ISO_MIN_YEAR = 1600

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_DATETIME = re.compile(
    r"(\d{4})-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?"
)


def _iso_error(text: str) -> ValidationError:
    return ValidationError(
        f"تاریخ میلادی «{to_persian_digits(text)}» وجود ندارد.", code="invalid", params={"value": text}
    )


def _validation_error(error: JalaliDateError) -> ValidationError:
    return ValidationError(str(error), code=error.code)


class JalaliDateField(forms.DateField):
    """A date typed as Jalali (any form ``parse_jalali`` reads) or ISO; cleans to ``datetime.date``."""

    widget = JalaliDateInput
    default_error_messages = {
        "required": "تاریخ را وارد کنید.",
        "invalid": "تاریخ درست نیست؛ آن را مانند ۱۴۰۳/۰۵/۲۱ بنویسید.",
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs["widget"] = jalali_widget(kwargs.get("widget"), JalaliDateInput)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> datetime.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return as_local_date(value)
        text = to_ascii_digits(str(value)).strip()
        if not text:
            return None
        iso = _ISO_DATE.fullmatch(text)
        if iso and int(iso.group(1)) >= ISO_MIN_YEAR:
            try:
                return datetime.date.fromisoformat(text)
            except ValueError:
                raise _iso_error(text) from None
        try:
            return parse_jalali(str(value))
        except JalaliDateError as error:
            raise _validation_error(error) from None

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, datetime.date):
            return format_jalali(value)
        return value


class JalaliDateTimeField(forms.DateTimeField):
    """A Jalali date with an optional «HH:MM» time, read in the current time zone (Asia/Tehran)."""

    widget = JalaliDateTimeInput
    default_error_messages = {
        "required": "تاریخ و ساعت را وارد کنید.",
        "invalid": "تاریخ و ساعت درست نیست؛ آن را مانند ۱۴۰۳/۰۵/۲۱ ۱۴:۳۰ بنویسید.",
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs["widget"] = jalali_widget(kwargs.get("widget"), JalaliDateTimeInput)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> datetime.datetime | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return from_current_timezone(value)
        if isinstance(value, datetime.date):
            return from_current_timezone(datetime.datetime(value.year, value.month, value.day))
        text = to_ascii_digits(str(value)).strip()
        if not text:
            return None
        iso = _ISO_DATETIME.fullmatch(text)
        if iso and int(iso.group(1)) >= ISO_MIN_YEAR:
            try:
                parsed = datetime.datetime.fromisoformat(text)
            except ValueError:
                raise _iso_error(text) from None
            return from_current_timezone(parsed)
        try:
            naive = parse_jalali_datetime(str(value))
        except JalaliDateError as error:
            raise _validation_error(error) from None
        return from_current_timezone(naive)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, datetime.datetime):
            return format_jalali_datetime(value)
        if isinstance(value, datetime.date):
            return format_jalali(value)
        return value
