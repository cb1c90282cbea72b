"""Rule 1 and 2 on every path: nobody publishes or alters a controlled document around the sign-off."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from procedures.models import ControlledRevision, ProcedurePage
from procedures.rules import ControlRuleViolation, Rule
from tests.procedures.signoff import edit_draft

pytestmark = pytest.mark.django_db


def refusals(page) -> int:
    return PageLogEntry.objects.filter(page_id=page.pk, action="sanad.refused").count()


def test_shell_revision_publish_of_an_unsigned_draft_is_refused_and_logged(issued, people):
    revision = edit_draft(issued, people["preparer"], title="عنوان بدون امضا", change_reason="x")

    with pytest.raises(ControlRuleViolation) as refused:
        revision.publish()
    assert refused.value.rule == Rule.PUBLISH_THROUGH_SIGNOFF
    assert ProcedurePage.objects.get(pk=issued.pk).title != "عنوان بدون امضا"
    assert refusals(issued) == 1


def test_superuser_shell_publish_with_permission_checks_skipped_is_refused(issued, people):
    revision = edit_draft(issued, people["superuser"], title="دور زدن", change_reason="x")

    with pytest.raises(ControlRuleViolation):
        revision.publish(user=people["superuser"], skip_permission_checks=True)
    assert ProcedurePage.objects.get(pk=issued.pk).title != "دور زدن"


def test_publish_action_used_directly_is_refused_at_save(issued, people):
    from wagtail.actions.publish_page_revision import PublishPageRevisionAction

    revision = edit_draft(issued, people["superuser"], title="از راه اکشن", change_reason="x")
    with pytest.raises(ControlRuleViolation):
        PublishPageRevisionAction(revision, user=people["superuser"]).execute(skip_permission_checks=True)
    assert ProcedurePage.objects.get(pk=issued.pk).live_revision_id != revision.pk


def test_direct_write_to_live_content_in_the_shell_is_refused(issued):
    page = ProcedurePage.objects.get(pk=issued.pk)
    page.purpose = "<p>تغییر مستقیم</p>"

    with pytest.raises(ControlRuleViolation) as refused:
        page.save()
    assert refused.value.rule == Rule.LIVE_IMMUTABLE
    assert ProcedurePage.objects.get(pk=issued.pk).purpose != "<p>تغییر مستقیم</p>"
    assert refusals(issued) == 1


def test_unpublishing_a_controlled_document_is_refused_for_a_superuser_and_in_the_shell(issued, people):
    from django.core.exceptions import PermissionDenied

    page = ProcedurePage.objects.get(pk=issued.pk)
    with pytest.raises(PermissionDenied):
        page.unpublish(user=people["superuser"])
    with pytest.raises(ControlRuleViolation) as refused:
        page.unpublish()  # no user: no permission check, the save gate still holds
    assert refused.value.rule == Rule.LIVE_IMMUTABLE
    assert ProcedurePage.objects.get(pk=issued.pk).live


def test_creating_a_controlled_page_live_is_refused(tree):
    _, procedures, _ = tree
    with pytest.raises(ControlRuleViolation) as refused:
        procedures.add_child(instance=ProcedurePage(title="زنده از ابتدا", document_code="X-1"))
    assert refused.value.rule == Rule.PUBLISH_THROUGH_SIGNOFF
    assert not ProcedurePage.objects.filter(title="زنده از ابتدا").exists()


def test_saving_a_draft_revision_of_a_live_document_leaves_the_live_content_alone(issued, people):
    edit_draft(issued, people["preparer"], purpose="<p>پیش‌نویس ۰۱</p>", change_reason="x")

    live = ProcedurePage.objects.get(pk=issued.pk)
    assert live.purpose != "<p>پیش‌نویس ۰۱</p>"
    assert live.get_latest_revision_as_object().purpose == "<p>پیش‌نویس ۰۱</p>"
    assert live.has_unpublished_changes


def test_scheduled_publishing_command_cannot_publish_an_unsigned_revision(issued, people):
    revision = edit_draft(issued, people["preparer"], title="زمان‌بندی‌شده", change_reason="x")
    revision.approved_go_live_at = timezone.now() - dt.timedelta(minutes=1)
    revision.save(update_fields=["approved_go_live_at"])

    with pytest.raises(ControlRuleViolation):
        call_command("publish_scheduled")
    assert ProcedurePage.objects.get(pk=issued.pk).title != "زمان‌بندی‌شده"


def test_published_register_row_is_immutable_and_never_deleted(issued):
    row = ControlledRevision.objects.get(page=issued)
    row.change_reason = "بازنویسی تاریخ"
    with pytest.raises(ControlRuleViolation):
        row.save()
    with pytest.raises(ControlRuleViolation):
        row.delete()


def test_deleting_a_document_with_revisions_is_refused_by_the_database(issued):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        ProcedurePage.objects.get(pk=issued.pk).delete()


# --- the admin ---------------------------------------------------------------------------------------


def test_admin_publish_button_is_not_offered_even_to_a_superuser(client, issued, people):
    client.force_login(people["superuser"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[issued.pk]))
    assert response.status_code == 200
    assert b'name="action-publish"' not in response.content
    assert b"action-submit" not in response.content  # a superuser is not a preparer


def test_a_forged_publish_post_by_a_superuser_is_refused_with_a_persian_message_and_logged(
    client, issued, people
):
    client.force_login(people["superuser"])
    url = reverse("wagtailadmin_pages:edit", args=[issued.pk])
    page = ProcedurePage.objects.get(pk=issued.pk)
    data = admin_form_data(client, page, title="منتشر با دکمه مدیر", change_reason="x")
    data["action-publish"] = "action-publish"
    response = client.post(url, data, follow=True)

    shown = [str(m) for m in response.context["messages"]]
    assert any("انتشار مستقیم مجاز نیست" in m for m in shown), shown
    assert not any("مجوز لازم" in m for m in shown)
    entry = PageLogEntry.objects.filter(page_id=issued.pk, action="sanad.refused").get()
    assert entry.user == people["superuser"] and entry.data["rule"] == Rule.PUBLISH_THROUGH_SIGNOFF
    # Refused, not quietly kept as a draft.
    assert (
        ProcedurePage.objects.get(pk=issued.pk).get_latest_revision_as_object().title != "منتشر با دکمه مدیر"
    )
    live = ProcedurePage.objects.get(pk=issued.pk)
    assert live.title != "منتشر با دکمه مدیر"
    assert live.revision_number == 0


def test_admin_offers_submit_to_the_quality_officer(client, issued, people):
    client.force_login(people["preparer"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[issued.pk]))
    assert response.status_code == 200
    assert b"action-submit" in response.content
    assert b'name="action-publish"' not in response.content


def test_admin_delete_of_a_controlled_document_is_refused(client, issued, people):
    client.force_login(people["superuser"])
    client.post(reverse("wagtailadmin_pages:delete", args=[issued.pk]))
    assert ProcedurePage.objects.filter(pk=issued.pk).exists()


def test_api_is_read_only(client, issued):
    response = client.post("/api/v2/pages/", {"title": "x"})
    assert response.status_code in {403, 405}
    listing = client.get("/api/v2/pages/?type=procedures.ProcedurePage&fields=full_code,signoffs")
    assert listing.status_code == 200
    (item,) = listing.json()["items"]
    assert item["full_code"] == "م پ-م-۱-۰۴/۰۰"
    assert [s["role"] for s in item["signoffs"]] == ["approver", "confirmer", "preparer"]
    assert item["signoffs"][0]["on_paper"] is True


def admin_form_data(client, page, **changes):
    """The edit form exactly as the admin renders it, with ``changes`` applied."""
    from wagtail.test.utils.form_data import querydict_from_html

    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    # StreamFields are drawn by JavaScript; the page under test has them empty.
    for field in ("definitions", "activities", "records_list", "external_documents", "attachments"):
        data[f"{field}-count"] = "0"
    for key, value in changes.items():
        data[key] = value
    return data
