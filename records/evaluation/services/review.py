"""The evaluators' review and the agency's answer to it: scores, «اعلام نتایج اولیه», objections
(filed and accepted by the agency, decided by the evaluators, seed 000 row 15).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction

from procedures.rules import ControlRuleViolation
from records.evaluation import access, evidence, notices, rules
from records.evaluation.audit import record as audit
from records.evaluation.choices import ObjectionStatus, PhaseKind
from records.evaluation.models import CycleIndicator, Objection, ObjectionFile, Review, Submission
from records.evaluation.queries import applicable_indicators, assessment_closed
from records.evaluation.rules import EvaluationRuleViolation, Rule
from records.evaluation.services.guards import (
    check,
    cycle_not_final,
    moment,
    own_agency,
    refuse,
    require,
    today_or_default,
    versioned,
)
from records.evaluation.services.submissions import save_scored, stamp


@transaction.atomic
def score_indicator(
    submission: Submission,
    indicator: CycleIndicator,
    *,
    by,
    score,
    comment: str = "",
    today: dt.date | None = None,
) -> Review:
    today = today_or_default(today)
    cycle = submission.cycle
    require(cycle, by, access.is_evaluator(by), "امتیازدهی با ارزیابان سازمان است.")
    cycle_not_final(cycle, by)
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if indicator.cycle_id != cycle.pk or not indicator.applies_to(submission.agency_id):
        refuse(
            cycle, EvaluationRuleViolation(Rule.INDICATOR, "این شاخص برای این دستگاه در این دوره نیست."), by
        )
    check(
        cycle,
        by,
        rules.check_review_open,
        assessment_closed=assessment_closed(submission, today),
        released=bool(submission.released_at),
    )
    fields = {"score": score, "comment": comment.strip(), "scored_by": by}
    return save_scored(Review, cycle, submission, indicator, fields, by=by, today=today)


@transaction.atomic
def release_results(submission: Submission, *, by, today: dt.date | None = None) -> Submission:
    """«اعلام نتایج اولیه» to one agency: every indicator scored; the scores at this moment are kept."""
    today = today_or_default(today)
    cycle = submission.cycle
    require(cycle, by, access.is_evaluator(by), "اعلام نتایج با ارزیابان سازمان است.")
    cycle_not_final(cycle, by)
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.released_at:
        return submission
    scored = set(Review.objects.filter(submission=submission).values_list("indicator_id", flat=True))
    unscored = [i.code for i in applicable_indicators(cycle, submission.agency_id) if i.pk not in scored]
    check(
        cycle,
        by,
        rules.check_release,
        unscored=unscored,
        assessment_closed=assessment_closed(submission, today),
    )
    for review in Review.objects.filter(submission=submission):
        review.initial_score = review.score
        review._today = today
        versioned(review, by, "اعلام نتایج اولیه")
        review.save()
    stamp(submission, "released", by, today, "اعلام نتایج اولیه", "evaluation.results.release")
    notices.after_commit(notices.notify_initial_results, submission)
    return submission


# --- objections ----------------------------------------------------------------------------------------------


@transaction.atomic
def file_objection(
    submission: Submission,
    indicator: CycleIndicator,
    *,
    by,
    reason: str,
    files: Sequence[tuple[str, bytes]] = (),
    today: dt.date | None = None,
) -> Objection:
    """The agency objects to an initial score, within its (extended) objection window, with reason and files."""
    today = today_or_default(today)
    cycle, agency = submission.cycle, submission.agency
    own_agency(cycle, agency, by)
    cycle_not_final(cycle, by)
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if indicator.cycle_id != cycle.pk or not indicator.applies_to(agency.pk):
        refuse(
            cycle, EvaluationRuleViolation(Rule.INDICATOR, "این شاخص برای این دستگاه در این دوره نیست."), by
        )
    check(
        cycle,
        by,
        rules.check_objection,
        released=bool(submission.released_at),
        accepted=bool(submission.accepted_at),
        already=Objection.objects.filter(submission=submission, indicator=indicator).exists(),
        reason=reason,
    )
    window = cycle.window(PhaseKind.OBJECTIONS, agency.pk)
    if window is None:
        refuse(cycle, EvaluationRuleViolation(Rule.WINDOW, "مهلت اعتراض این دوره تعیین نشده است."), by)
    check(cycle, by, rules.check_window, today=today, start=window[0], end=window[1], what="ثبت اعتراض")
    review = Review.objects.filter(submission=submission, indicator=indicator).first()
    objection = Objection(
        submission=submission,
        indicator=indicator,
        reason=" ".join(reason.split()),
        filed_by=by,
        filed_at=moment(today),
        score_before=review.score if review else None,
    )
    objection._today = today
    versioned(objection, by, "ثبت اعتراض")
    objection.save()
    for name, data in files:
        try:
            record = evidence.capture(
                cycle,
                title=f"پیوست اعتراض {cycle.year} — {agency.name} — شاخص {indicator.code}",
                reference=f"اعتراض-{cycle.year}-{agency.code}-{indicator.code}",
                name=name,
                data=data,
                by=by,
                today=today,
                series=cycle.objection_series,
            )
        except ControlRuleViolation as exc:
            refuse(cycle, exc, by)
        ObjectionFile.objects.create(
            objection=objection, record=record, uploaded_by=by, uploaded_at=moment(today)
        )
    audit(
        submission,
        "evaluation.objection.file",
        user=by,
        data={"indicator": indicator.code, "reason": objection.reason},
    )
    return objection


@transaction.atomic
def accept_results(submission: Submission, *, by, today: dt.date | None = None) -> Submission:
    """The agency accepts its initial results: no further objections from it (its window closes early)."""
    cycle, agency = submission.cycle, submission.agency
    own_agency(cycle, agency, by)
    cycle_not_final(cycle, by)
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if not submission.released_at:
        refuse(cycle, EvaluationRuleViolation(Rule.OBJECTION, "نتایج اولیه هنوز اعلام نشده است."), by)
    if not submission.accepted_at:
        stamp(submission, "accepted", by, today, "پذیرش نتایج اولیه", "evaluation.results.accept")
    return submission


@transaction.atomic
def decide_objection(
    objection: Objection, *, by, status: str, response: str, new_score=None, today: dt.date | None = None
) -> Objection:
    """Evaluators answer an objection and re-score (seed 000 row 15); the review keeps every version."""
    objection = Objection.objects.select_for_update().get(pk=objection.pk)
    submission = objection.submission
    cycle = submission.cycle
    require(cycle, by, access.is_evaluator(by), "بررسی اعتراض با ارزیابان سازمان است.")
    cycle_not_final(cycle, by)
    if not objection.is_open:
        refuse(
            cycle, EvaluationRuleViolation(Rule.OBJECTION, "درباره این اعتراض پیش‌تر تصمیم گرفته شده است."), by
        )
    if status not in (ObjectionStatus.ACCEPTED, ObjectionStatus.PARTLY, ObjectionStatus.REJECTED):
        refuse(cycle, EvaluationRuleViolation(Rule.OBJECTION, "نتیجه بررسی اعتراض را انتخاب کنید."), by)
    if not " ".join(response.split()):
        refuse(cycle, EvaluationRuleViolation(Rule.OBJECTION, "پاسخ به اعتراض را بنویسید."), by)
    review = Review.objects.get(submission=submission, indicator=objection.indicator)
    score = review.score if status == ObjectionStatus.REJECTED else rules.parse_score(new_score)
    check(
        cycle,
        by,
        rules.check_score,
        score=score,
        maximum=objection.indicator.max_score,
        label=objection.indicator.code,
    )
    if score != review.score:
        review.score = score
        review.scored_by = by
        review._rescoring = True
        versioned(review, by, f"امتیازدهی مجدد پس از اعتراض ({ObjectionStatus(status).label})")
        review.save()
    objection.status = status
    objection.response = " ".join(response.split())
    objection.score_after = score
    objection.decided_by = by
    objection.decided_at = moment(today)
    versioned(objection, by, "بررسی اعتراض")
    objection.save()
    evidence.close_objection_records(objection, by=by, on=today_or_default(today))
    audit(
        submission,
        "evaluation.objection.decide",
        user=by,
        data={
            "indicator": objection.indicator.code,
            "status": status,
            "before": str(objection.score_before),
            "after": str(score),
        },
    )
    return objection
