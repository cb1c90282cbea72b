"""The collection page: the same results as /search/ for the same filters, always current, narrowed by facets."""

from __future__ import annotations

import pytest

from procedures.models import ReferenceRelation, RelationKind
from tests.factories import UserFactory
from tests.smartfolders.conftest import IN_FORCE_QUERY, publish, reference


def shown(client, collection, **params) -> list[int]:
    response = client.get(collection.url, params)
    assert response.status_code == 200
    outcome = response.context["outcome"]
    assert outcome is not None, [e.message for e in response.context["errors"]]
    return [hit.document.pk for hit in outcome.hits]


def search_api(client, query) -> list[str]:
    query = query.copy()
    query["page_size"] = "100"
    response = client.get("/api/search/?" + query.urlencode())
    assert response.status_code == 200, response.content
    return [result["id"] for result in response.json()["results"]]


@pytest.mark.parametrize(
    "text",
    [
        IN_FORCE_QUERY,
        "type=circular&year=1398",
        "q=ارزیابی عملکرد&sort=oldest",
        "q=ارزيابي&type=circular&type=letter&authority={aeo}",
        "from=۱۳۹۸/۰۷/۰۱&to=۲۹ اسفند ۱۳۹۸",
        "status=in_force&sort=newest",
    ],
)
def test_saved_filters_reproduce_the_search_results_for_the_same_query_string(
    client, corpus, collection_from, text
):
    page = collection_from(text, per_page=100)
    expected = search_api(client, corpus.query(text))
    assert expected, "the query string should find something in the corpus"
    assert shown(client, page) == expected
    # and the page's own «same search on /search/» link gives that list too
    from django.http import QueryDict

    assert search_api(client, QueryDict(page.search_query_string())) == expected


def test_the_in_force_circulars_of_1398_from_one_authority_are_exactly_those(client, corpus, collection_from):
    page = collection_from()
    assert shown(client, page) == [corpus.circular_761847.pk, corpus.circular_712669.pk]


def test_publishing_a_new_matching_reference_makes_it_appear(client, corpus, collection_from):
    page = collection_from()
    before = shown(client, page)
    new = reference(
        corpus.references,
        "circular-new-1398",
        title="بخشنامه تازه سال ۱۳۹۸",
        ref_type="circular",
        number="۸۸۸۹۹۹",
        date="10/08/1398",
        authority=corpus.aeo,
    )
    after = shown(client, page)
    assert new.pk not in before and new.pk in after
    assert set(after) - {new.pk} == set(before)


def test_a_draft_matching_the_filters_stays_out_until_it_is_published(client, corpus, collection_from):
    page = collection_from()
    assert corpus.draft.pk not in shown(client, page)
    publish(corpus.draft)
    assert corpus.draft.pk in shown(client, page)


def test_superseding_a_reference_moves_it_out_of_an_in_force_collection(client, corpus, collection_from):
    page = collection_from()
    assert corpus.circular_712669.pk in shown(client, page)
    replacement = reference(
        corpus.references,
        "circular-1399-replacement",
        title="بخشنامه جایگزین شاخص‌های اختصاصی",
        ref_type="circular",
        number="۹۱۹۲۹۳",
        date="01/03/1399",
        authority=corpus.aeo,
    )
    ReferenceRelation.objects.create(
        source=replacement, kind=RelationKind.REPLACES, target=corpus.circular_712669
    )
    publish(replacement)
    assert corpus.circular_712669.pk not in shown(client, page)
    # the same search without «in force» still lists it, marked superseded
    everything = collection_from("type=circular&year=1398", title="همهٔ بخشنامه‌های ۱۳۹۸")
    response = client.get(everything.url)
    hit = next(h for h in response.context["outcome"].hits if h.document.pk == corpus.circular_712669.pk)
    assert hit.document.status == "superseded"


