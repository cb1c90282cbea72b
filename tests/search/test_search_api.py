"""The JSON search endpoint (/api/search/) and Wagtail API v2's ?search=, from the outside."""

import pytest

from tests.factories import person

URL = "/api/search/"


def api(client, **params) -> dict:
    response = client.get(URL, params)
    assert response.status_code == 200, response.content.decode()
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def ids(data: dict) -> list[int]:
    return [r["id"] for r in data["results"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("۳۶۷۷۳/۹۱/۲۱۰", "circular"),
        ("36773/91/210", "circular"),
        ("٣٦٧٧٣/٩١/٢١٠", "circular"),
        ("۴۲۲۵/۴۴۳۲۷", "regulation"),
        ("44327/4225", "regulation"),
        ("۱۲۷۶۷۵/ت۵۰۶۴۲ه", "programme"),
        ("۱۲۷۶۷۵ / ت ۵۰۶۴۲ ه", "programme"),
        ("۵۵۰۶۴۲ ت/۱۲۷۶۷۵", "programme"),
        ("۳۵۶۶۵/۱۸۰۱", "old_circular"),
        ("۱۳۹۱/۰۹/۱۳", "circular"),
        ("13/09/1391", "circular"),
        ("۱۳ آذر ۱۳۹۱", "circular"),
        ("وظايف مديريت عملكرد", "circular"),
        ("وظایف مدیریت عملکرد", "circular"),
    ],
)
def test_every_variant_finds_its_document_first(client, corpus, query, expected):
    assert ids(api(client, q=query))[0] == getattr(corpus, expected).pk


@pytest.mark.parametrize("query", ["دستگاههای", "دستگاه‌های", "دستگاه های"])
def test_zwnj_variants_give_the_same_results(client, corpus, query):
    assert set(ids(api(client, q=query))) == set(ids(api(client, q="دستگاه‌های"))) != set()


def test_a_result_carries_iso_and_jalali_dates_side_by_side(client, corpus):
    (result,) = api(client, q="۳۶۷۷۳/۹۱/۲۱۰ وظایف")["results"]
    assert result["date"] == "2012-12-03" and result["date_jalali"] == "۱۳۹۱/۰۹/۱۳"
    assert result["type"] == "circular" and result["type_label"] == "بخشنامه"
    assert result["number"] == "۳۶۷۷۳/۹۱/۲۱۰"
    assert result["authority"] == {"id": corpus.vp.pk, "name": corpus.vp.name}
    assert result["status"] == "in_force" and result["status_label"] == "نافذ"
    assert result["superseded_by"] is None
    assert result["url"] == "http://testserver" + corpus.circular.url
    assert "<mark>وظايف</mark>" in result["title_html"]


def test_a_superseded_result_names_its_replacement(client, corpus):
    result = api(client, q="۳۵۶۶۵/۱۸۰۱")["results"][0]
    assert result["status"] == "superseded" and result["status_note"] == "جایگزین‌شده با"
    assert result["superseded_by"]["id"] == corpus.circular.pk
    assert result["superseded_by"]["url"].endswith(corpus.circular.url)


def test_the_query_as_understood_is_returned(client, corpus):
    query = api(client, q='وظايف "دفاتر مديريت" ۴۴۳۲۷/۴۲۲۵ ۱۳ آذر ۱۳۹۱ -شکایات')["query"]
    assert query["words"] == ["وظایف"]
    assert query["phrases"] == ["دفاتر مدیریت"]
    assert query["numbers"] == [{"written": "۴۴۳۲۷/۴۲۲۵", "key": "4225/44327"}]  # as typed, and its key
    assert query["dates"] == [{"iso": "2012-12-03", "jalali": "۱۳۹۱/۰۹/۱۳"}]
    assert query["excluded"] == ["شکایات"]


def test_filters_and_facet_counts(client, corpus):
    data = api(client, q="وظایف", status="in_force")
    assert ids(data) == [corpus.circular.pk]
    facets = {name: {v["key"]: v["count"] for v in values} for name, values in data["facets"].items()}
    assert facets["status"] == {"in_force": 1, "superseded": 1}  # counted without its own filter
    assert facets["type"] == {"circular": 1}
    assert facets["year"] == {"1391": 1}
    assert [v for v in data["facets"]["status"] if v["selected"]] == [
        {"key": "in_force", "label": "نافذ", "count": 1, "selected": True}
    ]


def test_type_authority_year_and_range_filters(client, corpus):
    assert set(ids(api(client, type="resolution"))) == {corpus.programme.pk, corpus.roadmap.pk}
    assert ids(api(client, authority=corpus.cabinet.pk, year=1389)) == [corpus.regulation.pk]
    data = api(client, **{"from": "1393/01/01", "to": "۱۳۹۳/۱۲/۲۹", "sort": "oldest"})
    assert ids(data) == [corpus.roadmap.pk, corpus.programme.pk]
    assert data["filters"]["from"] == {"iso": "2014-03-21", "jalali": "۱۳۹۳/۰۱/۰۱"}


