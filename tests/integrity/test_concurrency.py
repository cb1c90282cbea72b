"""Concurrent writers each get their own link: no two seals follow the same head (PostgreSQL; SQLite
serialises writers by itself)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction
from wagtail.log_actions import log

from integrity import verify
from integrity.models import AuditSeal
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises writers itself")
def test_concurrent_audit_entries_form_one_unbroken_chain():
    user = UserFactory(username="writer")
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            start.wait()
            for i in range(10):
                with transaction.atomic():
                    log(instance=user, action="integrity.baseline", data={"writer": n, "i": i})
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    before = AuditSeal.objects.count()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert AuditSeal.objects.count() == before + 40
    report = verify.verify()
    assert report.ok, [f.message for f in report.findings]
