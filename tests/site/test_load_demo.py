"""load_demo: the seed documents become the demo, once; a second run changes nothing."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision

from procedures.models import ControlledRevision, ExternalReferencePage, ProcedurePage, ServiceStatementPage

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "controlled": ControlledRevision.objects.count(),
        "users": get_user_model().objects.count(),
        "log": PageLogEntry.objects.count(),
    }


@pytest.fixture
def demo(shared_demo, db):
    """The demo, loaded once for this module (tests/conftest.py)."""


def test_running_load_demo_twice_changes_and_duplicates_nothing(demo):
    before = counts()
    call_command("load_demo", quiet_users=True)
    assert counts() == before


def test_seed_000_is_revision_00_of_1395_10_05_with_its_three_paper_signers_and_all_rows(demo):
    page = ProcedurePage.objects.get(slug="performance-evaluation")
    row = ControlledRevision.objects.get(page=page, number=0)  # later demo steps may publish revision 01
    assert page.live and row.code == "م پ-م-۱-۰۴/۰۰"
    assert row.issue_date == dt.date(2016, 12, 25) and row.revision_date is None
    assert page.issue_date == dt.date(2016, 12, 25)
    assert row.imported
    assert {s.role: s.name for s in row.signoffs.all()} == {
        "preparer": "زینب گودرزی",
        "confirmer": "فریده بیرانوند",
        "approver": "علی هادی چگنی",
    }
    rows = row.revision.as_object().activity_rows()
    assert len(rows) == 24 and [r["number"] for r in rows].count("۱۱") == 2
    assert rows[-1]["flowchart_step"] == "پایان" and not rows[-1]["description"]
    assert rows[1]["responsible"] == "سازمان اداری و استخدامی" and rows[1]["responsible_is_ditto"]
    linked = [child.value["reference"] for child in row.revision.as_object().external_documents]
    assert len(linked) == 6 and all(isinstance(r, ExternalReferencePage) for r in linked)


def test_month_zero_date_and_two_spellings_of_the_programme_resolution_are_resolved(demo):
    roadmap = ExternalReferencePage.objects.get(slug="roadmap")
    assert roadmap.date == dt.date(2014, 4, 9)  # 1393/01/20
    assert "ماه صفر" in roadmap.notes
    programme = ExternalReferencePage.objects.get(slug="programme")
    from search.numbers import act_number_key

    assert act_number_key("۱۲۷۶۷۵ / ت ۵۰۶۴۲ ه") in programme.number_keys
    assert act_number_key("۵۵۰۶۴۲ ت/۱۲۷۶۷۵") in programme.number_keys


def test_circular_002_replaces_circular_35665_1801(demo):
    new = ExternalReferencePage.objects.get(slug="circular-36773-91-210")
    old = ExternalReferencePage.objects.get(slug="circular-35665-1801")
    assert new.in_force and not old.in_force
    assert old.superseded_by.pk == new.pk
    assert new.date == dt.date(2012, 12, 3)  # 1391/09/13
    assert old.date == dt.date(2003, 5, 25)  # 1382/03/04
    assert "وظايف" in new.body  # the circular's own Arabic letter forms are kept as published


def test_the_demo_replacement_takes_effect_on_the_new_circulars_day_so_1385_was_in_force(demo, client):
    old = ExternalReferencePage.objects.get(slug="circular-35665-1801")
    relation = old.ending_relation
    assert relation.effective_date == dt.date(2012, 12, 3)  # 1391/09/13, seed 002 names no other day
    assert old.status_on(dt.date(2006, 3, 21)).in_force  # 1385/01/01
    assert not old.status_on(dt.date(2012, 12, 3)).in_force
    assert 'data-in-force="yes"' in client.get(old.url, {"in_force_on": "1385/01/01"}).content.decode()
    hits = client.get("/search/", {"q": "وظایف", "to": "1385/01/01"}).context["outcome"].hits
    statuses = {h.document.pk: str(h.document.status) for h in hits}
    assert statuses[old.pk] == "in_force"  # labelled as it stood on the asked day


def test_service_statement_is_published_through_the_signoff_workflow(demo):
    page = ServiceStatementPage.objects.get(slug="service-statement")
    row = page.current_controlled_revision
    assert page.live and not row.imported and row.number == 0
    assert {s.role: s.user.username for s in row.signoffs.all()} == {
        "preparer": "officer",
        "confirmer": "confirmer",
        "approver": "approver",
    }
    assert len(page.service_steps) == 10


def test_public_pages_render_the_seed_content(demo, client):
    procedure = ProcedurePage.objects.get(slug="performance-evaluation")
    html = client.get(procedure.url).content.decode()
    assert "ارزیابی عملکرد" in html and "۱۳۹۵/۱۰/۰۵" in html  # the first issue's date stays
    assert "برنامه جامع اصلاح نظام اداری" in html
    paper = client.get(procedure.url + "revisions/0/").content.decode()
    assert "علی هادی چگنی" in paper and "زینب گودرزی" in paper
    statement = client.get(ServiceStatementPage.objects.get().url).content.decode()
    assert "خدمت مذکور رایگان می باشد" in statement
    circular = client.get(ExternalReferencePage.objects.get(slug="circular-36773-91-210").url)
    assert circular.status_code == 200 and "۳۶۷۷۳/۹۱/۲۱۰" in circular.content.decode()
    assert client.get("/").status_code == 200


def test_seed_004_is_loaded_as_a_news_page_and_its_levels_and_checklists_reach_the_bank(demo, client):
    from news.models import NewsPage
    from records.evaluation.models import CycleIndicator, Indicator

    news = NewsPage.objects.live().get(news_number="129153")
    assert news.published_on == dt.date(2014, 9, 13)  # 22 شهریور 1393
    assert "بانک شاخص های عملکردی" in news.body
    assert "۲۲ شهریور ۱۳۹۳" in client.get(news.url).content.decode()

    levels = set(Indicator.objects.values_list("monitoring_level", flat=True))
    assert levels == {"strategic", "operational", "executive"}
    kinds = {q["kind"] for i in Indicator.objects.all() for q in i.checklist_record}
    assert kinds == {"strategic", "executive"}
    assert all(i.checklist.exists() for i in Indicator.objects.all())
    # every cycle's snapshot carries the checklist its indicators had when issued
    assert not CycleIndicator.objects.filter(checklist=[]).exists()
