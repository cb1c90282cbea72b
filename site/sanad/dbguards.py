"""Guard triggers: the database itself refuses writes that would change what was published, signed or
recorded (issue 10 §3), whatever path the write takes (the ORM, ``_base_manager``, querysets, raw SQL).

A guard is declared once (table, event, condition, Persian message) and turned into a trigger for the
connection's vendor:

- SQLite: ``CREATE TRIGGER … BEFORE <event> … WHEN <condition> BEGIN SELECT RAISE(ABORT, …); END``;
- PostgreSQL: a plpgsql function that tests the condition and raises SQLSTATE 23000 (PostgreSQL does
  not allow subqueries in a trigger's WHEN, so the condition lives in the function body).

Both surface in Django as ``IntegrityError``; the message starts with ``TAG`` so that the web layer
(``sanad.middleware.GuardRefusalMiddleware``) recognises a refusal and shows its message.

Conditions are written once, in SQL both databases understand, over ``OLD`` and ``NEW``; the only
vendor difference handled here is null-safe comparison (``IS DISTINCT FROM`` on PostgreSQL, ``IS NOT``
on SQLite), which ``changed()`` writes. Apps keep their guards in ``<app>/db_guards.py``; their
migrations install them with ``install(GUARDS)``. Installing is idempotent (drop, then create).

Maintenance: Django's ``flush`` (and the test runner's teardown of transactional tests) empties tables
with ``DELETE`` on SQLite, which the guards would refuse; ``sanad.db.sqlite3`` lifts them for exactly
that statement batch and restores them. PostgreSQL's flush uses ``TRUNCATE``, which fires no row trigger.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import migrations

#: Every guard message starts with this tag; the web layer recognises a refusal by it.
TAG = "[sanad-guard]"
#: Every guard trigger (and PostgreSQL function) is named with this prefix.
PREFIX = "sanad_guard_"

EVENTS = ("INSERT", "UPDATE", "DELETE")


@dataclass(frozen=True)
class Guard:
    """One refusal: on ``event`` of a row of ``table``, refuse when ``when`` holds (always when empty)."""

    name: str
    table: str
    event: str
    message: str
    when: str = ""

    def __post_init__(self):
        if self.event not in EVENTS:
            raise ValueError(f"unknown event {self.event!r}")
        if not re.fullmatch(r"[a-z0-9_]+", self.name) or len(PREFIX + self.name) > 63:
            raise ValueError(f"bad guard name {self.name!r}")

    @property
    def trigger(self) -> str:
        return PREFIX + self.name

    @property
    def full_message(self) -> str:
        return f"{TAG} {self.message}"


def changed(*columns: str) -> str:
    """True when any of ``columns`` differs between OLD and NEW (NULL-safe), for both vendors."""
    return "(" + " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in columns) + ")"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _for_sqlite(condition: str) -> str:
    # SQLite's null-safe comparisons are IS / IS NOT (IS [NOT] DISTINCT FROM only from 3.39).
    condition = condition.replace("IS NOT DISTINCT FROM", "IS")
    return condition.replace("IS DISTINCT FROM", "IS NOT")


def create_sql(guard: Guard, vendor: str) -> list[str]:
    if vendor == "sqlite":
        when = f" WHEN {_for_sqlite(guard.when)}" if guard.when else ""
        return [
            f"DROP TRIGGER IF EXISTS {guard.trigger}",
            f"CREATE TRIGGER {guard.trigger} BEFORE {guard.event} ON {guard.table} FOR EACH ROW{when} "
            f"BEGIN SELECT RAISE(ABORT, {_quote(guard.full_message)}); END",
        ]
    if vendor == "postgresql":
        returned = "OLD" if guard.event == "DELETE" else "NEW"
        return [
            f"CREATE OR REPLACE FUNCTION {guard.trigger}() RETURNS trigger LANGUAGE plpgsql AS $sanad$\n"
            f"BEGIN\n"
            f"  IF {guard.when or 'TRUE'} THEN\n"
            f"    RAISE EXCEPTION USING ERRCODE = '23000', MESSAGE = {_quote(guard.full_message)};\n"
            f"  END IF;\n"
            f"  RETURN {returned};\n"
            f"END\n$sanad$",
            f"DROP TRIGGER IF EXISTS {guard.trigger} ON {guard.table}",
            f"CREATE TRIGGER {guard.trigger} BEFORE {guard.event} ON {guard.table} "
            f"FOR EACH ROW EXECUTE FUNCTION {guard.trigger}()",
        ]
    raise NotImplementedError(f"no guard triggers for the {vendor} database")


def drop_sql(guard: Guard, vendor: str) -> list[str]:
    if vendor == "sqlite":
        return [f"DROP TRIGGER IF EXISTS {guard.trigger}"]
    if vendor == "postgresql":
        return [
            f"DROP TRIGGER IF EXISTS {guard.trigger} ON {guard.table}",
            f"DROP FUNCTION IF EXISTS {guard.trigger}()",
        ]
    raise NotImplementedError(f"no guard triggers for the {vendor} database")


def _execute(schema_editor, statements: Iterable[str]) -> None:
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install(guards: Sequence[Guard], *, replaces: Sequence[Guard] = ()) -> migrations.RunPython:
    """A migration operation creating ``guards`` (and, reversed, dropping them; restoring ``replaces``)."""

    def forward(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        _execute(schema_editor, [s for g in guards for s in create_sql(g, vendor)])

    def backward(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        _execute(schema_editor, [s for g in guards for s in drop_sql(g, vendor)])
        _execute(schema_editor, [s for g in replaces for s in create_sql(g, vendor)])

    return migrations.RunPython(forward, backward, elidable=False)


def installed_triggers(connection) -> set[tuple[str, str]]:
    """(table, trigger) of every guard trigger present in the database."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                [PREFIX + "%"],
            )
        else:
            cursor.execute(
                "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal AND t.tgname LIKE %s",
                [PREFIX + "%"],
            )
        return {(table, name) for table, name in cursor.fetchall()}


def refusal_message(exc: BaseException) -> str | None:
    """The Persian message of a guard refusal, or None when ``exc`` is not one."""
    text = str(exc)
    start = text.find(TAG)
    if start < 0:
        cause = exc.__cause__
        return refusal_message(cause) if cause is not None and cause is not exc else None
    # PostgreSQL appends CONTEXT lines ("PL/pgSQL function … at RAISE"); the message is the first line.
    return text[start + len(TAG) :].split("\n", 1)[0].strip()


def history_guards(*tables: str) -> tuple[Guard, ...]:
    """django-simple-history's tables are part of the audit trail: never edited, never deleted."""
    guards: list[Guard] = []
    for table in tables:
        guards.append(
            Guard(
                name=f"{table}_update",
                table=table,
                event="UPDATE",
                message="تاریخچه نسخه‌ها بخشی از گزارش ممیزی است و تغییر نمی‌کند.",
            )
        )
        guards.append(
            Guard(
                name=f"{table}_delete",
                table=table,
                event="DELETE",
                message="تاریخچه نسخه‌ها بخشی از گزارش ممیزی است و حذف نمی‌شود.",
            )
        )
    return tuple(guards)
