"""From /search/ to a collection: the editor's link, the admin view that makes the draft, and facets the
search gains (subjects) working in collections through the same parser."""

from __future__ import annotations

from django.http import QueryDict
from django.urls import reverse

from smartfolders.models import SavedSearchPage
from tests.factories import UserFactory
from tests.smartfolders.conftest import reference

SAVE_URL = "/admin/smartfolders/save/"


def editor(client):
    client.force_login(UserFactory(username="collections-editor", is_superuser=True, is_staff=True))
    return client


def test_a_signed_in_editor_gets_the_save_link_with_the_current_query_string(client, corpus):
    query = f"type=circular&authority={corpus.aeo.pk}&year=1398&page=2"
    html = editor(client).get("/search/?" + query).content.decode()
    assert "ذخیره به‌عنوان مجموعه" in html
    assert f'href="{SAVE_URL}?type=circular&amp;authority={corpus.aeo.pk}&amp;year=1398"' in html


def test_visitors_and_users_without_admin_access_get_no_save_link(client, corpus):
    assert "ذخیره به‌عنوان مجموعه" not in client.get("/search/?type=circular").content.decode()
    client.force_login(UserFactory(username="no-admin"))
    assert "ذخیره به‌عنوان مجموعه" not in client.get("/search/?type=circular").content.decode()


def test_the_save_view_shows_the_filters_in_persian_and_offers_a_parent(client, corpus):
    response = editor(client).get(
        SAVE_URL + f"?type=circular&authority={corpus.aeo.pk}&year=۱۳۹۸&status=in_force"
    )
    assert response.status_code == 200
    html = response.content.decode()
    for line in (
        "نوع سند: <bdi>بخشنامه</bdi>",
        f"مرجع صدور: <bdi>{corpus.aeo.name}</bdi>",
        "سال: <bdi>۱۳۹۸</bdi>",
    ):
        assert line in html
    assert response.context["form"]["parent"].initial == corpus.home.pk


def test_saving_makes_a_draft_with_the_searchs_filters_and_opens_it_in_the_editor(client, corpus):
    query = (
        f"q=ارزیابی&type=circular&authority={corpus.aeo.pk}&year=1398&status=in_force&from=1398/01/01&page=3"
    )
    response = editor(client).post(
        SAVE_URL + "?" + query, {"title": "بخشنامه‌های ارزیابی ۱۳۹۸", "parent": corpus.home.pk}
    )
    page = SavedSearchPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live and page.get_parent().pk == corpus.home.pk
    assert (page.query, page.kinds, page.authority_id, page.year, page.status) == (
        "ارزیابی",
        ["circular"],
        corpus.aeo.pk,
        1398,
        "in_force",
    )
    assert page.date_from.isoformat() == "2019-03-21"
    assert page.get_latest_revision() is not None


def test_a_search_with_bad_filters_cannot_be_saved_and_says_why(client, corpus):
    client = editor(client)
    response = client.get(SAVE_URL + "?type=memo&from=۱۳۹۳/۰/۲۰")
    html = response.content.decode()
    assert "نوع سند «memo» شناخته نیست" in html and "ماه ۰ وجود ندارد" in html
    response = client.post(SAVE_URL + "?type=memo", {"title": "نادرست", "parent": corpus.home.pk})
    assert response.status_code == 200
    assert not SavedSearchPage.objects.exists()


def test_a_parent_the_editor_may_not_choose_is_refused_in_persian(client, corpus):
    response = editor(client).post(SAVE_URL + "?type=law", {"title": "قوانین", "parent": corpus.law.pk})
    assert response.status_code == 200
    assert "این صفحه را نمی‌توانید برای مجموعه برگزینید" in response.content.decode()
    assert not SavedSearchPage.objects.exists()


def test_a_user_who_may_not_add_pages_anywhere_is_turned_away(client, corpus):
    from django.contrib.auth.models import Permission

    user = UserFactory(username="admin-reader")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(SAVE_URL + "?type=law").status_code in (302, 403)
    assert not SavedSearchPage.objects.exists()


# --- a facet the search gained after collections were written: subjects ------------------------------


def test_a_subject_filter_saved_from_search_works_in_the_collection(client, corpus, collection_from):
    tagged = reference(
        corpus.references,
        "tagged-circular",
        title="بخشنامه نظام اداری ۱۳۹۸",
        ref_type="circular",
        number="۶۶۶۷۷۷",
        date="05/05/1398",
        authority=corpus.aeo,
    )
    tagged.tags.add("نظام اداری")
    tagged.save_revision().publish()
    from subjects.models import SubjectTag

    slug = SubjectTag.objects.get(name="نظام اداری").slug
    # saved by the subject's name as typed in another spelling; read to its slug by the search's parser
    page = collection_from("type=circular&subject=نظام اداري", title="بخشنامه‌های نظام اداری")
    assert QueryDict(page.other_filters).getlist("subject") == ["نظام اداري"]
    response = client.get(page.url)
    assert [hit.document.pk for hit in response.context["outcome"].hits] == [tagged.pk]
    groups = {group.name: group for group in response.context["facet_groups"]}
    (subject,) = groups["subject"].links
    assert subject.value.key == slug and subject.fixed
    api = client.get("/api/search/", {"type": "circular", "subject": slug}).json()
    assert [r["id"] for r in api["results"]] == [tagged.pk]


def test_an_unknown_subject_is_refused_with_the_searchs_persian_message(corpus):
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        corpus.home.add_child(
            instance=SavedSearchPage(title="موضوع ناموجود", other_filters="subject=ناموجود")
        )
    assert "موضوع «ناموجود» پیدا نشد" in " ".join(caught.value.message_dict["other_filters"])
