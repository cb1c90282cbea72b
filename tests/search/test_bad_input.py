"""Inputs that reached a server error on the search paths (issue 11 §5), each answered now with a Persian
400 or a plain result. The same requests run on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from django.test import Client

from jalali.digits import read_integer
from search.normalise import normalise
from search.params import clean_text

V2_ENDPOINTS = ["/api/v2/pages/", "/api/v2/documents/", "/api/v2/images/"]


@pytest.fixture
def client():
    return Client()  # re-raises a view's exception: a server error fails the test with its traceback


def persian(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


# --- the parameter reader ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "number"),
    [("12", 12), ("۱۲", 12), ("١٢", 12), ("𝟏𝟐", 12), ("١۲", 12), (" 7 ", 7), ("0", 0)],
)
def test_decimal_digits_of_any_script_read_as_a_number(written, number):
    assert read_integer(written) == number


@pytest.mark.parametrize("written", ["³", "①", "²⁰", "⑩", "1²", "-1", "+1", "1.0", "1e3", "1_000", "", "x"])
def test_digits_that_are_not_decimal_numbers_are_refused(written):
    # «³», «①», «²⁰», «⑩» are digits to str.isdigit, yet int() fails on them: the reported 500s.
    assert read_integer(written) is None


def test_a_number_longer_than_any_id_is_refused_before_int_sees_it():
    assert read_integer("9" * 18) == int("9" * 18)
    assert read_integer("9" * 19) is None
    assert read_integer("5", minimum=1, maximum=4) is None


def test_control_characters_become_spaces_in_parameters_and_in_the_normaliser():
    assert clean_text("a\x00b\x1fc\x85d\ud800e") == "a b c d e"
    # The normaliser does the same to indexed text, so a NUL typed in a query splits words as it does there.
    assert normalise("وظایف\x00دفاتر") == normalise("وظایف دفاتر") == "وظایف دفاتر"
    assert normalise("\x00\x01\x7f") == ""


# --- /search/ and /api/search/ --------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["وظایف\x00دفاتر", "وظایف\x01\x1f\x7fدفاتر", "\x00وظایف دفاتر\x00"])
def test_a_nul_or_control_character_in_the_query_splits_words_and_finds_the_same(client, corpus, query):
    plain = client.get("/api/search/", {"q": "وظایف دفاتر"}).json()
    response = client.get("/api/search/", {"q": query})
    assert response.status_code == 200
    assert [r["id"] for r in response.json()["results"]] == [r["id"] for r in plain["results"]] != []
    assert client.get("/search/", {"q": query}).status_code == 200


def test_a_query_of_control_characters_alone_is_an_empty_query(client, corpus):
    response = client.get("/api/search/", {"q": "\x00\x01"})
    assert response.status_code == 200
    assert response.json()["results"] == client.get("/api/search/", {"q": ""}).json()["results"]


@pytest.mark.parametrize("parameter", ["page", "page_size", "authority", "year"])
@pytest.mark.parametrize("value", ["³", "①", "²⁰", "99999999999999999999", "𝟑x"])
def test_a_number_parameter_that_is_not_a_decimal_number_answers_400_in_persian(
    client, corpus, parameter, value
):
    response = client.get("/api/search/", {"q": "وظایف", parameter: value})
    assert response.status_code == 400
    body = response.json()
    assert persian(body["detail"]) and [e["parameter"] for e in body["errors"]] == [parameter]
    if parameter == "page_size":
        return  # the page has a fixed page size and does not read it
    page = client.get("/search/", {"q": "وظایف", parameter: value})
    assert page.status_code == 200 and page.context["outcome"] is None
    assert [e.field for e in page.context["errors"]] == [parameter]


@pytest.mark.parametrize(("written", "page"), [("٢", 2), ("۲", 2), ("𝟐", 2)])
def test_a_page_number_in_any_decimal_script_is_read(client, corpus, written, page):
    body = client.get("/api/search/", {"q": "بخشنامه OR وظایف", "page": written, "page_size": "۱"}).json()
    assert body["page"] == page


def test_an_unknown_parameter_on_the_json_api_is_named_in_persian(client, corpus):
    response = client.get("/api/search/", {"q": "وظایف", "qq": "x"})
    assert response.status_code == 400
    assert "«qq» شناخته نیست" in response.json()["detail"]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "%ED%A0%80"},
        {"q": '"وظایف'},
        {"q": "(وظایف"},
        {"q": "وظایف)"},
        {"q": "a" * 5000},
        {"from": "1399/13/45"},
        {"to": "۱۳۹۹/۱۳/۴۵"},
        {"q": "وظایف", "sort": "\x00"},
        {"q": "وظایف", "subject": "\x00نظام"},
        {"q": "وظایف", "type": "\x00"},
    ],
)
def test_malformed_input_never_reaches_a_server_error(client, corpus, params):
    for path in ("/search/", "/api/search/"):
        assert client.get(path, params).status_code in (200, 400)
    assert client.get("/search/?q=%ED%A0%80&page=%ED%A0%80").status_code == 200  # not UTF-8: read as «�»


def test_the_feed_ignores_its_query_string(client, corpus):
    assert client.get("/search/feed/?q=%00&page=%C2%B3").status_code == 200


# --- Wagtail API v2 -------------------------------------------------------------------------------------


@pytest.mark.parametrize("endpoint", V2_ENDPOINTS)
def test_a_nul_in_the_v2_search_is_a_word_break(client, corpus, endpoint):
    response = client.get(endpoint, {"search": "وظایف\x00دفاتر"})
    assert response.status_code == 200
    if endpoint == "/api/v2/pages/":
        expected = client.get(endpoint, {"search": "وظایف دفاتر"}).json()["items"]
        assert response.json()["items"] == expected != []
    assert client.get(endpoint, {"search": "\x00"}).status_code == 200


@pytest.mark.parametrize("endpoint", V2_ENDPOINTS)
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"offset": "99999999999999999999"}, "offset"),
        ({"offset": "³"}, "offset"),
        ({"limit": "99999999999999999999"}, "limit"),
        ({"limit": "①"}, "limit"),
        ({"limit": "1000"}, "limit نمی‌تواند بیشتر از 100"),
        ({"search": "x", "search_operator": "foo"}, "search_operator «foo» شناخته نیست"),
        ({"search_operator": "foo"}, "search_operator"),
        ({"foo": "bar"}, "پارامتر «foo» شناخته نیست"),
        ({"fields": "nonexistent"}, "فیلد «nonexistent» در این نوع نیست"),
        ({"fields": "title("}, "پارامتر fields درست نوشته نشده است"),
        ({"fields": "(" * 2000}, "fields"),
        ({"order": "nonexistent"}, "«nonexistent»"),
        ({"search": "وظایف " * 600}, "عبارت جستجو بیش از"),
        ({"id": "99999999999999999999"}, "شناسه"),
        ({"id": "③"}, "شناسه"),
        ({"title": "\x00"}, "نویسهٔ کنترلی"),
        ({"rich_text_format": "foo"}, None),
    ],
)
def test_bad_v2_parameters_answer_400_in_persian(client, corpus, endpoint, params, expected):
    response = client.get(endpoint, params)
    if endpoint != "/api/v2/pages/" and params.get("fields") == "nonexistent":
        expected = "nonexistent"
    assert response.status_code == 400, response.content.decode()
    body = response.json()
    assert body["detail"] == body["message"] and persian(body["detail"])
    if expected:
        assert expected in body["detail"], body["detail"]


@pytest.mark.parametrize(
    "params",
    [
        {"type": "foo"},
        {"type": "foo.Bar"},
        {"child_of": "³"},
        {"child_of": "99999999999999999999"},
        {"descendant_of": "abc"},
        {"translation_of": "①"},
        {"site": "localhost:99999999999999999999"},
        {"site": "\x00"},
        {"locale": "\x00"},
        {"html_path": "\x00"},
        {"first_published_at": "1399/13/45"},
        {"type": "procedures.ExternalReferencePage", "date": "1399/13/45"},
        {"type": "procedures.ExternalReferencePage", "authority": "³"},
    ],
)
def test_page_filters_with_impossible_values_answer_400_in_persian(client, corpus, params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code in (400, 404), response.content.decode()
    assert persian(response.json()["detail"])


def test_find_by_an_id_that_is_not_a_number_is_a_persian_400(client, corpus):
    response = client.get("/api/v2/pages/find/", {"id": "³"})
    assert response.status_code == 400 and persian(response.json()["detail"])


def test_a_missing_page_is_a_persian_404(client, corpus):
    response = client.get("/api/v2/pages/999999/")
    assert response.status_code == 404 and persian(response.json()["detail"])
