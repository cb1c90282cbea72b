"""The writes of the evaluation cycle, each atomic and audited. Every path (admin views, the API,
management commands, the demo, a shell) calls these; the rules are in ``records.evaluation.rules``.

- indicators: ``issue_indicators``, ``withdraw_indicator``
- deadlines: ``grant_extension``
- self-assessment (the agency): ``save_answer``, ``attach_evidence``, ``withdraw_evidence``, ``finalise_submission``
- review (the evaluators): ``score_indicator``, ``release_results``
- objections: ``file_objection`` (the agency), ``accept_results`` (the agency), ``decide_objection`` (evaluators)
- final results: ``propose_final_results`` (an evaluator), ``approve_final_results`` / ``return_final_results``
  (an approver, a second person)

Each takes ``today`` (default: today in Tehran) so the demo can replay 1398 and tests can stand on any day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.db import transaction
from django.db.models import Case, Q, Sum, Value, When
from django.utils import timezone

from jalali.calendar import format_jalali
from jalali.digits import to_persian_digits
from procedures.rules import ControlRuleViolation
from records.evaluation import access, evidence, notices, rules
from records.evaluation.audit import record as audit
from records.evaluation.choices import ApprovalStatus, IndicatorKind, ObjectionStatus, PhaseKind, Progress
from records.evaluation.models import (
    Agency,
    Answer,
    CycleExtension,
    CycleIndicator,
    EvaluationCyclePage,
    EvidenceFile,
    FinalApproval,
    FinalResult,
    Indicator,
    Objection,
    ObjectionFile,
    Review,
    Submission,
)
from records.evaluation.rules import EvaluationRuleViolation, Rule
from records.services import clip_reason


def _today(today: dt.date | None) -> dt.date:
    return today or timezone.localdate()


def _moment(today: dt.date | None) -> dt.datetime:
    """When something is recorded: now, or noon of ``today`` when a past day is replayed (the demo)."""
    now = timezone.now()
    if today is None or today == timezone.localdate(now):
        return now
    return timezone.make_aware(dt.datetime.combine(today, dt.time(12, 0)))


def _refuse(target, exc: EvaluationRuleViolation, user) -> None:
    from procedures.audit import record_refusal

    record_refusal(target, exc, user=user)
    raise exc


def _check(target, user, check, **facts) -> None:
    try:
        check(**facts)
    except EvaluationRuleViolation as exc:
        _refuse(target, exc, user)


def _require(target, user, allowed: bool, message: str) -> None:
    if not allowed:
        _refuse(target, EvaluationRuleViolation(Rule.ROLE, message), user)


def _versioned(instance, user, reason: str):
    instance._history_user = user
    instance._change_reason = clip_reason(reason)
    return instance


# --- reading -----------------------------------------------------------------------------------------


def applicable_indicators(cycle, agency_id: int):
    """The cycle's general and development indicators, and the agency's own specific ones, in that order."""
    kind_order = Case(
        When(kind=IndicatorKind.GENERAL, then=Value(0)),
        When(kind=IndicatorKind.DEVELOPMENT, then=Value(1)),
        default=Value(2),
    )
    return (
        CycleIndicator.objects.filter(cycle_id=cycle.pk)
        .filter(Q(owner__isnull=True) | Q(owner_id=agency_id))
        .order_by(kind_order, "code")
    )


def submission_for(cycle, agency, *, create: bool = True) -> Submission | None:
    submission = Submission.objects.filter(cycle_id=cycle.pk, agency_id=agency.pk).first()
    if submission is None and create:
        submission, _ = Submission.objects.get_or_create(cycle_id=cycle.pk, agency_id=agency.pk)
    return submission


def assessment_window(cycle, agency_id: int) -> tuple[dt.date, dt.date] | None:
    return cycle.window(PhaseKind.SELF_ASSESSMENT, agency_id)


def assessment_closed(submission: Submission, today: dt.date) -> bool:
    """Closed by «ثبت نهایی» or because the agency's (extended) deadline has passed."""
    if submission.finalised_at:
        return True
    window = assessment_window(submission.cycle, submission.agency_id)
    return bool(window and today > window[1])


