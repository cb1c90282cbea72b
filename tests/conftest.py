"""Shared fixtures: role groups, people in each role, a site tree."""

import pytest


@pytest.fixture
def roles(db):
    from accounts.roles import ensure_role_groups

    return ensure_role_groups()


def pytest_terminal_summary(terminalreporter):
    """What was skipped and why, in one line, so a skip is never silent (issue 15); and the guard
    triggers' break-it count (tests/db_guard_attempts.py), when any attempt ran."""
    from tests.db_guard_attempts import TALLY

    line = skipped_summary(terminalreporter.stats.get("skipped", []))
    if line:
        terminalreporter.write_line(line)

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


def skip_reason(report) -> str:
    """The reason a skipped test report gives («Skipped: » and the like taken off)."""
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)
    return reason.removeprefix("Skipped: ").strip()


def skipped_summary(reports) -> str:
    """«skipped 26: 12 × Chromium not found …; 5 × PostgreSQL's search backend», most frequent first."""
    reasons: dict[str, int] = {}
    for report in reports:
        reason = skip_reason(report)
        reasons[reason] = reasons.get(reason, 0) + 1
    if not reasons:
        return ""
    parts = [f"{count} × {reason}" for reason, count in sorted(reasons.items(), key=lambda kv: -kv[1])]
    return f"skipped {sum(reasons.values())}: " + "; ".join(parts)
