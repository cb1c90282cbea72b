"""The SQL each contender sends for a query, with the database's plan for it (``--explain``)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench import raw
from search.normalise import normalise


def _plan(sql: str, params: list | None) -> list[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            return [f"{row[0]:>3} {row[1]:>3}  {row[3]}" for row in cursor.fetchall()]
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, params)
        return [row[0] for row in cursor.fetchall()]


def _search_sql(query: str, backend: str) -> tuple[str, list]:
    """The SQL and parameters of ``Document.objects.search(query)[:20]`` as the backend runs it."""
    from bench.benchapp.models import Document

    results = Document.objects.search(query, backend=backend)[:20]
    queryset = results.get_queryset() if hasattr(results, "get_queryset") else None
    if queryset is not None:
        sql, params = queryset.query.sql_with_params()
        return sql, list(params)
    with CaptureQueriesContext(connection) as captured:
        list(results)
    return captured.captured_queries[-1]["sql"], []


def explain(query: str) -> None:
    plain = normalise(query)
    contenders = [("Sanad", query, "default"), ("stock modelsearch", plain, "stock")]
    print(f"\nquery plans for «{query}»")
    if connection.vendor == "sqlite":
        raw_sql = (
            f"SELECT rowid, title FROM {raw.FTS_TABLE} WHERE {raw.FTS_TABLE} MATCH %s ORDER BY rank LIMIT 20"  # noqa: S608
        )
        raw_params: list = [raw.fts_match(query)]
    else:
        raw_sql = (
            f"SELECT id, title FROM {raw.TSV_TABLE}, plainto_tsquery('simple', %s) q "  # noqa: S608
            "WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC LIMIT 20"
        )
        raw_params = [plain]
    print(f"  raw: {raw_sql}")
    for line in _plan(raw_sql, raw_params):
        print(f"      {line}")
    from bench.benchapp.models import Document

    with CaptureQueriesContext(connection) as captured:
        Document.objects.search(query).count()
    count_sql = captured.captured_queries[-1]["sql"]
    print(f"  Sanad count: {count_sql}")
    for line in _plan(count_sql, None):
        print(f"      {line}")
    for name, text, backend in contenders:
        sql, params = _search_sql(text, backend)
        print(f"  {name}: {sql}\n    params: {params}")
        if backend == "stock" and connection.vendor == "postgresql":
            # EXPLAIN ANALYZE runs the query: keep the stock one in its time box
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = '60s'")
        try:
            for line in _plan(sql, params):
                print(f"      {line}")
        except Exception as error:  # a plan that does not finish in the time box is still an answer
            print(f"      ({error.__class__.__name__}: {error})")
        finally:
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET statement_timeout = 0")
