"""The writes of records management, each atomic and audited. Every path (admin, command, shell) calls these.

- records: ``create_record``, ``attach_file``, ``remove_file``, ``declare_record``, ``correct_record``;
  ``capture_record`` (the three first steps at once, without the role gate, for other services)
- holds: ``place_hold``, ``request_release``, ``decide_release``
- disposition: ``prepare_batch``, ``approve_batch``, ``cancel_batch``, ``execute_batch``
- schedule: ``apply_retention``, ``refresh_series_dates``

The models refuse what breaks a rule on any path; these functions add the rules about people
(roles, two persons), write the audit log and keep history versions with who and why.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from accounts.models import display_name
from accounts.roles import Role, ensure_role_groups, has_role
from jalali.calendar import format_jalali, format_jalali_datetime
from jalali.digits import to_persian_digits
from records import rules, uploads
from records.audit import record as audit
from records.choices import BatchStatus, Disposal, HoldKind, HoldScope, HoldStatus, Medium, Method, Phase
from records.models import DispositionBatch, DispositionItem, Hold, Record, RecordFile, RetentionSeriesPage
from records.rules import RecordsRuleViolation, Rule

RECORD_KEEPERS = (Role.RECORDS_MANAGER, Role.QUALITY_OFFICER)
HOLD_PLACERS = (Role.RECORDS_MANAGER, Role.QUALITY_OFFICER, Role.APPROVER)
SECOND_PERSONS = (Role.RECORDS_MANAGER, Role.APPROVER)


def _refuse(instance, exc: RecordsRuleViolation, user) -> None:
    from procedures.audit import record_refusal

    record_refusal(instance, exc, user=user)
    raise exc


def _require_role(user, roles: Iterable[Role], what: str, instance=None) -> None:
    if user is not None and (user.is_superuser or any(has_role(user, r) for r in roles)):
        return
    names = "، ".join(r.value for r in roles)
    exc = RecordsRuleViolation(Rule.ROLE, f"{what} با {names} است.")
    if instance is not None and getattr(instance, "pk", None):
        _refuse(instance, exc, user)
    raise exc


#: The length of django-simple-history's ``history_change_reason`` column (varchar on PostgreSQL).
HISTORY_REASON_LENGTH = 100


def clip_reason(reason: str) -> str:
    """A reason that fits the history column; the whole text stays in the audit log and the model."""
    reason = " ".join(str(reason).split())
    return reason if len(reason) <= HISTORY_REASON_LENGTH else reason[: HISTORY_REASON_LENGTH - 1] + "…"


def _versioned(instance, user, reason: str):
    """Say who and why for the history version the next ``save`` writes."""
    instance._history_user = user
    instance._change_reason = clip_reason(reason)
    return instance


# --- the protected collection ----------------------------------------------------------------------


def records_collection() -> Collection:
    """«سوابق»: where record files live; only records staff and auditors may open its documents."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=settings.RECORDS_COLLECTION_NAME).first()
    if collection is None:
        collection = root.add_child(name=settings.RECORDS_COLLECTION_NAME)
    restriction = CollectionViewRestriction.objects.filter(collection=collection).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        groups = ensure_role_groups()
        restriction.groups.set(
            [groups[Role.RECORDS_MANAGER], groups[Role.AUDITOR], groups[Role.QUALITY_OFFICER]]
        )
    return collection


def may_read_record_files(user) -> bool:
    return bool(
        user and user.is_authenticated and (user.is_superuser or user.has_perm("records.view_record"))
    )


# --- records ---------------------------------------------------------------------------------------


