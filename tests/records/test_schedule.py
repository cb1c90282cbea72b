"""Series pages: §6 rows filled from them, and a changed schedule recomputes its records' dates."""

import pytest

from jalali.calendar import format_jalali
from records.choices import PeriodUnit
from tests.factories import new_procedure, site_tree

pytestmark = pytest.mark.django_db


def test_a_linked_section_6_row_shows_the_series_and_an_unlinked_row_its_own_text(series):
    _, procedures, _ = site_tree()
    page = new_procedure(
        procedures,
        records_list=[
            ("record", {"series": series}),
            (
                "record",
                {"name": "دفتر ثبت نامه‌ها", "code": "د-۰۱", "medium": "paper", "active_period": "۱ سال"},
            ),
        ],
    )
    linked, typed = (child.value.row() for child in page.records_list)
    assert linked["linked"] and linked["name"] == series.title and linked["code"] == series.code
    assert linked["active_period"] == "۲ سال" and linked["archive_period"] == "۳ سال"
    assert linked["disposal"] == "امحا" and "دبیرخانه" in linked["custodian"]
    assert "جاری: واحد ارزیابی عملکرد" in linked["place"]
    assert not typed["linked"] and typed["name"] == "دفتر ثبت نامه‌ها" and typed["active_period"] == "۱ سال"


def test_a_row_with_neither_series_nor_name_is_refused_in_the_editor():
    from django.core.exceptions import ValidationError

    from procedures.blocks import RecordRowBlock

    block = RecordRowBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"name": ""}))


def test_publishing_a_longer_period_moves_the_records_due_date(record, series, people):
    before = record.disposition_due_on
    series.active_amount = 4
    series.active_unit = PeriodUnit.YEARS
    series.save_revision(user=people["records"]).publish(user=people["records"])
    record.refresh_from_db()
    assert record.disposition_due_on > before
    assert format_jalali(record.disposition_due_on) == "۱۴۰۴/۰۱/۰۱"  # 1397/01/01 + 4 + 3 years


def test_a_series_with_records_is_not_deleted_in_the_shell(record, series):
    from records.models import RetentionSeriesPage
    from records.rules import RecordsRuleViolation

    with pytest.raises(RecordsRuleViolation):
        RetentionSeriesPage.objects.get(pk=series.pk).delete()
    assert RetentionSeriesPage.objects.filter(pk=series.pk).exists()