def test_facets_count_within_the_collection_and_narrow_it_further(client, corpus, collection_from):
    page = collection_from("type=circular&year=1398", title="بخشنامه‌های ۱۳۹۸")
    response = client.get(page.url)
    groups = {group.name: group for group in response.context["facet_groups"]}
    authorities = {link.value.key: link.value.count for link in groups["authority"].links}
    assert authorities == {str(corpus.aeo.pk): 2, str(corpus.ministry.pk): 1}

    narrowed = shown(client, page, authority=corpus.ministry.pk)
    assert narrowed == [corpus.ministry_circular.pk]
    # the facet link the page offers leads to the same narrowing
    link = next(link for link in groups["authority"].links if link.value.key == str(corpus.ministry.pk))
    assert link.url == f"{page.url}?authority={corpus.ministry.pk}"


def test_a_filter_the_collection_fixes_is_shown_but_cannot_be_removed_or_widened(
    client, corpus, collection_from
):
    page = collection_from()
    response = client.get(page.url)
    groups = {group.name: group for group in response.context["facet_groups"]}
    (status,) = groups["status"].links
    assert status.value.key == "in_force" and status.fixed and not status.removable
    assert [link.value.key for link in groups["type"].links] == ["circular"]
    # asking for another type or status in the address does not widen the collection
    assert shown(client, page, type="letter") == shown(client, page)
    assert shown(client, page, status="superseded") == shown(client, page)


def test_a_visitor_can_narrow_among_the_types_the_collection_holds(client, corpus, collection_from):
    page = collection_from("type=circular&type=letter&authority={aeo}&year=1398", title="بخشنامه‌ها و نامه‌ها")
    assert set(shown(client, page)) == {
        corpus.circular_761847.pk,
        corpus.circular_712669.pk,
        corpus.letter.pk,
    }
    assert shown(client, page, type="letter") == [corpus.letter.pk]
    groups = {group.name: group for group in client.get(page.url, {"type": "letter"}).context["facet_groups"]}
    letter = next(link for link in groups["type"].links if link.value.key == "letter")
    assert letter.removable and letter.url == page.url


def test_a_query_within_the_collection_keeps_its_filters(client, corpus, collection_from):
    page = collection_from("type=circular&year=1398", title="بخشنامه‌های ۱۳۹۸")
    assert shown(client, page, q="آموزش و پرورش") == [corpus.ministry_circular.pk]
    assert corpus.law.pk not in shown(client, page, q="ارزیابی عملکرد")


def test_results_are_paginated_with_the_collections_page_size(client, corpus, collection_from):
    page = collection_from("type=circular", title="همهٔ بخشنامه‌ها", per_page=2)
    first, second = shown(client, page), shown(client, page, page=2)
    assert len(first) == 2 and first != second
    response = client.get(page.url)
    assert response.context["outcome"].total == 4  # the public circulars of the corpus
    assert '?page=2"' in response.content.decode()


def test_anonymous_visitors_never_see_non_public_items_but_signed_in_staff_do(
    client, corpus, collection_from
):
    page = collection_from("type=circular&year=1398", title="بخشنامه‌های ۱۳۹۸")
    assert corpus.staff_circular.pk not in shown(client, page)
    assert corpus.staff_circular.title not in client.get(page.url).content.decode()
    client.force_login(UserFactory(username="collections-reader"))
    assert corpus.staff_circular.pk in shown(client, page)


def test_bad_narrowing_in_the_address_gets_a_persian_message_and_no_search(client, corpus, collection_from):
    page = collection_from()
    response = client.get(page.url, {"q": '"بخشنامه'})
    assert response.status_code == 200
    assert response.context["outcome"] is None
    assert "گیومهٔ" in response.content.decode()


def test_the_page_shows_its_filters_in_persian_with_links_to_the_feed_and_exports(
    client, corpus, collection_from
):
    page = collection_from()
    html = client.get(page.url).content.decode()
    assert "نوع سند: <bdi>بخشنامه</bdi>" in html
    assert "سال: <bdi>۱۳۹۸</bdi>" in html
    assert "وضعیت: <bdi>نافذ</bdi>" in html
    assert f'href="{page.url}feed/"' in html
    assert f'href="{page.url}export.csv"' in html and f'href="{page.url}export.xlsx"' in html
