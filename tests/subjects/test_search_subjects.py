"""The subject facet of /search/ and the ``subject=`` filter of /api/search/."""

import pytest

from subjects.models import SubjectTag

pytestmark = pytest.mark.django_db


def slug(name: str) -> str:
    return SubjectTag.objects.for_typed(name).get().slug


def api(client, **params) -> dict:
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content.decode()
    return response.json()


def facet(data: dict, name: str) -> dict[str, int]:
    return {v["key"]: v["count"] for v in data["facets"][name]}


def test_api_counts_each_subject_over_the_visible_documents(client, tagged):
    counts = facet(api(client), "subject")
    assert counts[slug("نظام اداری")] == 3  # circular, regulation (typed «نظام اداري»), procedure
    assert counts[slug("بخشنامه")] == 1  # the login-only circular is not counted for anonymous callers
    assert counts[slug("ارزیابی عملکرد")] == 1


def test_api_subject_filter_keeps_only_tagged_documents_and_combines_with_type(client, tagged):
    data = api(client, subject=slug("نظام اداری"))
    assert {r["id"] for r in data["results"]} == {
        tagged.circular.pk,
        tagged.regulation.pk,
        tagged.procedure.pk,
    }
    assert data["filters"]["subject"] == [slug("نظام اداری")]
    narrowed = api(client, subject=slug("نظام اداری"), type="circular")
    assert [r["id"] for r in narrowed["results"]] == [tagged.circular.pk]
    # counted with the other filters applied: the subject facet under type=circular
    assert facet(narrowed, "subject") == {slug("نظام اداری"): 1, slug("بخشنامه"): 1}


def test_api_subject_may_be_written_by_name_in_any_spelling(client, tagged):
    by_name = api(client, subject="نظام اداري")
    assert by_name["filters"]["subject"] == [slug("نظام اداری")]
    assert by_name["count"] == 3


def test_two_subjects_give_documents_with_either(client, tagged):
    data = api(client, subject=[slug("بخشنامه"), slug("ارزیابی عملکرد")])
    assert {r["id"] for r in data["results"]} == {tagged.circular.pk, tagged.procedure.pk}


def test_each_result_names_its_subjects(client, tagged):
    data = api(client, subject=slug("ارزیابی عملکرد"))
    (result,) = data["results"]
    assert [s["name"] for s in result["subjects"]] == ["ارزیابی عملکرد", "نظام اداری"]


def test_unknown_subject_answers_400_with_a_persian_message(client, tagged):
    response = client.get("/api/search/", {"subject": "ناموجود"})
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["parameter"] == "subject" and "«ناموجود» پیدا نشد" in error["message"]


def test_a_query_for_a_subject_finds_the_documents_tagged_with_it(client, tagged):
    ids = {r["id"] for r in api(client, q="جشنواره شهيد رجايي")["results"]}
    assert ids == {tagged.public_notice.pk}  # the public notice tagged with it (issue 11 §1); the procedure:
    ids = {r["id"] for r in api(client, q="ارزيابي عملكرد")["results"]}
    assert tagged.procedure.pk in ids
    ids = {r["id"] for r in api(client, q="نظام اداری")["results"]}
    assert tagged.regulation.pk in ids  # its text never says «نظام اداری»; its subject does


def test_search_page_shows_the_subject_facet_as_toggles_that_keep_other_filters(client, tagged):
    html = client.get("/search/", {"q": "", "type": "circular"}).content.decode()
    assert "<h2>موضوع</h2>" in html
    assert 'role="checkbox" aria-checked="false"' in html
    chosen = client.get("/search/", {"type": "circular", "subject": slug("نظام اداری")}).content.decode()
    assert tagged.circular.title in chosen and tagged.login_only.title not in chosen
    assert 'aria-checked="true"' in chosen
    # the search box keeps the chosen subject when a new query is typed
    assert f'<input type="hidden" name="subject" value="{slug("نظام اداری")}">' in chosen


def test_search_page_shows_a_persian_message_for_an_unknown_subject(client, tagged):
    response = client.get("/search/", {"subject": "ناموجود"})
    assert response.status_code == 200
    assert "موضوع «ناموجود» پیدا نشد" in response.content.decode()


def test_unchoosing_a_subject_written_by_name_drops_it_from_the_link(client, tagged):
    import re
    from html import unescape

    html = client.get("/search/", {"subject": "نظام اداري", "type": "circular"}).content.decode()
    href = unescape(re.search(r'href="([^"]*)" role="checkbox" aria-checked="true"', html).group(1))
    assert "subject=" not in href and "type=circular" in href
