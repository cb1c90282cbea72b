"""parse_jalali: every form the seeds and users write is read; every impossible date is refused in Persian."""

import datetime

import pytest

from jalali.calendar import JalaliDateError, parse_jalali, parse_jalali_datetime, to_jalali_parts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("۱۳۹۵/۱۰/۰۵", datetime.date(2016, 12, 25)),  # seed 000 issue date, year first
        ("1395/10/05", datetime.date(2016, 12, 25)),
        ("١٣٩٥/١٠/٠٥", datetime.date(2016, 12, 25)),  # Arabic-Indic digits
        ("۱۳۹۵/10/٠٥", datetime.date(2016, 12, 25)),  # three digit systems in one date
        ("1395/10/5", datetime.date(2016, 12, 25)),
    ],
)
def test_year_first_dates_in_any_digits_are_read(text, expected):
    assert parse_jalali(text) == expected


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("13/09/1391", (1391, 9, 13)),  # seed 002 circular date, day first
        ("4/3/1382", (1382, 3, 4)),  # seed 002 replaced circular, one-digit day and month
        ("۲۰/۰۱/۱۳۹۳", (1393, 1, 20)),  # seed 001
        ("23/10/1398", (1398, 10, 23)),  # seed 003
    ],
)
def test_day_first_dates_are_recognised_by_the_four_digit_last_part(text, parts):
    assert to_jalali_parts(parse_jalali(text)) == parts


def test_seed_circular_day_first_date_is_the_right_gregorian_day():
    assert parse_jalali("13/09/1391") == datetime.date(2012, 12, 3)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("98/02/10", (1398, 2, 10)),  # seed 003
        ("98/02/05", (1398, 2, 5)),  # seed 003
        ("۹۹/۱۲/۳۰", (1399, 12, 30)),
        ("30/01/01", (1330, 1, 1)),  # first two-digit year read as 13xx
        ("29/12/29", (1429, 12, 29)),  # last two-digit year read as 14xx
        ("05/02/10", (1405, 2, 10)),  # year first even when every part could be a day
        ("00/01/01", (1400, 1, 1)),
        ("10/02/98", (1398, 2, 10)),  # only the last part can be a year: day first
    ],
)
def test_two_digit_years_below_30_are_14xx_and_the_rest_13xx(text, parts):
    assert to_jalali_parts(parse_jalali(text)) == parts


@pytest.mark.parametrize(
    "text",
    ["۱۴ / ۰۱ / ۱۳۸۹", "14 / 01 / 1389", "  ۱۴/ ۰۱ /۱۳۸۹  ", "۱۳۸۹ / ۱ / ۱۴"],
)
def test_spaces_around_separators_are_ignored(text):
    assert to_jalali_parts(parse_jalali(text)) == (1389, 1, 14)


@pytest.mark.parametrize(
    "text", ["1393/01/20", "1393-01-20", "1393.01.20", "1393,01,20", "۱۳۹۳،۰۱،۲۰", "۱۳۹۳٫۰۱٫۲۰", "1393/01-20"]
)
def test_every_usual_separator_is_accepted(text):
    assert to_jalali_parts(parse_jalali(text)) == (1393, 1, 20)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("22 شهریور 1393", (1393, 6, 22)),
        ("۲۲ شهریور ۱۳۹۳", (1393, 6, 22)),
        ("۲۲ شهريور ۱۳۹۳", (1393, 6, 22)),  # Arabic yeh
        ("۱ اردیبهشت ۱۳۹۸", (1398, 2, 1)),
        ("۱ ارديبهشت ۱۳۹۸", (1398, 2, 1)),
        ("۵ آذر ۱۳۹۹", (1399, 9, 5)),
        ("۵ اذر ۱۳۹۹", (1399, 9, 5)),
        ("۵ دی ۱۳۹۵", (1395, 10, 5)),
        ("۵ دي ۱۳۹۵", (1395, 10, 5)),
        ("۵ دی‌ماه ۱۳۹۵", (1395, 10, 5)),  # «ماه» after the name, with ZWNJ
        ("۵ دی ماه ۱۳۹۵", (1395, 10, 5)),
        ("۳ امرداد ۱۴۰۲", (1402, 5, 3)),
        ("۳ مرداد ۱۴۰۲", (1402, 5, 3)),
        ("۱۰ آبان ۱۴۰۰", (1400, 8, 10)),
        ("۱۰ ابان ۱۴۰۰", (1400, 8, 10)),
        ("۲۹ اسفند ۱۴۰۲", (1402, 12, 29)),
        ("۱ فروردين ۱۴۰۳", (1403, 1, 1)),
        ("۷ بهمن ۱۳۵۷", (1357, 11, 7)),
        ("۱۵ خرداد ۹۸", (1398, 3, 15)),  # two-digit year with a month name
        ("۲۲ شـهریور ۱۳۹۳", (1393, 6, 22)),  # tatweel
    ],
)
def test_persian_month_names_and_their_common_spellings_are_read(text, parts):
    assert to_jalali_parts(parse_jalali(text)) == parts


