"""A small world with everything the chain anchors: an imported revision ۰۰, a signed revision ۰۱,
a declared record with its file; and the means to tamper with it as someone with database access."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

import pytest
from django.db import connection, connections
from django.test import override_settings

from accounts.roles import Role
from tests.factories import new_procedure, paper_signers, person, site_tree
from tests.procedures.signoff import sign_through
from tests.records import factories as records_factories


@pytest.fixture(autouse=True)
def _media(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    with override_settings(MEDIA_ROOT=str(tmp_path / "media")):
        yield


@pytest.fixture
def people(db):
    return {
        "preparer": person("preparer", Role.QUALITY_OFFICER, "کارشناس کیفیت"),
        "confirmer": person("confirmer", Role.CONFIRMER, "معاون توسعه مدیریت"),
        "approver": person("approver", Role.APPROVER, "رئیس سازمان"),
        "records": person("records1", Role.RECORDS_MANAGER, "مسئول بایگانی"),
        "auditor": person("auditor", Role.AUDITOR, "ممیز", email="auditor@example.org"),
        "superuser": person("root", None, "مدیر سامانه", is_superuser=True, is_staff=True),
    }


@pytest.fixture
def world(people):
    """Revision ۰۰ from paper, ۰۱ signed by three people, a declared record with one PDF."""
    from procedures.models import ControlledRevision
    from procedures.services import PaperRevision, import_legacy_revision
    from procedures.setup import ensure_signoff_workflow
    from records.models import RecordFile

    home, procedures, _ = site_tree()
    ensure_signoff_workflow(home)
    page = new_procedure(procedures)
    on = dt.date(2016, 12, 25)
    signers = paper_signers(on)
    import_legacy_revision(
        page,
        PaperRevision(0, on, None, "", signers["preparer"], signers["confirmer"], signers["approver"]),
        imported_by=people["preparer"],
        note="نسخه کاغذی ۱۳۹۵",
    )
    page.refresh_from_db()
    sign_through(
        page, people["preparer"], people["confirmer"], people["approver"], change_reason="افزودن اعتراض"
    )
    series = records_factories.series(records_factories.register_page(home))
    record = records_factories.declared_record(series, people["records"])
    return {
        "page": page,
        "revision": ControlledRevision.objects.get(page_id=page.pk, number=1),
        "paper_revision": ControlledRevision.objects.get(page_id=page.pk, number=0),
        "record": record,
        "file": RecordFile.objects.get(record=record),
    }


def triggers_on(table: str, connection=connection) -> list[str]:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [table])
            return [row[0] for row in cursor.fetchall()]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal", [table]
        )
        return [row[0] for row in cursor.fetchall()]


@contextmanager
def attacker(*tables: str, using: str = "default"):
    """Raw SQL with the protections off, as someone with the database password would do it.

    SQLite: drop the triggers on the tables (the test's transaction brings them back). PostgreSQL:
    ``session_replication_role = replica`` turns every trigger (and foreign key check) off.
    """
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for table in tables:
                for name in triggers_on(table, connection):
                    cursor.execute(f'DROP TRIGGER "{name}"')
        else:
            cursor.execute("SET session_replication_role = replica")
        try:
            yield cursor
        finally:
            if connection.vendor == "postgresql":
                cursor.execute("SET session_replication_role = DEFAULT")


def json_param() -> str:
    """A JSON value in raw SQL: jsonb on PostgreSQL, text on SQLite."""
    return "CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s"
