"""Retention periods counted on the Jalali calendar: leap years, month ends, 30 Esfand."""

import datetime as dt

from jalali.calendar import format_jalali, is_jalali_leap, jalali_to_gregorian, parse_jalali
from records import rules
from records.choices import Disposal, PeriodUnit, Phase, Trigger

Y = PeriodUnit.YEARS
M = PeriodUnit.MONTHS


def j(text: str) -> dt.date:
    return parse_jalali(text)


def test_thirtieth_of_esfand_plus_one_year_is_the_29th_of_esfand_of_a_common_year():
    assert is_jalali_leap(1399) and not is_jalali_leap(1400)
    assert format_jalali(rules.add_period(j("1399/12/30"), rules.Period(1, Y))) == "۱۴۰۰/۱۲/۲۹"


def test_thirtieth_of_esfand_plus_four_years_lands_on_the_next_leap_years_30th():
    assert is_jalali_leap(1403)
    assert format_jalali(rules.add_period(j("1399/12/30"), rules.Period(4, Y))) == "۱۴۰۳/۱۲/۳۰"


def test_31st_of_a_first_half_month_plus_one_month_clamps_to_the_30th():
    assert format_jalali(rules.add_period(j("1402/06/31"), rules.Period(1, M))) == "۱۴۰۲/۰۷/۳۰"


def test_months_cross_the_year_boundary_and_clamp_in_esfand():
    assert format_jalali(rules.add_period(j("1401/11/30"), rules.Period(1, M))) == "۱۴۰۱/۱۲/۲۹"
    assert format_jalali(rules.add_period(j("1401/12/15"), rules.Period(3, M))) == "۱۴۰۲/۰۳/۱۵"


def test_active_then_archive_are_counted_one_after_the_other():
    dates = rules.retention_dates(j("1399/12/30"), rules.Period(1, Y), rules.Period(6, M), Disposal.DESTROY)
    assert format_jalali(dates.active_until) == "۱۴۰۰/۱۲/۲۹"
    assert format_jalali(dates.archive_until) == "۱۴۰۱/۰۶/۲۹"
    assert dates.due_on == dates.archive_until


def test_a_permanent_series_never_falls_due():
    dates = rules.retention_dates(j("1395/10/05"), rules.Period(2, Y), rules.Period(10, Y), Disposal.KEEP)
    assert dates.due_on is None
    assert rules.phase_on(dates, j("1420/01/01")) == Phase.PERMANENT


def test_a_zero_archive_period_makes_the_record_due_when_the_active_phase_ends():
    dates = rules.retention_dates(j("1400/01/01"), rules.Period(1, Y), rules.Period(0, Y), Disposal.DESTROY)
    assert rules.phase_on(dates, j("1400/12/29")) == Phase.ACTIVE
    assert rules.phase_on(dates, j("1401/01/01")) == Phase.DUE


def test_phase_moves_on_the_end_day_itself():
    dates = rules.retention_dates(j("1398/01/01"), rules.Period(2, Y), rules.Period(3, Y), Disposal.DESTROY)
    assert rules.phase_on(dates, j("1399/12/30")) == Phase.ACTIVE
    assert rules.phase_on(dates, j("1400/01/01")) == Phase.ARCHIVE
    assert rules.phase_on(dates, j("1402/12/29")) == Phase.ARCHIVE
    assert rules.phase_on(dates, j("1403/01/01")) == Phase.DUE


def test_without_a_trigger_date_a_record_stays_active():
    assert rules.phase_on(None, j("1450/01/01")) == Phase.ACTIVE


def test_trigger_dates_by_event():
    record_date = j("1400/05/10")
    assert rules.trigger_date(Trigger.CREATION, record_date=record_date, explicit=None) == record_date
    assert rules.trigger_date(Trigger.CYCLE_END, record_date=record_date, explicit=None) is None
    assert rules.trigger_date(Trigger.CLOSURE, record_date=record_date, explicit=j("1401/01/15")) == j(
        "1401/01/15"
    )
    superseded = j("1402/02/02")
    assert (
        rules.trigger_date(
            Trigger.SUPERSESSION, record_date=record_date, explicit=None, superseded_on=superseded
        )
        == superseded
    )


def test_period_labels_are_persian():
    assert rules.Period(2, Y).label == "۲ سال"
    assert rules.Period(18, M).label == "۱۸ ماه"


def test_a_record_made_on_30_esfand_of_a_leap_year_falls_due_on_a_real_day():
    start = jalali_to_gregorian(1403, 12, 30)
    dates = rules.retention_dates(start, rules.Period(1, Y), rules.Period(1, Y), Disposal.DESTROY)
    assert format_jalali(dates.active_until) == "۱۴۰۴/۱۲/۲۹"
    assert format_jalali(dates.archive_until) == "۱۴۰۵/۱۲/۲۹"
