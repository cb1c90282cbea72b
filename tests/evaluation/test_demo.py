"""The evaluation demo: seed 003's 1398 and 1399 cycles with their letters, and a runnable current cycle."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from jalali.calendar import parse_jalali
from procedures.models import ExternalReferencePage
from records.evaluation.choices import ApprovalStatus, PhaseKind
from records.evaluation.models import (
    AgencyMember,
    CycleExtension,
    EvaluationCyclePage,
    EvidenceFile,
    FinalApproval,
    FinalResult,
    Objection,
    SentNotice,
    Submission,
)

pytestmark = pytest.mark.django_db


def test_the_demo_replays_1398_and_1399_and_loads_once(django_capture_on_commit_callbacks):
    from django.core import mail

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", quiet_users=True)
    counts = (
        EvaluationCyclePage.objects.count(),
        Submission.objects.count(),
        EvidenceFile.objects.count(),
        FinalResult.objects.count(),
    )

    letters = {
        p.number: p
        for p in ExternalReferencePage.objects.filter(
            number__in=["24/189975/110", "749014", "712669", "237016/110"]
        )
    }
    assert {n: p.date for n, p in letters.items()} == {
        "24/189975/110": parse_jalali("1398/10/23"),
        "749014": parse_jalali("1398/12/24"),
        "712669": parse_jalali("1398/12/07"),
        "237016/110": parse_jalali("1398/12/25"),
    }

    c1398, c1399 = EvaluationCyclePage.objects.get(year=1398), EvaluationCyclePage.objects.get(year=1399)
    assert c1398.pinned_revision.number == 0 and c1399.pinned_revision.number == 0
    assert c1398.opened_on == parse_jalali("1398/10/23") and c1399.opened_on == parse_jalali("1398/12/07")
    covid = CycleExtension.objects.get(cycle=c1398, agency__isnull=True)
    assert covid.letter == letters["749014"] and "کرونا" in covid.reason
    assert (covid.previous_end, covid.new_end) == (parse_jalali("1398/12/25"), parse_jalali("1399/02/31"))
    assert CycleExtension.objects.filter(cycle=c1398, agency__isnull=False).count() == 1
    # two cycles at once: on 1399/01/15 the 1398 self-assessment (extended) and the 1399 indicators phase both run
    day = parse_jalali("1399/01/15")
    w1398, w1399 = c1398.window(PhaseKind.SELF_ASSESSMENT), c1399.window(PhaseKind.INDICATORS)
    assert w1398[0] <= day <= w1398[1] and w1399[0] <= day <= w1399[1]

    assert FinalApproval.objects.get(cycle=c1398).status == ApprovalStatus.APPROVED
    assert FinalResult.objects.filter(cycle=c1398).count() == 4
    assert Objection.objects.filter(submission__cycle=c1398).count() == 1
    assert not FinalApproval.objects.filter(cycle=c1399).exists()
    assert AgencyMember.objects.get(user__username="agency").agency.code == "101"
    assert EvidenceFile.objects.filter(answer__submission__cycle=c1398).count() > 0
    evidence = EvidenceFile.objects.filter(answer__submission__cycle=c1398).select_related("record").first()
    assert (
        evidence.record.trigger_date == parse_jalali("1399/05/28")
        and len(evidence.record.files.get().sha256) == 64
    )
    # Replaying 1398 mails no agency: every evaluation notice is logged as a SentNotice in the same
    # transaction as its mail. (Other apps' demo steps — distribution, content rules — do mail staff.)
    assert not SentNotice.objects.exists()
    assert not [m.subject for m in mail.outbox if "۱۳۹۸" in m.subject or "ارزیابی عملکرد سال" in m.subject]
    # the whole 1398 cycle is on hold (an objection pending elsewhere): its records are frozen, 1399's are not
    from records.models import Hold, Record

    hold = Hold.objects.get(cycle=c1398)
    assert hold.kind == "objection" and "اعتراض در جریان" in hold.reason
    assert evidence.record.is_on_hold
    objection_record = Objection.objects.get(submission__cycle=c1398).files.get().record
    assert Record.objects.on_hold().filter(pk=objection_record.pk).exists()
    assert not Hold.objects.filter(cycle=c1399).exists()

    runnable = EvaluationCyclePage.objects.exclude(year__in=[1398, 1399]).get()
    assert runnable.window(PhaseKind.SELF_ASSESSMENT)[1] > timezone.localdate()

    call_command("load_demo", quiet_users=True)
    assert Hold.objects.filter(cycle=c1398).count() == 1
    assert counts == (
        EvaluationCyclePage.objects.count(),
        Submission.objects.count(),
        EvidenceFile.objects.count(),
        FinalResult.objects.count(),
    )
