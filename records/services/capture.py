"""Records capture and correction: a draft, its files, its declaration, then corrections with a reason.

- ``create_record``, ``attach_file``, ``remove_file``, ``declare_record``: the steps people take (role gate)
- ``capture_record``: the three first steps at once, without the role gate, for other services
- ``correct_record``, ``set_record_subjects``: what may change after the declaration
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents.models import Document

from records import rules, uploads
from records.audit import record as audit
from records.choices import Phase
from records.models import Record, RecordFile, RetentionSeriesPage
from records.models.record import EDITABLE_FIELDS
from records.rules import RecordsRuleViolation, Rule
from records.services.collection import records_collection
from records.services.gates import RECORD_KEEPERS, refuse, require_role
from records.services.history import versioned


def _new_record(series: RetentionSeriesPage, *, by, reason: str, **fields) -> Record:
    """Create a draft (no role check, no audit: the callers do both)."""
    record = Record(series=series, created_by=by, **fields)
    record.full_clean(exclude=["series"])
    versioned(record, by, reason)
    record.save()
    return record


def _store_file(record: Record, checked, *, name: str, data: bytes, by, reason: str, document_title=None):
    """Store checked bytes in «سوابق» under a random name and remember their SHA-256 on the record."""
    extension = uploads.KINDS[checked.kind][0][0]
    document = Document(
        title=document_title or checked.name, collection=records_collection(), uploaded_by_user=by
    )
    document.file.save(f"{uuid.uuid4().hex}.{extension}", ContentFile(data), save=False)
    document.file_size = checked.size
    document.file_hash = hashlib.sha1(data).hexdigest()  # noqa: S324 - Wagtail's own etag field
    document.save()
    record_file = RecordFile(
        record=record,
        document=document,
        name=checked.name,
        original_name=str(name)[:255],
        kind=checked.kind,
        mime=checked.mime,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=by,
    )
    versioned(record_file, by, reason)
    record_file.save()
    return record_file


def _declare(record: Record, *, by, reason: str, today: dt.date | None = None) -> Record:
    """Check and declare a draft, put it in the phase the schedule says, audit it (no role check)."""
    try:
        rules.check_declaration(
            medium=record.medium,
            file_count=record.files.count(),
            physical_location=record.physical_location,
            already=record.is_declared,
        )
    except RecordsRuleViolation as exc:
        refuse(record, exc, by)
    record.declared_at = timezone.now()
    record.declared_by = by
    record.phase = Phase.ACTIVE  # the draft has no reason yet: it becomes a record now
    versioned(record, by, reason)
    Record.save(record)
    record.phase = rules.phase_on(record.retention(), today or timezone.localdate())
    if record.phase != Phase.ACTIVE:
        versioned(record, by, "تعیین مرحله نگهداری هنگام اعلام")
        record.save()
    audit(
        record,
        "records.record.declare",
        user=by,
        data={
            "files": [f.sha256 for f in record.files.all()],
            "phase": record.phase,
            # each file's id with its hash: integrity.verify checks the stored hash against this
            "record_files": {str(f.pk): f.sha256 for f in record.files.all()},
        },
    )
    return record


@transaction.atomic
def create_record(series: RetentionSeriesPage, *, by, **fields) -> Record:
    """A draft record in ``series``; its files are added next, then it is declared."""
    require_role(by, RECORD_KEEPERS, "ثبت سابقه")
    record = _new_record(series, by=by, reason="ثبت سابقه", **fields)
    audit(record, "records.record.create", user=by, data={"reference_number": record.reference_number})
    return record


@transaction.atomic
def attach_file(record: Record, *, name: str, data: bytes, by) -> RecordFile:
    """Check an upload from its bytes, store it in «سوابق» under a random name, remember its SHA-256."""
    require_role(by, RECORD_KEEPERS, "بارگذاری فایل سابقه", record)
    record = Record.objects.select_for_update().get(pk=record.pk)
    try:
        rules.check_files_frozen(declared=record.is_declared)
        checked = uploads.check_upload(name, data)
    except RecordsRuleViolation as exc:
        refuse(record, exc, by)
    record_file = _store_file(record, checked, name=name, data=data, by=by, reason="بارگذاری فایل")
    audit(
        record,
        "records.file.attach",
        user=by,
        data={
            "name": checked.name,
            "sha256": checked.sha256,
            "record_files": {str(record_file.pk): record_file.sha256},
        },
    )
    return record_file


@dataclass(frozen=True)
class CaptureReasons:
    """What the history says for each step of a capture."""

    create: str = "ثبت سابقه"
    attach: str = "بارگذاری فایل"
    declare: str = "اعلام سابقه"


@transaction.atomic
def capture_record(
    series: RetentionSeriesPage,
    *,
    by,
    name: str,
    data: bytes,
    today: dt.date | None = None,
    reasons: CaptureReasons = CaptureReasons(),
    document_title: str | None = None,
    **fields,
) -> Record:
    """Create, fill with one file and declare a record in one step, for another service of the system.

    No role gate: the caller has already decided who may file (e.g. an agency user filing evidence in
    the window of an evaluation cycle, ``records.evaluation.evidence``). The upload is checked from its
    bytes before anything is written; the models' guards hold as on every path; the declaration is
    audited with the file's SHA-256. ``document_title`` replaces the file name as the Wagtail document's
    title when the name must not show in document lists.
    """
    checked = uploads.check_upload(name, data)
    record = _new_record(series, by=by, reason=reasons.create, **fields)
    _store_file(
        record, checked, name=name, data=data, by=by, reason=reasons.attach, document_title=document_title
    )
    return _declare(record, by=by, reason=reasons.declare, today=today)


@transaction.atomic
def remove_file(record_file: RecordFile, *, by) -> None:
    record = record_file.record
    require_role(by, RECORD_KEEPERS, "برداشتن فایل سابقه", record)
    name, pk = record_file.name, record_file.pk
    record_file.delete()
    audit(record, "records.file.remove", user=by, data={"name": name, "removed_file": pk})


@transaction.atomic
def declare_record(record: Record, *, by) -> Record:
    """Fix a draft as a record: from now on its files never change and its metadata only with a reason."""
    require_role(by, RECORD_KEEPERS, "اعلام سابقه", record)
    record = Record.objects.select_for_update().get(pk=record.pk)
    return _declare(record, by=by, reason="اعلام سابقه")


@transaction.atomic
def correct_record(record: Record, *, by, reason: str, **changes) -> Record:
    """A metadata correction: a new history version with who, when and why."""
    require_role(by, RECORD_KEEPERS, "اصلاح مشخصات سابقه", record)
    record = Record.objects.select_for_update().get(pk=record.pk)
    editable = set(EDITABLE_FIELDS)
    unknown = set(changes) - editable
    if unknown:
        refuse(
            record,
            RecordsRuleViolation(
                Rule.DECLARED_IMMUTABLE, "این مشخصات با اصلاح تغییر نمی‌کند: " + "، ".join(sorted(unknown))
            ),
            by,
        )
    before = {name: str(getattr(record, name)) for name in changes}
    for name, value in changes.items():
        setattr(record, name, value)
    versioned(record, by, reason.strip())
    record.save()
    audit(
        record,
        "records.record.correct",
        user=by,
        data={"reason": reason.strip(), "before": before, "after": {k: str(v) for k, v in changes.items()}},
    )
    return record


@transaction.atomic
def set_record_subjects(record: Record, names: Iterable[str], *, by) -> Record:
    """Replace a record's subject keywords (issue #7 §1), audited with before and after.

    Subjects classify a record; they are not its content, so a declared record may be re-classified
    without a correction (its metadata and files stay as declared). A disposed record keeps its tombstone
    as it was.
    """
    require_role(by, RECORD_KEEPERS, "تعیین موضوعات سابقه", record)
    if record.is_disposed:
        refuse(
            record,
            RecordsRuleViolation(Rule.DECLARED_IMMUTABLE, "سابقه تعیین تکلیف‌شده موضوع تازه نمی‌گیرد."),
            by,
        )
    before = sorted(record.tags.names())
    record.tags.set(list(names), clear=False)
    after = sorted(record.tags.names())
    if before != after:
        audit(record, "records.record.subjects", user=by, data={"before": before, "after": after})
    return record
