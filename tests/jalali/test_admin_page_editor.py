"""In the real Wagtail page editor the publishing schedule is shown, typed and saved as Jalali."""

import datetime

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

UTC = datetime.UTC


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def page(db):
    root = Page.get_first_root_node()
    return root.add_child(instance=Page(title="اطلاعیه", slug="jalali-notice"))


@pytest.mark.django_db
def test_the_page_editor_renders_the_schedule_fields_with_the_jalali_picker(editor, page):
    page.go_live_at = datetime.datetime(2030, 3, 21, 5, 30, tzinfo=UTC)
    page.save_revision()
    response = editor.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="go_live_at"' in html
    go_live = html.split('name="go_live_at"')[1].split(">")[0]
    assert 'data-jalali-picker="datetime"' in go_live
    assert 'value="۱۴۰۹/۰۱/۰۱ ۰۹:۰۰"' in go_live
    assert "jalali/jalali-datepicker.js" in html
    assert "jalali/jalali-datepicker.css" in html


@pytest.mark.django_db
def test_the_page_editor_saves_a_jalali_go_live_time(editor, page):
    data = nested_form_data(
        {
            "title": "اطلاعیه",
            "slug": "jalali-notice",
            "go_live_at": "۱۴۰۹/۰۱/۰۱ ۰۹:۰۰",
            "expire_at": "",
            "comments": inline_formset([]),
        }
    )
    response = editor.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    saved = page.get_latest_revision_as_object()
    assert saved.go_live_at == datetime.datetime(2030, 3, 21, 5, 30, tzinfo=UTC)


@pytest.mark.django_db
def test_the_page_editor_reports_an_impossible_jalali_date_in_persian(editor, page):
    data = nested_form_data(
        {
            "title": "اطلاعیه",
            "slug": "jalali-notice",
            "go_live_at": "۱۴۰۲/۱۲/۳۰ ۰۹:۰۰",
            "expire_at": "",
            "comments": inline_formset([]),
        }
    )
    response = editor.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    assert "کبیسه نیست" in response.content.decode()
