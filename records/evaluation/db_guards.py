"""What the database refuses for evaluation cycles (issue 10 §3), installed by migration 0003.

Mirrors ``records.evaluation.models.guards`` below the ORM: once a cycle's final results are approved,
nothing it rests on is changed or deleted; a decision on final results is never changed; final results
are never changed or deleted. Inserts are left to the models (which refuse them after final approval):
a guard on INSERT would refuse restoring a backup whose rows arrive after the approval row.
"""

from __future__ import annotations

from sanad.dbguards import Guard, history_guards

_SUBMISSION_CYCLE = "(SELECT s.cycle_id FROM evaluation_submission s WHERE s.id = {row}.submission_id)"
#: table -> SQL for the cycle of a row of it (``{row}`` is OLD or NEW).
CYCLE_OF = {
    "evaluation_submission": "({row}.cycle_id)",
    "evaluation_answer": _SUBMISSION_CYCLE,
    "evaluation_review": _SUBMISSION_CYCLE,
    "evaluation_objection": _SUBMISSION_CYCLE,
    "evaluation_evidencefile": (
        "(SELECT s.cycle_id FROM evaluation_answer a JOIN evaluation_submission s ON s.id = a.submission_id"
        " WHERE a.id = {row}.answer_id)"
    ),
    "evaluation_objectionfile": (
        "(SELECT s.cycle_id FROM evaluation_objection o JOIN evaluation_submission s ON s.id = o.submission_id"
        " WHERE o.id = {row}.objection_id)"
    ),
    "evaluation_cycleextension": "({row}.cycle_id)",
    "evaluation_cycleindicator": "({row}.cycle_id)",
}


def final(cycle_sql: str) -> str:
    return (
        "EXISTS (SELECT 1 FROM evaluation_finalapproval fa WHERE fa.status = 'approved'"
        f" AND fa.cycle_id IN {cycle_sql})"
    )


def _frozen_after_final(table: str) -> tuple[Guard, ...]:
    cycle = CYCLE_OF[table]
    short = table.removeprefix("evaluation_")
    old, new = final(cycle.format(row="OLD")), final(cycle.format(row="NEW"))
    return (
        Guard(
            name=f"{short}_final_update",
            table=table,
            event="UPDATE",
            when=f"{old} OR {new}",
            message="نتایج نهایی این دوره تصویب شده است و داده‌های آن تغییرناپذیر است.",
        ),
        Guard(
            name=f"{short}_final_delete",
            table=table,
            event="DELETE",
            when=old,
            message="نتایج نهایی این دوره تصویب شده است و داده‌های آن حذف نمی‌شود.",
        ),
    )


GUARDS: tuple[Guard, ...] = (
    Guard(
        name="finalapproval_decided",
        table="evaluation_finalapproval",
        event="UPDATE",
        when=(
            "OLD.status <> 'proposed' OR NEW.cycle_id IS DISTINCT FROM OLD.cycle_id"
            " OR NEW.proposed_by_id IS DISTINCT FROM OLD.proposed_by_id"
        ),
        message="تصمیم ثبت‌شده درباره نتایج نهایی تغییر نمی‌کند.",
    ),
    Guard(
        name="finalapproval_delete",
        table="evaluation_finalapproval",
        event="DELETE",
        message="پیشنهاد و تصویب نتایج نهایی در تاریخچه می‌ماند و حذف نمی‌شود.",
    ),
    Guard(
        name="finalresult_update",
        table="evaluation_finalresult",
        event="UPDATE",
        message="نتایج نهایی تغییرناپذیر است.",
    ),
    Guard(
        name="finalresult_delete",
        table="evaluation_finalresult",
        event="DELETE",
        message="نتایج نهایی حذف نمی‌شود.",
    ),
)
GUARDS += tuple(guard for table in CYCLE_OF for guard in _frozen_after_final(table))
GUARDS += history_guards(
    "evaluation_historicalagency",
    "evaluation_historicalagencymember",
    "evaluation_historicalsubmission",
    "evaluation_historicalanswer",
    "evaluation_historicalevidencefile",
    "evaluation_historicalreview",
    "evaluation_historicalobjection",
    "evaluation_historicalindicator",
)
