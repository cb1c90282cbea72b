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
