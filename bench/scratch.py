"""The benchmark's scratch database: a new SQLite file, or a PostgreSQL database created and dropped.

The database is chosen before Django starts (``bench.settings`` reads the environment), so these
helpers talk to the server with psycopg directly, not through Django.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres"


@dataclass(frozen=True)
class Scratch:
    vendor: str  # "sqlite" or "postgresql"
    location: str  # the SQLite file, or the PostgreSQL URL of the scratch database
    admin_url: str = ""  # PostgreSQL: where to drop it from

    def configure(self) -> None:
        """Point ``bench.settings`` at this database (before ``django.setup()``)."""
        os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
        if self.vendor == "sqlite":
            os.environ.pop("SANAD_BENCH_DATABASE_URL", None)
            os.environ["SANAD_BENCH_SQLITE"] = self.location
        else:
            os.environ["SANAD_BENCH_DATABASE_URL"] = self.location


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def create_sqlite(path: Path) -> Scratch:
    _remove_sqlite(path)
    return Scratch("sqlite", str(path))


def create_postgres(admin_url: str, name: str) -> Scratch:
    import psycopg
    from psycopg import sql

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    parts = urlsplit(admin_url)
    return Scratch("postgresql", urlunsplit(parts._replace(path="/" + name)), admin_url)


def drop(scratch: Scratch) -> None:
    if scratch.vendor == "sqlite":
        _remove_sqlite(Path(scratch.location))
        return
    import psycopg
    from psycopg import sql

    name = urlsplit(scratch.location).path.lstrip("/")
    with psycopg.connect(scratch.admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
