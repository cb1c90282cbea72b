"""Evidence files become declared records in the cycle's evidence series, each with its SHA-256.

Agency users file evidence, while ``records.services.create_record`` / ``attach_file`` /
``declare_record`` are reserved for records staff (``RECORD_KEEPERS``); so ``capture`` calls
``records.services.capture_record``, the same three steps without the role gate (the evaluation
services have already checked the agency, the window and the user), recording the agency user as
creator and declarer.

The series' trigger «پایان دوره ارزیابی» is filled with the cycle's final-results date
(``EvaluationCyclePage.final_results_date``) and moved, with a reason in the record's history, when an
extension or the approval of final results moves that date.
"""

from __future__ import annotations

from jalali.calendar import jalali_year_of
from jalali.digits import to_persian_digits
from records import numbering
from records.audit import record as records_audit
from records.choices import FINAL_PHASES, Medium, Trigger
from records.cycle_links import records_of_cycles_q, register_cycle_link
from records.evaluation import rules
from records.models import Record
from records.services import CaptureReasons, capture_record, clip_reason

_REASONS = CaptureReasons(
    create="ثبت مستند ارزیابی", attach="بارگذاری مستند ارزیابی", declare="اعلام مستند ارزیابی"
)


def _trigger_for(cycle, series):
    return cycle.final_results_date() if series.trigger == Trigger.CYCLE_END else None


def capture(cycle, *, title: str, reference: str, name: str, data: bytes, by, today, series=None) -> Record:
    """Check the upload from its bytes, then create, fill and declare a record in the evidence series
    (or in ``series``, e.g. the cycle's objection series)."""
    series = series or cycle.evidence_series
    if series is None:
        raise rules.EvaluationRuleViolation(
            rules.Rule.WINDOW,
            "برای این دوره ردیف جدول نگهداری مستندات تعیین نشده است؛ با ارزیابان سازمان تماس بگیرید.",
        )
    reference_number = numbering.next_reference(series, jalali_year_of(today), reference)[:100]
    return capture_record(
        series,
        by=by,
        name=name,
        data=data,
        today=today,
        reasons=_REASONS,
        # A neutral title: the document list (admin, API) says nothing about the agency or the file.
        document_title=f"سابقه {reference_number}",
        title=title[:255],
        reference_number=reference_number,
        record_date=today,
        medium=Medium.ELECTRONIC,
        trigger_date=_trigger_for(cycle, series),
        notes=f"مستند دوره ارزیابی {to_persian_digits(cycle.year)}",
    )


def register_cycle_links() -> None:
    """Tell records' core which evaluation models link a record to a cycle, with the path to the cycle
    (``records.cycle_links``): a cycle hold covers exactly these records. Called at ``ready()``."""
    from records.evaluation.models import EvidenceFile, ObjectionFile

    register_cycle_link(EvidenceFile, "answer__submission__cycle_id")  # evidence of a submission's answers
    register_cycle_link(ObjectionFile, "objection__submission__cycle_id")  # files of an objection


def evidence_records(cycle):
    """Every record filed in this cycle (evidence and objection files)."""
    return Record.objects.filter(records_of_cycles_q([cycle.pk])).select_related("series")


def close_objection_records(objection, *, by, on) -> None:
    """An objection decided closes its file: a series counted from «بسته شدن پرونده» starts counting."""
    for item in objection.files.select_related("record__series"):
        record = item.record
        if (
            record.series.trigger != Trigger.CLOSURE
            or record.trigger_date == on
            or record.phase in FINAL_PHASES
        ):
            continue
        record.trigger_date = on
        record._history_user = by
        record._change_reason = "بسته شدن پرونده اعتراض با بررسی ارزیابان"
        record.save()


def sync_trigger_dates(cycle, *, by, reason: str) -> int:
    """Move the trigger date of the cycle's records to its (new) final-results date; each move is a
    correction with its reason in the record's history. Records already disposed of stay as they are."""
    moved = 0
    for record in evidence_records(cycle).exclude(phase__in=list(FINAL_PHASES)):
        target = _trigger_for(cycle, record.series)
        if target is None or record.trigger_date == target:
            continue
        before = record.trigger_date
        record.trigger_date = target
        record._history_user = by
        record._change_reason = clip_reason(reason)
        record.save()
        records_audit(
            record,
            "records.record.correct",
            user=by,
            data={
                "reason": reason,
                "before": {"trigger_date": str(before)},
                "after": {"trigger_date": str(target)},
            },
        )
        moved += 1
    return moved
