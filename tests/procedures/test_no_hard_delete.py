"""Nothing cited or published is hard-deleted, by any role, on any path (issue #10 §2)."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import reverse
from wagtail.models import Page, PageLogEntry

from custody.models import CitedWithdrawal, TrashedPage
from custody.rules import CustodyViolation
from procedures.models import ExternalReferencePage
from records.models import RetentionSeriesPage
from tests.procedures import citing
from tests.procedures.signoff import sign_through

pytestmark = pytest.mark.django_db


@pytest.fixture
def cited(tree, workflow, people):
    """Circular X and series S cited by revision 00 (approved); circular Z cited by nothing."""
    home, procedures, references = tree
    x = citing.circular(references)
    s = citing.series(home)
    page = citing.citing_procedure(procedures, x, s)
    sign_through(page, people["preparer"], people["confirmer"], people["approver"])
    z = citing.circular(references, slug="circ-z", title="بخشنامه بی‌استناد", number="۱۲/۳۴")
    return {"x": x, "s": s, "z": z, "page": page}


def admin(client, user):
    client.force_login(user)
    return client


def messages_of(response) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


# --- cited pages: refused on every path ---------------------------------------------------------


def test_admin_delete_of_a_cited_circular_is_refused_with_its_reason(cited, client, people):
    x = cited["x"]
    response = admin(client, people["superuser"]).post(
        reverse("wagtailadmin_pages:delete", args=[x.pk]), follow=True
    )
    assert ExternalReferencePage.objects.filter(pk=x.pk, live=True).exists()
    text = messages_of(response)
    assert "استناد شده است و حذف نمی‌شود" in text and "«م پ-م-۱-۰۴/۰۰»" in text
    assert PageLogEntry.objects.filter(page_id=x.pk, action="sanad.refused").exists()


def test_no_role_is_offered_delete_or_unpublish_of_a_cited_page(cited, people):
    for page in (cited["x"], cited["s"]):
        tester = page.specific.permissions_for_user(people["superuser"])
        assert not tester.can_delete() and not tester.can_unpublish()
    assert cited["z"].permissions_for_user(people["superuser"]).can_delete()


def test_shell_delete_of_a_cited_circular_or_series_is_refused(cited):
    for page in (cited["x"], cited["s"]):
        with pytest.raises(CustodyViolation, match="استناد شده است"):
            type(page).objects.get(pk=page.pk).delete()
        assert PageLogEntry.objects.filter(page_id=page.pk, action="sanad.refused").exists()
    assert ExternalReferencePage.objects.filter(pk=cited["x"].pk).exists()
    assert RetentionSeriesPage.objects.filter(pk=cited["s"].pk).exists()


@pytest.mark.parametrize(
    "delete",
    [
        lambda pk: ExternalReferencePage.objects.filter(pk=pk).delete(),
        lambda pk: ExternalReferencePage._base_manager.filter(pk=pk).delete(),
        lambda pk: Page.objects.filter(pk=pk).delete(),
        lambda pk: Page.objects.get(pk=pk).get_parent().delete(),  # the whole «مستندات برون‌سازمانی» folder
    ],
    ids=["queryset", "base-manager", "base-page-queryset", "parent-folder"],
)
def test_queryset_and_parent_deletes_of_a_cited_circular_are_refused(cited, delete):
    with pytest.raises(CustodyViolation), transaction.atomic():
        delete(cited["x"].pk)
    assert ExternalReferencePage.objects.filter(pk=cited["x"].pk).exists()


def test_a_cited_page_is_not_trashed_either(cited, people):
    from custody import services

    with pytest.raises(CustodyViolation, match="استناد شده است"):
        services.trash_page(cited["x"], user=people["superuser"])
    assert not TrashedPage.objects.exists()


def test_bulk_delete_keeps_cited_pages_and_trashes_published_ones(cited, client, people):
    x, z = cited["x"], cited["z"]
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete")) + f"?id={x.pk}&id={z.pk}"
    admin(client, people["superuser"]).post(url)
    assert ExternalReferencePage.objects.filter(pk=x.pk, live=True).exists()
    assert ExternalReferencePage.objects.filter(pk=z.pk, live=False).exists()
    assert TrashedPage.objects.filter(page_id=z.pk, restored_at=None).exists()


# --- published pages: trash and restore ------------------------------------------------------------


def test_admin_delete_of_a_published_page_moves_it_to_the_trash_and_restore_brings_it_back(
    cited, client, people
):
    z = cited["z"]
    c = admin(client, people["superuser"])
    confirm = c.get(reverse("wagtailadmin_pages:delete", args=[z.pk]))
    assert "سطل بازیافت" in confirm.content.decode()
    c.post(reverse("wagtailadmin_pages:delete", args=[z.pk]), {"reason": "تکراری"})
    z.refresh_from_db()
    assert not z.live and ExternalReferencePage.objects.filter(pk=z.pk).exists()
    entry = TrashedPage.objects.get(page_id=z.pk)
    assert entry.in_trash and entry.reason == "تکراری" and entry.trashed_by == people["superuser"]
    assert PageLogEntry.objects.filter(page_id=z.pk, action="sanad.trash", user=people["superuser"]).exists()
    assert z.pk not in [
        p.pk for p in c.get(reverse("wagtailadmin_explore", args=[z.get_parent().pk])).context["pages"]
    ]

    c.post(reverse("custody_restore", args=[entry.pk]))
    z.refresh_from_db()
    entry.refresh_from_db()
    assert z.live and not entry.in_trash and entry.restored_by == people["superuser"]
    assert PageLogEntry.objects.filter(page_id=z.pk, action="sanad.restore").exists()
    assert client.get(z.url).status_code == 200


def test_trash_log_actions_have_persian_labels():
    from wagtail.log_actions import registry

    assert registry.get_action_label("sanad.trash") == "انتقال به سطل بازیافت"
    assert registry.get_action_label("sanad.restore") == "بازگردانی از سطل بازیافت"


def test_a_never_published_draft_is_still_deleted_as_usual(tree, client, people):
    _, _, references = tree
    draft = ExternalReferencePage(title="پیش‌نویس", slug="draft-ref", ref_type="circular", live=False)
    references.add_child(instance=draft)
    admin(client, people["superuser"]).post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert not ExternalReferencePage.objects.filter(pk=draft.pk).exists()


# --- withdrawal with a second person -----------------------------------------------------------------


def test_withdrawal_of_a_cited_circular_needs_a_second_person_who_is_an_approver(cited, people):
    from custody import services

    x = cited["x"]
    request = services.request_withdrawal(
        x, requested_by=people["approver"], reason="جایگزین ندارد و منسوخ است"
    )
    with pytest.raises(CustodyViolation, match="فرد دومی لازم است"):
        services.decide_withdrawal(request, decided_by=people["approver"], approve=True)
    with pytest.raises(CustodyViolation, match="فقط تصویب‌کننده"):
        services.decide_withdrawal(request, decided_by=people["confirmer"], approve=True)
    assert not x.is_withdrawn
    services.decide_withdrawal(request, decided_by=people["approver2"], approve=True)
    x = ExternalReferencePage.objects.get(pk=x.pk)
    assert x.is_withdrawn and not x.in_force and x.live
    actions = set(PageLogEntry.objects.filter(page_id=x.pk).values_list("action", flat=True))
    assert {"sanad.cited_withdrawal.request", "sanad.cited_withdrawal.approve", "sanad.refused"} <= actions


def test_a_withdrawal_names_its_reason_and_is_asked_once(cited, people):
    from custody import services

    with pytest.raises(CustodyViolation, match="دلیل ابطال الزامی است"):
        services.request_withdrawal(cited["s"], requested_by=people["preparer"], reason="  ")
    services.request_withdrawal(cited["s"], requested_by=people["preparer"], reason="ردیف ادغام شد")
    with pytest.raises(CustodyViolation, match="در جریان است"):
        services.request_withdrawal(cited["s"], requested_by=people["preparer2"], reason="دوباره")
    assert CitedWithdrawal.objects.filter(page_id=cited["s"].pk).count() == 1


def test_withdrawal_through_the_admin_screens(cited, client, people):
    s = cited["s"]
    admin(client, people["superuser"]).post(
        reverse("custody_request_withdrawal", args=[s.pk]), {"reason": "ردیف ادغام شد"}
    )
    item = CitedWithdrawal.objects.get(page_id=s.pk)
    admin(client, people["approver"]).post(
        reverse("custody_decide_withdrawal", args=[item.pk]), {"decision": "approve"}
    )
    assert RetentionSeriesPage.objects.get(pk=s.pk).is_withdrawn
    assert "ابطال شده است" in client.get(s.url).content.decode()


def test_where_wagtail_offers_delete_a_cited_page_says_why_it_is_kept(cited, client, people):
    c = admin(client, people["superuser"])
    html = c.get(reverse("wagtailadmin_pages:edit", args=[cited["x"].pk])).content.decode()
    assert "حذف‌نشدنی: مورد استناد" in html and "درخواست ابطال" in html
    html = c.get(reverse("wagtailadmin_pages:edit", args=[cited["z"].pk])).content.decode()
    assert "حذف‌نشدنی" not in html
