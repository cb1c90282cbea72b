"""What the database refuses for records (issue 10 §3), installed by migration 0004.

Mirrors the guards of ``records.models`` below the ORM: a held record is neither deleted nor disposed
of, a declared record is never deleted and its tombstone never changes, a file's hash and name never
change, a hold is never deleted and its status moves only forward. The legitimate writes stay open:
drafts come and go, disposition (``records.services``) turns a due, unheld record into a tombstone
(the file row loses its document and gets ``removed_at``), a hold is released by a second person.
"""

from __future__ import annotations

from sanad.dbguards import Guard, changed, history_guards

FINAL_PHASES = "'destroyed', 'transferred'"


def held(record_id: str, series_id: str) -> str:
    """A hold in force covers the record: on itself, on its series, or on a cycle it is evidence of.

    The cycle links are those of ``records.evaluation.evidence.register_cycle_links`` (evidence files of
    a submission's answers, files of an objection).
    """
    return (
        "EXISTS (SELECT 1 FROM records_hold h WHERE h.status <> 'released' AND ("
        f"h.record_id = {record_id} OR h.series_id = {series_id}"
        " OR h.cycle_id IN (SELECT s.cycle_id FROM evaluation_evidencefile e"
        " JOIN evaluation_answer a ON a.id = e.answer_id JOIN evaluation_submission s ON s.id = a.submission_id"
        f" WHERE e.record_id = {record_id})"
        " OR h.cycle_id IN (SELECT s.cycle_id FROM evaluation_objectionfile f"
        " JOIN evaluation_objection o ON o.id = f.objection_id JOIN evaluation_submission s ON s.id = o.submission_id"
        f" WHERE f.record_id = {record_id})))"
    )


def _file_record_held() -> str:
    return (
        "EXISTS (SELECT 1 FROM records_record r WHERE r.id = OLD.record_id AND "
        + held("r.id", "r.series_id")
        + ")"
    )


# Written out rather than derived from records.models.record.EDITABLE_FIELDS: migration 0004 installs the
# triggers built from this list, and that SQL must not change when the form's fields do.
RECORD_METADATA = (
    "series_id",
    "title",
    "reference_number",
    "record_date",
    "end_date",
    "medium",
    "physical_location",
    "trigger_date",
    "notes",
    "phase",
    "declared_at",
    "declared_by_id",
    "created_at",
    "created_by_id",
)
FILE_FROZEN = (
    "id",
    "record_id",
    "name",
    "original_name",
    "kind",
    "mime",
    "size",
    "sha256",
    "uploaded_at",
    "uploaded_by_id",
)
HOLD_FROZEN = (
    "id",
    "scope",
    "record_id",
    "series_id",
    "cycle_id",
    "kind",
    "reason",
    "reference",
    "placed_by_id",
    "placed_at",
)

