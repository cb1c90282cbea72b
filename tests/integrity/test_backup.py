"""A backup restored into a new database verifies clean: the chain depends on nothing but the rows
(content types by name, not id), and a tampered copy is still caught there."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from contextlib import contextmanager

import pytest
from django.db import connections

from integrity import verify
from tests.integrity.conftest import attacker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def wagtail_rows(transactional_db):
    """What Wagtail's migrations create and an earlier transactional test's flush removed."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(
            instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page))
        )
    if Collection.get_first_root_node() is None:
        Collection.add_root(instance=Collection(name="Root"))


@contextmanager
def _connected_to(name: str):
    """Swap the default connection for one to the restored copy for the block, then swap back.

    (A new wrapper, not a second alias: the test case only allows its own databases.)"""
    saved = connections["default"]
    restored = type(saved)({**saved.settings_dict, "NAME": name}, alias="default")
    connections["default"] = restored
    try:
        yield
    finally:
        restored.close()
        connections["default"] = saved


def _restore_copy(tmp_path) -> tuple[str, callable]:
    connection = connections["default"]
    if connection.vendor == "sqlite":
        target = str(tmp_path / "restored.sqlite3")
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        return target, lambda: None
    settings = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": settings["PASSWORD"]}
    common = [
        "-h",
        settings["HOST"] or "127.0.0.1",
        "-p",
        str(settings["PORT"] or 5432),
        "-U",
        settings["USER"],
    ]
    target = f"{settings['NAME']}_restored"
    subprocess.run(["dropdb", *common, "--if-exists", target], check=True, env=env)
    subprocess.run(["createdb", *common, target], check=True, env=env)
    dump = subprocess.run(["pg_dump", *common, settings["NAME"]], check=True, env=env, capture_output=True)
    subprocess.run(
        ["psql", *common, "-q", "-v", "ON_ERROR_STOP=1", target],
        input=dump.stdout,
        check=True,
        env=env,
        capture_output=True,
    )
    return target, lambda: subprocess.run(["dropdb", *common, "--if-exists", target], check=True, env=env)


def test_a_backup_restored_into_a_new_database_verifies_clean_and_tampering_there_is_still_caught(
    world, tmp_path
):
    original = verify.verify()
    assert original.ok
    target, drop = _restore_copy(tmp_path)
    try:
        with _connected_to(target):
            restored = verify.verify()
            assert restored.ok, [f.message for f in restored.findings]
            assert restored.counts == original.counts
            with attacker("procedures_signoff") as cursor:
                cursor.execute("UPDATE procedures_signoff SET position = %s", ["سمتی دیگر"])
            assert any(f.area == "signoff" for f in verify.verify().findings)
    finally:
        drop()
    assert verify.verify().ok  # the copy's tampering never touched the original