def progress(cycle, agency, today: dt.date | None = None) -> Progress:
    today = _today(today)
    applicable = applicable_indicators(cycle, agency.pk).count()
    answered = Answer.objects.filter(submission__cycle_id=cycle.pk, submission__agency_id=agency.pk).count()
    window = assessment_window(cycle, agency.pk)
    submission = submission_for(cycle, agency, create=False)
    closed = bool((window and today > window[1]) or (submission and submission.finalised_at))
    return rules.progress_of(applicable=applicable, answered=answered, closed=closed)


def totals(cycle) -> dict[int, tuple[Decimal, Decimal]]:
    """(sum of evaluators' scores, sum of maxima) of every participating agency over its indicators."""
    result = {}
    for agency in cycle.agencies.all():
        indicators = applicable_indicators(cycle, agency.pk)
        maximum = indicators.aggregate(m=Sum("max_score"))["m"] or Decimal(0)
        total = Review.objects.filter(
            submission__cycle_id=cycle.pk, submission__agency_id=agency.pk, indicator__in=indicators
        ).aggregate(s=Sum("score"))["s"] or Decimal(0)
        result[agency.pk] = (total, maximum)
    return result


def _cycle_open(cycle, user) -> None:
    _check(cycle, user, rules.check_cycle_opened, opened=bool(cycle.live and cycle.pinned_revision_id))


def _cycle_not_final(cycle, user, what: str = "این تغییر") -> None:
    _check(cycle, user, rules.check_not_final, final=cycle.is_final, what=what)


def _participates(cycle, agency, user) -> None:
    if not cycle.agencies.filter(pk=agency.pk).exists():
        _refuse(
            cycle,
            EvaluationRuleViolation(Rule.AGENCY, f"«{agency.name}» در این دوره مشمول ارزیابی نیست."),
            user,
        )


def _own_agency(cycle, agency, user) -> None:
    """Only the agency's own users file its self-assessment and objections (not even evaluators do it for them)."""
    if not access.is_own_agency(user, agency.pk):
        _refuse(
            cycle,
            EvaluationRuleViolation(Rule.AGENCY, "فقط کاربران همین دستگاه خودارزیابی آن را ثبت می‌کنند."),
            user,
        )


# --- indicators ----------------------------------------------------------------------------------------


