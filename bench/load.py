"""Streaming the generated corpus into the bench app's table: executemany on SQLite, COPY on PostgreSQL.

No model instances: rows go from the generator to the database a chunk at a time, in one transaction.
"""

from __future__ import annotations

import itertools
from typing import TextIO

from django.db import connection, transaction

from bench.corpus import CorpusSpec, rows
from bench.progress import Progress

CHUNK = 5000


def load_corpus(spec: CorpusSpec, stream: TextIO | None = None) -> Progress:
    from bench.benchapp.models import Document

    table = Document._meta.db_table
    progress = Progress("load corpus", spec.size, stream)
    source = rows(spec)
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor  # psycopg's own cursor: COPY
            with raw.copy(f"COPY {table} (id, title, body) FROM STDIN") as copy:
                for row in source:
                    copy.write_row(row)
                    progress.advance(1)
            # ids were given explicitly: move the sequence past them
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), %s)", [max(spec.size, 1)])
        else:
            insert = f"INSERT INTO {table} (id, title, body) VALUES (%s, %s, %s)"  # noqa: S608
            while chunk := list(itertools.islice(source, CHUNK)):
                cursor.executemany(insert, chunk)
                progress.advance(len(chunk))
    progress.close()
    return progress
