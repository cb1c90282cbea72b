"""One query understanding, one ranking, every path (issue 11 §3): /search/, /api/search/, a collection,
Wagtail API v2 ``?search=`` and the admin's page search give the same top ten documents for the same query.

API v2 and the admin list pages of every type: their documents come first, in /search/'s order, and other
pages (folders, the home page) only after them. Over the judged corpus (the seeds' documents, all public
and live, so an anonymous reader and the superuser see the same documents).
"""

from __future__ import annotations

import pytest

from tests.factories import person
from tests.search.judged_corpus import judged_corpus_for_module

TOP = 10
QUERIES = [
    "ارزیابی عملکرد",  # words
    "وظايف دفاتر مديريت عملكرد",  # Arabic letters
    "دستگاه های اجرایی",  # a detached suffix
    '"نظام اداری"',  # a phrase
    "«پاسخگویی به شکایات»",
    "۳۶۷۷۳/۹۱/۲۱۰",  # an act number in three scripts and parts in another order
    "36773/91/210",
    "٣٦٧٧٣/٩١/٢١٠",
    "۲۱۰/۹۱/۳۶۷۷۳",
    "۳۵۶۶۵/۱۸۰۱",  # an act cited by another document
    "م پ-م-۱-۰۴/۰۰",  # a document code
    "۱۳۹۱/۰۹/۱۳",  # a Jalali date in several forms
    "13/09/1391",
    "۱۳ آذر ۱۳۹۱",
    "بخشنامه ۱۳ آذر ۱۳۹۱",
    "اصلاح نظام اداری -نقشه",  # an exclusion
    "ارزیابی عملکرد -سالانه",
    "کرونا OR ایمنی",  # alternatives
    "نقشه | اسکان",
    "قانون مدیریت خدمات کشوری",
]


@pytest.fixture(scope="module")
def shared_docs(django_db_setup, django_db_blocker):
    with judged_corpus_for_module(django_db_blocker) as docs:
        yield docs


@pytest.fixture
def docs(shared_docs, db):
    return shared_docs


@pytest.fixture
def document_ids(docs) -> set[int]:
    return {page.pk for page in docs.values()}


def from_search_page(client, query: str) -> list[int]:
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert response.context["outcome"] is not None, response.context["errors"]
    return [hit.document.pk for hit in response.context["outcome"].hits][:TOP]


def from_json_api(client, query: str) -> list[int]:
    response = client.get("/api/search/", {"q": query, "page_size": TOP})
    assert response.status_code == 200, response.content.decode()
    return [result["id"] for result in response.json()["results"]]


def from_collection(client, docs, query: str) -> list[int]:
    from smartfolders.models import SavedSearchPage

    home = docs["statement"].get_parent()
    collection = SavedSearchPage(title="مجموعهٔ آزمون", slug="same-answer", query=query, per_page=TOP)
    home.add_child(instance=collection)
    collection.save_revision().publish()
    response = client.get(collection.url)
    assert response.status_code == 200
    assert response.context["outcome"] is not None, response.context["errors"]
    return [hit.document.pk for hit in response.context["outcome"].hits]


def from_api_v2(client, query: str) -> list[int]:
    response = client.get("/api/v2/pages/", {"search": query, "limit": 50})
    assert response.status_code == 200, response.content.decode()
    return [item["id"] for item in response.json()["items"]]


def from_admin(client, query: str) -> list[int]:
    response = client.get("/admin/pages/search/", {"q": query})
    assert response.status_code == 200
    return [page.pk for page in response.context["pages"]]


def documents_first(ids: list[int], document_ids: set[int]) -> list[int]:
    """The documents of a listing of pages of every type, checking that no other page comes before one."""
    documents = [pk for pk in ids if pk in document_ids]
    others = [i for i, pk in enumerate(ids) if pk not in document_ids]
    assert not others or others[0] >= len(documents), ids
    return documents[:TOP]


@pytest.mark.parametrize("query", QUERIES)
def test_every_path_gives_the_same_top_ten_documents(client, docs, document_ids, query):
    expected = from_search_page(client, query)
    assert expected, f"«{query}» should find something in the corpus"
    assert from_json_api(client, query) == expected
    assert documents_first(from_api_v2(client, query), document_ids) == expected
    assert from_collection(client, docs, query) == expected
    client.force_login(person("same-answer-admin", None, is_superuser=True, is_staff=True))
    assert documents_first(from_admin(client, query), document_ids) == expected


def test_the_admins_search_understands_act_numbers_and_dates_as_the_search_box_does(client, docs):
    client.force_login(person("same-answer-admin", None, is_superuser=True, is_staff=True))
    assert from_admin(client, "44327/4225")[:1] == [docs["regulation-81-82"].pk]
    assert from_admin(client, "۱۳۸۹/۰۱/۱۴")[:1] == [docs["regulation-81-82"].pk]
    assert docs["roadmap"].pk not in from_admin(client, "اصلاح نظام اداری -نقشه")


def test_the_admins_search_still_completes_a_title_being_typed_after_the_search_answer(client, docs):
    client.force_login(person("same-answer-admin", None, is_superuser=True, is_staff=True))
    found = from_admin(client, "نقشه راه اصلاح نظام ادا")
    assert docs["roadmap"].pk in found


def test_the_admins_search_shows_the_parsers_persian_message_for_what_it_cannot_read(client, docs):
    client.force_login(person("same-answer-admin", None, is_superuser=True, is_staff=True))
    response = client.get("/admin/pages/search/", {"q": "۱۳۹۳/۰/۲۰"}, follow=True)
    assert response.status_code == 200
    assert list(response.context["pages"]) == []
    shown = [str(message) for message in response.context["messages"]]
    assert any("ماه ۰ وجود ندارد" in message for message in shown), shown


def test_the_admins_live_filter_still_narrows_the_search(client, docs):
    from procedures.models import ExternalReferencePage

    client.force_login(person("same-answer-admin", None, is_superuser=True, is_staff=True))
    parent = docs["roadmap"].get_parent()
    draft = parent.add_child(
        instance=ExternalReferencePage(title="پیش‌نویس نقشه راه تازه", slug="draft-roadmap", live=False)
    )
    assert draft.pk in from_admin(client, "نقشه راه")
    assert draft.pk not in from_admin(client, "نقشه راه live:yes")
    assert from_admin(client, "نقشه راه live:no") == [draft.pk]