@transaction.atomic
def issue_indicators(
    cycle, indicators: Iterable[Indicator], *, by, today: dt.date | None = None
) -> list[CycleIndicator]:
    """Snapshot bank indicators into the cycle (seed 000 rows 1–7). Already issued ones are skipped."""
    today = _today(today)
    _require(cycle, by, access.is_evaluator(by), "ابلاغ شاخص‌ها با ارزیابان سازمان است.")
    _cycle_not_final(cycle, by)
    window = cycle.window(PhaseKind.SELF_ASSESSMENT)
    _check(
        cycle,
        by,
        rules.check_indicators_editable,
        today=today,
        self_assessment_start=window[0] if window else None,
        answered=False,
    )
    made = []
    for indicator in indicators:
        _check(
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
    today = _today(today)
    cycle = cycle_indicator.cycle
    _require(cycle, by, access.is_evaluator(by), "برداشتن شاخص از دوره با ارزیابان سازمان است.")
    window = cycle.window(PhaseKind.SELF_ASSESSMENT)
    answered = (
        cycle_indicator.answers.exists()
        or cycle_indicator.reviews.exists()
        or cycle_indicator.objections.exists()
    )
    _check(
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
    today = _today(today)
    cycle = EvaluationCyclePage.objects.select_for_update().get(pk=cycle.pk)
    _require(cycle, by, access.is_evaluator(by), "ثبت تمدید مهلت با ارزیابان سازمان است.")
    _cycle_open(cycle, by)
    _cycle_not_final(cycle, by, "تمدید مهلت")
    if agency is not None:
        _participates(cycle, agency, by)
    if letter is not None:
        letter_number = letter_number or letter.number
        letter_date = letter_date or letter.date
    window = cycle.window(phase, agency.pk if agency else None)
    if window is None:
        _refuse(
            cycle,
            EvaluationRuleViolation(
                Rule.EXTENSION, f"مرحله «{PhaseKind(phase).label}» در زمان‌بندی این دوره نیست."
            ),
            by,
        )
    _check(
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
        granted_at=_moment(today),
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


# --- self-assessment (the agency) ------------------------------------------------------------------------


def _check_agency_can_write(cycle, agency, indicator, by, today) -> Submission:
    _own_agency(cycle, agency, by)
    _cycle_open(cycle, by)
    _cycle_not_final(cycle, by)
    _participates(cycle, agency, by)
    if indicator is not None and (indicator.cycle_id != cycle.pk or not indicator.applies_to(agency.pk)):
        _refuse(
            cycle, EvaluationRuleViolation(Rule.INDICATOR, "این شاخص برای این دستگاه در این دوره نیست."), by
        )
    window = assessment_window(cycle, agency.pk)
    if window is None:
        _refuse(cycle, EvaluationRuleViolation(Rule.WINDOW, "زمان خودارزیابی این دوره تعیین نشده است."), by)
    submission = Submission.objects.select_for_update().get(pk=submission_for(cycle, agency).pk)
    _check(cycle, by, rules.check_window, today=today, start=window[0], end=window[1], what="خودارزیابی")
    _check(
        cycle,
        by,
        rules.check_submission_open,
        finalised_on=timezone.localdate(submission.finalised_at) if submission.finalised_at else None,
    )
    return submission


def _stamp(submission: Submission, step: str, by, today, reason: str, action: str) -> Submission:
    """Mark a step of a submission (finalised, released, accepted): when and by whom, versioned and audited."""
    setattr(submission, f"{step}_at", _moment(today))
    setattr(submission, f"{step}_by", by)
    _versioned(submission, by, reason)
    submission.save()
    audit(submission, action, user=by)
    return submission


#: For ``Answer`` and ``Review``: the score field, the history reason and the audit action of a write.
_SCORED = {
    Answer: ("self_score", "ثبت پاسخ خودارزیابی", "evaluation.answer.save"),
    Review: ("score", "امتیازدهی اولیه", "evaluation.review.score"),
}


def _save_scored(model, cycle, submission, indicator, fields: dict, *, by, today):
    """Write the one ``Answer`` or ``Review`` of a submission for an indicator: the score parsed and
    checked against the indicator's maximum, the other fields, a history version and the audit entry."""
    score_field, reason, action = _SCORED[model]
    value = rules.parse_score(fields.pop(score_field))
    _check(cycle, by, rules.check_score, score=value, maximum=indicator.max_score, label=indicator.code)
    row = model.objects.filter(submission=submission, indicator=indicator).first() or model(
        submission=submission, indicator=indicator
    )
    setattr(row, score_field, value)
    for name, field_value in fields.items():
        setattr(row, name, field_value)
    row._today = today
    _versioned(row, by, reason)
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
    today = _today(today)
    submission = _check_agency_can_write(cycle, agency, indicator, by, today)
    fields = {"self_score": self_score, "narrative": narrative.strip(), "updated_by": by}
    return _save_scored(Answer, cycle, submission, indicator, fields, by=by, today=today)


@transaction.atomic
def attach_evidence(
    answer: Answer, *, by, name: str, data: bytes, today: dt.date | None = None
) -> EvidenceFile:
    """One evidence file, checked from its bytes, kept as a declared record with its SHA-256."""
    today = _today(today)
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
        _refuse(cycle, exc, by)
    item = EvidenceFile(answer=answer, record=record, uploaded_by=by, uploaded_at=_moment(today))
    item._today = today
    _versioned(item, by, "بارگذاری مستند")
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
    today = _today(today)
    answer = item.answer
    submission = answer.submission
    _check_agency_can_write(submission.cycle, submission.agency, answer.indicator, by, today)
    if item.withdrawn_at is None:
        item.withdrawn_at = _moment(today)
        item.withdrawn_by = by
        item._today = today
        _versioned(item, by, "کنار گذاشتن مستند")
        item.save()
        audit(
            submission, "evaluation.evidence.withdraw", user=by, data={"record": item.record.reference_number}
        )
    return item


@transaction.atomic
def finalise_submission(submission: Submission, *, by, today: dt.date | None = None) -> Submission:
    """«ثبت نهایی»: the agency closes its own self-assessment before the deadline, once complete."""
    today = _today(today)
    cycle, agency = submission.cycle, submission.agency
    submission = _check_agency_can_write(cycle, agency, None, by, today)
    answered = set(Answer.objects.filter(submission=submission).values_list("indicator_id", flat=True))
    missing = [i.code for i in applicable_indicators(cycle, agency.pk) if i.pk not in answered]
    _check(cycle, by, rules.check_finalise, missing=missing)
    return _stamp(submission, "finalised", by, today, "ثبت نهایی", "evaluation.submission.finalise")


# --- review (the evaluators) --------------------------------------------------------------------------------


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
    today = _today(today)
    cycle = submission.cycle
    _require(cycle, by, access.is_evaluator(by), "امتیازدهی با ارزیابان سازمان است.")
    _cycle_not_final(cycle, by)
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if indicator.cycle_id != cycle.pk or not indicator.applies_to(submission.agency_id):
        _refuse(
            cycle, EvaluationRuleViolation(Rule.INDICATOR, "این شاخص برای این دستگاه در این دوره نیست."), by
        )
    _check(
        cycle,
        by,
        rules.check_review_open,
        assessment_closed=assessment_closed(submission, today),
        released=bool(submission.released_at),
    )
    fields = {"score": score, "comment": comment.strip(), "scored_by": by}
    return _save_scored(Review, cycle, submission, indicator, fields, by=by, today=today)


@transaction.atomic
def release_results(submission: Submission, *, by, today: dt.date | None = None) -> Submission:
    """«اعلام نتایج اولیه» to one agency: every indicator scored; the scores at this moment are kept."""
    today = _today(today)
    cycle = submission.cycle
    _require(cycle, by, access.is_evaluator(by), "اعلام نتایج با ارزیابان سازمان است.")
    _cycle_not_final(cycle, by)
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.released_at:
        return submission
    scored = set(Review.objects.filter(submission=submission).values_list("indicator_id", flat=True))
    unscored = [i.code for i in applicable_indicators(cycle, submission.agency_id) if i.pk not in scored]
    _check(
        cycle,
        by,
        rules.check_release,
        unscored=unscored,
        assessment_closed=assessment_closed(submission, today),
    )
    for review in Review.objects.filter(submission=submission):
        review.initial_score = review.score
        review._today = today
        _versioned(review, by, "اعلام نتایج اولیه")
        review.save()
    _stamp(submission, "released", by, today, "اعلام نتایج اولیه", "evaluation.results.release")
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
    today = _today(today)
    cycle, agency = submission.cycle, submission.agency
    _own_agency(cycle, agency, by)
    _cycle_not_final(cycle, by)
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if indicator.cycle_id != cycle.pk or not indicator.applies_to(agency.pk):
        _refuse(
            cycle, EvaluationRuleViolation(Rule.INDICATOR, "این شاخص برای این دستگاه در این دوره نیست."), by
        )
    _check(
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
        _refuse(cycle, EvaluationRuleViolation(Rule.WINDOW, "مهلت اعتراض این دوره تعیین نشده است."), by)
    _check(cycle, by, rules.check_window, today=today, start=window[0], end=window[1], what="ثبت اعتراض")
    review = Review.objects.filter(submission=submission, indicator=indicator).first()
    objection = Objection(
        submission=submission,
        indicator=indicator,
        reason=" ".join(reason.split()),
        filed_by=by,
        filed_at=_moment(today),
        score_before=review.score if review else None,
    )
    objection._today = today
    _versioned(objection, by, "ثبت اعتراض")
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
            _refuse(cycle, exc, by)
        ObjectionFile.objects.create(
            objection=objection, record=record, uploaded_by=by, uploaded_at=_moment(today)
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
    _own_agency(cycle, agency, by)
    _cycle_not_final(cycle, by)
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if not submission.released_at:
        _refuse(cycle, EvaluationRuleViolation(Rule.OBJECTION, "نتایج اولیه هنوز اعلام نشده است."), by)
    if not submission.accepted_at:
        _stamp(submission, "accepted", by, today, "پذیرش نتایج اولیه", "evaluation.results.accept")
    return submission


@transaction.atomic
def decide_objection(
    objection: Objection, *, by, status: str, response: str, new_score=None, today: dt.date | None = None
) -> Objection:
    """Evaluators answer an objection and re-score (seed 000 row 15); the review keeps every version."""
    objection = Objection.objects.select_for_update().get(pk=objection.pk)
    submission = objection.submission
    cycle = submission.cycle
    _require(cycle, by, access.is_evaluator(by), "بررسی اعتراض با ارزیابان سازمان است.")
    _cycle_not_final(cycle, by)
    if not objection.is_open:
        _refuse(
            cycle, EvaluationRuleViolation(Rule.OBJECTION, "درباره این اعتراض پیش‌تر تصمیم گرفته شده است."), by
        )
    if status not in (ObjectionStatus.ACCEPTED, ObjectionStatus.PARTLY, ObjectionStatus.REJECTED):
        _refuse(cycle, EvaluationRuleViolation(Rule.OBJECTION, "نتیجه بررسی اعتراض را انتخاب کنید."), by)
    if not " ".join(response.split()):
        _refuse(cycle, EvaluationRuleViolation(Rule.OBJECTION, "پاسخ به اعتراض را بنویسید."), by)
    review = Review.objects.get(submission=submission, indicator=objection.indicator)
    score = review.score if status == ObjectionStatus.REJECTED else rules.parse_score(new_score)
    _check(
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
        _versioned(review, by, f"امتیازدهی مجدد پس از اعتراض ({ObjectionStatus(status).label})")
        review.save()
    objection.status = status
    objection.response = " ".join(response.split())
    objection.score_after = score
    objection.decided_by = by
    objection.decided_at = _moment(today)
    _versioned(objection, by, "بررسی اعتراض")
    objection.save()
    evidence.close_objection_records(objection, by=by, on=_today(today))
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


# --- final results ----------------------------------------------------------------------------------------------


def final_problems(cycle, today: dt.date) -> list[str]:
    problems = []
    for agency in cycle.agencies.all().order_by("code"):
        submission = submission_for(cycle, agency, create=False)
        if submission is None or not submission.released_at:
            problems.append(f"نتایج اولیه «{agency.name}» اعلام نشده است")
            continue
        if Objection.objects.filter(submission=submission, status=ObjectionStatus.OPEN).exists():
            problems.append(f"اعتراض بررسی‌نشده از «{agency.name}» باقی است")
        window = cycle.window(PhaseKind.OBJECTIONS, agency.pk)
        if window and today <= window[1] and not submission.accepted_at:
            problems.append(f"مهلت اعتراض «{agency.name}» تا {format_jalali(window[1])} باز است")
    if not CycleIndicator.objects.filter(cycle_id=cycle.pk).exists():
        problems.append("شاخصی برای این دوره ابلاغ نشده است")
    return problems


@transaction.atomic
def propose_final_results(cycle, *, by, note: str = "", today: dt.date | None = None) -> FinalApproval:
    today = _today(today)
    cycle = EvaluationCyclePage.objects.select_for_update().get(pk=cycle.pk)
    _require(cycle, by, access.is_evaluator(by), "پیشنهاد نتایج نهایی با ارزیابان سازمان است.")
    _cycle_open(cycle, by)
    _cycle_not_final(cycle, by)
    if FinalApproval.objects.filter(cycle_id=cycle.pk, status=ApprovalStatus.PROPOSED).exists():
        _refuse(
            cycle, EvaluationRuleViolation(Rule.PROPOSAL, "نتایج نهایی این دوره در انتظار تصویب است."), by
        )
    _check(cycle, by, rules.check_final_proposal, problems=final_problems(cycle, today))
    approval = FinalApproval.objects.create(
        cycle=cycle, proposed_by=by, note=note.strip(), proposed_at=_moment(today)
    )
    audit(cycle, "evaluation.final.propose", user=by, data={"note": approval.note})
    return approval


@transaction.atomic
def approve_final_results(
    approval: FinalApproval,
    *,
    by,
    council_reference: str = "",
    council_date: dt.date | None = None,
    today: dt.date | None = None,
) -> FinalApproval:
    """A second person (an approver) approves: levelling and ranking are written and everything freezes."""
    today = _today(today)
    approval = FinalApproval.objects.select_for_update().get(pk=approval.pk)
    cycle = EvaluationCyclePage.objects.select_for_update().get(pk=approval.cycle_id)
    _require(cycle, by, access.is_approver(by), "تصویب نتایج نهایی با تصویب‌کننده است.")
    _cycle_not_final(cycle, by)
    if approval.status != ApprovalStatus.PROPOSED:
        _refuse(cycle, EvaluationRuleViolation(Rule.PROPOSAL, "این پیشنهاد در انتظار تصویب نیست."), by)
    _check(cycle, by, rules.check_second_person, proposer_id=approval.proposed_by_id, approver_id=by.pk)
    _check(cycle, by, rules.check_final_proposal, problems=final_problems(cycle, today))
    for standing in rules.standings(totals(cycle)):
        FinalResult.objects.create(
            cycle=cycle,
            agency_id=standing.agency_id,
            total=standing.total,
            maximum=standing.maximum,
            percent=standing.percent,
            tier=standing.tier,
            rank=standing.rank,
        )
    approval.status = ApprovalStatus.APPROVED
    approval.decided_by = by
    approval.decided_at = _moment(today)
    approval.council_reference = council_reference.strip()
    approval.council_date = council_date
    approval.save()
    audit(
        cycle,
        "evaluation.final.approve",
        user=by,
        data={
            "council": approval.council_reference,
            "results": FinalResult.objects.filter(cycle=cycle).count(),
        },
    )
    evidence.sync_trigger_dates(
        cycle, by=by, reason=f"پایان دوره ارزیابی {to_persian_digits(cycle.year)}: تصویب نتایج نهایی"
    )
    notices.after_commit(notices.notify_final_results, cycle)
    return approval


@transaction.atomic
def return_final_results(approval: FinalApproval, *, by, reason: str) -> FinalApproval:
    approval = FinalApproval.objects.select_for_update().get(pk=approval.pk)
    cycle = approval.cycle
    _require(cycle, by, access.is_approver(by), "بازگرداندن نتایج نهایی با تصویب‌کننده است.")
    if approval.status != ApprovalStatus.PROPOSED:
        _refuse(cycle, EvaluationRuleViolation(Rule.PROPOSAL, "این پیشنهاد در انتظار تصویب نیست."), by)
    _check(cycle, by, rules.check_second_person, proposer_id=approval.proposed_by_id, approver_id=by.pk)
    if not " ".join(reason.split()):
        _refuse(cycle, EvaluationRuleViolation(Rule.PROPOSAL, "دلیل بازگشت را بنویسید."), by)
    approval.status = ApprovalStatus.RETURNED
    approval.decided_by = by
    approval.decided_at = timezone.now()
    approval.returned_reason = " ".join(reason.split())
    approval.save()
    audit(cycle, "evaluation.final.return", user=by, data={"reason": approval.returned_reason})
    return approval
