"""SQLite: a search ranked by relevance is one statement that runs the FTS5 MATCH once.

The stock backend re-ran the MATCH in a correlated subquery for every candidate row (~3 s for 2,000
matches). Here the plan must read the FTS5 table once, in its own rank order, and look rows up by
primary key, with no sort of its own: that is what keeps top-N latency near raw FTS5's.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from procedures.models import ExternalReferencePage
from tests.factories import site_tree

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "sqlite", reason="SQLite FTS5 ranking; PostgreSQL ranks with ts_rank"
    ),
]


@pytest.fixture
def corpus(db):
    references = site_tree()[2]
    for n in range(1, 13):
        page = ExternalReferencePage(
            title=f"سند {n}",
            ref_type="circular" if n % 2 else "law",
            body="<p>" + "شاخص " * n + "</p>",
            live=True,
        )
        references.add_child(instance=page)


def ranked_search():
    return ExternalReferencePage.objects.live().filter(ref_type="circular").search("شاخص")[:3]


def test_a_ranked_page_of_results_is_one_statement_running_the_match_once(corpus):
    with CaptureQueriesContext(connection) as queries:
        titles = [page.title for page in ranked_search()]
    assert titles == ["سند 11", "سند 9", "سند 7"]
    [query] = queries.captured_queries
    sql = query["sql"]
    assert sql.count("_fts MATCH") == 1 and sql.count("rank MATCH") == 1
    assert sql.count("SELECT") == 2  # the page query and the derived table of matches, nothing per row


def test_the_plan_streams_fts5_rank_order_without_sorting_the_matches(corpus):
    sql, params = ranked_search().get_queryset().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = [row[-1] for row in cursor.fetchall()]
    assert any("VIRTUAL TABLE" in step for step in plan), plan
    assert not any("TEMP B-TREE FOR ORDER BY" in step for step in plan), plan
    assert not any("CORRELATED" in step for step in plan), plan
