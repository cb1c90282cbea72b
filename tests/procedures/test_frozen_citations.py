"""A published revision shows forever what its §6/§7 rows cited when it was approved (issue #10 §2)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import RequestFactory
from django.utils import timezone

from procedures.citations import FROZEN_KEY, citation_rows
from procedures.models import ControlledRevision, ProcedurePage
from procedures.services import content_sha256
from records.choices import PeriodUnit
from tests.procedures import citing
from tests.procedures.signoff import sign_through

pytestmark = pytest.mark.django_db


@pytest.fixture
def cited(tree, workflow):
    home, procedures, references = tree
    x = citing.circular(references)
    s = citing.series(home)
    return {"x": x, "s": s, "page": citing.citing_procedure(procedures, x, s)}


@pytest.fixture
def rev00(cited, people):
    """Revision 00 approved through the sign-off workflow, in force."""
    sign_through(cited["page"], people["preparer"], people["confirmer"], people["approver"])
    return ControlledRevision.objects.get(page_id=cited["page"].pk, number=0)


def revision_html(client, page, number=0) -> str:
    page = ProcedurePage.objects.get(pk=page.pk)
    response = client.get(f"{page.url}revisions/{number}/")
    assert response.status_code == 200
    return response.content.decode()


def live_html(client, page) -> str:
    response = client.get(ProcedurePage.objects.get(pk=page.pk).url)
    assert response.status_code == 200
    return response.content.decode()


def test_approval_freezes_what_each_row_cites_into_the_revision(rev00, cited):
    frozen = rev00.revision.content[FROZEN_KEY]
    (external,) = frozen["external_documents"].values()  # the typed row cites no page: nothing to freeze
    assert external["page_id"] == cited["x"].pk
    assert external["number"] == "۳۵۶۶۵/۱۸۰۱" and external["title"] == "بخشنامه ارزیابی عملکرد"
    assert external["authority"] == "سازمان امور اداری و استخدامی" and external["date"] == "2003-05-25"
    assert external["status"] == "in_force"
    (record,) = frozen["records_list"].values()
    assert record["page_id"] == cited["s"].pk and record["code"] == "س-ا-۰۱"
    assert record["active_period"] == "۲ سال" and record["archive_period"] == "۳ سال"


def test_the_content_hash_covers_the_frozen_rows(rev00):
    content = rev00.revision.content
    assert rev00.content_sha256 == content_sha256(content)
    tampered = {**content, FROZEN_KEY: {**content[FROZEN_KEY]}}
    rows = {k: {**v, "number": "۱/۲"} for k, v in content[FROZEN_KEY]["external_documents"].items()}
    tampered[FROZEN_KEY]["external_documents"] = rows
    assert content_sha256(tampered) != rev00.content_sha256


def test_a_paper_revision_is_frozen_too(cited, people):
    from procedures.services import PaperRevision, import_legacy_revision
    from tests.factories import paper_signers

    on = dt.date(2016, 12, 25)
    signers = paper_signers(on)
    controlled = import_legacy_revision(
        cited["page"],
        PaperRevision(0, on, None, "", signers["preparer"], signers["confirmer"], signers["approver"]),
        imported_by=people["preparer"],
        note="نسخه کاغذی",
    )
    assert controlled.revision.content[FROZEN_KEY]["external_documents"]
    assert controlled.content_sha256 == content_sha256(controlled.revision.content)


def test_old_revision_keeps_the_approved_number_and_title_after_the_circular_changes(rev00, cited, client):
    x = cited["x"]
    x.number, x.title = "۹۹۹۹/۱", "عنوان تازه بخشنامه"
    citing.publish(x)
    html = revision_html(client, cited["page"])
    assert "بخشنامه ارزیابی عملکرد" in html and "۳۵۶۶۵/۱۸۰۱" in html
    assert "عنوان تازه بخشنامه" not in html and "۹۹۹۹/۱" not in html
    assert "این مستند پس از تصویب تغییر کرده است" in html
    assert f'href="{x.url}">نسخه کنونی' in html


def test_the_live_page_prints_the_in_force_revision_from_its_frozen_copy(rev00, cited, client):
    x = cited["x"]
    x.title = "عنوان تازه بخشنامه"
    citing.publish(x)
    html = live_html(client, cited["page"])
    assert "بخشنامه ارزیابی عملکرد" in html and "عنوان تازه بخشنامه" not in html
    assert "پس از تصویب تغییر کرده است" in html


def test_superseding_the_circular_is_noted_beside_the_row_that_cited_it_in_force(rev00, cited, client, tree):
    _, _, references = tree
    y = citing.replacement(references, cited["x"])
    html = revision_html(client, cited["page"])
    assert "پس از تصویب جایگزین شده با" in html and f'href="{y.url}">بخشنامه جایگزین' in html
    assert '<span class="badge badge--ok">معتبر</span>' in html  # as it stood when approved


def test_changed_retention_periods_do_not_change_the_approved_row(rev00, cited, client):
    s = cited["s"]
    s.active_amount, s.active_unit = 7, PeriodUnit.YEARS
    citing.publish(s)
    html = revision_html(client, cited["page"])
    assert "۲ سال" in html and "۷ سال" not in html
    assert "این ردیف جدول نگهداری پس از تصویب تغییر کرده است" in html


def test_a_withdrawn_circular_is_noted_and_stays_readable(rev00, cited, client, people):
    from custody import services

    request = services.request_withdrawal(cited["x"], requested_by=people["preparer"], reason="منسوخ شده است")
    services.decide_withdrawal(request, decided_by=people["approver2"], approve=True)
    html = revision_html(client, cited["page"])
    assert "این مستند پس از تصویب ابطال شده است" in html and "بخشنامه ارزیابی عملکرد" in html
    page = client.get(cited["x"].url).content.decode()
    assert "این مستند ابطال شده است" in page and "منسوخ شده است" in page


def test_unchanged_citations_carry_no_note(rev00, cited, client):
    html = revision_html(client, cited["page"])
    assert "پس از تصویب" not in html
    assert 'data-frozen="1"' in html


def test_the_pdf_prints_the_same_frozen_rows(rev00, cited, people):
    from procedures.pdf.render import CopyMarking, render_revision_html

    x = cited["x"]
    x.title = "عنوان تازه بخشنامه"
    citing.publish(x)
    request = RequestFactory().get("/")
    request.user = people["auditor"]
    page = ProcedurePage.objects.get(pk=cited["page"].pk)
    html = render_revision_html(request, page, rev00, CopyMarking(printed_at=timezone.localtime()))
    assert "بخشنامه ارزیابی عملکرد" in html and "عنوان تازه بخشنامه" not in html
    assert "پس از تصویب تغییر کرده است" in html


def test_a_revision_registered_before_freezing_follows_the_live_pages(cited, people, client, monkeypatch):
    monkeypatch.setattr("procedures.services.freeze_citations", lambda revision: None)
    sign_through(cited["page"], people["preparer"], people["confirmer"], people["approver"])
    controlled = ControlledRevision.objects.get(page_id=cited["page"].pk, number=0)
    assert FROZEN_KEY not in controlled.revision.content
    x = cited["x"]
    x.title = "عنوان تازه بخشنامه"
    citing.publish(x)
    html = revision_html(client, cited["page"])
    assert "عنوان تازه بخشنامه" in html and "پس از تصویب" not in html


def test_a_cited_page_gone_from_the_database_is_said_to_be_deleted(cited):
    page = cited["page"]
    child = page.external_documents[0]
    frozen = {
        "external_documents": {
            child.id: {
                "page_id": 987654,
                "title": "بخشنامه حذف‌شده",
                "number": "۱",
                "status": "in_force",
                "superseded_by": None,
            }
        }
    }
    page.external_documents[0].value["reference"] = None
    rows = citation_rows(page, frozen)["external_rows"]
    assert rows[0].cells["title"] == "بخشنامه حذف‌شده"
    assert [n.text for n in rows[0].changes] == ["این مستند پس از تصویب از سامانه حذف شده است."]


def test_a_draft_preview_shows_the_rows_as_they_are_now(rev00):
    from procedures.citations import frozen_for

    request = RequestFactory().get("/")
    assert frozen_for(request, rev00) is not None
    request.is_preview = True
    assert frozen_for(request, rev00) is None


def test_a_statement_without_citing_rows_is_frozen_empty(tree, people):
    from procedures.models import ServiceStatementPage
    from procedures.services import PaperRevision, import_legacy_revision
    from tests.factories import paper_signers

    home, _, _ = tree
    statement = home.add_child(
        instance=ServiceStatementPage(title="بیانیه سطح توافق خدمت", document_code="ب-۰۱", live=False)
    )
    on = dt.date(2016, 12, 25)
    signers = paper_signers(on)
    controlled = import_legacy_revision(
        statement,
        PaperRevision(0, on, None, "", signers["preparer"], signers["confirmer"], signers["approver"]),
        imported_by=people["preparer"],
        note="نسخه کاغذی",
    )
    assert controlled.revision.content[FROZEN_KEY] == {}
