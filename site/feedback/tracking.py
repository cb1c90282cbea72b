"""Tracking numbers of complaints, suggestions and survey answers: «ش-۱۴۰۵-۰۰۰۱۲۳».

A letter for the kind, the Jalali year of submission, and a six-digit number that restarts each year.
Numbers are stored with ASCII digits (so look-ups and sorting are simple) and shown in Persian.
"""

from __future__ import annotations

import datetime as dt
import re

from django.db import models, transaction

from jalali.calendar import jalali_year_of
from jalali.digits import to_ascii_digits, to_persian_digits

KIND_LETTERS = {"complaint": "ش", "suggestion": "پ", "survey": "ن"}
_PATTERN = re.compile(r"^\s*([شپن])\s*[-‐–_/ ]\s*(\d{4})\s*[-‐–_/ ]\s*(\d{1,6})\s*$")


class TrackingCounter(models.Model):
    """The last number given for one kind in one Jalali year."""

    kind = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        app_label = "feedback"
        constraints = [models.UniqueConstraint(fields=["kind", "year"], name="feedback_counter_kind_year")]
        verbose_name = "شمارنده شماره پیگیری"
        verbose_name_plural = "شمارنده‌های شماره پیگیری"

    def __str__(self) -> str:
        return f"{self.kind} {self.year}: {self.last}"


def format_tracking_number(letter: str, year: int, number: int) -> str:
    return f"{letter}-{year}-{number:06d}"


def next_tracking_number(kind: str, today: dt.date) -> str:
    """The next number for ``kind`` in today's Jalali year; rows are locked so two requests never
    get the same number (PostgreSQL; SQLite serialises writers anyway)."""
    year = jalali_year_of(today)
    with transaction.atomic():
        counter, _ = TrackingCounter.objects.select_for_update().get_or_create(kind=kind, year=year)
        counter.last += 1
        counter.save(update_fields=["last"])
    return format_tracking_number(KIND_LETTERS[kind], year, counter.last)


def normalise_tracking_number(text: str) -> str | None:
    """What a person types («ش-۱۴۰۵-۱۲۳», «ش ۱۴۰۵ ۰۰۰۱۲۳», Arabic digits…) as the stored form, or None."""
    text = (text or "").replace("ي", "ی").replace("ك", "ک")
    match = _PATTERN.match(to_ascii_digits(text))
    if match is None:
        return None
    letter, year, number = match.groups()
    return format_tracking_number(letter, int(year), int(number))


def display_tracking_number(stored: str) -> str:
    return to_persian_digits(stored)
