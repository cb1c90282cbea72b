"""JalaliDateField / JalaliDateTimeField and their widgets: Persian in, Gregorian out, Jalali shown."""

import datetime

import pytest
from django import forms
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

from jalali.forms import JalaliDateField, JalaliDateInput, JalaliDateTimeField, JalaliDateTimeInput

UTC = datetime.UTC


class IssueForm(forms.Form):
    issued_on = JalaliDateField()
    revised_on = JalaliDateField(required=False)


class ScheduleForm(forms.Form):
    go_live_at = JalaliDateTimeField(required=False)


@pytest.mark.parametrize(
    "typed",
    ["۱۳۹۵/۱۰/۰۵", "5/10/1395", "95/10/05", "۵ دی ۱۳۹۵", "تاریخ ۱۳۹۵-۱۰-۰۵", "2016-12-25", "۲۰۱۶-۱۲-۲۵"],
)
def test_the_date_field_cleans_every_accepted_form_to_a_gregorian_date(typed):
    form = IssueForm(data={"issued_on": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["issued_on"] == datetime.date(2016, 12, 25)
    assert form.cleaned_data["revised_on"] is None


def test_the_date_field_reports_month_zero_in_persian():
    form = IssueForm(data={"issued_on": "۱۳۹۳/۰/۲۰"})
    assert not form.is_valid()
    assert form.errors["issued_on"] == ["ماه ۰ وجود ندارد؛ ماه باید عددی از ۱ تا ۱۲ باشد."]
    assert form.errors.as_data()["issued_on"][0].code == "month_out_of_range"


def test_the_date_field_reports_30_esfand_of_a_common_year_in_persian():
    form = IssueForm(data={"issued_on": "1402/12/30"})
    assert not form.is_valid()
    assert "کبیسه نیست" in form.errors["issued_on"][0]


def test_a_missing_required_date_is_reported_in_persian():
    form = IssueForm(data={"issued_on": "  "})
    assert not form.is_valid()
    assert form.errors["issued_on"] == ["تاریخ را وارد کنید."]


def test_an_impossible_iso_date_is_refused_in_persian():
    form = IssueForm(data={"issued_on": "2023-02-30"})
    assert not form.is_valid()
    assert "میلادی" in form.errors["issued_on"][0]


def test_the_date_field_shows_a_stored_date_as_jalali_and_reads_it_back():
    unbound = IssueForm(initial={"issued_on": datetime.date(2016, 12, 25)})
    shown = unbound["issued_on"].value()
    assert shown == "۱۳۹۵/۱۰/۰۵"
    assert 'value="۱۳۹۵/۱۰/۰۵"' in str(unbound["issued_on"])
    again = IssueForm(data={"issued_on": shown})
    assert again.is_valid()
    assert again.cleaned_data["issued_on"] == datetime.date(2016, 12, 25)


def test_a_bound_form_with_an_error_shows_what_the_user_typed():
    form = IssueForm(data={"issued_on": "۱۳۹۳/۰/۲۰"})
    assert form["issued_on"].value() == "۱۳۹۳/۰/۲۰"


def test_an_unchanged_jalali_value_is_not_reported_as_changed():
    form = IssueForm(
        data={"issued_on": "۱۳۹۵/۱۰/۰۵", "revised_on": ""}, initial={"issued_on": datetime.date(2016, 12, 25)}
    )
    assert form.has_changed() is False


def test_the_date_widget_is_left_to_right_with_a_jalali_placeholder_and_the_picker():
    html = str(IssueForm()["issued_on"])
    assert 'dir="ltr"' in html
    assert 'data-jalali-picker="date"' in html
    assert "data-jalali-toggle" in html
    placeholder = html.split('placeholder="')[1].split('"')[0]
    assert len(placeholder) == 10 and placeholder[4] == "/" and placeholder.startswith("۱۴")


def test_the_widget_media_brings_the_picker_script_and_styles():
    media = IssueForm().media
    assert "jalali/jalali-datepicker.js" in str(media)
    assert "jalali/jalali-datepicker.css" in str(media)


def test_the_date_time_field_reads_tehran_time_and_stores_an_aware_datetime():
    form = ScheduleForm(data={"go_live_at": "۱۴۰۳/۰۵/۰۱ ۱۴:۳۰"})
    assert form.is_valid(), form.errors
    value = form.cleaned_data["go_live_at"]
    assert value.tzinfo is not None
    assert value == datetime.datetime(2024, 7, 22, 11, 0, tzinfo=UTC)


def test_the_date_time_field_accepts_iso_for_machines():
    form = ScheduleForm(data={"go_live_at": "2024-07-22T14:30"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["go_live_at"] == datetime.datetime(2024, 7, 22, 11, 0, tzinfo=UTC)


def test_the_date_time_field_shows_the_stored_moment_in_tehran_and_round_trips():
    stored = datetime.datetime(2024, 7, 22, 11, 0, 15, tzinfo=UTC)
    unbound = ScheduleForm(initial={"go_live_at": stored})
    shown = unbound["go_live_at"].value()
    assert shown == "۱۴۰۳/۰۵/۰۱ ۱۴:۳۰:۱۵"
    again = ScheduleForm(data={"go_live_at": shown}, initial={"go_live_at": stored})
    assert again.is_valid()
    assert again.cleaned_data["go_live_at"] == stored
    assert again.has_changed() is False


def test_the_date_time_field_reports_a_bad_hour_in_persian():
    form = ScheduleForm(data={"go_live_at": "۱۴۰۳/۰۵/۰۱ ۲۵:۰۰"})
    assert not form.is_valid()
    assert form.errors["go_live_at"] == ["ساعت ۲۵ وجود ندارد؛ ساعت باید از ۰ تا ۲۳ باشد."]


def test_the_date_time_widget_marks_itself_for_the_time_box():
    html = str(ScheduleForm()["go_live_at"])
    assert 'data-jalali-picker="datetime"' in html
    assert 'dir="ltr"' in html


def test_wagtail_date_widgets_given_to_a_jalali_field_are_replaced_keeping_their_attributes():
    field = JalaliDateTimeField(widget=AdminDateTimeInput(attrs={"data-controller": "w-action"}))
    assert type(field.widget) is JalaliDateTimeInput
    assert field.widget.attrs["data-controller"] == "w-action"
    assert type(JalaliDateField(widget=AdminDateInput).widget) is JalaliDateInput
    assert type(JalaliDateField(widget=forms.DateInput(attrs={"type": "date"})).widget) is JalaliDateInput
    assert "type" not in JalaliDateField(widget=forms.DateInput(attrs={"type": "date"})).widget.attrs


def test_a_non_date_widget_given_to_a_jalali_field_is_kept():
    field = JalaliDateField(widget=forms.HiddenInput)
    assert type(field.widget) is forms.HiddenInput
    assert field.prepare_value(datetime.date(2016, 12, 25)) == "۱۳۹۵/۱۰/۰۵"


def test_the_widget_shows_a_date_as_jalali_even_on_a_plain_field():
    assert JalaliDateInput().format_value(datetime.date(2016, 12, 25)) == "۱۳۹۵/۱۰/۰۵"
    moment = datetime.datetime(2024, 7, 22, 11, 0, tzinfo=UTC)
    assert JalaliDateTimeInput().format_value(moment) == "۱۴۰۳/۰۵/۰۱ ۱۴:۳۰"
