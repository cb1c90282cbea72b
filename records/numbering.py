"""The next record number of a retention series in a Solar Hijri year: «<prefix>-<running number>», every
digit Persian, e.g. «ارزیابی-۱۴۰۵-۲۰۱-ت-۰۱-۰۰۰۷» (issue 14: a number one reads aloud and types)."""

from __future__ import annotations

from django.db import transaction

from jalali.digits import to_persian_digits
from records.models import RecordNumberSequence

WIDTH = 4  # «۰۰۰۷»: a year of one series rarely needs more; a longer number simply grows


@transaction.atomic
def next_number(series, year: int) -> int:
    """Take the series' next running number for ``year``; the row is locked, so two uploads never share one."""
    sequence, _ = RecordNumberSequence.objects.select_for_update().get_or_create(series=series, year=year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return sequence.last


def next_reference(series, year: int, prefix: str) -> str:
    number = str(next_number(series, year)).zfill(WIDTH)
    return to_persian_digits(f"{prefix}-{number}")
