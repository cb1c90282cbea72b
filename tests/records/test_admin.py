"""The records admin: every button calls a service; refusals come back as Persian messages, never a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from jalali.digits import to_persian_digits
from records import services
from records.choices import HoldKind, Phase
from records.models import DispositionBatch, Hold, Record
from tests.records import factories

pytestmark = pytest.mark.django_db


def shown(record) -> str:
    """The record's number as the admin's listings show it: every digit Persian."""
    return to_persian_digits(record.reference_number)


def messages_of(response):
    return [str(m) for m in response.wsgi_request._messages]


def test_records_manager_creates_uploads_and_declares_a_record_in_the_admin(client, series, people):
    client.force_login(people["records"])
    response = client.post(
        reverse("records:add"),
        {
            "series": series.pk,
            "title": "صورت‌جلسه شورای ارزیابی",
            "reference_number": "۱۴۰۲/ص/۱۵",
            "record_date": "۱۴۰۲/۰۶/۳۱",
            "medium": "electronic",
            "physical_location": "",
            "notes": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    record = Record.objects.get(reference_number="۱۴۰۲/ص/۱۵")
    assert record.created_by == people["records"] and record.phase == Phase.DRAFT

    hostile = SimpleUploadedFile(
        "نتایج.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"
    )
    response = client.post(reverse("records_record_upload", args=[record.pk]), {"file": hostile})
    assert response.status_code == 200 and "HTML" in response.content.decode()
    assert record.files.count() == 0

    good = SimpleUploadedFile("صورت‌جلسه.pdf", factories.PDF, content_type="application/pdf")
    assert client.post(reverse("records_record_upload", args=[record.pk]), {"file": good}).status_code == 302
    assert client.post(reverse("records_record_declare", args=[record.pk])).status_code == 302
    record.refresh_from_db()
    assert record.is_declared
    html = client.get(reverse("records_record_detail", args=[record.pk])).content.decode()
    assert "۱۴۰۲/۰۶/۳۱" in html and record.files.get().sha256 in html


def test_the_admin_refuses_a_correction_without_a_reason_and_keeps_one_with_it(client, record, people):
    client.force_login(people["records"])
    url = reverse("records:edit", args=[record.pk])
    data = {
        "series": record.series_id,
        "title": "عنوان اصلاح‌شده",
        "reference_number": record.reference_number,
        "record_date": "2018-03-21",
        "medium": record.medium,
        "physical_location": "",
        "notes": "",
        "change_reason": "",
    }
    response = client.post(url, data)
    assert response.status_code == 200 and "دلیل" in response.content.decode()
    assert Record.objects.get(pk=record.pk).title != "عنوان اصلاح‌شده"
    data["change_reason"] = "عنوان با نامه اصلی تطبیق داده شد"
    assert client.post(url, data).status_code == 302
    latest = Record.history.filter(id=record.pk).order_by("-history_date").first()
    assert latest.title == "عنوان اصلاح‌شده" and latest.history_change_reason == data["change_reason"]


def test_deleting_a_declared_record_in_the_admin_is_refused_with_a_message(client, record, people):
    client.force_login(people["records"])
    response = client.post(reverse("records:delete", args=[record.pk]), follow=True)
    assert response.status_code == 200
    assert any("حذف نمی‌شود" in m for m in messages_of(response))
    assert Record.objects.filter(pk=record.pk).exists()


def test_the_listing_shows_jalali_dates_and_filters_by_phase_hold_and_due_month(
    client, record, series, people
):
    from jalali.calendar import format_jalali, to_jalali_parts

    fresh = factories.declared_record(series, people["records"], when=timezone.localdate())
    services.place_hold(record=record, kind=HoldKind.AUDIT, reason="ممیزی", by=people["records"])
    client.force_login(people["auditor"])
    url = reverse("records:index")
    html = client.get(url).content.decode()
    assert format_jalali(record.disposition_due_on) in html and "در توقیف" in html
    held = client.get(url, {"on_hold": "true"}).content.decode()
    assert shown(record) in held and shown(fresh) not in held
    due = client.get(url, {"phase": "due"}).content.decode()
    assert shown(record) in due and shown(fresh) not in due
    year, month, _ = to_jalali_parts(record.disposition_due_on)
    by_month = client.get(url, {"due_year": year, "due_month": month}).content.decode()
    assert shown(record) in by_month and shown(fresh) not in by_month
    persian = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
    by_persian = client.get(url, {"due_year": str(year).translate(persian), "due_month": month})
    assert by_persian.status_code == 200
    for odd in ("³", "①", "9" * 40):
        assert client.get(url, {"due_year": odd, "due_month": month}).status_code == 200, odd


def test_a_hold_placed_in_the_admin_blocks_execution_in_the_admin(client, record, people):
    batch = services.prepare_batch([record], by=people["records"], title="امحا")
    services.approve_batch(batch, by=people["approver"])
    client.force_login(people["officer"])
    response = client.post(
        reverse("records_record_hold", args=[record.pk]),
        {"kind": "objection", "reason": "اعتراض دستگاه در جریان است", "reference": "۱۲۳"},
    )
    assert response.status_code == 302
    client.force_login(people["records"])
    response = client.post(reverse("records_batch_action", args=[batch.pk, "execute"]), follow=True)
    assert any("توقیف" in m for m in messages_of(response))
    record.refresh_from_db()
    assert record.phase == Phase.DUE and record.files.get().document is not None
    assert DispositionBatch.objects.get(pk=batch.pk).status == "approved"


def test_release_and_batch_approval_by_the_same_person_are_refused_in_the_admin(client, record, people):
    hold = services.place_hold(record=record, kind=HoldKind.LEGAL, reason="استعلام", by=people["records"])
    client.force_login(people["records"])
    client.post(reverse("records_hold_release", args=[hold.pk]), {"reason": "پاسخ استعلام رسید"})
    response = client.post(
        reverse("records_hold_decide", args=[hold.pk]), {"decision": "approve"}, follow=True
    )
    assert any("شخص دیگری" in m for m in messages_of(response))
    assert Hold.objects.get(pk=hold.pk).status == "release_requested"

    client.force_login(people["approver"])
    assert "تایید رفع" in client.get(reverse("records_holds")).content.decode()
    client.post(reverse("records_hold_decide", args=[hold.pk]), {"decision": "approve"})
    assert Hold.objects.get(pk=hold.pk).status == "released"

    client.force_login(people["records"])
    response = client.post(reverse("records_batch_prepare"), {"title": "امحای ۱۴۰۳", "record": [record.pk]})
    batch = DispositionBatch.objects.get()
    response = client.post(reverse("records_batch_action", args=[batch.pk, "approve"]), follow=True)
    assert any("شخص دیگری" in m for m in messages_of(response))
    client.force_login(people["approver"])
    client.post(reverse("records_batch_action", args=[batch.pk, "approve"]))
    client.force_login(people["records"])
    client.post(reverse("records_batch_action", args=[batch.pk, "execute"]))
    assert Record.objects.get(pk=record.pk).phase == Phase.DESTROYED


def test_the_due_list_shows_a_jalali_month(client, record, people):
    from jalali.calendar import to_jalali_parts

    year, month, _ = to_jalali_parts(record.disposition_due_on)
    client.force_login(people["records"])
    html = client.get(reverse("records_due"), {"year": year, "month": month}).content.decode()
    assert shown(record) in html and "تهیه فهرست تعیین تکلیف" in html


def test_the_auditor_reads_and_exports_the_full_history_but_changes_nothing(client, record, people):
    services.correct_record(record, by=people["records"], reason="اصلاح شماره", notes="یادداشت تازه")
    services.place_hold(record=record, kind=HoldKind.AUDIT, reason="ممیزی داخلی", by=people["records"])
    client.force_login(people["auditor"])
    html = client.get(reverse("records_record_history", args=[record.pk])).content.decode()
    assert "اصلاح شماره" in html and "ممیزی داخلی" in html and "اعلام سابقه" in html
    response = client.get(reverse("records_record_history", args=[record.pk]), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert "اصلاح شماره" in text and "ممیزی داخلی" in text
    assert client.get(reverse("records:edit", args=[record.pk])).status_code in {302, 403}
    client.post(reverse("records_record_declare", args=[record.pk]))
    response = client.post(reverse("records_record_hold", args=[record.pk]), {"kind": "audit", "reason": "x"})
    assert response.status_code == 200
    assert Hold.objects.filter(record=record).count() == 1


def test_record_files_are_served_only_to_permitted_users(client, record, people):
    record_file = record.files.get()
    url = reverse("records_file_download", args=[record_file.pk])
    client.force_login(people["agency"])
    assert client.get(url).status_code in {302, 403}  # the admin sends the refused back with a message
    wagtail_url = record_file.document.url
    assert client.get(wagtail_url).status_code in {302, 403}
    client.logout()
    assert client.get(wagtail_url).status_code in {302, 403}
    client.force_login(people["auditor"])
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == factories.PDF
    assert response["X-Content-Type-Options"] == "nosniff"


def test_register_import_in_the_admin_lists_row_problems_in_persian(client, register, people):
    from tests.records.test_register_io import HEADER, csv_bytes, row

    client.force_login(people["records"])
    upload = SimpleUploadedFile(
        "جدول.csv", csv_bytes([HEADER, row("س-د-۰۱", "خوب"), row("س-د-۰۲", "بد", archive="x")])
    )
    html = client.post(reverse("records_register_import"), {"file": upload}).content.decode()
    assert "ردیف ۳" in html and "هیچ تغییری داده نشد" in html
    response = client.get(reverse("records_register_export"), {"format": "xlsx"})
    assert response.status_code == 200 and response.content[:2] == b"PK"


def test_the_series_with_records_cannot_be_deleted_in_the_admin(client, record, series, people):
    client.force_login(people["superuser"])
    response = client.post(reverse("wagtailadmin_pages:delete", args=[series.pk]), follow=True)
    assert response.status_code == 200
    assert any("حذف نمی‌شود" in m for m in messages_of(response))


def test_every_records_screen_opens_for_the_records_manager_and_the_auditor(client, record, series, people):
    batch = services.prepare_batch([record], by=people["records"], title="امحای آزمایشی")
    hold = services.place_hold(series=series, kind=HoldKind.AUDIT, reason="ممیزی", by=people["records"])
    urls = [
        reverse("records:index"),
        reverse("records_batches"),
        reverse("records_batch_detail", args=[batch.pk]),
        reverse("record_holds:index"),
        reverse("disposition_batches:index"),
        reverse("records_holds"),
        reverse("records_due"),
        reverse("records_register_import"),
        reverse("records_record_history", args=[record.pk]),
    ]
    for user in ("records", "auditor"):
        client.force_login(people[user])
        for url in urls:
            assert client.get(url).status_code == 200, (user, url)
    # The auditor reads the register's export there, but may not import
    client.force_login(people["auditor"])
    html = client.get(reverse("records_register_import")).content.decode()
    assert "format=csv" in html and 'enctype="multipart/form-data"' not in html
    assert "با مدیر سوابق است" in html
    upload = SimpleUploadedFile("جدول.csv", b"x")
    refused = client.post(reverse("records_register_import"), {"file": upload})
    assert refused.status_code in (302, 403) and refused.get("Location", "/admin/") == "/admin/"
    client.force_login(people["records"])
    assert client.get(reverse("records:add")).status_code == 200
    assert client.get(reverse("records:edit", args=[record.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[series.pk])).status_code == 200
    assert client.get(reverse("records_hold_release", args=[hold.pk])).status_code == 200
    assert client.get(reverse("records_series_hold", args=[series.pk])).status_code == 200


def test_the_dashboard_tells_the_approver_what_waits_for_a_second_person(client, record, people):
    services.prepare_batch([record], by=people["records"], title="امحا")
    client.force_login(people["approver"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "فهرست‌های در انتظار تایید: ۱" in html


def test_a_word_inside_a_records_file_finds_the_record_in_the_listing_for_those_who_may_read_it(
    client, series, people, django_capture_on_commit_callbacks
):
    text = "صورتجلسه کمیته راهبری درباره استقرار نظام جامع مدیریت عملکرد و گزارش پایش زعفرانیه"
    with django_capture_on_commit_callbacks(execute=True):
        with_file = factories.declared_record(
            series, people["records"], data=text.encode(), name="صورتجلسه.txt", title="صورتجلسه"
        )
    other = factories.declared_record(series, people["records"], title="صورتجلسه دیگر")
    url = reverse("records:index")
    client.force_login(people["auditor"])
    found = client.get(url, {"q": "زعفرانیه"}).content.decode()
    assert shown(with_file) in found and shown(other) not in found
    # Persian spelling variants meet the file's text as they meet a field's (Arabic yeh and kaf).
    variant = client.get(url, {"q": "كميته راهبري"}).content.decode()
    assert shown(with_file) in variant and shown(other) not in variant
    excluded = client.get(url, {"q": "صورتجلسه -زعفرانیه"}).content.decode()
    assert shown(with_file) not in excluded and shown(other) in excluded
    client.force_login(people["agency"])  # no records permission: the listing itself is refused
    assert client.get(url, {"q": "زعفرانیه"}).status_code in {302, 403}
