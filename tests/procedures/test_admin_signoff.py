"""The sign-off as people do it: in the admin, by three different users, over HTTP."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry, WorkflowState

from procedures.models import ControlledRevision, ProcedurePage
from procedures.rules import Rule
from tests.procedures.signoff import edit_draft
from tests.procedures.test_publication_paths import admin_form_data

pytestmark = pytest.mark.django_db


def submit_in_admin(client, page, user, **changes):
    client.force_login(user)
    data = admin_form_data(client, page, **changes)
    data["action-submit"] = "action-submit"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)


def approve_in_admin(client, page, user, state):
    client.force_login(user)
    state.refresh_from_db()
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state_id]
    )
    return client.post(url, {"comment": ""})


def test_revision_01_taken_through_three_signoffs_in_the_admin(client, issued, people):
    state = submit_in_admin(client, issued, people["preparer"], change_reason="افزودن مهلت اعتراض")
    assert approve_in_admin(client, issued, people["confirmer"], state).status_code in {200, 302}
    assert approve_in_admin(client, issued, people["approver"], state).status_code in {200, 302}

    page = ProcedurePage.objects.get(pk=issued.pk)
    assert page.revision_number == 1 and page.full_code.endswith("/۰۱")
    current = page.current_controlled_revision
    assert {s.role: s.user for s in current.signoffs.all()} == {
        "preparer": people["preparer"],
        "confirmer": people["confirmer"],
        "approver": people["approver"],
    }


def test_confirmer_who_edited_gets_no_approve_button_and_a_forced_post_is_refused(client, issued, people):
    edit_draft(issued, people["confirmer"], change_reason="ویرایش تاییدکننده")
    state = submit_in_admin(client, issued, people["preparer"], change_reason="ارسال")

    client.force_login(people["confirmer"])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[issued.pk])).content.decode()
    assert "/workflow/action/" not in edit
    response = approve_in_admin(client, issued, people["confirmer"], state)
    assert response.status_code in {302, 403}  # Wagtail answers a refused action with a redirect + message
    assert ControlledRevision.objects.filter(page=issued).count() == 1


def test_a_quality_officer_cannot_approve_their_own_submission_in_the_admin(client, issued, people):
    state = submit_in_admin(client, issued, people["preparer"], change_reason="ارسال")
    response = approve_in_admin(client, issued, people["preparer"], state)
    assert response.status_code in {302, 403}
    assert ProcedurePage.objects.get(pk=issued.pk).revision_number == 0


# --- the three places people sign from: the editor, the dashboard menu, the sign-off report -------------

GENERIC_DENIAL = "مجوز لازم برای دسترسی"


def approve_in_editor(client, page, user, action="approve", **changes):
    """«تایید» in the editor's action menu: Wagtail posts the whole form, saving it first if it changed."""
    client.force_login(user)
    data = admin_form_data(client, page, **changes)
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)


def approve_from_dashboard(client, page, user, state, action="approve"):
    """«تایید» in the dashboard's «در انتظار بررسی شما» menu (a plain POST carrying next=the dashboard)."""
    client.force_login(user)
    state.refresh_from_db()
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.current_task_state_id])
    return client.post(url, {"next": reverse("wagtailadmin_home")}, follow=True)


def shown(response) -> list[str]:
    return [str(m).strip() for m in response.context["messages"]]


def test_confirmer_in_the_editor_and_approver_on_the_dashboard_publish_revision_01(client, issued, people):
    state = submit_in_admin(client, issued, people["preparer"], change_reason="افزودن مهلت اعتراض")

    confirmed = approve_in_editor(client, issued, people["confirmer"])
    assert confirmed.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert any("به عنوان تاییدکننده امضا کردید" in m for m in shown(confirmed)), shown(confirmed)
    assert not any(GENERIC_DENIAL in m for m in shown(confirmed))

    approved = approve_from_dashboard(client, issued, people["approver"], state)
    assert any("م پ-م-۱-۰۴/۰۱ منتشر شد" in m for m in shown(approved)), shown(approved)
    assert not any(GENERIC_DENIAL in m for m in shown(approved))
    page = ProcedurePage.objects.get(pk=issued.pk)
    assert page.revision_number == 1


