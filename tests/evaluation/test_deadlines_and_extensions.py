"""Self-assessment closes at the (extended) deadline; extensions are events with a letter, for the
whole cycle or one agency; late changes are refused with the date the window closed."""

import pytest
from django.core import mail

from jalali.calendar import format_jalali
from records.choices import Phase
from records.evaluation import services
from records.evaluation.choices import PhaseKind
from records.evaluation.models import Answer, CycleExtension, EvidenceFile
from records.evaluation.rules import EvaluationRuleViolation
from records.models import Record
from tests.evaluation import factories as ef
from tests.evaluation.conftest import pdf

pytestmark = pytest.mark.django_db


def g1(cycle):
    return cycle.indicators.get(code="ع-۱")


def answer(cycle, agency, user, today, score="7"):
    return services.save_answer(
        cycle, agency, g1(cycle), by=user, self_score=score, narrative="شرح", today=today
    )


def test_agency_answers_and_uploads_evidence_within_the_window(cycle, agencies, people, series):
    """GIVEN the self-assessment window is open WHEN agency A answers and uploads a PDF
    THEN the file is a declared record in the evidence series with its SHA-256, whose trigger is the
    cycle's final-results date."""
    saved = answer(cycle, agencies["a"], people["a_user"], ef.day(0), score="۷٫۵")
    assert str(saved.self_score) == "7.50"
    item = services.attach_evidence(
        saved, by=people["a_user"], name="گزارش عملکرد.pdf", data=pdf(), today=ef.day(0)
    )
    record = Record.objects.get(pk=item.record_id)
    assert (
        record.series_id == series.pk
        and record.phase == Phase.ACTIVE
        and record.declared_by == people["a_user"]
    )
    file = record.files.get()
    import hashlib

    assert file.sha256 == hashlib.sha256(pdf()).hexdigest() and file.name == "گزارش عملکرد.pdf"
    assert record.trigger_date == ef.day(40)  # end of the final-results phase
    assert record.disposition_due_on is not None


def test_a_late_change_is_refused_with_the_date_the_window_closed(cycle, agencies, people):
    saved = answer(cycle, agencies["a"], people["a_user"], ef.day(0))
    with pytest.raises(EvaluationRuleViolation) as refused:
        answer(cycle, agencies["a"], people["a_user"], ef.day(11), score="10")
    assert format_jalali(ef.day(10)) in str(refused.value) and "پایان رسیده" in str(refused.value)
    assert Answer.objects.get(pk=saved.pk).self_score == saved.self_score
    with pytest.raises(EvaluationRuleViolation, match=format_jalali(ef.day(10))):
        services.attach_evidence(saved, by=people["a_user"], name="دیر.pdf", data=pdf(), today=ef.day(11))
    assert not EvidenceFile.objects.exists()


def test_the_window_has_not_opened_before_its_first_day(cycle, agencies, people):
    with pytest.raises(EvaluationRuleViolation, match="هنوز باز نیست"):
        answer(cycle, agencies["a"], people["a_user"], ef.day(-31))


def test_whole_cycle_extension_moves_every_agencys_deadline(cycle, agencies, people):
    """GIVEN a deadline of T+10 WHEN letter 749014 extends it for the whole cycle to T+20
    THEN both agencies can still answer on T+15 and the history keeps the old deadline."""
    extension = services.grant_extension(
        cycle,
        by=people["evaluator"],
        new_end=ef.day(20),
        reason="شیوع کرونا",
        letter_number="749014",
        letter_date=ef.day(-1),
        today=ef.day(0),
    )
    assert extension.previous_end == ef.day(10) and extension.agency is None
    assert cycle.window(PhaseKind.SELF_ASSESSMENT) == (ef.day(-30), ef.day(20))
    answer(cycle, agencies["a"], people["a_user"], ef.day(15))
    answer(cycle, agencies["b"], people["b_user"], ef.day(15))
    with pytest.raises(EvaluationRuleViolation, match=format_jalali(ef.day(20))):
        answer(cycle, agencies["b"], people["b_user"], ef.day(21))


