"""Wagtail's inspect view shows values as a Persian reader reads them (issue 14)."""

import datetime

from django.utils import timezone

from jalali.inspect import shown_value


def test_dates_and_times_are_jalali_with_persian_digits():
    assert shown_value(datetime.date(2016, 12, 25)) == "۱۳۹۵/۱۰/۰۵"
    moment = timezone.make_aware(datetime.datetime(2026, 12, 3, 10, 30))
    assert shown_value(moment).startswith("۱۴۰۵/۰۹/۱۲")


def test_yes_no_nothing_and_numbers_are_persian():
    assert shown_value(True) == "بله" and shown_value(False) == "خیر"
    assert shown_value(None) == "—" and shown_value("") == "—"
    assert shown_value(12) == "۱۲"
    assert shown_value("متن") == "متن"