@pytest.mark.parametrize(
    "text",
    [
        "تاریخ ۱۳۹۵/۱۰/۰۵",
        "تاریخ: ۱۳۹۵/۱۰/۰۵",
        "مورخ ۱۳۹۵/۱۰/۰۵",
        "مورخه 1395/10/05",
        "تاريخ ۵ دی ۱۳۹۵",
        "به تاریخ ۱۳۹۵/۱۰/۰۵",
        "۱۳۹۵/۱۰/۰۵ ه.ش",
        "مورخ ۵ دی ۱۳۹۵ هجری شمسی",
    ],
)
def test_the_words_tarikh_and_movarrekh_before_a_date_are_allowed(text):
    assert parse_jalali(text) == datetime.date(2016, 12, 25)


def test_invisible_direction_marks_from_copied_text_are_ignored():
    assert parse_jalali("\u200f۱۳۹۵/۱۰/۰۵\u200e") == datetime.date(2016, 12, 25)


def test_month_zero_is_refused_with_a_persian_message():
    with pytest.raises(JalaliDateError) as caught:
        parse_jalali("۱۳۹۳/۰/۲۰")  # seed 000's misprint
    assert caught.value.code == "month_out_of_range"
    assert str(caught.value) == "ماه ۰ وجود ندارد؛ ماه باید عددی از ۱ تا ۱۲ باشد."


def test_month_thirteen_is_refused_with_a_persian_message():
    with pytest.raises(JalaliDateError) as caught:
        parse_jalali("1393/13/01")
    assert caught.value.code == "month_out_of_range"
    assert "ماه ۱۳ وجود ندارد" in str(caught.value)


def test_day_zero_is_refused_with_a_persian_message():
    with pytest.raises(JalaliDateError) as caught:
        parse_jalali("1393/01/00")
    assert caught.value.code == "day_out_of_range"
    assert str(caught.value) == "روز ۰ وجود ندارد؛ روزهای ماه از ۱ شروع می‌شوند."


def test_day_thirty_two_is_refused_with_a_persian_message():
    with pytest.raises(JalaliDateError) as caught:
        parse_jalali("۱۳۹۳/۰۱/۳۲")
    assert caught.value.code == "day_out_of_range"
    assert str(caught.value) == "روز ۳۲ وجود ندارد؛ هیچ ماه شمسی بیش از ۳۱ روز ندارد."


@pytest.mark.parametrize(("month", "name"), [(7, "مهر"), (8, "آبان"), (9, "آذر"), (10, "دی"), (11, "بهمن")])
def test_day_31_of_a_thirty_day_month_is_refused_naming_the_month(month, name):
    with pytest.raises(JalaliDateError) as caught:
        parse_jalali(f"1400/{month}/31")
    assert caught.value.code == "day_31_in_30_day_month"
    assert str(caught.value) == f"ماه {name} ۳۰ روز دارد؛ ۳۱ {name} وجود ندارد."


def test_day_31_of_esfand_is_refused_even_in_a_leap_year():
    with pytest.raises(JalaliDateError) as caught:
        parse_jalali("1403/12/31")
    assert caught.value.code == "day_out_of_range"
    assert str(caught.value) == "اسفند ۱۴۰۳ ۳۰ روز دارد؛ ۳۱ اسفند وجود ندارد."


def test_day_31_of_months_one_to_six_is_accepted():
    assert to_jalali_parts(parse_jalali("1398/06/31")) == (1398, 6, 31)


@pytest.mark.parametrize("year", [1398, 1402, 1400, 1401])
def test_thirty_esfand_of_a_common_year_is_refused(year):
    with pytest.raises(JalaliDateError) as caught:
        parse_jalali(f"{year}/12/30")
    assert caught.value.code == "esfand_30_in_common_year"
    assert "کبیسه نیست" in str(caught.value)
    assert "۲۹ روز" in str(caught.value)


