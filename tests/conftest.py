"""Shared fixtures: role groups, people in each role, a site tree."""

import pytest


@pytest.fixture
def roles(db):
    from accounts.roles import ensure_role_groups

    return ensure_role_groups()


def pytest_terminal_summary(terminalreporter):
    """The guard triggers' break-it count (tests/db_guard_attempts.py), when any attempt ran."""
    from tests.db_guard_attempts import TALLY

    if TALLY["attempts"]:
        terminalreporter.write_line(
            f"guard triggers: {TALLY['attempts']} forbidden writes tried on {len(TALLY['tables'])} tables, "
            f"{TALLY['database'] + TALLY['models']} refused ({TALLY['database']} by the database, "
            f"{TALLY['models']} first by the models), {TALLY['succeeded']} succeeded"
        )


@pytest.fixture(scope="module")
def shared_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content loaded once for a test module, in a transaction rolled back at the module's end.

    load_demo takes the better part of a minute; modules with several tests over the demo share one
    load. Each test still runs in its own savepoint (``db``), so what a test changes goes away.
    """
    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings

    media = tmp_path_factory.mktemp("demo-media")
    with override_settings(MEDIA_ROOT=str(media)), django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", quiet_users=True)
        yield
        transaction.set_rollback(True)