def test_one_agency_extension_leaves_the_others_deadline_as_it_was(cycle, agencies, people):
    services.grant_extension(
        cycle,
        by=people["evaluator"],
        agency=agencies["a"],
        new_end=ef.day(14),
        reason="درخواست دستگاه به سبب جابه‌جایی ستاد",
        letter_number="۱۲۳/۴۵",
        letter_date=ef.day(0),
        today=ef.day(0),
    )
    answer(cycle, agencies["a"], people["a_user"], ef.day(13))
    with pytest.raises(EvaluationRuleViolation) as refused:
        answer(cycle, agencies["b"], people["b_user"], ef.day(13))
    assert format_jalali(ef.day(10)) in str(refused.value)
    assert services.assessment_window(cycle, agencies["a"].pk)[1] == ef.day(14)
    assert services.assessment_window(cycle, agencies["b"].pk)[1] == ef.day(10)
    # a later whole-cycle extension beyond it applies to A too
    services.grant_extension(
        cycle,
        by=people["evaluator"],
        new_end=ef.day(18),
        reason="تمدید عمومی",
        letter_number="9",
        letter_date=ef.day(1),
        today=ef.day(1),
    )
    assert services.assessment_window(cycle, agencies["a"].pk)[1] == ef.day(18)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"letter_number": ""}, "شماره و تاریخ نامه"),
        ({"letter_date": None}, "شماره و تاریخ نامه"),
        ({"reason": "  "}, "دلیل تمدید"),
        ({"new_end": ef.day(5)}, "کوتاه نمی‌کند"),
        ({"new_end": ef.day(10)}, "کوتاه نمی‌کند"),
        ({"letter_date": ef.day(3)}, "از امروز گذشته"),
    ],
)
def test_an_extension_without_a_letter_reason_or_later_date_is_refused(cycle, people, changes, message):
    facts = {
        "new_end": ef.day(20),
        "reason": "کرونا",
        "letter_number": "749014",
        "letter_date": ef.day(-1),
        **changes,
    }
    with pytest.raises(EvaluationRuleViolation, match=message):
        services.grant_extension(cycle, by=people["evaluator"], today=ef.day(0), **facts)
    assert not CycleExtension.objects.exists()


def test_only_evaluators_grant_extensions_and_an_extension_is_never_edited(cycle, people):
    with pytest.raises(EvaluationRuleViolation, match="ارزیابان"):
        services.grant_extension(
            cycle,
            by=people["a_user"],
            new_end=ef.day(20),
            reason="x",
            letter_number="1",
            letter_date=ef.day(0),
            today=ef.day(0),
        )
    extension = services.grant_extension(
        cycle,
        by=people["evaluator"],
        new_end=ef.day(20),
        reason="x",
        letter_number="1",
        letter_date=ef.day(0),
        today=ef.day(0),
    )
    extension.new_end = ef.day(30)
    with pytest.raises(EvaluationRuleViolation, match="تغییر نمی‌کند"):
        extension.save()
    with pytest.raises(EvaluationRuleViolation, match="حذف نمی‌شوند"):
        extension.delete()
    assert CycleExtension.objects.get().new_end == ef.day(20)


def test_an_extension_letter_from_the_references_gives_its_number_and_date(cycle, people, tree):
    from procedures.models import ExternalReferencePage

    _, _, references = tree
    letter = references.add_child(
        instance=ExternalReferencePage(
            title="نامه تمدید", slug="letter-x", ref_type="letter", number="749014", date=ef.day(-2)
        )
    )
    extension = services.grant_extension(
        cycle, by=people["evaluator"], new_end=ef.day(20), reason="کرونا", letter=letter, today=ef.day(0)
    )
    assert (extension.letter_number, extension.letter_date, extension.letter_id) == (
        "749014",
        ef.day(-2),
        letter.pk,
    )


