"""The admin: the list edited from the document (audited), the dashboard panel and «خواندم و فهمیدم»."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from accounts.roles import Role
from distribution.models import AcknowledgementRequest, DistributionList


def test_the_dashboard_lists_the_users_pending_documents_with_the_acknowledge_action(
    in_force, people, client
):
    client.force_login(people["evaluator"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "اسناد منتظر تأیید مطالعه شما" in html
    assert "خواندم و فهمیدم" in html
    assert in_force.code in html


def test_the_panel_is_absent_for_someone_with_nothing_pending(in_force, people, client):
    client.force_login(people["auditor"])
    assert "اسناد منتظر تأیید مطالعه شما" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_acknowledge_action_confirms_for_the_recipient(in_force, people, client):
    ack = AcknowledgementRequest.objects.get(recipient=people["evaluator"])
    client.force_login(people["evaluator"])
    response = client.post(reverse("distribution_acknowledge", args=[ack.pk]))
    assert response.status_code == 302
    ack.refresh_from_db()
    assert ack.acknowledged_at is not None
    assert "اسناد منتظر تأیید مطالعه شما" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_posting_someone_elses_acknowledgement_is_refused_with_a_persian_message(in_force, people, client):
    ack = AcknowledgementRequest.objects.get(recipient=people["evaluator"])
    client.force_login(people["agency_user"])
    response = client.post(reverse("distribution_acknowledge", args=[ack.pk]), follow=True)
    assert response.status_code == 200
    assert "فقط گیرنده" in response.content.decode()
    assert AcknowledgementRequest.objects.get(pk=ack.pk).acknowledged_at is None


def test_the_document_header_leads_to_a_new_list_for_that_document(draft, people, client):
    client.force_login(people["preparer"])
    response = client.get(reverse("distribution_for_page", args=[draft.pk]))
    assert response.status_code == 302
    assert response.url == reverse("distribution_lists:add") + f"?page={draft.pk}"
    form = client.get(response.url).context["form"]
    assert form.initial["page"] == draft.pk


def test_creating_and_changing_a_list_in_the_admin_is_audited_on_the_document(draft, people, roles, client):
    client.force_login(people["preparer"])
    response = client.post(
        reverse("distribution_lists:add"),
        {"page": draft.pk, "acknowledgement_days": "7", "groups": [roles[Role.AUDITOR].pk]},
    )
    assert response.status_code == 302, response.context["form"].errors
    dlist = DistributionList.objects.get(page_id=draft.pk)
    assert [g.name for g in dlist.groups.all()] == [Role.AUDITOR.value]
    response = client.post(
        reverse("distribution_lists:edit", args=[dlist.pk]),
        {"acknowledgement_days": "21", "users": [people["evaluator"].pk]},
    )
    assert response.status_code == 302, response.context["form"].errors
    entries = PageLogEntry.objects.filter(page_id=draft.pk, action="sanad.distribution.change").order_by("pk")
    assert entries.first().data["before"] is None
    last = entries.last().data
    assert last["before"]["acknowledgement_days"] == 7
    assert last["after"] == {
        "acknowledgement_days": 21,
        "users": ["evaluator"],
        "groups": [],
        "agencies": [],
    }


def test_an_acknowledgement_period_out_of_range_is_refused_in_persian(draft, people, client):
    client.force_login(people["preparer"])
    response = client.post(reverse("distribution_lists:add"), {"page": draft.pk, "acknowledgement_days": "0"})
    assert response.status_code == 200
    assert "مهلت تأیید مطالعه باید بین" in str(response.context["form"].errors)
    assert not DistributionList.objects.exists()


def test_only_quality_officers_edit_lists(dlist, people, client):
    client.force_login(people["agency_user"])
    response = client.get(reverse("distribution_lists:edit", args=[dlist.pk]))
    assert response.status_code == 302  # Wagtail's permission refusal
    client.force_login(people["auditor"])
    assert client.get(reverse("distribution_lists:inspect", args=[dlist.pk])).status_code == 200
    assert client.get(reverse("distribution_lists:edit", args=[dlist.pk])).status_code == 302


def test_an_acknowledgement_period_out_of_range_is_refused_from_the_shell_too(draft):
    from distribution.rules import DistributionRuleViolation

    with pytest.raises(DistributionRuleViolation):
        DistributionList.objects.create(page=draft, acknowledgement_days=400)
    assert not DistributionList.objects.exists()
