"""Conversion, leap years, month/year arithmetic with clamping, bounds and formatting."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from jalali.calendar import (
    PERSIAN_MONTH_NAMES,
    JalaliDateError,
    add_jalali_months,
    add_jalali_years,
    format_jalali,
    format_jalali_datetime,
    is_jalali_leap,
    jalali_days_in_month,
    jalali_month_bounds,
    jalali_to_gregorian,
    jalali_year_bounds,
    jalali_year_of,
    to_jalali_parts,
)
from jalali.digits import to_ascii_digits, to_persian_digits

UTC = datetime.UTC


def j(year, month, day):
    return jalali_to_gregorian(year, month, day)


def test_the_twelve_persian_month_names_are_in_order():
    assert PERSIAN_MONTH_NAMES == (
        "فروردین",
        "اردیبهشت",
        "خرداد",
        "تیر",
        "مرداد",
        "شهریور",
        "مهر",
        "آبان",
        "آذر",
        "دی",
        "بهمن",
        "اسفند",
    )


@pytest.mark.parametrize(
    ("parts", "gregorian"),
    [
        ((1399, 1, 1), datetime.date(2020, 3, 20)),
        ((1400, 1, 1), datetime.date(2021, 3, 21)),
        ((1403, 1, 1), datetime.date(2024, 3, 20)),
        ((1395, 10, 5), datetime.date(2016, 12, 25)),
        ((1357, 11, 22), datetime.date(1979, 2, 11)),
        ((1405, 9, 3), datetime.date(2026, 11, 24)),
    ],
)
def test_known_jalali_dates_convert_to_the_right_gregorian_day_and_back(parts, gregorian):
    assert jalali_to_gregorian(*parts) == gregorian
    assert to_jalali_parts(gregorian) == parts


@pytest.mark.parametrize(
    ("year", "leap"),
    [
        (1399, True),
        (1403, True),
        (1395, True),
        (1408, True),
        (1398, False),
        (1402, False),
        (1400, False),
        (1404, False),
    ],
)
def test_leap_years_follow_jdatetime(year, leap):
    assert is_jalali_leap(year) is leap
    assert jalali_days_in_month(year, 12) == (30 if leap else 29)


def test_month_lengths_are_31_for_the_first_six_and_30_for_the_next_five():
    assert [jalali_days_in_month(1402, m) for m in range(1, 12)] == [31] * 6 + [30] * 5


def test_jalali_to_gregorian_refuses_impossible_dates_in_persian():
    with pytest.raises(JalaliDateError) as caught:
        jalali_to_gregorian(1402, 12, 30)
    assert caught.value.code == "esfand_30_in_common_year"
    with pytest.raises(JalaliDateError):
        jalali_to_gregorian(1402, 0, 1)


def test_jalali_year_of_a_date_before_and_after_nowruz():
    assert jalali_year_of(datetime.date(2024, 3, 19)) == 1402
    assert jalali_year_of(datetime.date(2024, 3, 20)) == 1403


def test_an_aware_datetime_is_read_in_tehran_time():
    late_utc = datetime.datetime(2024, 7, 22, 20, 45, tzinfo=UTC)  # 00:15 on 23 July in Tehran
    assert to_jalali_parts(late_utc) == (1403, 5, 2)
    assert format_jalali(late_utc) == "۱۴۰۳/۰۵/۰۲"


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        ((1398, 6, 31), 1, (1398, 7, 30)),  # 31 Shahrivar → Mehr has only 30
        ((1398, 1, 15), 1, (1398, 2, 15)),
        ((1398, 11, 30), 1, (1398, 12, 29)),  # common Esfand
        ((1399, 11, 30), 1, (1399, 12, 30)),  # leap Esfand
        ((1398, 12, 29), 1, (1399, 1, 29)),  # across the year
        ((1398, 6, 31), 6, (1398, 12, 29)),
        ((1399, 1, 31), -1, (1398, 12, 29)),  # backwards
        ((1400, 3, 10), -15, (1398, 12, 10)),
        ((1400, 3, 10), 0, (1400, 3, 10)),
        ((1400, 3, 10), 120, (1410, 3, 10)),
    ],
)
def test_adding_jalali_months_clamps_to_the_end_of_the_month(start, months, end):
    assert to_jalali_parts(add_jalali_months(j(*start), months)) == end


@pytest.mark.parametrize(
    ("start", "years", "end"),
    [
        ((1399, 12, 30), 1, (1400, 12, 29)),
        ((1399, 12, 30), 4, (1403, 12, 30)),  # leap to leap keeps the 30th
        ((1395, 10, 5), 10, (1405, 10, 5)),
        ((1403, 12, 30), -4, (1399, 12, 30)),
        ((1403, 12, 30), -1, (1402, 12, 29)),
    ],
)
def test_adding_jalali_years_clamps_30_esfand_in_common_years(start, years, end):
    assert to_jalali_parts(add_jalali_years(j(*start), years)) == end


def test_month_bounds_cover_the_whole_jalali_month():
    assert jalali_month_bounds(1402, 12) == (datetime.date(2024, 2, 20), datetime.date(2024, 3, 19))
    assert jalali_month_bounds(1403, 12) == (datetime.date(2025, 2, 19), datetime.date(2025, 3, 20))
    assert jalali_month_bounds(1403, 7) == (datetime.date(2024, 9, 22), datetime.date(2024, 10, 21))


def test_year_bounds_run_from_nowruz_to_the_last_day_of_esfand():
    assert jalali_year_bounds(1399) == (datetime.date(2020, 3, 20), datetime.date(2021, 3, 20))
    assert jalali_year_bounds(1402) == (datetime.date(2023, 3, 21), datetime.date(2024, 3, 19))


def test_month_bounds_refuse_month_thirteen():
    with pytest.raises(JalaliDateError):
        jalali_month_bounds(1402, 13)


def test_numeric_format_uses_persian_digits_and_zero_padding():
    assert format_jalali(datetime.date(2016, 12, 25)) == "۱۳۹۵/۱۰/۰۵"


def test_long_format_names_the_month_without_padding():
    assert format_jalali(datetime.date(2016, 12, 25), "long") == "۵ دی ۱۳۹۵"
    assert format_jalali(datetime.date(2014, 9, 13), "long") == "۲۲ شهریور ۱۳۹۳"


def test_ascii_format_is_for_machines():
    assert format_jalali(datetime.date(2016, 12, 25), "ascii") == "1395/10/05"


def test_formatting_none_gives_an_empty_string():
    assert format_jalali(None) == ""
    assert format_jalali_datetime(None) == ""


def test_an_unknown_style_is_a_programming_error():
    with pytest.raises(ValueError, match="style"):
        format_jalali(datetime.date(2016, 12, 25), "short")


def test_datetimes_are_formatted_in_tehran_time_with_seconds_only_when_present():
    moment = datetime.datetime(2024, 7, 22, 11, 0, tzinfo=UTC)  # 14:30 in Tehran
    assert format_jalali_datetime(moment) == "۱۴۰۳/۰۵/۰۱ ۱۴:۳۰"
    assert format_jalali_datetime(moment.replace(second=15)) == "۱۴۰۳/۰۵/۰۱ ۱۴:۳۰:۱۵"
    assert format_jalali_datetime(moment, "long") == "۱ مرداد ۱۴۰۳، ساعت ۱۴:۳۰"
    assert format_jalali_datetime(moment, "ascii") == "1403/05/01 14:30"


def test_the_active_time_zone_decides_the_displayed_day():
    moment = datetime.datetime(2024, 7, 22, 22, 0, tzinfo=UTC)
    assert format_jalali(moment) == "۱۴۰۳/۰۵/۰۲"  # Tehran: 01:30 on the 23rd
    with timezone.override(zoneinfo.ZoneInfo("UTC")):
        assert format_jalali(moment) == "۱۴۰۳/۰۵/۰۱"


def test_digit_helpers_keep_their_api():
    assert to_ascii_digits("۱۲٣") == "123"
    assert to_persian_digits(1403) == "۱۴۰۳"
