"""The sign-off as people do it: in the admin, by three different users, over HTTP."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from procedures.models import ControlledRevision, ProcedurePage
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
