"""Rule 2, 3, 4, 5: a controlled revision is published only through three different signers."""

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from procedures.models import ControlledRevision, ProcedurePage, RevisionStatus
from procedures.rules import ControlRuleViolation, Rule
from tests.procedures.signoff import act, edit_draft, sign_through, submit

pytestmark = pytest.mark.django_db


def test_three_different_people_publish_revision_01_with_stamped_number_code_and_dates(issued, people):
    sign_through(
        issued,
        people["preparer"],
        people["confirmer"],
        people["approver"],
        change_reason="افزودن مرحله اعتراض",
    )

    page = ProcedurePage.objects.get(pk=issued.pk)
    current = page.current_controlled_revision
    assert page.live and current.number == 1
    assert page.revision_number == 1
    assert page.full_code == "م پ-م-۱-۰۴/۰۱"
    assert current.code == "م پ-م-۱-۰۴/۰۱"
    assert page.revision_date == timezone.localdate()
    assert page.issue_date == issued.issue_date  # the first issue's date stays
    assert current.change_reason == "افزودن مرحله اعتراض"
    signers = {s.role: (s.user, s.position) for s in current.signoffs.all()}
    assert signers == {
        "preparer": (people["preparer"], "کارشناس کیفیت"),
        "confirmer": (people["confirmer"], "معاون توسعه مدیریت"),
        "approver": (people["approver"], "رئیس سازمان"),
    }


def test_publishing_revision_01_makes_00_obsolete_with_its_in_force_dates(issued, people):
    sign_through(issued, people["preparer"], people["confirmer"], people["approver"], change_reason="اصلاح")

    old, new = ControlledRevision.objects.filter(page=issued).order_by("number")
    assert old.status == RevisionStatus.SUPERSEDED
    assert old.effective_until == new.effective_from == timezone.localdate()
    assert new.status == RevisionStatus.IN_FORCE and new.effective_until is None


def test_first_issue_through_workflow_is_revision_00_without_revision_date(draft, people):
    sign_through(draft, people["preparer"], people["confirmer"], people["approver"], purpose="<p>هدف</p>")

    page = ProcedurePage.objects.get(pk=draft.pk)
    assert page.live and page.revision_number == 0
    assert page.revision_date is None and page.issue_date == timezone.localdate()
    assert page.full_code.endswith("/۰۰")


def test_confirmer_who_edited_the_draft_cannot_confirm_it(issued, people):
    edit_draft(issued, people["confirmer"], change_reason="ویرایش توسط تاییدکننده")
    state = submit(issued, people["preparer"])
    task = state.current_task_state.task.specific

    assert task.get_actions(ProcedurePage.objects.get(pk=issued.pk), people["confirmer"]) == []
    with pytest.raises(ControlRuleViolation) as refused:
        act(state, people["confirmer"])
    assert refused.value.rule == Rule.EDITOR_CANNOT_SIGN
    assert ControlledRevision.objects.filter(page=issued).count() == 1
    assert PageLogEntry.objects.filter(page=issued, action="sanad.refused").exists()


def test_approver_who_edited_the_draft_cannot_approve_it(issued, people):
    edit_draft(issued, people["approver"], change_reason="ویرایش توسط تصویب‌کننده")
    edit_draft(issued, people["preparer"], change_reason="ویرایش نهایی")
    state = submit(issued, people["preparer"])
    act(state, people["confirmer"])

    with pytest.raises(ControlRuleViolation) as refused:
        act(state, people["approver"])
    assert refused.value.rule == Rule.EDITOR_CANNOT_SIGN
    assert ProcedurePage.objects.get(pk=issued.pk).revision_number == 0


def test_the_same_person_cannot_confirm_and_approve(issued, people):
    both = people["confirmer"]
    both.groups.add(*people["approver"].groups.all())
    edit_draft(issued, people["preparer"], change_reason="اصلاح")
    state = submit(issued, people["preparer"])
    act(state, both)

    with pytest.raises(ControlRuleViolation) as refused:
        act(state, both)
    assert refused.value.rule == Rule.DISTINCT_SIGNERS
    assert ProcedurePage.objects.get(pk=issued.pk).revision_number == 0


def test_the_preparer_cannot_confirm_their_own_submission(issued, people):
    preparer = people["preparer"]
    preparer.groups.add(*people["confirmer"].groups.all())
    edit_draft(issued, preparer, change_reason="اصلاح")
    state = submit(issued, preparer)

    with pytest.raises(ControlRuleViolation) as refused:
        act(state, preparer)
    assert refused.value.rule in {Rule.DISTINCT_SIGNERS, Rule.EDITOR_CANNOT_SIGN}


def test_superuser_outside_the_signer_groups_cannot_sign(issued, people):
    edit_draft(issued, people["preparer"], change_reason="اصلاح")
    state = submit(issued, people["preparer"])

    with pytest.raises(ControlRuleViolation) as refused:
        act(state, people["superuser"])
    assert refused.value.rule == Rule.SIGNER_ROLE


def test_revision_after_00_without_a_change_reason_is_not_published(issued, people):
    state = sign_through_refused(issued, people, change_reason="")
    assert state.rule == Rule.CHANGE_REASON
    assert ProcedurePage.objects.get(pk=issued.pk).revision_number == 0


def test_change_reason_copied_from_the_previous_revision_is_refused(issued, people):
    sign_through(
        issued, people["preparer"], people["confirmer"], people["approver"], change_reason="اصلاح جدول"
    )
    refused = sign_through_refused(issued, people, change_reason="اصلاح جدول", title="عنوان تازه")
    assert refused.rule == Rule.CHANGE_REASON


def sign_through_refused(page, people, **changes) -> ControlRuleViolation:
    with pytest.raises(ControlRuleViolation) as refused:
        sign_through(page, people["preparer"], people["confirmer2"], people["approver2"], **changes)
    return refused.value


def test_revision_numbers_rise_by_one_each_time(issued, people):
    for n, reason in enumerate(["اول", "دوم", "سوم"], start=1):
        sign_through(
            issued, people["preparer"], people["confirmer"], people["approver"], change_reason=reason
        )
        assert ProcedurePage.objects.get(pk=issued.pk).revision_number == n
    assert list(ControlledRevision.objects.filter(page=issued).values_list("number", flat=True)) == [
        0,
        1,
        2,
        3,
    ]
