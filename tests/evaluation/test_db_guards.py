"""Break it (issue 10 §3): once a cycle's final results are approved, everything they rest on refuses
every write path, the database included; the path to final approval itself passes the guards."""

import pytest
from django.utils import timezone

from records.evaluation import services
from records.evaluation.choices import ApprovalStatus, ObjectionStatus
from records.evaluation.models import (
    Answer,
    CycleExtension,
    CycleIndicator,
    EvidenceFile,
    FinalApproval,
    FinalResult,
    Objection,
    ObjectionFile,
    Review,
    Submission,
)
from tests.db_guard_attempts import Attempts, try_every_path
from tests.evaluation import factories as ef
from tests.evaluation.conftest import pdf
from tests.evaluation.flow import run_to_released


@pytest.fixture
def final(cycle, agencies, people):
    """A cycle with an extension, an objection with its file, decided, then final results approved."""
    services.grant_extension(
        cycle,
        by=people["evaluator"],
        agency=agencies["b"],
        new_end=ef.day(11),
        reason="درخواست دستگاه",
        letter_number="۱۲/۳",
        letter_date=ef.day(0),
        today=ef.day(0),
    )
    a, b = run_to_released(cycle, agencies, people)
    objection = services.file_objection(
        a,
        cycle.indicators.get(code="ع-۱"),
        by=people["a_user"],
        reason="مستندات دیده نشده",
        files=[("صورت‌جلسه.pdf", pdf("کمیته"))],
        today=ef.day(22),
    )
    services.decide_objection(
        objection,
        by=people["evaluator"],
        status=ObjectionStatus.REJECTED,
        response="مستند تازه‌ای نبود",
        today=ef.day(25),
    )
    services.accept_results(b, by=people["b_user"])
    approval = services.propose_final_results(cycle, by=people["evaluator"], today=ef.day(31))
    services.approve_final_results(approval, by=people["approver"], council_reference="ص-۱", today=ef.day(36))
    assert FinalApproval.objects.get(pk=approval.pk).status == ApprovalStatus.APPROVED
    return a


def test_after_final_approval_every_table_of_the_cycle_refuses_every_write_path(cycle, final, people):
    a = final
    now = timezone.now()
    answer = Answer.objects.filter(submission=a).first()
    rows = (
        (Submission, a.pk, {"finalised_at": None}, "accepted_at = NULL"),
        (Answer, answer.pk, {"narrative": "جعلی"}, "narrative = 'جعلی'"),
        (Review, Review.objects.filter(submission=a).first().pk, {"comment": "جعلی"}, "score = 0"),
        (
            EvidenceFile,
            EvidenceFile.objects.filter(answer=answer).first().pk,
            {"withdrawn_at": now},
            "withdrawn_at = NULL",
        ),
        (Objection, Objection.objects.get(submission=a).pk, {"response": "جعلی"}, "status = 'accepted'"),
        (ObjectionFile, ObjectionFile.objects.get().pk, {"uploaded_at": now}, "uploaded_by_id = NULL"),
        (CycleExtension, CycleExtension.objects.get(cycle=cycle).pk, {"reason": "جعلی"}, "reason = 'جعلی'"),
        (
            CycleIndicator,
            CycleIndicator.objects.filter(cycle=cycle).first().pk,
            {"max_score": 100},
            "title = 'جعلی'",
        ),
        (FinalResult, FinalResult.objects.filter(cycle=cycle).first().pk, {"rank": 9}, "rank = 9"),
        (
            FinalApproval,
            FinalApproval.objects.get(cycle=cycle).pk,
            {"status": ApprovalStatus.PROPOSED},
            "status = 'returned'",
        ),
        (Answer.history.model, Answer.history.first().pk, {"narrative": "جعلی"}, "narrative = 'جعلی'"),
    )
    attempts = Attempts()
    for model, pk, changes, raw_set in rows:
        key = model._meta.pk.column
        try_every_path(attempts, model, pk, changes=changes, raw_set=raw_set, raw_key=key)
    attempts.assert_all_refused()
    assert FinalApproval.objects.get(cycle=cycle).status == ApprovalStatus.APPROVED
    assert Answer.objects.get(pk=answer.pk).narrative != "جعلی"
