"""AuditSeal is append-only below the ORM: triggers refuse UPDATE and DELETE (SQLite and PostgreSQL)."""

from django.db import migrations

from integrity.guard import append_only_sql

TABLE = "integrity_auditseal"
MESSAGE = "حلقه‌های زنجیره ممیزی تغییر نمی‌کنند و حذف نمی‌شوند."


def create(apps, schema_editor):
    statements, _ = append_only_sql(schema_editor.connection.vendor, TABLE, MESSAGE)
    for sql in statements:
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    _, statements = append_only_sql(schema_editor.connection.vendor, TABLE, MESSAGE)
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("integrity", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
