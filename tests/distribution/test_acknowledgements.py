"""Publishing a revision asks each recipient to acknowledge it; only they can, once, while it is in force."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from distribution import services
from distribution.models import AcknowledgementRequest
from distribution.rules import DistributionRuleViolation
from jalali.calendar import format_jalali
from tests.distribution.conftest import import_paper_revision
from tests.procedures.signoff import sign_through


def test_a_revision_in_force_asks_every_recipient_once(in_force, people):
    requests = AcknowledgementRequest.objects.filter(controlled=in_force).order_by("recipient__username")
    assert [r.recipient.username for r in requests] == ["agency_user", "evaluator", "preparer"]
    today = timezone.localdate()
    assert all(r.asked_on == today and r.due_on == today + dt.timedelta(days=10) for r in requests)
    assert requests.get(recipient=people["evaluator"]).position == "کارشناس ارزیاب"


def test_each_recipient_is_emailed_in_persian_with_code_revision_dates_and_link(in_force, draft, mailoutbox):
    assert sorted(m.to[0] for m in mailoutbox) == [
        "agency_user@example.org",
        "evaluator@example.org",
        "preparer@example.org",
    ]
    message = mailoutbox[0]
    assert "درخواست تأیید مطالعه" in message.subject
    assert draft.title in message.subject
    assert "۰۰" in message.subject
    assert in_force.code in message.body
    assert "شماره بازنگری: ۰۰" in message.body
    due = AcknowledgementRequest.objects.filter(controlled=in_force).first().due_on
    assert format_jalali(due) in message.body
    assert "http" in message.body and "/admin/" in message.body


def test_asking_again_for_the_same_revision_asks_nobody_twice(in_force, mailoutbox):
    mailoutbox.clear()
    assert services.request_acknowledgements(in_force) == 0
    assert AcknowledgementRequest.objects.filter(controlled=in_force).count() == 3
    assert mailoutbox == []


def test_a_document_without_a_list_asks_nobody(draft, people, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        import_paper_revision(draft, people["preparer"])
    assert AcknowledgementRequest.objects.count() == 0
    assert mailoutbox == []


def test_the_request_is_written_to_the_documents_audit_log(in_force, draft):
    entry = PageLogEntry.objects.get(page_id=draft.pk, action="sanad.distribution.request")
    assert entry.data["count"] == 3


def test_the_recipient_acknowledges_and_it_is_audited(in_force, draft, people):
    request = AcknowledgementRequest.objects.get(controlled=in_force, recipient=people["evaluator"])
    services.acknowledge(request, by=people["evaluator"])
    request.refresh_from_db()
    assert request.acknowledged_at is not None
    entry = PageLogEntry.objects.get(page_id=draft.pk, action="sanad.distribution.acknowledge")
    assert entry.user_id == people["evaluator"].pk


def test_nobody_else_can_acknowledge_for_the_recipient(in_force, draft, people):
    request = AcknowledgementRequest.objects.get(controlled=in_force, recipient=people["evaluator"])
    with pytest.raises(DistributionRuleViolation, match="فقط گیرنده"):
        services.acknowledge(request, by=people["preparer"])
    request.refresh_from_db()
    assert request.acknowledged_at is None
    assert PageLogEntry.objects.filter(page_id=draft.pk, action="sanad.refused").exists()


def test_a_recipient_acknowledges_only_once(in_force, people):
    request = AcknowledgementRequest.objects.get(controlled=in_force, recipient=people["evaluator"])
    services.acknowledge(request, by=people["evaluator"])
    first = AcknowledgementRequest.objects.get(pk=request.pk).acknowledged_at
    with pytest.raises(DistributionRuleViolation, match="پیش‌تر تأیید شده"):
        services.acknowledge(request, by=people["evaluator"])
    assert AcknowledgementRequest.objects.get(pk=request.pk).acknowledged_at == first


def test_acknowledging_a_superseded_revision_is_refused_and_the_new_revision_has_its_own_request(
    in_force, draft, people, django_capture_on_commit_callbacks, register
):
    old = AcknowledgementRequest.objects.get(controlled=in_force, recipient=people["evaluator"])
    with django_capture_on_commit_callbacks(execute=True):
        sign_through(
            draft,
            people["preparer"],
            people["confirmer"],
            people["approver"],
            change_reason="بازنگری آزمایشی",
        )
    with pytest.raises(DistributionRuleViolation, match="دیگر جاری نیست"):
        services.acknowledge(old, by=people["evaluator"])
    newer = AcknowledgementRequest.objects.get(recipient=people["evaluator"], controlled__number=1)
    services.acknowledge(newer, by=people["evaluator"])
    assert AcknowledgementRequest.objects.get(pk=newer.pk).acknowledged_at is not None
    assert AcknowledgementRequest.objects.get(pk=old.pk).acknowledged_at is None
