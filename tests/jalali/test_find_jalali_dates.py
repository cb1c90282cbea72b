"""find_jalali_dates picks real dates out of running text and leaves act numbers and misprints alone."""

import datetime

from jalali.calendar import find_jalali_dates


def test_both_ends_of_a_display_window_are_found_with_their_text():
    text = "تاریخ نمایش از ۱۳۹۹/۰۱/۰۶ تا ۱۳۹۹/۰۵/۳۱"
    assert find_jalali_dates(text) == [
        (datetime.date(2020, 3, 25), "۱۳۹۹/۰۱/۰۶"),
        (datetime.date(2020, 8, 21), "۱۳۹۹/۰۵/۳۱"),
    ]


def test_a_circular_number_is_not_a_date_but_its_date_is():
    text = "بخشنامه شماره «24/189975/110» مورخ «23/10/1398»"
    assert find_jalali_dates(text) == [(datetime.date(2020, 1, 13), "23/10/1398")]


def test_act_numbers_with_short_parts_are_not_dates():
    assert find_jalali_dates("مصوبه ۵۶۰/۹۳/۲۰۶ و نامه ۴۲۲۵/۴۴۳۲۷ و ۳۶۷۷۳/۹۱/۲۱۰") == []


def test_impossible_dates_in_text_are_skipped():
    assert find_jalali_dates("در تاریخ ۱۳۹۳/۰/۲۰ و ۱۳۹۸/۱۲/۳۰") == []


def test_two_digit_year_deadlines_are_found():
    found = find_jalali_dates("مهلت از 98/02/05 به 98/02/10 تمدید شد")
    assert found == [(datetime.date(2019, 4, 25), "98/02/05"), (datetime.date(2019, 4, 30), "98/02/10")]


def test_dates_with_month_names_keep_the_original_spelling():
    found = find_jalali_dates("جلسه ۲۲ شهريورماه ۱۳۹۳ برگزار شد")
    assert found == [(datetime.date(2014, 9, 13), "۲۲ شهريورماه ۱۳۹۳")]


def test_a_month_name_inside_another_word_is_not_a_date():
    assert find_jalali_dates("۲۲ دیگر ۱۳۹۳") == []


def test_a_lunar_date_is_not_taken_for_a_solar_one():
    assert find_jalali_dates("۴ شوال ۱۴۴۱") == []


def test_section_numbers_with_dashes_are_not_dates():
    assert find_jalali_dates("بند 12-1-3 و بند ۴-۱-۲") == []


def test_spaced_and_day_first_dates_are_found_in_text():
    found = find_jalali_dates("ابلاغ ۱۴ / ۰۱ / ۱۳۸۹ و جایگزین بخشنامه مورخ ۴/۳/۱۳۸۲")
    assert [d for d, _ in found] == [datetime.date(2010, 4, 3), datetime.date(2003, 5, 25)]
    assert found[0][1] == "۱۴ / ۰۱ / ۱۳۸۹"


def test_a_date_inside_a_longer_number_chain_is_not_found():
    assert find_jalali_dates("1/1399/01/06") == []
    assert find_jalali_dates("1399/01/06/2") == []


def test_text_without_dates_gives_an_empty_list():
    assert find_jalali_dates("") == []
    assert find_jalali_dates("ارزیابی عملکرد دستگاه‌های اجرایی") == []
