"""Declared records: content and files never change, on any path; metadata only with a reason, versioned."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction
from wagtail.documents.models import Document

from records import services
from records.choices import Phase
from records.models import Record, RecordFile
from records.rules import RecordsRuleViolation
from tests.records import factories

pytestmark = pytest.mark.django_db


def test_a_metadata_correction_without_a_reason_is_refused_in_the_shell(record):
    record.title = "عنوان دیگر"
    with pytest.raises(RecordsRuleViolation) as exc:
        record.save()
    assert "دلیل" in str(exc.value)
    assert Record.objects.get(pk=record.pk).title != "عنوان دیگر"


def test_a_correction_with_a_reason_is_a_new_history_version_with_who_and_why(record, people):
    services.correct_record(record, by=people["records2"], reason="اصلاح غلط تایپی عنوان", title="عنوان درست")
    latest = Record.history.filter(id=record.pk).order_by("-history_date").first()
    assert latest.title == "عنوان درست"
    assert latest.history_change_reason == "اصلاح غلط تایپی عنوان"
    assert latest.history_user == people["records2"]
    assert Record.history.filter(id=record.pk).count() >= 3  # created, declared, corrected


def test_correcting_the_record_date_recomputes_the_retention_dates(record, people):
    before = record.disposition_due_on
    services.correct_record(
        record,
        by=people["records"],
        reason="تاریخ نامه اشتباه ثبت شده بود",
        record_date=record.record_date + dt.timedelta(days=400),
    )
    record.refresh_from_db()
    assert record.disposition_due_on > before


def test_a_bulk_update_of_declared_records_is_refused(record):
    with pytest.raises(RecordsRuleViolation):
        Record.objects.filter(pk=record.pk).update(title="دور زدن")
    assert Record.objects.get(pk=record.pk).title != "دور زدن"


def test_no_file_is_added_to_or_removed_from_a_declared_record(record, people):
    with pytest.raises(RecordsRuleViolation):
        services.attach_file(record, name="افزوده.pdf", data=factories.PDF, by=people["records"])
    record_file = record.files.get()
    with pytest.raises(RecordsRuleViolation):
        services.remove_file(record_file, by=people["records"])
    with pytest.raises(RecordsRuleViolation):
        record_file.delete()
    record_file.sha256 = "0" * 64
    with pytest.raises(RecordsRuleViolation):
        record_file.save()
    assert record.files.count() == 1


def test_the_wagtail_document_of_a_declared_record_cannot_be_replaced_or_deleted(record):
    from django.core.files.base import ContentFile

    document = record.files.get().document
    document.file.save("other.pdf", ContentFile(b"%PDF-1.4 other"), save=False)
    with pytest.raises(PermissionDenied):
        document.save()
    document = Document.objects.get(pk=record.files.get().document_id)
    with pytest.raises(PermissionDenied), transaction.atomic():
        document.delete()
    with pytest.raises(PermissionDenied), transaction.atomic():
        Document.objects.filter(pk=document.pk).delete()
    assert Document.objects.filter(pk=document.pk).exists()


def test_a_declared_record_is_never_deleted(record):
    with pytest.raises(RecordsRuleViolation):
        record.delete()
    with pytest.raises(RecordsRuleViolation):
        Record.objects.filter(pk=record.pk).delete()
    assert Record.objects.filter(pk=record.pk).exists()


def test_a_declared_record_does_not_go_back_to_draft(record):
    record.phase = Phase.DRAFT
    record._change_reason = "برگرداندن"
    with pytest.raises(RecordsRuleViolation):
        record.save()


def test_a_draft_record_with_files_can_be_deleted_with_its_documents(series, people):
    draft = factories.draft_record(series, people["records"])
    record_file = services.attach_file(draft, name="پیش.pdf", data=factories.PDF, by=people["records"])
    document_id = record_file.document_id
    draft.delete()
    assert not Document.objects.filter(pk=document_id).exists()
    assert not RecordFile.objects.filter(pk=record_file.pk).exists()


def test_an_electronic_record_without_files_is_not_declared(series, people):
    draft = factories.draft_record(series, people["records"])
    with pytest.raises(RecordsRuleViolation) as exc:
        services.declare_record(draft, by=people["records"])
    assert "فایل" in str(exc.value)


def test_a_paper_record_needs_its_physical_location_to_be_declared(series, people):
    from records.choices import Medium

    draft = factories.draft_record(series, people["records"], medium=Medium.PAPER)
    with pytest.raises(RecordsRuleViolation):
        services.declare_record(draft, by=people["records"])
    draft.physical_location = "بایگانی مرکزی، قفسه ۳، زونکن ۱۲"
    draft.save()
    assert services.declare_record(draft, by=people["records"]).is_declared


def test_an_agency_user_cannot_create_records(series, people):
    with pytest.raises(PermissionDenied):
        factories.draft_record(series, people["agency"])
