"""The public site as a whole: the front page, the statement's permalink, headers, caching, sitemap."""

from __future__ import annotations

import re

import pytest
from django.test import override_settings
from django.urls import include, path
from wagtail.models import WorkflowState

from accounts.roles import Role
from announcements.audience import Audience
from feedback.models import FeedbackKind
from tests.factories import person, site_tree
from tests.site.test_announcements import make_announcement, make_board
from tests.site.test_feedback import make_form

pytestmark = pytest.mark.django_db


def boom(request):
    raise RuntimeError("a bug")


urlpatterns = [path("boom/", boom), path("", include("sanad.urls"))]


# --- the front page ---------------------------------------------------------------------------------


def test_front_page_offers_services_statement_latest_notices_and_a_search_box(client):
    make_form(kind=FeedbackKind.COMPLAINT)
    make_form(kind=FeedbackKind.SURVEY, slug="survey", title="نظرسنجی رضایت از خدمت")
    make_announcement(make_board(), title="تمدید مهلت خودارزیابی", slug="extended")
    html = client.get("/").content.decode()
    assert "خدمات سازمان" in html
    assert "ثبت شکایت" in html and "نظرسنجی رضایت از خدمت" in html
    assert "تمدید مهلت خودارزیابی" in html
    assert re.search(r'<form[^>]*role="search"[^>]*action="/search/"[^>]*method="get"', html)
    assert re.search(r'<input[^>]*type="search"[^>]*name="q"', html)
    assert 'rel="alternate" type="application/atom+xml"' in html


def test_front_page_shows_recent_archived_notices_when_none_is_showing(client):
    make_announcement(make_board(), title="اطلاعیه گذشته", slug="past", starts=-30, ends=-10)
    html = client.get("/").content.decode()
    assert "در حال حاضر اطلاعیه‌ای در دوره نمایش نیست" in html
    assert "آخرین اطلاعیه‌های بایگانی‌شده" in html and "اطلاعیه گذشته" in html


def test_front_page_hides_agencies_only_notices_from_the_public(client):
    make_announcement(make_board(), title="کد و رمز سامانه همگام", audience=Audience.AGENCIES)
    assert "کد و رمز سامانه همگام" not in client.get("/").content.decode()
    client.force_login(person("agency9", Role.AGENCY_USER))
    assert "کد و رمز سامانه همگام" in client.get("/").content.decode()


def test_public_pages_are_persian_right_to_left_with_landmarks_and_a_skip_link(client):
    site_tree()
    make_form()
    make_board()
    for url in ("/", "/complaints/", "/announcements/"):
        html = client.get(url).content.decode()
        assert re.search(r'<html[^>]*lang="fa"[^>]*dir="rtl"', html), url
        for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
            assert landmark in html, (url, landmark)
        assert '<a class="skip-link" href="#main">' in html


# --- the service-level statement keeps its address across revisions ---------------------------------


def _approve(state, user):
    state.refresh_from_db()
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, user, "approve")


