"""``BACKEND: "search.backends.database"``: Sanad's backend for whatever database Django uses.

Like ``modelsearch.backends.database.SearchBackend``, it picks by the connection's vendor: SQLite
with FTS5 → ``search.backends.sqlite``, PostgreSQL → ``search.backends.postgres``, anything else
(or SQLite without FTS5 or before its tables exist) → modelsearch's fallback backend.
"""

from __future__ import annotations

from django.db import connection
from modelsearch.backends.base import BaseSearchBackend

from search.index_version import DATABASE_INDEX

_sqlite_fts_ready = False  # only a positive answer is kept: the FTS table may appear after migrate


def _sqlite_fts_usable() -> bool:
    global _sqlite_fts_ready
    if not _sqlite_fts_ready:
        from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

        _sqlite_fts_ready = fts5_available() and fts_table_exists()
    return _sqlite_fts_ready


def SearchBackend(params: dict) -> BaseSearchBackend:
    if connection.vendor == "postgresql":
        from search.backends.postgres import SanadPostgresSearchBackend

        return SanadPostgresSearchBackend(params)
    if connection.vendor == "sqlite" and _sqlite_fts_usable():
        from search.backends.sqlite import SanadSQLiteSearchBackend

        return SanadSQLiteSearchBackend(params)
    from modelsearch.backends.database.fallback import DatabaseSearchBackend

    return DatabaseSearchBackend(params)


# The index whose normaliser version ``search.checks`` compares (see ``search.index_version``).
SearchBackend.index_version_key = DATABASE_INDEX
