"""Sharing per unit: an officer, confirmer or approver of one unit works only in that unit's subtree,
on every path — page permissions, the admin, the sign-off service, the API."""

import pytest
from django.urls import reverse
from wagtail.models import Revision, WorkflowState

from procedures.models import ControlledRevision, ProcedurePage
from procedures.rules import ControlRuleViolation
from tests.procedures.signoff import act, edit_draft, submit
from tests.procedures.test_publication_paths import admin_form_data

pytestmark = pytest.mark.django_db


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _post_edit(client, page, user, submit_it=False, **changes):
    """The edit form as a superuser sees it, posted by ``user``."""
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="root"))
    data = admin_form_data(client, page, **changes)
    if submit_it:
        data["action-submit"] = "action-submit"
    client.force_login(user)
    return client.post(_edit_url(page), data)


def test_unit_officer_may_edit_and_submit_in_own_unit(page_a, people):
    perms = page_a.permissions_for_user(people["a_officer"])
    assert perms.can_edit() and perms.can_submit_for_moderation()


def test_unit_officer_may_not_edit_or_submit_in_another_unit(page_a, page_b, people):
    for officer, other in ((people["a_officer"], page_b), (people["b_officer"], page_a)):
        perms = ProcedurePage.objects.get(pk=other.pk).permissions_for_user(officer)
        assert not perms.can_edit()
        assert not perms.can_submit_for_moderation()
        assert not perms.can_add_subpage()


def test_unit_officer_submits_own_unit_page_in_the_admin(client, page_a, people):
    response = _post_edit(client, page_a, people["a_officer"], submit_it=True, change_reason="بازنگری")
    assert response.status_code == 302
    assert WorkflowState.objects.filter(object_id=str(page_a.pk), status="in_progress").exists()


def test_admin_edit_form_of_another_unit_is_refused(client, page_b, people):
    client.force_login(people["a_officer"])
    response = client.get(_edit_url(page_b))
    assert response.status_code in {302, 403}
    if response.status_code == 302:
        follow = client.get(response["Location"])
        assert "اجازه" in follow.content.decode() or "دسترسی" in follow.content.decode()


def test_admin_edit_or_submit_post_to_another_unit_changes_nothing(client, page_b, people):
    before = Revision.objects.for_instance(page_b).count()
    response = _post_edit(client, page_b, people["a_officer"], submit_it=True, title="تغییر غیرمجاز")
    assert response.status_code in {302, 403}
    assert Revision.objects.for_instance(page_b).count() == before
    assert not WorkflowState.objects.filter(object_id=str(page_b.pk)).exists()
    assert ProcedurePage.objects.get(pk=page_b.pk).title == "روش اجرایی واحد ب"


def test_unit_officer_cannot_add_pages_under_another_unit(client, units, people):
    client.force_login(people["a_officer"])
    url = reverse("wagtailadmin_pages:add", args=["procedures", "procedurepage", units["office"].pk])
    assert client.get(url).status_code in {302, 403}
    assert units["office"].get_children().count() == 0


def test_own_unit_signers_take_a_page_through_the_signoff(page_b, people):
    edit_draft(page_b, people["b_officer"], title="روش اجرایی واحد ب")
    state = submit(page_b, people["b_officer"])
    act(state, people["b_confirmer"])
    act(state, people["b_approver"])
    assert ControlledRevision.objects.filter(page=page_b).count() == 1


def test_confirmer_of_another_unit_is_refused_on_the_service_path(page_b, people):
    edit_draft(page_b, people["b_officer"], title="روش اجرایی واحد ب")
    state = submit(page_b, people["b_officer"])
    with pytest.raises(ControlRuleViolation, match="واحدی"):
        act(state, people["a_confirmer"])
    state.refresh_from_db()
    assert state.current_task_state.status == "in_progress"


def test_approver_of_another_unit_is_refused_on_the_service_path(page_a, people):
    edit_draft(page_a, people["a_officer"], title="روش اجرایی واحد الف")
    state = submit(page_a, people["a_officer"])
    act(state, people["a_confirmer"])
    with pytest.raises(ControlRuleViolation):
        act(state, people["b_approver"])
    assert not ControlledRevision.objects.filter(page=page_a).exists()


def test_publish_service_rechecks_the_signers_units(page_a, people):
    """Even a workflow state forced past the tasks cannot be published with another unit's signer."""
    from wagtail.models import TaskState

    from procedures.services import publish_signed_revision

    edit_draft(page_a, people["a_officer"], title="روش اجرایی واحد الف")
    state = submit(page_a, people["a_officer"])
    act(state, people["a_confirmer"])
    state.refresh_from_db()
    TaskState.objects.filter(pk=state.current_task_state.pk).update(
        status=TaskState.STATUS_APPROVED, finished_by=people["b_approver"]
    )
    with pytest.raises(ControlRuleViolation):
        publish_signed_revision(state, people["b_approver"])
    assert not ControlledRevision.objects.filter(page=page_a).exists()


