"""Half past midnight in Tehran: from 20:30 to 24:00 UTC Tehran's date is already tomorrow's.

Sanad stores instants in UTC and dates in Tehran's calendar, so a date taken from an instant with
``.date()`` is a day early in those hours. Tests that prove a date is Tehran's run inside
``after_midnight_in_tehran()``, whatever hour the suite happens to run at.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

import time_machine
from django.utils import timezone


def half_past_midnight_in_tehran() -> dt.datetime:
    """The latest 00:30 in Tehran (21:00 UTC; Iran keeps no summer time) that is not in the future."""
    now = dt.datetime.now(dt.UTC)
    at = now.replace(hour=21, minute=0, second=0, microsecond=0)
    return at if at <= now else at - dt.timedelta(days=1)


@contextlib.contextmanager
def after_midnight_in_tehran() -> Iterator[dt.date]:
    """Run the block at 00:30 in Tehran with the clock running; yields Tehran's date, a day after UTC's."""
    with time_machine.travel(half_past_midnight_in_tehran(), tick=True):
        tehran, utc = timezone.localdate(), dt.datetime.now(dt.UTC).date()
        assert tehran == utc + dt.timedelta(days=1), (tehran, utc)
        yield tehran
