"""PostgreSQL: a ranked search matches and ranks over the index entries, then fetches rows by primary key.

modelsearch joins the model to its entries on ``object_id = pk::varchar``, which the model's primary
key cannot answer: at 100k documents PostgreSQL read the whole model table for 100 matches (57× raw
``ts_rank``, bench/README.md). ``search.backends.pg_ranked`` ranks in a derived table over the entries
and joins it on the key. These tests check that every result, score, count and facet is the stock
one, and that the page query can reach the model's rows through the primary key.
"""

from __future__ import annotations

import json

import pytest
from django.db import connection
from modelsearch.query import And, Not, Or, Phrase, PlainText

from search.backends import pg_prefilter, pg_ranked
from tests.search.search_corpus import corpus_for_module

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's search backend"),
]


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with corpus_for_module(django_db_blocker) as built:
        yield built


def _stock(monkeypatch):
    """modelsearch's own query shape: no ranking over the entries, no implied index condition."""
    monkeypatch.setattr(pg_ranked, "applies", lambda compiler: False)
    monkeypatch.setattr(pg_prefilter, "implied_condition", lambda *args: None)


def _both(monkeypatch, search):
    ours = search()
    with monkeypatch.context() as patched:
        _stock(patched)
        stock = search()
    return ours, stock


def _ranked(results) -> list[tuple[int, float]]:
    return [(obj.pk, round(obj.score, 9)) for obj in results.annotate_score("score")]


QUERIES = [
    "ارزیابی",
    "ارزیابی عملکرد",  # both words, one may be in the title and the other in the body
    "وظایف ضوابط",
    "دفاتر شکایات",
    "۳۶۷۷۳/۹۱/۲۱۰",  # PostgreSQL's parser may make several lexemes of one term
    "آیین‌نامه",
    "کمیسیونهای‌ناموجود",
    "«»",
]


@pytest.mark.parametrize("text", QUERIES)
def test_ranked_pages_scores_and_counts_are_the_stock_ones(corpus, monkeypatch, text):
    from wagtail.models import Page

    from procedures.models import ExternalReferencePage

    def search():
        return (
            _ranked(Page.objects.search(text)),
            _ranked(ExternalReferencePage.objects.live().filter(ref_type="circular").search(text)),
            [page.pk for page in Page.objects.search(text)[1:3]],
            Page.objects.search(text).count(),
            ExternalReferencePage.objects.search(text)[:2].count(),
        )

    ours, stock = _both(monkeypatch, search)
    assert ours == stock


def test_boolean_phrase_and_negated_queries_are_the_stock_ones(corpus, monkeypatch):
    from wagtail.models import Page

    queries = [
        And([PlainText("ارزیابی"), Not(PlainText("شکایات"))]),
        Or([PlainText("ارزیابی"), Phrase("مدیریت عملکرد")]),
        Or([PlainText("ارزیابی"), Not(PlainText("عملکرد"))]),
        Not(PlainText("ارزیابی")),
        PlainText("ارزیابی عملکرد", operator="or"),
        Phrase("ضوابط سازماندهی"),
    ]
    for query in queries:
        ours, stock = _both(monkeypatch, lambda query=query: (_ranked(Page.objects.search(query)),))
        assert ours == stock, query
        assert ours[0] or isinstance(query, Not), query  # each query finds something to compare


def test_fields_autocomplete_facets_and_unranked_order_are_the_stock_ones(corpus, monkeypatch):
    from procedures.models import ExternalReferencePage

    def search():
        pages = ExternalReferencePage.objects.all()
        return (
            _ranked(pages.search("وظایف", fields=["title"])),
            [page.pk for page in pages.autocomplete("وظای")],
            dict(pages.search("وظایف").facet("ref_type")),
            [page.pk for page in pages.search("وظایف", order_by_relevance=False)],
        )

    ours, stock = _both(monkeypatch, search)
    assert ours == stock
    assert ours[0] and ours[1] and ours[2]


def test_an_entry_whose_object_is_gone_is_not_a_result(corpus, monkeypatch):
    from modelsearch.backends import get_search_backend

    from procedures.models import IssuingAuthority

    backend = get_search_backend()
    kept, gone = IssuingAuthority.objects.bulk_create(
        [
            IssuingAuthority(name="دفتر منحل‌شده پژوهشی", short_name="دمپ"),
            IssuingAuthority(name="دفتر منحل‌شده آموزشی", short_name="دما"),
        ]
    )
    backend.add_bulk(IssuingAuthority, [kept, gone])
    with connection.cursor() as cursor:  # deleted behind the index's back: the entry stays
        cursor.execute(f"DELETE FROM {IssuingAuthority._meta.db_table} WHERE id = %s", [gone.pk])

    def search():
        return _ranked(backend.search("منحل‌شده", IssuingAuthority)), backend.search(
            "منحل‌شده", IssuingAuthority
        ).count()

    ours, stock = _both(monkeypatch, search)
    assert ours == stock
    assert [pk for pk, _ in ours[0]] == [kept.pk] and ours[1] == 1


def _plan_nodes(sql: str, params) -> list[dict]:
    """The plan's nodes, sequential scans priced out: can the query use an index, not would it here."""
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
            plan = cursor.fetchone()[0]
        finally:
            cursor.execute("RESET enable_seqscan")
    if isinstance(plan, str):
        plan = json.loads(plan)
    nodes, todo = [], [plan[0]["Plan"]]
    while todo:
        node = todo.pop()
        nodes.append(node)
        todo.extend(node.get("Plans", []))
    return nodes


def test_the_page_query_fetches_the_models_rows_by_primary_key(corpus, monkeypatch):
    from procedures.models import IssuingAuthority

    IssuingAuthority.objects.bulk_create(
        [IssuingAuthority(name=f"اداره کل شماره {n} استان", short_name=f"اک{n}") for n in range(300)]
    )
    from modelsearch.backends import get_search_backend

    get_search_backend().add_bulk(IssuingAuthority, IssuingAuthority.objects.all())
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {IssuingAuthority._meta.db_table}")

    def key_lookups():
        results = get_search_backend().search("استان", IssuingAuthority)[:20]
        sql, params = results.get_queryset().query.sql_with_params()
        return [
            node
            for node in _plan_nodes(sql, params)
            if node.get("Relation Name") == IssuingAuthority._meta.db_table
            and node.get("Index Name") == f"{IssuingAuthority._meta.db_table}_pkey"
            and "Index Cond" in node
        ]

    assert key_lookups()
    _stock(monkeypatch)
    assert not key_lookups()  # object_id = id::varchar: the key cannot answer the stock join


def test_only_or_of_operands_is_matched_without_concatenating_the_vectors():
    """The CASE that picks the match: by the operators left once the quoted lexemes are taken out."""
    cases = {
        "'ارزیابی'": True,
        "'a' | 'b':*": True,
        "'a|b' | 'c&d' | 'it''s'": True,  # operators inside lexemes do not count
        "'a' & 'b'": False,
        "!'a'": False,
        "'a' <-> 'b'": False,
        "'a' <2> 'b'": False,
    }
    with connection.cursor() as cursor:
        for text, only_or in cases.items():
            cursor.execute(
                "SELECT regexp_replace(%s::tsquery::text, %s, '', 'g') !~ %s",
                [text, pg_ranked.LEXEME_PATTERN, pg_ranked.NOT_ONLY_OR],
            )
            assert cursor.fetchone()[0] is only_or, text
