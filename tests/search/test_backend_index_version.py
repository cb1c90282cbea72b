"""The normaliser version is stored with the index; a different one makes a check ask for update_index."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core import checks
from django.core.management import call_command
from modelsearch.conf import get_app_config
from wagtail.search.backends import get_search_backend

from procedures.models import ExternalReferencePage
from search import index_version
from search.checks import CHECK_ID, stale_index_warnings
from search.index_version import IndexVersion, stored_version
from tests.factories import site_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def references(db):
    return site_tree()[2]


def add_reference(parent, title: str = "بخشنامه آزمون") -> ExternalReferencePage:
    page = ExternalReferencePage(title=title, ref_type="circular", body="<p>وظايف</p>", live=True)
    parent.add_child(instance=page)
    return page


def update_index() -> None:
    call_command("update_index", stdout=StringIO(), stderr=StringIO())


@pytest.fixture
def new_normaliser(monkeypatch):
    """The normaliser's table has changed since the index was built (its VERSION with it)."""

    def change():
        monkeypatch.setattr("search.normalise.VERSION", "2-a-changed-table")

    return change


def test_update_index_records_the_running_normalisers_version(references):
    add_reference(references)
    IndexVersion.objects.all().delete()
    update_index()
    assert stored_version() == index_version.current_version()
    assert stale_index_warnings() == []


def test_a_changed_normaliser_asks_the_operator_to_run_update_index(references, new_normaliser):
    add_reference(references)
    update_index()
    new_normaliser()
    [warning] = stale_index_warnings()
    assert warning.id == CHECK_ID and warning.level == checks.WARNING
    assert "update_index" in warning.hint and "نرمال‌ساز" in warning.msg
    assert "2-a-changed-table" in warning.msg

    update_index()
    assert stale_index_warnings() == []
    assert stored_version() == "2-a-changed-table"


def test_the_check_runs_with_database_checks_and_is_printed_by_manage_py_check(references, new_normaliser):
    add_reference(references)
    update_index()
    new_normaliser()
    assert CHECK_ID in {message.id for message in checks.run_checks(databases=["default"])}
    # without databases (runserver's static checks) it stays quiet and reads nothing
    assert CHECK_ID not in {message.id for message in checks.run_checks()}
    err = StringIO()
    call_command("check", databases=["default"], stdout=StringIO(), stderr=err)
    assert CHECK_ID in err.getvalue() and "update_index" in err.getvalue()


def test_an_index_with_entries_but_no_recorded_version_asks_for_a_reindex(references):
    add_reference(references)
    IndexVersion.objects.all().delete()  # say, built by the stock backend before Sanad's
    [warning] = stale_index_warnings()
    assert "نامعلوم" in warning.msg

    add_reference(references, "بخشنامه دیگر")  # new entries do not vouch for the old ones
    assert stored_version() == index_version.UNKNOWN
    assert len(stale_index_warnings()) == 1


def test_the_first_entries_of_an_empty_index_record_the_running_version(references):
    get_app_config().get_model("IndexEntry").objects.all().delete()
    IndexVersion.objects.all().delete()
    assert stale_index_warnings() == []  # nothing indexed, nothing stale

    add_reference(references)
    assert stored_version() == index_version.current_version()


def test_emptying_the_index_records_the_running_version(references, new_normaliser):
    add_reference(references)
    update_index()
    new_normaliser()
    assert stale_index_warnings()
    get_search_backend().reset_indexes()
    assert stale_index_warnings() == []


def test_update_index_schema_only_leaves_a_stale_version_stale(references, new_normaliser):
    add_reference(references)
    update_index()
    new_normaliser()
    call_command("update_index", schema_only=True, stdout=StringIO())
    assert len(stale_index_warnings()) == 1


def test_update_index_shows_progress_and_reports_objects_per_second(references):
    add_reference(references)
    out = StringIO()
    call_command("update_index", stdout=out)
    printed = out.getvalue()
    bars = dict(re.findall(r"\.(\w+) +\[█{30}\] (\d+)/\2", printed))
    assert bars["ExternalReferencePage"] == str(ExternalReferencePage.objects.count())
    assert re.search(r"default: \d+ objects in [\d.]+ s \(\d+ objects/s\)", printed)