def test_another_units_confirmer_gets_no_action_and_a_forced_admin_post_is_refused(client, page_b, people):
    edit_draft(page_b, people["b_officer"], title="روش اجرایی واحد ب")
    state = submit(page_b, people["b_officer"])
    state.refresh_from_db()
    task = state.current_task_state.task.specific
    page = ProcedurePage.objects.get(pk=page_b.pk)
    assert task.get_actions(page, people["a_confirmer"]) == []
    assert task.locked_for_user(page, people["a_confirmer"])
    assert not task.get_task_states_user_can_moderate(people["a_confirmer"]).exists()
    assert task.get_task_states_user_can_moderate(people["b_confirmer"]).exists()

    client.force_login(people["a_confirmer"])
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page_b.pk, "approve", state.current_task_state_id]
    )
    response = client.post(url, {"comment": ""})
    assert response.status_code in {302, 403}
    state.refresh_from_db()
    assert state.current_task_state.task.specific.pk == task.pk
    assert state.current_task_state.status == "in_progress"


def test_own_units_confirmer_approves_in_the_admin(client, page_b, people):
    edit_draft(page_b, people["b_officer"], title="روش اجرایی واحد ب")
    state = submit(page_b, people["b_officer"])
    state.refresh_from_db()
    first = state.current_task_state
    client.force_login(people["b_confirmer"])
    url = reverse("wagtailadmin_pages:workflow_action", args=[page_b.pk, "approve", first.pk])
    assert client.post(url, {"comment": ""}).status_code in {200, 302}
    first.refresh_from_db()
    assert first.status == "approved"


def test_organisation_wide_signer_may_sign_in_every_unit(page_b, people, units):
    """A group holding the role in the organisation (whose root is the home page) covers every unit."""
    from accounts.roles import Role
    from tests.factories import person
    from units.services import add_member

    chief = person("chief_confirmer", Role.CONFIRMER, "معاون سازمان")
    add_member(units["org"], chief, Role.CONFIRMER)
    edit_draft(page_b, people["b_officer"], title="روش اجرایی واحد ب")
    state = submit(page_b, people["b_officer"])
    act(state, chief)
    assert state.current_task_state.task.specific.role == "approver"


def test_api_lists_only_live_pages_and_offers_no_write(client, page_b, people):
    client.force_login(people["a_officer"])
    listing = client.get("/api/v2/pages/", {"type": "procedures.ProcedurePage"}).json()
    assert page_b.pk not in [item["id"] for item in listing["items"]]
    for method in (client.post, client.put, client.patch, client.delete):
        response = method(f"/api/v2/pages/{page_b.pk}/", {"title": "تغییر"}, content_type="application/json")
        assert response.status_code in {403, 404, 405}
    response = client.post("/api/v2/pages/", {"title": "x"}, content_type="application/json")
    assert response.status_code in {403, 405}
    assert ProcedurePage.objects.get(pk=page_b.pk).title == "روش اجرایی واحد ب"


def test_role_groups_no_longer_hold_tree_wide_page_permissions_once_units_exist(units):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission, Page

    from accounts.roles import Role, ensure_role_groups

    ensure_role_groups()
    role_groups = Group.objects.filter(name__in=[r.value for r in Role])
    assert not GroupPagePermission.objects.filter(
        group__in=role_groups, page=Page.get_first_root_node()
    ).exists()


def test_unit_role_counts_as_the_role(people):
    from accounts.roles import Role, has_role

    assert has_role(people["b_officer"], Role.QUALITY_OFFICER)
    assert not has_role(people["b_officer"], Role.APPROVER)


def test_approver_of_another_unit_cannot_decide_a_withdrawal(page_b, people):
    from procedures.models import RevisionStatus, WithdrawalRequest
    from procedures.services import decide_withdrawal, request_withdrawal

    edit_draft(page_b, people["b_officer"], title="روش اجرایی واحد ب")
    state = submit(page_b, people["b_officer"])
    act(state, people["b_confirmer"])
    act(state, people["b_approver"])
    page = ProcedurePage.objects.get(pk=page_b.pk)
    request = request_withdrawal(page, requested_by=people["b_officer"], reason="جایگزین با روش اجرایی تازه")
    with pytest.raises(ControlRuleViolation, match="واحدی"):
        decide_withdrawal(request, decided_by=people["a_approver"], approve=True)
    assert WithdrawalRequest.objects.get(pk=request.pk).status == WithdrawalRequest.Status.PENDING
    decide_withdrawal(request, decided_by=people["b_approver"], approve=True)
    assert page.current_controlled_revision.status == RevisionStatus.WITHDRAWN
