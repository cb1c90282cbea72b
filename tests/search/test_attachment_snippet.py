"""A hit found by words inside an attached file says so: «یافته در پیوست: …» with the passage marked, on
/search/ and /api/search/ — and a file in a restricted collection is neither found nor quoted on a public
page (issue 11 §4)."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from procedures.models import ExternalReferencePage, ReferenceType
from tests.factories import site_tree
from tests.search.search_corpus import publish

FILE_TEXT = "دفاتر مدیریت عملکرد در سطح دستگاه بر اساس فصل یازدهم قانون مدیریت خدمات کشوری مستقر می‌شوند."


def attach(page_title: str, number: str, document: Document, references) -> ExternalReferencePage:
    page = ExternalReferencePage(
        title=page_title, slug=f"ref-{document.pk}", ref_type=ReferenceType.CIRCULAR, number=number
    )
    page.attachments = [("attachment", {"title": document.title, "document": document})]
    references.add_child(instance=page)
    return page


def text_document(title: str, text: str, collection: Collection | None = None) -> Document:
    document = Document(title=title, collection=collection or Collection.get_first_root_node())
    document.file.save("attached.txt", ContentFile(text.encode()), save=False)
    document.save()
    return document


@pytest.fixture
def pages(db, django_capture_on_commit_callbacks):
    _, _, references = site_tree()
    with django_capture_on_commit_callbacks(execute=True):
        public_file = text_document("متن کامل بخشنامه", FILE_TEXT)
        hidden = Collection.get_first_root_node().add_child(name="محرمانه")
        CollectionViewRestriction.objects.create(
            collection=hidden, restriction_type=CollectionViewRestriction.LOGIN
        )
        secret_file = text_document("پیوست محرمانه", "واژه‌ای پنهان: زعفرانیه", hidden)
    with django_capture_on_commit_callbacks(execute=True):
        found = publish(attach("بخشنامه سازماندهی", "۱۱۱/۲۲", public_file, references))
        public = publish(attach("بخشنامه عمومی", "۳۳۳/۴۴", secret_file, references))
    return found, public


def test_a_hit_found_inside_a_file_names_the_file_and_marks_the_passage(client, pages):
    found, _ = pages
    html = client.get("/search/", {"q": "یازدهم"}).content.decode()
    assert found.title in html
    assert "یافته در پیوست: متن کامل بخشنامه" in html
    assert "<mark>یازدهم</mark>" in html


def test_the_api_gives_the_file_and_its_marked_passage(client, pages):
    found, _ = pages
    results = client.get("/api/search/", {"q": "یازدهم"}).json()["results"]
    assert [r["id"] for r in results] == [found.pk]
    attachment = results[0]["found_in_attachment"]
    assert attachment["name"] == "متن کامل بخشنامه"
    assert "<mark>یازدهم</mark>" in attachment["excerpt_html"]


def test_a_hit_matched_by_its_own_words_has_no_file_line(client, pages):
    found, _ = pages
    results = client.get("/api/search/", {"q": "سازماندهی"}).json()["results"]
    assert [r["id"] for r in results] == [found.pk]
    assert results[0]["found_in_attachment"] is None
    assert "یافته در پیوست" not in client.get("/search/", {"q": "سازماندهی"}).content.decode()


def test_a_restricted_collections_file_is_neither_found_nor_quoted_on_a_public_page(client, pages):
    _, public = pages
    assert client.get("/api/search/", {"q": "زعفرانیه"}).json()["results"] == []
    html = client.get("/search/", {"q": "زعفرانیه"}).content.decode()
    assert public.title not in html and "یافته در پیوست" not in html
    assert list(ExternalReferencePage.objects.live().search("زعفرانیه")) == []
    # The page itself is still found by its own words, without the file's text.
    results = client.get("/api/search/", {"q": "عمومی"}).json()["results"]
    assert public.pk in [r["id"] for r in results]
    assert all(r["found_in_attachment"] is None for r in results)
