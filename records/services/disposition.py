"""Disposition: a batch of due records is prepared, approved by a second person, then executed
(destroy, transfer, keep), leaving tombstones and a certificate kept as a record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents.models import Document

from accounts.models import display_name
from accounts.roles import Role
from jalali.calendar import format_jalali, format_jalali_datetime
from jalali.digits import to_persian_digits
from records import rules, uploads
from records.audit import record as audit
from records.choices import BatchStatus, Disposal, Medium, Method, Phase
from records.models import (
    DispositionBatch,
    DispositionItem,
    Record,
    RecordFile,
    RetentionRegisterPage,
    RetentionSeriesPage,
)
from records.packages import build_package, verify_package
from records.rules import RecordsRuleViolation, Rule
from records.services.collection import records_collection
from records.services.gates import SECOND_PERSONS, refuse, require_role
from records.services.history import versioned


def _open_item_exists(record: Record) -> bool:
    return DispositionItem.objects.filter(
        record_id=record.pk, batch__status__in=[BatchStatus.PREPARED, BatchStatus.APPROVED]
    ).exists()


@transaction.atomic
def prepare_batch(
    records: Iterable[Record],
    *,
    by,
    title: str,
    decisions: dict[int, str] | None = None,
    note: str = "",
    today: dt.date | None = None,
) -> DispositionBatch:
    """The records manager lists due records and what happens to each; nothing happens until approved."""
    require_role(by, (Role.RECORDS_MANAGER,), "تهیه فهرست تعیین تکلیف")
    today = today or timezone.localdate()
    decisions = decisions or {}
    records = list(Record.objects.filter(pk__in=[r.pk for r in records]).select_related("series"))
    problems = []
    methods = {}
    if not records:
        problems.append("هیچ سابقه‌ای انتخاب نشده است.")
    for record in records:
        try:
            rules.check_due(phase=record.phase, due_on=record.disposition_due_on, today=today)
            rules.check_not_on_hold(record.hold_facts(), "تعیین تکلیف")
            if _open_item_exists(record):
                raise RecordsRuleViolation(Rule.BATCH_STATE, "این سابقه در فهرست تعیین تکلیف دیگری است.")
            methods[record.pk] = rules.method_for(record.series.disposal, decisions.get(record.pk))
        except RecordsRuleViolation as exc:
            problems.append(f"{record.reference_number}: {exc.message}")
    if problems:
        raise RecordsRuleViolation(Rule.NOT_DUE, "فهرست تهیه نشد: " + " | ".join(problems))
    batch = DispositionBatch(title=title.strip() or "فهرست تعیین تکلیف", note=note, prepared_by=by)
    versioned(batch, by, "تهیه فهرست")
    batch.save()
    for record in records:
        item = DispositionItem(batch=batch, record=record, method=methods[record.pk])
        versioned(item, by, "تهیه فهرست")
        item.save()
    audit(batch, "records.batch.prepare", user=by, data={"records": [r.reference_number for r in records]})
    return batch


@transaction.atomic
def approve_batch(batch: DispositionBatch, *, by) -> DispositionBatch:
    """A person other than the preparer approves the batch."""
    batch = DispositionBatch.objects.select_for_update().get(pk=batch.pk)
    require_role(by, SECOND_PERSONS, "تایید فهرست تعیین تکلیف", batch)
    try:
        rules.check_batch_transition(batch.status, BatchStatus.APPROVED)
        rules.check_second_person(batch.prepared_by_id, by.pk, what="فهرست تعیین تکلیف")
    except RecordsRuleViolation as exc:
        refuse(batch, exc, by)
    batch.status = BatchStatus.APPROVED
    batch.approved_by = by
    batch.approved_at = timezone.now()
    versioned(batch, by, "تایید فهرست")
    batch.save()
    audit(batch, "records.batch.approve", user=by)
    return batch


@transaction.atomic
def cancel_batch(batch: DispositionBatch, *, by, reason: str = "") -> DispositionBatch:
    batch = DispositionBatch.objects.select_for_update().get(pk=batch.pk)
    require_role(by, SECOND_PERSONS, "لغو فهرست تعیین تکلیف", batch)
    try:
        rules.check_batch_transition(batch.status, BatchStatus.CANCELLED)
    except RecordsRuleViolation as exc:
        refuse(batch, exc, by)
    batch.status = BatchStatus.CANCELLED
    batch.cancelled_by = by
    batch.cancelled_at = timezone.now()
    versioned(batch, by, reason or "لغو فهرست")
    batch.save()
    audit(batch, "records.batch.cancel", user=by, data={"reason": reason})
    return batch


def _remove_content(record: Record, *, by, why: str) -> None:
    """Unlink and delete each stored file; the RecordFile row stays as its tombstone."""
    now = timezone.now()
    for record_file in record.files.filter(removed_at__isnull=True).select_related("document"):
        document = record_file.document
        record_file.document = None
        record_file.removed_at = now
        versioned(record_file, by, why)
        record_file.save()
        if document is not None:
            name, storage = document.file.name, document.file.storage
            document.delete()
            transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))


def ensure_certificate_series() -> RetentionSeriesPage:
    """The series certificates are kept in (made on first use under the register, kept permanently)."""
    code = settings.RECORDS_CERTIFICATE_SERIES_CODE
    series = RetentionSeriesPage.objects.filter(code=code).first()
    if series is not None:
        return series
    register = RetentionRegisterPage.objects.first()
    if register is None:
        raise RecordsRuleViolation(Rule.BATCH_STATE, "جدول نگهداری سوابق ساخته نشده است.")
    series = register.add_child(
        instance=RetentionSeriesPage(
            title="گواهی‌های تعیین تکلیف سوابق",
            slug="disposition-certificates",
            code=code,
            medium=Medium.ELECTRONIC,
            active_amount=5,
            archive_amount=0,
            disposal=Disposal.KEEP,
            active_place="سامانه سند",
            custodian_unit="بایگانی مرکزی",
            custodian_role=Role.RECORDS_MANAGER.name,
            description="گواهی هر فهرست تعیین تکلیف اجراشده، خود سابقه‌ای است که برای همیشه نگهداری می‌شود.",
        )
    )
    series.save_revision().publish()
    return series


def certificate_text(batch: DispositionBatch, items: list[DispositionItem], package_sha256: str) -> str:
    """The certificate: what was disposed of, when, by whom, how."""
    lines = [
        "گواهی تعیین تکلیف سوابق",
        "=" * 24,
        f"فهرست: {batch.title} (شماره {to_persian_digits(batch.pk)})",
        f"تهیه‌کننده: {display_name(batch.prepared_by)} — {format_jalali_datetime(batch.prepared_at)}",
        f"تاییدکننده: {display_name(batch.approved_by)} — {format_jalali_datetime(batch.approved_at)}",
        f"اجراکننده: {display_name(batch.executed_by)} — {format_jalali_datetime(batch.executed_at)}",
        "",
        "سوابق:",
    ]
    for index, item in enumerate(items, start=1):
        record = item.record
        files = (
            "، ".join(f"{f.name} (SHA-256: {f.sha256})" for f in record.files.all()) or "بدون فایل (کاغذی)"
        )
        lines.append(
            f"{to_persian_digits(index)}. {record.reference_number} — {record.title} — ردیف {record.series.code} — "
            f"موعد {format_jalali(record.disposition_due_on)} — اقدام: {item.get_method_display()} — فایل‌ها: {files}"
        )
    if package_sha256:
        lines += ["", f"بسته انتقال به آرشیو: {batch.package.name} — SHA-256: {package_sha256}"]
    lines += ["", "این گواهی خود به عنوان سابقه در ردیف گواهی‌های تعیین تکلیف نگهداری می‌شود."]
    return "\n".join(lines) + "\n"


@transaction.atomic
def execute_batch(batch: DispositionBatch, *, by, today: dt.date | None = None) -> DispositionBatch:
    """Destroy, transfer or keep each record of an approved batch, then keep a certificate as a record.

    Every record is checked again first (a hold placed after approval freezes the whole batch); if
    any is refused, nothing is done and every problem is listed.
    """
    batch = DispositionBatch.objects.select_for_update().get(pk=batch.pk)
    require_role(by, (Role.RECORDS_MANAGER,), "اجرای تعیین تکلیف", batch)
    today = today or timezone.localdate()
    try:
        rules.check_batch_transition(batch.status, BatchStatus.EXECUTED)
    except RecordsRuleViolation as exc:
        refuse(batch, exc, by)
    items = list(batch.items.select_related("record", "record__series").order_by("pk"))
    problems = []
    for item in items:
        record = Record.objects.select_for_update().get(pk=item.record_id)
        try:
            rules.check_not_on_hold(record.hold_facts(), "تعیین تکلیف")
            rules.check_due(phase=record.phase, due_on=record.disposition_due_on, today=today)
        except RecordsRuleViolation as exc:
            problems.append(f"{record.reference_number}: {exc.message}")
    if problems:
        refuse(batch, RecordsRuleViolation(Rule.ON_HOLD, "تعیین تکلیف اجرا نشد: " + " | ".join(problems)), by)

    now = timezone.now()
    batch.executed_by = by
    batch.executed_at = now
    package_sha256 = ""
    transfers = [item.record for item in items if item.method == Method.TRANSFER]
    if transfers:
        data = build_package(batch, transfers)
        report = verify_package(data)
        if not report.ok:
            refuse(batch, RecordsRuleViolation(Rule.BATCH_STATE, "بسته انتقال ساخته شد ولی وارسی نشد."), by)
        package_sha256 = hashlib.sha256(data).hexdigest()
        batch.package.save(f"transfer-{batch.pk}-{uuid.uuid4().hex[:8]}.zip", ContentFile(data), save=False)
        batch.package_sha256 = package_sha256

    for item in items:
        record = Record.objects.get(pk=item.record_id)
        why = f"تعیین تکلیف طبق فهرست {batch.pk}: {item.get_method_display()}"
        if item.method in (Method.DESTROY, Method.TRANSFER):
            _remove_content(record, by=by, why=why)
            record.phase = Phase.DESTROYED if item.method == Method.DESTROY else Phase.TRANSFERRED
        else:
            record.phase = Phase.PERMANENT
        versioned(record, by, why)
        record.save()
        item.done_at = now
        versioned(item, by, why)
        item.save()
        audit(record, "records.disposed", user=by, data={"batch": batch.pk, "method": item.method})

    certificate = Record(
        series=ensure_certificate_series(),
        title=f"گواهی تعیین تکلیف — {batch.title}",
        reference_number=f"گواهی-{to_persian_digits(batch.pk)}-{format_jalali(today, 'ascii').replace('/', '')}",
        record_date=today,
        medium=Medium.ELECTRONIC,
        created_by=by,
    )
    versioned(certificate, by, "گواهی تعیین تکلیف")
    certificate.save()
    text = certificate_text(batch, items, package_sha256)
    _attach_generated(certificate, f"گواهی-تعیین-تکلیف-{batch.pk}.txt", text.encode("utf-8"), by)
    certificate.declared_at = now
    certificate.declared_by = by
    certificate.phase = Phase.ACTIVE
    versioned(certificate, by, "اعلام گواهی تعیین تکلیف")
    certificate.save()

    batch.status = BatchStatus.EXECUTED
    batch.certificate = certificate
    versioned(batch, by, "اجرای تعیین تکلیف")
    batch.save()
    audit(
        batch,
        "records.batch.execute",
        user=by,
        data={
            "certificate": certificate.pk,
            "package_sha256": package_sha256,
            "record_files": {str(f.pk): f.sha256 for f in certificate.files.all()},
        },
    )
    return batch


def _attach_generated(record: Record, name: str, data: bytes, by) -> RecordFile:
    """A file the system writes itself (a certificate) goes through the same checks as any upload."""
    checked = uploads.check_upload(name, data)
    document = Document(title=checked.name, collection=records_collection(), uploaded_by_user=by)
    document.file.save(
        f"{uuid.uuid4().hex}.{uploads.KINDS[checked.kind][0][0]}", ContentFile(data), save=False
    )
    document.file_size = checked.size
    document.save()
    record_file = RecordFile(
        record=record,
        document=document,
        name=checked.name,
        original_name=name,
        kind=checked.kind,
        mime=checked.mime,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=by,
    )
    versioned(record_file, by, "فایل گواهی")
    record_file.save()
    return record_file
