"""A cycle run end to end over HTTP in the admin by the roles involved, and the cycle editor's own refusals."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from records.evaluation import services
from records.evaluation.choices import ApprovalStatus, ObjectionStatus, PhaseKind
from records.evaluation.models import (
    Answer,
    CyclePhase,
    EvaluationCyclePage,
    EvidenceFile,
    FinalApproval,
    FinalResult,
    Objection,
    Review,
)
from tests.evaluation import factories as ef
from tests.evaluation.conftest import pdf
from tests.evaluation.flow import review, self_assess

pytestmark = pytest.mark.django_db

# Everything an agency and the evaluators do is possible today; the council and after come later.
RUNNABLE = [
    (PhaseKind.INDICATORS, -45, -31),
    (PhaseKind.SELF_ASSESSMENT, -30, 14),
    (PhaseKind.REVIEW, -30, 30),
    (PhaseKind.INITIAL_RESULTS, -30, 30),
    (PhaseKind.OBJECTIONS, -30, 35),
    (PhaseKind.COUNCIL, 41, 45),
    (PhaseKind.FINAL_RESULTS, 46, 50),
]


@pytest.fixture
def runnable(index, procedure, series, agencies, bank, people):
    cycle = ef.cycle(
        index,
        procedure,
        year=ef.YEAR,
        agencies=agencies.values(),
        series=series,
        timetable=RUNNABLE,
        slug="runnable",
    )
    services.issue_indicators(cycle, bank.values(), by=people["evaluator"], today=ef.day(-31))
    # agency B is already through, so the run below is agency A's
    self_assess(cycle, agencies["b"], people["b_user"], {"ع-۱": "9", "ع-۲": "18"})
    review(cycle, agencies["b"], people["evaluator"], {"ع-۱": "9", "ع-۲": "16"}, today=ef.day(0))
    services.accept_results(services.submission_for(cycle, agencies["b"]), by=people["b_user"])
    return cycle


def test_a_cycle_runs_end_to_end_in_the_admin(client, runnable, agencies, people):
    cycle, a = runnable, agencies["a"]
    base = f"/admin/evaluation/cycles/{cycle.pk}/agencies/{a.pk}"
    indicators = {i.code: i for i in cycle.indicators.all()}

    # the agency answers each indicator with a file, then finalises
    client.force_login(people["a_user"])
    assert client.get(f"{base}/").status_code == 200
    for code, score in {"ع-۱": "۸", "ع-۲": "15", "خ-الف-۱": "۵"}.items():
        upload = SimpleUploadedFile(f"{code}.pdf", pdf(code), content_type="application/pdf")
        response = client.post(
            f"{base}/indicators/{indicators[code].pk}/",
            {"self_score": score, "narrative": "شرح", "evidence": upload},
        )
        assert response.status_code == 302, response.content.decode()[:500]
    assert EvidenceFile.objects.filter(answer__submission__agency=a).count() == 3
    assert client.post(f"{base}/finalise/").status_code == 302
    late = client.post(f"{base}/indicators/{indicators['ع-۱'].pk}/", {"self_score": "10", "narrative": "دیر"})
    assert late.status_code == 200 and "ثبت نهایی شده است" in late.content.decode()
    assert Answer.objects.get(submission__agency=a, indicator=indicators["ع-۱"]).self_score == 8

    # the evaluator scores and releases
    client.force_login(people["evaluator"])
    for code, score in {"ع-۱": "7", "ع-۲": "14", "خ-الف-۱": "4"}.items():
        assert (
            client.post(
                f"{base}/indicators/{indicators[code].pk}/", {"score": score, "comment": "بررسی شد"}
            ).status_code
            == 302
        )
    assert client.post(f"{base}/release/").status_code == 302

    # the agency objects with a file
    client.force_login(people["a_user"])
    attachment = SimpleUploadedFile("گواهی.pdf", pdf("گواهی"), content_type="application/pdf")
    response = client.post(
        f"{base}/objections/",
        {"indicator": indicators["ع-۲"].pk, "reason": "گواهی‌ها دیده نشد", "attachment": attachment},
    )
    assert response.status_code == 302
    objection = Objection.objects.get()

    # the evaluator re-scores
    client.force_login(people["evaluator2"])
    response = client.post(
        f"/admin/evaluation/objections/{objection.pk}/",
        {"status": ObjectionStatus.ACCEPTED, "new_score": "18", "response": "پذیرفته شد"},
    )
    assert response.status_code == 302
    assert Review.objects.get(submission__agency=a, indicator=indicators["ع-۲"]).score == 18

    # the agency accepts; the evaluator proposes; the proposer cannot approve; the approver approves
    client.force_login(people["a_user"])
    assert client.post(f"{base}/accept/").status_code == 302
    final_url = f"/admin/evaluation/cycles/{cycle.pk}/final/"
    client.force_login(people["evaluator"])
    assert client.post(final_url, {"action": "propose", "note": "برای شورا"}).status_code == 302
    own = client.post(final_url, {"action": "approve"})
    assert own.status_code in (302, 403)  # an evaluator is no approver
    client.force_login(people["approver"])
    assert (
        client.post(
            final_url, {"action": "approve", "council_reference": "۳/۱۴۰۵", "council_date": "۱۴۰۵/۰۱/۰۱"}
        ).status_code
        == 302
    )
    assert FinalApproval.objects.get().status == ApprovalStatus.APPROVED
    results = {r.agency.code: r for r in FinalResult.objects.select_related("agency")}
    # A: 7 + 18 + 4 = 29 of 35 → 82.86٪; B: 9 + 16 = 25 of 30 → 83.33٪
    assert (results["A01"].total, results["A01"].percent, results["A01"].rank) == (29, Decimal("82.86"), 2)
    assert results["B01"].rank == 1

    # afterwards: the public page shows the ranking; a write is refused with a message, not an error page
    public = client.get(cycle.url).content.decode()
    assert "سطح‌بندی و رتبه‌بندی" in public and "اداره کل الف" in public
    client.force_login(people["a_user"])
    refused = client.post(f"{base}/indicators/{indicators['ع-۱'].pk}/", {"self_score": "1"})
    assert refused.status_code == 200 and "نهایی" in refused.content.decode()
    assert client.get(f"{base}/scorecard/").status_code == 200


def test_refusals_in_the_admin_are_messages_not_errors(client, cycle, agencies, people):
    client.force_login(people["a_user"])
    base = f"/admin/evaluation/cycles/{cycle.pk}/agencies/{agencies['a'].pk}"
    g1 = cycle.indicators.get(code="ع-۱")
    bad_score = client.post(f"{base}/indicators/{g1.pk}/", {"self_score": "دوازده"})
    assert bad_score.status_code == 200 and "به عدد بنویسید" in bad_score.content.decode()
    too_high = client.post(f"{base}/indicators/{g1.pk}/", {"self_score": "۱۲"})
    assert too_high.status_code == 200 and "بین ۰ و ۱۰" in too_high.content.decode()
    html = SimpleUploadedFile(
        "گزارش.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"
    )
    disguised = client.post(f"{base}/indicators/{g1.pk}/", {"self_score": "5", "evidence": html})
    assert disguised.status_code == 200 and "HTML" in disguised.content.decode()
    assert not EvidenceFile.objects.exists()
    early = client.post(f"{base}/finalise/", follow=True)
    assert early.status_code == 200 and "پیش از ثبت نهایی" in early.content.decode()
    client.force_login(people["evaluator"])
    bad_letter = client.post(
        f"/admin/evaluation/cycles/{cycle.pk}/extensions/",
        {"phase": "self_assessment", "new_end": "۱۴۰۵/۱۳/۴۰", "reason": "کرونا", "letter_number": "1"},
    )
    assert bad_letter.status_code == 200 and "تاریخ" in bad_letter.content.decode()
    shorter = client.post(
        f"/admin/evaluation/cycles/{cycle.pk}/extensions/",
        {
            "phase": "self_assessment",
            "new_end": ef.day(2).isoformat(),
            "reason": "کرونا",
            "letter_number": "749014",
            "letter_date": ef.day(0).isoformat(),
        },
    )
    assert shorter.status_code == 200 and "کوتاه نمی‌کند" in shorter.content.decode()
    granted = client.post(
        f"/admin/evaluation/cycles/{cycle.pk}/extensions/",
        {
            "phase": "self_assessment",
            "agency": agencies["b"].pk,
            "new_end": ef.day(20).isoformat(),
            "reason": "کرونا",
            "letter_number": "749014",
            "letter_date": ef.day(0).isoformat(),
        },
    )
    assert granted.status_code == 302
    dashboard = client.get(f"/admin/evaluation/cycles/{cycle.pk}/").content.decode()
    assert "749014" in dashboard.replace("۷۴۹۰۱۴", "749014") and "<svg" in dashboard


def _editor_form(page, user, phases=None, **fields):
    phases = (
        phases
        if phases is not None
        else [
            {
                "id": p.pk,
                "kind": p.kind,
                "starts_on": p.starts_on.isoformat(),
                "ends_on": p.ends_on.isoformat(),
                "ORDER": n,
            }
            for n, p in enumerate(page.phases.all(), start=1)
        ]
    )
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "year": page.year,
            "opened_on": page.opened_on.isoformat(),
            "procedure": page.procedure_id,
            "evidence_series": page.evidence_series_id or "",
            "objection_series": "",
            "intro": rich_text("<p>معرفی</p>"),
            "note": "",
            "circulars": inline_formset([]),
            "phases": inline_formset(phases),
            **fields,
        }
    )
    data["agencies"] = [a.pk for a in page.agencies.all()]
    form_class = EvaluationCyclePage.get_edit_handler().get_form_class()
    return form_class(data, instance=page, parent_page=page.get_parent(), for_user=user)


def test_the_cycle_editor_refuses_moving_a_started_deadline_and_allows_planning_ahead(cycle, people):
    page = EvaluationCyclePage.objects.get(pk=cycle.pk)
    superuser = people["evaluator"]
    untouched = _editor_form(page, superuser)
    assert untouched.is_valid(), untouched.errors
    rows = [
        {
            "id": p.pk,
            "kind": p.kind,
            "starts_on": p.starts_on.isoformat(),
            "ends_on": p.ends_on.isoformat(),
            "ORDER": n,
        }
        for n, p in enumerate(page.phases.all(), start=1)
    ]
    moved = [
        dict(r, ends_on=ef.day(25).isoformat()) if r["kind"] == PhaseKind.SELF_ASSESSMENT else r for r in rows
    ]
    form = _editor_form(page, superuser, phases=moved)
    assert not form.is_valid()
    assert any("فقط با ثبت تمدید" in e for e in form.non_field_errors())
    planned = [
        dict(r, ends_on=ef.day(60).isoformat()) if r["kind"] == PhaseKind.ANALYSIS else r for r in rows
    ]
    assert _editor_form(page, superuser, phases=planned).is_valid()
    backwards = [
        dict(r, starts_on=ef.day(70).isoformat()) if r["kind"] == PhaseKind.ANALYSIS else r for r in rows
    ]
    assert any("پیش از آغاز" in e for e in _editor_form(page, superuser, phases=backwards).non_field_errors())
    reopened = _editor_form(page, superuser, opened_on=ef.day(-400).isoformat())
    assert not reopened.is_valid() and "opened_on" in reopened.errors


def test_a_started_deadline_moved_by_any_other_path_is_refused_too(cycle):
    page = EvaluationCyclePage.objects.get(pk=cycle.pk)
    page.phases = [
        CyclePhase(
            kind=p.kind,
            starts_on=p.starts_on,
            ends_on=ef.day(25) if p.kind == PhaseKind.SELF_ASSESSMENT else p.ends_on,
        )
        for p in page.phases.all()
    ]
    revision = page.save_revision()
    from records.evaluation.rules import EvaluationRuleViolation

    with pytest.raises(EvaluationRuleViolation, match="فقط با ثبت تمدید"):
        revision.publish()
    assert CyclePhase.objects.get(page=cycle, kind=PhaseKind.SELF_ASSESSMENT).ends_on == ef.day(10)
