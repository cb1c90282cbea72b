"""PostgreSQL: a search reaches the index table through its GIN indexes, and finds what stock finds.

modelsearch matches ``(title || body) @@ query``, which no index covers: a sequential scan of the whole
index table for every search (bench/README.md, PostgreSQL 100k: 475 ms for 100 matches). Sanad's
backend adds a condition implied by that match which the GIN indexes on ``title`` and ``body`` answer
(``search.backends.pg_prefilter``). These tests check the plan's shape, not its time, and that the
added condition never changes a result.
"""

from __future__ import annotations

import json

import pytest
from django.db import connection

from search.backends import pg_prefilter, pg_ranked

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's search backend"),
]

FILLER = 2000


def _backend():
    from modelsearch.backends import get_search_backend

    return get_search_backend()


def _plan_nodes(sql: str, params) -> list[dict]:
    """The plan's nodes, sequential scans priced out: can the query use an index, not would it here.

    (On a few thousand short entries a sequential scan is rightly the cheapest plan.)
    """
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


def _entry_table() -> str:
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    return IndexEntry._meta.db_table


def _gin_indexes() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = %s"
            " AND (indexdef ILIKE '%%USING gin (title)%%' OR indexdef ILIKE '%%USING gin (body)%%')",
            [_entry_table()],
        )
        return {row[0] for row in cursor.fetchall()}


@pytest.fixture
def authorities():
    """A few thousand indexed authorities, one of them with a word no other has."""
    from procedures.models import IssuingAuthority

    objs = IssuingAuthority.objects.bulk_create(
        [IssuingAuthority(name=f"اداره کل شماره {n} استان", short_name=f"اک{n}") for n in range(FILLER)]
        + [IssuingAuthority(name="سازمان پژوهش‌های کمیاب", short_name="سپک")]
    )
    _backend().add_bulk(IssuingAuthority, objs)
    with connection.cursor() as cursor:
        # what autovacuum would have done: the new entries out of the GIN pending lists, statistics
        for name in _gin_indexes():
            cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [name])
        cursor.execute(f"ANALYZE {_entry_table()}")
    return IssuingAuthority


def _sql(model, query: str):
    results = _backend().search(query, model)[:20]
    return results.get_queryset().query.sql_with_params()


def test_a_selective_search_scans_the_gin_indexes_not_the_whole_index_table(authorities, monkeypatch):
    gin = _gin_indexes()
    assert gin, "modelsearch's GIN indexes on title and body"
    assert [a.name for a in _backend().search("پژوهش‌های", authorities)] == ["سازمان پژوهش‌های کمیاب"]

    nodes = _plan_nodes(*_sql(authorities, "پژوهش‌های"))
    used = {node.get("Index Name") for node in nodes}
    assert used & gin, nodes
    assert not [n for n in nodes if n["Node Type"] == "Seq Scan" and n["Relation Name"] == _entry_table()]

    # the stock query shape (no implied condition, no ranking over the entries alone) cannot use
    # them: that is what the condition is for
    monkeypatch.setattr(pg_prefilter, "implied_condition", lambda *args: None)
    monkeypatch.setattr(pg_ranked, "applies", lambda compiler: False)
    stock_nodes = _plan_nodes(*_sql(authorities, "پژوهش‌های"))
    assert not {node.get("Index Name") for node in stock_nodes} & gin


QUERIES = [
    "ارزیابی",
    "ارزیابی عملکرد",  # both words, anywhere in title or body
    "وظایف ضوابط",
    "دفاتر شکایات",
    "کمیسیونهای‌ناموجود",
    "«»",  # nothing to search for once parsed
]


def _compare(search, monkeypatch):
    with_condition = search()
    monkeypatch.setattr(pg_prefilter, "implied_condition", lambda *args: None)
    without = search()
    monkeypatch.undo()
    return with_condition, without


@pytest.mark.parametrize("text", QUERIES)
def test_the_implied_condition_changes_no_result(search_corpus_pages, monkeypatch, text):
    from wagtail.models import Page

    def search():
        return [(page.pk, round(page.score, 6)) for page in Page.objects.search(text).annotate_score("score")]

    with_condition, without = _compare(search, monkeypatch)
    assert with_condition == without


def test_boolean_queries_change_no_result(search_corpus_pages, monkeypatch):
    from modelsearch.query import And, Not, Or, Phrase, PlainText
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

        def search(query=query):
            return [page.pk for page in Page.objects.search(query)]

        with_condition, without = _compare(search, monkeypatch)
        assert with_condition == without, query


@pytest.fixture
def search_corpus_pages(db):
    from tests.search.search_corpus import build_corpus

    return build_corpus()


def test_operands_are_read_from_postgresqls_own_text_form():
    """Quotes, backslashes, prefixes and weights survive the round trip through the tsquery's text."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT regexp_replace(regexp_replace(%s::tsquery::text, %s, %s, 'g'), %s, '')::tsquery::text",
            [
                "'it''s':*A & !'a\\\\b' <-> ( 'c' | 'd':B )",
                pg_prefilter.OPERAND_PATTERN,
                pg_prefilter.OPERAND_REPLACEMENT,
                pg_prefilter.LEADING_BAR,
            ],
        )
        assert cursor.fetchone()[0] == "'it''s':*A | 'a\\\\b' | 'c' | 'd':B"
