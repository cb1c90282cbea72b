"""Wagtail API v2 ``?search=`` reads the query with the search box's parser: dates, act numbers,
phrases, OR and exclusions mean what they mean on /api/search/ (issue 11 §3)."""

from __future__ import annotations

import pytest


def v2_ids(client, query: str, **params) -> list[int]:
    response = client.get("/api/v2/pages/", {"search": query, **params})
    assert response.status_code == 200, response.content.decode()
    return [item["id"] for item in response.json()["items"]]


def api_ids(client, query: str) -> list[int]:
    response = client.get("/api/search/", {"q": query})
    assert response.status_code == 200, response.content.decode()
    return [result["id"] for result in response.json()["results"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("۱۳۹۱/۰۹/۱۳", "circular"),
        ("13/09/1391", "circular"),
        ("بخشنامه ۱۳ آذر ۱۳۹۱", "circular"),
        ("۳۶۷۷۳/۹۱/۲۱۰", "circular"),
        ("44327/4225", "regulation"),
        ("۱۲۷۶۷۵ / ت ۵۰۶۴۲ ه", "programme"),
    ],
)
def test_dates_and_act_numbers_find_their_document_first(client, corpus, query, expected):
    assert v2_ids(client, query)[:1] == [getattr(corpus, expected).pk]


@pytest.mark.parametrize(
    "query",
    ["۳۵۶۶۵/۱۸۰۱", "۱۳۹۳/۱۰/۲۸", "اصلاح -جامع", "۳۶۷۷۳/۹۱/۲۱۰ وظایف", "نقشه OR برنامه", '"نظام اداری"'],
)
def test_the_same_query_finds_the_same_documents_as_the_json_api(client, corpus, query):
    expected = api_ids(client, query)
    assert expected
    assert set(v2_ids(client, query)) == set(expected)


def test_a_number_query_is_listed_in_the_json_apis_order(client, corpus):
    query = "۳۵۶۶۵/۱۸۰۱"
    assert v2_ids(client, query) == api_ids(client, query)


def test_an_exclusion_leaves_the_excluded_document_out(client, corpus):
    assert corpus.old_circular.pk in v2_ids(client, "وظایف دفاتر")
    assert corpus.old_circular.pk not in v2_ids(client, "وظایف دفاتر -ارزیابی")


@pytest.mark.parametrize("query", ['"وظایف', "OR وظایف", "۱۳۹۳/۰/۲۰", "-وظایف"])
def test_what_the_parser_cannot_read_is_a_persian_400(client, corpus, query):
    response = client.get("/api/v2/pages/", {"search": query})
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == body["message"] and any("\u0600" <= ch <= "\u06ff" for ch in body["detail"])


def test_restricted_pages_stay_out_of_number_results(client, corpus):
    assert corpus.password_only.pk not in v2_ids(client, "۹۹۹/۸۸")


def test_an_explicit_order_is_kept_for_a_date_query(client, corpus):
    query = "۱۳۹۱/۰۹/۱۳ OR ۱۳۸۲/۰۳/۰۴"
    response = client.get("/api/v2/pages/", {"search": query, "order": "-title"})
    titles = [item["title"] for item in response.json()["items"]]
    assert len(titles) == 2 and titles == sorted(titles, reverse=True)