@pytest.mark.parametrize(
    ("year", "gregorian"),
    [
        (1399, datetime.date(2021, 3, 20)),
        (1403, datetime.date(2025, 3, 20)),
        (1395, datetime.date(2017, 3, 20)),
    ],
)
def test_thirty_esfand_of_a_leap_year_is_accepted(year, gregorian):
    assert parse_jalali(f"{year}/12/30") == gregorian


@pytest.mark.parametrize("text", ["", "   ", "\u200c", "تاریخ", "مورخ :"])
def test_empty_input_is_refused_as_missing(text):
    with pytest.raises(JalaliDateError) as caught:
        parse_jalali(text)
    assert caught.value.code == "empty"
    assert str(caught.value) == "تاریخ وارد نشده است."


@pytest.mark.parametrize(
    "text", ["سلام", "abc", "1395", "1395/10", "۱۳۹۵/۱۰/۰۵/۱", "//", "1395/10/05 extra", "۲۲ شهریور"]
)
def test_text_that_is_not_a_date_is_refused(text):
    with pytest.raises(JalaliDateError) as caught:
        parse_jalali(text)
    assert caught.value.code == "invalid"
    assert "تاریخ شناخته‌شده‌ای نیست" in str(caught.value)


def test_jalali_date_error_is_a_value_error():
    with pytest.raises(ValueError):
        parse_jalali("garbage")


def test_a_lunar_hijri_date_is_refused_as_lunar():
    with pytest.raises(JalaliDateError) as caught:
        parse_jalali("4 شوال 1441")  # seed 003
    assert caught.value.code == "lunar_date"
    assert "قمری" in str(caught.value)


def test_an_unknown_month_name_is_named_in_the_message():
    with pytest.raises(JalaliDateError) as caught:
        parse_jalali("۱۲ فلان ۱۳۹۳")
    assert caught.value.code == "unknown_month"
    assert "«فلان»" in str(caught.value)


def test_a_gregorian_year_is_refused_with_a_hint():
    with pytest.raises(JalaliDateError) as caught:
        parse_jalali("2020/03/20")
    assert caught.value.code == "year_out_of_range"
    assert "میلادی" in str(caught.value)


@pytest.mark.parametrize("text", ["139/1/1", "1/1/139", "13950/1/1"])
def test_a_three_or_five_digit_year_is_refused(text):
    with pytest.raises(JalaliDateError) as caught:
        parse_jalali(text)
    assert caught.value.code == "year_digits"


def test_a_date_with_no_recognisable_year_is_refused_as_ambiguous():
    with pytest.raises(JalaliDateError) as caught:
        parse_jalali("5/2/10")
    assert caught.value.code == "ambiguous"
    assert "چهاررقمی" in str(caught.value)


def test_the_error_keeps_the_text_that_was_read():
    with pytest.raises(JalaliDateError) as caught:
        parse_jalali("۱۳۹۳/۰/۲۰")
    assert caught.value.text == "۱۳۹۳/۰/۲۰"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("۱۴۰۳/۰۵/۰۱ ۱۴:۳۰", datetime.datetime(2024, 7, 22, 14, 30)),
        ("1403/05/01 14:30:15", datetime.datetime(2024, 7, 22, 14, 30, 15)),
        ("۱۴۰۳/۰۵/۰۱ ساعت ۹:۰۵", datetime.datetime(2024, 7, 22, 9, 5)),
        ("14:30 1403/05/01", datetime.datetime(2024, 7, 22, 14, 30)),
        ("۱ مرداد ۱۴۰۳، ساعت ۱۴:۳۰", datetime.datetime(2024, 7, 22, 14, 30)),
        ("1403-05-01 14:30", datetime.datetime(2024, 7, 22, 14, 30)),
        ("۱۴۰۳/۰۵/۰۱", datetime.datetime(2024, 7, 22, 0, 0)),
    ],
)
def test_date_times_are_read_with_an_optional_time(text, expected):
    assert parse_jalali_datetime(text) == expected


@pytest.mark.parametrize("text", ["1403/05/01 24:00", "1403/05/01 12:60"])
def test_impossible_times_are_refused_in_persian(text):
    with pytest.raises(JalaliDateError) as caught:
        parse_jalali_datetime(text)
    assert caught.value.code == "time_out_of_range"
    assert "وجود ندارد" in str(caught.value)


def test_an_impossible_date_with_a_time_is_still_refused():
    with pytest.raises(JalaliDateError) as caught:
        parse_jalali_datetime("1398/12/30 10:00")
    assert caught.value.code == "esfand_30_in_common_year"
