"""Saved filters are checked by the search's own parser on every save: bad ones are refused in Persian."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from smartfolders.models import SavedSearchPage
from tests.factories import UserFactory


def refused(parent, **fields) -> dict[str, list[str]]:
    page = SavedSearchPage(title="مجموعه نادرست", **fields)
    with pytest.raises(ValidationError) as caught:
        parent.add_child(instance=page)
    assert not SavedSearchPage.objects.filter(title="مجموعه نادرست").exists()
    return caught.value.message_dict


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"kinds": ["circular", "memo"]}, "kinds", "نوع سند «memo» شناخته نیست"),
        ({"year": 98}, "year", "سال «98» درست نیست؛ سال شمسی را چهاررقمی بنویسید"),
        ({"query": '"دفاتر مدیریت'}, "query", 'گیومهٔ «"» باز شده و بسته نشده است'),
        (
            {"query": "۱۳۹۳/۰/۲۰"},
            "query",
            "تاریخ «۱۳۹۳/۰/۲۰» در عبارت جست‌وجو درست نیست".replace("جست‌وجو", "جستجو"),
        ),
        ({"status": "repealed"}, "status", "وضعیت «repealed» شناخته نیست"),
        ({"sort": "random"}, "sort", "ترتیب «random» شناخته نیست"),
        (
            {"date_from": dt.date(2020, 3, 1), "date_to": dt.date(2019, 3, 1)},
            "date_from",
            "تاریخ «از» (۱۳۹۸/۱۲/۱۱) پس از تاریخ «تا» (۱۳۹۷/۱۲/۱۰) است",
        ),
        ({"other_filters": "colour=red"}, "other_filters", "پالایهٔ «colour» در جست‌وجو شناخته نیست"),
        ({"other_filters": "type=law"}, "other_filters", "«type» فیلد جداگانه‌ای در همین فرم دارد"),
        ({"other_filters": "page=2"}, "other_filters", "«page» شمارهٔ صفحه است"),
    ],
)
def test_invalid_saved_filters_are_refused_on_save_with_a_persian_message(corpus, fields, field, message):
    errors = refused(corpus.home, **fields)
    assert any(message in text for text in errors[field]), errors


def test_an_authority_that_is_not_an_issuing_authority_of_the_search_is_refused(corpus):
    errors = refused(corpus.home, authority_id=10**6)
    assert any("مرجع صدور" in text for text in errors.get("authority", [])), errors


def test_valid_filters_are_saved_as_typed_fields(corpus):
    page = SavedSearchPage(
        title="مجموعه درست", kinds=["circular"], authority=corpus.aeo, year=1398, status="in_force"
    )
    corpus.home.add_child(instance=page)
    page.refresh_from_db()
    assert page.search_query_string() == f"type=circular&authority={corpus.aeo.pk}&year=1398&status=in_force"


# --- the same through the admin's editor --------------------------------------------------------------


def form(**fields) -> dict:
    data = {
        "title": "بخشنامه‌های ۱۳۹۸",
        "slug": "circulars-1398",
        "intro": rich_text(""),
        "query": "",
        "authority": "",
        "year": "",
        "status": "",
        "date_from": "",
        "date_to": "",
        "other_filters": "",
        "sort": "",
        "per_page": "20",
    }
    kinds = fields.pop("kinds", [])
    data.update(fields)
    # Ticked boxes are one key with many values, not the nested «kinds-0» keys of a formset.
    return {**nested_form_data(data), "kinds": kinds}


@pytest.fixture
def editor(client, corpus):
    client.force_login(UserFactory(username="collections-admin", is_superuser=True, is_staff=True))
    return client


def add_url(corpus) -> str:
    return reverse("wagtailadmin_pages:add", args=["smartfolders", "savedsearchpage", corpus.home.pk])


def test_the_admin_refuses_an_impossible_jalali_date_in_persian(editor, corpus):
    response = editor.post(add_url(corpus), form(date_from="۱۳۹۳/۰/۲۰"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "ماه ۰ وجود ندارد" in " ".join(errors["date_from"])
    assert not SavedSearchPage.objects.exists()


def test_the_admin_refuses_an_unknown_type_in_persian(editor, corpus):
    response = editor.post(add_url(corpus), form(kinds=["memo"]))
    assert response.status_code == 200
    assert "نوع سند «memo» شناخته نیست" in " ".join(response.context["form"].errors["kinds"])
    assert not SavedSearchPage.objects.exists()


def test_the_admin_saves_jalali_dates_and_ticked_types_as_gregorian_and_keys(editor, corpus):
    response = editor.post(
        add_url(corpus),
        form(kinds=["circular", "letter"], date_from="۱ مهر ۱۳۹۸", date_to="1398/12/29", year="۱۳۹۸"),
    )
    assert response.status_code == 302, response.context["form"].errors
    page = SavedSearchPage.objects.get()
    assert page.kinds == ["circular", "letter"]
    assert (page.date_from, page.date_to, page.year) == (dt.date(2019, 9, 23), dt.date(2020, 3, 19), 1398)
    assert not page.live


def test_the_editor_shows_persian_labels_and_a_jalali_date_input(editor, corpus):
    html = editor.get(add_url(corpus)).content.decode()
    for label in ("عبارت جست‌وجو", "نوع سند", "مرجع صدور", "سال (شمسی)", "از تاریخ", "پالایه‌های دیگر"):
        assert label in html
    assert 'data-jalali-picker="date"' in html
    assert "بخشنامه" in html  # the types to tick, from the search's own list


def test_preview_shows_the_results_of_the_filters_being_edited(editor, corpus):
    preview = reverse(
        "wagtailadmin_pages:preview_on_add", args=["smartfolders", "savedsearchpage", corpus.home.pk]
    )
    response = editor.post(preview, form(kinds=["letter"]))
    assert response.json()["is_valid"]
    html = editor.get(preview).content.decode()
    assert corpus.letter.title in html and corpus.circular_761847.title not in html


def test_the_editor_opens_a_saved_collection_with_its_types_ticked_and_dates_in_jalali(editor, corpus):
    page = SavedSearchPage(title="بخشنامه‌ها", kinds=["circular"], date_from=dt.date(2019, 9, 23))
    corpus.home.add_child(instance=page)
    response = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["form"]["kinds"].value() == ["circular"]
    assert "۱۳۹۸/۰۷/۰۱" in html
