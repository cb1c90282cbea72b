"""The agency's self-assessment: answers, evidence files and «ثبت نهایی», within its (extended) window.

``stamp`` and ``save_scored`` also serve the evaluators' review (``records.evaluation.services.review``).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from procedures.rules import ControlRuleViolation
from records.evaluation import evidence, rules
from records.evaluation.audit import record as audit
from records.evaluation.models import Answer, CycleIndicator, EvidenceFile, Review, Submission
from records.evaluation.queries import applicable_indicators, assessment_window, submission_for
from records.evaluation.rules import EvaluationRuleViolation, Rule
from records.evaluation.services.guards import (
    check,
    cycle_not_final,
    cycle_open,
    moment,
    own_agency,
    participates,
    refuse,
    today_or_default,
    versioned,
)


def _check_agency_can_write(cycle, agency, indicator, by, today) -> Submission:
    own_agency(cycle, agency, by)
    cycle_open(cycle, by)
    cycle_not_final(cycle, by)
    participates(cycle, agency, by)
    if indicator is not None and (indicator.cycle_id != cycle.pk or not indicator.applies_to(agency.pk)):
        refuse(
            cycle, EvaluationRuleViolation(Rule.INDICATOR, "این شاخص برای این دستگاه در این دوره نیست."), by
        )
    window = assessment_window(cycle, agency.pk)
    if window is None:
        refuse(cycle, EvaluationRuleViolation(Rule.WINDOW, "زمان خودارزیابی این دوره تعیین نشده است."), by)
    submission = Submission.objects.select_for_update().get(pk=submission_for(cycle, agency).pk)
    check(cycle, by, rules.check_window, today=today, start=window[0], end=window[1], what="خودارزیابی")
    check(
        cycle,
        by,
        rules.check_submission_open,
        finalised_on=timezone.localdate(submission.finalised_at) if submission.finalised_at else None,
    )
    return submission


def stamp(submission: Submission, step: str, by, today, reason: str, action: str) -> Submission:
    """Mark a step of a submission (finalised, released, accepted): when and by whom, versioned and audited."""
    setattr(submission, f"{step}_at", moment(today))
    setattr(submission, f"{step}_by", by)
    versioned(submission, by, reason)
    submission.save()
    audit(submission, action, user=by)
    return submission


#: For ``Answer`` and ``Review``: the score field, the history reason and the audit action of a write.
_SCORED = {
    Answer: ("self_score", "ثبت پاسخ خودارزیابی", "evaluation.answer.save"),
    Review: ("score", "امتیازدهی اولیه", "evaluation.review.score"),
}


def save_scored(model, cycle, submission, indicator, fields: dict, *, by, today):
    """Write the one ``Answer`` or ``Review`` of a submission for an indicator: the score parsed and
    checked against the indicator's maximum, the other fields, a history version and the audit entry."""
    score_field, reason, action = _SCORED[model]
    value = rules.parse_score(fields.pop(score_field))
    check(cycle, by, rules.check_score, score=value, maximum=indicator.max_score, label=indicator.code)
    row = model.objects.filter(submission=submission, indicator=indicator).first() or model(
        submission=submission, indicator=indicator
    )
    setattr(row, score_field, value)
    for name, field_value in fields.items():
        setattr(row, name, field_value)
    row._today = today
    versioned(row, by, reason)
    row.save()
    audit(submission, action, user=by, data={"indicator": indicator.code, score_field: str(value)})
    return row


@transaction.atomic
def save_answer(
    cycle,
    agency,
    indicator: CycleIndicator,
    *,
    by,
    self_score,
    narrative: str = "",
    today: dt.date | None = None,
) -> Answer:
    """The agency's self score and narrative for one indicator, within its (extended) deadline."""
    today = today_or_default(today)
    submission = _check_agency_can_write(cycle, agency, indicator, by, today)
    fields = {"self_score": self_score, "narrative": narrative.strip(), "updated_by": by}
    return save_scored(Answer, cycle, submission, indicator, fields, by=by, today=today)


@transaction.atomic
def attach_evidence(
    answer: Answer, *, by, name: str, data: bytes, today: dt.date | None = None
) -> EvidenceFile:
    """One evidence file, checked from its bytes, kept as a declared record with its SHA-256."""
    today = today_or_default(today)
    submission = answer.submission
    cycle, agency, indicator = submission.cycle, submission.agency, answer.indicator
    _check_agency_can_write(cycle, agency, indicator, by, today)
    try:
        record = evidence.capture(
            cycle,
            title=f"مستند خودارزیابی {cycle.year} — {agency.name} — شاخص {indicator.code}",
            reference=f"ارزیابی-{cycle.year}-{agency.code}-{indicator.code}",
            name=name,
            data=data,
            by=by,
            today=today,
        )
    except ControlRuleViolation as exc:  # an upload refused from its bytes, or no evidence series
        refuse(cycle, exc, by)
    item = EvidenceFile(answer=answer, record=record, uploaded_by=by, uploaded_at=moment(today))
    item._today = today
    versioned(item, by, "بارگذاری مستند")
    item.save()
    sha = record.files.first().sha256
    audit(
        submission,
        "evaluation.evidence.attach",
        user=by,
        data={"indicator": indicator.code, "record": record.reference_number, "sha256": sha},
    )
    return item


@transaction.atomic
def withdraw_evidence(item: EvidenceFile, *, by, today: dt.date | None = None) -> EvidenceFile:
    """Take a file out of the answer before the deadline; its record stays as what was submitted."""
    today = today_or_default(today)
    answer = item.answer
    submission = answer.submission
    _check_agency_can_write(submission.cycle, submission.agency, answer.indicator, by, today)
    if item.withdrawn_at is None:
        item.withdrawn_at = moment(today)
        item.withdrawn_by = by
        item._today = today
        versioned(item, by, "کنار گذاشتن مستند")
        item.save()
        audit(
            submission, "evaluation.evidence.withdraw", user=by, data={"record": item.record.reference_number}
        )
    return item


@transaction.atomic
def finalise_submission(submission: Submission, *, by, today: dt.date | None = None) -> Submission:
    """«ثبت نهایی»: the agency closes its own self-assessment before the deadline, once complete."""
    today = today_or_default(today)
    cycle, agency = submission.cycle, submission.agency
    submission = _check_agency_can_write(cycle, agency, None, by, today)
    answered = set(Answer.objects.filter(submission=submission).values_list("indicator_id", flat=True))
    missing = [i.code for i in applicable_indicators(cycle, agency.pk) if i.pk not in answered]
    check(cycle, by, rules.check_finalise, missing=missing)
    return stamp(submission, "finalised", by, today, "ثبت نهایی", "evaluation.submission.finalise")
