"""verify_fixity catches a tampered file; apply_retention is a dry run unless told to apply."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from jalali.calendar import parse_jalali
from records import services
from records.choices import HoldKind, Phase
from records.models import Record
from tests.records import factories

pytestmark = pytest.mark.django_db


def test_verify_fixity_passes_on_untouched_files(record):
    out = io.StringIO()
    call_command("verify_fixity", "--no-progress", stdout=out)
    assert "ناسازگار: ۰" in out.getvalue()


def test_a_tampered_file_is_caught_by_verify_fixity(record):
    path = record.files.get().document.file.path
    with open(path, "ab") as handle:
        handle.write(b"tampered")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("verify_fixity", "--no-progress", stdout=out)
    assert "چکیده" in out.getvalue() and "گزارش.pdf" in out.getvalue()


def test_a_missing_file_is_caught_by_verify_fixity(record):
    import os

    os.remove(record.files.get().document.file.path)
    with pytest.raises(CommandError):
        call_command("verify_fixity", "--no-progress", stdout=io.StringIO())


@pytest.fixture
def aging(series, people):
    """Declared on 1400/01/01 with 2 + 3 years: active until 1402/01/01, archive until 1405/01/01."""
    record = factories.declared_record(series, people["records"], when=parse_jalali("1400/01/01"))
    return record


def _at(record, phase):
    """Put a record back into ``phase`` the way the command found it (history says why)."""
    record.phase = phase
    record._change_reason = "آماده‌سازی آزمون"
    record.save()


def test_apply_retention_without_apply_changes_nothing(aging):
    _at(aging, Phase.ACTIVE)
    out = io.StringIO()
    call_command("apply_retention", "--date", "1403/01/01", "--no-progress", stdout=out)
    assert "اجرای آزمایشی" in out.getvalue() and "جاری → راکد" in out.getvalue()
    assert Record.objects.get(pk=aging.pk).phase == Phase.ACTIVE


def test_apply_retention_moves_records_and_reports_the_due_month(aging):
    _at(aging, Phase.ACTIVE)
    call_command("apply_retention", "--apply", "--date", "1403/01/01", "--no-progress", stdout=io.StringIO())
    assert Record.objects.get(pk=aging.pk).phase == Phase.ARCHIVE
    out = io.StringIO()
    call_command("apply_retention", "--apply", "--date", "1405/01/10", "--no-progress", stdout=out)
    assert Record.objects.get(pk=aging.pk).phase == Phase.DUE
    assert "فروردین ۱۴۰۵" in out.getvalue() and aging.reference_number in out.getvalue()
    latest = Record.history.filter(id=aging.pk).order_by("-history_date").first()
    assert "اجرای جدول نگهداری" in latest.history_change_reason


def test_apply_retention_marks_held_records_among_the_due(record, people):
    services.place_hold(record=record, kind=HoldKind.AUDIT, reason="ممیزی", by=people["records"])
    out = io.StringIO()
    call_command("apply_retention", "--no-progress", stdout=out)
    assert "(در توقیف)" in out.getvalue()


def test_apply_retention_refuses_a_malformed_jalali_date():
    with pytest.raises(CommandError) as exc:
        call_command("apply_retention", "--date", "1403/13/01", "--no-progress", stdout=io.StringIO())
    assert "ماه" in str(exc.value)


def test_due_in_month_finds_records_by_jalali_month(record):
    from jalali.calendar import to_jalali_parts

    year, month, _ = to_jalali_parts(record.disposition_due_on)
    assert Record.objects.due_in_month(year, month).filter(pk=record.pk).exists()
    assert not Record.objects.due_in_month(year - 1, month).filter(pk=record.pk).exists()
    assert timezone.localdate() >= record.disposition_due_on
