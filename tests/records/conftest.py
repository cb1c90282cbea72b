"""Fixtures for records: people in each role, a site with a retention register, a series."""

import pytest
from django.test import override_settings

from accounts.roles import Role
from tests.factories import person, site_tree
from tests.records import factories


@pytest.fixture(autouse=True)
def _media(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    with override_settings(MEDIA_ROOT=str(tmp_path / "media")):
        yield


@pytest.fixture
def people(db):
    return {
        "records": person("records1", Role.RECORDS_MANAGER, "مسئول بایگانی"),
        "records2": person("records2", Role.RECORDS_MANAGER, "کارشناس بایگانی"),
        "approver": person("approver1", Role.APPROVER, "رئیس سازمان"),
        "officer": person("officer1", Role.QUALITY_OFFICER, "کارشناس کیفیت"),
        "auditor": person("auditor1", Role.AUDITOR, "ممیز"),
        "agency": person("agency1", Role.AGENCY_USER, "کارشناس دستگاه"),
        "superuser": person("root", None, "مدیر سامانه", is_superuser=True, is_staff=True),
    }


@pytest.fixture
def register(db):
    home, _, _ = site_tree()
    return factories.register_page(home)


@pytest.fixture
def series(register):
    return factories.series(register)


@pytest.fixture
def record(series, people):
    return factories.declared_record(series, people["records"])