def test_publishing_revision_01_of_the_statement_keeps_its_permalink_and_shows_the_revision_and_date(client):
    from procedures.models import ServiceStatementPage
    from procedures.setup import ensure_signoff_workflow

    home, _, _ = site_tree()
    ensure_signoff_workflow(home)
    officer = person("officer", Role.QUALITY_OFFICER, "کارشناس کیفیت")
    confirmer = person("confirmer", Role.CONFIRMER, "معاون توسعه مدیریت")
    approver = person("approver", Role.APPROVER, "رئیس سازمان")
    page = home.add_child(
        instance=ServiceStatementPage(
            title="بیانیه سطح توافق خدمت ارزیابی عملکرد",
            slug="service-statement",
            live=False,
            document_code="ب س-ا-۰۱",
            introduction="<p>مقدمه</p>",
        )
    )
    for change in ("", "افزودن مهلت اعتراض"):
        draft = ServiceStatementPage.objects.get(pk=page.pk).get_latest_revision_as_object()
        draft.change_reason = change
        draft.save_revision(user=officer)
        state = draft.get_workflow().start(ServiceStatementPage.objects.get(pk=page.pk), officer)
        _approve(state, confirmer)
        _approve(state, approver)
        assert WorkflowState.objects.get(pk=state.pk).status == WorkflowState.STATUS_APPROVED

    page = ServiceStatementPage.objects.get(pk=page.pk)
    assert page.revision_number == 1 and page.url == "/service-statement/"
    response = client.get("/service-statement/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "(۰۱)" in html and "ب س-ا-۰۱/۰۱" in html
    from jalali.calendar import format_jalali

    effective = format_jalali(page.current_controlled_revision.effective_from)
    assert effective and f"معتبر از {effective}" in html
    assert format_jalali(page.revision_date) in html  # «تاریخ بازنگری»
    assert "/service-statement/revisions/0/" in client.get("/service-statement/revisions/").content.decode()


# --- security headers --------------------------------------------------------------------------------


def test_public_pages_send_a_strict_content_security_policy_and_need_no_inline_script(client):
    make_form()
    make_announcement(make_board(), slug="csp")
    for url in ("/", "/complaints/", "/announcements/", "/announcements/csp/", "/complaints/track/"):
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("style-src-attr")[0]
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"]
        html = response.content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), f"inline script in {url}"
        assert not re.search(r"<style[\s>]", html), f"inline style element in {url}"
        assert not re.search(r"\son[a-z]+=", html), f"inline event handler in {url}"


def test_the_admin_gets_the_looser_policy_it_needs_and_still_renders(client):
    site_tree()
    client.force_login(person("root", None, is_superuser=True, is_staff=True))
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy and "frame-ancestors 'self'" in policy
    assert "<script" in response.content.decode()


def test_a_superusers_dashboard_asks_no_other_host_for_a_newer_wagtail(client):
    """The admin's policy allows no connection elsewhere; Wagtail's upgrade check would be blocked."""
    site_tree()
    client.force_login(person("root", None, is_superuser=True, is_staff=True))
    html = client.get("/admin/").content.decode()
    assert "w-upgrade" not in html and "releases.wagtail.org" not in html


@override_settings(ROOT_URLCONF="tests.site.test_public_site", DEBUG=False)
def test_a_server_error_gets_the_persian_500_page_with_the_security_headers(client):
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "خطای سرور" in html and 'lang="fa"' in html
    assert "Content-Security-Policy" in response


def test_an_unknown_address_gets_the_persian_404_page(client):
    site_tree()
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "صفحه پیدا نشد" in html and 'action="/search/"' in html


# --- caching ------------------------------------------------------------------------------------------


def test_anonymous_reads_of_public_pages_may_be_cached_for_a_few_minutes(client):
    make_announcement(make_board(), slug="cached")
    for url in ("/", "/announcements/", "/announcements/cached/"):
        response = client.get(url)
        assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"], url
        assert "Cookie" in response["Vary"]


def test_signed_in_reads_forms_and_restricted_pages_are_never_cached_publicly(client):
    form = make_form()
    private = make_announcement(make_board(), slug="private", audience=Audience.AGENCIES)
    assert "public" not in client.get(form.url).get("Cache-Control", "")  # sets the CSRF cookie
    assert "public" not in client.get(private.url).get("Cache-Control", "")  # a redirect to log in
    client.force_login(person("agency8", Role.AGENCY_USER))
    for url in ("/", private.url):
        cache_control = client.get(url)["Cache-Control"]
        assert "public" not in cache_control and ("private" in cache_control or "no-cache" in cache_control)


# --- sitemap and robots --------------------------------------------------------------------------------


def test_sitemap_lists_public_pages_and_leaves_out_agencies_only_ones(client):
    make_form()
    public = make_announcement(make_board(), slug="open-notice")
    private = make_announcement(make_board(), slug="closed-notice", audience=Audience.AGENCIES)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert "/complaints/" in body and f"/announcements/{public.slug}/" in body
    assert f"/announcements/{private.slug}/" not in body


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert re.search(r"^Sitemap: https?://[^/]+/sitemap\.xml$", body, re.MULTILINE)