GUARDS: tuple[Guard, ...] = (
    # --- records ---------------------------------------------------------------------------------------
    Guard(
        name="record_held_delete",
        table="records_record",
        event="DELETE",
        when=held("OLD.id", "OLD.series_id"),
        message="این سابقه در توقیف است و تا رفع توقیف حذف نمی‌شود.",
    ),
    Guard(
        name="record_declared_delete",
        table="records_record",
        event="DELETE",
        when="OLD.phase <> 'draft'",
        message="سابقه اعلام‌شده حذف نمی‌شود؛ پایان عمر آن فقط با تعیین تکلیف طبق جدول نگهداری است.",
    ),
    Guard(
        name="record_held_disposition",
        table="records_record",
        event="UPDATE",
        when=f"NEW.phase IN ({FINAL_PHASES}) AND OLD.phase NOT IN ({FINAL_PHASES}) AND {held('OLD.id', 'OLD.series_id')}",
        message="این سابقه در توقیف است و تا رفع توقیف تعیین تکلیف (امحا یا انتقال) نمی‌شود.",
    ),
    Guard(
        name="record_declared_fixed",
        table="records_record",
        event="UPDATE",
        when=(
            "OLD.phase <> 'draft' AND (NEW.phase = 'draft'"
            " OR NEW.declared_at IS DISTINCT FROM OLD.declared_at"
            " OR NEW.declared_by_id IS DISTINCT FROM OLD.declared_by_id"
            " OR NEW.created_at IS DISTINCT FROM OLD.created_at"
            " OR NEW.created_by_id IS DISTINCT FROM OLD.created_by_id)"
        ),
        message="زمان و اعلام‌کننده سابقه تغییر نمی‌کند و سابقه اعلام‌شده به پیش‌نویس برنمی‌گردد.",
    ),
    Guard(
        name="record_tombstone",
        table="records_record",
        event="UPDATE",
        when=f"OLD.phase IN ({FINAL_PHASES}) AND {changed(*RECORD_METADATA)}",
        message="از سابقه تعیین تکلیف‌شده فقط نشانه آن مانده است و تغییر نمی‌کند.",
    ),
    # --- record files ------------------------------------------------------------------------------------
    Guard(
        name="recordfile_frozen",
        table="records_recordfile",
        event="UPDATE",
        when=changed(*FILE_FROZEN),
        message="نام، اندازه و چکیده SHA-256 فایل سابقه تغییرناپذیر است.",
    ),
    Guard(
        name="recordfile_content",
        table="records_recordfile",
        event="UPDATE",
        when=(
            "(NEW.document_id IS DISTINCT FROM OLD.document_id OR NEW.removed_at IS DISTINCT FROM OLD.removed_at)"
            " AND NOT (NEW.document_id IS NULL AND OLD.removed_at IS NULL AND NEW.removed_at IS NOT NULL)"
        ),
        message="فایل سابقه جایگزین نمی‌شود؛ تنها تغییر مجاز، حذف محتوا هنگام تعیین تکلیف است.",
    ),
    Guard(
        name="recordfile_held_removal",
        table="records_recordfile",
        event="UPDATE",
        when=f"NEW.document_id IS DISTINCT FROM OLD.document_id AND {_file_record_held()}",
        message="این سابقه در توقیف است و محتوای آن تا رفع توقیف حذف نمی‌شود.",
    ),
    Guard(
        name="recordfile_held_delete",
        table="records_recordfile",
        event="DELETE",
        when=_file_record_held(),
        message="این سابقه در توقیف است و فایل‌های آن تا رفع توقیف حذف نمی‌شوند.",
    ),
    Guard(
        name="recordfile_declared_delete",
        table="records_recordfile",
        event="DELETE",
        when="EXISTS (SELECT 1 FROM records_record r WHERE r.id = OLD.record_id AND r.phase <> 'draft')",
        message="فایل‌های سابقه اعلام‌شده حذف نمی‌شوند.",
    ),
    Guard(
        name="recorddocument_file",
        table="wagtaildocs_document",
        event="UPDATE",
        when=(
            "(NEW.file IS DISTINCT FROM OLD.file OR (OLD.file_hash <> '' AND NEW.file_hash IS DISTINCT FROM OLD.file_hash))"
            " AND EXISTS (SELECT 1 FROM records_recordfile rf WHERE rf.document_id = OLD.id)"
        ),
        message="فایل ذخیره‌شده یک سابقه جایگزین نمی‌شود.",
    ),
    # --- holds -------------------------------------------------------------------------------------------
    Guard(
        name="hold_frozen",
        table="records_hold",
        event="UPDATE",
        when=changed(*HOLD_FROZEN),
        message="مشخصات توقیف ثبت‌شده تغییر نمی‌کند.",
    ),
    Guard(
        name="hold_status",
        table="records_hold",
        event="UPDATE",
        when=(
            "NEW.status IS DISTINCT FROM OLD.status AND NOT ("
            "(OLD.status = 'active' AND NEW.status = 'release_requested')"
            " OR (OLD.status = 'release_requested' AND NEW.status IN ('released', 'active')))"
        ),
        message="توقیف فقط با درخواست و تایید شخص دوم رفع می‌شود؛ توقیف رفع‌شده به حالت قبل برنمی‌گردد.",
    ),
    Guard(
        name="hold_delete",
        table="records_hold",
        event="DELETE",
        message="توقیف‌ها حذف نمی‌شوند؛ توقیف با تایید شخص دوم رفع می‌شود.",
    ),
) + history_guards(
    "records_historicalrecord",
    "records_historicalrecordfile",
    "records_historicalhold",
    "records_historicaldispositionbatch",
    "records_historicaldispositionitem",
)