def _new_record(series: RetentionSeriesPage, *, by, reason: str, **fields) -> Record:
    """Create a draft (no role check, no audit: the callers do both)."""
    record = Record(series=series, created_by=by, **fields)
    record.full_clean(exclude=["series"])
    _versioned(record, by, reason)
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
    _versioned(record_file, by, reason)
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
        _refuse(record, exc, by)
    record.declared_at = timezone.now()
    record.declared_by = by
    record.phase = Phase.ACTIVE  # the draft has no reason yet: it becomes a record now
    _versioned(record, by, reason)
    Record.save(record)
    record.phase = rules.phase_on(record.retention(), today or timezone.localdate())
    if record.phase != Phase.ACTIVE:
        _versioned(record, by, "تعیین مرحله نگهداری هنگام اعلام")
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
    _require_role(by, RECORD_KEEPERS, "ثبت سابقه")
    record = _new_record(series, by=by, reason="ثبت سابقه", **fields)
    audit(record, "records.record.create", user=by, data={"reference_number": record.reference_number})
    return record


@transaction.atomic
def attach_file(record: Record, *, name: str, data: bytes, by) -> RecordFile:
    """Check an upload from its bytes, store it in «سوابق» under a random name, remember its SHA-256."""
    _require_role(by, RECORD_KEEPERS, "بارگذاری فایل سابقه", record)
    record = Record.objects.select_for_update().get(pk=record.pk)
    try:
        rules.check_files_frozen(declared=record.is_declared)
        checked = uploads.check_upload(name, data)
    except RecordsRuleViolation as exc:
        _refuse(record, exc, by)
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
    _require_role(by, RECORD_KEEPERS, "برداشتن فایل سابقه", record)
    name, pk = record_file.name, record_file.pk
    record_file.delete()
    audit(record, "records.file.remove", user=by, data={"name": name, "removed_file": pk})


@transaction.atomic
def declare_record(record: Record, *, by) -> Record:
    """Fix a draft as a record: from now on its files never change and its metadata only with a reason."""
    _require_role(by, RECORD_KEEPERS, "اعلام سابقه", record)
    record = Record.objects.select_for_update().get(pk=record.pk)
    return _declare(record, by=by, reason="اعلام سابقه")


