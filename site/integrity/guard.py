"""Append-only tables: the trigger SQL, and the one sanctioned way around it (``maintenance``).

The triggers refuse UPDATE and DELETE with a Persian message. Django's ``flush`` (tests, a full reset)
empties every table: it runs inside ``maintenance()``. On SQLite the triggers ask a function that
Sanad registers on each of its connections (``sanad_guard()``, 0 during maintenance); a connection
without it (the sqlite3 shell) is refused too. On PostgreSQL they read the session setting
``sanad.maintenance``. Either can be bypassed by someone with raw access — that is what
``verify_integrity`` is for.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connections

_state = threading.local()


def _in_maintenance() -> int:
    return 0 if getattr(_state, "maintenance", False) else 1


def register_sqlite_function(connection) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("sanad_guard", 0, _in_maintenance)


@contextmanager
def maintenance(using: str = "default") -> Iterator[None]:
    """Let this thread's writes through the append-only triggers (whole-database flush only)."""
    connection = connections[using]
    _state.maintenance = True
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('sanad.maintenance', 'on', false)")
    try:
        yield
    finally:
        _state.maintenance = False
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('sanad.maintenance', 'off', false)")


def append_only_sql(vendor: str, table: str, message: str) -> tuple[list[str], list[str]]:
    """(create, drop) statements for triggers that refuse UPDATE and DELETE on ``table``."""
    message = message.replace("'", "''")
    if vendor == "sqlite":
        create = [
            f"CREATE TRIGGER {table}_no_{op.lower()} BEFORE {op} ON {table} "
            f"WHEN sanad_guard() BEGIN SELECT RAISE(ABORT, '{message}'); END"
            for op in ("UPDATE", "DELETE")
        ]
        drop = [f"DROP TRIGGER IF EXISTS {table}_no_{op}" for op in ("update", "delete")]
        return create, drop
    if vendor == "postgresql":
        create = [
            f"""CREATE OR REPLACE FUNCTION {table}_refuse() RETURNS trigger AS $$
BEGIN
    IF current_setting('sanad.maintenance', true) = 'on' THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    RAISE EXCEPTION '{message}' USING ERRCODE = 'integrity_constraint_violation';
END $$ LANGUAGE plpgsql""",
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_refuse()",
        ]
        drop = [
            f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
            f"DROP FUNCTION IF EXISTS {table}_refuse()",
        ]
        return create, drop
    return [], []
