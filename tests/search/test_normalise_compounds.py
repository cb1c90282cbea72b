"""Compounds written with a ZWNJ or a space find each other on the real search paths.

«آیین‌نامه» (ZWNJ) and «آیین نامه» (space) are one compound; so are «بخش‌نامه»/«بخش نامه» and
«شیوه‌نامه»/«شیوه نامه». Pages are indexed by Wagtail's save signals and searched through the
configured backend (SQLite FTS5, or PostgreSQL when DATABASE_URL says so), through /api/search/ and
through the Wagtail API, as the site does.
"""

from __future__ import annotations

import pytest
from modelsearch.query import Phrase

from procedures.models import ExternalReferencePage
from tests.factories import site_tree

pytestmark = pytest.mark.django_db

ZWNJ = "\u200c"
COMPOUNDS = [("آیین", "نامه"), ("بخش", "نامه"), ("شیوه", "نامه")]
WRITINGS = {"zwnj": ZWNJ, "space": " "}


@pytest.fixture
def references(db):
    return site_tree()[2]


def reference(parent, title: str, body: str = "") -> ExternalReferencePage:
    page = ExternalReferencePage(title=title, ref_type="regulation", body=f"<p>{body}</p>", live=True)
    parent.add_child(instance=page)
    return page


def found(query) -> list[str]:
    return [page.title for page in ExternalReferencePage.objects.live().search(query)]


def api_titles(client, q: str) -> list[str]:
    response = client.get("/api/search/", {"q": q})
    assert response.status_code == 200, response.content.decode()
    return [result["title"] for result in response.json()["results"]]


def compound(parts: tuple[str, str], writing: str) -> str:
    return WRITINGS[writing].join(parts)


@pytest.mark.parametrize("parts", COMPOUNDS, ids=lambda parts: "".join(parts))
@pytest.mark.parametrize("written", WRITINGS)
@pytest.mark.parametrize("typed", WRITINGS)
def test_a_compound_with_zwnj_or_space_finds_the_other_writing(references, parts, written, typed):
    reference(references, "سند مطلوب", f"متن {compound(parts, written)} ارزیابی عملکرد")
    reference(references, "سند دیگر", f"متن {parts[1]} ارزیابی بدون {parts[0]}ی")
    query = compound(parts, typed)
    assert found(query) == ["سند مطلوب"]
    assert found(Phrase(query)) == ["سند مطلوب"]


@pytest.mark.parametrize("written", WRITINGS)
@pytest.mark.parametrize("typed", WRITINGS)
def test_the_search_endpoint_finds_a_compound_in_either_writing(client, references, written, typed):
    reference(references, f"{compound(('آیین', 'نامه'), written)} اجرایی ارزیابی", "متن")
    reference(references, "نامه اداری", "متن نامه")
    query = compound(("آیین", "نامه"), typed)
    assert api_titles(client, query) == [f"{compound(('آیین', 'نامه'), written)} اجرایی ارزیابی"]
    assert api_titles(client, f"«{query}»") == api_titles(client, query)


def test_a_found_compound_is_marked_in_the_writing_of_the_document(client, references):
    reference(references, "شیوه‌نامه ارزیابی", "متن")
    [result] = client.get("/api/search/", {"q": "شیوه نامه"}).json()["results"]
    assert "<mark>شیوه</mark>" in result["title_html"] and "<mark>نامه</mark>" in result["title_html"]


def test_a_phrase_needs_the_parts_side_by_side(references):
    reference(references, "آیین‌نامه", "متن")
    reference(references, "جدا", "آیین کار و نامه اداری")
    assert sorted(found("آیین‌نامه")) == ["آیین‌نامه", "جدا"]  # all words, anywhere
    assert found(Phrase("آیین نامه")) == ["آیین‌نامه"]


@pytest.mark.parametrize("typed", ["آیین‌نامه‌های", "آیین نامه های", "آیین نامههای", "آئین‌نامه‌های"])
def test_a_plural_compound_joins_its_suffix_and_splits_its_parts(references, typed):
    reference(references, "مجموعه", "فهرست آیین‌نامه‌های اجرایی")
    reference(references, "مفرد", "آیین نامه اجرایی")
    assert found(typed) == ["مجموعه"]


@pytest.mark.parametrize("typed", ["دستگاه‌های", "دستگاه های", "دستگاههای"])
def test_detached_affixes_still_join_so_the_plural_does_not_match_the_bare_word(references, typed):
    reference(references, "جمع", "وظایف دستگاه‌های اجرایی")
    reference(references, "مفرد", "دستگاه اجرایی")
    assert found(typed) == ["جمع"]
