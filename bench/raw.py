"""The baselines: a raw FTS5 table (SQLite) and a raw tsvector table (PostgreSQL) of the same documents.

Both hold the documents' text as Sanad's backends index it (``search.normalise.index_text``: the
normalised words, then their joined pairs), so a query matches the same documents in the baseline and in the backends. Ranking weights follow
Sanad's: a word in the title counts twice a word in the body (FTS5 ``bm25(2.0, 1.0)`` as the table's
rank; PostgreSQL weights A and B). The queries are the textbook ones:

    SELECT rowid, title FROM bench_raw_fts WHERE bench_raw_fts MATCH ? ORDER BY rank LIMIT 20
    SELECT id, title FROM bench_raw_tsv WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC LIMIT 20
"""

from __future__ import annotations

import time
from typing import TextIO

from django.db import connection, transaction

from bench.progress import Progress
from search.normalise import index_text, normalise

FTS_TABLE = "bench_raw_fts"
TSV_TABLE = "bench_raw_tsv"
CHUNK = 2000
LIMIT = 20


def _normalised_chunks(progress: Progress):
    from bench.benchapp.models import Document

    last = 0
    while True:
        chunk = list(
            Document.objects.filter(pk__gt=last).order_by("pk").values_list("id", "title", "body")[:CHUNK]
        )
        if not chunk:
            return
        last = chunk[-1][0]
        yield [(pk, index_text(title), index_text(body)) for pk, title, body in chunk]
        progress.advance(len(chunk))


def build(total: int, stream: TextIO | None = None) -> tuple[float, float]:
    """Create the baseline table; wall-clock and CPU seconds taken (normalising included)."""
    progress = Progress(
        f"index (raw {'FTS5' if connection.vendor == 'sqlite' else 'tsvector'})", total, stream
    )
    started = time.perf_counter()
    cpu_started = time.process_time()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, body)")
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('rank', 'bm25(2.0, 1.0)')")  # noqa: S608
            insert = f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)"  # noqa: S608
            for chunk in _normalised_chunks(progress):
                cursor.executemany(insert, chunk)
        else:
            cursor.execute(f"CREATE TABLE {TSV_TABLE} (id integer PRIMARY KEY, title text, tsv tsvector)")
            raw = cursor.cursor
            for chunk in _normalised_chunks(progress):
                raw.execute(
                    "CREATE TEMP TABLE IF NOT EXISTS bench_raw_text (id integer, title text, body text)"
                )
                with raw.copy("COPY bench_raw_text (id, title, body) FROM STDIN") as copy:
                    for row in chunk:
                        copy.write_row(row)
                raw.execute(
                    f"INSERT INTO {TSV_TABLE} SELECT id, title, "  # noqa: S608
                    "setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B') "
                    "FROM bench_raw_text"
                )
                raw.execute("TRUNCATE bench_raw_text")
            cursor.execute(f"CREATE INDEX {TSV_TABLE}_tsv ON {TSV_TABLE} USING gin (tsv)")
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    progress.close()
    return seconds, cpu_seconds


def fts_match(query: str) -> str:
    """The FTS5 MATCH string of a query: its normalised words, each an FTS5 string, all required."""
    return " AND ".join('"' + word.replace('"', '""') + '"' for word in normalise(query).split())


def top(query: str) -> list[int]:
    """The ids of the 20 best documents for ``query`` (the baseline query)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                f"SELECT rowid, title FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s ORDER BY rank LIMIT {LIMIT}",  # noqa: S608
                [fts_match(query)],
            )
        else:
            cursor.execute(
                f"SELECT id, title FROM {TSV_TABLE}, plainto_tsquery('simple', %s) q "  # noqa: S608
                f"WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC LIMIT {LIMIT}",
                [normalise(query)],
            )
        return [row[0] for row in cursor.fetchall()]


def count(query: str) -> int:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [fts_match(query)])  # noqa: S608
        else:
            cursor.execute(
                f"SELECT count(*) FROM {TSV_TABLE} WHERE tsv @@ plainto_tsquery('simple', %s)",  # noqa: S608
                [normalise(query)],
            )
        return cursor.fetchone()[0]