def test_confirmer_on_the_dashboard_and_approver_in_the_editor_publish_revision_01(client, issued, people):
    state = submit_in_admin(client, issued, people["preparer"], change_reason="افزودن مهلت اعتراض")

    approve_from_dashboard(client, issued, people["confirmer"], state)
    edit_draft(issued, people["approver"])  # an autosave with nothing changed, before «تایید»
    approved = approve_in_editor(client, issued, people["approver"])

    assert not any(GENERIC_DENIAL in m for m in shown(approved)), shown(approved)
    current = ProcedurePage.objects.get(pk=issued.pk).current_controlled_revision
    assert current.number == 1
    assert {s.role: s.user for s in current.signoffs.all()}["approver"] == people["approver"]


def test_rejecting_from_the_editor_returns_the_draft_to_the_preparer(client, issued, people):
    state = submit_in_admin(client, issued, people["preparer"], change_reason="افزودن مهلت اعتراض")
    rejected = approve_in_editor(client, issued, people["confirmer"], action="reject")

    assert any("درخواست اصلاح" in m for m in shown(rejected)), shown(rejected)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_a_refused_approval_in_the_editor_shows_its_persian_reason_and_saves_nothing(client, issued, people):
    edit_draft(issued, people["confirmer"], change_reason="ویرایش تاییدکننده")
    submit_in_admin(client, issued, people["preparer"], change_reason="ارسال")
    revisions = issued.revisions.count()

    refused = approve_in_editor(client, issued, people["confirmer"], title="عنوانی که نباید ذخیره شود")
    messages = shown(refused)
    assert any("مشارکت داشته‌اید" in m for m in messages), messages
    assert not any(GENERIC_DENIAL in m for m in messages)
    assert issued.revisions.count() == revisions  # not quietly kept as a draft
    entry = PageLogEntry.objects.filter(page_id=issued.pk, action="sanad.refused").latest("pk")
    assert entry.user == people["confirmer"] and entry.data["rule"] == Rule.EDITOR_CANNOT_SIGN


def test_a_refused_approval_from_the_dashboard_shows_its_persian_reason_and_is_logged(client, issued, people):
    edit_draft(issued, people["confirmer"], change_reason="ویرایش تاییدکننده")
    state = submit_in_admin(client, issued, people["preparer"], change_reason="ارسال")

    refused = approve_from_dashboard(client, issued, people["confirmer"], state)
    assert any("مشارکت داشته‌اید" in m for m in shown(refused)), shown(refused)
    assert not any(GENERIC_DENIAL in m for m in shown(refused))
    assert PageLogEntry.objects.filter(
        page_id=issued.pk, action="sanad.refused", user=people["confirmer"]
    ).exists()


def test_the_second_of_two_confirmers_is_told_the_step_is_already_signed(client, issued, people):
    state = submit_in_admin(client, issued, people["preparer"], change_reason="ارسال")
    state.refresh_from_db()
    step = state.current_task_state_id  # both confirmers have the dashboard open
    approve_from_dashboard(client, issued, people["confirmer"], state)

    client.force_login(people["confirmer2"])
    url = reverse("wagtailadmin_pages:workflow_action", args=[issued.pk, "approve", step])
    late = client.post(url, {"next": reverse("wagtailadmin_home")}, follow=True)
    assert any("پیش‌تر امضا شده است" in m for m in shown(late)), shown(late)
    assert PageLogEntry.objects.filter(
        page_id=issued.pk, action="sanad.refused", user=people["confirmer2"]
    ).exists()


def test_submitting_revision_01_without_a_change_reason_is_refused_on_the_form(client, issued, people):
    client.force_login(people["preparer"])
    data = admin_form_data(client, issued, organisation_unit="دفتر تازه", change_reason="")
    data["action-submit"] = "action-submit"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[issued.pk]), data)

    assert response.status_code == 200
    assert "برای بازنگری ۰۱ شرح تغییرات الزامی است" in response.content.decode()
    assert not WorkflowState.objects.filter(object_id=str(issued.pk)).exists()
    assert PageLogEntry.objects.filter(page_id=issued.pk, action="sanad.refused").exists()


def test_signers_find_the_draft_in_the_sign_off_report_and_open_the_editor(client, issued, people):
    submit_in_admin(client, issued, people["preparer"], change_reason="ارسال")
    client.force_login(people["confirmer"])
    report = client.get(reverse("procedures_signoff_report"))

    assert report.status_code == 200
    edit_url = reverse("wagtailadmin_pages:edit", args=[issued.pk])
    assert edit_url in report.content.decode()
    assert client.get(edit_url).status_code == 200
    confirmed = approve_in_editor(client, issued, people["confirmer"])
    assert any("به عنوان تاییدکننده امضا کردید" in m for m in shown(confirmed))
