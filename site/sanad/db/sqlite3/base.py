"""Django's SQLite backend, with one change: ``flush`` lifts the guard triggers for its own DELETEs.

The guard triggers (``sanad.dbguards``) refuse deleting signed, published and recorded rows. Django's
``flush`` (``manage.py flush``, and the test runner emptying the database after a transactional test)
empties every table with ``DELETE FROM`` on SQLite, which those triggers would refuse. So the flush
batch drops the guard triggers, deletes, and recreates them from their stored definitions, in the one
transaction ``execute_sql_flush`` runs it in. Nothing else in Django or in Sanad calls ``sql_flush``;
application code never reaches this path. (PostgreSQL's flush uses TRUNCATE, which fires no row trigger.)
"""

from django.db.backends.sqlite3 import base, operations

from sanad.dbguards import PREFIX


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        statements = super().sql_flush(
            style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
        if not statements:
            return statements
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                [PREFIX + "%"],
            )
            guards = cursor.fetchall()
        drop = [f"DROP TRIGGER {name}" for name, _ in guards]
        return drop + statements + [sql for _, sql in guards]


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
