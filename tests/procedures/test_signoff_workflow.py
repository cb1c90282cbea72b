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


# --- saves that change nothing, and the draft's content changing during review -----------------------


def approved_steps(state) -> list[str]:
    from wagtail.models import TaskState

    return list(
        TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_APPROVED)
        .order_by("pk")
        .values_list("task__name", flat=True)
    )


def test_reviewers_saving_without_a_change_still_sign_and_the_revision_is_published(issued, people):
    edit_draft(issued, people["preparer"], change_reason="افزودن مهلت اعتراض")
    state = submit(issued, people["preparer"])
    edit_draft(issued, people["confirmer"])  # «ذخیره پیش‌نویس» with nothing changed
    act(state, people["confirmer"])
    edit_draft(issued, people["approver"])  # the save Wagtail makes before «تایید» in the editor
    act(state, people["approver"])

    page = ProcedurePage.objects.get(pk=issued.pk)
    assert page.revision_number == 1 and page.live_revision_id == page.latest_revision_id
    # Not sent back to the confirmer: an unchanged save keeps the signatures already given.
    assert approved_steps(state) == ["تایید سند", "تصویب سند"]
    signers = {s.role: s.user for s in page.current_controlled_revision.signoffs.all()}
    assert signers["confirmer"] == people["confirmer"] and signers["approver"] == people["approver"]


def test_autosave_that_ends_where_it_started_does_not_make_the_approver_an_editor(issued, people):
    edit_draft(issued, people["preparer"], change_reason="افزودن مهلت اعتراض")
    state = submit(issued, people["preparer"])
    act(state, people["confirmer"])
    page = ProcedurePage.objects.get(pk=issued.pk).get_latest_revision_as_object()
    original = page.purpose
    page.purpose = "<p>حرفی تایپ شد</p>"
    autosaved = page.save_revision(user=people["approver"])
    page.purpose = original  # …and deleted again; autosave overwrites its own revision
    page.save_revision(user=people["approver"], overwrite_revision=autosaved)

    act(state, people["approver"])
    assert ProcedurePage.objects.get(pk=issued.pk).revision_number == 1


def test_an_autosave_that_changed_the_text_makes_the_approver_an_editor(issued, people):
    edit_draft(issued, people["preparer"], change_reason="افزودن مهلت اعتراض")
    state = submit(issued, people["preparer"])
    act(state, people["confirmer"])
    page = ProcedurePage.objects.get(pk=issued.pk).get_latest_revision_as_object()
    page.purpose = "<p>هدف بازنویسی‌شده به دست تصویب‌کننده</p>"
    page.save_revision(user=people["approver"])

    with pytest.raises(ControlRuleViolation) as refused:
        act(state, people["approver"])
    assert refused.value.rule == Rule.EDITOR_CANNOT_SIGN


def test_a_change_of_content_during_review_needs_the_confirmation_again(issued, people):
    edit_draft(issued, people["preparer"], change_reason="افزودن مهلت اعتراض")
    state = submit(issued, people["preparer"])
    act(state, people["confirmer"])
    edit_draft(issued, people["preparer"], purpose="<p>هدف اصلاح‌شده</p>")  # the text changed after confirming

    act(state, people["approver"])
    page = ProcedurePage.objects.get(pk=issued.pk)
    assert page.revision_number == 0  # not published: the confirmer has not seen this text
    state.refresh_from_db()
    assert state.current_task_state.task.name == "تایید سند"


def test_the_change_reason_is_asked_for_when_the_draft_is_submitted(issued, people):
    from wagtail.models import WorkflowState

    edit_draft(issued, people["preparer"], purpose="<p>هدف تازه</p>", change_reason="")

    with pytest.raises(ControlRuleViolation) as refused:
        submit(issued, people["preparer"])
    assert refused.value.rule == Rule.CHANGE_REASON
    assert not WorkflowState.objects.filter(object_id=str(issued.pk), status="in_progress").exists()


def test_a_first_issue_is_submitted_without_a_change_reason(draft, people):
    edit_draft(draft, people["preparer"], purpose="<p>هدف</p>")
    state = submit(draft, people["preparer"])
    assert state.status == "in_progress"


# --- two signers at once ---------------------------------------------------------------------------


def test_a_second_confirmer_acting_on_a_decided_step_is_told_it_is_already_signed(issued, people):
    edit_draft(issued, people["preparer"], change_reason="افزودن مهلت اعتراض")
    state = submit(issued, people["preparer"])
    stale = state.current_task_state  # both confirmers opened the same step
    task = stale.task.specific
    act(state, people["confirmer"])

    with pytest.raises(ControlRuleViolation) as refused:
        task.on_action(stale, people["confirmer2"], "approve")
    assert refused.value.rule == Rule.STEP_DECIDED
    assert "پیش‌تر امضا شده است" in refused.value.message
    assert approved_steps(state) == ["تایید سند"]
    refusal = PageLogEntry.objects.filter(page=issued, action="sanad.refused").latest("pk")
    assert refusal.user == people["confirmer2"] and refusal.data["rule"] == Rule.STEP_DECIDED


def test_a_second_approver_after_publication_is_told_already_signed_not_an_unrelated_rule(issued, people):
    edit_draft(issued, people["preparer"], change_reason="افزودن مهلت اعتراض")
    state = submit(issued, people["preparer"])
    act(state, people["confirmer"])
    stale = state.current_task_state
    act(state, people["approver"])

    with pytest.raises(ControlRuleViolation) as refused:
        stale.task.specific.on_action(stale, people["approver2"], "approve")
    assert refused.value.rule == Rule.STEP_DECIDED
    assert list(ControlledRevision.objects.filter(page=issued).values_list("number", flat=True)) == [0, 1]
