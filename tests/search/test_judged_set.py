"""The judged set (tests/search/judged_set.py) over the seeds' documents: every query finds a document it
means among the first three, and nearly all first (issue 11 §3). ``pytest -s`` prints the figures."""

from __future__ import annotations

import pytest

from tests.search.judged_corpus import judged_corpus_for_module
from tests.search.judged_set import JUDGED_SET, Judged

TOP_1_AT_LEAST = 0.90
ASSERTED = [j for j in JUDGED_SET if not j.compound]
COMPOUNDS = [j for j in JUDGED_SET if j.compound]


@pytest.fixture(scope="module")
def shared_docs(django_db_setup, django_db_blocker):
    with judged_corpus_for_module(django_db_blocker) as docs:
        yield docs


@pytest.fixture
def docs(shared_docs, db):
    return shared_docs


def top_keys(client, docs, query: str) -> list[str]:
    response = client.get("/api/search/", {"q": query, "page_size": 10})
    assert response.status_code == 200, (query, response.content.decode())
    key_of = {page.pk: key for key, page in docs.items()}
    return [key_of.get(result["id"], f"#{result['id']}") for result in response.json()["results"]]


def figures(client, docs, judged_set: list[Judged]) -> tuple[int, int, list[tuple[Judged, list[str]]]]:
    top1 = top3 = 0
    misses = []
    for item in judged_set:
        found = top_keys(client, docs, item.query)
        first = bool(found) and found[0] in item.expected
        within = bool(item.expected & set(found[:3]))
        top1 += first
        top3 += within
        if not first:
            misses.append((item, found[:5]))
    return top1, top3, misses


def test_the_judged_set_has_at_least_sixty_queries_over_documents_that_exist(docs):
    assert len(JUDGED_SET) >= 60
    assert len({j.query for j in JUDGED_SET}) == len(JUDGED_SET)
    assert set().union(*(j.expected for j in JUDGED_SET)) <= set(docs)


def test_every_judged_query_finds_its_document_in_the_top_three_and_nearly_all_first(client, docs):
    top1, top3, misses = figures(client, docs, ASSERTED)
    count = len(ASSERTED)
    print(
        f"\njudged set: {count} queries (+{len(COMPOUNDS)} joined-compound queries reported apart): "
        f"top-1 {top1}/{count} = {top1 / count:.1%}, top-3 {top3}/{count} = {top3 / count:.1%}"
    )
    for item, found in misses:
        print(f"  not first: {item.query!r} → {found} (expected {sorted(item.expected)})")
    c1, c3, _ = figures(client, docs, COMPOUNDS)
    print(f"joined compounds: top-1 {c1}/{len(COMPOUNDS)}, top-3 {c3}/{len(COMPOUNDS)}")
    outside_top3 = [(item.query, found) for item, found in misses if not item.expected & set(found[:3])]
    assert outside_top3 == []
    assert top1 / count >= TOP_1_AT_LEAST, misses


# «شاخص ها» (plural) does not meet «شاخص‌های» (plural with ezafe) in the text: Sanad folds spellings, it
# does not stem, so this one query stays a known miss (strict: it is reported when it starts to pass).
PLURAL_WITH_EZAFE = "بخش نامه ابلاغ شاخص ها"


@pytest.mark.parametrize(
    "item",
    [
        pytest.param(
            j,
            id=j.query,
            marks=[pytest.mark.xfail(strict=True, reason="no stemming: «ها» vs «های»")]
            if j.query == PLURAL_WITH_EZAFE
            else [],
        )
        for j in COMPOUNDS
    ],
)
def test_a_compound_query_written_joined_or_apart_finds_its_document_first(client, docs, item):
    assert top_keys(client, docs, item.query)[:1] in ([key] for key in item.expected)
