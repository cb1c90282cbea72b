"""Tagging through the page editor: Wagtail's tag widget, tags kept in revisions."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from subjects.models import SubjectTag
from tests.factories import person, site_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = person("editor", None, "مدیر", is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


def reference_form(title: str, tags: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": "ref",
            "ref_type": "circular",
            "number": "۱۲/۳۴",
            "number_aliases": "",
            "date": "",
            "summary": "",
            "body": rich_text(""),
            "notes": "",
            "attachments": streamfield([]),
            "tags": tags,
            "relations": inline_formset([]),
        }
    )


def test_tags_typed_in_the_editor_are_normalised_and_kept_in_the_revision(client, editor):
    from procedures.models import ExternalReferencePage

    _, _, references = site_tree()
    url = f"/admin/pages/add/procedures/externalreferencepage/{references.pk}/"
    form = client.get(url).content.decode()
    assert "/admin/subjects/autocomplete/" in form and 'data-controller="w-tag"' in form
    SubjectTag.objects.create(name="نظام اداری")
    response = client.post(url, reference_form("بخشنامه آزمایشی", '"نظام اداري", "آيين نامه", آیین‌نامه'))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ExternalReferencePage.objects.get(slug="ref")
    revision = page.latest_revision.as_object()
    assert sorted(revision.tags.names()) == ["آیین نامه", "نظام اداری"]
    assert SubjectTag.objects.count() == 2

    # A later draft changes the tags in its revision only; the stored page keeps what was published.
    page.save_revision().publish()
    edit = f"/admin/pages/{page.pk}/edit/"
    client.post(edit, reference_form("بخشنامه آزمایشی", "بخشنامه"))
    page = Page.objects.get(pk=page.pk).specific
    assert sorted(page.tags.names()) == ["آیین نامه", "نظام اداری"]
    assert list(page.get_latest_revision().as_object().tags.names()) == ["بخشنامه"]
    assert list(page.revisions.order_by("pk").first().as_object().tags.names()) != ["بخشنامه"]


def test_admin_refuses_a_second_spelling_of_a_subject_in_persian(client, editor):
    SubjectTag.objects.create(name="نظام اداری")
    response = client.post("/admin/subject-tags/new/", {"name": "نظام اداري"})
    assert response.status_code == 200
    assert "موضوع «نظام اداری» با همین نام (به نگارشی دیگر) ثبت شده است." in response.content.decode()
    assert SubjectTag.objects.count() == 1