@transaction.atomic
def correct_record(record: Record, *, by, reason: str, **changes) -> Record:
    """A metadata correction: a new history version with who, when and why."""
    _require_role(by, RECORD_KEEPERS, "اصلاح مشخصات سابقه", record)
    record = Record.objects.select_for_update().get(pk=record.pk)
    editable = {
        "title",
        "reference_number",
        "record_date",
        "end_date",
        "medium",
        "physical_location",
        "trigger_date",
        "notes",
        "series",
    }
    unknown = set(changes) - editable
    if unknown:
        _refuse(
            record,
            RecordsRuleViolation(
                Rule.DECLARED_IMMUTABLE, "این مشخصات با اصلاح تغییر نمی‌کند: " + "، ".join(sorted(unknown))
            ),
            by,
        )
    before = {name: str(getattr(record, name)) for name in changes}
    for name, value in changes.items():
        setattr(record, name, value)
    _versioned(record, by, reason.strip())
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
    _require_role(by, RECORD_KEEPERS, "تعیین موضوعات سابقه", record)
    if record.is_disposed:
        _refuse(
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


# --- holds -----------------------------------------------------------------------------------------


def may_place_hold(user) -> bool:
    """Records staff, quality officers and approvers place holds and ask for their release."""
    return bool(
        user
        and user.is_authenticated
        and (user.is_superuser or any(has_role(user, role) for role in HOLD_PLACERS))
    )


_HOLD_SCOPE_LABEL = "توقیف یا بر یک سابقه است، یا بر یک ردیف جدول نگهداری، یا بر یک دوره ارزیابی."


@transaction.atomic
def place_hold(
    *,
    by,
    kind: str,
    reason: str,
    record: Record | None = None,
    series=None,
    cycle=None,
    reference: str = "",
) -> Hold:
    """Freeze disposition and deletion of a record, a whole series or every record of an evaluation cycle."""
    targets = [
        (scope, t)
        for scope, t in ((HoldScope.RECORD, record), (HoldScope.SERIES, series), (HoldScope.CYCLE, cycle))
        if t is not None
    ]
    target = targets[0][1] if targets else None
    _require_role(by, HOLD_PLACERS, "توقیف سوابق", target)
    try:
        if len(targets) != 1:
            raise RecordsRuleViolation(Rule.HOLD_STATE, _HOLD_SCOPE_LABEL)
        rules.check_hold_reason(reason)
        if kind not in HoldKind.values:
            raise RecordsRuleViolation(
                Rule.HOLD_STATE, "نوع توقیف باید ممیزی، حقوقی یا اعتراض در جریان باشد."
            )
        if record is not None and record.is_disposed:
            raise RecordsRuleViolation(Rule.HOLD_STATE, "این سابقه پیش‌تر تعیین تکلیف شده و توقیف‌پذیر نیست.")
    except RecordsRuleViolation as exc:
        if target is not None and getattr(target, "pk", None):
            _refuse(target, exc, by)
        raise
    hold = Hold(
        scope=targets[0][0],
        record=record,
        series=series,
        cycle=cycle,
        kind=kind,
        reason=reason.strip(),
        reference=reference.strip(),
        placed_by=by,
    )
    hold.full_clean()
    _versioned(hold, by, reason.strip())
    hold.save()
    audit(
        hold,
        "records.hold.place",
        user=by,
        data={"kind": kind, "reason": hold.reason, "target": hold.target_label},
    )
    if record is not None:
        audit(record, "records.hold.place", user=by, data={"kind": kind, "reason": hold.reason})
    return hold


@transaction.atomic
def request_release(hold: Hold, *, by, reason: str) -> Hold:
    """Ask to lift a hold; it stays in force until a second person approves."""
    hold = Hold.objects.select_for_update().get(pk=hold.pk)
    _require_role(by, HOLD_PLACERS, "درخواست رفع توقیف", hold)
    try:
        rules.check_hold_reason(reason)
        if hold.status != HoldStatus.ACTIVE:
            raise RecordsRuleViolation(
                Rule.HOLD_STATE, "برای این توقیف درخواست رفع در جریان است یا رفع شده است."
            )
    except RecordsRuleViolation as exc:
        _refuse(hold, exc, by)
    hold.status = HoldStatus.RELEASE_REQUESTED
    hold.release_reason = reason.strip()
    hold.release_requested_by = by
    hold.release_requested_at = timezone.now()
    _versioned(hold, by, f"درخواست رفع: {hold.release_reason}")
    hold.save()
    audit(hold, "records.hold.release_request", user=by, data={"reason": hold.release_reason})
    return hold


@transaction.atomic
def decide_release(hold: Hold, *, by, approve: bool) -> Hold:
    """A second person approves (the hold is lifted) or rejects (it stays in force) a release."""
    hold = Hold.objects.select_for_update().get(pk=hold.pk)
    _require_role(by, SECOND_PERSONS, "تایید رفع توقیف", hold)
    try:
        if hold.status != HoldStatus.RELEASE_REQUESTED:
            raise RecordsRuleViolation(Rule.HOLD_STATE, "برای این توقیف درخواست رفعی در انتظار نیست.")
        rules.check_second_person(hold.release_requested_by_id, by.pk, what="رفع توقیف")
    except RecordsRuleViolation as exc:
        _refuse(hold, exc, by)
    if approve:
        hold.status = HoldStatus.RELEASED
        hold.released_by = by
        hold.released_at = timezone.now()
        _versioned(hold, by, "تایید رفع توقیف")
        hold.save()
        audit(hold, "records.hold.release", user=by, data={"reason": hold.release_reason})
        if hold.record_id:
            audit(hold.record, "records.hold.release", user=by, data={"reason": hold.release_reason})
    else:
        hold.status = HoldStatus.ACTIVE
        hold.release_requested_by = None
        hold.release_requested_at = None
        rejected = hold.release_reason
        hold.release_reason = ""
        _versioned(hold, by, "رد درخواست رفع توقیف")
        hold.save()
        audit(hold, "records.hold.release_reject", user=by, data={"reason": rejected})
    return hold


# --- the schedule ----------------------------------------------------------------------------------


def refresh_series_dates(series: RetentionSeriesPage) -> int:
    """Recompute the derived dates of a series' records after the schedule changed (not tombstones)."""
    count = 0
    for record in Record.objects.filter(series_id=series.pk).exclude(
        phase__in=[Phase.DESTROYED, Phase.TRANSFERRED]
    ):
        before = (record.active_until, record.archive_until, record.disposition_due_on)
        record.refresh_retention_dates()
        if before != (record.active_until, record.archive_until, record.disposition_due_on):
            Record.objects.filter(pk=record.pk).update(
                trigger_on=record.trigger_on,
                active_until=record.active_until,
                archive_until=record.archive_until,
                disposition_due_on=record.disposition_due_on,
            )
            count += 1
    return count


@dataclass
class Move:
    record: Record
    before: str
    after: str


@dataclass
class RetentionReport:
    today: dt.date
    applied: bool
    checked: int = 0
    moves: list[Move] = field(default_factory=list)
    due: list[Record] = field(default_factory=list)
    held: list[Record] = field(default_factory=list)

    def due_by_month(self) -> dict[tuple[int, int], list[Record]]:
        from jalali.calendar import to_jalali_parts

        months: dict[tuple[int, int], list[Record]] = {}
        for record in self.due:
            year, month, _ = to_jalali_parts(record.disposition_due_on)
            months.setdefault((year, month), []).append(record)
        return dict(sorted(months.items()))


def apply_retention(
    *,
    today: dt.date | None = None,
    apply: bool = False,
    progress: Callable[[int, int], None] | None = None,
    records=None,
) -> RetentionReport:
    """Move declared records between phases (active → archive → due / permanent) and list what is due.

    With ``apply=False`` nothing is written: the report says what would move. ``records`` narrows the
    run to a queryset (the demo moves only its own records); by default every declared record.
    """
    today = today or timezone.localdate()
    report = RetentionReport(today=today, applied=apply)
    candidates = (
        (Record.objects.all() if records is None else records)
        .filter(phase__in=[Phase.ACTIVE, Phase.ARCHIVE, Phase.DUE])
        .select_related("series")
        .order_by("pk")
    )
    total = candidates.count()
    for index, record in enumerate(candidates.iterator(), start=1):
        report.checked += 1
        target = rules.phase_on(record.retention(), today)
        if target != record.phase:
            report.moves.append(Move(record, record.phase, target))
            if apply:
                with transaction.atomic():
                    before = record.phase
                    record.phase = target
                    _versioned(
                        record, None, f"اجرای جدول نگهداری: {Phase(before).label} ← {Phase(target).label}"
                    )
                    record.save()
                    audit(record, "records.record.phase", data={"from": before, "to": target})
        if target == Phase.DUE:
            report.due.append(record)
            if record.is_on_hold:
                report.held.append(record)
        if progress is not None:
            progress(index, total)
    return report


def due_records(*, today: dt.date | None = None):
    """Declared records whose disposition date has come, not yet disposed of, not kept permanently."""
    today = today or timezone.localdate()
    return (
        Record.objects.filter(disposition_due_on__lte=today)
        .exclude(phase__in=[Phase.DRAFT, Phase.PERMANENT, Phase.DESTROYED, Phase.TRANSFERRED])
        .select_related("series")
    )


# --- disposition -----------------------------------------------------------------------------------


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
    _require_role(by, (Role.RECORDS_MANAGER,), "تهیه فهرست تعیین تکلیف")
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
    _versioned(batch, by, "تهیه فهرست")
    batch.save()
    for record in records:
        item = DispositionItem(batch=batch, record=record, method=methods[record.pk])
        _versioned(item, by, "تهیه فهرست")
        item.save()
    audit(batch, "records.batch.prepare", user=by, data={"records": [r.reference_number for r in records]})
    return batch


@transaction.atomic
def approve_batch(batch: DispositionBatch, *, by) -> DispositionBatch:
    """A person other than the preparer approves the batch."""
    batch = DispositionBatch.objects.select_for_update().get(pk=batch.pk)
    _require_role(by, SECOND_PERSONS, "تایید فهرست تعیین تکلیف", batch)
    try:
        rules.check_batch_transition(batch.status, BatchStatus.APPROVED)
        rules.check_second_person(batch.prepared_by_id, by.pk, what="فهرست تعیین تکلیف")
    except RecordsRuleViolation as exc:
        _refuse(batch, exc, by)
    batch.status = BatchStatus.APPROVED
    batch.approved_by = by
    batch.approved_at = timezone.now()
    _versioned(batch, by, "تایید فهرست")
    batch.save()
    audit(batch, "records.batch.approve", user=by)
    return batch


@transaction.atomic
def cancel_batch(batch: DispositionBatch, *, by, reason: str = "") -> DispositionBatch:
    batch = DispositionBatch.objects.select_for_update().get(pk=batch.pk)
    _require_role(by, SECOND_PERSONS, "لغو فهرست تعیین تکلیف", batch)
    try:
        rules.check_batch_transition(batch.status, BatchStatus.CANCELLED)
    except RecordsRuleViolation as exc:
        _refuse(batch, exc, by)
    batch.status = BatchStatus.CANCELLED
    batch.cancelled_by = by
    batch.cancelled_at = timezone.now()
    _versioned(batch, by, reason or "لغو فهرست")
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
        _versioned(record_file, by, why)
        record_file.save()
        if document is not None:
            name, storage = document.file.name, document.file.storage
            document.delete()
            transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))


