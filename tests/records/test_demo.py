"""The records demo step: a register, revision 01 of procedure 000 linked to it, records; idempotent."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from procedures.models import ControlledRevision, ProcedurePage
from records.choices import Phase
from records.models import Hold, Record, RecordFile, RetentionSeriesPage

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "controlled": ControlledRevision.objects.count(),
        "records": Record.objects.count(),
        "files": RecordFile.objects.count(),
        "holds": Hold.objects.count(),
        "record_versions": Record.history.count(),
    }


@pytest.fixture
def demo(shared_demo, db):
    """The demo, loaded once for this module with its files in a temporary folder (tests/conftest.py)."""


def test_load_demo_twice_makes_no_revision_02_and_duplicates_nothing(demo):
    before = counts()
    call_command("load_demo", quiet_users=True)
    assert counts() == before
    page = ProcedurePage.objects.get(slug="performance-evaluation")
    assert sorted(page.controlled_revisions.values_list("number", flat=True)) == [0, 1]


def test_revision_01_is_signed_by_three_demo_users_with_the_change_reason(demo):
    page = ProcedurePage.objects.get(slug="performance-evaluation")
    current = page.current_controlled_revision
    assert current.number == 1 and page.full_code == "م پ-م-۱-۰۴/۰۱"
    assert current.change_reason == "تکمیل فهرست سوابق با ردیف‌های نمایشی"
    assert {s.role: s.user.username for s in current.signoffs.all()} == {
        "preparer": "officer",
        "confirmer": "confirmer",
        "approver": "approver",
    }
    assert "نمایشی" in page.demo_note


def test_procedure_000_section_6_is_filled_from_the_linked_series(demo, client):
    page = ProcedurePage.objects.get(slug="performance-evaluation")
    rows = [child.value.row() for child in page.records_list]
    assert len(rows) == RetentionSeriesPage.objects.filter(governing_procedure=page).count() == 8
    assert all(r["linked"] for r in rows)
    html = client.get(page.url).content.decode()
    assert "مستندات خودارزیابی دستگاه‌های اجرایی" in html and "س-ا-۰۱" in html and "۲ سال" in html
    assert "در این نسخه سابقه‌ای درج نشده است" not in html
    old = client.get(page.url + "revisions/0/")
    assert old.status_code == 200 and "در این نسخه سابقه‌ای درج نشده است" in old.content.decode()


def test_demo_records_include_one_on_hold_and_some_due(demo):
    assert Record.objects.exclude(phase=Phase.DRAFT).count() == Record.objects.count() >= 8
    assert Record.objects.on_hold().exists()
    assert Record.objects.filter(phase=Phase.DUE).count() >= 2
    assert Record.objects.filter(phase=Phase.DUE).not_on_hold().exists()


def test_the_demo_register_page_lists_its_series(demo, client):
    from records.models import RetentionRegisterPage

    html = client.get(RetentionRegisterPage.objects.get().url).content.decode()
    assert "پرونده‌های اعتراض دستگاه‌ها به نتایج" in html and "نگهداری دائم" in html
