"""Complaint, suggestion and survey forms: stored, numbered, tracked, kept from robots."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from feedback.models import FeedbackFormField, FeedbackFormPage, FeedbackKind, FeedbackSubmission
from feedback.tracking import next_tracking_number, normalise_tracking_number
from tests.factories import person, site_tree

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_rate_limits():
    cache.clear()
    yield
    cache.clear()


def make_form(kind=FeedbackKind.COMPLAINT, slug="complaints", title="ثبت شکایت") -> FeedbackFormPage:
    home, _, _ = site_tree()
    page = FeedbackFormPage(title=title, slug=slug, kind=kind)
    page.form_fields.add(
        FeedbackFormField(label="نام و نام خانوادگی", field_type="singleline", required=True)
    )
    page.form_fields.add(FeedbackFormField(label="شرح شکایت", field_type="multiline", required=True))
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def field_names(page) -> dict[str, str]:
    return {f.label: f.clean_name for f in page.form_fields.all()}


def valid_data(page, **extra) -> dict:
    names = field_names(page)
    return {
        names["نام و نام خانوادگی"]: "مریم احمدی",
        names["شرح شکایت"]: "پاسخ نامه‌ام پس از دو ماه نیامده است.",
        **extra,
    }


def test_a_complaint_is_stored_and_answered_with_a_tracking_number(client):
    page = make_form()
    response = client.post(page.url, valid_data(page))
    assert response.status_code == 200
    submission = FeedbackSubmission.objects.get()
    assert submission.page_id == page.pk and submission.kind == "complaint"
    assert submission.tracking_number.startswith("ش-14") and submission.tracking_number.endswith("-000001")
    html = response.content.decode()
    assert submission.tracking_number_display in html  # «ش-۱۴۰۵-۰۰۰۰۰۱»
    assert "website" not in submission.form_data  # the honeypot is not stored


def test_numbers_rise_per_kind_and_restart_each_jalali_year():
    spring_1404 = dt.date(2025, 4, 1)  # 1404/01/12
    assert next_tracking_number("complaint", spring_1404) == "ش-1404-000001"
    assert next_tracking_number("complaint", spring_1404) == "ش-1404-000002"
    assert next_tracking_number("suggestion", spring_1404) == "پ-1404-000001"
    assert next_tracking_number("complaint", dt.date(2026, 3, 21)) == "ش-1405-000001"  # 1405/01/01


@pytest.mark.parametrize(
    "typed",
    ["ش-۱۴۰۵-۰۰۰۱۲۳", "ش-1405-123", " ش ۱۴۰۵ ۱۲۳ ", "ش/١٤٠٥/٠٠٠١٢٣", "ش–۱۴۰۵–۰۰۰۱۲۳"],
)
def test_tracking_numbers_are_read_as_people_type_them(typed):
    assert normalise_tracking_number(typed) == "ش-1405-000123"


@pytest.mark.parametrize("typed", ["", "123", "ک-۱۴۰۵-۱", "ش-۹۹-۱", "ش-۱۴۰۵-۱۲۳۴۵۶۷"])
def test_malformed_tracking_numbers_are_rejected(typed):
    assert normalise_tracking_number(typed) is None


def test_a_filled_honeypot_stores_nothing(client):
    page = make_form()
    response = client.post(page.url, valid_data(page, website="http://spam.example"))
    assert response.status_code == 400
    assert "ارسال پذیرفته نشد" in response.content.decode()
    assert FeedbackSubmission.objects.count() == 0


def test_the_honeypot_is_hidden_from_people_and_keyboards(client):
    page = make_form()
    html = client.get(page.url).content.decode()
    assert 'class="hp-field" aria-hidden="true"' in html
    assert 'tabindex="-1"' in html


@override_settings(SANAD_FEEDBACK_RATE_LIMIT=2)
def test_more_submissions_than_the_limit_from_one_address_are_refused_and_not_stored(client):
    page = make_form()
    assert client.post(page.url, valid_data(page)).status_code == 200
    assert client.post(page.url, valid_data(page)).status_code == 200
    refused = client.post(page.url, valid_data(page))
    assert refused.status_code == 429
    assert "ارسال‌های زیادی" in refused.content.decode()
    assert FeedbackSubmission.objects.count() == 2
    # Another address is not held back by the first one's limit.
    assert client.post(page.url, valid_data(page), REMOTE_ADDR="10.0.0.9").status_code == 200


def test_a_submission_missing_required_fields_shows_persian_errors_and_stores_nothing(client):
    page = make_form()
    response = client.post(page.url, {})
    assert response.status_code == 200
    html = response.content.decode()
    assert "لطفاً خطاهای مشخص‌شده" in html and "field-error" in html
    assert FeedbackSubmission.objects.count() == 0


def test_the_tracking_page_shows_the_status_and_public_reply_but_not_what_was_sent(client):
    page = make_form()
    client.post(page.url, valid_data(page))
    submission = FeedbackSubmission.objects.get()
    submission.status = "answered"
    submission.public_note = "نامه شما در تاریخ ۱۴۰۵/۰۲/۰۱ پاسخ داده شد."
    submission.save()

    response = client.get(f"{page.url}track/", {"code": submission.tracking_number_display})
    assert response.status_code == 200
    html = response.content.decode()
    assert "پاسخ داده شد" in html and "نامه شما در تاریخ" in html
    assert "مریم احمدی" not in html and "دو ماه" not in html
    assert "no-store" in response["Cache-Control"]


def test_the_tracking_page_explains_a_malformed_or_unknown_number(client):
    page = make_form()
    bad = client.get(f"{page.url}track/", {"code": "abc"})
    assert bad.status_code == 400 and "ش-۱۴۰۵-۰۰۰۱۲۳" in bad.content.decode()
    unknown = client.get(f"{page.url}track/", {"code": "ش-۱۴۰۵-۰۰۹۹۹۹"})
    assert unknown.status_code == 404 and "پیدا نشد" in unknown.content.decode()


@override_settings(SANAD_TRACKING_LOOKUP_LIMIT=3)
def test_tracking_lookups_are_rate_limited_per_address(client):
    page = make_form()
    for _ in range(3):
        assert client.get(f"{page.url}track/", {"code": "ش-۱۴۰۵-۰۰۰۰۰۱"}).status_code == 404
    assert client.get(f"{page.url}track/", {"code": "ش-۱۴۰۵-۰۰۰۰۰۱"}).status_code == 429


def test_status_change_is_dated():
    page = make_form()
    submission = FeedbackSubmission.objects.create(
        form_data={}, page=page, kind="complaint", tracking_number="ش-1405-000007"
    )
    before = submission.status_changed_at
    submission.status = "in_review"
    submission.save()
    assert submission.status_changed_at > before


def test_staff_see_submissions_with_their_tracking_numbers_in_wagtail_listing(client):
    page = make_form()
    client.post(page.url, valid_data(page))
    submission = FeedbackSubmission.objects.get()
    client.force_login(person("root", None, is_superuser=True, is_staff=True))
    listing = client.get(reverse("wagtailforms:list_submissions", args=[page.pk]))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert submission.tracking_number_display in html and "مریم احمدی" in html


def test_staff_update_the_status_in_the_admin_and_cannot_add_or_delete(client):
    page = make_form()
    client.post(page.url, valid_data(page))
    submission = FeedbackSubmission.objects.get()
    client.force_login(person("root", None, is_superuser=True, is_staff=True))
    edit_url = reverse("feedback_submissions:edit", args=[submission.pk])
    assert client.get(edit_url).status_code == 200
    response = client.post(edit_url, {"status": "in_review", "public_note": "در دست بررسی است."})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == "in_review"
    assert client.get(reverse("feedback_submissions:add")).status_code in {302, 403}
    assert client.get(reverse("feedback_submissions:delete", args=[submission.pk])).status_code in {302, 403}
    assert FeedbackSubmission.objects.count() == 1
