"""Review, initial results, objections and re-scoring, final results by a second person — then immutable."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from records.evaluation import services
from records.evaluation.choices import ApprovalStatus, ObjectionStatus
from records.evaluation.models import (
    Answer,
    CyclePhase,
    EvaluationCyclePage,
    EvidenceFile,
    FinalApproval,
    FinalResult,
    Objection,
    Review,
    Submission,
)
from records.evaluation.rules import EvaluationRuleViolation
from records.models import Record
from tests.evaluation import factories as ef
from tests.evaluation.conftest import pdf
from tests.evaluation.flow import A_SCORES, review, run_to_final, run_to_released, self_assess

pytestmark = pytest.mark.django_db


def test_evaluators_score_only_after_the_self_assessment_closes(cycle, agencies, people):
    self_assess(cycle, agencies["a"], people["a_user"], A_SCORES, finalise=False)
    submission = services.submission_for(cycle, agencies["a"])
    g1 = cycle.indicators.get(code="ع-۱")
    with pytest.raises(EvaluationRuleViolation, match="هنوز باز است"):
        services.score_indicator(submission, g1, by=people["evaluator"], score="5", today=ef.day(5))
    # the deadline has passed (T+10): scoring opens even without «ثبت نهایی»
    services.score_indicator(submission, g1, by=people["evaluator"], score="5", today=ef.day(11))
    with pytest.raises(EvaluationRuleViolation, match="ارزیابان"):
        services.score_indicator(submission, g1, by=people["a_user"], score="10", today=ef.day(11))
    with pytest.raises(EvaluationRuleViolation, match="بین ۰ و ۱۰"):
        services.score_indicator(submission, g1, by=people["evaluator"], score="10.5", today=ef.day(11))


def test_initial_results_need_every_indicator_scored_and_are_mailed(
    cycle, agencies, people, django_capture_on_commit_callbacks
):
    self_assess(cycle, agencies["a"], people["a_user"], A_SCORES)
    submission = review(cycle, agencies["a"], people["evaluator"], {"ع-۱": "7"}, release=False)
    with pytest.raises(EvaluationRuleViolation, match="ع-۲"):
        services.release_results(submission, by=people["evaluator"], today=ef.day(12))
    with django_capture_on_commit_callbacks(execute=True):
        review(cycle, agencies["a"], people["evaluator"], {"ع-۲": "14", "خ-الف-۱": "4"})
    submission.refresh_from_db()
    assert submission.released_at is not None
    assert {r.indicator.code: r.initial_score for r in Review.objects.filter(submission=submission)} == {
        "ع-۱": Decimal("7.00"),
        "ع-۲": Decimal("14.00"),
        "خ-الف-۱": Decimal("4.00"),
    }
    assert [m.to for m in mail.outbox] == [["a@agency.example", "boss-a@agency.example"]]
    assert "نتایج اولیه" in mail.outbox[0].subject
    # after release, a score moves only through an objection
    with pytest.raises(EvaluationRuleViolation, match="اعتراض"):
        services.score_indicator(
            submission, cycle.indicators.get(code="ع-۱"), by=people["evaluator"], score="9", today=ef.day(13)
        )


def test_objection_within_its_window_then_rescoring_keeps_every_version(cycle, agencies, people):
    a, _ = run_to_released(cycle, agencies, people)
    g2 = cycle.indicators.get(code="ع-۲")
    with pytest.raises(EvaluationRuleViolation, match="هنوز باز نیست"):
        services.file_objection(a, g2, by=people["a_user"], reason="مستندات دیده نشده", today=ef.day(20))
    with pytest.raises(EvaluationRuleViolation, match="فقط کاربران همین دستگاه"):
        services.file_objection(a, g2, by=people["b_user"], reason="x", today=ef.day(22))
    objection = services.file_objection(
        a,
        g2,
        by=people["a_user"],
        reason="صورت‌جلسه کمیته دیده نشده است",
        files=[("صورت‌جلسه.pdf", pdf("کمیته"))],
        today=ef.day(22),
    )
    assert objection.score_before == Decimal("14.00") and objection.files.count() == 1
    assert Record.objects.filter(pk=objection.files.get().record_id, series=cycle.evidence_series).exists()
    with pytest.raises(EvaluationRuleViolation, match="پیش‌تر اعتراض"):
        services.file_objection(a, g2, by=people["a_user"], reason="دوباره", today=ef.day(23))
    with pytest.raises(EvaluationRuleViolation, match="پایان رسیده"):
        services.file_objection(
            a, cycle.indicators.get(code="ع-۱"), by=people["a_user"], reason="دیر", today=ef.day(31)
        )

    services.decide_objection(
        objection,
        by=people["evaluator2"],
        status=ObjectionStatus.PARTLY,
        response="بخشی از مستندات پذیرفته شد",
        new_score="17",
        today=ef.day(32),
    )
    objection.refresh_from_db()
    review_row = Review.objects.get(submission=a, indicator=g2)
    assert (objection.status, objection.score_after, review_row.score, review_row.initial_score) == (
        ObjectionStatus.PARTLY,
        Decimal("17.00"),
        Decimal("17.00"),
        Decimal("14.00"),
    )
    reasons = [h.history_change_reason for h in review_row.history.order_by("history_date")]
    assert reasons[-1].startswith("امتیازدهی مجدد") and "امتیازدهی اولیه" in reasons
    with pytest.raises(EvaluationRuleViolation, match="پیش‌تر تصمیم"):
        services.decide_objection(
            objection, by=people["evaluator"], status=ObjectionStatus.REJECTED, response="x", today=ef.day(32)
        )


def test_final_results_need_objections_answered_and_windows_closed(cycle, agencies, people):
    a, b = run_to_released(cycle, agencies, people)
    objection = services.file_objection(
        a, cycle.indicators.get(code="ع-۱"), by=people["a_user"], reason="دلیل", today=ef.day(22)
    )
    with pytest.raises(EvaluationRuleViolation) as refused:
        services.propose_final_results(cycle, by=people["evaluator"], today=ef.day(25))
    assert "اعتراض بررسی‌نشده" in str(refused.value) and "مهلت اعتراض" in str(refused.value)
    services.decide_objection(
        objection,
        by=people["evaluator"],
        status=ObjectionStatus.REJECTED,
        response="مستند تازه‌ای نبود",
        today=ef.day(25),
    )
    services.accept_results(b, by=people["b_user"])
    with pytest.raises(EvaluationRuleViolation, match="اداره کل الف"):
        services.propose_final_results(
            cycle, by=people["evaluator"], today=ef.day(25)
        )  # A's window still open
    services.propose_final_results(cycle, by=people["evaluator"], today=ef.day(31))
    assert FinalApproval.objects.get().status == ApprovalStatus.PROPOSED


def test_the_proposer_cannot_approve_and_only_an_approver_approves(cycle, agencies, people):
    run_to_released(cycle, agencies, people)
    approval = services.propose_final_results(cycle, by=people["evaluator"], today=ef.day(31))
    from accounts.roles import Role
    from tests.factories import person

    both = person("evaluator_approver", Role.EVALUATOR)
    both.groups.add(*people["approver"].groups.all())
    approval2 = approval
    with pytest.raises(EvaluationRuleViolation, match="تصویب‌کننده"):
        services.approve_final_results(approval2, by=people["evaluator2"], today=ef.day(36))
    # a person holding both roles who proposed cannot approve their own proposal
    services.return_final_results(approval, by=people["approver"], reason="صورت‌جلسه پیوست نشده")
    own = services.propose_final_results(cycle, by=both, today=ef.day(31))
    with pytest.raises(EvaluationRuleViolation, match="شخص دیگری"):
        services.approve_final_results(own, by=both, today=ef.day(36))
    assert not FinalResult.objects.exists()
    services.approve_final_results(own, by=people["approver"], today=ef.day(36))
    assert FinalApproval.objects.get(pk=own.pk).status == ApprovalStatus.APPROVED


def test_after_final_approval_nothing_the_results_rest_on_changes_on_any_path(cycle, agencies, people):
    a, _ = run_to_final(cycle, agencies, people)
    cycle = EvaluationCyclePage.objects.get(pk=cycle.pk)
    assert cycle.is_final
    g1 = cycle.indicators.get(code="ع-۱")
    user, evaluator = people["a_user"], people["evaluator"]
    answer = Answer.objects.get(submission=a, indicator=g1)
    review_row = Review.objects.get(submission=a, indicator=g1)
    result = FinalResult.objects.get(cycle=cycle, agency=agencies["a"])

    # services
    attempts = [
        lambda: services.save_answer(cycle, agencies["a"], g1, by=user, self_score="1", today=ef.day(0)),
        lambda: services.score_indicator(a, g1, by=evaluator, score="1", today=ef.day(40)),
        lambda: services.file_objection(a, g1, by=user, reason="x", today=ef.day(22)),
        lambda: services.grant_extension(
            cycle,
            by=evaluator,
            new_end=ef.day(90),
            reason="x",
            letter_number="1",
            letter_date=ef.day(0),
            today=ef.day(40),
        ),
        lambda: services.issue_indicators(cycle, [], by=evaluator, today=ef.day(-40)),
        lambda: services.propose_final_results(cycle, by=evaluator, today=ef.day(40)),
    ]
    for attempt in attempts:
        with pytest.raises(EvaluationRuleViolation, match="نهایی"):
            attempt()
    # models, as a shell would
    answer.self_score = Decimal("1")
    review_row.score = Decimal("1")
    for row in (answer, review_row):
        with pytest.raises(EvaluationRuleViolation, match="نهایی"):
            row.save()
        with pytest.raises(EvaluationRuleViolation, match="نهایی"):
            row.delete()
    percent = result.percent
    result.percent = Decimal("100")
    with pytest.raises(EvaluationRuleViolation):
        result.save()
    # bulk querysets
    for queryset, change in (
        (Answer.objects.filter(submission=a), {"narrative": "x"}),
        (Review.objects.all(), {"comment": "x"}),
        (Submission.objects.filter(pk=a.pk), {"finalised_at": None}),
        (EvidenceFile.objects.all(), {"withdrawn_at": timezone.now()}),
    ):
        with pytest.raises(EvaluationRuleViolation):
            queryset.update(**change)
        with pytest.raises(EvaluationRuleViolation):
            queryset.delete()
    with pytest.raises(EvaluationRuleViolation):
        FinalResult.objects.filter(cycle=cycle).update(rank=1)
    with pytest.raises(EvaluationRuleViolation):
        FinalResult.objects.filter(cycle=cycle).delete()
    with pytest.raises(EvaluationRuleViolation):
        FinalApproval.objects.get(cycle=cycle).delete()
    # the timetable and the agencies of the page
    page = EvaluationCyclePage.objects.get(pk=cycle.pk)
    future = page.phases.get(kind="analysis")
    page.phases = [p for p in page.phases.all() if p.pk != future.pk] + [
        CyclePhase(kind="analysis", starts_on=ef.day(70), ends_on=ef.day(80))
    ]
    with pytest.raises(EvaluationRuleViolation, match="نهایی"):
        page.save()
    page = EvaluationCyclePage.objects.get(pk=cycle.pk)
    page.agencies = [agencies["a"]]
    with pytest.raises(EvaluationRuleViolation):
        page.save()
    # everything as it was
    assert Answer.objects.get(pk=answer.pk).self_score == Decimal("8.00")
    assert Review.objects.get(pk=review_row.pk).score == Decimal("7.00")
    assert FinalResult.objects.get(pk=result.pk).percent == percent
    assert CyclePhase.objects.get(pk=future.pk).starts_on == ef.day(51)


def test_approval_sets_the_evidence_trigger_to_the_day_results_became_final(cycle, agencies, people):
    a, _ = run_to_final(cycle, agencies, people, today=ef.day(36))
    today = ef.day(36)  # the day the approver approved
    records = Record.objects.filter(evaluation_evidence__answer__submission=a)
    assert records.count() == 3
    for record in records:
        assert record.trigger_date == today
        assert record.history.first().history_change_reason.startswith("پایان دوره ارزیابی")
    assert all(
        r.disposition_due_on and r.disposition_due_on > today + dt.timedelta(days=4 * 365) for r in records
    )


def test_a_released_score_moves_only_through_an_objection_on_every_path(cycle, agencies, people):
    a, _ = run_to_released(cycle, agencies, people)
    row = Review.objects.get(submission=a, indicator__code="ع-۱")
    row.score = Decimal("10")
    with pytest.raises(EvaluationRuleViolation, match="اعتراض"):
        row.save()
    early = Objection(submission=a, indicator=row.indicator, reason="دلیل", filed_by=people["a_user"])
    early._today = ef.day(20)
    with pytest.raises(EvaluationRuleViolation, match="هنوز باز نیست"):
        early.save()
    assert Review.objects.get(pk=row.pk).score == Decimal("7.00") and not Objection.objects.exists()