def test_an_extension_is_mailed_to_the_agency_contacts_once(
    cycle, agencies, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.grant_extension(
            cycle,
            by=people["evaluator"],
            agency=agencies["b"],
            new_end=ef.day(20),
            reason="کرونا",
            letter_number="749014",
            letter_date=ef.day(0),
            today=ef.day(0),
        )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["b@agency.example"]
    assert "749014" in mail.outbox[0].body.replace("۷۴۹۰۱۴", "749014") and "تمدید" in mail.outbox[0].subject


def test_finalised_submission_is_closed_before_the_deadline(cycle, agencies, people):
    a, user = agencies["a"], people["a_user"]
    answer(cycle, a, user, ef.day(0))
    submission = services.submission_for(cycle, a)
    with pytest.raises(EvaluationRuleViolation, match="ع-۲"):
        services.finalise_submission(submission, by=user, today=ef.day(0))
    for code in ("ع-۲", "خ-الف-۱"):
        services.save_answer(
            cycle, a, cycle.indicators.get(code=code), by=user, self_score="1", today=ef.day(0)
        )
    services.finalise_submission(submission, by=user, today=ef.day(0))
    with pytest.raises(EvaluationRuleViolation, match="ثبت نهایی"):
        answer(cycle, a, user, ef.day(1))


def test_scores_outside_zero_to_maximum_and_foreign_indicators_are_refused(cycle, agencies, people):
    with pytest.raises(EvaluationRuleViolation, match="بین ۰ و ۱۰"):
        answer(cycle, agencies["a"], people["a_user"], ef.day(0), score="11")
    with pytest.raises(EvaluationRuleViolation, match="بین ۰ و ۱۰"):
        answer(cycle, agencies["a"], people["a_user"], ef.day(0), score="-1")
    with pytest.raises(EvaluationRuleViolation, match="امتیاز شاخص"):
        answer(cycle, agencies["a"], people["a_user"], ef.day(0), score="بسیار")
    specific = cycle.indicators.get(code="خ-الف-۱")  # belongs to A, not B
    with pytest.raises(EvaluationRuleViolation, match="برای این دستگاه"):
        services.save_answer(
            cycle, agencies["b"], specific, by=people["b_user"], self_score="1", today=ef.day(0)
        )
    assert not Answer.objects.exists()


def test_an_upload_is_judged_by_its_bytes_and_a_refusal_saves_nothing(cycle, agencies, people):
    saved = answer(cycle, agencies["a"], people["a_user"], ef.day(0))
    records_before = Record.objects.count()
    with pytest.raises(Exception, match="HTML"):
        services.attach_evidence(
            saved,
            by=people["a_user"],
            name="گزارش.pdf",
            data=b"<html><script>x</script></html>",
            today=ef.day(0),
        )
    assert Record.objects.count() == records_before and not EvidenceFile.objects.exists()


def test_withdrawing_evidence_keeps_its_record(cycle, agencies, people):
    saved = answer(cycle, agencies["a"], people["a_user"], ef.day(0))
    item = services.attach_evidence(saved, by=people["a_user"], name="الف.pdf", data=pdf(), today=ef.day(0))
    services.withdraw_evidence(item, by=people["a_user"], today=ef.day(1))
    item.refresh_from_db()
    assert item.withdrawn_at is not None and Record.objects.filter(pk=item.record_id).exists()
    assert list(saved.current_files()) == []


def test_nobody_but_the_agency_itself_files_its_self_assessment(cycle, agencies, people):
    for user in (people["b_user"], people["evaluator"], people["stranger"]):
        with pytest.raises(EvaluationRuleViolation, match="فقط کاربران همین دستگاه"):
            answer(cycle, agencies["a"], user, ef.day(0))


def test_the_deadline_holds_in_a_shell_too(cycle, agencies, people):
    """GIVEN an answer saved through the service WHEN the window has closed and someone saves the model
    directly (a shell, a script) THEN the model refuses it as the service would; bulk updates are refused."""
    from decimal import Decimal

    saved = answer(cycle, agencies["a"], people["a_user"], ef.day(0))
    saved.self_score = Decimal("10")
    saved._today = ef.day(11)
    with pytest.raises(EvaluationRuleViolation, match=format_jalali(ef.day(10))):
        saved.save()
    fresh = Answer(
        submission=saved.submission,
        indicator=cycle.indicators.get(code="ع-۲"),
        self_score=1,
        updated_by=people["a_user"],
    )
    fresh._today = ef.day(11)
    with pytest.raises(EvaluationRuleViolation, match="پایان رسیده"):
        fresh.save()
    with pytest.raises(EvaluationRuleViolation, match="گروهی"):
        Answer.objects.filter(pk=saved.pk).update(self_score=10)
    assert Answer.objects.get(pk=saved.pk).self_score == Decimal("7.00")
    too_high = Answer(
        submission=saved.submission,
        indicator=cycle.indicators.get(code="ع-۲"),
        self_score=99,
        updated_by=people["a_user"],
    )
    with pytest.raises(EvaluationRuleViolation, match="بین ۰ و ۲۰"):
        too_high.save()
