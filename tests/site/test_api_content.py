"""API v2 detail carries each page's content (issue 13 §5): sections, rows as structured lists, cited
documents as the revision froze them, announcement bodies and windows, ISO and Jalali dates; listings
stay light and restricted pages stay out."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction

from accounts.roles import Role
from procedures.models import ControlledRevision, ProcedurePage, ServiceStatementPage
from tests.factories import new_procedure, paper_signers, person, site_tree
from tests.procedures import citing
from tests.procedures.signoff import act, sign_through

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(tmp_path):
    with override_settings(MEDIA_ROOT=str(tmp_path / "media")):
        yield


@pytest.fixture
def tree(db):
    from procedures.setup import ensure_signoff_workflow

    home, procedures, references = site_tree()
    ensure_signoff_workflow(home)
    return home, procedures, references


@pytest.fixture
def people(db):
    return {
        "preparer": person("preparer", Role.QUALITY_OFFICER, "کارشناس کیفیت"),
        "confirmer": person("confirmer", Role.CONFIRMER, "معاون توسعه مدیریت"),
        "approver": person("approver", Role.APPROVER, "رئیس سازمان"),
    }


def pdf_document(title: str):
    document = get_document_model()(title=title, collection=Collection.get_first_root_node())
    document.file.save("form.pdf", ContentFile(PDF), save=False)
    document.save()
    return document


def detail(client, page, **params) -> dict:
    response = client.get(f"/api/v2/pages/{page.pk}/", params)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def procedure(tree, people):
    """A procedure with every section filled, citing a circular and a retention series, approved (00)."""
    home, procedures, references = tree
    circular = citing.circular(references)
    series = citing.series(home)
    form = pdf_document("فرم خودارزیابی")
    page = new_procedure(
        procedures,
        purpose="<p>هدف: ارزیابی عملکرد دستگاه‌ها.</p>",
        scope="<p>همه دستگاه‌های اجرایی استان.</p>",
        definitions=[
            ("definition", {"term": "دستگاه اجرایی", "definition": "هر وزارتخانه یا سازمان دولتی."}),
            ("definition", {"term": "شاخص", "definition": ""}),
        ],
        responsibility_execution="<p>معاونت توسعه مدیریت.</p>",
        responsibility_supervision="<p>رئیس سازمان.</p>",
        activities=[
            ("activity", {"number": "۱", "description": "ابلاغ شاخص‌ها", "responsible": "کارشناس ارزیابی"}),
            ("activity", {"number": "۲", "description": "برگزاری جلسه توجیهی", "responsible": '"'}),
            ("activity", {"number": "", "description": "", "flowchart_step": "پایان"}),
        ],
        records_list=[
            ("record", {"series": series}),
            ("record", {"name": "صورت‌جلسه توجیهی", "code": "س-ت-۰۲", "medium": "paper", "place": "بایگانی"}),
        ],
        external_documents=[
            ("external_document", {"reference": circular, "title": "", "notes": "بند ۳"}),
            ("external_document", {"reference": None, "title": "قانون مدیریت خدمات کشوری", "notes": ""}),
        ],
        attachments=[("attachment", {"title": "فرم خودارزیابی", "document": form})],
    )
    sign_through(page, people["preparer"], people["confirmer"], people["approver"])
    return {
        "page": ProcedurePage.objects.get(pk=page.pk),
        "circular": circular,
        "series": series,
        "form": form,
    }


# --- procedures ---------------------------------------------------------------------------------------


def test_procedure_detail_carries_every_section_and_row(client, procedure):
    data = detail(client, procedure["page"])
    assert data["purpose"] == "<p>هدف: ارزیابی عملکرد دستگاه‌ها.</p>"
    assert data["scope"] == "<p>همه دستگاه‌های اجرایی استان.</p>"
    assert data["responsibility_execution"] == "<p>معاونت توسعه مدیریت.</p>"
    assert data["responsibility_supervision"] == "<p>رئیس سازمان.</p>"
    assert data["definitions"] == [
        {"term": "دستگاه اجرایی", "definition": "هر وزارتخانه یا سازمان دولتی."},
        {"term": "شاخص", "definition": ""},
    ]
    assert [s["heading"] for s in data["sections"]][:2] == ["۱- هدف", "۲- دامنه کاربرد"]
    assert [s["field"] for s in data["sections"]][-1] == "attachments"


def test_activity_rows_are_a_list_with_ditto_cells_resolved_and_flagged(client, procedure):
    rows = detail(client, procedure["page"])["activities"]
    assert [r["description"] for r in rows] == ["ابلاغ شاخص‌ها", "برگزاری جلسه توجیهی", ""]
    assert rows[1]["responsible"] == "کارشناس ارزیابی" and rows[1]["responsible_is_ditto"] is True
    assert rows[0]["responsible_is_ditto"] is False
    assert rows[2]["flowchart_step"] == "پایان" and rows[2]["number"] == ""
    assert set(rows[0]) == {
        "number",
        "description",
        "responsible",
        "collaborator",
        "related_records",
        "flowchart_step",
        "responsible_is_ditto",
        "collaborator_is_ditto",
    }


def test_records_rows_come_from_the_series_as_frozen_and_as_typed(client, procedure):
    linked, typed = detail(client, procedure["page"])["records_list"]
    assert linked["name"] == "مستندات خودارزیابی" and linked["code"] == "س-ا-۰۱"
    assert linked["active_period"] == "۲ سال" and linked["archive_period"] == "۳ سال"
    assert linked["series_id"] == procedure["series"].pk
    assert linked["frozen"] is True and linked["linked"] is True and linked["changes"] == []
    assert linked["html_url"].startswith("http://") and linked["html_url"].endswith(procedure["series"].url)
    assert typed["name"] == "صورت‌جلسه توجیهی" and typed["code"] == "س-ت-۰۲"
    assert typed["medium"] == "paper" and typed["medium_label"] == "کاغذی" and typed["place"] == "بایگانی"
    assert typed["linked"] is False and typed["series_id"] is None


def test_cited_documents_carry_the_values_the_revision_froze(client, procedure):
    cited, typed = detail(client, procedure["page"])["external_documents"]
    circular = procedure["circular"]
    assert cited["title"] == "بخشنامه ارزیابی عملکرد" and cited["number"] == "۳۵۶۶۵/۱۸۰۱"
    assert cited["ref_type"] == "circular" and cited["ref_type_label"] == "بخشنامه"
    assert cited["date"] == "2003-05-25" and cited["date_jalali"] == "۱۳۸۲/۰۳/۰۴"
    assert cited["authority"] == "سازمان امور اداری و استخدامی" and cited["status"] == "in_force"
    assert cited["notes"] == "بند ۳" and cited["reference_id"] == circular.pk
    assert cited["cited_revision_id"] == circular.live_revision_id and cited["frozen"] is True
    assert typed["title"] == "قانون مدیریت خدمات کشوری" and typed["linked"] is False and typed["date"] is None


def test_a_circular_changed_after_approval_keeps_its_frozen_values_with_a_note(client, procedure, tree):
    circular = procedure["circular"]
    circular.number, circular.title = "۹۹۹۹/۱", "عنوان تازه بخشنامه"
    citing.publish(circular)
    replacement = citing.replacement(tree[2], circular)
    cited = detail(client, procedure["page"])["external_documents"][0]
    assert cited["title"] == "بخشنامه ارزیابی عملکرد" and cited["number"] == "۳۵۶۶۵/۱۸۰۱"
    assert cited["status"] == "in_force" and cited["superseded_by"] is None  # as it stood when approved
    texts = [c["text"] for c in cited["changes"]]
    assert "این مستند پس از تصویب تغییر کرده است —" in texts
    assert "پس از تصویب جایگزین شده با" in texts
    note = next(c for c in cited["changes"] if c["text"] == "پس از تصویب جایگزین شده با")
    assert note["link_text"] == replacement.title and note["url"].endswith(replacement.url)


def test_the_next_revision_serves_what_it_froze_itself(client, procedure, people):
    circular = procedure["circular"]
    circular.number = "۹۹۹۹/۱"
    citing.publish(circular)
    sign_through(
        procedure["page"],
        people["preparer"],
        people["confirmer"],
        people["approver"],
        change_reason="به‌روزرسانی ارجاع",
    )
    data = detail(client, procedure["page"])
    assert data["full_code"] == "م پ-م-۱-۰۴/۰۱"
    cited = data["external_documents"][0]
    assert cited["number"] == "۹۹۹۹/۱" and cited["changes"] == []
    old = ControlledRevision.objects.get(page_id=procedure["page"].pk, number=0)
    frozen_then = old.revision.content["frozen_citations"]["external_documents"]
    assert [row["number"] for row in frozen_then.values()] == ["۳۵۶۶۵/۱۸۰۱"]  # 00 still holds its own


def test_attachments_name_their_file_and_download_address(client, procedure):
    (attachment,) = detail(client, procedure["page"])["attachments"]
    assert attachment["title"] == "فرم خودارزیابی"
    document = attachment["document"]
    assert document["id"] == procedure["form"].pk and document["file_extension"] == "pdf"
    assert document["download_url"].startswith("http://") and document["download_url"].endswith(
        procedure["form"].url
    )


def test_revision_history_gives_iso_and_jalali_dates_and_each_revision_address(client, procedure):
    today = timezone.localdate()
    (rev,) = detail(client, procedure["page"])["revision_history"]
    assert rev["number"] == 0 and rev["number_display"] == "۰۰" and rev["code"] == "م پ-م-۱-۰۴/۰۰"
    assert rev["status"] == "in_force" and rev["status_label"] == "جاری"
    assert rev["issue_date"] == today.isoformat()
    from jalali.calendar import format_jalali

    assert rev["issue_date_jalali"] == format_jalali(today) and rev["effective_until"] is None
    assert rev["html_url"].endswith(f"{procedure['page'].url}revisions/0/")
    assert len(rev["content_sha256"]) == 64


def test_header_dates_come_as_iso_and_jalali_with_persian_digits(client, tree, people):
    _, procedures, _ = tree
    from procedures.services import PaperRevision, import_legacy_revision

    page = new_procedure(procedures)
    on = dt.date(2016, 12, 25)
    s = paper_signers(on)
    import_legacy_revision(
        page,
        PaperRevision(0, on, None, "", s["preparer"], s["confirmer"], s["approver"]),
        imported_by=people["preparer"],
        note="نسخه کاغذی",
    )
    data = detail(client, page)
    assert data["issue_date"] == "2016-12-25" and data["issue_date_jalali"] == "۱۳۹۵/۱۰/۰۵"
    assert data["signoffs"][0]["signed_on"] == "2016-12-25"
    assert data["signoffs"][0]["signed_on_jalali"] == "۱۳۹۵/۱۰/۰۵"
    assert data["revision_history"][0]["on_paper"] is True


def test_listing_stays_light_unless_fields_ask(client, procedure):
    listing = client.get("/api/v2/pages/", {"type": "procedures.ProcedurePage"}).json()
    (item,) = listing["items"]
    for heavy in ("purpose", "activities", "records_list", "external_documents", "revision_history"):
        assert heavy not in item
    asked = client.get(
        "/api/v2/pages/", {"type": "procedures.ProcedurePage", "fields": "activities,external_documents"}
    ).json()
    (item,) = asked["items"]
    assert item["activities"][0]["description"] == "ابلاغ شاخص‌ها"
    assert item["external_documents"][0]["number"] == "۳۵۶۶۵/۱۸۰۱"


# --- the service-level statement ---------------------------------------------------------------------


def test_service_statement_carries_its_sections_and_lists(client, tree, people):
    home, _, _ = tree
    page = ServiceStatementPage(
        title="بیانیه سطح توافق خدمت ارزیابی عملکرد",
        slug="sla",
        document_code="ب-خ-۰۱",
        live=False,
        introduction="<p>مقدمه بیانیه.</p>",
        purpose="<p>هدف بیانیه.</p>",
        responsibility="<p>مسئولیت.</p>",
        service_steps=[("step", "ارسال شاخص‌ها"), ("step", "جلسه توجیهی")],
        commitments=[("commitment", "ارسال مستندات فقط از طریق سامانه")],
        costs="<p>رایگان</p>",
        validity="<p>تا ابلاغ اصلاحیه.</p>",
        termination="<p>با اعلام قبلی.</p>",
    )
    home.add_child(instance=page)
    page.save_revision(user=people["preparer"])
    state = page.get_workflow().start(page, people["preparer"])
    act(state, people["confirmer"])
    act(state, people["approver"])
    data = detail(client, page)
    assert data["introduction"] == "<p>مقدمه بیانیه.</p>" and data["costs"] == "<p>رایگان</p>"
    assert data["service_steps"] == ["ارسال شاخص‌ها", "جلسه توجیهی"]
    assert data["commitments"] == ["ارسال مستندات فقط از طریق سامانه"]
    assert data["validity"] == "<p>تا ابلاغ اصلاحیه.</p>" and data["termination"] == "<p>با اعلام قبلی.</p>"
    assert data["sections"][0]["field"] == "introduction"
    assert data["full_code"] == "ب-خ-۰۱/۰۰"


# --- external references -----------------------------------------------------------------------------


def test_reference_detail_carries_body_summary_and_supersession(client, tree):
    _, _, references = tree
    old = citing.circular(
        references, summary="خلاصه بخشنامه", body="<p>متن کامل بخشنامه.</p>", notes="یادداشت"
    )
    old.number_aliases = "۳۵۶۶۵ / ۱۸۰۱"
    citing.publish(old)
    new = citing.replacement(references, old)
    data = detail(client, old)
    assert data["body"] == "<p>متن کامل بخشنامه.</p>" and data["summary"] == "خلاصه بخشنامه"
    assert data["ref_type"] == "circular" and data["ref_type_label"] == "بخشنامه"
    assert data["number"] == "۳۵۶۶۵/۱۸۰۱" and data["number_aliases"] == ["۳۵۶۶۵ / ۱۸۰۱"]
    assert data["authority_name"] == "سازمان امور اداری و استخدامی" and data["notes"] == "یادداشت"
    assert data["date"] == "2003-05-25" and data["date_jalali"] == "۱۳۸۲/۰۳/۰۴"
    assert data["status"] == "superseded" and data["in_force"] is False
    successor = data["superseded_by"]
    assert successor["kind"] == "replaces" and successor["kind_label"] == "جایگزین"
    assert successor["reference"]["id"] == new.pk and successor["reference"]["number"] == "۳۶۷۷۳/۹۱/۲۱۰"
    assert successor["reference"]["date_jalali"] == "۱۳۹۱/۰۹/۱۳"
    # No effective date entered: the replacement takes effect on the replacing act's own date.
    assert successor["effective_on"] == "2012-12-03" and successor["effective_on_jalali"] == "۱۳۹۱/۰۹/۱۳"
    assert data["relations"]["superseded_by"] == [successor] and data["relations"]["outgoing"] == []
    newer = detail(client, new)
    assert newer["status"] == "in_force" and newer["superseded_by"] is None
    (outgoing,) = newer["relations"]["outgoing"]
    assert outgoing["kind"] == "replaces" and outgoing["reference"]["id"] == old.pk
    assert newer["withdrawal"] is None


def withdraw(ref, people, reason: str):
    from custody import services

    people["approver2"] = person("approver2", Role.APPROVER, "رئیس سازمان")
    request = services.request_withdrawal(ref, requested_by=people["preparer"], reason=reason)
    services.decide_withdrawal(request, decided_by=people["approver2"], approve=True)


def test_a_withdrawn_reference_says_when_and_why(client, tree, people):
    ref = citing.circular(tree[2])
    withdraw(ref, people, "منسوخ شده است")
    data = detail(client, ref)
    assert data["status"] == "withdrawn" and data["withdrawal"]["reason"] == "منسوخ شده است"
    assert data["withdrawal"]["withdrawn_on"] == timezone.localdate().isoformat()


def test_a_reference_withdrawn_after_midnight_in_tehran_is_dated_by_tehrans_day(client, tree, people):
    from jalali.calendar import format_jalali
    from tests.clock import after_midnight_in_tehran

    ref = citing.circular(tree[2])
    with after_midnight_in_tehran() as tehran:
        withdraw(ref, people, "منسوخ شده است")
        withdrawal = detail(client, ref)["withdrawal"]
    assert withdrawal["withdrawn_on"] == tehran.isoformat()
    assert withdrawal["withdrawn_on_jalali"] == format_jalali(tehran)


def test_anonymous_readers_cannot_read_a_restricted_reference(client, tree):
    _, _, references = tree
    ref = citing.circular(references, slug="internal", body="<p>متن محرمانه</p>")
    PageViewRestriction.objects.create(page=ref, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(f"/api/v2/pages/{ref.pk}/").status_code == 404
    listing = client.get(
        "/api/v2/pages/", {"type": "procedures.ExternalReferencePage", "fields": "body"}
    ).json()
    assert ref.pk not in [item["id"] for item in listing["items"]]
    assert "متن محرمانه" not in client.get("/api/v2/pages/", {"fields": "*"}).content.decode()


# --- announcements ------------------------------------------------------------------------------------


def notice(tree, slug, audience="public", related=(), starts=-1, ends=10):
    from announcements.audience import ensure_attachment_collections
    from announcements.models import AnnouncementIndexPage
    from announcements.sample_files import sample_file
    from announcements.services import Attachment, NewAnnouncement, publish_announcement

    home = tree[0]
    board = AnnouncementIndexPage.objects.first() or home.add_child(
        instance=AnnouncementIndexPage(title="اطلاعیه‌ها", slug="announcements")
    )
    if not board.live or not board.get_latest_revision():
        board.save_revision().publish()
    public, private = ensure_attachment_collections()
    today = timezone.localdate()
    spec = NewAnnouncement(
        slug=slug,
        title="تمدید مهلت خودارزیابی",
        display_from=today + dt.timedelta(days=starts),
        display_to=today + dt.timedelta(days=ends) if ends is not None else None,
        body="<p>مهلت خودارزیابی تا پایان ماه تمدید شد.</p>",
        audience=audience,
        addressee="روسای محترم دستگاه‌های اجرایی",
        summary="مهلت تمدید شد.",
        note="یادداشت پایانی",
        attachments=[Attachment("جدول زمان‌بندی", f"{slug}.pdf", sample_file("pdf", "جدول"))],
        related=list(related),
    )
    return publish_announcement(board, spec, private if audience == "agencies" else public)


def test_announcement_detail_carries_body_window_attachments_and_cited_circulars(client, tree):
    from jalali.calendar import format_jalali

    circular = citing.circular(tree[2])
    page = notice(tree, "extension", related=[circular])
    today = timezone.localdate()
    first, last = today - dt.timedelta(days=1), today + dt.timedelta(days=10)
    data = detail(client, page)
    assert data["body"] == "<p>مهلت خودارزیابی تا پایان ماه تمدید شد.</p>"
    assert data["summary"] == "مهلت تمدید شد." and data["addressee"] == "روسای محترم دستگاه‌های اجرایی"
    assert data["note"] == "یادداشت پایانی" and data["audience"] == "public"
    assert data["display_from"] == first.isoformat() and data["display_from_jalali"] == format_jalali(first)
    assert data["display_to"] == last.isoformat() and data["display_to_jalali"] == format_jalali(last)
    assert data["window"] == {
        "display_from": first.isoformat(),
        "display_from_jalali": format_jalali(first),
        "display_to": last.isoformat(),
        "display_to_jalali": format_jalali(last),
        "last_day": last.isoformat(),
        "last_day_jalali": format_jalali(last),
        "state": "showing",
    }
    (attachment,) = data["attachments"]
    assert attachment["title"] == "جدول زمان‌بندی" and attachment["document"]["file_extension"] == "pdf"
    (cited,) = data["related"]
    assert cited["id"] == circular.pk and cited["type"] == "procedures.ExternalReferencePage"
    assert cited["number"] == "۳۵۶۶۵/۱۸۰۱" and cited["date_jalali"] == "۱۳۸۲/۰۳/۰۴"


def test_an_open_ended_window_has_no_last_day(client, tree):
    data = detail(client, notice(tree, "open", ends=None))
    assert data["display_to"] is None and data["display_to_jalali"] == ""
    assert data["window"]["last_day"] is None and data["window"]["state"] == "showing"


def test_anonymous_readers_cannot_read_an_agencies_only_announcement(client, tree):
    page = notice(tree, "agencies-only", audience="agencies")
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    everything = client.get("/api/v2/pages/", {"fields": "*", "limit": 100}).content.decode()
    assert page.title not in everything and "مهلت خودارزیابی تا پایان ماه" not in everything


def test_an_announcement_names_no_restricted_page_it_cites(client, tree):
    hidden = citing.circular(tree[2], slug="hidden", title="بخشنامه محرمانه")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    data = detail(client, notice(tree, "cites-hidden", related=[hidden]))
    assert data["related"] == []


def test_announcement_listing_does_not_carry_bodies(client, tree):
    notice(tree, "listed")
    listing = client.get("/api/v2/pages/", {"type": "announcements.AnnouncementPage"}).json()
    (item,) = listing["items"]
    assert "body" not in item and "attachments" not in item and "window" not in item


# --- evaluation cycles and the retention schedule -----------------------------------------------------


def test_cycle_detail_carries_its_procedure_circulars_indicators_and_timetable(
    client, tree, procedure, people
):
    from records.evaluation.models import CycleCircular, EvaluationIndexPage
    from records.evaluation.services import issue_indicators
    from tests.evaluation import factories as ef

    home = tree[0]
    index = home.add_child(instance=EvaluationIndexPage(title="ارزیابی عملکرد", slug="evaluation"))
    index.save_revision().publish()
    bank = [ef.indicator("G-01", title="استقرار نظام مدیریت عملکرد", max_score="12.5")]
    cycle = ef.cycle(index, procedure["page"], year=ef.YEAR, opened_on=ef.day(0))  # 00 is in force from today
    cycle.circulars.add(CycleCircular(reference=procedure["circular"], role="opening"))
    cycle.intro = "<p>دوره ارزیابی امسال.</p>"
    cycle.save_revision().publish()
    issue_indicators(cycle, bank, by=person("evaluator", Role.EVALUATOR, "کارشناس ارزیاب"), today=ef.day(-35))
    data = detail(client, cycle)
    assert data["intro"] == "<p>دوره ارزیابی امسال.</p>" and data["year"] == ef.YEAR
    assert data["procedure"]["id"] == procedure["page"].pk
    assert data["procedure"]["pinned_revision"]["code"] == "م پ-م-۱-۰۴/۰۰"
    (circular,) = data["circulars"]
    assert circular["role"] == "opening" and circular["role_label"] == "بخشنامه آغاز دوره"
    assert circular["number"] == "۳۵۶۶۵/۱۸۰۱" and circular["date"] == "2003-05-25"
    (indicator,) = data["indicators"]
    assert indicator["code"] == "G-01" and indicator["title"] == "استقرار نظام مدیریت عملکرد"
    assert indicator["max_score"] == "12.50" and indicator["kind"] == "general"
    assert data["final_results"] == []
    phase = data["timetable"][0]
    assert phase["starts_on"] == ef.day(-40).isoformat() and phase["starts_on_jalali"]
    bank_data = detail(client, index)["indicator_bank"]
    assert [i["code"] for i in bank_data] == ["G-01"]


def test_retention_series_detail_carries_its_row_as_printed(client, tree):
    series = citing.series(tree[0], description="مستندات هر دوره")
    data = detail(client, series)
    assert data["code"] == "س-ا-۰۱" and data["active_period_label"] == "۲ سال"
    assert data["archive_period_label"] == "۳ سال" and data["active_place"] == "واحد ارزیابی عملکرد"
    assert data["description"] == "مستندات هر دوره" and data["custodian"] == "دبیرخانه"


# --- rich text ---------------------------------------------------------------------------------------


def test_rich_text_links_come_resolved_unless_the_stored_form_is_asked_for(client, tree):
    _, _, references = tree
    old = citing.circular(references, slug="old")
    body = f'<p>جایگزین <a linktype="page" id="{old.pk}">بخشنامه پیشین</a>.</p>'
    new = citing.circular(references, slug="new", number="۱/۲", body=body)
    assert detail(client, new)["body"] == f'<p>جایگزین <a href="{old.url}">بخشنامه پیشین</a>.</p>'
    assert detail(client, new, rich_text_format="db_html")["body"] == body


def test_an_unknown_rich_text_format_is_refused_in_persian(client, tree):
    ref = citing.circular(tree[2])
    response = client.get(f"/api/v2/pages/{ref.pk}/", {"rich_text_format": "docx"})
    assert response.status_code == 400
    assert response.json()["message"].startswith("rich_text_format «docx» شناخته نیست؛")


@pytest.mark.parametrize(
    "page_type, name",
    [
        ("procedures.ProcedurePage", "activities"),
        ("procedures.ProcedurePage", "external_documents"),
        ("procedures.ExternalReferencePage", "relations"),
        ("announcements.AnnouncementPage", "attachments"),
        ("evaluation.EvaluationCyclePage", "circulars"),
    ],
)
def test_content_fields_are_not_filters(client, tree, page_type, name):
    response = client.get("/api/v2/pages/", {"type": page_type, name: "abc"})
    assert response.status_code == 400
    assert response.json()["message"].startswith(f"پارامتر «{name}» شناخته نیست؛")