def test_several_types_at_once(client, corpus):
    data = api(client, type=["resolution", "executive_regulation"])
    assert set(ids(data)) == {corpus.programme.pk, corpus.roadmap.pk, corpus.regulation.pk}


def test_pages_link_to_each_other(client, corpus):
    first = api(client, page_size=2, sort="newest")
    assert first["page"] == 1 and first["num_pages"] >= 3 and len(first["results"]) == 2
    assert first["previous"] is None and "page=2" in first["next"]
    second = client.get(first["next"]).json()
    assert second["page"] == 2 and not set(ids(second)) & set(ids(first))


def test_restricted_and_unpublished_documents_are_not_listed_for_anonymous_callers(client, corpus):
    everything = ids(api(client, page_size=100))
    for hidden in (corpus.password_only, corpus.login_only, corpus.group_only, corpus.draft):
        assert hidden.pk not in everything
    assert corpus.circular.pk in everything
    client.force_login(person("api-reader", None))
    assert corpus.login_only.pk in ids(api(client, page_size=100))


@pytest.mark.parametrize(
    ("params", "parameter", "expected"),
    [
        ({"q": '"دفاتر'}, "q", "گیومه"),
        ({"q": "وظایف OR"}, "q", "«OR» باید میان دو واژه بیاید"),
        ({"q": "-"}, "q", "«-» باید پیش از واژه"),
        ({"q": "۱۳۹۳/۰/۲۰"}, "q", "ماه ۰ وجود ندارد"),
        ({"type": "memo"}, "type", "نوع سند «memo» شناخته نیست"),
        ({"authority": "999999"}, "authority", "پیدا نشد"),
        ({"year": "۲۰۲۰"}, "year", "سال «۲۰۲۰» درست نیست"),
        ({"status": "dead"}, "status", "وضعیت «dead» شناخته نیست"),
        ({"from": "۳۲ آذر ۱۳۹۱"}, "from", "روز ۳۲ وجود ندارد"),
        ({"to": "فردا"}, "to", "تاریخ شناخته‌شده‌ای نیست"),
        ({"sort": "random"}, "sort", "ترتیب «random» شناخته نیست"),
        ({"page": "x"}, "page", "شمارهٔ صفحه «x» درست نیست"),
        ({"page_size": "1000"}, "page_size", "اندازهٔ صفحه «1000» درست نیست"),
    ],
)
def test_bad_input_answers_400_with_persian_messages_and_searches_nothing(
    client, corpus, monkeypatch, params, parameter, expected
):
    def must_not_run(*args, **kwargs):
        raise AssertionError("searched despite bad input")

    monkeypatch.setattr("search.api.run_search", must_not_run)
    response = client.get(URL, params)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert any(e["parameter"] == parameter and expected in e["message"] for e in errors), errors


def test_only_reading_is_allowed(client, corpus):
    assert client.post(URL, {"q": "وظایف"}).status_code == 405


# --- Wagtail API v2 ?search= goes through the same normaliser -------------------------------------------


def v2_titles(client, query: str) -> set[str]:
    response = client.get("/api/v2/pages/", {"search": query})
    assert response.status_code == 200, response.content.decode()
    return {item["title"] for item in response.json()["items"]}


@pytest.mark.parametrize(
    "variants",
    [
        ("وظایف", "وظايف"),
        ("دستگاههای", "دستگاه‌های", "دستگاه های"),
        ("۳۶۷۷۳/۹۱/۲۱۰", "36773/91/210", "٣٦٧٧٣/٩١/٢١٠"),
    ],
)
def test_wagtail_api_v2_search_folds_variants_alike(client, corpus, variants):
    results = [v2_titles(client, v) for v in variants]
    assert results[0], f"nothing found for {variants[0]}"
    assert all(r == results[0] for r in results), results


@pytest.mark.parametrize(
    ("variants", "expected"),
    [(("وظایف", "وظايف"), "circular"), (("دستگاههای", "دستگاه‌های", "دستگاه های"), "procedure")],
)
def test_the_admin_page_search_folds_variants_alike(client, corpus, variants, expected):
    client.force_login(person("search-admin", None, is_superuser=True, is_staff=True))

    def found(query: str) -> set[int]:
        response = client.get("/admin/pages/search/", {"q": query})
        assert response.status_code == 200
        return {page.pk for page in response.context["pages"]}

    results = [found(v) for v in variants]
    assert getattr(corpus, expected).pk in results[0]
    assert all(r == results[0] for r in results), results