def ensure_certificate_series() -> RetentionSeriesPage:
    """The series certificates are kept in (made on first use under the register, kept permanently)."""
    from records.models import RetentionRegisterPage

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
    from records.packages import build_package, verify_package

    batch = DispositionBatch.objects.select_for_update().get(pk=batch.pk)
    _require_role(by, (Role.RECORDS_MANAGER,), "اجرای تعیین تکلیف", batch)
    today = today or timezone.localdate()
    try:
        rules.check_batch_transition(batch.status, BatchStatus.EXECUTED)
    except RecordsRuleViolation as exc:
        _refuse(batch, exc, by)
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
        _refuse(
            batch, RecordsRuleViolation(Rule.ON_HOLD, "تعیین تکلیف اجرا نشد: " + " | ".join(problems)), by
        )

    now = timezone.now()
    batch.executed_by = by
    batch.executed_at = now
    package_sha256 = ""
    transfers = [item.record for item in items if item.method == Method.TRANSFER]
    if transfers:
        data = build_package(batch, transfers)
        report = verify_package(data)
        if not report.ok:
            _refuse(batch, RecordsRuleViolation(Rule.BATCH_STATE, "بسته انتقال ساخته شد ولی وارسی نشد."), by)
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
        _versioned(record, by, why)
        record.save()
        item.done_at = now
        _versioned(item, by, why)
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
    _versioned(certificate, by, "گواهی تعیین تکلیف")
    certificate.save()
    text = certificate_text(batch, items, package_sha256)
    _attach_generated(certificate, f"گواهی-تعیین-تکلیف-{batch.pk}.txt", text.encode("utf-8"), by)
    certificate.declared_at = now
    certificate.declared_by = by
    certificate.phase = Phase.ACTIVE
    _versioned(certificate, by, "اعلام گواهی تعیین تکلیف")
    certificate.save()

    batch.status = BatchStatus.EXECUTED
    batch.certificate = certificate
    _versioned(batch, by, "اجرای تعیین تکلیف")
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
    _versioned(record_file, by, "فایل گواهی")
    record_file.save()
    return record_file
