"""Shared fixtures: role groups, people in each role, a site tree."""

import pytest


@pytest.fixture
def roles(db):
    from accounts.roles import ensure_role_groups

    return ensure_role_groups()
