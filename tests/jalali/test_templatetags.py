"""The template filters show stored dates as Jalali, and never break a page on odd values."""

import datetime

import pytest
from django.template import Context, Template

UTC = datetime.UTC


def render(source, **context):
    return Template("{% load jalali %}" + source).render(Context(context))


def test_the_jalali_filter_shows_a_numeric_persian_date():
    assert render("{{ d|jalali }}", d=datetime.date(2016, 12, 25)) == "۱۳۹۵/۱۰/۰۵"


def test_the_jalali_long_filter_names_the_month():
    assert render("{{ d|jalali_long }}", d=datetime.date(2016, 12, 25)) == "۵ دی ۱۳۹۵"


def test_the_jalali_ascii_filter_uses_ascii_digits():
    assert render("{{ d|jalali_ascii }}", d=datetime.date(2016, 12, 25)) == "1395/10/05"


def test_the_jalali_datetime_filter_shows_tehran_time():
    moment = datetime.datetime(2024, 7, 22, 11, 0, tzinfo=UTC)
    assert render("{{ t|jalali_datetime }}", t=moment) == "۱۴۰۳/۰۵/۰۱ ۱۴:۳۰"
    assert render('{{ t|jalali_datetime:"long" }}', t=moment) == "۱ مرداد ۱۴۰۳، ساعت ۱۴:۳۰"


def test_the_jalali_filter_on_a_datetime_shows_its_tehran_date():
    assert render("{{ t|jalali }}", t=datetime.datetime(2024, 7, 22, 21, 0, tzinfo=UTC)) == "۱۴۰۳/۰۵/۰۲"


def test_iso_strings_from_streamfield_json_are_shown_as_jalali():
    assert render("{{ d|jalali }}", d="2016-12-25") == "۱۳۹۵/۱۰/۰۵"


@pytest.mark.parametrize("value", [None, ""])
def test_missing_dates_render_as_nothing(value):
    assert render("[{{ d|jalali }}]", d=value) == "[]"


def test_text_that_is_not_a_date_is_shown_unchanged():
    assert render("{{ d|jalali }}", d="--") == "--"  # seed 000: no revision date on a first issue


def test_fa_digits_turns_every_digit_persian():
    assert render("{{ n|fa_digits }}", n="بخشنامه 36773/91/210 و ٤") == "بخشنامه ۳۶۷۷۳/۹۱/۲۱۰ و ۴"
    assert render("{{ n|fa_digits }}", n=12) == "۱۲"
    assert render("[{{ n|fa_digits }}]", n=None) == "[]"


def test_fa_digits_text_changes_the_text_of_html_but_not_its_links_or_references():
    from django.utils.safestring import SafeData, mark_safe

    from jalali.templatetags.jalali import fa_digits_text

    html = mark_safe('<a href="/admin/records/12/" data-id="7">سابقه 12 &#39;ب&#39; 3.5</a>')
    shown = fa_digits_text(html)
    assert shown == '<a href="/admin/records/12/" data-id="7">سابقه ۱۲ &#39;ب&#39; ۳.۵</a>'
    assert isinstance(shown, SafeData)
    plain = fa_digits_text("<b>12</b>")
    assert plain == "<b>۱۲</b>" and not isinstance(plain, SafeData)  # still escaped when shown
