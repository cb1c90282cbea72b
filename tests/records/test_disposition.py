"""Disposition: two people, execution per method, tombstones, transfer packages and certificates."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.documents.models import Document

from records import services
from records.choices import BatchStatus, Disposal, Phase
from records.models import DispositionBatch, Record
from records.packages import MANIFEST, verify_package
from records.rules import RecordsRuleViolation
from tests.records import factories

pytestmark = pytest.mark.django_db


def test_the_preparer_cannot_approve_their_own_batch(record, people):
    batch = services.prepare_batch([record], by=people["records"], title="امحای سوابق ۱۳۹۷")
    with pytest.raises(RecordsRuleViolation) as exc:
        services.approve_batch(batch, by=people["records"])
    assert "شخص دیگری" in str(exc.value)
    assert DispositionBatch.objects.get(pk=batch.pk).status == BatchStatus.PREPARED


def test_the_database_refuses_a_batch_approved_by_its_preparer(record, people):
    from django.db import IntegrityError, transaction

    batch = services.prepare_batch([record], by=people["records"], title="امحا")
    with pytest.raises(IntegrityError), transaction.atomic():
        DispositionBatch._base_manager.filter(pk=batch.pk).update(approved_by=people["records"])


def test_an_unapproved_batch_is_not_executed(record, people):
    batch = services.prepare_batch([record], by=people["records"], title="امحا")
    with pytest.raises(RecordsRuleViolation):
        services.execute_batch(batch, by=people["records"])


def test_a_record_not_yet_due_is_not_put_in_a_batch(series, people):
    fresh = factories.declared_record(series, people["records"], when=timezone.localdate())
    with pytest.raises(RecordsRuleViolation) as exc:
        services.prepare_batch([fresh], by=people["records"], title="زودهنگام")
    assert "نرسیده" in str(exc.value)


def test_destruction_removes_the_files_and_keeps_a_tombstone_and_a_certificate(record, people):
    record_file = record.files.get()
    document_id, sha = record_file.document_id, record_file.sha256
    batch = services.prepare_batch([record], by=people["records"], title="امحای ۱۴۰۳")
    services.approve_batch(batch, by=people["approver"])
    batch = services.execute_batch(batch, by=people["records"])

    record.refresh_from_db()
    assert record.phase == Phase.DESTROYED and record.title  # the metadata stays
    tombstone = record.files.get()
    assert tombstone.document is None and tombstone.removed_at and tombstone.sha256 == sha
    assert not Document.objects.filter(pk=document_id).exists()

    certificate = batch.certificate
    assert certificate.is_declared and certificate.series.disposal == Disposal.KEEP
    text = certificate.files.get().document.file.open("rb").read().decode()
    assert record.reference_number in text and "امحا" in text and sha in text
    assert batch.status == BatchStatus.EXECUTED and batch.executed_by == people["records"]


def test_a_destroyed_records_tombstone_never_changes(record, people):
    batch = services.prepare_batch([record], by=people["records"], title="امحا")
    services.approve_batch(batch, by=people["approver"])
    services.execute_batch(batch, by=people["records"])
    record.refresh_from_db()
    record.title = "بازنویسی"
    record._change_reason = "اصلاح"
    with pytest.raises(RecordsRuleViolation):
        record.save()


def test_transfer_builds_a_package_that_verifies(register, people):
    series = factories.series(register, disposal=Disposal.TRANSFER)
    record = factories.declared_record(series, people["records"], name="صورت‌جلسه.pdf")
    batch = services.prepare_batch([record], by=people["records"], title="انتقال به آرشیو")
    services.approve_batch(batch, by=people["approver"])
    batch = services.execute_batch(batch, by=people["records"])
    record.refresh_from_db()
    assert record.phase == Phase.TRANSFERRED
    data = batch.package.open("rb").read()
    report = verify_package(data)
    assert report.ok and report.checked == 2
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert "metadata.json" in names and MANIFEST in names
    assert any(n.endswith("صورت‌جلسه.pdf") for n in names)
    call_command("verify_package", batch.package.path)


def test_a_tampered_package_does_not_verify(register, people, tmp_path):
    series = factories.series(register, disposal=Disposal.TRANSFER)
    record = factories.declared_record(series, people["records"])
    batch = services.prepare_batch([record], by=people["records"], title="انتقال")
    services.approve_batch(batch, by=people["approver"])
    batch = services.execute_batch(batch, by=people["records"])
    original = zipfile.ZipFile(io.BytesIO(batch.package.open("rb").read()))
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(tampered, "w") as out:
        for name in original.namelist():
            data = original.read(name)
            if name.startswith("files/"):
                data = data + b"tampered"
            out.writestr(name, data)
    report = verify_package(tampered.read_bytes())
    assert not report.ok and any("نمی‌خواند" in p for p in report.problems)
    with pytest.raises(CommandError):
        call_command("verify_package", str(tampered))


def test_keep_moves_the_record_to_permanent_keeping_its_files(register, people):
    series = factories.series(register, disposal=Disposal.REVIEW)
    record = factories.declared_record(series, people["records"])
    with pytest.raises(RecordsRuleViolation):
        services.prepare_batch([record], by=people["records"], title="بررسی")  # review needs a decision
    batch = services.prepare_batch(
        [record], by=people["records"], title="بررسی", decisions={record.pk: "keep"}
    )
    services.approve_batch(batch, by=people["records2"])
    services.execute_batch(batch, by=people["records"])
    record.refresh_from_db()
    assert record.phase == Phase.PERMANENT and record.files.get().document is not None


def test_a_record_is_in_one_open_batch_at_a_time(record, people):
    services.prepare_batch([record], by=people["records"], title="نخست")
    with pytest.raises(RecordsRuleViolation):
        services.prepare_batch([record], by=people["records"], title="دوم")


def test_a_cancelled_batch_frees_its_records(record, people):
    batch = services.prepare_batch([record], by=people["records"], title="نخست")
    services.cancel_batch(batch, by=people["approver"], reason="اشتباه")
    assert services.prepare_batch([record], by=people["records"], title="دوم").items.count() == 1


def test_batches_are_never_deleted(record, people):
    batch = services.prepare_batch([record], by=people["records"], title="نخست")
    with pytest.raises(RecordsRuleViolation):
        batch.delete()
    assert Record.objects.filter(pk=record.pk).exists()
