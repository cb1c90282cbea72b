"""The cycle's own set-up, by the organisation's evaluators: the indicators issued to it (seed 000 rows
1–7) and its phases' deadlines, extended on the authority of a letter (seed 003).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction

from jalali.calendar import format_jalali
from records.evaluation import access, evidence, notices, rules
from records.evaluation.audit import record as audit
from records.evaluation.choices import PhaseKind
from records.evaluation.models import Agency, CycleExtension, CycleIndicator, EvaluationCyclePage, Indicator
from records.evaluation.rules import EvaluationRuleViolation, Rule
from records.evaluation.services.guards import (
    check,
    cycle_not_final,
    cycle_open,
    moment,
    participates,
    refuse,
    require,
    today_or_default,
)


@transaction.atomic
def issue_indicators(
    cycle, indicators: Iterable[Indicator], *, by, today: dt.date | None = None
) -> list[CycleIndicator]:
    """Snapshot bank indicators into the cycle (seed 000 rows 1–7). Already issued ones are skipped."""
    today = today_or_default(today)
    require(cycle, by, access.is_evaluator(by), "ابلاغ شاخص‌ها با ارزیابان سازمان است.")
    cycle_not_final(cycle, by)
    window = cycle.window(PhaseKind.SELF_ASSESSMENT)
    check(
        cycle,
        by,
        rules.check_indicators_editable,
        today=today,
        self_assessment_start=window[0] if window else None,
        answered=False,
    )
    made = []
    for indicator in indicators:
        check(
            cycle,
            by,
            rules.check_indicator_owner,
            kind=indicator.kind,
            has_owner=indicator.owner_id is not None,
        )
        if CycleIndicator.objects.filter(cycle_id=cycle.pk, indicator_id=indicator.pk).exists():
            continue
        made.append(
            CycleIndicator.objects.create(
                cycle_id=cycle.pk,
                indicator=indicator,
                code=indicator.code,
                title=indicator.title,
                kind=indicator.kind,
                level=indicator.level,
                monitoring_level=indicator.monitoring_level,
                checklist=indicator.checklist_snapshot(),
                max_score=indicator.max_score,
                evidence_required=indicator.evidence_required,
                owner_id=indicator.owner_id,
                issued_by=by,
            )
        )
    if made:
        audit(cycle, "evaluation.indicators.issue", user=by, data={"codes": [c.code for c in made]})
    return made


@transaction.atomic
def withdraw_indicator(cycle_indicator: CycleIndicator, *, by, today: dt.date | None = None) -> None:
    today = today_or_default(today)
    cycle = cycle_indicator.cycle
    require(cycle, by, access.is_evaluator(by), "برداشتن شاخص از دوره با ارزیابان سازمان است.")
    window = cycle.window(PhaseKind.SELF_ASSESSMENT)
    answered = (
        cycle_indicator.answers.exists()
        or cycle_indicator.reviews.exists()
        or cycle_indicator.objections.exists()
    )
    check(
        cycle,
        by,
        rules.check_indicators_editable,
        today=today,
        self_assessment_start=window[0] if window else None,
        answered=answered,
    )
    code = cycle_indicator.code
    cycle_indicator.delete()
    audit(cycle, "evaluation.indicators.withdraw", user=by, data={"code": code})


# --- deadlines -------------------------------------------------------------------------------------------


@transaction.atomic
def grant_extension(
    cycle,
    *,
    by,
    new_end: dt.date | None,
    reason: str,
    phase: str = PhaseKind.SELF_ASSESSMENT,
    agency: Agency | None = None,
    letter=None,
    letter_number: str = "",
    letter_date: dt.date | None = None,
    today: dt.date | None = None,
) -> CycleExtension:
    """Extend a phase's deadline for the whole cycle or one agency, on the authority of a letter (seed 003)."""
    today = today_or_default(today)
    cycle = EvaluationCyclePage.objects.select_for_update().get(pk=cycle.pk)
    require(cycle, by, access.is_evaluator(by), "ثبت تمدید مهلت با ارزیابان سازمان است.")
    cycle_open(cycle, by)
    cycle_not_final(cycle, by, "تمدید مهلت")
    if agency is not None:
        participates(cycle, agency, by)
    if letter is not None:
        letter_number = letter_number or letter.number
        letter_date = letter_date or letter.date
    window = cycle.window(phase, agency.pk if agency else None)
    if window is None:
        refuse(
            cycle,
            EvaluationRuleViolation(
                Rule.EXTENSION, f"مرحله «{PhaseKind(phase).label}» در زمان‌بندی این دوره نیست."
            ),
            by,
        )
    check(
        cycle,
        by,
        rules.check_extension,
        current_end=window[1],
        new_end=new_end,
        phase_start=window[0],
        reason=reason,
        letter_number=letter_number or "",
        letter_date=letter_date,
        today=today,
    )
    extension = CycleExtension.objects.create(
        cycle=cycle,
        agency=agency,
        phase=phase,
        previous_end=window[1],
        new_end=new_end,
        letter=letter,
        letter_number=letter_number.strip(),
        letter_date=letter_date,
        reason=" ".join(reason.split()),
        granted_by=by,
        granted_at=moment(today),
    )
    audit(
        cycle,
        "evaluation.extension.grant",
        user=by,
        data={
            "phase": phase,
            "agency": agency.code if agency else None,
            "from": window[1].isoformat(),
            "to": new_end.isoformat(),
            "letter": f"{extension.letter_number} — {format_jalali(letter_date)}",
            "reason": extension.reason,
        },
    )
    if phase == PhaseKind.FINAL_RESULTS and agency is None:
        evidence.sync_trigger_dates(
            cycle,
            by=by,
            reason=f"تمدید اعلام نتایج نهایی با نامه {extension.letter_number} مورخ {format_jalali(letter_date)}",
        )
    notices.after_commit(notices.notify_extension, extension)
    return extension
