"""Rules 6–9 through the services: history, in force on a date, review, withdrawal, paper import."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from procedures.models import ControlledRevision, ProcedurePage, RevisionStatus, WithdrawalRequest
from procedures.rules import ControlRuleViolation, Rule
from procedures.services import PaperRevision, decide_withdrawal, import_legacy_revision, request_withdrawal
from tests.factories import paper_signers
from tests.procedures.signoff import sign_through

pytestmark = pytest.mark.django_db


def test_paper_import_records_signers_as_written_and_marks_the_revision_imported(issued):
    row = ControlledRevision.objects.get(page=issued)
    assert row.imported and row.number == 0
    assert row.issue_date == dt.date(2016, 12, 25) and row.revision_date is None
    assert row.effective_from == dt.date(2016, 12, 25)
    names = {s.role: (s.name, s.position, s.on_paper, s.user) for s in row.signoffs.all()}
    assert names["approver"] == ("علی هادی چگنی", "رئیس سازمان مدیریت و برنامه ریزی استان لرستان", True, None)
    assert PageLogEntry.objects.filter(page=issued, action="sanad.revision.import").exists()


def test_paper_import_is_closed_once_a_revision_is_made_in_sanad(issued, people):
    sign_through(issued, people["preparer"], people["confirmer"], people["approver"], change_reason="اصلاح")
    signers = paper_signers(dt.date(2018, 1, 1))
    paper = PaperRevision(
        2,
        dt.date(2016, 12, 25),
        dt.date(2018, 1, 1),
        "کاغذی",
        signers["preparer"],
        signers["confirmer"],
        signers["approver"],
    )

    with pytest.raises(ControlRuleViolation) as refused:
        import_legacy_revision(
            ProcedurePage.objects.get(pk=issued.pk), paper, imported_by=people["preparer"], note="x"
        )
    assert refused.value.rule == Rule.LEGACY_IMPORT
    assert ControlledRevision.objects.filter(page=issued).count() == 2


def test_paper_import_with_one_person_signing_twice_is_refused(draft, people):
    on = dt.date(2016, 12, 25)
    signers = paper_signers(on)
    paper = PaperRevision(0, on, None, "", signers["preparer"], signers["preparer"], signers["approver"])
    with pytest.raises(ControlRuleViolation):
        import_legacy_revision(draft, paper, imported_by=people["preparer"], note="x")
    assert not ProcedurePage.objects.get(pk=draft.pk).live


def test_which_revision_was_in_force_on_a_jalali_date(issued, people, client):
    sign_through(issued, people["preparer"], people["confirmer"], people["approver"], change_reason="اصلاح")
    page = ProcedurePage.objects.get(pk=issued.pk)

    assert page.revision_in_force_on(dt.date(2017, 3, 21)).number == 0  # 1396/01/01
    assert page.revision_in_force_on(timezone.localdate()).number == 1
    assert page.revision_in_force_on(dt.date(2010, 1, 1)) is None

    response = client.get(page.url + "in-force/?date=۱۳۹۶/۰۱/۰۱")
    assert response.status_code == 200
    assert response.context["found"].number == 0
    bad = client.get(page.url + "in-force/?date=1393/0/20")
    assert bad.status_code == 200 and bad.context["error"] and bad.context["found"] is None


def test_superseded_revision_stays_readable_marked_obsolete(issued, people, client):
    sign_through(
        issued,
        people["preparer"],
        people["confirmer"],
        people["approver"],
        change_reason="اصلاح",
        purpose="<p>هدف تازه</p>",
    )
    page = ProcedurePage.objects.get(pk=issued.pk)

    old = client.get(page.url + "revisions/0/")
    assert old.status_code == 200
    assert old.context["controlled"].status == RevisionStatus.SUPERSEDED
    assert "هدف تازه" not in old.content.decode()
    assert client.get(page.url + "revisions/").status_code == 200
    assert client.get(page.url + "revisions/9/").status_code == 404


def test_overdue_review_is_listed_on_the_admin_dashboard(issued, people, client):
    assert ProcedurePage.objects.get(pk=issued.pk).review_overdue()  # issued in 1395, reviewed yearly
    client.force_login(people["auditor"])
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert issued.title in response.content.decode()


def test_withdrawal_is_approved_by_a_second_person_and_the_document_stays_readable(issued, people, client):
    request = request_withdrawal(issued, requested_by=people["preparer"], reason="ادغام در روش جدید")
    with pytest.raises(ControlRuleViolation):
        decide_withdrawal(request, decided_by=people["preparer"], approve=True)
    decide_withdrawal(request, decided_by=people["approver"], approve=True)

    page = ProcedurePage.objects.get(pk=issued.pk)
    assert page.live and page.is_withdrawn
    assert page.current_controlled_revision.withdrawal_reason == "ادغام در روش جدید"
    assert client.get(page.url).status_code == 200
    assert PageLogEntry.objects.filter(page=issued, action="sanad.withdrawal.approve").exists()


def test_withdrawal_cannot_be_decided_by_someone_without_the_approver_role(issued, people):
    request = request_withdrawal(issued, requested_by=people["preparer"], reason="منسوخ")
    with pytest.raises(ControlRuleViolation) as refused:
        decide_withdrawal(request, decided_by=people["confirmer"], approve=True)
    assert refused.value.rule == Rule.SIGNER_ROLE
    assert WithdrawalRequest.objects.get(pk=request.pk).status == WithdrawalRequest.Status.PENDING


def test_withdrawn_document_takes_no_new_revision(issued, people):
    request = request_withdrawal(issued, requested_by=people["preparer"], reason="منسوخ")
    decide_withdrawal(request, decided_by=people["approver"], approve=True)
    with pytest.raises(ControlRuleViolation):
        sign_through(
            issued, people["preparer"], people["confirmer"], people["approver"], change_reason="احیا"
        )


def test_withdrawal_through_the_admin_queue(issued, people, client):
    client.force_login(people["preparer"])
    response = client.post(reverse("procedures_request_withdrawal", args=[issued.pk]), {"reason": "ادغام"})
    assert response.status_code == 302
    request = WithdrawalRequest.objects.get(page=issued)

    client.force_login(people["approver"])
    assert client.get(reverse("procedures_withdrawals")).status_code == 200
    client.post(reverse("procedures_decide_withdrawal", args=[request.pk]), {"decision": "approve"})
    assert ProcedurePage.objects.get(pk=issued.pk).is_withdrawn


def test_a_second_paper_revision_can_be_imported_after_the_first(issued, people):
    signers = paper_signers(dt.date(2018, 1, 1))
    paper = PaperRevision(
        1,
        dt.date(2016, 12, 25),
        dt.date(2018, 1, 1),
        "بازنگری کاغذی ۱۳۹۶",
        signers["preparer"],
        signers["confirmer"],
        signers["approver"],
    )
    import_legacy_revision(
        ProcedurePage.objects.get(pk=issued.pk), paper, imported_by=people["preparer"], note="x"
    )

    old, new = ControlledRevision.objects.filter(page=issued).order_by("number")
    assert new.imported and new.status == RevisionStatus.IN_FORCE
    assert old.status == RevisionStatus.SUPERSEDED and old.effective_until == dt.date(2018, 1, 1)
