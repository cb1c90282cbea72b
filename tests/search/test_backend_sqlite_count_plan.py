"""SQLite: counting a search starts from the FTS5 table, whether or not the database was ever ANALYZEd.

``.count()`` (API v2 ``total_count``, the admin's search) filters ``pk IN (matches)``. Without
statistics SQLite took the index entries' content-type index for selective and walked every entry of
the content type, probing FTS5 once per entry: 2.7–5 s at 100k documents, even for a query with no
match (bench/README.md). The matches are now a CROSS JOIN from the FTS5 table, an order SQLite must
keep, so the plan no longer depends on statistics. These tests check the plan's shape, not its time.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.backends import sqlite_rank

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5's query plans"),
]


def _tables() -> tuple[str, str]:
    """The FTS5 table and the index entries' table (looked up in a test: on PostgreSQL there is no FTS5)."""
    from search.backends.sqlite import _index_models

    entry, fts = _index_models()
    return fts._meta.db_table, entry._meta.db_table


def _backend():
    from modelsearch.backends import get_search_backend

    return get_search_backend()


@pytest.fixture
def authorities():
    """Indexed authorities, one of them with a word no other has."""
    from procedures.models import IssuingAuthority

    objs = IssuingAuthority.objects.bulk_create(
        [IssuingAuthority(name=f"اداره کل شماره {n} استان", short_name=f"اک{n}") for n in range(200)]
        + [IssuingAuthority(name="سازمان پژوهش‌های کمیاب", short_name="سپک")]
    )
    _backend().add_bulk(IssuingAuthority, objs)
    return IssuingAuthority


def _statistics(analysed: bool) -> None:
    """Give the planner statistics, or take them away (as on a database never ANALYZEd)."""
    with connection.cursor() as cursor:
        if analysed:
            cursor.execute("ANALYZE")
            return
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone():
            cursor.execute("DELETE FROM sqlite_stat1")
            cursor.execute("ANALYZE sqlite_schema")  # reloads the (now empty) statistics


def _count_sql(model, query: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        count = _backend().search(query, model).count()
    [statement] = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    return count, statement


def _plan(sql: str) -> list[str]:
    return _plan_with(sql, ())


def _plan_with(sql: str, params) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return [row[-1] for row in cursor.fetchall()]


def _entry_steps(plan: list[str]) -> list[str]:
    """The steps that read the FTS5 table or the index entries, in the order SQLite nests them."""
    fts_table, entry_table = _tables()
    return [step for step in plan if fts_table in step or f" {entry_table} " in f"{step} "]


@pytest.mark.parametrize("analysed", [False, True], ids=["never-analysed", "analysed"])
@pytest.mark.parametrize(("query", "expected"), [("پژوهش‌های", 1), ("استان", 200), ("واژه‌ای‌که‌نیست", 0)])
def test_a_search_count_reads_the_fts5_table_first_and_entries_by_rowid(
    authorities, analysed, query, expected
):
    fts_table, entry_table = _tables()
    _statistics(analysed)
    count, sql = _count_sql(authorities, query)
    assert count == expected
    steps = _entry_steps(_plan(sql))
    assert len(steps) == 2, steps
    assert steps[0].startswith("SCAN") and fts_table in steps[0] and "VIRTUAL TABLE" in steps[0], steps
    assert steps[1].startswith(f"SEARCH {entry_table} USING INTEGER PRIMARY KEY"), steps


def test_without_the_fixed_join_order_a_never_analysed_database_walks_every_entry(authorities, monkeypatch):
    """What the CROSS JOIN is for: the INNER JOIN form starts from the content-type index."""
    _, entry_table = _tables()
    _statistics(analysed=False)
    original = sqlite_rank.matches_sql

    def inner_join(**kwargs):
        sql, params = original(**kwargs)
        return sql.replace(" CROSS JOIN ", " INNER JOIN "), params

    monkeypatch.setattr("search.backends.sqlite.matches_sql", inner_join)
    count, sql = _count_sql(authorities, "پژوهش‌های")
    assert count == 1
    steps = _entry_steps(_plan(sql))
    assert entry_table in steps[0] and "content_type_id" in steps[0], steps


def test_an_unranked_search_uses_the_same_fixed_order(authorities):
    fts_table, entry_table = _tables()
    results = _backend().search("استان", authorities, order_by_relevance=False)
    sql, params = results.get_queryset().query.sql_with_params()
    assert f"{fts_table} CROSS JOIN {entry_table}" in sql
    steps = _entry_steps(_plan_with(sql, params))
    assert fts_table in steps[0] and entry_table in steps[1], steps
    assert len(list(results)) == 200


def test_the_ranked_page_keeps_its_flattened_inner_join(authorities):
    """Flattened into the page query, a CROSS JOIN would put the model's table before the entries."""
    sql, _ = _backend().search("استان", authorities)[:20].get_queryset().query.sql_with_params()
    assert "CROSS JOIN" not in sql
